internal import Dispatch
internal import Foundation

/// A value computed on a thread of its own while the caller goes on; ``value()`` waits for it.
/// ``StagedFixup`` loads the recipes (YAML files, 0.7 ms) this way while it reads many staged
/// blobs.
package final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the loading thread before `finished` is signalled, read only after.
    private var result: Result<Value, any Error>?

    /// Runs `work` on a new POSIX thread: Foundation's `Thread` took 0.5 ms to start one when measured,
    /// half of what the hook hides behind it.
    package init(_ work: @escaping @Sendable () throws -> Value) {
        let job = Job { [self] in
            result = Result { try work() }
            finished.signal()
        }
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        if pthread_create(&thread, nil, runJob, context) == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Job>.fromOpaque(context).release()
            job.run()  // no thread to be had: load it here
        }
    }

    /// The value, or what loading it threw.
    package func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try result!.get()
    }
}

/// What a new thread runs, passed through `pthread_create`'s context pointer.
private final class Job {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// The thread entry of ``BackgroundLoad``: runs the job passed as its context.
private func runJob(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
    return nil
}
