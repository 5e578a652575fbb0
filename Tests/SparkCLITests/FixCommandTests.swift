import Foundation
import TestSupport
import Testing

/// `sparkctl fix`: pre-commit-hooks' contract (in place, exit 1 when anything changed) and the
/// editor filter (`--stdin-filename`).
@Suite("sparkctl fix")
struct FixCommandTests {
    @Test func fixesFilesInPlaceAndExitsOneWhenAnythingChanged() throws {
        let dir = try TemporaryDirectory()
        let dirty = try dir.write("dirty.sh", "echo hi   \r\necho there\n")
        let clean = try dir.write("clean.txt", "fine\n")
        try Command.check(["chmod", "755", dirty])
        let inode = try FileManager.default.attributesOfItem(atPath: dirty)[.systemFileNumber] as? Int

        let first = try SparkctlBinary.run(
            ["fix", "--recipe", "fixup/trailing-whitespace", "--recipe", "fixup/mixed-line-ending", dirty, clean])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.contains("Fixing \(dirty)"))
        #expect(!first.stdout.contains("Fixing \(clean)"))
        #expect(try dir.read("dirty.sh") == Array("echo hi\necho there\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: dirty)
        #expect((attributes[.posixPermissions] as? Int) == 0o755, "mode kept")
        #expect(attributes[.systemFileNumber] as? Int == inode, "rewritten in place, as pre-commit-hooks does")

        let second = try SparkctlBinary.run(["fix", "--recipe", "fixup/trailing-whitespace", dirty, clean])
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
    }

    @Test func filtersStandardInput() throws {
        let changed = try Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "fixup/trailing-whitespace", "--recipe", "fixup/end-of-file",
             "--stdin-filename", "notes.txt"], stdin: Array("a  \nb".utf8))
        #expect(changed.status == 1)
        #expect(changed.stdoutBytes == Array("a\nb\n".utf8))
        let unchanged = try Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "fixup/end-of-file", "--stdin-filename", "notes.txt"],
            stdin: Array("ok\n".utf8))
        #expect(unchanged.status == 0)
        #expect(unchanged.stdoutBytes == Array("ok\n".utf8))
    }

    @Test func skipsBinaryFilesAndRejectsBadUsage() throws {
        let dir = try TemporaryDirectory()
        let binary = try dir.write("blob.bin", [0, 1, 32, 32, 10])
        let skipped = try SparkctlBinary.run(["fix", "--recipe", "fixup/trailing-whitespace", binary])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("skipped (binary)"))
        #expect(try dir.read("blob.bin") == [0, 1, 32, 32, 10])

        let noRecipe = try SparkctlBinary.run(["fix", binary])
        #expect(noRecipe.status == 2)
        let unknown = try SparkctlBinary.run(["fix", "--recipe", "fixup/nope", binary])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("fixup/nope"))
    }
}
