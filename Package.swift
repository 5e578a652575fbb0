// swift-tools-version: 6.1
import Foundation
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// libgit2 is linked from its static archives when they are installed (Debian's libgit2-dev brings
// them and those of its dependencies): the shared libgit2 drags 17 more shared libraries (Kerberos,
// OpenSSL) into every process, and loading them cost ~2 ms of each `sparkctl` start and a hook's
// budget is 5 ms. `CLibGit2Link` then supplies what the static link needs (see link.c): TLS and SSH
// are disabled, since sparkd only reads and writes local repositories. Without the archives
// (another distribution) the shared library is used, as pkg-config says.
//
// SPARKD_LIBGIT2 says which: `static` (the archives, or this file stops and says where it looked
// for them), `shared`, or `auto`, the default: static when the archives are installed. SwiftPM
// caches this file's evaluation, and the build plan made from it, keyed on its text and the
// environment, not on the files it looked at: under `auto`, a build first planned before the
// archives were installed keeps linking the shared library. So the Makefile passes the choice
// (scripts/libgit2-linking.sh, which has the same lists) and checks the hook it built
// (scripts/check-hook-linking.sh).
let libgit2ArchiveNames = ["git2", "mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8", "z"]
let libgit2ArchiveDirectories = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]
let installedLibgit2Archives: [String]? = libgit2ArchiveDirectories.lazy
    .map { directory in libgit2ArchiveNames.map { "\(directory)/lib\($0).a" } }
    .first { archives in archives.allSatisfy { FileManager.default.fileExists(atPath: $0) } }
let libgit2Archives: [String]? = {
    switch ProcessInfo.processInfo.environment["SPARKD_LIBGIT2", default: "auto"] {
    case "auto": return installedLibgit2Archives
    case "shared": return nil
    case "static":
        guard let archives = installedLibgit2Archives else {
            stop(
                """
                SPARKD_LIBGIT2=static, but libgit2's static archives (\(libgit2ArchiveNames.map { "lib\($0).a" }.joined(separator: " "))) \
                are not all in one of \(libgit2ArchiveDirectories.joined(separator: ", ")): \
                install libgit2-dev (Debian, Ubuntu), or build with SPARKD_LIBGIT2=shared
                """)
        }
        return archives
    case let other:
        stop("SPARKD_LIBGIT2=\(other): write static, shared or auto (the default: static when libgit2's archives are installed)")
    }
}()
/// Ends the evaluation with `message`, which SwiftPM shows under "Invalid manifest" (fatalError
/// would add a backtrace).
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
// Symbols libgit2 calls that `CLibGit2Link` replaces (`ld --wrap`): see link.c.
let libgit2Wrapped = [
    "mbedtls_x509_crt_parse_file", "mbedtls_x509_crt_parse_path", "mbedtls_entropy_init", "mbedtls_ctr_drbg_seed", "mbedtls_ssl_setup",
    "libssh2_init", "libssh2_session_init_ex",
]
let gitKitLinking: [LinkerSetting] =
    libgit2Archives.map { archives in
        [.unsafeFlags(archives + libgit2Wrapped.flatMap { ["-Xlinker", "--wrap=\($0)"] })]
    } ?? [.linkedLibrary("git2"), .linkedLibrary("z")]
// `-static-stdlib` on one executable's link: the modules were compiled against the shared
// Foundation, whose autolink entries do not name the static archives' own dependencies.
let staticFoundationLibraries = [
    "CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections", "FoundationEssentials",
    "FoundationInternationalization", "swiftSynchronization", "swift_RegexParser", "swift_StringProcessing",
    "swiftDispatch", "dispatch", "BlocksRuntime", "stdc++", "m", "util",
].map { "-l\($0)" }
// sparkd-hook is one static executable (glibc too) when libgit2's archives are there: no dynamic
// loader, no shared library to map or relocate, no lazy symbol binding. Measured against the
// dynamically linked glibc + libstdc++ before it: 3.3 → 2.8 ms of CPU a run, and a commit with
// the hook 5.5 → 3.6 ms slower than without it at 10 files (`make bench-hook`). glibc warns that
// getpwnam/dlopen in a static program need the same glibc's shared NSS modules at run time:
// libgit2 asks for a home directory that way only when $HOME is unset, and if it fails the hook
// hands over to sparkctl (main.swift). Without the archives, a non-PIE with the runtime static:
// a PIE of this size has 96,000 relocations for the dynamic loader to apply.
let hookLinking = libgit2Archives == nil ? ["-static-stdlib", "-Xclang-linker", "-no-pie"] : ["-static-executable"]
let gitKitLinkDependencies: [Target.Dependency] = libgit2Archives == nil ? [] : ["CLibGit2Link"]

