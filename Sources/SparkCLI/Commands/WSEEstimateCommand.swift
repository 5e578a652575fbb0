internal import ArgumentParser
internal import Foundation
internal import WSESim

/// `sparkctl wse estimate --arch FILE.json [--context N] [--profile NAME] [--json]`: the
/// performance model for one architecture.
struct WSEEstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate decode and prefill rates, wafers, TTFT and concurrent sessions for a model.",
        discussion: """
            --arch reads a model architecture in the schema of shared/wse/README.md and runs it on a WSE-3 \
            (or on the hardware of --profile). --profile alone estimates a named profile \
            (see `sparkctl wse profiles`). ttft_seconds is for a prompt of --prompt tokens (default: the \
            context) on an open session of --transport.
            """)

    @Option(name: .long, help: "A model architecture JSON file.")
    var arch: String?

    @Option(name: .long, help: "A profile: codex-spark, gpu-h100 or a calibration model (default: wse-3 hardware).")
    var profile: String?

    @Option(name: .long, help: "Context length in tokens (default: the profile's window; 8192 for --arch).")
    var context: Int?

    @Option(name: .long, help: "Prompt tokens for ttft_seconds (default: the context).")
    var prompt: Int?

    @Option(name: .long, help: "Transport for ttft_seconds: websocket or http.")
    var transport: String = Transport.Kind.webSocket.rawValue

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    func run() async throws {
        do throws(WSEError) {
            let model = try performanceModel()
            let estimate = model.estimate(context: context, prompt: prompt, transport: try transportModel())
            if json {
                try? JSONOutput.print(estimate)
                return
            }
            print(Self.table(estimate, model: model))
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
    }

    private func performanceModel() throws(WSEError) -> PerformanceModel {
        if let context, context < 1 {
            throw WSEError(.invalidValue, "expected a positive number of tokens, found \(context)", key: "--context")
        }
        if let prompt, prompt < 0 {
            throw WSEError(.invalidValue, "expected a non-negative number of tokens, found \(prompt)", key: "--prompt")
        }
        guard arch != nil || profile != nil else {
            throw WSEError(
                .missingKey, "nothing to estimate", key: "--arch",
                hint: "pass --arch FILE.json (schema in shared/wse/README.md) or --profile NAME")
        }
        var model =
            try profile.map { name throws(WSEError) in try Profile.named(name).model }
            ?? PerformanceModel(architecture: Profile.codexSparkArchitecture, contextWindow: CalibrationSet.context)
        if let arch {
            model.architecture = try ModelArchitecture.load(path: arch)
            if profile == nil { model.contextWindow = CalibrationSet.context }
        }
        if let context { model.contextWindow = context }
        return model
    }

    private func transportModel() throws(WSEError) -> Transport {
        guard let kind = Transport.Kind(rawValue: transport.lowercased()) else {
            throw WSEError(
                .invalidValue, "unknown transport '\(transport)'", key: "--transport",
                hint: "use one of: \(Transport.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return Transport.named(kind)
    }

    static func table(_ estimate: Estimate, model: PerformanceModel) -> String {
        let devices =
            model.hardware.kind == .waferScale
            ? "\(estimate.devices) wafer\(estimate.devices == 1 ? "" : "s")" : "\(estimate.devices) GPUs"
        let rows: [(String, String)] = [
            ("model", model.architecture.name),
            ("hardware", "\(model.hardware.name), \(devices) per replica"),
            ("context", "\(estimate.context) tokens (prompt \(estimate.prompt))"),
            ("decode_tokens_per_second", String(format: "%.0f", estimate.decodeTokensPerSecond)),
            ("prefill_tokens_per_second", String(format: "%.0f", estimate.prefillTokensPerSecond)),
            ("wafers", "\(estimate.wafers)"),
            ("ttft_seconds", String(format: "%.3f", estimate.ttftSeconds)),
            ("max_sessions", "\(estimate.maxSessions)"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
