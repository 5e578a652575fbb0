internal import ArgumentParser

/// `sparkctl hook install|uninstall`: the pre-commit hook that runs `sparkctl fixup --staged`.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove the pre-commit hook that fixes staged content.",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self])
}
