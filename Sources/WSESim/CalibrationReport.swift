import Foundation

/// The fitted model's predictions against every calibration point, for Documentation/WSEModel.md's table and
/// `sparkctl wse calibrate`.
package struct CalibrationReport: Sendable {
    package struct Row: Hashable, Sendable {
        package var model: String
        package var wafers: Int
        package var observed: Double
        package var predicted: Double
        /// `(predicted − observed) / observed`.
        package var relativeError: Double { (predicted - observed) / observed }
    }

    package var rows: [Row]

    package init(_ set: CalibrationSet, parameters: FittedParameters = .wse3) {
        rows = set.points.map { point in
            let model = PerformanceModel(architecture: point.arch, contextWindow: CalibrationSet.context, parameters: parameters)
            return Row(
                model: point.model, wafers: model.wafers, observed: point.observedTokensPerSecond,
                predicted: model.decodeTokensPerSecond(context: CalibrationSet.context))
        }
    }

    package var medianAbsoluteError: Double {
        let errors = rows.map { abs($0.relativeError) }.sorted()
        guard !errors.isEmpty else { return 0 }
        let mid = errors.count / 2
        return errors.count % 2 == 1 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2
    }

    package var maximumAbsoluteError: Double { rows.map { abs($0.relativeError) }.max() ?? 0 }

    /// A Markdown table plus the median and maximum line.
    package var markdown: String {
        var lines = [
            "| model | wafers | observed tok/s | predicted tok/s | relative error |",
            "|---|---:|---:|---:|---:|",
        ]
        for row in rows {
            lines.append(
                "| \(row.model) | \(row.wafers) | \(Int(row.observed.rounded())) | \(Int(row.predicted.rounded())) | "
                    + String(format: "%+.1f %%", row.relativeError * 100) + " |")
        }
        lines.append("")
        lines.append(
            String(format: "median |relative error| %.1f %%, maximum %.1f %%", medianAbsoluteError * 100, maximumAbsoluteError * 100))
        return lines.joined(separator: "\n")
    }
}
