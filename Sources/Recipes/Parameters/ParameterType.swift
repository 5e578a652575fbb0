/// The type of a recipe parameter: what `--param NAME=VALUE` strings convert to.
package enum ParameterType: String, CaseIterable, Sendable, Hashable {
    case string, int, bool

    /// `value` converted to this type, or nil when it is not one: ints are decimal
    /// with an optional sign; bools are `true`/`false`, `yes`/`no`, `on`/`off`, `1`/`0`.
    package func convert(_ value: String) -> ParameterValue? {
        switch self {
        case .string:
            return .string(value)
        case .int:
            return Int(value).map(ParameterValue.int)
        case .bool:
            switch value.lowercased() {
            case "true", "yes", "on", "1": return .bool(true)
            case "false", "no", "off", "0": return .bool(false)
            default: return nil
            }
        }
    }

    /// "a string", "an int", "a bool" — for messages.
    package var phrase: String {
        switch self {
        case .string: "a string"
        case .int: "an int (e.g. 42)"
        case .bool: "a bool (true or false)"
        }
    }
}

/// The value of a bound parameter.
package enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case bool(Bool)

    package var type: ParameterType {
        switch self {
        case .string: .string
        case .int: .int
        case .bool: .bool
        }
    }

    /// As Mustache sees it: a bool drives `{{#flag}}` sections, anything renders as text.
    var mustacheValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .bool(let value): value
        }
    }

    package var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        }
    }
}
