internal import ArgumentParser
internal import Diagnostics
internal import Recipes

/// `--param NAME=VALUE` (or `RECIPE:NAME=VALUE`), repeatable, for `apply` and `fix`.
struct ParameterArguments: ParsableArguments {
    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "A recipe parameter, NAME=VALUE (repeatable): goes to every recipe given that declares NAME; "
                + "RECIPE:NAME=VALUE sets it for one recipe.",
            valueName: "name=value"))
    var values: [String] = []

    /// The parsed assignments; a malformed one is a validation (usage) error.
    func assignments() throws -> [ParameterAssignment] {
        do {
            return try values.map { value throws(RecipeError) in try ParameterAssignment(parsing: value) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    mutating func validate() throws { _ = try assignments() }
}
