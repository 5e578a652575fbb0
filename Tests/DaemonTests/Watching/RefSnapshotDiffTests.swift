import Daemon
import GitKit
import Testing

/// The pure diff between two snapshots; ancestry comes from a closure, so no repository is needed.
@Suite struct RefSnapshotDiffTests {
    let a = ObjectID(hex: String(repeating: "a", count: 40))!
    let b = ObjectID(hex: String(repeating: "b", count: 40))!
    let c = ObjectID(hex: String(repeating: "c", count: 40))!

    /// `b` descends from `a`; nothing else is related.
    func ancestry(_ path: String, _ ancestor: ObjectID, _ descendant: ObjectID) -> Bool {
        ancestor == a && descendant == b
    }

    func snapshot(_ repositories: [String: RefSnapshot.RepositoryState]) -> RefSnapshot {
        RefSnapshot(repositories: repositories)
    }

    @Test("created, advanced, rewritten and deleted branches, in name order")
    func branchKinds() {
        let old = snapshot(["/r": .present(tips: ["main": a, "dev": a, "gone": c])])
        let new = snapshot(["/r": .present(tips: ["main": b, "dev": c, "new": a])])
        let changes = RefSnapshot.changes(from: old, to: new, isAncestor: ancestry).compactMap(\.change)
        #expect(
            changes == [
                RefChange(repositoryPath: "/r", branch: "dev", oldTip: a, newTip: c, kind: .rewritten),
                RefChange(repositoryPath: "/r", branch: "gone", oldTip: c, newTip: nil, kind: .deleted),
                RefChange(repositoryPath: "/r", branch: "main", oldTip: a, newTip: b, kind: .advanced),
                RefChange(repositoryPath: "/r", branch: "new", oldTip: nil, newTip: a, kind: .created),
            ])
    }

    @Test("equal snapshots produce nothing")
    func unchanged() {
        let state = snapshot(["/r": .present(tips: ["main": a]), "/m": .missing])
        #expect(RefSnapshot.changes(from: state, to: state, isAncestor: ancestry).isEmpty)
    }

    @Test("a repository that appears reports itself, then its branches as created")
    func appears() {
        let events = RefSnapshot.changes(
            from: snapshot(["/r": .missing]), to: snapshot(["/r": .present(tips: ["main": a])]), isAncestor: ancestry)
        #expect(
            events == [
                .repositoryAppeared(path: "/r"),
                .branch(RefChange(repositoryPath: "/r", branch: "main", oldTip: nil, newTip: a, kind: .created)),
            ])
    }

    @Test("a repository that vanishes is reported once, without per-branch deletions")
    func vanishes() {
        let events = RefSnapshot.changes(
            from: snapshot(["/r": .present(tips: ["main": a])]), to: snapshot(["/r": .missing]), isAncestor: ancestry)
        #expect(events == [.repositoryVanished(path: "/r")])
        #expect(RefSnapshot.changes(from: snapshot(["/r": .missing]), to: snapshot(["/r": .missing]), isAncestor: ancestry).isEmpty)
    }

    @Test("the ancestry question is asked with the old tip as ancestor, of the right repository")
    func ancestryArguments() {
        var asked: [String] = []
        _ = RefSnapshot.changes(
            from: snapshot(["/r": .present(tips: ["main": a])]), to: snapshot(["/r": .present(tips: ["main": b])])
        ) { path, ancestor, descendant in
            asked.append("\(path) \(ancestor.short) \(descendant.short)")
            return true
        }
        #expect(asked == ["/r aaaaaaa bbbbbbb"])
    }
}
