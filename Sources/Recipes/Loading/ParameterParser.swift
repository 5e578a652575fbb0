internal import Yams

/// Parses a recipe's `parameters:` mapping: `name: { type, default | required, description }`.
struct ParameterParser {
    let reader: YAMLReader

    static let keys = ["type", "default", "required", "description"]

    func parameters(_ node: Node) throws(RecipeError) -> [ParameterDeclaration] {
        if node.null != nil { return [] }
        let entries = try reader.entries(
            of: node, in: "'parameters'", valid: nil,
            expected: "a mapping of parameter names, e.g. 'parameters: { holder: { type: string, default: Me } }'")
        var declarations: [ParameterDeclaration] = []
        for entry in entries {
            declarations.append(try parameter(entry))
        }
        return declarations
    }

    private func parameter(_ entry: YAMLReader.Entry) throws(RecipeError) -> ParameterDeclaration {
        let name = entry.key
        guard Self.isValidName(name) else {
            throw reader.error(
                .invalidValue, "parameter name '\(name)' is not valid", at: entry.keyNode, key: name,
                hint: "start with a letter or '_', then letters, digits, '_' or '-'")
        }
        guard !ParameterDeclaration.builtinNames.contains(name) else {
            throw reader.error(
                .invalidValue, "'\(name)' is a built-in parameter and cannot be declared", at: entry.keyNode, key: name,
                hint: "use {{\(name)}} without declaring it; pass --param \(name)=… to set it")
        }
        let context = "parameter '\(name)'"
        let fields = try reader.entries(
            of: entry.value, in: context, valid: Self.keys,
            expected: "a mapping such as '{ type: string, default: \"x\" }'")
        guard let typeEntry = fields.first(where: { $0.key == "type" }) else {
            throw reader.error(
                .missingKey, "\(context) has no 'type'", at: entry.value, key: "type",
                hint: "add 'type: string', 'type: int' or 'type: bool'")
        }
        let typeName = try reader.string(typeEntry.value, key: "type", in: context)
        guard let type = ParameterType(rawValue: typeName) else {
            let types = ParameterType.allCases.map(\.rawValue)
            throw reader.error(
                .invalidValue, "unknown parameter type '\(typeName)'" + Self.suggestion(forType: typeName),
                at: typeEntry.value, key: "type", hint: "type is one of: \(types.joined(separator: ", "))")
        }
        var declaration = ParameterDeclaration(
            name: name, type: type, defaultValue: nil, location: reader.location(of: entry.keyNode))
        var required: (value: Bool, node: Node)?
        var defaultNode: Node?
        for field in fields {
            switch field.key {
            case "default":
                let text = try reader.string(field.value, key: "default", in: context)
                guard let value = type.convert(text) else {
                    throw reader.error(
                        .wrongType, "'default' of \(context) must be \(type.phrase), not '\(text)'", at: field.value,
                        key: "default", hint: "write a default of the declared type '\(type.rawValue)'")
                }
                declaration.defaultValue = value
                defaultNode = field.value
            case "required":
                let text = try reader.string(field.value, key: "required", in: context)
                guard case .bool(let value)? = ParameterType.bool.convert(text) else {
                    throw reader.error(
                        .wrongType, "'required' of \(context) must be true or false, not '\(text)'", at: field.value,
                        key: "required")
                }
                required = (value, field.value)
            case "description":
                declaration.description = try reader.string(field.value, key: "description", in: context)
            default:
                break
            }
        }
        if let required, required.value, let defaultNode {
            throw reader.error(
                .invalidValue, "\(context) has a 'default' and 'required: true'", at: defaultNode, key: "default",
                hint: "a required parameter has no default; remove one of them")
        }
        if declaration.defaultValue == nil, required?.value != true {
            throw reader.error(
                .missingKey, "\(context) needs a 'default' or 'required: true'", at: required?.node ?? entry.value,
                key: "default", hint: "e.g. '\(name): { type: \(type.rawValue), default: \(type.example) }'")
        }
        return declaration
    }

    /// "; did you mean 'int'?" for `integer`, `number`, `boolean`, `str` and near misses.
    static func suggestion(forType name: String) -> String {
        let synonyms = ["integer": "int", "number": "int", "boolean": "bool", "str": "string", "text": "string"]
        if let type = synonyms[name.lowercased()] { return "; did you mean '\(type)'?" }
        return Suggestions.didYouMean(name, in: ParameterType.allCases.map(\.rawValue))
    }

    /// A letter or `_`, then letters, digits, `_` or `-` (ASCII).
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
            first.properties.isAlphabetic || first == "_"
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }
}
