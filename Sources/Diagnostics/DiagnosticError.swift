/// An error that says what failed and how to fix it: a ``code`` to match on
/// (`catch let error as GitError where error.code == .locked`), a one-sentence ``message``,
/// and a ``hint``. Each type keeps its own `Code` enum and its own context (a path, a
/// position, the underlying cause); this protocol gives all of them one ``description``:
///
///     <location>: <message> (<detail>)
///       hint: <hint>
///
/// ``location`` says where (`file:line:column`, a file, a key) and ``detail`` what the message
/// leaves out (libgit2's or SQLite's own words); both are nil unless a type says otherwise, and
/// each part is left out when it is nil. The hint has a line of its own, indented two spaces, so
/// that `sparkctl: error: …` and `sparkd: error: …` read the same for every error.
package protocol DiagnosticError: Error, CustomStringConvertible {
    associatedtype Code: RawRepresentable, Hashable, Sendable where Code.RawValue == String

    var code: Code { get }
    /// What is wrong, in one sentence.
    var message: String { get }
    /// How to fix it, in one sentence.
    var hint: String? { get }
    /// Where the problem is, written before the message.
    var location: String? { get }
    /// What the message leaves out, written after it in parentheses.
    var detail: String? { get }
}

extension DiagnosticError {
    package var location: String? { nil }
    package var detail: String? { nil }

    package var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let detail { text += " (\(detail))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
