import Foundation
import Testing

/// `fix` flushes each file to disk before its rename and each folder once after the run's
/// renames (`DirectorySync`), seen from outside with strace (`.ci/run` installs it).
@Suite struct DirectorySyncTests {
    static let strace = "/usr/bin/strace"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: strace)))
    func fixSyncsEveryFileAndEachFolderOnce() throws {
        let box = try Sandbox()
        let post = "# Post\n\nA&nbsp;space.\n"
        for name in ["a/one.md", "a/two.md", "a/three.md", "b/four.md", "b/five.md"] { try box.write(name, post) }
        try box.write("b/clean.md", "# Clean\n\nNothing to fix.\n")
        let log = box.root.appendingPathComponent("fsync.log").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.strace)
        process.arguments = ["-f", "-y", "-qq", "-e", "trace=fsync", "-o", log, Galley.binary.path, "fix", "--no-git", "--quiet", "a", "b"]
        process.currentDirectoryURL = box.root
        process.environment = ProcessInfo.processInfo.environment.merging(["GALLEY_CACHE_DIR": Galley.listingRecords]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try box.text("a/one.md") == "# Post\n\nA space.\n")
        // Each `fsync(<fd></path>) = 0` line, by the path its file descriptor names.
        let synced = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("fsync(") }
            .compactMap { line -> String? in
                guard let open = line.range(of: "<"), let close = line.range(of: ">", range: open.upperBound..<line.endIndex) else { return nil }
                return String(line[open.upperBound..<close.lowerBound])
            }
        let root = box.root.resolvingSymlinksInPath().path
        let folders = synced.filter { $0 == root + "/a" || $0 == root + "/b" }
        #expect(folders.sorted() == [root + "/a", root + "/b"])
        // The five temporaries, each synced under its own name before it was renamed.
        let files = synced.filter { $0.hasPrefix(root + "/") && $0.hasSuffix(".tmp") }
        #expect(files.count == 5)
        #expect(synced.count == 7)
    }
}
