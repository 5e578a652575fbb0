internal import ArgumentParser
internal import Foundation
internal import SparkRuntime

extension Sparkctl {
    /// The entry point: parses, runs, and maps every error to a message on standard error and an
    /// exit status from ``ExitStatus`` (ArgumentParser's own usage errors become 2, not 64).
    package static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // Recipes' `swift` steps and the verification gate's Swift parse check.
        SparkRuntime.registerAll()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(ExitStatus.success)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(ExitStatus.success)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch where exitCode(for: error) == .success {
            // `sparkctl SUBCOMMAND --help` parses into ArgumentParser's help command, whose
            // run() throws the help request: print the help, as ArgumentParser's main() does.
            print(fullMessage(for: error))
            Foundation.exit(ExitStatus.success)
        } catch {
            FileHandle.standardError.write(Data("sparkctl: error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.of(error))
        }
    }
}
