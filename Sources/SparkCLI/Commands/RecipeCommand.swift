internal import ArgumentParser

/// `sparkctl recipe list|show|check`: inspect and validate recipes.
struct RecipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "List, show and validate recipes.",
        subcommands: [RecipeListCommand.self, RecipeShowCommand.self, RecipeCheckCommand.self])
}

/// Options every recipe subcommand shares.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("recipes-dir"), help: "Also load recipes from this directory (repeatable; later ones override).")
    var recipeDirectories: [String] = []

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false
}
