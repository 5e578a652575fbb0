internal import Diagnostics
internal import GitKit
internal import JobQueue
internal import Recipes
internal import SparkEngine
internal import WSESim

/// A failed attempt, and whether another attempt can help: a lost compare-and-swap race or a
/// locked ref can (the job is queued again after the backoff and regenerated on what is then
/// there); a broken recipe, a non-idempotent result or a missing repository cannot.
package struct JobFailure: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var retryable: Bool

    package init(message: String, retryable: Bool) {
        (self.message, self.retryable) = (message, retryable)
    }

    init(_ error: any Error) {
        switch error {
        case let error as GitError:
            let transient: Set<GitError.Code> = [.locked, .modified, .other]
            let lostRace = error.code == .modified ? " (lost a race for the branch: queued again, nothing overwritten)" : ""
            self.init(message: "\(error)\(lostRace)", retryable: transient.contains(error.code))
        case let error as ApplyError:
            self.init(message: error.description, retryable: false)
        case let error as RecipeError:
            self.init(message: error.description, retryable: false)
        case let error as WSEError:
            self.init(message: error.description, retryable: false)
        case let error as JobQueueError where error.code == .leaseLost:
            self.init(message: "not published: \(error.message)", retryable: false)
        default:
            self.init(message: "\(error)", retryable: true)
        }
    }

    package var description: String { message }
}
