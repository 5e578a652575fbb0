/// A configuration (`sparkd.yml` or a repository's `.sparkd.yml`) that could not be read or is
/// not valid: what is wrong, where (`file:line:column`, 1-based) and how to fix it.
///
/// Match on codes: `catch let error as ConfigError where error.code == .unknownRecipe`.
package struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: String, Sendable, Hashable {
        /// The file could not be read.
        case unreadable
        /// Not well-formed YAML (or not UTF-8).
        case syntax
        /// The file holds no YAML document.
        case emptyDocument
        case duplicateKey
        /// A value of the wrong YAML type.
        case wrongType
        case missingKey
        case unknownKey
        /// A value of the right type that is not allowed (a negative limit, an empty list, …).
        case invalidValue
        /// A recipe id that no catalog directory (nor the repository's `.sparkd/recipes`) holds.
        case unknownRecipe
        /// A trigger in `on:` that is neither `push`, `manual`, `nightly` nor a schedule's name.
        case unknownTrigger
        /// A cron expression that does not parse.
        case invalidCron
        /// A time zone that is not in the tz database.
        case unknownTimeZone
        /// A configured repository that is missing, not a git repository, unreadable or locked.
        case repositoryUnavailable
        /// A watched branch that does not exist in its repository.
        case unknownBranch
    }

    package var code: Code
    package var message: String
    package var file: String?
    package var line: Int?
    package var column: Int?
    package var key: String?
    package var hint: String?
    /// The repository the problem concerns: the daemon keeps serving the others.
    package var repository: String?

    package init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, key: String? = nil,
        hint: String? = nil, repository: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.hint = hint
        self.repository = repository
    }

    init(_ code: Code, _ message: String, at location: ConfigLocation?, key: String? = nil, hint: String? = nil, repository: String? = nil) {
        self.init(
            code, message, file: location?.file, line: location?.line, column: location?.column, key: key, hint: hint,
            repository: repository)
    }

    /// `file:line:column`, `file` or nil, whichever is known.
    package var location: String? {
        guard let file else { return nil }
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    package var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Where a configuration value was written, for errors found after parsing.
package struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }
}
