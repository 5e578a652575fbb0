internal import Foundation
internal import Recipes
internal import SwiftSyntax

/// One pass of the XCTest migration over one file: what stays XCTest, and the edits
/// for the rest (see ``XCTestMigrationRewriter``).
struct XCTestFileMigration {
    let source: SourceText
    var edits: [SourceEdit] = []
    var findings: [Finding] = []
    /// Classes (by name) that stay XCTest, with the reason.
    var blocked: [String: String] = [:]
    /// Types that are, or are becoming, Swift Testing suites.
    var suites: Set<String> = []
    /// XCTest uses that stay (not converted): the file keeps `import XCTest`.
    var leftovers = 0
    private var changesSomething = false

    init(source: SourceText) { self.source = source }

    mutating func plan() {
        let tree = source.tree
        let imports = tree.statements.compactMap { $0.item.as(ImportDeclSyntax.self) }
        let xctestImport = imports.first { $0.path.trimmedDescription == "XCTest" }
        let importsTesting = imports.contains { $0.path.trimmedDescription == "Testing" }
        guard xctestImport != nil || importsTesting else { return }

        let declarations = TypeDeclarations(tree)
        // Which XCTestCase subclasses move, and which stay.
        let testClassNames = Set(declarations.classes.compactMap { $0.superclass != nil ? $0.decl.name.text : nil })
        for entry in declarations.classes {
            guard let superclass = entry.superclass else { continue }
            let isTestClass =
                superclass == "XCTestCase" || testClassNames.contains(superclass)
                || superclass.hasSuffix("TestCase") || superclass.hasSuffix("Tests")
            guard isTestClass else { continue }
            let name = entry.decl.name.text
            let extensions = declarations.extensions[name] ?? []
            var reason = NotMigratedReason.reason(for: entry.decl, superclass: superclass)
            for extensionDecl in extensions where reason == nil {
                reason = NotMigratedReason.reason(for: extensionDecl, superclass: nil)
            }
            if reason == nil, declarations.classes.contains(where: { $0.superclass == name }) {
                reason = "other test classes inherit from it; Swift Testing suites cannot be subclassed"
            }
            if let reason {
                blocked[name] = reason
                markNotMigrated(entry.decl, reason: reason)
            } else {
                suites.insert(name)
                migrateClass(entry.decl)
            }
        }
        suites.formUnion(declarations.suiteAttributed)

        // Members of suites (test methods, setUp/tearDown) and assertions in scope.
        let taken = declarations.identifiers
        for entry in declarations.classes where suites.contains(entry.decl.name.text) {
            migrateMembers(entry.decl.memberBlock, taken: taken)
        }
        for (name, extensions) in declarations.extensions where suites.contains(name) {
            for extensionDecl in extensions { migrateMembers(extensionDecl.memberBlock, taken: taken) }
        }
        for decl in declarations.suiteDecls { migrateMembers(decl, taken: taken) }
        let visitor = AssertionFinder(viewMode: .sourceAccurate)
        visitor.walk(tree)
        for call in visitor.calls where inScope(Syntax(call)) { convert(call) }
        for function in visitor.functions where inScope(Syntax(function)) { migrateHelper(function) }

        // Imports.
        guard let xctestImport else { return }
        let migratedAnything = changesSomething || !suites.isEmpty
        guard migratedAnything else { return }
        let foundation = !imports.contains { $0.path.trimmedDescription == "Foundation" } && FoundationUse.found(in: tree)
        let indentation = source.indentation(at: xctestImport.start)
        var added = foundation ? "import Foundation\n\(indentation)" : ""
        if blocked.isEmpty && leftovers == 0 {
            added += importsTesting ? "" : "import Testing"
            let end = importsTesting ? xctestImport.endPositionBeforeTrailingTrivia.utf8Offset : xctestImport.end
            if importsTesting {
                // Drop the XCTest import line entirely.
                edits.append(SourceEdit(lineStart(of: xctestImport.start), lineEnd(after: end), ""))
            } else {
                edits.append(SourceEdit(xctestImport.importKeyword.start, end, added))
            }
        } else if !importsTesting {
            edits.append(SourceEdit(xctestImport.end, xctestImport.end, "\n\(indentation)\(added)import Testing"))
        } else if foundation {
            edits.append(SourceEdit(xctestImport.start, xctestImport.start, added))
        }
    }

    // MARK: - Scope

    /// Whether assertions at `node` convert: not inside a class that stays XCTest, and
    /// when some class stays, only inside suites.
    private func inScope(_ node: Syntax) -> Bool {
        var current: Syntax? = node.parent
        while let parent = current {
            if let classDecl = parent.as(ClassDeclSyntax.self) { return judge(classDecl.name.text) }
            if let extensionDecl = parent.as(ExtensionDeclSyntax.self) {
                return judge(extensionDecl.extendedType.trimmedDescription)
            }
            if let structDecl = parent.as(StructDeclSyntax.self) { return judge(structDecl.name.text) }
            current = parent.parent
        }
        return blocked.isEmpty
    }

