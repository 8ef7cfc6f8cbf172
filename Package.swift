// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "galley",
    products: [
        .executable(name: "galley", targets: ["galley"]),
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
        .target(name: "RuleEngine", dependencies: ["FrontMatter", "MarkdownScanner"]),
        // The rule reference pages live in rules/<id>.md; SwiftPM embeds them in the
        // binary (`embedInCode`), so `galley explain` needs no checkout at run time.
        .target(
            name: "RuleDocs",
            path: "rules",
            exclude: ["README.md"],
            sources: ["RuleDocs.swift"],
            resources: [
                .embedInCode("nbsp-entity.md"),
                .embedInCode("ghost-card-marker.md"),
                .embedInCode("front-matter-syntax.md"),
                .embedInCode("mismatched-emphasis.md"),
                .embedInCode("missing-image.md"),
                .embedInCode("image-alt.md"),
                .embedInCode("front-matter-fields.md"),
            ]
        ),
        .target(name: "Rules", dependencies: ["RuleEngine", "RuleDocs"]),
        .target(
            name: "GalleyCLI",
            dependencies: [
                "Rules", "RuleEngine", "MarkdownScanner", "Rendering", "FrontMatter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "galley", dependencies: ["GalleyCLI"]),

        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter"]),
        .testTarget(name: "MarkdownScannerTests", dependencies: ["MarkdownScanner"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "MarkdownScanner"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "RuleEngine"]),
        .testTarget(name: "GalleyCLITests", dependencies: ["GalleyCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["galley"]),
    ]
)
