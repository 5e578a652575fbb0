/// Where modeled time goes. The simulator computes every time itself and only tells the clock
/// to advance, so any clock yields the same modeled results.
package protocol SimulationClock: Sendable {
    /// Modeled seconds since the simulation started.
    var now: Double { get }
    /// Moves to `time` (never backwards).
    mutating func advance(to time: Double) async
}
