/// Virtual time: advancing is an assignment, so a simulation runs as fast as the CPU allows.
package struct VirtualClock: SimulationClock {
    package private(set) var now: Double = 0

    package init() {}

    package mutating func advance(to time: Double) async {
        if time > now { now = time }
    }
}