    private func judge(_ name: String) -> Bool {
        if blocked[name] != nil { return false }
        return suites.contains(name) || blocked.isEmpty
    }

    // MARK: - Classes

    private mutating func markNotMigrated(_ decl: ClassDeclSyntax, reason: String) {
        findings.append(Finding("\(decl.name.text) stays XCTest: \(reason)", line: source.line(of: decl.start)))
        let marker = "sparkd: not migrated"
        guard !decl.leadingTrivia.description.contains(marker) else { return }
        let indentation = source.indentation(at: decl.start)
        edits.append(SourceEdit(decl.start, decl.start, "// \(marker): \(reason)\n\(indentation)"))
    }

    private mutating func migrateClass(_ decl: ClassDeclSyntax) {
        changesSomething = true
        let members = decl.memberBlock.members.map(\.decl)
        let hasTearDown = members.contains { member in
            guard let function = member.as(FunctionDeclSyntax.self) else { return false }
            return ["tearDown", "tearDownWithError"].contains(function.name.text) && !Self.isStatic(function.modifiers)
        }
        let hasSetUp = members.contains { member in
            guard let function = member.as(FunctionDeclSyntax.self) else { return false }
            return ["setUp", "setUpWithError"].contains(function.name.text) && !Self.isStatic(function.modifiers)
        }
        let hasState = members.contains { member in
            guard let variable = member.as(VariableDeclSyntax.self), !Self.isStatic(variable.modifiers) else {
                return false
            }
            return variable.bindingSpecifier.tokenKind == .keyword(.var)
                && variable.bindings.contains { $0.accessorBlock == nil }
        }
        let access = decl.modifiers.filter { ["public", "internal", "fileprivate", "private", "package"].contains($0.name.text) }
            .map { $0.name.text + " " }.joined()
        let trait = hasSetUp || hasTearDown ? "@Suite(.serialized)" : "@Suite"
        let kind = hasTearDown || hasState ? "final class" : "struct"
        let start = decl.modifiers.first?.start ?? decl.classKeyword.start
        edits.append(SourceEdit(start, decl.classKeyword.end, "\(trait) \(access)\(kind)"))
        guard let clause = decl.inheritanceClause else { return }
        let inherited = Array(clause.inheritedTypes)
        if inherited.count == 1 {
            edits.append(SourceEdit(decl.name.end, clause.end, ""))
        } else if let first = inherited.first {
            edits.append(SourceEdit(first.start, inherited[1].start, ""))
        }
    }

