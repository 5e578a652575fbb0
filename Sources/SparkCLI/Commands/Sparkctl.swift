package import ArgumentParser

/// `sparkctl`: the command-line client. One-shot commands (`apply`, `fix`, `recipe`, `wse`) work
/// without a daemon; `status`, `jobs`, `job`, `enqueue`, `cancel`, `retry`, `trigger` talk to it.
package struct Sparkctl: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "sparkctl",
        abstract: "Run sparkd recipes over git snapshots and deliver the result as review branches.",
        subcommands: [
            ApplyCommand.self, FixCommand.self, FixupCommand.self, HookCommand.self, RecipeCommand.self, WSECommand.self,
            // Through the daemon's control socket.
            StatusCommand.self, JobsCommand.self, JobCommand.self, EnqueueCommand.self, CancelCommand.self,
            RetryCommand.self, TriggerCommand.self,
        ])

    package init() {}
}
