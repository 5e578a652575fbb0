import Foundation
import Recipes
import TestSupport
import Testing

/// Issue 7's acceptance test: random repositories with staged and unstaged edits, new, deleted and
/// renamed files and CRLF content, each committed with a real `git commit` through the hook. After
/// every commit: the commit holds exactly the fixed staged content (predicted with Recipes'
/// fixers run in process on the staged blobs recorded before the commit), and every working-tree
/// file still holds its bytes — or, for a file that had no unstaged edits, the fix; for one whose
/// unstaged edits merge cleanly with the fix, the merge `git merge-file` predicts.
///
/// The seed is printed with every failure; `SPARKD_FIXUP_SEED=N` replays from it.
@Suite("sparkctl fixup --staged, randomized", .tags(.large))
struct FixupRandomizedTests {
    static let scenarioCount = 200

    @Test func randomCommitsKeepEveryUnstagedByte() async throws {
        let base = UInt64(ProcessInfo.processInfo.environment["SPARKD_FIXUP_SEED"] ?? "") ?? 0x5eed_7
        let failures = FailureLog()
        let stats = Stats()
        // A few scenarios at a time: each runs git and the hook as child processes.
        await withTaskGroup(of: Void.self) { group in
            for offset in 0..<Self.scenarioCount {
                if offset >= 4 { await group.next() }
                group.addTask {
                    let seed = base &+ UInt64(offset)
                    do {
                        var scenario = Scenario(seed: seed)
                        let problems = try await scenario.run(stats: stats)
                        if !problems.isEmpty { failures.add("seed \(seed): " + problems.joined(separator: "\n  ")) }
                    } catch {
                        failures.add("seed \(seed): \(error)")
                    }
                }
            }
        }
        let all = failures.all
        // The scenarios must reach every branch of the working-tree rule, and commit -a.
        let counts = stats.counts
        #expect(
            counts["fixed", default: 0] > 200 && counts["merged", default: 0] > 10 && counts["kept", default: 0] > 10
                && counts["commit -a", default: 0] > 20, "\(counts)")
        #expect(all.isEmpty, "\(all.count) of \(Self.scenarioCount) scenarios failed (base seed \(base)):\n\(all.prefix(5).joined(separator: "\n"))")
    }
}

private final class Stats: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Int] = [:]
    func count(_ key: String) { lock.withLock { values[key, default: 0] += 1 } }
    var counts: [String: Int] { lock.withLock { values } }
}

private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

private struct Scenario {
    let seed: UInt64
    var random: SplitMix64

    init(seed: UInt64) {
        self.seed = seed
        random = SplitMix64(seed: seed)
    }

    /// The hook's default fixups, in its order.
    static func fix(_ bytes: [UInt8], path: String) -> [UInt8] {
        if bytes.prefix(8000).contains(0) { return bytes }
        let fixers: [any Fixer] = [
            TrailingWhitespaceFixer(), EndOfFileFixer(), MixedLineEndingFixer(mode: .auto),
        ]
        return fixers.reduce(bytes) { current, fixer in fixer.fix(current, path: path).bytes(from: current) }
    }

    mutating func line(crlf: Bool) -> String {
        let words = ["alpha", "beta", "gamma", "delta", "let x = 1", "", "    indented", "end"]
        let tails = ["", "", "", " ", "  ", "\t", " \t "]
        let ending = random.next() % 5 == 0 ? (crlf ? "\n" : "\r\n") : (crlf ? "\r\n" : "\n")
        return words.randomElement(using: &random)! + tails.randomElement(using: &random)! + ending
    }

    mutating func content() -> String {
        let crlf = random.next() % 4 == 0
        var text = (0..<Int.random(in: 1...8, using: &random)).map { _ in line(crlf: crlf) }.joined()
        switch random.next() % 6 {
        case 0: text.removeLast()  // no final newline (a CRLF loses both bytes: one Character)
        case 1: text += "\n\n"
        default: break
        }
        return text
    }

