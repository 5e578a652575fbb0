package import ArgumentParser

/// `sparkctl`: the command-line client. One-shot commands (`apply`) work without a daemon.
package struct Sparkctl: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sparkctl",
        abstract: "Run sparkd recipes over git snapshots and deliver the result as review branches.",
        subcommands: [ApplyCommand.self, FixCommand.self, RecipeCommand.self, WSECommand.self])

    package init() {}
}
