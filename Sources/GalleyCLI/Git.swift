import FoundationEssentials
import Glibc

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
            let lines = stderr.split(separator: "\n").map { TextHelpers.trimmingBlanks($0) }
            return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first ?? "git exited with status \(status)"
        }
    }

    /// Runs `git ARGS` in `directory`; nil when git cannot be started at all.
    static func run(_ arguments: [String], in directory: String) -> Result? {
        // Through env, as a shell would find git on PATH; reading never takes the index lock.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        // (`-C`: git works in `directory` as if started there.)
        guard let child = ChildProcess.run("/usr/bin/env", ["git", "-C", directory] + arguments,
                                           environment: environment) else { return nil }
        // env exits 127 when there is no git on PATH.
        if child.status == 127 && child.stdout.isEmpty
            && String(decoding: child.stderr, as: UTF8.self).contains("No such file") {
            return nil
        }
        return Result(status: child.status, stdout: child.stdout, stderr: String(decoding: child.stderr, as: UTF8.self))
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
}
