package import ArgumentParser
internal import Daemon
internal import Foundation
internal import Logging
internal import Recipes
internal import SparkRuntime

/// `sparkd`: the daemon in the foreground (systemd runs it so).
package struct Sparkd: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sparkd",
        abstract: "Watch git repositories, queue recipe jobs durably, and keep review branches current.",
        discussion: """
            Runs in the foreground and logs to standard error. SIGTERM or SIGINT: stop claiming jobs, \
            let running ones finish, exit. SIGHUP: read the configuration again.
            """)

    @Option(name: .long, help: "The configuration file.")
    var config = "/etc/sparkd/sparkd.yml"

    @Flag(name: .long, help: "Queue what is due (pushes since the last run), run the queue until it is empty, exit.")
    var once = false

    package init() {}

    /// The entry point: parses and runs; usage errors exit 2 (DESIGN.md), not ArgumentParser's 64.
    package static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        await CommandMain.run(Sparkd.self, arguments: arguments, program: "sparkd") { _ in 1 }
    }

    package func run() async throws {
        SparkRuntime.registerAll()
        // One line per record on stderr, with the priority prefix journald reads.
        JournalLogHandler.bootstrap()
        let logger = Logger(label: "sparkd")
        let daemon: SparkDaemon
        do {
            daemon = try await SparkDaemon.load(options: .init(configFile: config, once: once), logger: logger)
        } catch let error as RecipeError {
            Self.fail("sparkd: error: \(error)", status: 2)
        } catch {
            Self.fail("sparkd: error: \(error)", status: 1)
        }
        do {
            let failed = try await daemon.run()
            if once, failed > 0 {
                Self.fail(
                    "sparkd: \(failed) job\(failed == 1 ? "" : "s") failed; see 'sparkctl jobs --state failed' "
                        + "(or the log above) for why", status: 1)
            }
        } catch {
            Self.fail("sparkd: error: \(error)", status: 1)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(status)
    }
}
