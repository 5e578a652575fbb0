internal import Foundation

/// The real path of the running executable (`/proc/self/exe`): where `sparkctl hook install` finds
/// itself and `sparkd-hook` finds the `sparkctl` beside it.
package func runningExecutablePath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
}
