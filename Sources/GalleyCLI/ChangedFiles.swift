import FoundationEssentials
import Glibc

/// `--changed-since REF`: the files that differ between `git merge-base REF HEAD` and
/// the work tree (committed, staged or not yet staged changes, deletions left out),
/// plus untracked files that git does not ignore, which are new content too.
struct ChangedFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The work tree's top directory, as git prints it (symbolic links resolved).
    let topLevel: String
    /// Absolute paths of the changed files.
    let paths: Set<String>

    init(since ref: String, from directory: String = FileManager.default.currentDirectoryPath) throws {
        func git(_ args: [String], in dir: String) throws -> Git.Result {
            guard let r = Git.run(args, in: dir) else {
                throw Failure(description: "--changed-since needs git, and git could not be run")
            }
            return r
        }
        let top = try git(["rev-parse", "--show-toplevel"], in: directory)
        guard top.status == 0, !top.line.isEmpty else {
            throw Failure(description: "--changed-since needs a git work tree: \(top.complaint)")
        }
        topLevel = top.line
        let base = try git(["merge-base", ref, "HEAD"], in: topLevel)
        guard base.status == 0, !base.line.isEmpty else {
            let why = base.stderr.isEmpty ? "no common ancestor" : base.complaint
            throw Failure(description: "--changed-since \(ref): cannot find the merge base of `\(ref)` and HEAD: \(why)")
        }
        let diff = try git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base.line, "--"], in: topLevel)
        guard diff.status == 0 else { throw Failure(description: "--changed-since \(ref): \(diff.complaint)") }
        let untracked = try git(["ls-files", "-z", "--others", "--exclude-standard"], in: topLevel)
        guard untracked.status == 0 else { throw Failure(description: "--changed-since \(ref): \(untracked.complaint)") }
        let root = topLevel.hasSuffix("/") ? topLevel : topLevel + "/"
        paths = Set((diff.paths + untracked.paths).map { root + $0 })
    }

    /// Whether `path` (as discovered, relative to the working directory or absolute) is one of them.
    func contains(_ path: String) -> Bool {
        if paths.contains(FileDiscovery.standardized(path)) { return true }
        // The path as written may pass through a symbolic link that git's top level resolves.
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        return paths.contains((directory.hasSuffix("/") ? directory : directory + "/") + url.lastPathComponent)
    }
}
