import ArgumentParser
import Testing
@testable import GalleyCLI

/// `PlainRun` starts `check` and `fix` without ArgumentParser when the command line has
/// nothing but paths. Every command line it takes must be one ArgumentParser reads as the
/// same run (the same settings, the same fix settings), and every other goes to
/// ArgumentParser.
@Suite struct PlainRunTests {
    /// What ArgumentParser makes of a command line, as the runner would take it (with the
    /// long trailing list of paths set aside and appended, as `runMain` does).
    static func parsed(_ arguments: [String]) throws -> (mode: String, settings: RunSettings, fix: Runner.FixSettings?) {
        let split = LongArgumentList.split(arguments)
        let command = try GalleyCommand.parseAsRoot(split.parse)
        switch command {
        case let check as CheckCommand:
            var settings = check.options.settings
            settings.paths += split.paths
            return ("check", settings, nil)
        case let fix as FixCommand:
            var settings = fix.options.settings
            settings.paths += split.paths
            return ("fix", settings, fix.settings)
        default:
            throw ValidationError("not a run: \(arguments)")
        }
    }

    static let taken: [[String]] = [
        ["check"], ["fix"],
        ["check", "post.md"], ["fix", "post.md"],
        ["check", "_posts/a b.md", "drafts", "café.md", "a=b.md", "@list", "x,y.md"],
        // Words ArgumentParser gives a meaning elsewhere are paths after `check` and `fix`.
        ["check", "help"], ["check", "version"], ["check", "check"], ["check", "fix"], ["fix", "help"],
        ["check", "rules"], ["fix", "explain"],
        // What pre-commit passes: many files (ArgumentParser sees them split off).
        ["check"] + (0..<200).map { "_posts/p\($0).md" },
        ["fix"] + (0..<70).map { "p\($0).md" },
    ]

    @Test(arguments: taken) func aPlainCommandLineIsTheRunArgumentParserReads(_ arguments: [String]) throws {
        let plain = try #require(PlainRun(arguments))
        let expected = try Self.parsed(arguments)
        #expect(plain.settings == expected.settings)
        switch plain.mode {
        case .check:
            #expect(expected.mode == "check")
        case let .fix(settings):
            #expect(expected.mode == "fix")
            let want = try #require(expected.fix)
            #expect(settings.level == want.level)
            #expect(settings.unsafeFor == want.unsafeFor)
            #expect(settings.diffOnly == want.diffOnly)
            #expect(settings.report == want.report)
            #expect(settings.backup == nil && want.backup == nil)
        }
    }

    static let declined: [[String]] = [
        [], ["post.md"], ["rules"], ["explain", "nbsp-entity"], ["render", "post.md"], ["site"], ["scan", "x"],
        ["--version"], ["-h"], ["help", "check"],
        ["check", "-q", "post.md"], ["check", "post.md", "--format", "json"], ["check", "--", "-post.md"],
        ["check", "-"], ["check", ""], ["check", "--help"], ["fix", "--unsafe-fixes", "post.md"], ["fix", "post.md", "--diff"],
        ["check"] + (0..<100).map { "p\($0).md" } + ["--quiet"],
    ]

    @Test(arguments: declined) func anythingElseGoesToArgumentParser(_ arguments: [String]) {
        #expect(PlainRun(arguments) == nil)
    }
}
