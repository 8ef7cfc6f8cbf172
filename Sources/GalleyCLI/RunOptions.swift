import ArgumentParser
import RuleEngine
import Rules

/// Options shared by `check` and `fix`.
struct RunOptions: ParsableArguments {
    @Argument(help: "Files or directories (default: the current directory).")
    var paths: [String] = []

    @Option(name: .long, help: "Use this configuration file instead of looking for .galley.yml.")
    var config: String?

    @Option(name: .long, parsing: .singleValue, help: "Run only these rules (comma-separated, repeatable).")
    var select: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Do not run these rules (comma-separated, repeatable).")
    var ignore: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Files processed at once (default: one per core; fix, writing files: four per core, up to 64).")
    var jobs: Int?

    @Flag(name: .long, help: "Say more about what is skipped and why.")
    var verbose = false

    @OptionGroup var cache: CacheOptions

    @Flag(name: .customLong("no-git"), help: "Walk directories instead of asking git which files it tracks or would track.")
    var noGit = false

    @Option(name: .customLong("changed-since"), help: ArgumentHelp(
        "Lint only files changed since the merge base of REF and HEAD (working tree and untracked files included).",
        valueName: "REF"))
    var changedSince: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the findings of this run in FILE; exit 0 unless there are errors.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings that are not in FILE (made with --write-baseline).", valueName: "FILE"))
    var baseline: String?

    @Flag(name: .long, help: "Read one document from standard input (with fix, write the fixed document to standard output).")
    var stdin = false

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The path the document read with --stdin stands for (for reports and configuration).", valueName: "NAME"))
    var stdinFilename: String?

    @Flag(name: .customLong("exit-zero"), help: "Exit 0 even when there are findings (errors still exit 2).")
    var exitZero = false

    @Flag(name: .long, help: "Also print the number of findings and fixable findings per rule.")
    var statistics = false

    @Flag(name: [.customShort("q"), .long], help: "Print findings and errors only: no summary, no notes.")
    var quiet = false

    @Option(name: .long, help: "Colour the text output: auto colours a terminal unless NO_COLOR is set.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp(
        "Check or fix only the K-th of N slices of the files (by a stable hash of each path), for a CI matrix.", valueName: "K/N"))
    var shard: Shard?

    @Flag(name: .customLong("no-progress"), help: "No progress line on a terminal.")
    var noProgress = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github, junit
    }

    func validate() throws {
        for id in RunSettings.ruleIDs(select) + RunSettings.ruleIDs(ignore) where AllRules.rule(id) == nil {
            throw ValidationError("unknown rule `\(id)`; `galley rules` lists them")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if stdin && !paths.isEmpty { throw ValidationError("--stdin reads standard input; give no paths with it") }
        if stdinFilename != nil && !stdin { throw ValidationError("--stdin-filename goes with --stdin") }
        if stdin && shard != nil { throw ValidationError("--shard slices the files found; it cannot be used with --stdin") }
        if stdin && changedSince != nil { throw ValidationError("--changed-since cannot be used with --stdin") }
        if noGit && changedSince != nil { throw ValidationError("--changed-since needs git; it cannot be used with --no-git") }
        if baseline != nil && writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline cannot be used together (a new baseline records every finding)")
        }
        if let changedSince, changedSince.isEmpty || changedSince.hasPrefix("-") {
            throw ValidationError("--changed-since needs a git revision, not `\(changedSince)`")
        }
    }

    /// The options as the runner takes them.
    var settings: RunSettings {
        RunSettings(paths: paths, config: config, select: select, ignore: ignore, format: format, jobs: jobs, verbose: verbose,
                    cache: cache.settings, noGit: noGit, changedSince: changedSince, writeBaseline: writeBaseline,
                    baseline: baseline, stdin: stdin, stdinFilename: stdinFilename, exitZero: exitZero,
                    statistics: statistics, quiet: quiet, color: color, shard: shard, noProgress: noProgress)
    }
}
