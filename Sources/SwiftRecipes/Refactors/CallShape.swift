internal import SwiftParser
internal import SwiftSyntax

/// A call written with placeholders, as `replace-deprecated-call` takes it:
/// `String(contentsOfFile: $path)`, `.substring(from: $index)` (any receiver, bound to
/// `$base`), `UIColor.init(white: $w, alpha: $a)`.
struct CallShape: Sendable, Hashable {
    /// The callee without whitespace; for a member shape (`.name(…)`), `.name`.
    var callee: String
    /// Whether the shape starts with `.`: it matches `anything.name(…)`.
    var anyReceiver: Bool
    /// Each argument's label (nil: unlabeled) and its placeholder name, without `$`.
    var arguments: [(label: String?, placeholder: String)]
    /// The text as written, for rendering.
    var text: String

    static func == (a: CallShape, b: CallShape) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Parses a `from` shape: a call whose arguments are all `$placeholders`.
    init(pattern text: String) throws(CallShapeError) {
        self.text = text
        var parser = Parser(text)
        let expression = ExprSyntax.parse(from: &parser)
        guard !expression.hasError, let call = expression.as(FunctionCallExprSyntax.self),
            call.trailingClosure == nil, call.leftParen != nil,
            expression.trimmedDescription == text.trimmingWhitespace
        else {
            throw CallShapeError("'\(text)' is not a call such as 'oldName(label: $x, $y)'")
        }
        anyReceiver = call.calledExpression.as(MemberAccessExprSyntax.self).map { $0.base == nil } ?? false
        callee = Self.compact(call.calledExpression.trimmedDescription)
        var arguments: [(String?, String)] = []
        for argument in call.arguments {
            guard let reference = argument.expression.as(DeclReferenceExprSyntax.self),
                reference.argumentNames == nil, case let name = reference.baseName.text, name.hasPrefix("$"),
                name.count > 1
            else {
                throw CallShapeError(
                    "argument '\(argument.expression.trimmedDescription)' of '\(text)' is not a placeholder like $x")
            }
            arguments.append((argument.label?.text, String(name.dropFirst())))
        }
        self.arguments = arguments
    }

    /// The placeholders a `to` text uses, in order (`$base` included).
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let dollar = scalars.firstIndex(of: "$") {
            scalars = scalars[(dollar + 1)...]
            let name = scalars.prefix { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            if !name.isEmpty { names.append(String(String.UnicodeScalarView(name))) }
            scalars = scalars.dropFirst(name.count)
        }
        return names
    }

    /// `text` with every `$name` replaced by `values[name]`.
    static func render(_ text: String, _ values: [String: String]) -> String {
        var output = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let dollar = scalars.firstIndex(of: "$") {
            output.unicodeScalars.append(contentsOf: scalars[..<dollar])
            scalars = scalars[(dollar + 1)...]
            let name = String(
                String.UnicodeScalarView(
                    scalars.prefix { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
            output += values[name] ?? "$" + name
            scalars = scalars.dropFirst(name.unicodeScalars.count)
        }
        output.unicodeScalars.append(contentsOf: scalars)
        return output
    }

    static func compact(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }) }
}

/// A call shape that does not parse.
struct CallShapeError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension String {
    var trimmingWhitespace: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
                    .drop { $0.properties.isWhitespace }.reversed()))
    }
}
