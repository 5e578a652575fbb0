internal import ArgumentParser
internal import Foundation
internal import WSESim

/// `sparkctl wse bench`: the simulator's own cost — simulates a job of `--tokens` output tokens
/// in virtual time and prints the CPU seconds it took (getrusage). `make bench-sim` runs it.
struct WSEBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the simulator's CPU cost per simulated output tokens.",
        shouldDisplay: false)

    @Option(name: .long, help: "Simulated output tokens.")
    var tokens = 10_000_000

    @Option(name: .long, help: "Output tokens per request.")
    var outputPerRequest = 1_000

    @Option(name: .long, help: "Prompt tokens per request.")
    var promptTokens = 4_000

    @Option(name: .long, help: "Sessions in the pool.")
    var sessions = 64

    @Option(name: .long, help: "Profile.")
    var profile = Profile.codexSpark.name

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    struct Output: Encodable {
        var profile: String
        var requests: Int
        var outputTokens: Int
        var modeledSeconds: Double
        var peakConcurrency: Int
        var cpuSeconds: Double
        var cpuSecondsPer10MTokens: Double

        enum CodingKeys: String, CodingKey {
            case profile, requests
            case outputTokens = "output_tokens"
            case modeledSeconds = "modeled_seconds"
            case peakConcurrency = "peak_concurrency"
            case cpuSeconds = "cpu_seconds"
            case cpuSecondsPer10MTokens = "cpu_seconds_per_10m_tokens"
        }
    }

    func run() async throws {
        do throws(WSEError) {
            let model = try Profile.named(profile).model
            let count = max(1, tokens / max(1, outputPerRequest))
            let job = SimulatedRequest.job(requests: count, sessions: sessions, promptTokens: promptTokens, outputTokens: outputPerRequest)
            let before = Self.cpuSeconds()
            let report = try await ReplicaSimulator(model: model).run(job)
            let cpu = Self.cpuSeconds() - before
            let output = Output(
                profile: profile, requests: count, outputTokens: report.outputTokens, modeledSeconds: report.makespan,
                peakConcurrency: report.peakConcurrency, cpuSeconds: cpu,
                cpuSecondsPer10MTokens: cpu * 10_000_000 / Double(max(1, report.outputTokens)))
            if json {
                try? JSONOutput.print(output)
                return
            }
            print("profile \(profile): \(count) requests × \(outputPerRequest) output tokens over \(sessions) sessions")
            print(String(format: "simulated %d output tokens = %.1f modeled seconds (peak %d concurrent)", report.outputTokens, report.makespan, report.peakConcurrency))
            print(String(format: "CPU %.3f s (user+sys), %.3f s per 10M simulated output tokens", cpu, output.cpuSecondsPer10MTokens))
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
