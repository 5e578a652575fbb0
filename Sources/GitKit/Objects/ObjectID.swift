internal import CLibGit2

/// A git object id (SHA-1 in this libgit2). Hashable and cheap to copy; prints as 40 hex digits.
package struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    var raw: git_oid

    init(_ raw: git_oid) { self.raw = raw }

    init(_ pointer: UnsafePointer<git_oid>) { self.raw = pointer.pointee }

    /// Parses 40 hex digits; nil for anything else.
    package init?(hex: String) {
        guard hex.utf8.count == Int(GIT_OID_HEXSZ) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        raw = oid
    }

    /// The id from its 20 raw bytes (a SHA-1 that names something, as a pack's checksum names its file).
    package init(bytes: [UInt8]) {
        var oid = git_oid()
        bytes.withUnsafeBufferPointer { _ = git_oid_fromraw(&oid, $0.baseAddress) }
        raw = oid
    }

    /// The 20 raw bytes.
    var bytes: [UInt8] { withUnsafeBytes(of: raw) { Array($0.prefix(Int(GIT_OID_RAWSZ))) } }

    package var description: String {
        var copy = raw
        var buffer = [UInt8](repeating: 0, count: Int(GIT_OID_HEXSZ))
        buffer.withUnsafeMutableBytes { _ = git_oid_fmt($0.baseAddress!.assumingMemoryBound(to: CChar.self), &copy) }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The id git gives a blob of these bytes (`git hash-object`), computed without a repository.
    /// Thread-safe: hash on any thread.
    package static func blob(of bytes: [UInt8]) -> ObjectID {
        LibGit2.ensureInitialised()
        var oid = git_oid()
        _ = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        return ObjectID(oid)
    }

    /// The first seven hex digits, as git abbreviates.
    package var short: String { String(description.prefix(7)) }

    package static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
        withUnsafeBytes(of: lhs.raw) { a in withUnsafeBytes(of: rhs.raw) { b in a.elementsEqual(b) } }
    }

    package static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        withUnsafeBytes(of: lhs.raw) { a in withUnsafeBytes(of: rhs.raw) { b in a.lexicographicallyPrecedes(b) } }
    }

    package func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: raw) { hasher.combine(bytes: $0) }
    }
}