    static func isStatic(_ modifiers: DeclModifierListSyntax) -> Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
    }

    // MARK: - Members

    private mutating func migrateMembers(_ block: MemberBlockSyntax, taken: Set<String>) {
        migrateMembers(block.members, taken: taken)
    }

    /// The members, and those inside `#if` blocks among them.
    private mutating func migrateMembers(_ members: MemberBlockItemListSyntax, taken: Set<String>) {
        for member in members {
            if let ifConfig = member.decl.as(IfConfigDeclSyntax.self) {
                for clause in ifConfig.clauses {
                    if case .decls(let nested) = clause.elements { migrateMembers(nested, taken: taken) }
                }
            } else if let function = member.decl.as(FunctionDeclSyntax.self) {
                migrateFunction(function, taken: taken)
            } else if let variable = member.decl.as(VariableDeclSyntax.self), Self.isStatic(variable.modifiers),
                variable.bindings.first?.pattern.trimmedDescription == "allTests"
            {
                // XCTest's Linux manifest: Swift Testing finds tests itself.
                edits.append(SourceEdit(lineStart(of: variable.start), lineEnd(after: variable.end), ""))
                changesSomething = true
            }
        }
    }

    private mutating func migrateFunction(_ function: FunctionDeclSyntax, taken: Set<String>) {
        guard !Self.isStatic(function.modifiers), let body = function.body else { return }
        let name = function.name.text
        let signature = function.signature
        let effects = signature.effectSpecifiers.map { " " + source.text($0) } ?? ""
        let declStart = function.modifiers.first?.start ?? function.funcKeyword.start
        let isOverride = function.modifiers.contains { $0.name.text == "override" }
        if isOverride, signature.parameterClause.parameters.isEmpty, ["setUp", "setUpWithError"].contains(name) {
            edits.append(SourceEdit(declStart, signature.end, "init()\(effects)"))
            removeSuperCalls(body, name: name)
            changesSomething = true
            return
        }
        if isOverride, signature.parameterClause.parameters.isEmpty, ["tearDown", "tearDownWithError"].contains(name) {
            edits.append(SourceEdit(declStart, signature.end, "deinit"))
            removeSuperCalls(body, name: name)
            changesSomething = true
            return
        }
        let hasTestAttribute = function.attributes.contains { $0.trimmedDescription.hasPrefix("@Test") }
        if !hasTestAttribute {
            guard name.hasPrefix("test"), signature.parameterClause.parameters.isEmpty,
                signature.returnClause == nil, !isOverride
            else { return }
            edits.append(SourceEdit(declStart, declStart, "@Test "))
            if let newName = TestMethodName.migrated(name, taken: taken) {
                edits.append(SourceEdit(function.name.start, function.name.end, newName))
            }
            changesSomething = true
        }
        if signature.effectSpecifiers?.throwsClause == nil, ThrowingUse.needsThrows(body) {
            if let asyncSpecifier = signature.effectSpecifiers?.asyncSpecifier {
                edits.append(SourceEdit(asyncSpecifier.end, asyncSpecifier.end, " throws"))
            } else {
                edits.append(SourceEdit(signature.parameterClause.end, signature.parameterClause.end, " throws"))
            }
        }
    }

    /// Removes `super.setUp()` and the like: a statement on its own line goes with its line.
    private mutating func removeSuperCalls(_ body: CodeBlockSyntax, name: String) {
        for item in body.statements {
            let text = item.trimmedDescription.replacingOccurrences(of: " ", with: "")
            guard
                text.hasPrefix("super.\(name)") || text.hasPrefix("trysuper.\(name)")
                    || text.hasPrefix("awaitsuper.\(name)") || text.hasPrefix("tryawaitsuper.\(name)")
                    || text.hasPrefix("try!super.\(name)")
            else { continue }
            edits.append(SourceEdit(lineStart(of: item.start), lineEnd(after: item.end), ""))
        }
    }

    // MARK: - Assertions and helpers

    private mutating func convert(_ call: FunctionCallExprSyntax) {
        guard let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) else { return }
        let name = callee.baseName.text
        let location = Self.hasSourceLocation(enclosing: Syntax(call))
        if let conversion = AssertionConversion(call, source: source, hasSourceLocation: location) {
            edits.append(SourceEdit(conversion.start, conversion.end, conversion.text))
            changesSomething = true
        } else if let skip = SkipConversion(call, source: source) {
            edits.append(SourceEdit(skip.start, skip.end, skip.text))
            changesSomething = true
        } else if name.hasPrefix("XCT") {
            leftovers += 1
            findings.append(Finding("\(name) not converted: no faithful Swift Testing form", line: source.line(of: call.start)))
        }
    }

    /// `file: StaticString = #filePath, line: UInt = #line` → `sourceLocation: SourceLocation = #_sourceLocation`,
    /// and `file: file, line: line` arguments inside → `sourceLocation: sourceLocation`.
    private mutating func migrateHelper(_ function: FunctionDeclSyntax) {
        let parameters = Array(function.signature.parameterClause.parameters)
        if let index = parameters.firstIndex(where: { $0.firstName.text == "file" }), index + 1 < parameters.count,
            parameters[index + 1].firstName.text == "line",
            parameters[index].type.trimmedDescription == "StaticString"
        {
            edits.append(
                SourceEdit(parameters[index].start, parameters[index + 1].end, "sourceLocation: SourceLocation = #_sourceLocation"))
            changesSomething = true
        }
        guard Self.takesLocation(function), let body = function.body else { return }
        for token in body.tokens(viewMode: .sourceAccurate) where token.text == "file" {
            guard let argument = token.parent?.as(LabeledExprSyntax.self), argument.label?.id == token.id,
                argument.expression.trimmedDescription == "file",
                let list = argument.parent?.as(LabeledExprListSyntax.self),
                let call = list.parent?.as(FunctionCallExprSyntax.self),
                !((call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text ?? "").hasPrefix("XCT"))
            else { continue }
            let items = Array(list)
            guard let index = items.firstIndex(where: { $0.id == argument.id }), index + 1 < items.count,
                items[index + 1].label?.text == "line"
            else { continue }
            edits.append(SourceEdit(argument.start, items[index + 1].expression.end, "sourceLocation: sourceLocation"))
        }
    }

    private static func takesLocation(_ function: FunctionDeclSyntax) -> Bool {
        function.signature.parameterClause.parameters.contains {
            $0.firstName.text == "sourceLocation" || ($0.firstName.text == "file" && $0.type.trimmedDescription == "StaticString")
        }
    }

    private static func hasSourceLocation(enclosing node: Syntax) -> Bool {
        var current = node.parent
        while let parent = current {
            if let function = parent.as(FunctionDeclSyntax.self) { return takesLocation(function) }
            current = parent.parent
        }
        return false
    }

    // MARK: - Lines

    private func lineStart(of offset: Int) -> Int {
        var start = offset
        while start > 0, source.bytes[start - 1] == UInt8(ascii: " ") || source.bytes[start - 1] == UInt8(ascii: "\t") {
            start -= 1
        }
        return start > 0 && source.bytes[start - 1] != UInt8(ascii: "\n") ? offset : start
    }

    private func lineEnd(after offset: Int) -> Int {
        var end = offset
        while end < source.bytes.count, source.bytes[end] == UInt8(ascii: " ") || source.bytes[end] == UInt8(ascii: "\t") {
            end += 1
        }
        return end < source.bytes.count && source.bytes[end] == UInt8(ascii: "\n") ? end + 1 : offset
    }
}
