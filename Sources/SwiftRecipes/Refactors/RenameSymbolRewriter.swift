internal import Recipes
internal import SwiftSyntax

/// Renames a symbol across files: its declarations (types, functions, properties,
/// variables, enum cases, associated types) and every reference to it (expressions,
/// member accesses, type names, key paths, string interpolations). Argument labels,
/// comments and string text are not symbols and are left alone.
///
/// Options: `from` (the old name), `to` (the new name). Works by name, not by type
/// checking: every symbol spelt `from` is renamed, so pick a distinctive name.
struct RenameSymbolRewriter: SourceRewriter, EditingPass {
    static let name = "rename-symbol"
    static let summary = "rename a symbol (declarations and references) across Swift files"
    static let options = [
        SourceRewriterOption("from", required: true, summary: "the symbol's current name, e.g. fetchUser"),
        SourceRewriterOption("to", required: true, summary: "the new name, e.g. loadUser"),
    ]

    let from: String
    let to: String

    init(options: [String: String]) throws(SourceRewriterOptionError) {
        for key in ["from", "to"] where !SwiftIdentifier.isValid(options[key] ?? "") {
            throw SourceRewriterOptionError(
                option: key, "'\(options[key] ?? "")' is not a Swift identifier",
                hint: "give a plain name such as 'fetchUser' (no dots, spaces or keywords)")
        }
        from = options["from"] ?? ""
        to = options["to"] ?? ""
    }

    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult { run(bytes, path: path) }

    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding]) {
        guard from != to else { return ([], []) }
        var edits: [SourceEdit] = []
        for token in source.tree.tokens(viewMode: .sourceAccurate) {
            guard case .identifier(let text) = token.tokenKind, SwiftIdentifier.unescaped(text) == from,
                Self.isSymbol(token)
            else { continue }
            let replacement = text.hasPrefix("`") ? "`\(to)`" : to
            edits.append(SourceEdit(token.start, token.end, replacement))
        }
        return (edits, [])
    }

    /// Whether `token` names a declaration or refers to one (rather than being an argument
    /// label or a parameter's external name).
    private static func isSymbol(_ token: TokenSyntax) -> Bool {
        guard let parent = token.parent else { return false }
        if let reference = parent.as(DeclReferenceExprSyntax.self) { return reference.baseName.id == token.id }
        if parent.is(IdentifierTypeSyntax.self) || parent.is(MemberTypeSyntax.self) { return true }
        if parent.is(IdentifierPatternSyntax.self) { return true }
        if let function = parent.as(FunctionDeclSyntax.self) { return function.name.id == token.id }
        if let decl = parent.asProtocol((any NamedDeclSyntax).self) { return decl.name.id == token.id }
        if let element = parent.as(EnumCaseElementSyntax.self) { return element.name.id == token.id }
        return false
    }
}
