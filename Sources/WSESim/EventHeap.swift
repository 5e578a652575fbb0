/// A binary min-heap of timed values; equal times come out in insertion order.
struct EventHeap<Value> {
    private var items: [(time: Double, order: Int, value: Value)] = []
    private var counter = 0

    var isEmpty: Bool { items.isEmpty }
    var peekTime: Double? { items.first?.time }

    mutating func push(at time: Double, _ value: Value) {
        items.append((time, counter, value))
        counter += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest item if its time is ≤ `limit`.
    mutating func popIfNotAfter(_ limit: Double) -> (Double, Value)? {
        guard let first = items.first, first.time <= limit else { return nil }
        items.swapAt(0, items.count - 1)
        items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, less(left, smallest) { smallest = left }
            if right < items.count, less(right, smallest) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return (first.time, first.value)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        items[a].time < items[b].time || (items[a].time == items[b].time && items[a].order < items[b].order)
    }
}
