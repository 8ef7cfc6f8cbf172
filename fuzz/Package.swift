// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over galley's libraries, in one binary (FUZZ_TARGET picks the
// target), built by fuzz/run.sh with sanitizers in ../.build-fuzz; never part of the
// normal build. The package is reached through the link .build-fuzz/galley -> .. that
// run.sh makes, so its identity is "galley" whatever the checkout's directory is called.
let package = Package(
    name: "galley-fuzz",
    dependencies: [.package(path: "../.build-fuzz/galley")],
    targets: [
        .executableTarget(name: "GalleyFuzz", dependencies: [.product(name: "GalleyCore", package: "galley")]),
    ]
)
