import Daemon
import Foundation
import GitKit
import TestSupport
import Testing

/// The watcher against real repositories changed with the git command line, with inotify and in
/// polling-only mode. With inotify the poll interval is long, so a test only passes when inotify
/// itself woke the watcher.
@Suite struct RefWatcherTests {
    enum Setup: String, CaseIterable, CustomTestStringConvertible {
        case inotify, polling
        var mode: RefWatcher.Mode { self == .inotify ? .automatic : .pollingOnly }
        var pollInterval: Duration { self == .inotify ? .seconds(60) : .milliseconds(100) }
        var testDescription: String { rawValue }
    }

    let directory: TemporaryDirectory
    let repo: GitFixture
    let first: String

    init() async throws {
        directory = try TemporaryDirectory("ref-watcher")
        repo = try await GitFixture.create(at: directory.path + "/app")
        first = try await repo.commit(["README.md": "one\n"], message: "first")
    }

    func makeWatcher(
        _ setup: Setup, branches: [String] = ["main"], pollInterval: Duration? = nil,
        extra: [WatchedRepository] = []
    ) -> RefWatcher {
        RefWatcher(
            repositories: [WatchedRepository(path: repo.path, branches: branches)] + extra,
            pollInterval: pollInterval ?? setup.pollInterval, mode: setup.mode, logger: WatchRecorder.logger())
    }

    func tip(_ branch: String) async throws -> ObjectID {
        try #require(ObjectID(hex: try await repo.git("rev-parse", "refs/heads/\(branch)")))
    }

    @Test(
        "the first event is the baseline: present repositories with their tips, missing ones as missing",
        arguments: Setup.allCases)
    func baseline(setup: Setup) async throws {
        let missing = directory.path + "/not-yet"
        // A plain directory inside a repository's working tree is not that repository.
        let inside = try directory.subdirectory("app/sub")
        let watcher = makeWatcher(
            setup, branches: ["main", "absent"],
            extra: [
                WatchedRepository(path: missing, branches: ["main"]), WatchedRepository(path: inside, branches: ["main"]),
            ])
        try await WatchRecorder.watching(watcher) { recorder in
            let baseline = try #require(await recorder.baseline())
            guard case .baseline = recorder.events.first else {
                Issue.record("first event is \(String(describing: recorder.events.first))")
                return
            }
            let main = try await tip("main")
            #expect(baseline.repositories[repo.path] == .present(tips: ["main": main]))
            #expect(baseline.repositories[missing] == .missing)
            #expect(baseline.repositories[inside] == .missing)
        }
    }

    @Test("a commit on a watched branch is reported as advanced", arguments: Setup.allCases)
    func advanced(setup: Setup) async throws {
        try await WatchRecorder.watching(makeWatcher(setup)) { recorder in
            _ = try #require(await recorder.baseline())
            let second = try await repo.commit(["README.md": "two\n"], message: "second")
            let change = try #require(await recorder.change(.advanced, of: "main"))
            #expect(change.oldTip?.description == first)
            #expect(change.newTip?.description == second)
            #expect(change.repositoryPath == repo.path)
            #expect(recorder.changes.count == 1, "\(recorder.changes)")
        }
    }

    @Test("polling only, on a manual clock: a commit is seen when the clock passes the poll interval, not before")
    func pollingFollowsTheClock() async throws {
        let clock = ManualClock()
        let watcher = RefWatcher(
            repositories: [WatchedRepository(path: repo.path, branches: ["main"])], pollInterval: .seconds(5),
            mode: .pollingOnly, coalescingWindow: .zero, clock: clock, logger: WatchRecorder.logger())
        try await WatchRecorder.watching(watcher) { recorder in
            _ = try #require(await recorder.baseline())
            let second = try await repo.commit(["README.md": "two\n"], message: "second")
            #expect(await eventually { clock.sleeping == 1 }, "the poller waits on the clock")
            clock.advance(by: .seconds(4))
            // The watcher had every chance to look: the poller woke only if the clock said so.
            try await Task.sleep(for: .milliseconds(300))
            #expect(recorder.changes.isEmpty, "\(recorder.changes)")
            clock.advance(by: .seconds(1))
            let change = try #require(await recorder.change(.advanced, of: "main"))
            #expect(change.newTip?.description == second)
        }
    }

