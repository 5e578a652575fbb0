internal import Yams

/// A fixture case's `params.yml`: parameter values as `--param NAME=VALUE` would give them.
///
/// ```yaml
/// holder: Acme Corp
/// year: 2025
/// ```
///
/// A flat mapping of names to scalars; the scalars are passed as strings and converted to the
/// declared types when the recipe is prepared, exactly like command-line values.
enum FixtureParameters {
    static let fileName = "params.yml"

    static func parse(_ text: String, file: String) throws(RecipeError) -> [String: String] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RecipeError(yaml: error, file: file)
        } catch {
            throw RecipeError(.syntax, "invalid YAML: \(error)", file: file)
        }
        guard let root else { return [:] }
        let reader = YAMLReader(file: file)
        let entries = try reader.entries(
            of: root, in: "fixture parameters", valid: nil,
            expected: "a mapping of parameter names to values, e.g. 'holder: Acme Corp'")
        var values: [String: String] = [:]
        for entry in entries {
            values[entry.key] = try reader.string(entry.value, key: entry.key, in: "fixture parameters")
        }
        return values
    }
}
