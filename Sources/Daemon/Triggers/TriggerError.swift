internal import Diagnostics

/// A trigger (`sparkctl trigger`, `enqueue`) that names something sparkd does not serve: what,
/// naming the input, and how to fix it. Match on codes.
package struct TriggerError: DiagnosticError {
    package enum Code: String, Sendable {
        case unknownRepository, unknownRecipe, unknownTrigger, noRecipes, unknownRevision
    }

    package var code: Code
    package var message: String
    package var hint: String?

    package static func unknownRepository(_ path: String, known: [String]) -> TriggerError {
        TriggerError(
            code: .unknownRepository,
            message: "repository '\(path)' is not watched by this sparkd (watched: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
            hint: "add it under 'repositories:' in the configuration and reload (systemctl reload sparkd)")
    }

    package static func unknownRecipe(_ id: String) -> TriggerError {
        TriggerError(code: .unknownRecipe, message: "unknown recipe '\(id)'", hint: "list recipes with 'sparkctl recipe list'")
    }

    package static func unknownTrigger(_ name: String, known: [String]) -> TriggerError {
        TriggerError(
            code: .unknownTrigger, message: "no trigger named '\(name)' (known: \(known.joined(separator: ", ")))",
            hint: "define it under 'schedules:' or use one of those")
    }

    package static func noRecipes(repository: String, branch: String) -> TriggerError {
        TriggerError(
            code: .noRecipes, message: "no recipes given, and no rule of '\(repository)' (branch '\(branch)') is marked 'on: [manual]'",
            hint: "pass --recipe ID, or add 'manual' to a recipe's 'on:' in the configuration")
    }

    package static func unknownRevision(_ revision: String, repository: String, detail: String) -> TriggerError {
        TriggerError(
            code: .unknownRevision, message: "cannot resolve '\(revision)' in '\(repository)' (\(detail))",
            hint: "pass --base with a branch, tag or commit id that exists there")
    }
}
