package import ArgumentParser

/// `sparkd`: the daemon in the foreground (systemd runs it so).
package struct Sparkd: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sparkd",
        abstract: "Watch git repositories, queue recipe jobs durably, and keep review branches current.")

    package init() {}

    package func run() async throws {}
}
