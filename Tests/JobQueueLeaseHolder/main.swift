// A child process for JobQueueTests: claims one job and keeps its lease alive until killed.
// Usage: JobQueueLeaseHolder DATABASE WORKER LEASE_SECONDS
// Prints "claimed ID" (or "nothing") on standard output once the claim is committed.
import Foundation
import JobQueue

let arguments = CommandLine.arguments
guard arguments.count == 4, let lease = Double(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: JobQueueLeaseHolder DATABASE WORKER LEASE_SECONDS\n".utf8))
    exit(2)
}
do {
    let store = try JobStore(path: arguments[1])
    guard let claim = try await store.claim(worker: arguments[2], lease: lease) else {
        FileHandle.standardOutput.write(Data("nothing\n".utf8))
        exit(1)
    }
    // Unbuffered, so the parent reads the line at once.
    FileHandle.standardOutput.write(Data("claimed \(claim.job.id)\n".utf8))
    while true {
        try await Task.sleep(for: .seconds(lease / 3))
        try await store.heartbeat(claim.job.id, worker: arguments[2], lease: lease)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
