// swift-tools-version: 6.1
// libFuzzer harness for sparkd's recipe loader (`scripts/fuzz.sh loader [SECONDS]`).
//
// Built only with the fuzzer flags (the script passes them):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
//     -Xswiftc -enable-testing
//
// It depends on the main package by path, through its `SparkRecipes` library product
// (`.library(name: "SparkRecipes", targets: ["Recipes"])`). The loader's API is
// `package`-access, which does not cross package boundaries, so the harness uses
// `@testable import Recipes` and the build passes `-enable-testing`.
//
// `SPARKD_PACKAGE_PATH` overrides where the main package is: scripts/fuzz.sh points it at
// a staged copy whose Package.swift has the product line when the checked-in one does not.
import PackageDescription

let sparkdPath = Context.environment["SPARKD_PACKAGE_PATH"] ?? "../.."

let package = Package(
    name: "LoaderFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sparkd", path: sparkdPath)
    ],
    targets: [
        .executableTarget(
            name: "loader-fuzz",
            dependencies: [.product(name: "SparkRecipes", package: "sparkd")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ]
)
