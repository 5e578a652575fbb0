import Foundation
import GitKit
import Recipes
import SparkEngine
import Synchronization
import TestSupport
import Testing

/// The daemon's branch rules inside `ApplyRunner.deliver`, on real repositories: a job on an
/// older base never moves the branch back; the publish check runs right before the ref moves.
@Suite("Review-branch delivery")
struct BranchDeliveryTests {
    func request(_ repo: GitFixture, base: String, recipe: Recipe) -> ApplyRequest {
        var request = ApplyRequest(
            repositoryPath: repo.path, recipes: [recipe], base: base, branch: "spark/test", identity: EngineFixture.identity,
            validators: [])
        request.branchPolicy = .init(mayCreate: true, deleteWhenNoChange: true)
        return request
    }

    @Test("a job on an older base than the branch's change does not move the branch back")
    func staleBaseIsRefused() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["a.txt": Array("one  \n".utf8)])
        let old = try await repo.git("rev-parse", "main")
        try await repo.commit(["b.txt": "two  \n"], message: "newer")
        let new = try await repo.git("rev-parse", "main")
        let recipe = try EngineFixture.recipe(id: "test/trailing", step: EngineFixture.trailingWhitespace)

        let newer = try await ApplyRunner().run(request(repo, base: new, recipe: recipe))
        #expect(newer.branchAction == .created)
        let error = await #expect(throws: ApplyError.self) { try await ApplyRunner().run(request(repo, base: old, recipe: recipe)) }
        #expect(error?.code == .staleBase)
        #expect(try await repo.git("rev-parse", "spark/test") == newer.commit)
    }

    @Test("the publish check runs before the branch moves, told what the move does, and its error stops it")
    func publishCheckStopsTheUpdate() async throws {
        struct Cancelled: Error {}
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["a.txt": Array("one  \n".utf8)])
        let recipe = try EngineFixture.recipe(id: "test/trailing", step: EngineFixture.trailingWhitespace)
        let moves = Mutex<[RefMove]>([])
        var refused = request(repo, base: "main", recipe: recipe)
        refused.publishCheck = { move in
            moves.withLock { $0.append(move) }
            throw Cancelled()
        }
        await #expect(throws: Cancelled.self) { try await ApplyRunner().run(refused) }
        #expect(try await repo.git("for-each-ref", "refs/heads/spark/").isEmpty)

        var allowed = refused
        allowed.publishCheck = { move in moves.withLock { $0.append(move) } }
        _ = try await ApplyRunner().run(allowed)
        try await repo.commit(["b.txt": "b\n"], message: "next")
        _ = try await ApplyRunner().run(allowed)
        try await repo.commit(["a.txt": "one\n"], message: "fixed by hand")
        _ = try await ApplyRunner().run(allowed)
        #expect(moves.withLock { $0 } == [.create, .create, .update, .delete])
        #expect(try await repo.git("for-each-ref", "refs/heads/spark/").isEmpty)
    }
}