    @Test("amend, and reset --hard followed by a new commit, are reported as rewritten", arguments: Setup.allCases)
    func rewritten(setup: Setup) async throws {
        let second = try await repo.commit(["README.md": "two\n"], message: "second")
        try await WatchRecorder.watching(makeWatcher(setup)) { recorder in
            _ = try #require(await recorder.baseline())
            try await repo.git("commit", "-q", "--amend", "-m", "second, amended")
            let amended = try #require(await recorder.change(.rewritten, of: "main"))
            #expect(amended.oldTip?.description == second)
            let amendedTip = try await tip("main")
            #expect(amended.newTip == amendedTip)

            try await repo.git("reset", "-q", "--hard", "HEAD~1")
            let reset = try #require(await recorder.change(.rewritten, of: "main", after: 1))
            #expect(reset.newTip?.description == first)
            // The reset may be seen alone (rewritten) and the new commit then as advanced, or
            // both in one rescan (rewritten): either way the branch ends on the new commit.
            let third = try await repo.commit(["README.md": "three\n"], message: "third")
            #expect(await recorder.wait { _ in recorder.changes.last?.newTip?.description == third })
            #expect(recorder.changes.allSatisfy { $0.kind == .rewritten || $0.kind == .advanced })
        }
    }

    @Test("git branch -D is reported as deleted", arguments: Setup.allCases)
    func deleted(setup: Setup) async throws {
        try await repo.git("branch", "topic")
        try await WatchRecorder.watching(makeWatcher(setup, branches: ["main", "topic"])) { recorder in
            _ = try #require(await recorder.baseline())
            try await repo.git("branch", "-D", "topic")
            let change = try #require(await recorder.change(.deleted, of: "topic"))
            #expect(change.oldTip?.description == first)
            #expect(change.newTip == nil)
        }
    }

    @Test("a new branch in a subdirectory of refs/heads is reported as created", arguments: Setup.allCases)
    func createdInSubdirectory(setup: Setup) async throws {
        try await WatchRecorder.watching(makeWatcher(setup, branches: ["main", "feature/x", "feature/deep/y"])) { recorder in
            _ = try #require(await recorder.baseline())
            try await repo.git("branch", "feature/x")
            let created = try #require(await recorder.change(.created, of: "feature/x"))
            #expect(created.newTip?.description == first)
            #expect(created.oldTip == nil)
            // A second level created later: the new directories must be watched as they appear.
            try await repo.git("branch", "feature/deep/y")
            _ = try #require(await recorder.change(.created, of: "feature/deep/y"))
            // And a ref written into the now-watched subdirectory.
            try await repo.git("checkout", "-q", "feature/x")
            let moved = try await repo.commit(["x.txt": "x\n"], message: "on feature/x")
            let advanced = try #require(await recorder.change(.advanced, of: "feature/x"))
            #expect(advanced.newTip?.description == moved)
        }
    }

    @Test("git pack-refs --all changes no tip and reports nothing", arguments: Setup.allCases)
    func packRefs(setup: Setup) async throws {
        try await repo.git("branch", "topic")
        try await WatchRecorder.watching(makeWatcher(setup, branches: ["main", "topic"])) { recorder in
            _ = try #require(await recorder.baseline())
            try await repo.git("pack-refs", "--all")
            // A barrier: a later commit on main is reported; nothing may come before it.
            let second = try await repo.commit(["README.md": "two\n"], message: "second")
            _ = try #require(await recorder.change(.advanced, of: "main"))
            #expect(recorder.changes.map(\.kind) == [.advanced], "\(recorder.changes)")
            #expect(recorder.changes.first?.newTip?.description == second)
            // A branch updated while it lives only in packed-refs is still seen.
            try await repo.git("update-ref", "refs/heads/topic", second)
            _ = try #require(await recorder.change(.advanced, of: "topic"))
        }
    }

    @Test("commits and new branches outside the watched ones produce nothing", arguments: Setup.allCases)
    func unwatched(setup: Setup) async throws {
        try await WatchRecorder.watching(makeWatcher(setup)) { recorder in
            _ = try #require(await recorder.baseline())
            try await repo.git("checkout", "-q", "-b", "other")
            try await repo.commit(["other.txt": "x\n"], message: "on other")
            try await repo.git("branch", "feature/unwatched")
            try await repo.git("checkout", "-q", "main")
            let second = try await repo.commit(["README.md": "two\n"], message: "barrier")
            _ = try #require(await recorder.change(.advanced, of: "main"))
            #expect(recorder.changes.count == 1, "\(recorder.changes)")
            #expect(recorder.changes.first?.newTip?.description == second)
        }
    }

