internal import SwiftSyntax

/// The type declarations of a file that the XCTest migration cares about.
struct TypeDeclarations {
    /// Every class, with the first inherited type's name (nil without inheritance).
    var classes: [(decl: ClassDeclSyntax, superclass: String?)] = []
    /// Extensions by extended type name.
    var extensions: [String: [ExtensionDeclSyntax]] = [:]
    /// Types already marked `@Suite` (migrated in an earlier pass or by hand).
    var suiteAttributed: Set<String> = []
    /// Member blocks of those types.
    var suiteDecls: [MemberBlockSyntax] = []
    /// Every identifier the file uses, so new test names do not clash with one.
    var identifiers: Set<String> = []

    init(_ tree: SourceFileSyntax) {
        let collector = Collector(viewMode: .sourceAccurate)
        collector.walk(tree)
        classes = collector.classes
        extensions = collector.extensions
        suiteAttributed = collector.suiteAttributed
        suiteDecls = collector.suiteDecls
        for token in tree.tokens(viewMode: .sourceAccurate) {
            if case .identifier(let name) = token.tokenKind { identifiers.insert(name) }
        }
    }

    private final class Collector: SyntaxVisitor {
        var classes: [(decl: ClassDeclSyntax, superclass: String?)] = []
        var extensions: [String: [ExtensionDeclSyntax]] = [:]
        var suiteAttributed: Set<String> = []
        var suiteDecls: [MemberBlockSyntax] = []

        static func isSuite(_ attributes: AttributeListSyntax) -> Bool {
            attributes.contains { $0.trimmedDescription.hasPrefix("@Suite") }
        }

        override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
            classes.append((node, node.inheritanceClause?.inheritedTypes.first?.type.trimmedDescription))
            if Self.isSuite(node.attributes) {
                suiteAttributed.insert(node.name.text)
                suiteDecls.append(node.memberBlock)
            }
            return .visitChildren
        }

        override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
            if Self.isSuite(node.attributes) {
                suiteAttributed.insert(node.name.text)
                suiteDecls.append(node.memberBlock)
            }
            return .visitChildren
        }

        override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
            extensions[node.extendedType.trimmedDescription, default: []].append(node)
            return .visitChildren
        }
    }
}
