/// The languages recipes know by name (`languages: [go, python]`), how a file's language is
/// detected, and each language's lexical syntax (comments and string literals), which the
/// structural matcher skips and the license-header fixer writes.
package enum SourceLanguage: String, CaseIterable, Sendable, Hashable, Comparable {
    case swift, c, cpp, objc, go, rust, java, kotlin, csharp
    case javascript, typescript, python, ruby, shell
    case yaml, toml, markdown, html, css, sql

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A language by its name or a common alias (`js`, `ts`, `sh`, `bash`, `c++`, `py`, …).
    package init?(name: String) {
        let lowered = name.lowercased()
        if let exact = SourceLanguage(rawValue: lowered) {
            self = exact
            return
        }
        guard let alias = Self.aliases[lowered] else { return nil }
        self = alias
    }

    static let aliases: [String: SourceLanguage] = [
        "js": .javascript, "jsx": .javascript, "node": .javascript, "ts": .typescript, "tsx": .typescript,
        "py": .python, "python3": .python, "rb": .ruby, "sh": .shell, "bash": .shell, "zsh": .shell,
        "c++": .cpp, "cxx": .cpp, "objective-c": .objc, "cs": .csharp, "c#": .csharp, "kt": .kotlin,
        "rs": .rust, "golang": .go, "yml": .yaml, "md": .markdown,
    ]

    /// The language of a file from its name (extension or well-known name) and, for files without
    /// an extension, its `#!` line. nil: not a language sparkd knows.
    package static func detect(path: String, firstLine: [UInt8]? = nil) -> SourceLanguage? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let known = fileNames[name] { return known }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[name.index(after: dot)...].lowercased()
            if let language = extensions[ext] { return language }
        }
        if let firstLine, firstLine.starts(with: Array("#!".utf8)) {
            let line = String(decoding: firstLine.prefix(120), as: UTF8.self)
            for (needle, language) in shebangs where line.contains(needle) { return language }
        }
        return nil
    }

    static let fileNames: [String: SourceLanguage] = [
        "Package.swift": .swift, ".bashrc": .shell, ".profile": .shell, "Gemfile": .ruby, "Rakefile": .ruby,
    ]

    static let extensions: [String: SourceLanguage] = [
        "swift": .swift, "c": .c, "h": .c, "cc": .cpp, "cpp": .cpp, "cxx": .cpp, "hpp": .cpp, "hh": .cpp,
        "m": .objc, "mm": .objc, "go": .go, "rs": .rust, "java": .java, "kt": .kotlin, "kts": .kotlin,
        "cs": .csharp, "js": .javascript, "mjs": .javascript, "cjs": .javascript, "jsx": .javascript,
        "ts": .typescript, "mts": .typescript, "cts": .typescript, "tsx": .typescript, "py": .python,
        "pyi": .python, "rb": .ruby, "sh": .shell, "bash": .shell, "zsh": .shell, "yml": .yaml,
        "yaml": .yaml, "toml": .toml, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
        "css": .css, "sql": .sql,
    ]

    static let shebangs: [(String, SourceLanguage)] = [
        ("python", .python), ("node", .javascript), ("ruby", .ruby), ("bash", .shell), ("/sh", .shell),
        ("zsh", .shell), ("env sh", .shell),
    ]

    /// Comments and string literals, as the structural matcher must skip them.
    package var syntax: LexicalSyntax {
        switch self {
        case .swift:
            // Swift block comments nest; `\(…)` interpolations may hold quotes of their own; raw
            // strings (#"…"#, one `#` only) have no escapes and their `\#(…)` is not followed.
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")], nestedBlockComments: true,
                strings: [
                    .init("#\"\"\"", "\"\"\"#", escape: nil, multiline: true),
                    .init("\"\"\"", "\"\"\"", multiline: true, interpolation: "\\("),
                    .init("#\"", "\"#", escape: nil), .init("\"", "\"", interpolation: "\\("),
                ])
        case .c, .cpp, .objc, .java, .csharp:
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")],
                strings: [.init("\"", "\""), .init("'", "'")])
        case .kotlin:
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")], nestedBlockComments: true,
                strings: [
                    .init("\"\"\"", "\"\"\"", escape: nil, multiline: true, interpolation: "${"),
                    .init("\"", "\"", interpolation: "${"), .init("'", "'"),
                ])
        case .go:
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")],
                strings: [.init("`", "`", escape: nil, multiline: true), .init("\"", "\""), .init("'", "'")])
        case .rust:
            // No character literals: they cannot be told from lifetimes ('a) without parsing.
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")], nestedBlockComments: true,
                strings: [.init("\"", "\"", multiline: true)])
        case .javascript, .typescript:
            LexicalSyntax(
                lineComments: ["//"], blockComments: [.init("/*", "*/")],
                strings: [.init("`", "`", multiline: true, interpolation: "${"), .init("\"", "\""), .init("'", "'")])
        case .python:
            LexicalSyntax(
                lineComments: ["#"],
                strings: [
                    .init("\"\"\"", "\"\"\"", multiline: true), .init("'''", "'''", multiline: true),
                    .init("\"", "\""), .init("'", "'"),
                ])
        case .ruby:
            LexicalSyntax(lineComments: ["#"], strings: [.init("\"", "\""), .init("'", "'")])
        case .shell:
            LexicalSyntax(
                lineComments: ["#"], strings: [.init("\"", "\"", multiline: true), .init("'", "'", escape: nil, multiline: true)])
        case .yaml, .toml:
            LexicalSyntax(lineComments: ["#"], strings: [.init("\"", "\""), .init("'", "'", escape: nil)])
        case .sql:
            LexicalSyntax(lineComments: ["--"], blockComments: [.init("/*", "*/")], strings: [.init("'", "'", escape: nil)])
        case .css:
            LexicalSyntax(blockComments: [.init("/*", "*/")], strings: [.init("\"", "\""), .init("'", "'")])
        case .html, .markdown:
            LexicalSyntax(blockComments: [.init("<!--", "-->")])
        }
    }
}

