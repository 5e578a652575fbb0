internal import Recipes
internal import SwiftSyntax

/// Renames a symbol across files: its declarations (types, functions, properties,
/// variables, enum cases, associated types) and every reference to it (expressions,
/// member accesses, type names, key paths, string interpolations). Argument labels,
/// comments and string text are not symbols and are left alone. Parameters spelt `from`
/// are renamed with the references in their bodies: closure parameters and captures
/// outright, a function parameter by its second name (`func f(item: T)` becomes
/// `func f(item to: T)`, so callers' labels still match).
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
            guard case .identifier(let text) = token.tokenKind, SwiftIdentifier.unescaped(text) == from else { continue }
            let replacement = text.hasPrefix("`") ? "`\(to)`" : to
            if Self.isSymbol(token) || Self.isParameterName(token) {
                edits.append(SourceEdit(token.start, token.end, replacement))
            } else if Self.isLabelAndParameterName(token) {
                // `func f(item: T) { item }`: the label stays, the parameter gets the new name.
                edits.append(SourceEdit(token.end, token.end, " " + replacement))
            }
        }
        return (edits, [])
    }

    /// Whether `token` is a name a parameter is known by inside its body and nothing else:
    /// a closure's parameter (`{ item in }`, `{ (item: T) in }`), a capture (`[item]`), a
    /// function parameter's second name (`label item: T`), a subscript parameter's only
    /// name, or an accessor's (`set(item)`). Renaming it keeps the body's references, which
    /// are renamed, bound to it.
    private static func isParameterName(_ token: TokenSyntax) -> Bool {
        guard let parent = token.parent else { return false }
        if parent.is(ClosureShorthandParameterSyntax.self) || parent.is(AccessorParametersSyntax.self) { return true }
        if let capture = parent.as(ClosureCaptureSyntax.self) { return capture.name.id == token.id }
        if let parameter = parent.as(ClosureParameterSyntax.self) {
            return (parameter.secondName ?? parameter.firstName).id == token.id
        }
        if let parameter = parent.as(FunctionParameterSyntax.self) {
            if parameter.secondName?.id == token.id { return true }
            return parameter.secondName == nil && parameter.firstName.id == token.id
                && enclosingDeclaration(of: parameter)?.is(SubscriptDeclSyntax.self) == true
        }
        return false
    }

    /// Whether `token` is both the argument label and the parameter name of a function,
    /// initializer or macro with a body (`func f(item: T) { … }`): the label is API and
    /// stays, so the new name is added as the parameter's second name.
    private static func isLabelAndParameterName(_ token: TokenSyntax) -> Bool {
        guard let parameter = token.parent?.as(FunctionParameterSyntax.self), parameter.secondName == nil,
            parameter.firstName.id == token.id, let declaration = enclosingDeclaration(of: parameter)
        else { return false }
        if let function = declaration.as(FunctionDeclSyntax.self) { return function.body != nil }
        if let initializer = declaration.as(InitializerDeclSyntax.self) { return initializer.body != nil }
        return false
    }

    /// The declaration whose parameter clause holds `parameter`.
    private static func enclosingDeclaration(of parameter: FunctionParameterSyntax) -> Syntax? {
        // FunctionParameterSyntax → list → clause → (signature →) declaration
        var node = parameter.parent?.parent?.parent
        if node?.is(FunctionSignatureSyntax.self) == true { node = node?.parent }
        return node
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
