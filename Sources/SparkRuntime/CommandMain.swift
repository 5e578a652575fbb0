package import ArgumentParser
internal import Foundation

/// The entry point both executables share: parses `arguments` as `root`, runs the command, and
/// exits. ArgumentParser's usage errors exit 2 (DESIGN.md), not 64; `--help` prints and exits 0;
/// an `ExitCode` thrown by a command is its status; any other error is printed as
/// `PROGRAM: error: …` and exits with `status(error)`.
package enum CommandMain {
    package static func run(
        _ root: any ParsableCommand.Type, arguments: [String], program: String, status: (any Error) -> Int32
    ) async -> Never {
        var command: any ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                print(root.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch  where root.exitCode(for: error) == .success {
            // `PROGRAM SUBCOMMAND --help` parses into ArgumentParser's help command, whose run()
            // throws the help request: print the help, as ArgumentParser's main() does.
            print(root.fullMessage(for: error))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("\(program): error: \(error)\n".utf8))
            exit(status(error))
        }
    }
}
