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
//
// The C++ library the runtime needs is linked statically too. The toolchain's static link
// line names `-lstdc++` after the objects, before any flag a package can add, so the one
// way in is the library search path: Support/link/ holds a linker script named
// libstdc++.so that takes the archive instead (`GROUP(libstdc++.a)`, found in the
// compiler's own directory). Loading libstdc++.so.6 and binding its 1,666 symbols was
// 1.7 M of a one-post run's 17.4 M instructions, about 0.7 ms.
let linkSupport = Context.packageDirectory + "/Support/link"
let staticReleaseLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-L", linkSupport], .when(configuration: .release)),
]

// Every galley module is compiled, in release, to reach the metadata of a concrete generic
// type through its accessor function, not by demangling its name at run time: a run on
// one post asked the runtime for 33 types by name, each a demangling and linear scans of
// the 3,875 conformance records (3.9 M of 19.9 M instructions; 1.0 M remain, from the
// prebuilt standard library). This is the code the compiler makes for systems whose
// runtime predates mangled-name access; the binary is 60 KB larger.
let metadataByAccessor: SwiftSetting = .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))

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
        .target(name: "FrontMatter", dependencies: ["CYAML"], swiftSettings: [metadataByAccessor]),
        .target(name: "MarkdownScanner", swiftSettings: [metadataByAccessor]),
        .target(name: "Rendering", dependencies: ["MarkdownScanner"], swiftSettings: [metadataByAccessor]),
        .target(name: "RuleEngine", dependencies: ["FrontMatter", "MarkdownScanner", "Rendering"],
                swiftSettings: [metadataByAccessor]),
        .target(
            name: "Rules",
            dependencies: ["RuleEngine"],
            exclude: ["Pages/README.md"],
            resources: [.embedInCode("Pages")],
            swiftSettings: [metadataByAccessor]
        ),
        // The operating system behind RuleEngine's FileSystem: only GalleyCLI uses it.
        .target(name: "GalleyIO", dependencies: ["RuleEngine", "MarkdownScanner"], swiftSettings: staticRelease + [metadataByAccessor]),
        .target(
            name: "GalleyCLI",
            dependencies: [
                "Rules", "RuleEngine", "GalleyIO", "MarkdownScanner", "Rendering", "FrontMatter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRelease + [metadataByAccessor]
        ),
        .executableTarget(
            name: "galley",
            dependencies: ["GalleyCLI"],
            swiftSettings: staticRelease + [metadataByAccessor],
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
