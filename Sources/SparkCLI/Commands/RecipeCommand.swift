internal import ArgumentParser

/// `sparkctl recipe list|show|check|test`: inspect, validate and test recipes.
struct RecipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "List, show, validate and test recipes.",
        subcommands: [RecipeListCommand.self, RecipeShowCommand.self, RecipeCheckCommand.self, RecipeTestCommand.self])
}

/// Options every recipe subcommand shares.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("recipes-dir"), help: "Also load recipes from this directory (repeatable; later ones override).")
    var recipeDirectories: [String] = []

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false
}
