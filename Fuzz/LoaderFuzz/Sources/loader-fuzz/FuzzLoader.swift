// The fuzz target: one recipe file per input. It is loaded; when it loads, it is prepared
// with its defaults, planned over a small in-memory repository and applied to each file.
// A crash, a sanitizer report or a broken property (fatalError) is a finding.
@testable import Recipes

/// Files every loaded recipe is applied to: text in a few languages, CRLF, no final
/// newline, and bytes that are not UTF-8.
private let workspace = InMemoryWorkspace(files: [
    "a.swift": Array("import Foundation\nif let x = x {\n    print(x)  \n}\n".utf8),
    "b.py": Array("import logging\r\nlogging.warn('x')\r\nself.assertEquals(a, b)".utf8),
    "c.go": Array("package c\n\nfunc f(v interface{}) {}\n".utf8),
    "docs/README.md": Array("# Title  \nline\n\n\n".utf8),
    "bin/data": [0xFF, 0xFE, 0x00, 0x41, 0x0A],
])

@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let recipe: Recipe
    do {
        recipe = try RecipeLoader.parse(text, file: "fuzz.yml")
    } catch {
        check(error, in: text)
        return 0
    }
    let plan: RecipePlan
    do {
        plan = try PreparedRecipe(recipe, year: 2024).plan(for: workspace)
    } catch {
        return 0
    }
    for path in workspace.paths {
        let contents = workspace.files[path]!
        guard case .selected = plan.selection(path: path, size: contents.count) else { continue }
        _ = plan.apply(path: path, contents: contents)
    }
    return 0
}

/// A load error names the file, and a position inside it: 1-based, at most one past the
/// last line or the longest line. (libyaml also breaks lines at CR, NEL, LS and PS, so the
/// bounds count those too.)
private func check(_ error: RecipeError, in text: String) {
    guard error.file == "fuzz.yml" else { fatalError("error without the file: \(error)") }
    guard let line = error.line else { return }
    let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
    let lineCount = text.unicodeScalars.filter { breaks.contains($0) }.count + 1
    guard line >= 1, line <= lineCount + 1 else { fatalError("line \(line) outside the file: \(error)") }
    guard let column = error.column else { return }
    let widest = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    guard column >= 1, column <= widest + 1 else { fatalError("column \(column) outside every line: \(error)") }
}
