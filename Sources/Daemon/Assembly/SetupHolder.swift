internal import Synchronization

/// The daemon's current ``DaemonSetup``, shared by its services and swapped whole on reload.
package final class SetupHolder: Sendable {
    private let value: Mutex<DaemonSetup>

    package init(_ setup: DaemonSetup) {
        value = Mutex(setup)
    }

    package var current: DaemonSetup { value.withLock { $0 } }

    package func replace(_ setup: DaemonSetup) {
        value.withLock { $0 = setup }
    }

    /// Applies `change` to the current setup atomically.
    package func update(_ change: (DaemonSetup) -> DaemonSetup) {
        value.withLock { $0 = change($0) }
    }
}
