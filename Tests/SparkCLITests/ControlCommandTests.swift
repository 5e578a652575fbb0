import Foundation
import TestSupport
import Testing

/// The daemon commands when there is no daemon, and how sparkctl finds the socket. (With a
/// running server: DaemonTests' SparkctlControlTests.)
@Suite("sparkctl daemon commands without a daemon")
struct ControlCommandTests {
    @Test("no daemon: a clear message, a hint, exit 1")
    func noDaemon() async throws {
        let dir = try TemporaryDirectory()
        let socket = dir.path + "/sparkd.sock"
        let result = try await SparkctlBinary.run(["status", "--socket", socket])
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no socket at '\(socket)'"))
        #expect(result.stderr.contains("is sparkd running?"))
        #expect(result.stderr.contains("sparkd --config FILE"))
        #expect(result.stdout.isEmpty)

        let (json, body) = try await SparkctlBinary.json(["jobs", "--socket", socket])
        #expect(json.status == 1)
        let error = try #require(body["error"] as? [String: Any])
        #expect(error["code"] as? String == "no_daemon")
        #expect(error["subject"] as? String == socket)
    }

    @Test("a stale socket (nothing listening) is reported as such")
    func staleSocket() async throws {
        let dir = try TemporaryDirectory()
        let socket = dir.path + "/sparkd.sock"
        try await Command.check(["python3", "-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socket])
        let result = try await SparkctlBinary.run(["jobs", "--socket", socket])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing is listening on '\(socket)'"))
    }

    @Test("the socket comes from --socket, then $SPARKD_SOCKET, then the config's socket: or state_dir:")
    func socketResolution() async throws {
        let dir = try TemporaryDirectory()
        let fromEnvironment = try await SparkctlBinary.run(["status"], environment: ["SPARKD_SOCKET": dir.path + "/env.sock"])
        #expect(fromEnvironment.stderr.contains(dir.path + "/env.sock"))

        let flagWins = try await SparkctlBinary.run(
            ["status", "--socket", dir.path + "/flag.sock"], environment: ["SPARKD_SOCKET": dir.path + "/env.sock"])
        #expect(flagWins.stderr.contains(dir.path + "/flag.sock"))

        let socketKey = try dir.write("a.yml", "state_dir: /nowhere\nsocket: \"\(dir.path)/configured.sock\"  # comment\nworkers: 2\n")
        let configured = try await SparkctlBinary.run(["status", "--config", socketKey], environment: ["SPARKD_SOCKET": ""])
        #expect(configured.status == 1)
        #expect(configured.stderr.contains(dir.path + "/configured.sock"), "\(configured.stderr)")

        let stateKey = try dir.write("b.yml", "# sparkd\nstate_dir: \(dir.path)/state   # SQLite and socket\nrepositories: []\n")
        let fromState = try await SparkctlBinary.run(["status", "--config", stateKey], environment: ["SPARKD_SOCKET": ""])
        #expect(fromState.stderr.contains(dir.path + "/state/sparkd.sock"), "\(fromState.stderr)")

        let missing = try await SparkctlBinary.run(["status", "--config", dir.path + "/none.yml"], environment: ["SPARKD_SOCKET": ""])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the configuration"))
    }

    @Test("usage errors are exit 2")
    func usage() async throws {
        let noRepo = try await SparkctlBinary.run(["enqueue", "--recipe", "a/b", "--socket", "/nonexistent.sock"])
        #expect(noRepo.status == 2)
        #expect(noRepo.stderr.contains("--repo"))
        let badID = try await SparkctlBinary.run(["job", "twelve", "--socket", "/nonexistent.sock"])
        #expect(badID.status == 2)
        let badParam = try await SparkctlBinary.run(["enqueue", "--repo", "/tmp", "--recipe", "a/b", "--param", "novalue"])
        #expect(badParam.status == 2)
        let long = "/tmp/" + String(repeating: "x", count: 200) + ".sock"
        let tooLong = try await SparkctlBinary.run(["status", "--socket", long])
        #expect(tooLong.status == 2)
        #expect(tooLong.stderr.contains("too long"))
    }
}
