import FoundationEssentials
import Glibc
import GalleyIO
import RuleEngine

/// Expands the command line's paths into the Markdown files to lint. Inside a git work
/// tree a directory stands for the files git tracks or would track below it (`git
/// ls-files --cached --others --exclude-standard`), so `.gitignore` is honoured by git
/// itself; elsewhere, or with `--no-git`, directories are walked. Either way only
/// `*.md`, `*.markdown` and `*.mdx` are taken, skipping `.git`, `node_modules` and
/// hidden directories; a file named explicitly is taken whatever its extension.
/// Walking uses `readdir`'s entry types, so a directory of N files costs no N `stat`s.
/// A file is identified by device and inode: a file reached twice is checked once, and
/// a symbolic link cycle is walked once.
struct FileDiscovery {
    static let fileSystem = RealFileSystem()

    struct Result {
        var files: [String] = []
        /// Paths that do not exist or cannot be read as directories.
        var errors: [(path: String, message: String)] = []
    }

    /// Whether `directory` or a parent holds `.git` (or `GIT_DIR` is set): only then is
    /// git asked, which spares a process (about 40 ms) outside any repository.
    static func mayBeInWorkTree(_ directory: String) -> Bool {
        Environment.process["GIT_DIR"] != nil
            || fileSystem.nearestAncestor(of: standardized(directory), holding: ".git") != nil
    }

    static func discover(_ paths: [String], useGit: Bool = false) -> Result {
        var result = Result()
        var found: [(path: String, id: FileID)] = []
        var visited = Set<FileID>()
        for path in paths.isEmpty ? ["."] : paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.errors.append((path, String(cString: strerror(errno))))
                continue
            }
            let id = RealFileSystem.id(info)
            if info.st_mode & S_IFMT == S_IFDIR {
                if useGit, Self.mayBeInWorkTree(path), let listed = Git.listFiles(in: path) {
                    take(listed.names, under: path, found: &found)
                    let prefix = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
                    for name in listed.undecodable where isMarkdown(name) {
                        result.errors.append((prefix + name, "the file name is not valid UTF-8; skipped"))
                    }
                } else {
                    DirectoryWalk.walk(path, in: fileSystem, visited: &visited) { event in
                        switch event {
                        case let .file(path, name, id) where isMarkdown(name):
                            found.append((path, id))
                        case .file:
                            break
                        case let .unreadableDirectory(path, reason):
                            result.errors.append((path, "cannot read directory: \(reason)"))
                        case let .undecodableName(path) where isMarkdown(path):
                            result.errors.append((path, "the file name is not valid UTF-8; skipped"))
                        case .undecodableName:
                            break
                        }
                    }
                }
            } else {
                found.append((path, id))
            }
        }
        // Of the paths to one file, the shortest is kept (`d/x.md` over `d/../d/x.md`).
        var best: [FileID: String] = [:]
        for (path, id) in found {
            if let kept = best[id], (kept.utf8.count, kept) <= (path.utf8.count, path) { continue }
            best[id] = path
        }
        result.files = best.values.sorted()
        return result
    }

    static func isMarkdown(_ name: String) -> Bool {
        let u = name.utf8
        guard let dot = u.lastIndex(of: 0x2E) else { return false }
        switch String(decoding: u[u.index(after: dot)...], as: UTF8.self).lowercased() {
        case "md", "markdown", "mdx": return true
        default: return false
        }
    }

    /// The Markdown files among git's list for `directory` (paths relative to it).
    private static func take(_ listed: [String], under directory: String, found: inout [(path: String, id: FileID)]) {
        let prefix = directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        for relative in listed where isMarkdown(relative) {
            let parts = relative.split(separator: "/")
            if parts.dropLast().contains(where: DirectoryWalk.isSkipped) { continue }
            let path = prefix + relative
            var info = stat()
            // Tracked but deleted in the work tree, a gitlink, or a link to a directory: not a file to read.
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            found.append((path, RealFileSystem.id(info)))
        }
    }

    /// `path` made absolute against the working directory (`fileSystem.absolute`: the
    /// directory read once a run), without `.`, `..` or repeated slashes: what
    /// `URL(fileURLWithPath:).standardizedFileURL.path` gives (a test holds them to it),
    /// without building a URL for every path a run names (a URL's first use costs a run on
    /// one post about 0.6 M instructions). A leading `~`, which Foundation expands to a
    /// home folder, is still left to it.
    static func standardized(_ path: String) -> String {
        if path.utf8.first == UInt8(ascii: "~") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return fileSystem.absolute(path)
    }
}
