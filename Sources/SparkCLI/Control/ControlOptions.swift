internal import ArgumentParser
internal import ControlAPI
internal import Foundation

/// The options every daemon command shares: where the socket is, and `--json`.
struct ControlOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The daemon's control socket (default: $SPARKD_SOCKET, else `socket:` or <state_dir>/sparkd.sock from --config).",
            valueName: "path"))
    var socket: String?

    @Option(name: .long, help: ArgumentHelp("The daemon's configuration, read for its socket (default: /etc/sparkd/sparkd.yml if it exists).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    /// A client for the socket found by ``SocketLocation``.
    func client() throws -> ControlClient {
        ControlClient(
            socketPath: try SocketLocation.resolve(
                socket: socket, config: config, environment: ProcessInfo.processInfo.environment))
    }

    /// Runs `body`, reporting any error as ``ErrorReport`` does (with `--json`, as JSON too).
    func run(_ body: (ControlClient) throws -> Void) throws {
        do {
            try body(try client())
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
    }
}
