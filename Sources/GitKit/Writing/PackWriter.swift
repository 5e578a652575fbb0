internal import CLibGit2
internal import Dispatch
internal import Foundation

/// Writes whole (undeltified) objects as one pack file and its version-2 index, from their
/// contents, the way `git index-pack` leaves them: `objects/pack/pack-<checksum>.{pack,idx}`,
/// read-only, the index renamed into place last so no reader sees a pack without it.
///
/// Written by hand because libgit2 offers a pack only through its pack builder, which deflates
/// every object on one thread and hands the pack to its indexer, which inflates and hashes every
/// object again to build the index: 60 % of committing 10,000 changed files (perf,
/// `make bench-commit`). Here the objects are deflated on all cores, and the index comes from
/// the ids the caller already has.
package enum PackWriter {
    /// An object for the pack: its id (the caller's, not checked here), git type and content.
    package struct Object {
        package var id: ObjectID
        package var kind: Kind
        package var content: [UInt8]

        package init(id: ObjectID, kind: Kind, content: [UInt8]) {
            (self.id, self.kind, self.content) = (id, kind, content)
        }
    }

    /// The object types a pack of whole objects holds, with git's type numbers.
    package enum Kind: UInt8 {
        case commit = 1, tree = 2, blob = 3, tag = 4
    }

    /// Objects from this size on do not go into a pack here: zlib takes 32-bit lengths in one call.
    package static let largestObject = 1 << 30

    /// Writes `objects` (an id given twice is written once; each smaller than ``largestObject``)
    /// as a new pack in `packDirectory`; nothing for no objects.
    package static func write(_ objects: [Object], into packDirectory: String) throws(GitError) {
        var seen = Set<ObjectID>()
        let unique = objects.filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return }
        precondition(unique.allSatisfy { $0.content.count < largestObject }, "an object too large for one zlib call")
        let entries = deflatedEntries(unique)

        var pack: [UInt8] = Array("PACK".utf8)
        pack.reserveCapacity(12 + entries.reduce(0) { $0 + $1.count } + 20)
        pack.appendBigEndian(UInt32(2))
        pack.appendBigEndian(UInt32(unique.count))
        var offsets: [UInt64] = []
        offsets.reserveCapacity(unique.count)
        for entry in entries {
            offsets.append(UInt64(pack.count))
            pack += entry
        }
        var packHash = SHA1()
        packHash.update(pack)
        let checksum = packHash.finish()
        pack += checksum

        let crcs = entries.map { entry in entry.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) } }
        let index = indexFile(ids: unique.map(\.id), crcs: crcs, offsets: offsets, packChecksum: checksum)
        let name = packDirectory + "/pack-" + ObjectID(bytes: checksum).description
        try place(pack, at: name + ".pack", in: packDirectory)
        try place(index, at: name + ".idx", in: packDirectory)
    }

    /// Each object as its pack entry: the type-and-size header, then the zlib stream of its
    /// content. On all cores; zlib's default level, as git's `pack.compression` has it.
    private static func deflatedEntries(_ objects: [Object]) -> [[UInt8]] {
        let slots = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: objects.count)
        slots.initialize(repeating: [])
        defer { slots.deinitialize().deallocate() }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, objects.count / 64))
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var stream = z_stream()
            guard deflateInit_(&stream, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                fatalError("zlib cannot start a deflate stream (out of memory)")
            }
            defer { deflateEnd(&stream) }
            // Deflated into one scratch buffer per worker, then copied out at its exact size: an
            // entry left at deflateBound's capacity kept 14 MB more alive for 10,000 files.
            var scratch: [UInt8] = []
            for position in (objects.count * worker / workers)..<(objects.count * (worker + 1) / workers) {
                output[position] = entry(objects[position], stream: &stream, scratch: &scratch)
            }
        }
        return Array(slots)
    }

    private static func entry(_ object: Object, stream: inout z_stream, scratch: inout [UInt8]) -> [UInt8] {
        let header = header(kind: object.kind, size: object.content.count)
        let bound = Int(deflateBound(&stream, uLong(object.content.count)))
        if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
        deflateReset(&stream)
        let produced = object.content.withUnsafeBufferPointer { input in
            scratch.withUnsafeMutableBufferPointer { output -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress!
                stream.avail_out = uInt(bound)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate into deflateBound's size did not finish (\(status))")
                return bound - Int(stream.avail_out)
            }
        }
        var entry: [UInt8] = []
        entry.reserveCapacity(header.count + produced)
        entry += header
        entry += scratch[..<produced]
        return entry
    }

    /// The entry header: type in bits 4–6 of the first byte, the size 4 bits there and 7 bits in
    /// each byte after, least significant first; the high bit says another byte follows.
    package static func header(kind: Kind, size: Int) -> [UInt8] {
        var rest = size >> 4
        var bytes: [UInt8] = [kind.rawValue << 4 | UInt8(size & 0x0F)]
        while rest > 0 {
            bytes[bytes.count - 1] |= 0x80
            bytes.append(UInt8(rest & 0x7F))
            rest >>= 7
        }
        return bytes
    }

    /// The version-2 index: fan-out by first byte, sorted ids, their CRC-32s and offsets (offsets
    /// from 2 GiB on in a table of 8-byte ones), the pack's checksum, then its own.
    private static func indexFile(ids: [ObjectID], crcs: [UInt32], offsets: [UInt64], packChecksum: [UInt8]) -> [UInt8] {
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        let rawIDs = ids.map(\.bytes)
        var index: [UInt8] = [0xFF, 0x74, 0x4F, 0x63]
        index.appendBigEndian(UInt32(2))
        var fanout = [UInt32](repeating: 0, count: 256)
        for id in rawIDs { fanout[Int(id[0])] += 1 }
        var running: UInt32 = 0
        for byte in 0..<256 {
            running += fanout[byte]
            index.appendBigEndian(running)
        }
        for position in order { index += rawIDs[position] }
        for position in order { index.appendBigEndian(crcs[position]) }
        var large: [UInt64] = []
        for position in order {
            let offset = offsets[position]
            if offset < 0x8000_0000 {
                index.appendBigEndian(UInt32(offset))
            } else {
                index.appendBigEndian(0x8000_0000 | UInt32(large.count))
                large.append(offset)
            }
        }
        for offset in large {
            index.appendBigEndian(UInt32(offset >> 32))
            index.appendBigEndian(UInt32(truncatingIfNeeded: offset))
        }
        index += packChecksum
        var hash = SHA1()
        hash.update(index)
        index += hash.finish()
        return index
    }

    /// Writes `bytes` to a new temporary file in `directory`, flushes it to disk and renames it
    /// to `path`. Created read-only (0444 less the umask, as git leaves packs). A file already there is the same
    /// pack (its name is its checksum): kept.
    private static func place(_ bytes: [UInt8], at path: String, in directory: String) throws(GitError) {
        if access(path, F_OK) == 0 { return }
        let hint = "check that the repository's objects directory is writable and the disk is not full"
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 where descriptor < 0 {
            temporary = directory + "/tmp_pack_\(getpid())_\(UInt64.random(in: 0...UInt64.max))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
            if descriptor < 0 && errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw GitError(.other, "cannot create a file in '\(directory)': \(String(cString: strerror(errno)))", subject: directory, hint: hint)
        }
        // On disk before the name appears, as git does with its packs: a ref written after this
        // must not name objects of a pack a power cut truncated.
        let written = FileDescriptorIO.writeAll(descriptor, bytes) && fsync(descriptor) == 0
        let problem = errno
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(written ? errno : problem))
            unlink(temporary)
            throw GitError(.other, "cannot write '\(path)': \(reason)", subject: path, hint: hint)
        }
    }
}
