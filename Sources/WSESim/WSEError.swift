internal import Diagnostics

/// An error from the simulator: what failed, where (a file and the JSON key path, or a profile
/// name), and how to fix it. Match on ``code``.
package struct WSEError: DiagnosticError, Equatable {
    package enum Code: String, Sendable {
        /// The architecture file cannot be read.
        case unreadable
        /// The file is not JSON.
        case invalidJSON
        /// A required key is missing.
        case missingKey
        /// A key holds a value of the wrong type.
        case wrongType
        /// A value is out of range or unknown.
        case invalidValue
        /// No profile has this name.
        case unknownProfile
        /// A request's context does not fit the replica (or the profile's window).
        case contextOverflow
    }

    package var code: Code
    package var message: String
    /// The file involved, if any.
    package var path: String?
    /// The dotted JSON key path involved (`kv.kv_heads`), if any.
    package var key: String?
    package var hint: String?

    package init(_ code: Code, _ message: String, path: String? = nil, key: String? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.key = key
        self.hint = hint
    }

    /// `path: key 'kv.kv_heads'` (or `option --x` for a command-line option), whichever is known.
    package var location: String? {
        let key = key.map { $0.hasPrefix("--") ? "option \($0)" : "key '\($0)'" }
        let parts = [path, key].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }
}
