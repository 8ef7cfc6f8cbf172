import FoundationEssentials
import Glibc
import RuleEngine
import Rules

/// Finds the `.galley.yml` that governs each file: the nearest one in the file's
/// directory or above, up to the repository root (a directory holding `.git`).
/// `--config FILE` overrides the search. Results are cached per directory.
final class ConfigurationResolver {
    static let fileName = ".galley.yml"

    private let override: Result<Configuration, ConfigurationError>?
    private var byDirectory: [String: Result<Configuration, ConfigurationError>] = [:]
    /// The same, keyed by the directory part of a path as the user wrote it.
    private var byWrittenDirectory: [Substring: Result<Configuration, ConfigurationError>] = [:]

    init(overridePath: String?) {
        override = overridePath.map { Self.load($0) }
    }

    /// The override's error, if `--config` names a file that cannot be used.
    var overrideError: ConfigurationError? {
        if case .failure(let e)? = override { return e }
        return nil
    }

    func configuration(forFile path: String) -> Result<Configuration, ConfigurationError> {
        if let override { return override }
        let written = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        if let cached = byWrittenDirectory[written] { return cached }
        let dir = Path.directory(of: FileDiscovery.standardized(path))
        let result = configuration(forDirectory: dir)
        byWrittenDirectory[written] = result
        return result
    }

    private func configuration(forDirectory dir: String) -> Result<Configuration, ConfigurationError> {
        if let cached = byDirectory[dir] { return cached }
        let fm = FileManager.default
        let candidate = Path.join(dir, Self.fileName)
        let result: Result<Configuration, ConfigurationError>
        if fm.fileExists(atPath: candidate) {
            result = Self.load(Self.displayPath(candidate))
        } else if fm.fileExists(atPath: Path.join(dir, ".git")) || dir == "/" || dir == "." || dir.isEmpty {
            result = .success(.default)
        } else {
            result = configuration(forDirectory: Path.directory(of: dir))
        }
        byDirectory[dir] = result
        return result
    }

    static func load(_ path: String) -> Result<Configuration, ConfigurationError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            var e = ConfigurationError(message: "cannot read the configuration file", offset: nil)
            e.path = path
            return .failure(e)
        }
        let directory = Path.directory(of: FileDiscovery.standardized(path))
        do {
            return .success(try Configuration.parse([UInt8](data), path: path, directory: directory,
                                                    knownRules: AllRules.optionTable))
        } catch let e as ConfigurationError {
            return .failure(e)
        } catch {
            var e = ConfigurationError(message: "\(error)", offset: nil)
            e.path = path
            return .failure(e)
        }
    }

    /// `path` relative to the working directory when it lies below it, as users typed paths.
    static func displayPath(_ path: String) -> String {
        let cwd = FileDiscovery.fileSystem.workingDirectory
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Whether `path` matches an `exclude` glob of its configuration.
    static func isExcluded(_ path: String, by config: Configuration) -> Bool {
        guard !config.exclude.isEmpty else { return false }
        let absolute = FileDiscovery.standardized(path)
        var relative = absolute
        let base = config.directory.hasSuffix("/") ? config.directory : config.directory + "/"
        if absolute.hasPrefix(base) { relative = String(absolute.dropFirst(base.count)) }
        return config.exclude.contains { $0.matches(relative) }
    }
}