/// How a language writes comments and string literals.
package struct LexicalSyntax: Sendable, Hashable {
    /// An opening and closing delimiter.
    package struct Delimiters: Sendable, Hashable {
        package var open: [UInt8]
        package var close: [UInt8]
        /// The byte that escapes the next one inside (a backslash), or nil for none.
        package var escape: UInt8?
        /// Whether the literal may span lines.
        package var multiline: Bool
        /// What opens an interpolated expression inside the literal (`\(` in Swift, `${` in
        /// JavaScript and Kotlin), ending at the bracket that closes its last byte; nil for none.
        /// The expression is code: it may hold brackets, comments and literals of its own.
        package var interpolation: [UInt8]?

        package init(
            _ open: String, _ close: String, escape: UInt8? = UInt8(ascii: "\\"), multiline: Bool = false,
            interpolation: String? = nil
        ) {
            self.open = Array(open.utf8)
            self.close = Array(close.utf8)
            self.escape = escape
            self.multiline = multiline
            self.interpolation = interpolation.map { Array($0.utf8) }
        }
    }

    /// Prefixes that start a comment running to the end of the line (`//`, `#`).
    package var lineComments: [[UInt8]]
    /// Block comments (`/* … */`); they never use escapes.
    package var blockComments: [Delimiters]
    /// Whether block comments nest (Swift, Rust, Kotlin).
    package var nestedBlockComments: Bool
    /// String and character literals, longest opening delimiter first.
    package var strings: [Delimiters]

    package init(
        lineComments: [String] = [], blockComments: [Delimiters] = [], nestedBlockComments: Bool = false,
        strings: [Delimiters] = []
    ) {
        self.lineComments = lineComments.map { Array($0.utf8) }
        self.blockComments = blockComments.map { Delimiters(String(decoding: $0.open, as: UTF8.self), String(decoding: $0.close, as: UTF8.self), escape: nil, multiline: true) }
        self.nestedBlockComments = nestedBlockComments
        self.strings = strings.sorted { $0.open.count > $1.open.count }
    }
}
