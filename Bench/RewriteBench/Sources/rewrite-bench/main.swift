// rewrite-bench: applies one rewrite rule to every file of a list, in place, files in parallel.
//
//   rewrite-bench --match T --replace R [--language L] [--jobs N] LIST
//
// LIST holds one path per line. Prints one JSON object: files, bytes, files changed, matches,
// findings and the seconds spent (reading, matching, writing; not process start).
import Foundation
import RewriteEngine
import Synchronization

struct Options {
    var match = ""
    var replace = ""
    var language: SourceLanguage?
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var list = ""

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--match": match = rest.popFirst() ?? ""
            case "--replace": replace = rest.popFirst() ?? ""
            case "--language": language = rest.popFirst().flatMap { SourceLanguage(name: $0) }
            case "--jobs": jobs = rest.popFirst().flatMap { Int($0) } ?? jobs
            default: list = argument
            }
        }
    }
}

struct Totals {
    var bytes = 0
    var changed = 0
    var matches = 0
    var findings: [String] = []
}

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if read == 0 { break }
        bytes.append(contentsOf: chunk[0..<read])
    }
    return bytes
}

func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) } == bytes.count
}

let options = Options(CommandLine.arguments)
let rule: RewriteRule
do {
    rule = try RewriteRule(match: options.match, replace: options.replace, language: options.language)
} catch {
    FileHandle.standardError.write(Data("rewrite-bench: \(error)\n".utf8))
    exit(2)
}
guard let listText = try? String(contentsOfFile: options.list, encoding: .utf8) else {
    FileHandle.standardError.write(Data("rewrite-bench: cannot read the file list \(options.list)\n".utf8))
    exit(2)
}
let paths = listText.split(separator: "\n").map(String.init)

let start = DispatchTime.now()
let next = Atomic<Int>(0)
let totals = Mutex(Totals())
DispatchQueue.concurrentPerform(iterations: max(1, options.jobs)) { _ in
    var local = Totals()
    while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < paths.count else { break }
        let path = paths[index]
        guard let bytes = readFile(path) else {
            local.findings.append("\(path): unreadable")
            continue
        }
        local.bytes += bytes.count
        guard let result = rule.rewrite(bytes, path: path) else { continue }
        if let notice = result.notice { local.findings.append("\(path): \(notice)") }
        guard result.matchCount > 0 else { continue }
        local.matches += result.matchCount
        local.changed += 1
        if !writeFile(path, result.output) { local.findings.append("\(path): unwritable") }
    }
    totals.withLock {
        $0.bytes += local.bytes
        $0.changed += local.changed
        $0.matches += local.matches
        $0.findings += local.findings
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
let summary = totals.withLock { $0 }
let report: [String: Any] = [
    "files": paths.count, "bytes": summary.bytes, "changed": summary.changed, "matches": summary.matches,
    "findings": summary.findings, "seconds": seconds,
]
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
