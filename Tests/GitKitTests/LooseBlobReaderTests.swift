import Foundation
import GitKit
import TestSupport
import Testing

/// `LooseBlobReader` reads loose blobs itself: every blob must come out as `git cat-file` gives
/// it, whatever its size, and anything it does not read itself (packed, not a blob, corrupt)
/// must go to libgit2.
@Suite("Loose blob reader")
struct LooseBlobReaderTests {
    /// Sizes around the reader's buffers: empty, inside the 32-byte header read, across it,
    /// across its 16 KiB first read, and large and incompressible.
    static let contents: [String: [UInt8]] = {
        var generator = SplitMix64(seed: 7)
        let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        return [
            "empty": [],
            "tiny": Array("x\n".utf8),
            "header": Array(String(repeating: "a", count: 26).utf8),
            "across": Array(String(repeating: "line of text\n", count: 40).utf8),
            "buffer": Array(noise.prefix(16 * 1024 + 7)),
            "large": noise,
        ]
    }()

    @Test func looseBlobsReadAsGitHasThem() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try repo.write(Self.contents)
        try await repo.git("add", "-A")
        let reader = LooseBlobReader(try Repository.open(at: repo.path))
        for (name, bytes) in Self.contents {
            let id = try #require(ObjectID(hex: try await repo.git("rev-parse", ":\(name)")))
            #expect(reader.looseContents(of: id) == bytes, "\(name) read by the reader itself")
            #expect(try reader.contents(of: id) == bytes)
            #expect(try await repo.show("", name) == bytes, "git cat-file agrees")
        }
    }

    @Test func packedBlobsGoToLibgit2() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try repo.write(["a.txt": "packed\n"])
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "-m", "one")
        try await repo.git("gc", "-q", "--prune=now")
        let id = try #require(ObjectID(hex: try await repo.git("rev-parse", "HEAD:a.txt")))
        let reader = LooseBlobReader(try Repository.open(at: repo.path))
        #expect(reader.looseContents(of: id) == nil, "no loose file after gc")
        #expect(try reader.contents(of: id) == Array("packed\n".utf8))
        // A packed repository stops the looking after a while; what then comes loose is read by
        // libgit2 all the same.
        for _ in 0...LooseBlobReader.giveUpAfter { _ = try reader.contents(of: id) }
        try repo.write(["b.txt": "loose after all\n"])
        try await repo.git("add", "b.txt")
        let loose = try #require(ObjectID(hex: try await repo.git("rev-parse", ":b.txt")))
        #expect(reader.looseContents(of: loose) == nil, "given up")
        #expect(try reader.contents(of: loose) == Array("loose after all\n".utf8))
    }

    @Test func otherObjectsAndCorruptFilesAreLeftToLibgit2() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try repo.write(["a.txt": "blob\n", "b.txt": "to be broken\n"])
        try await repo.git("add", "-A")
        let tree = try #require(ObjectID(hex: try await repo.git("write-tree")))
        let reader = LooseBlobReader(try Repository.open(at: repo.path))
        #expect(reader.looseContents(of: tree) == nil, "a tree is not a blob")
        #expect(throws: GitError.self) { try reader.contents(of: tree) }

        let broken = try #require(ObjectID(hex: try await repo.git("rev-parse", ":b.txt")))
        let hex = broken.description
        let file = repo.path + "/.git/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        try await Command.check(["chmod", "u+w", file])
        try Data([0x78, 0x01, 0xFF, 0xFF, 0x00]).write(to: URL(fileURLWithPath: file))
        #expect(reader.looseContents(of: broken) == nil, "not a zlib stream of a blob")
        #expect(throws: GitError.self) { try reader.contents(of: broken) }
    }
}
