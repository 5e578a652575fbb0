internal import Yams

/// A fixture case's `params.yml`: parameter values as `--param NAME=VALUE` would give them.
///
/// ```yaml
/// holder: Acme Corp
/// year: 2025
/// ```
///
/// A flat mapping of names to scalars; the scalars are passed as strings and converted to the
/// declared types when the recipe is prepared, exactly like command-line values. Each value keeps
/// its position, so a name the recipe does not declare, or a value of the wrong type, is reported
/// at `params.yml:line:column`.
package struct FixtureParameters: Sendable, Hashable {
    package static let fileName = "params.yml"

    /// Name → value, as strings.
    package var values: [String: String]
    /// Where each name is written.
    package var locations: [String: RecipeLocation]
    /// The `params.yml` file, or nil when the case has none.
    package var file: String?

    package init(values: [String: String] = [:], locations: [String: RecipeLocation] = [:], file: String? = nil) {
        self.values = values
        self.locations = locations
        self.file = file
    }

    /// Parses the text of `file`.
    package static func parse(_ text: String, file: String) throws(RecipeError) -> FixtureParameters {
        let root = try YAMLReader.compose(text, file: file)
        var parameters = FixtureParameters(file: file)
        guard let root else { return parameters }
        let reader = YAMLReader(file: file, text: text)
        let entries = try reader.entries(
            of: root, in: "fixture parameters", valid: nil,
            expected: "a mapping of parameter names to values, e.g. 'holder: Acme Corp'")
        for entry in entries {
            parameters.values[entry.key] = try reader.string(entry.value, key: entry.key, in: "fixture parameters")
            parameters.locations[entry.key] = reader.location(of: entry.keyNode)
        }
        return parameters
    }

    /// `error` (from preparing the recipe with these values) placed in `params.yml`: at the
    /// name it is about when that name is written there, else at the file. An error that already
    /// has a place (an included recipe's `with`) is returned as it is.
    func locate(_ error: RecipeError) -> RecipeError {
        guard error.file == nil else { return error }
        var located = error
        if error.code == .missingParameter {
            located.hint = "add '\(error.key ?? "name"): …' to \(file ?? "a params.yml file in the case directory")"
        }
        guard let file else { return located }
        if let key = error.key, let location = locations[key] {
            located.file = location.file
            located.line = location.line
            located.column = location.column
        } else {
            located.file = file
        }
        return located
    }
}
