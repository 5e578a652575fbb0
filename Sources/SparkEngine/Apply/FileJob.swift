internal import GitKit

/// One file to transform: its bytes in the base (nil: a template creates it) and the template
/// outputs written to it, per recipe.
struct FileJob: Sendable {
    var path: String
    var mode: FileMode
    var original: [UInt8]?
    var templates: [GeneratedFiles.Output]
}

/// What the recipes did to one file.
struct FileResult: Sendable {
    var output: [UInt8]?
    /// Per recipe: nil if it left the file alone, else which of its steps changed it.
    var stepsChanged: [[Bool]?]
    /// Why a recipe would not work on the file, and which recipes said so.
    var skipped: (reason: SkipCause, recipes: [String])? = nil
    var stat: Result<LineStat, GitError>? = nil
    /// The output's blob id, hashed here, in parallel, instead of on the git thread.
    var blobID: ObjectID? = nil
    /// The verification gate's verdict on the output (nil: it passed).
    var failure: VerificationGate.Failure? = nil
}
