import ArgumentParser

/// `--shard K/N`: the K-th of N slices of the run's files. A file belongs to the slice
/// `fnv1a64(path) % N`, where path is its path relative to the repository root (the one
/// SARIF and baselines use), so the slices are the same on every machine and from every
/// working directory, and a file keeps its slice when others are added or removed (by
/// index in the sorted list, every new file would move the ones after it). Errors about
/// paths are sliced the same way, so each shows in exactly one shard.
struct Shard: ExpressibleByArgument, Sendable, Equatable {
    var index: Int
    var count: Int

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    static var defaultCompletionKind: CompletionKind { .default }

    func contains(_ path: String, paths: RepositoryPaths) -> Bool {
        Int(LineHash.fnv1a(paths.display(path).utf8) % UInt64(count)) == index - 1
    }

    /// SARIF's `runAutomationDetails.id`. GitHub takes everything up to the last `/` as
    /// the analysis's category, so the trailing `/` gives each shard its own category
    /// (uploads of one category replace each other).
    var automationID: String { "galley/shard-\(index)-of-\(count)/" }
}
