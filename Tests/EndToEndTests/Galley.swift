import Foundation

/// Runs the built `galley` binary, as a user would.
struct Galley {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output exactly as written (`fix --stdin` output need not be UTF-8).
        var stdoutBytes: [UInt8] = []
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built next to the test bundle.
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("galley")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/galley")
    }()

    /// Where the runs of these tests keep the record of a site's listing (one file per
    /// site root, named by its hash), unless a test names the place (`ListingCacheTests`
    /// asks for the site's own `.galley-cache` with an empty `GALLEY_CACHE_DIR`): a run
    /// whose directories happen to be older than the record's 3 s would otherwise add a
    /// `.galley-cache` to a sandbox whose every file a test compares.
    static let listingRecords = FileManager.default.temporaryDirectory.appendingPathComponent("galley-e2e-listing-records").path

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, asUser user: String? = nil,
                    environment: [String: String] = [:], stdin: [UInt8]? = nil) throws -> Output {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment
            .merging(["GALLEY_CACHE_DIR": listingRecords]) { $1 }.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            // Written on another thread, so a large document cannot block against a full output pipe.
            let writer = Thread {
                input.fileHandleForWriting.write(Data(stdin))
                try? input.fileHandleForWriting.close()
            }
            writer.start()
        }
        // stderr is drained on another thread too, for the same reason.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let stderr = errors.data
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), stdoutBytes: [UInt8](stdout))
    }
}

/// A temporary directory tree of files, removed when the test ends.
final class Sandbox {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("galley-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL { try write(path, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ path: String, bytes: [UInt8]) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(path))) }
    func text(_ path: String) throws -> String { String(decoding: try read(path), as: UTF8.self) }

    func run(_ arguments: String...) throws -> Galley.Output { try Galley.run(arguments, in: root) }

    func run(_ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil) throws -> Galley.Output {
        try Galley.run(arguments, in: root, environment: environment, stdin: stdin)
    }

    /// Runs git in the sandbox with a fixed identity; fails the test when git fails.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=galley-test", "-c", "user.email=test@galley.invalid",
                             "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct GitFailure: Error, CustomStringConvertible { var description: String }

    /// What `executable` (with `arguments`) writes to its standard output, given `input`
    /// on its standard input.
    static func filter(_ executable: String, _ arguments: [String] = [], input: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](out)
    }

    /// A fixture file's bytes (`fixtures/<case>/input.md` and the like).
    static func fixture(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Galley.repositoryRoot.appendingPathComponent(path)))
    }
}
