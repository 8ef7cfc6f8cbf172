import RuleEngine

/// What a `check` or `fix` run was asked for, as plain values: `RunOptions` (the command
/// line ArgumentParser reads) hands them to the `Runner` in this form, and so does
/// `PlainRun`, which starts the run a hook most often asks for (`galley check FILE...`)
/// without ArgumentParser. The defaults are the options' defaults; a test checks that the
/// two agree.
struct RunSettings: Sendable, Equatable {
    var paths: [String] = []
    var config: String?
    var select: [String] = []
    var ignore: [String] = []
    var format: RunOptions.OutputFormat = .text
    var jobs: Int?
    var verbose = false
    var cache = CacheSettings()
    var noGit = false
    var changedSince: String?
    var writeBaseline: String?
    var baseline: String?
    var stdin = false
    var stdinFilename: String?
    var exitZero = false
    var statistics = false
    var quiet = false
    var color: ColorChoice = .auto
    var shard: Shard?
    var noProgress = false

    /// `--select`: nil for "as configured".
    var selected: Set<String>? { select.isEmpty ? nil : Set(Self.ruleIDs(select)) }
    var ignored: Set<String> { Set(Self.ruleIDs(ignore)) }

    /// The rule ids of `--select`/`--ignore` values (comma-separated, repeatable).
    static func ruleIDs(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { TextHelpers.trimmingBlanks($0) }.filter { !$0.isEmpty }
    }
}

/// `--no-cache` and `--cache-dir`, as plain values.
struct CacheSettings: Sendable, Equatable {
    var noCache = false
    var cacheDir: String?

    /// The store these settings ask for, or nil with `--no-cache`.
    var store: ListingCacheStore? {
        if noCache { return nil }
        // (Empty, from the option or the environment: the default.)
        let dir = (cacheDir ?? Environment.process["GALLEY_CACHE_DIR"]).flatMap { $0.isEmpty ? nil : $0 }
        return ListingCacheStore(directory: dir.map { FileDiscovery.fileSystem.absolute($0) })
    }
}
