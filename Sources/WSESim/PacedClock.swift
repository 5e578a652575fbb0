/// Paced time: advancing sleeps for the modeled interval divided by `speedup`, so events (first
/// tokens, streamed output, completions) reach an observer at the modeled rate. Modeled times are
/// the simulator's, never measured, so they equal a ``VirtualClock`` run's.
package struct PacedClock: SimulationClock {
    package private(set) var now: Double = 0
    /// 1 streams in real time; 10 ten times faster.
    package var speedup: Double

    package init(speedup: Double = 1) {
        self.speedup = speedup
    }

    package mutating func advance(to time: Double) async {
        guard time > now else { return }
        let seconds = (time - now) / max(speedup, 1e-9)
        now = time
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
    }
}
