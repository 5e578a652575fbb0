#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A named set of dedicated threads for blocking work — libgit2 calls, CPU-heavy recipe programs,
/// child processes waited for to their end — reached from async code with `await`.
///
/// Swift's cooperative pool has one thread per core; a job that blocks one of them delays every
/// task on the process, timers and lease heartbeats included. Work submitted here runs on this
/// executor's own threads instead, first come first served, and the awaiting task is suspended,
/// holding no thread, until the work's result is ready.
///
/// With `threads: 1` the executor is serial: jobs never overlap, so objects that must not be used
/// by two threads at once (a libgit2 repository) may live inside its jobs.
package final class BlockingExecutor: @unchecked Sendable {
    package let label: String
    package let threadLimit: Int
    // pthread objects must not move: allocated once, freed with the executor (after its last thread).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`: the queued jobs (from `head` on), the threads started, those waiting for a job.
    private var queue: [Job] = []
    private var head = 0
    private var started = 0
    private var waiting = 0

    private typealias Job = () -> Void

    /// How long a thread waits for work before it ends.
    package static let idleSeconds = 10

    /// `threads` threads at most, started on demand; a thread idle for ``idleSeconds`` ends, and an
    /// executor no one holds goes away with its last thread.
    package init(label: String, threads: Int = 1) {
        precondition(threads >= 1, "a BlockingExecutor needs at least one thread")
        self.label = label
        self.threadLimit = threads
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// One thread per core, for CPU-heavy work (recipe programs, line counts, hashing).
    package static let compute = BlockingExecutor(label: "sparkd.compute", threads: max(1, activeProcessorCount()))

    /// Serial, for one-shot git work outside the daemon's workers (sparkctl commands, tests).
    package static let git = BlockingExecutor(label: "sparkd.git")

    /// Runs `body` on one of the executor's threads and returns its result or error.
    package func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            submit {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
        }
        return try result.get()
    }

    /// Queues `job`; starts a thread when more jobs wait than threads do, within the limit.
    private func submit(_ job: @escaping Job) {
        pthread_mutex_lock(mutex)
        queue.append(job)
        let startThread = queue.count - head > waiting && started < threadLimit
        if startThread { started += 1 }
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
        if startThread { startWorker() }
    }

    private func startWorker() {
        let box = Unmanaged.passRetained(self)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        // Recipe programs and swift-syntax recurse: give them the main thread's usual stack.
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                let executor = Unmanaged<BlockingExecutor>.fromOpaque(raw!).takeRetainedValue()
                executor.workLoop()
                return nil
            }, box.toOpaque())
        pthread_attr_destroy(&attributes)
        precondition(status == 0, "pthread_create failed for \(label): \(status)")
    }

    private func workLoop() {
        // Signals go to other threads: a blocking call here (a read from a child's pipe, libgit2's
        // I/O) never fails with EINTR because a handler ran on this thread. Faults stay deliverable.
        var blocked = sigset_t()
        sigfillset(&blocked)
        for fault in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT] { sigdelset(&blocked, fault) }
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        while true {
            pthread_mutex_lock(mutex)
            while head == queue.count {
                waiting += 1
                var deadline = timespec()
                clock_gettime(CLOCK_REALTIME, &deadline)
                deadline.tv_sec += Self.idleSeconds
                let status = pthread_cond_timedwait(condition, mutex, &deadline)
                waiting -= 1
                if status == ETIMEDOUT, head == queue.count {
                    // Idle: the thread ends; the next job starts another.
                    started -= 1
                    pthread_mutex_unlock(mutex)
                    return
                }
            }
            let job = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            pthread_mutex_unlock(mutex)
            job()
        }
    }
}

private func activeProcessorCount() -> Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
