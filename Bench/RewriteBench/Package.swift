// swift-tools-version: 6.1
// The runner `make bench-rewrite` times against ast-grep: sparkd's structural matcher over a file
// list, files in parallel, rewritten in place.
//
// `RewriteEngine` is the matcher's own sources, linked (symlinks) from the main package's
// `Recipes` target rather than depended on: their API is `package`-access, which does not cross
// package boundaries, and the matcher needs nothing else of `Recipes` (no Yams, no Mustache).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "RewriteBench",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "RewriteEngine", swiftSettings: swiftSettings),
        .executableTarget(name: "rewrite-bench", dependencies: ["RewriteEngine"], swiftSettings: swiftSettings),
    ]
)
