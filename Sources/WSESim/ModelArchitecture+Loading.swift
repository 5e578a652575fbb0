package import Foundation

extension ModelArchitecture {
    /// Reads and validates an architecture file. Every failure is a ``WSEError`` naming the file,
    /// the dotted key (`kv.head_dim`) and what was expected there.
    package static func load(path: String) throws(WSEError) -> ModelArchitecture {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw WSEError(
                .unreadable, exists ? "cannot read the file (\(error.localizedDescription))" : "no such file",
                path: path, hint: "pass --arch with a JSON file in the schema of shared/wse/README.md")
        }
        return try decode(data, path: path)
    }

    /// Decodes and validates architecture JSON; `path` only labels errors.
    package static func decode(_ data: Data, path: String? = nil) throws(WSEError) -> ModelArchitecture {
        let architecture: ModelArchitecture
        do {
            architecture = try JSONDecoder().decode(ModelArchitecture.self, from: data)
        } catch let error as DecodingError {
            throw WSEError(decoding: error, path: path)
        } catch {
            throw WSEError(.invalidJSON, "\(error)", path: path)
        }
        try architecture.validate(path: path)
        return architecture
    }
}

extension WSEError {
    /// Turns Foundation's `DecodingError` into a message that names the key and what was expected.
    package init(decoding error: DecodingError, path: String?) {
        func keyPath(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            let keys = (codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? nil : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        let hint = "see the schema in shared/wse/README.md"
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.missingKey, "required key is missing", path: path, key: keyPath(context.codingPath, key), hint: hint)
        case .typeMismatch(let type, let context):
            self.init(.wrongType, "expected \(Self.describe(type))", path: path, key: keyPath(context.codingPath), hint: hint)
        case .valueNotFound(let type, let context):
            self.init(.wrongType, "expected \(Self.describe(type)), found null", path: path, key: keyPath(context.codingPath), hint: hint)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                self.init(.invalidJSON, "not valid JSON (\(underlying ?? context.debugDescription))", path: path, hint: "check the file with `python3 -m json.tool FILE`")
            } else {
                self.init(.invalidValue, context.debugDescription, path: path, key: keyPath(context.codingPath), hint: hint)
            }
        @unknown default:
            self.init(.invalidJSON, "\(error)", path: path)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        default:
            let name = "\(type)"
            return name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") ? "an object" : "a value of type \(name)"
        }
    }
}
