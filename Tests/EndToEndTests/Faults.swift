import Foundation

/// Shared set-up of the fault-injection tests: generated posts, their fixed bytes, the
/// temporaries left in a tree, a tmpfs that can be filled.
enum Faults {
    static let generator = Galley.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")
    static var haveGenerator: Bool { FileManager.default.fileExists(atPath: generator.path) }

    /// A size from the environment (bench/properties.sh sets large ones), else `modest`.
    static func setting(_ name: String, _ modest: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? modest
    }

    /// Writes `count` generated posts (a Ghost-export site) into `box`.
    static func generate(into box: Sandbox, count: Int, seed: Int, migration: Bool = false) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", generator.path, "--out", box.root.path, "--files", "\(count)", "--seed", "\(seed)"]
            + (migration ? ["--migration"] : [])
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
    }

    /// Every regular file under `root`, relative path -> bytes.
    static func snapshot(_ root: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let base = root.resolvingSymlinksInPath().path
        guard let walk = FileManager.default.enumerator(atPath: base) else { return out }
        for case let rel as String in walk {
            let path = base + "/" + rel
            var info = stat()
            // (The site listing's record, whose bytes differ from one tree to another.)
            if rel == ".galley-cache" || rel.hasPrefix(".galley-cache/") { continue }
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            out[rel] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return out
    }

    static func temporaries(_ files: [String: [UInt8]]) -> [String] {
        files.keys.filter { ($0 as NSString).lastPathComponent.hasPrefix(".galley-") }.sorted()
    }

    static func copyTree(_ from: URL, to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        try FileManager.default.copyItem(at: from, to: to)
    }

    /// Runs a command; its exit status.
    @discardableResult
    static func sh(_ arguments: String...) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Whether this machine lets the tests mount a small tmpfs (root with CAP_SYS_ADMIN).
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-tmpfs-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path) == 0 else { return false }
        sh("umount", dir.path)
        return true
    }()

    /// Root ignores permission bits: as root, galley runs as `nobody` through setpriv.
    static let canDropPrivileges = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    static var unprivileged: String? { geteuid() == 0 ? "65534" : nil }
}
