internal import ArgumentParser
internal import Foundation
internal import Recipes

/// `sparkctl recipe check FILE…`: validate recipe files; every problem is reported with its
/// `file:line:column`. Exit 0 when all are valid, 2 when any is not.
struct RecipeCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate recipe files.")

    @Argument(help: "Recipe files (.yml).")
    var files: [String]

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    struct Result: Encodable {
        var file: String
        var valid: Bool
        var id: String?
        var error: String?
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give one or more recipe files, e.g. sparkctl recipe check recipes/fixup/end-of-file.yml") }
    }

    func run() async throws {
        let results = files.map { file -> Result in
            do {
                let recipe = try RecipeLoader.load(file: file, catalogRoot: RecipeCatalog.root(of: file))
                return Result(file: file, valid: true, id: "\(recipe.id)@\(recipe.version)")
            } catch {
                return Result(file: file, valid: false, error: "\(error)")
            }
        }
        if json {
            try JSONOutput.print(results)
        } else {
            for result in results {
                if let id = result.id { print("\(result.file): ok (\(id))") }
                if let error = result.error { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            }
        }
        if results.contains(where: { !$0.valid }) { throw ExitCode(ExitStatus.usage) }
    }
}