    @Test(
        "a repository that appears after start, vanishes, and comes back is reported each time",
        arguments: Setup.allCases)
    func appearsAndVanishes(setup: Setup) async throws {
        let later = directory.path + "/later"
        // Appearance is found by the periodic rescan in both modes (nothing to watch yet).
        let watcher = makeWatcher(setup, pollInterval: .milliseconds(200), extra: [WatchedRepository(path: later, branches: ["main"])])
        try await WatchRecorder.watching(watcher) { recorder in
            let baseline = try #require(await recorder.baseline())
            #expect(baseline.repositories[later] == .missing)

            // An empty directory (and one inside the watched repository's parent) is not a repository.
            try FileManager.default.createDirectory(atPath: later, withIntermediateDirectories: true)
            let late = try await GitFixture.create(at: later)
            let tip = try await late.commit(["a.txt": "a\n"])
            #expect(await recorder.wait { $0.contains(.repositoryAppeared(path: later)) })
            let created = try #require(await recorder.change(.created, of: "main"))
            #expect(created.repositoryPath == later)
            #expect(created.newTip?.description == tip)

            try FileManager.default.removeItem(atPath: later)
            #expect(await recorder.wait { $0.contains(.repositoryVanished(path: later)) })
            #expect(recorder.events.filter { $0 == .repositoryVanished(path: later) }.count == 1)
            #expect(!recorder.changes.contains { $0.kind == .deleted }, "\(recorder.changes)")

            let again = try await GitFixture.create(at: later)
            try await again.commit(["b.txt": "b\n"])
            #expect(await recorder.wait { $0.filter { $0 == .repositoryAppeared(path: later) }.count == 2 })
            // The other repository was watched throughout.
            try await repo.commit(["README.md": "two\n"])
            let advanced = try #require(await recorder.change(.advanced, of: "main"))
            #expect(advanced.repositoryPath == repo.path)
        }
    }

    @Test("a corrupt ref in one repository does not stop the others", arguments: Setup.allCases)
    func corruptRefIsolated(setup: Setup) async throws {
        let other = try await GitFixture.create(at: directory.path + "/other")
        try await other.commit(["o.txt": "o\n"])
        let watcher = makeWatcher(setup, branches: ["main", "broken"], extra: [WatchedRepository(path: other.path, branches: ["main"])])
        try await WatchRecorder.watching(watcher) { recorder in
            _ = try #require(await recorder.baseline())
            try "not a ref\n".write(toFile: repo.path + "/.git/refs/heads/broken", atomically: true, encoding: .utf8)
            try await repo.commit(["README.md": "two\n"])
            let second = try await other.commit(["o.txt": "two\n"])
            #expect(
                await recorder.wait { _ in
                    recorder.changes.contains { $0.repositoryPath == other.path && $0.newTip?.description == second }
                })
            _ = try #require(await recorder.change(.advanced, of: "main"))
            #expect(!recorder.changes.contains { $0.branch == "broken" }, "\(recorder.changes)")
        }
    }

    @Test("a push into a bare repository is reported", arguments: Setup.allCases)
    func pushIntoBare(setup: Setup) async throws {
        let bare = try await GitFixture.create(at: directory.path + "/srv/app.git", bare: true)
        try await repo.git("push", "-q", bare.path, "main")
        let watcher = RefWatcher(
            repositories: [WatchedRepository(path: bare.path, branches: ["main"])],
            pollInterval: setup.pollInterval, mode: setup.mode, logger: WatchRecorder.logger())
        try await WatchRecorder.watching(watcher) { recorder in
            let baseline = try #require(await recorder.baseline())
            #expect(baseline.tip(of: "main", in: bare.path)?.description == first)
            let second = try await repo.commit(["README.md": "two\n"])
            try await repo.git("push", "-q", bare.path, "main")
            let advanced = try #require(await recorder.change(.advanced, of: "main"))
            #expect(advanced.newTip?.description == second)
            try await repo.git("reset", "-q", "--hard", "HEAD~1")
            let third = try await repo.commit(["README.md": "three\n"])
            try await repo.git("push", "-q", "--force", bare.path, "main")
            let forced = try #require(await recorder.change(.rewritten, of: "main"))
            #expect(forced.oldTip?.description == second)
            #expect(forced.newTip?.description == third)
        }
    }

    @Test("cancelling run() finishes the event stream")
    func stopsOnCancellation() async throws {
        let watcher = makeWatcher(.inotify)
        let recorder = try await WatchRecorder.watching(watcher) { recorder in
            _ = try #require(await recorder.baseline())
            return recorder
        }
        #expect(await recorder.wait { _ in recorder.isFinished })
    }
}
