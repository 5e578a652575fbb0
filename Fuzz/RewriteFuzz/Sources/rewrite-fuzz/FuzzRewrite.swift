// The fuzz target: one rewrite rule and one file per input, and the properties every rewrite
// must keep. A crash, a sanitizer report or a broken property (fatalError) is a finding.
//
// Input layout (libFuzzer mutates it as bytes):
//   byte 0          — bits 0–4: the language (an index into SourceLanguage.allCases; past the end,
//                     none: detected from a path, the path's extension chosen by the same bits);
//                     bit 5–7: add a `matches`, `not` or `not-matches` constraint on the first hole
//   then            — match template, 0x00, replace template, 0x00, the file's bytes
// Missing parts are empty.
import RewriteEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func rewriteFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    guard let flags = input.first else { return 0 }
    var parts = input.dropFirst().split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    while parts.count < 3 { parts.append([]) }
    let match = String(decoding: parts[0], as: UTF8.self)
    let replace = String(decoding: parts[1], as: UTF8.self)
    let source = parts[2]

    let languages = SourceLanguage.allCases
    let selector = Int(flags & 0x1F)
    let language = selector < languages.count ? languages[selector] : nil
    let paths = ["a.swift", "b.go", "c.py", "d.js", "e.c", "f.txt", "Makefile", "g.rs", "h.kt", "i.sh", "j"]
    let path = language == nil ? paths[selector % paths.count] : "input"

    var constraints: [HoleConstraint] = []
    let hole = firstHoleName(match) ?? "a"
    if flags & 0x20 != 0 { constraints.append(.matches(hole: hole, regex: "[a-z0-9_. ]*")) }
    if flags & 0x40 != 0 { constraints.append(.notEqual(hole: hole, text: "x")) }
    if flags & 0x80 != 0 { constraints.append(.notMatches(hole: hole, regex: ".*\\(.*")) }

    guard let rule = try? RewriteRule(match: match, replace: replace, constraints: constraints, language: language)
    else { return 0 }
    let result = rule.rewrite(source, path: path)

    // Deleting the matches must find the same matches and keep every other byte, in order.
    guard let deleting = try? RewriteRule(match: match, replace: "", constraints: constraints, language: language) else {
        fatalError("the rule compiled with replace \(replace.debugDescription) but not with an empty replace")
    }
    let deleted = deleting.rewrite(source, path: path)
    let count = result?.matchCount ?? 0
    guard (deleted?.matchCount ?? 0) == count else {
        fatalError("\(count) matches with the replacement, \(deleted?.matchCount ?? 0) when deleting")
    }
    guard let result, let deleted else { return 0 }
    if count == 0 {
        guard result.output == source, deleted.output == source else {
            fatalError("no match, yet the output differs from the input")
        }
        return 0
    }
    guard deleted.output.count <= source.count - count, isSubsequence(deleted.output, of: source) else {
        fatalError("deleting \(count) matches did not keep the other bytes in order")
    }
    // Holes end on character boundaries: valid UTF-8 in, valid UTF-8 out.
    if String(validating: source, as: UTF8.self) != nil, String(validating: result.output, as: UTF8.self) == nil {
        fatalError("the rewrite produced invalid UTF-8 from valid UTF-8")
    }
    return 0
}

private func firstHoleName(_ template: String) -> String? {
    let bytes = Array(template.utf8)
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "["),
            let end = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "]")), end > i + 2
        {
            return String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
        }
        i += 1
    }
    return nil
}

private func isSubsequence(_ small: [UInt8], of large: [UInt8]) -> Bool {
    var j = 0
    for byte in small {
        while j < large.count, large[j] != byte { j += 1 }
        if j == large.count { return false }
        j += 1
    }
    return true
}

// SwiftPM links an executable target's entry point as `<module>_main` (so tests can link the
// module); with `-parse-as-library` there is none, so this one hands control to libFuzzer's
// driver, exactly as libFuzzer's own `main` would.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("rewrite_fuzz_main")
public func rewriteFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in rewriteFuzz(data, size) }
}
