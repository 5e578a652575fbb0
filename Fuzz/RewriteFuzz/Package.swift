// swift-tools-version: 6.1
// libFuzzer harness for sparkd's structural matcher (`scripts/fuzz.sh rewrite [SECONDS]`).
//
// Built only with the fuzzer flags:
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// `RewriteEngine` is the matcher's own sources, linked (symlinks) from the main package's
// `Recipes` target rather than depended on: their API is `package`-access, which does not cross
// package boundaries, and instrumenting only the matcher keeps coverage feedback on it.
// `Diagnostics` (the errors' one shape, which the matcher's error adopts) is linked the same way.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "RewriteFuzz",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "Diagnostics", swiftSettings: swiftSettings),
        .target(name: "RewriteEngine", dependencies: ["Diagnostics"], swiftSettings: swiftSettings),
        .executableTarget(name: "rewrite-fuzz", dependencies: ["RewriteEngine"], swiftSettings: swiftSettings),
    ]
)
