internal import ArgumentParser
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
            case .notARepository, .notOwned, .emptyRepository, .unknownRevision, .invalidName: return usage
            default: return failure
            }
        case is RecipeError: return usage
        case is ApplyError: return failure
        case let error as WSEError: return error.code == .contextOverflow ? failure : usage
        case is BackendError: return failure
        default: return failure
        }
    }
}
