internal import ArgumentParser
internal import Recipes

/// `sparkctl recipe list`: id, kind, languages and title of every recipe in the catalog.
struct RecipeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recipes in the catalog.")

    @OptionGroup var options: CatalogOptions

    struct Row: Encodable {
        var id: String
        var version: String
        var kind: String
        var languages: [String]
        var title: String
    }

    func run() async throws {
        do {
            let catalog = try RecipeCatalog.standard(extraDirectories: options.recipeDirectories)
            let rows = catalog.recipes.map {
                Row(id: $0.id, version: $0.version, kind: $0.kind.rawValue, languages: $0.languages, title: $0.title)
            }
            if options.json {
                try JSONOutput.print(rows)
                return
            }
            let table = TextTable(headers: ["ID", "KIND", "LANGUAGES", "TITLE"])
            print(table.render(rows.map { [$0.id, $0.kind, Self.summary(of: $0.languages), $0.title] }))
        } catch {
            throw ErrorReport.exit(for: error, json: options.json)
        }
    }

    /// The languages, or the first three and how many more, so that one long list does not
    /// widen the table for every row (`--json` and `recipe show` have them all).
    static func summary(of languages: [String]) -> String {
        guard languages.count > 4 else { return languages.joined(separator: ",") }
        return languages.prefix(3).joined(separator: ",") + " +\(languages.count - 3) more"
    }
}
