internal import ArgumentParser
internal import Foundation
internal import WSESim

/// `sparkctl wse calibrate [--file calibration.json]`: refits the model's free parameters and
/// prints the prediction table of Documentation/WSEModel.md.
struct WSECalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Refit the WSE model to calibration points and print predictions against them.",
        discussion: "Without --file it uses the compiled-in copy of shared/wse/calibration.json.")

    @Option(name: .long, help: "A calibration file (schema of shared/wse/calibration.json).")
    var file: String?

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    struct Output: Encodable {
        struct Row: Encodable {
            var model: String
            var wafers: Int
            var observed: Double
            var predicted: Double
            var relativeError: Double

            enum CodingKeys: String, CodingKey {
                case model, wafers, observed, predicted
                case relativeError = "relative_error"
            }
        }

        var fitted: [String: Double]
        var stored: [String: Double]
        var cost: Double
        var rows: [Row]
        var medianAbsoluteError: Double
        var maximumAbsoluteError: Double

        enum CodingKeys: String, CodingKey {
            case fitted, stored, cost, rows
            case medianAbsoluteError = "median_abs_relative_error"
            case maximumAbsoluteError = "max_abs_relative_error"
        }
    }

    func run() async throws {
        do throws(WSEError) {
            let set = try file.map { path throws(WSEError) in try CalibrationSet.load(path: path) } ?? CalibrationSet.published()
            let (fitted, cost) = CalibrationFit(set).fit()
            let report = CalibrationReport(set, parameters: fitted)
            if json {
                try? JSONOutput.print(
                    Output(
                        fitted: Self.dictionary(fitted), stored: Self.dictionary(.wse3), cost: cost,
                        rows: report.rows.map {
                            .init(model: $0.model, wafers: $0.wafers, observed: $0.observed, predicted: $0.predicted, relativeError: $0.relativeError)
                        },
                        medianAbsoluteError: report.medianAbsoluteError, maximumAbsoluteError: report.maximumAbsoluteError))
                return
            }
            print("Fitted (least squares on log per-token time, \(set.points.count) points, cost \(String(format: "%.4f", cost))):")
            print(Self.swiftLiteral(fitted))
            if fitted != .wse3 { print("note: differs from the stored FittedParameters.wse3; paste the line above to update") }
            print("")
            print(report.markdown)
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
    }

    static func dictionary(_ p: FittedParameters) -> [String: Double] {
        ["step_seconds": p.stepSeconds, "layer_seconds": p.layerSeconds, "hop_seconds": p.hopSeconds, "sweep_efficiency": p.sweepEfficiency]
    }

    static func swiftLiteral(_ p: FittedParameters) -> String {
        "FittedParameters(stepSeconds: \(p.stepSeconds), layerSeconds: \(p.layerSeconds), hopSeconds: \(p.hopSeconds), "
            + "sweepEfficiency: \(p.sweepEfficiency))"
    }
}
