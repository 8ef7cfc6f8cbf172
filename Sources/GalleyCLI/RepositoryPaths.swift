import FoundationEssentials
import Glibc
import RuleEngine

/// Paths relative to the repository root, for SARIF, GitHub annotations and baselines:
/// the nearest directory at or above the working directory that holds `.git` (the same
/// root the configuration search stops at), or the working directory outside a repository.
struct RepositoryPaths: Sendable {
    let root: String

    init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    static func current() -> RepositoryPaths {
        let cwd = FileDiscovery.fileSystem.workingDirectory
        return RepositoryPaths(root: FileDiscovery.fileSystem.nearestAncestor(of: cwd, holding: ".git") ?? cwd)
    }

    /// `path` relative to the root, or nil when it lies outside the root.
    func relative(_ path: String) -> String? {
        let absolute = FileDiscovery.standardized(path)
        let base = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(base) else { return nil }
        return String(absolute.dropFirst(base.count))
    }

    /// The relative path, or the absolute one for a file outside the repository.
    func display(_ path: String) -> String {
        relative(path) ?? FileDiscovery.standardized(path)
    }

    /// A URI for SARIF: a relative reference for files in the repository, a `file:` URI
    /// otherwise. Everything but unreserved characters and `/` is percent-encoded, so a
    /// `:` in the first segment cannot pass for a scheme.
    func uri(_ path: String) -> String {
        if let relative = relative(path) { return Self.percentEncoded(relative) }
        return "file://" + Self.percentEncoded(FileDiscovery.standardized(path))
    }

    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