    /// One to two line edits of `text`.
    mutating func edit(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let at = Int.random(in: 0..<lines.count, using: &random)
            switch random.next() % 5 {
            case 0: lines[at] = "edited \(random.next() % 100)" + (lines[at].hasSuffix("\r") ? "\r" : "")
            case 1: lines.insert("inserted \(random.next() % 100)  ", at: at)
            case 2: if lines.count > 1 { lines.remove(at: at) }
            case 3: lines.append("appended\(random.next() % 3 == 0 ? " " : "")")
            default: lines[at] += " "
            }
        }
        return lines.joined(separator: "\n")
    }

    mutating func run(stats: Stats) async throws -> [String] {
        let directory = try TemporaryDirectory("sparkd-fixup-random")
        let repo = try await GitFixture.create(at: directory.path + "/repo")
        let count = Int.random(in: 3...6, using: &random)
        let names = (0..<count).map { $0 % 3 == 2 ? "d/f\($0).txt" : "f\($0).txt" }
        var initial: [String: String] = [:]
        for name in names { initial[name] = content() }
        try await repo.commit(initial, message: "initial")
        try await HookedRepository.install(in: repo)

        var toAdd: [String] = []
        var toRemove: [String] = []
        for (position, name) in names.enumerated() {
            switch random.next() % 8 {
            case 0, 1:  // staged edit
                try repo.write([name: edit(initial[name]!)])
                toAdd.append(name)
            case 2, 3:  // staged edit, then an unstaged one on top (partially staged)
                let staged = edit(initial[name]!)
                try repo.write([name: staged])
                try await repo.git("add", name)
                try repo.write([name: edit(staged)])
            case 4:  // unstaged only
                try repo.write([name: edit(initial[name]!)])
            case 5:
                toRemove.append(name)
            case 6:  // rename, sometimes with a staged edit
                let renamed = "r\(position).txt"
                try await repo.git("mv", name, renamed)
                if random.next() % 2 == 0 {
                    try repo.write([renamed: edit(initial[name]!)])
                    toAdd.append(renamed)
                }
            default:  // deleted in the working tree only
                if random.next() % 2 == 0 { try FileManager.default.removeItem(atPath: repo.path + "/" + name) }
            }
        }
        for extra in 0..<Int.random(in: 0...2, using: &random) {
            let name = "new\(extra).txt"
            let text = content()
            try repo.write([name: text])
            switch random.next() % 3 {
            case 0: toAdd.append(name)
            case 1:
                try await repo.git("add", name)
                try repo.write([name: edit(text)])
            default: break  // untracked
            }
        }
        if !toAdd.isEmpty { try await repo.git(["add", "--"] + toAdd) }
        if !toRemove.isEmpty { try await repo.git(["rm", "-q", "--"] + toRemove) }

        // What the commit must hold and what the working tree must keep, recorded before it. For
        // `git commit -a`, from a copy of the index updated as -a will (`git add -u`).
        let commitAll = random.next() % 4 == 0
        var indexEnvironment: [String: String] = [:]
        if commitAll {
            stats.count("commit -a")
            let copy = directory.path + "/predicted-index"
            try FileManager.default.copyItem(atPath: repo.path + "/.git/index", toPath: copy)
            indexEnvironment["GIT_INDEX_FILE"] = copy
            try await repo.git(["add", "-u"], environment: indexEnvironment)
        }
        let indexPaths = try await repo.git(["ls-files", "-z"], environment: indexEnvironment).split(separator: "\0").map(String.init)
        let changed = Set(
            try await repo.git(["diff", "--cached", "--name-only", "--no-renames", "-z"], environment: indexEnvironment)
                .split(separator: "\0").map(String.init))
        let stagedBytes = try await catFile(repo, indexPaths.map { ":" + $0 }, environment: indexEnvironment)
        var expectedTree: [String: [UInt8]] = [:]
        var expectedWorking: [String: [UInt8]?] = [:]
        let enumerator = FileManager.default.enumerator(atPath: repo.path)!
        while let relative = enumerator.nextObject() as? String {
            if relative == ".git" {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: repo.path + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { expectedWorking[relative] = try repo.read(relative) }
        }
        for path in indexPaths {
            let staged = stagedBytes[":" + path]!
            let fixed = changed.contains(path) ? Self.fix(staged, path: path) : staged
            expectedTree[path] = fixed
            guard fixed != staged, case let working?? = expectedWorking[path] else { continue }
            stats.count("fixed")
            if working == staged {
                expectedWorking[path] = fixed
            } else if let merged = try await Self.mergeFile(ancestor: staged, ours: working, theirs: fixed, in: directory), merged != working {
                stats.count("merged")
                expectedWorking[path] = merged
            } else {
                stats.count("kept")
            }
        }

        let commit = try await Command.run(
            ["git", "-C", repo.path, "commit", "-q", "--allow-empty", "-m", "scenario"] + (commitAll ? ["-a"] : []),
            environment: GitFixture.environment)
        guard commit.status == 0 else { return ["git commit failed: \(commit.stderr)"] }

        var problems: [String] = []
        let committedPaths = try await repo.git("ls-tree", "-r", "-z", "--name-only", "HEAD").split(separator: "\0").map(String.init)
        if Set(committedPaths) != Set(expectedTree.keys) {
            problems.append("committed paths \(committedPaths.sorted()) != expected \(expectedTree.keys.sorted())")
        }
        let committed = try await catFile(repo, expectedTree.keys.map { "HEAD:" + $0 })
        for (path, bytes) in expectedTree where committed["HEAD:" + path] != bytes {
            problems.append("\(path): committed \(Self.show(committed["HEAD:" + path])) != expected \(Self.show(bytes))")
        }
        for (path, expected) in expectedWorking {
            let now = try? repo.read(path)
            if now != expected {
                problems.append("\(path): working copy \(Self.show(now)) != expected \(Self.show(expected))")
            }
        }
        // After the commit, the index is the commit: nothing of the fix shows as a staged change.
        if let staged = try? await repo.git("diff", "--cached", "--name-only"), !staged.isEmpty {
            problems.append("staged after the commit: \(staged)")
        }
        return problems
    }

    static func show(_ bytes: [UInt8]?) -> String {
        bytes.map { String(reflecting: String(decoding: $0, as: UTF8.self)) } ?? "(missing)"
    }

    /// `git merge-file -p`: the clean merge, or nil on a conflict.
    static func mergeFile(ancestor: [UInt8], ours: [UInt8], theirs: [UInt8], in directory: TemporaryDirectory) async throws -> [UInt8]? {
        let o = try directory.write("merge/ours", ours)
        let a = try directory.write("merge/base", ancestor)
        let t = try directory.write("merge/theirs", theirs)
        let result = try await Command.run(["git", "merge-file", "-p", o, a, t], environment: GitFixture.environment)
        return result.status == 0 ? result.stdoutBytes : nil
    }
}
