import Daemon
import Foundation
import Testing

/// The files `make install` ships in `systemd/` must agree with the daemon that reads them.
@Suite struct ShippedConfigurationTests {
    static let systemdDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd").path

    @Test("systemd/sparkd.yml.example loads, with the state directory the unit makes writable")
    func exampleConfiguration() throws {
        let config = try ConfigurationLoader.load(file: Self.systemdDirectory + "/sparkd.yml.example")
        #expect(config.stateDirectory == "/var/lib/sparkd")
        #expect(config.socketPath == "/var/lib/sparkd/sparkd.sock")
        #expect(config.repositories.map(\.path) == ["/srv/git/app"])
        #expect(config.repositories.first?.recipes.contains { $0.on.contains("nightly") } == true)
    }

    @Test("sparkd.service runs the default configuration, reloads with SIGHUP and owns that state directory")
    func unit() throws {
        let unit = try String(contentsOfFile: Self.systemdDirectory + "/sparkd.service", encoding: .utf8)
        let lines = Set(unit.split(separator: "\n").map(String.init))
        #expect(lines.contains("Type=notify"))
        #expect(lines.contains("ExecStart=@BINDIR@/sparkd --config /etc/sparkd/sparkd.yml"))
        #expect(lines.contains("ExecReload=/bin/kill -HUP $MAINPID"))
        #expect(lines.contains("StateDirectory=sparkd"))
    }
}
