import Foundation

/// Runs `git` as a child process. galley asks git what it tracks and what changed
/// instead of reading `.gitignore` files itself.
enum Git {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String

        /// NUL-separated output (`-z`) as paths (a name that is not UTF-8 is shown with U+FFFD).
        var paths: [String] {
            stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Output without its final line break.
        var line: String {
            var text = String(decoding: stdout, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }

        /// git's own complaint, one line, for error messages.
        var complaint: String {
            let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first ?? "git exited with status \(status)"
        }
    }

    /// Runs `git ARGS` in `directory`; nil when git cannot be started at all.
    static func run(_ arguments: [String], in directory: String) -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"  // reading never takes the index lock
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        // stderr is drained on another thread so that neither pipe can fill up and block git.
        let errorBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // env exits 127 when there is no git on PATH.
        if process.terminationStatus == 127 && stdout.isEmpty && errorBox.data.isEmpty == false
            && String(decoding: errorBox.data, as: UTF8.self).contains("No such file") {
            return nil
        }
        return Result(status: process.terminationStatus, stdout: [UInt8](stdout),
                      stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// The files git tracks or would track below `directory` (tracked plus untracked
    /// files that no ignore rule excludes), relative to it, and the names that are not
    /// valid UTF-8 (shown with U+FFFD); nil outside a work tree.
    static func listFiles(in directory: String) -> (names: [String], undecodable: [String])? {
        guard let r = run(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: directory),
              r.status == 0 else { return nil }
        var names: [String] = [], undecodable: [String] = []
        var seen = Set<String>()  // a file with merge conflicts is listed once per stage
        for raw in r.stdout.split(separator: 0) {
            if let name = String(validating: raw, as: UTF8.self) {
                if seen.insert(name).inserted { names.append(name) }
            } else {
                undecodable.append(String(decoding: raw, as: UTF8.self))
            }
        }
        return (names, undecodable)
    }

    private final class Box: @unchecked Sendable {
        var data = Data()
    }
}
