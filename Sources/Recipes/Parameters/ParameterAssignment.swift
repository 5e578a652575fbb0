/// One `--param` argument: `NAME=VALUE` for every recipe of the job that declares
/// `NAME`, or `RECIPE:NAME=VALUE` for that one recipe. The value is everything after
/// the first `=` (it may hold `=` and `:`); it is converted to the declared type when
/// the recipe is prepared.
package struct ParameterAssignment: Sendable, Hashable {
    /// The recipe id of a scoped assignment, nil for every recipe declaring `name`.
    package var recipeID: String?
    package var name: String
    package var value: String

    package init(recipeID: String? = nil, name: String, value: String) {
        self.recipeID = recipeID
        self.name = name
        self.value = value
    }

    /// Parses `NAME=VALUE` or `RECIPE:NAME=VALUE`; throws `invalidParameter` saying
    /// what the argument should look like.
    package init(parsing argument: String) throws(RecipeError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw RecipeError(
                .invalidParameter, "--param '\(argument)' is not NAME=VALUE", key: argument,
                hint: Self.usage)
        }
        let key = argument[..<equals]
        var name = Substring(key)
        if let colon = key.lastIndex(of: ":") {
            recipeID = String(key[..<colon])
            name = key[key.index(after: colon)...]
            if recipeID!.isEmpty {
                throw RecipeError(
                    .invalidParameter, "--param '\(argument)' names no recipe before ':'", key: argument,
                    hint: Self.usage)
            }
        }
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
            throw RecipeError(
                .invalidParameter, "--param '\(argument)' has no parameter name before '='", key: argument,
                hint: Self.usage)
        }
        self.name = String(name)
        value = String(argument[argument.index(after: equals)...])
    }

    static let usage = "write --param NAME=VALUE (e.g. --param holder=Acme), or --param RECIPE:NAME=VALUE for one recipe"
}
