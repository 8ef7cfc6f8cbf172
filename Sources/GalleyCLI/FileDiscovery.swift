import Foundation

/// Expands the command line's paths into the Markdown files to lint. Directories are
/// walked for `*.md`, `*.markdown` and `*.mdx`, skipping `.git`, `node_modules` and
/// hidden directories; a file named explicitly is taken whatever its extension.
struct FileDiscovery {
    static let extensions: Set<String> = ["md", "markdown", "mdx"]
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    struct Result {
        var files: [String] = []
        /// Paths that do not exist or cannot be read as directories.
        var errors: [(path: String, message: String)] = []
    }

    static func discover(_ paths: [String]) -> Result {
        var result = Result()
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths.isEmpty ? ["."] : paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.errors.append((path, "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                walk(path, into: &result, seen: &seen)
            } else if seen.insert(standardized(path)).inserted {
                result.files.append(path)
            }
        }
        result.files.sort()
        return result
    }

    private static func walk(_ root: String, into result: inout Result, seen: inout Set<String>) {
        var stack = [root]
        let fm = FileManager.default
        while let dir = stack.popLast() {
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: dir)
            } catch {
                result.errors.append((dir, "cannot read directory"))
                continue
            }
            for name in entries.sorted() {
                let path = dir == "." && root == "." ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !name.hasPrefix(".") && !skippedDirectories.contains(name) { stack.append(path) }
                } else if extensions.contains((name as NSString).pathExtension.lowercased()),
                          seen.insert(standardized(path)).inserted {
                    result.files.append(path)
                }
            }
        }
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
