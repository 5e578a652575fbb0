/// What moving a review branch's ref is about to do.
package enum RefMove: Sendable, Equatable {
    /// The branch does not exist yet.
    case create
    case update
    case delete
}

/// Called on the git thread right before a review branch's ref moves, with what the move does;
/// throws when the result must not be published (the daemon's job was cancelled or its lease
/// lost). The daemon also records a branch it is about to create here, so the record is durable
/// before the ref exists: a kill between the two can only count a branch that never came, never
/// miss one that did (the per-hour limit errs on the side of fewer branches).
package typealias PublishCheck = @Sendable (RefMove) throws -> Void
