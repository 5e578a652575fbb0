internal import Diagnostics

/// A recipe that could not be loaded, validated or found, or a YAML file of sparkd's that is not
/// valid (a repository's `.sparkd.yml`, the daemon's `sparkd.yml`: every one is read by
/// ``YAMLReader``): what failed, where (`file:line:column`, 1-based) and how to fix it.
///
/// Match on codes: `catch let error as RecipeError where error.code == .unknownKey`.
package struct RecipeError: DiagnosticError, Hashable {
    package enum Code: String, Sendable, Hashable {
        /// A recipe file or directory could not be read.
        case unreadable
        /// The file is not well-formed YAML (or not UTF-8).
        case syntax
        /// The file holds no YAML document.
        case emptyDocument
        /// A key appears twice in one mapping.
        case duplicateKey
        /// A value has the wrong YAML type (a list where a string belongs, …).
        case wrongType
        /// A required key is absent.
        case missingKey
        /// A key that is not allowed here.
        case unknownKey
        /// A value of the right type that is not allowed (bad version, empty list, …).
        case invalidValue
        /// `kind` is not one of the recipe kinds.
        case unknownKind
        /// A `fix` step names no built-in fixer.
        case unknownFixer
        /// A step has no step-kind key, or more than one.
        case invalidStep
        /// A step kind that this version of sparkd does not implement yet.
        case unsupportedStep
        /// The recipe's `id` does not match its path under the catalog directory.
        case idMismatch
        /// No recipe with the requested id (also: an `include` of an unknown recipe).
        case unknownRecipe
        /// A `languages` entry that is not a language sparkd knows.
        case unknownLanguage
        /// A glob (`files`, `when: path`, `when: repository_has`) that does not parse.
        case invalidGlob
        /// A regular expression (or a regex replacement) that does not compile.
        case invalidRegex
        /// A `rewrite` step whose match template, replacement or `where` constraint
        /// does not compile.
        case invalidRewrite
        /// A malformed `{{…}}` tag in a recipe text.
        case invalidTemplate
        /// A parameter that the recipe does not declare: a `{{name}}` in the recipe, a
        /// `--param`, or an `include`'s `with` entry.
        case unknownParameter
        /// A parameter value that does not convert to the declared type.
        case invalidParameter
        /// A required parameter without a value.
        case missingParameter
        /// Recipes that include each other in a cycle.
        case includeCycle
        /// A template path that would leave the repository (`..`, absolute, or through
        /// a symbolic link), or that names a directory.
        case pathOutsideRepository
        /// A `swift` step names no registered swift-syntax rewriter, or gives it options it
        /// does not take.
        case unknownRewriter

        // The daemon's configuration, checked against its schedules and repositories.

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
    /// What is wrong, in one sentence, with a suggestion when there is a near miss.
    package var message: String
    package var file: String?
    /// 1-based.
    package var line: Int?
    /// 1-based, counted in Unicode scalars.
    package var column: Int?
    /// The YAML key involved, if any.
    package var key: String?
    /// How to fix it.
    package var hint: String?
    /// The repository a configuration problem concerns: the daemon keeps serving the others.
    package var repository: String?

    package init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
        key: String? = nil, hint: String? = nil, repository: String? = nil
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

    package init(
        _ code: Code, _ message: String, at location: RecipeLocation, key: String? = nil, hint: String? = nil,
        repository: String? = nil
    ) {
        self.init(
            code, message, file: location.file, line: location.line, column: location.column, key: key, hint: hint,
            repository: repository)
    }

    /// `file:line:column`, `file` or `nil`, whichever is known.
    package var location: String? {
        guard let file else { return nil }
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
