// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over galley's libraries, built by fuzz/run.sh with
// `--sanitize fuzzer --sanitize address` in ../.build-fuzz; never part of the normal build.
// The package is reached through the link .build-fuzz/galley -> .. that run.sh makes, so
// its identity is "galley" whatever the checkout's directory is called.
let core: [Target.Dependency] = [.product(name: "GalleyCore", package: "galley")]

let package = Package(
    name: "galley-fuzz",
    dependencies: [.package(path: "../.build-fuzz/galley")],
    targets: ["FuzzFrontMatter", "FuzzMarkdown", "FuzzRender", "FuzzFix", "FuzzConfig"].map {
        .executableTarget(name: $0, dependencies: core)
    }
)
