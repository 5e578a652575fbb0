internal import ArgumentParser
internal import ControlAPI
internal import GitKit
internal import Recipes
internal import SparkEngine
internal import WSESim

/// The exit statuses every command shares (DESIGN.md): 0 success, 1 a failed operation, 2 a
/// usage or configuration error.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2

    /// Bad input the user can fix by changing the command line or configuration → 2; an operation
    /// that failed on valid input (lock held, race lost, branch frozen, disk) → 1.
    static func of(_ error: any Error) -> Int32 {
        switch error {
        case let error as GitError:
            switch error.code {
            case .notARepository, .notOwned, .emptyRepository, .unknownRevision, .invalidRange, .invalidName: return usage
            default: return failure
            }
        case is RecipeError: return usage
        case is ApplyError: return failure
        case let error as WSEError: return error.code == .contextOverflow ? failure : usage
        case is BackendError: return failure
        // No daemon, no permission, not found, a conflicting state: the operation failed (1). A
        // socket path that cannot be one, or a request the daemon calls malformed (HTTP 400: an
        // unknown state name, a bad revision), is the command line's to fix (2).
        case let error as ControlClientError:
            return error.code == .invalidSocket || (error.code == .daemon && error.status == 400) ? usage : failure
        case is SocketLocation.ConfigError: return usage
        default: return failure
        }
    }
}
