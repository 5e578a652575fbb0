import Foundation

/// What a user's checkout looks like: it must be identical before and after sparkd writes.
public struct CheckoutState: Equatable, Sendable {
    public let head: String
    public let symbolicHead: String
    public let status: String
    public let index: [UInt8]
    public let worktreeFiles: [String: [UInt8]]

    public init(_ repo: GitFixture) throws {
        head = try repo.git("rev-parse", "HEAD")
        symbolicHead = try repo.git("symbolic-ref", "-q", "HEAD")
        status = try repo.git("status", "--porcelain=v1", "--untracked-files=all")
        let gitDir = try repo.git("rev-parse", "--absolute-git-dir")
        index = Array(try Data(contentsOf: URL(fileURLWithPath: gitDir + "/index")))
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: repo.path)!
        while let relative = enumerator.nextObject() as? String {
            if relative == ".git" || relative.hasPrefix(".git/") {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: repo.path + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try repo.read(relative) }
        }
        worktreeFiles = files
    }
}