let package = Package(
    name: "sparkd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sparkctl", targets: ["sparkctl"]),
        .executable(name: "sparkd", targets: ["sparkd"]),
        .executable(name: "sparkd-hook", targets: ["sparkd-hook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "602.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The C boundary: libgit2 through pkg-config. Only GitKit imports it.
        // Headers only: how libgit2 is linked is GitKit's linker setting (above).
        .systemLibrary(
            name: "CLibGit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Dedicated threads for blocking work (libgit2, CPU-heavy recipe programs), reached with `await`.
        .target(name: "Executors", swiftSettings: swiftSettings),
        // What the static libgit2 needs at link time and nothing else imports.
        .target(name: "CLibGit2Link"),
        .target(
            name: "GitKit",
            dependencies: ["CLibGit2", "Diagnostics"] + gitKitLinkDependencies,
            swiftSettings: swiftSettings,
            linkerSettings: gitKitLinking
        ),
        .target(
            name: "Recipes",
            dependencies: [
                "Diagnostics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // swift-syntax rewriters, registered as `swift` steps. Only the CLI's start-up
        // registration imports it; Recipes knows rewriters through its registry seam.
        .target(
            name: "SwiftRecipes",
            dependencies: [
                "Recipes",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SparkEngine",
            dependencies: ["Diagnostics", "Executors", "GitKit", "Recipes", "WSESim"],
            swiftSettings: swiftSettings
        ),
        // The simulated WSE backend's performance model and discrete-event simulator. Foundation only.
        .target(
            name: "WSESim",
            dependencies: ["Diagnostics"],
            swiftSettings: swiftSettings
        ),
        // The one shape of sparkd's errors (code, message, hint) and their one description. No
        // dependencies, not even Foundation: every module can use it.
        .target(name: "Diagnostics", swiftSettings: swiftSettings),
        // The pre-commit fixup of staged content, shared by `sparkctl fixup --staged` and `sparkd-hook`.
        // GitKit and Recipes only: the hook links neither the engine nor the simulator.
        .target(
            name: "FixupHook",
            dependencies: ["GitKit", "Recipes"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SparkCLI",
            dependencies: [
                "ControlAPI", "Diagnostics", "FixupHook", "GitKit", "Recipes", "SparkEngine", "SparkRuntime", "WSESim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The durable job store: SQLite through GRDB (apt `libsqlite3-dev`). Runs no jobs.
        .target(
            name: "JobQueue",
            dependencies: ["Diagnostics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The control socket's request and response types, and the small client sparkctl uses.
        // Foundation only: sparkctl (and its pre-commit hook) must not pay for a server stack.
        .target(
            name: "ControlAPI",
            dependencies: ["Diagnostics"],
            swiftSettings: swiftSettings
        ),
        // The daemon's services and its configuration.
        .target(
            name: "Daemon",
            dependencies: [
                "ControlAPI", "Diagnostics", "Executors", "GitKit", "JobQueue", "Recipes", "SparkEngine", "WSESim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // Start-up shared by the executables: registers SwiftRecipes' rewriters and the Swift
        // parse check with the registries of Recipes and SparkEngine, which must not know them.
        .target(
            name: "SparkRuntime",
            dependencies: ["SparkEngine", "SwiftRecipes", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // `sparkd`'s command line: parses arguments, registers the Swift rewriters, runs the daemon.
        .target(
            name: "SparkdCLI",
            dependencies: [
                "Daemon", "Recipes", "SparkRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Swift runtime and Foundation linked statically here too: shared, they are mapped in
        // 2 MB pieces (aligned large folios), so the idle daemon keeps 19 MB of them resident
        // that IdleMemory cannot give back; in the binary, it gives back all but what is used.
        .executableTarget(
            name: "sparkd",
            dependencies: ["SparkdCLI"],
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(["-static-stdlib"] + staticFoundationLibraries)]
        ),
        // What the pre-commit hook runs: the fixup alone, with the Swift runtime and Foundation linked
        // statically, so a commit does not wait for sparkctl's start-up (see its main.swift).
        .executableTarget(
            name: "sparkd-hook",
            dependencies: ["FixupHook", "GitKit", "Recipes"],
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(hookLinking + staticFoundationLibraries)]
        ),
        .executableTarget(
            name: "sparkctl",
            dependencies: ["SparkCLI"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Executors"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExecutorsTests",
            dependencies: ["Executors", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GitKitTests",
            dependencies: ["GitKit", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecipesTests",
            // SwiftRecipes: the shipped catalog's `swift` steps need its rewriters registered.
            dependencies: ["Recipes", "SwiftRecipes", "TestSupport"],
            // Recipe files the tests read from disk, not sources.
            exclude: ["BrokenRecipes"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwiftRecipesTests",
            dependencies: ["SwiftRecipes", "Recipes", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DiagnosticsTests",
            dependencies: ["Diagnostics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WSESimTests",
            dependencies: ["WSESim", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SparkEngineTests",
            dependencies: ["SparkEngine", "Recipes", "GitKit", "WSESim", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        // A child process for JobQueueTests: claims a job, heartbeats its lease, and is killed.
        .executableTarget(
            name: "JobQueueLeaseHolder",
            dependencies: ["JobQueue"],
            path: "Tests/JobQueueLeaseHolder",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobQueueTests",
            dependencies: ["JobQueue", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "ControlAPI", "JobQueue", "Recipes", "GitKit", "SparkEngine", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SparkCLITests",
            // Recipes: the randomized fixup test predicts the hook's result with the fixers in process.
            dependencies: ["SparkCLI", "ControlAPI", "GitKit", "Recipes", "TestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
