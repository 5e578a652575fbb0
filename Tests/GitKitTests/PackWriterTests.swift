import Foundation
import GitKit
import TestSupport
import Testing

@Suite("PackWriter and SHA-1: packs git reads back")
struct PackWriterTests {
    /// FIPS 180 test vectors, fed in uneven pieces to cross the 64-byte blocks every way.
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (String(repeating: "a", count: 1_000_000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
    ])
    func sha1Vectors(_ input: String, _ expected: String) {
        let bytes = Array(input.utf8)
        for piece in [1, 7, 63, 64, 65, 1000] {
            var hash = SHA1()
            var start = 0
            while start < bytes.count {
                hash.update(Array(bytes[start..<min(start + piece, bytes.count)]))
                start += piece
            }
            #expect(hash.finish().map { String(format: "%02x", $0) }.joined() == expected, "pieces of \(piece)")
        }
    }

    @Test func entryHeaders() {
        #expect(PackWriter.header(kind: .blob, size: 0) == [0x30])
        #expect(PackWriter.header(kind: .blob, size: 15) == [0x3F])
        #expect(PackWriter.header(kind: .blob, size: 16) == [0xB0, 0x01])
        #expect(PackWriter.header(kind: .commit, size: 1_000_000) == [0x90, 0xA4, 0xE8, 0x03])
    }

    @Test("blobs of every size, a duplicate and an existing object: git verify-pack, cat-file and fsck agree")
    func gitReadsThePack() async throws {
        let directory = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: directory.path + "/repo")
        let existing = try await repo.commit(["a.txt": "already here\n"])
        var generator = SystemRandomNumberGenerator()
        let contents: [[UInt8]] = [
            [], Array("x".utf8), Array(repeating: 0x41, count: 15), Array(repeating: 0x42, count: 16),
            Array(repeating: 0x43, count: 300_000), (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) },
            Array("already here\n".utf8),
        ]
        var objects = contents.map { PackWriter.Object(id: ObjectID.blob(of: $0), kind: .blob, content: $0) }
        objects.append(objects[1])
        try PackWriter.write(objects, into: repo.path + "/.git/objects/pack")

        let packs = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }
        #expect(packs.count == 1)
        let pack = repo.path + "/.git/objects/pack/" + packs[0]
        let verified = try await repo.git("verify-pack", "-v", pack)
        #expect(verified.contains("non delta: \(contents.count) objects"), "\(verified)")
        for content in contents {
            let id = ObjectID.blob(of: content).description
            #expect(try await repo.git("cat-file", "-t", id) == "blob")
            #expect(try await repo.git("cat-file", "-s", id) == "\(content.count)")
        }
        let opened = try Repository.open(at: repo.path)
        for content in contents { #expect(try opened.contents(of: ObjectID.blob(of: content)) == content) }
        _ = try await repo.git("fsck", "--strict", "--no-dangling")
        #expect(try await repo.git("rev-parse", "HEAD") == existing)
        // Read-only, as git leaves its packs.
        let mode = try FileManager.default.attributesOfItem(atPath: pack)[.posixPermissions] as? Int
        #expect(mode == 0o444)
    }
}
