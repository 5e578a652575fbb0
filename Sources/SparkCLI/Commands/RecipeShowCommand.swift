internal import ArgumentParser
internal import Recipes

/// `sparkctl recipe show ID`: everything about one recipe.
struct RecipeShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one recipe.")

    @Argument(help: "The recipe id, e.g. fixup/end-of-file.")
    var id: String

    @OptionGroup var options: CatalogOptions

    struct Details: Encodable {
        var id: String
        var version: String
        var title: String
        var description: String?
        var kind: String
        var languages: [String]
        var steps: [String]
        var source: String?
    }

    func run() async throws {
        do {
            let recipe = try RecipeCatalog.standard(extraDirectories: options.recipeDirectories).recipe(id)
            let details = Details(
                id: recipe.id, version: recipe.version, title: recipe.title, description: recipe.description,
                kind: recipe.kind.rawValue, languages: recipe.languages, steps: recipe.steps.map(\.displayName),
                source: recipe.source)
            if options.json {
                try JSONOutput.print(details)
                return
            }
            var lines = ["\(details.id)@\(details.version) — \(details.title)"]
            lines.append("kind: \(details.kind)   languages: \(details.languages.joined(separator: ", "))")
            if let source = details.source { lines.append("file: \(source)") }
            if let description = details.description {
                lines.append("")
                lines.append(description)
            }
            lines.append("")
            lines.append("steps:")
            lines += details.steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
            print(lines.joined(separator: "\n"))
        } catch {
            throw ErrorReport.exit(for: error, json: options.json)
        }
    }
}
