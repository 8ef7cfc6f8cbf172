// swift-tools-version:6.0
import PackageDescription

// The rule reference pages are rules/<id>.md. The Rules target embeds every one of them
// in the binary (`embedInCode` of its `Pages` link to rules/, which takes the folder's
// files one by one), so `galley explain` needs no checkout and a new page needs no line
// here. Each rule names its own page (`PackageResources.<id>_md`), and a test checks that
// every page belongs to a rule.

// Release builds link the Swift runtime and FoundationEssentials statically (what `swift
// build --static-swift-stdlib` does, here so that `swift build -c release`, which pre-commit
// runs, does it too): a run on one post starts in about 4 ms instead of 9 and holds 7 MB
// less (bench/bulk.sh). Modules that import it must be compiled for it as well. galley
// imports FoundationEssentials, never all of Foundation: that, with ICU, made the binary
// 84 MB instead of 35 and each run about 1 ms slower to start (README, Dependencies).
let staticRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticReleaseLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "galley",
    products: [
        .executable(name: "galley", targets: ["galley"]),
        // For the libFuzzer targets of fuzz/ (their own package, built with sanitizers).
        .library(name: "GalleyCore", targets: ["FrontMatter", "MarkdownScanner", "Rendering", "RuleEngine", "Rules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "FrontMatter", dependencies: ["CYAML"]),
        .target(name: "MarkdownScanner"),
        .target(name: "Rendering", dependencies: ["MarkdownScanner"]),
        .target(name: "RuleEngine", dependencies: ["FrontMatter", "MarkdownScanner", "Rendering"]),
        .target(
            name: "Rules",
            dependencies: ["RuleEngine"],
            exclude: ["Pages/README.md"],
            resources: [.embedInCode("Pages")]
        ),
        // The operating system behind RuleEngine's FileSystem: only GalleyCLI uses it.
        .target(name: "GalleyIO", dependencies: ["RuleEngine", "MarkdownScanner"], swiftSettings: staticRelease),
        .target(
            name: "GalleyCLI",
            dependencies: [
                "Rules", "RuleEngine", "GalleyIO", "MarkdownScanner", "Rendering", "FrontMatter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRelease
        ),
        .executableTarget(
            name: "galley",
            dependencies: ["GalleyCLI"],
            swiftSettings: staticRelease,
            linkerSettings: staticReleaseLink
        ),

        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter"]),
        .testTarget(name: "MarkdownScannerTests", dependencies: ["MarkdownScanner"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "MarkdownScanner"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine", "Rendering", "MarkdownScanner"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "RuleEngine"]),
        .testTarget(name: "GalleyCLITests", dependencies: ["GalleyCLI", "GalleyIO"]),
        .testTarget(name: "EndToEndTests", dependencies: ["galley", "MarkdownScanner"]),
    ]
)
