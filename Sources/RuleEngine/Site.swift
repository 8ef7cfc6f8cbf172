import Synchronization

/// A site as the rules see it: its root, its static directories (which also serve
/// `/…`), and which files exist there. One per set of roots per run, shared by every
/// document, handed to rules through their context.
///
/// A run of many files lists the roots once (`SiteIndex`) and answers from the listing;
/// a run of few files (a pre-commit hook on one post) asks the file system about each
/// referenced path instead, and lists the tree only when a question needs it (the files
/// of a given name anywhere on the site).
public final class Site: Sendable {
    public let root: String
    public let staticDirectories: [String]
    let fileSystem: any FileSystem
    private let listsEagerly: Bool
    private let index = Mutex<SiteIndex?>(nil)

    init(root: String, staticDirectories: [String], fileSystem: any FileSystem, listsEagerly: Bool) {
        self.root = root
        self.staticDirectories = staticDirectories
        self.fileSystem = fileSystem
        self.listsEagerly = listsEagerly
    }

    /// The root first, then the static directories.
    public var roots: [String] { [root] + staticDirectories }

    /// Whether a file (not a directory) is at this absolute path.
    public func fileExists(_ absolutePath: String) -> Bool {
        if let index = listsEagerly ? listing() : index.withLock({ $0 }), index.covers(absolutePath) {
            return index.contains(absolutePath)
        }
        return fileSystem.isFile(absolutePath)
    }

    /// The files with this name anywhere under the roots (absolute, sorted); lists the
    /// roots on first use.
    public func files(named name: String) -> [String] { listing().files(named: name) }

    /// Whether the roots have been listed (for tests of the lazy path).
    public var isListed: Bool { index.withLock { $0 != nil } }

    private func listing() -> SiteIndex {
        index.withLock { index in
            if let index { return index }
            let made = SiteIndex(roots: roots, fileSystem: fileSystem)
            index = made
            return made
        }
    }
}
