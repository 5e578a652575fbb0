internal import SparkRuntime

extension Sparkctl {
    /// The entry point: parses, runs, and maps every error to a message on standard error and an
    /// exit status from ``ExitStatus`` (ArgumentParser's own usage errors become 2, not 64).
    package static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Recipes' `swift` steps and the verification gate's Swift parse check.
        SparkRuntime.registerAll()
        await CommandMain.run(Sparkctl.self, arguments: arguments, program: "sparkctl", status: ExitStatus.of)
    }
}
