import Foundation

/// Turns `--param NAME=VALUE` strings into typed values for one recipe: every name
/// must be declared (or built in), every value must convert to the declared type,
/// required parameters must be given, and defaults fill the rest.
enum ParameterBinding {
    /// The bound values of `recipe`'s parameters. `location` is where the strings come
    /// from (an `include` step), or nil for the command line; `entries` where each
    /// string is written (its `with` entry), for errors about one value.
    static func bind(
        _ strings: [String: String], for recipe: Recipe, year: Int, location: RecipeLocation? = nil,
        entries: [String: RecipeLocation] = [:]
    ) throws(RecipeError) -> [String: ParameterValue] {
        let declared = Dictionary(recipe.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: ParameterValue] = [ParameterDeclaration.yearName: .int(year)]
        for (name, declaration) in declared {
            if let value = declaration.defaultValue { values[name] = value }
        }
        for name in strings.keys.sorted() {
            let text = strings[name]!
            let type: ParameterType
            if let declaration = declared[name] {
                type = declaration.type
            } else if name == ParameterDeclaration.yearName {
                type = .int
            } else {
                let known = declared.keys.sorted() + ParameterDeclaration.builtinNames
                throw RecipeError(
                    .unknownParameter,
                    "recipe '\(recipe.id)' has no parameter '\(name)'" + Suggestions.didYouMean(name, in: known),
                    location: entries[name] ?? location, key: name,
                    hint: declared.isEmpty
                        ? "this recipe declares no parameters (built in: \(ParameterDeclaration.builtinNames.joined(separator: ", ")))"
                        : "its parameters: \(known.joined(separator: ", "))")
            }
            guard let value = type.convert(text) else {
                throw RecipeError(
                    .invalidParameter,
                    "parameter '\(name)' of recipe '\(recipe.id)' must be \(type.phrase), not '\(text)'",
                    location: entries[name] ?? location, key: name,
                    hint: location == nil ? "e.g. --param \(name)=\(type.example)" : "e.g. '\(name): \(type.example)'")
            }
            values[name] = value
        }
        for declaration in recipe.parameters where declaration.isRequired && values[declaration.name] == nil {
            let about = declaration.description.map { ": \($0)" } ?? ""
            throw RecipeError(
                .missingParameter,
                "recipe '\(recipe.id)' requires parameter '\(declaration.name)' (\(declaration.type.rawValue))\(about)",
                location: location, key: declaration.name,
                hint: location == nil
                    ? "pass --param \(declaration.name)=VALUE" : "add '\(declaration.name): …' to the step's 'with'")
        }
        return values
    }

    /// The current year in UTC (cheap: recipes are prepared per run, and the legacy
    /// `Recipe.apply` prepares per file).
    static func currentYear() -> Int {
        var now = time(nil)
        var parts = tm()
        guard gmtime_r(&now, &parts) != nil else { return 1970 }
        return Int(parts.tm_year) + 1900
    }
}

extension ParameterType {
    var example: String {
        switch self {
        case .string: "text"
        case .int: "42"
        case .bool: "true"
        }
    }
}

extension RecipeError {
    init(_ code: Code, _ message: String, location: RecipeLocation?, key: String? = nil, hint: String? = nil) {
        self.init(
            code, message, file: location?.file, line: location?.line, column: location?.column, key: key, hint: hint)
    }
}
