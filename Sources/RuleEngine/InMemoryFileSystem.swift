/// A file system held in memory, for tests and rule pages: a site stated in a few lines.
///
/// ```swift
/// let fs = InMemoryFileSystem(["/site/content/images/a.png": "", "/site/post.md": "# Hi\n"],
///                             workingDirectory: "/site")
/// ```
/// Directories exist because files are in them (and the working directory always does).
public struct InMemoryFileSystem: FileSystem {
    public let workingDirectory: String
    private let files: [String: [UInt8]]
    /// Each directory's entries by name, and every path's identity.
    private let children: [String: [String: FileKind]]
    private let ids: [String: FileID]

    public init(_ files: [String: String] = [:], workingDirectory: String = "/") {
        self.init(bytes: files.mapValues { Array($0.utf8) }, workingDirectory: workingDirectory)
    }

    public init(bytes files: [String: [UInt8]], workingDirectory: String = "/") {
        let cwd = Path.normalize(workingDirectory, relativeTo: "/")
        self.workingDirectory = cwd
        var normalized: [String: [UInt8]] = [:]
        var children: [String: [String: FileKind]] = ["/": [:]]
        func addDirectory(_ dir: String) {
            var d = dir
            while d != "/" {
                let parent = Path.directory(of: d)
                children[d, default: [:]] = children[d] ?? [:]
                children[parent, default: [:]][Path.lastComponent(d)] = .directory
                d = parent
            }
        }
        for (path, bytes) in files {
            let p = Path.normalize(path, relativeTo: cwd)
            normalized[p] = bytes
            let dir = Path.directory(of: p)
            addDirectory(dir)
            children[dir, default: [:]][Path.lastComponent(p)] = .file
        }
        addDirectory(cwd)
        self.files = normalized
        self.children = children
        var ids: [String: FileID] = [:]
        for (k, path) in (Array(normalized.keys) + Array(children.keys)).sorted().enumerated() {
            ids[path] = FileID(device: 1, inode: UInt64(k + 1))
        }
        self.ids = ids
    }

    public func status(_ path: String) -> FileStatus? {
        let p = absolute(path)
        guard let id = ids[p] else { return nil }
        return FileStatus(kind: files[p] != nil ? .file : .directory, id: id)
    }

    public func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry] {
        let d = absolute(directory)
        guard let names = children[d] else {
            throw FileSystemError(files[d] != nil ? "Not a directory" : "No such file or directory")
        }
        return names.keys.sorted().map { name in
            DirectoryEntry(name: name, kind: names[name], id: ids[Path.join(d, name)]!)
        }
    }

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let p = absolute(path)
        if let bytes = files[p] { return bytes }
        throw FileSystemError(children[p] != nil ? "Is a directory" : "No such file or directory")
    }
}
