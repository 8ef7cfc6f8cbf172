import FrontMatter
import MarkdownScanner

/// How one rule is configured: on or off, its severity, its options.
public struct RuleSetting: Sendable {
    public var enabled: Bool
    public var severity: Severity?
    public var options: RuleOptions
    /// `fix: safe | unsafe | suggestion | off`, or nil for the rule's own judgement.
    public var fix: FixSetting?

    public init(enabled: Bool = true, severity: Severity? = nil, options: RuleOptions = RuleOptions(), fix: FixSetting? = nil) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
        self.fix = fix
    }
}

/// The contents of one `.galley.yml`:
///
/// ```yaml
/// rules:
///   nbsp-entity: error            # off, error, warning or info
///   ghost-card-marker:
///     severity: warning
///     some-option: value
/// exclude:
///   - "drafts/**"
/// site:                           # where images resolve (missing-image)
///   root: .
///   static: [static, public]
///   url: https://oldblog.ghost.io
///   remap:
///     /content/images/: /assets/images/
/// front-matter:                   # what front matter must hold (front-matter-fields)
///   required: [title, date]
///   types: {date: date, tags: list}
/// ```
public struct Configuration: Sendable {
    public var rules: [String: RuleSetting] = [:]
    /// The `site:` section (defaults when absent).
    public var site = SiteSettings()
    /// The `front-matter:` section, or nil when absent.
    public var frontMatter: FrontMatterSchema?
    /// Globs relative to `directory`; matching files are not linted.
    public var exclude: [Glob] = []
    /// The directory holding the configuration file ("" for the built-in default).
    public var directory: String = ""
    /// The configuration file, for messages.
    public var path: String?

    public init() {}

    public static let `default` = Configuration()

    public func setting(for id: String) -> RuleSetting? { rules[id] }

    /// Parses a `.galley.yml`. `knownRules` maps rule ids to their descriptors (the options
    /// they accept, whether they fix).
    public static func parse(_ bytes: [UInt8], path: String, directory: String,
                             knownRules: [String: RuleDescriptor]) throws -> Configuration {
        let source = SourceText(bytes)
        do {
            return try parseOrThrow(bytes, path: path, directory: directory, knownRules: knownRules)
        } catch let error as ConfigurationError {
            throw error.located(in: source, path: path)
        }
    }

    private static func parseOrThrow(_ bytes: [UInt8], path: String, directory: String,
                                     knownRules: [String: RuleDescriptor]) throws -> Configuration {
        var config = Configuration()
        config.path = path
        config.directory = directory
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ConfigurationError(message: "the file is not valid UTF-8", offset: nil)
        }
        let document = YAMLParser.parse(bytes, range: 0..<bytes.count)
        if let problem = document.problems.first {
            throw ConfigurationError(message: problem.message, offset: problem.range.lowerBound)
        }
        guard let root = document.root else { return config }  // an empty file
        guard let pairs = root.mapping else {
            throw ConfigurationError(message: "the top level must be a mapping", offset: root.range.lowerBound)
        }
        for pair in pairs {
            switch pair.key.scalar {
            case "rules":
                config.rules = try parseRules(pair.value, knownRules: knownRules)
            case "exclude":
                config.exclude = try stringList(pair.value, what: "exclude").map(Glob.init)
            case "site":
                config.site = try SiteSettings.parse(pair.value)
            case "front-matter":
                config.frontMatter = try FrontMatterSchema.parse(pair.value)
            default:
                throw ConfigurationError(message: "unknown key `\(pair.key.canonical)` (expected `rules`, `exclude`, `site` or `front-matter`)",
                                         offset: pair.key.range.lowerBound)
            }
        }
        return config
    }

    private static func parseRules(_ node: YAMLNode, knownRules: [String: RuleDescriptor]) throws -> [String: RuleSetting] {
        if isNull(node) { return [:] }  // `rules:` with nothing under it
        guard let pairs = node.mapping else {
            throw ConfigurationError(message: "`rules` must map rule ids to settings", offset: node.range.lowerBound)
        }
        var result: [String: RuleSetting] = [:]
        for pair in pairs {
            guard let id = pair.key.scalar, let descriptor = knownRules[id] else {
                let ids = knownRules.keys.sorted()
                let near = ids.filter { EditDistance.isClose(pair.key.canonical, $0) }
                let hint = near.isEmpty ? "" : "did you mean " + near.map { "`\($0)`" }.joined(separator: " or ") + "? "
                throw ConfigurationError(message: "unknown rule `\(pair.key.canonical)` (\(hint)the rules are \(ids.joined(separator: ", ")))",
                                         offset: pair.key.range.lowerBound)
            }
            let allowedOptions = descriptor.options
            if let level = pair.value.scalar {
                result[id] = try setting(level: level, at: pair.value)
                continue
            }
            guard let fields = pair.value.mapping else {
                throw ConfigurationError(message: "rule `\(id)` needs `off`, a severity, or a mapping of options",
                                         offset: pair.value.range.lowerBound)
            }
            var s = RuleSetting()
            for field in fields {
                let key = field.key.scalar ?? field.key.canonical
                if key == "severity" {
                    let level = try setting(level: field.value.scalar ?? "", at: field.value)
                    s.enabled = level.enabled
                    s.severity = level.severity
                } else if key == "fix" {
                    guard descriptor.fix != nil else {
                        throw ConfigurationError(message: "rule `\(id)` has no fix, so it takes no `fix` setting",
                                                 offset: field.key.range.lowerBound)
                    }
                    guard let value = field.value.scalar, let fix = FixSetting(rawValue: value) else {
                        let allowed = FixSetting.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                        throw ConfigurationError(message: "rule `\(id)`: `fix` must be one of \(allowed), not `\(field.value.scalar ?? field.value.canonical)`",
                                                 offset: field.value.range.lowerBound)
                    }
                    s.fix = fix
                } else if let option = allowedOptions.first(where: { $0.name == key }) {
                    if let problem = option.problem(with: field.value) {
                        throw ConfigurationError(message: "rule `\(id)`: \(problem)", offset: field.value.range.lowerBound)
                    }
                    s.options.values[key] = field.value
                } else {
                    let known = "its settings are " + (["severity"] + (descriptor.fix == nil ? [] : ["fix"])
                        + allowedOptions.map(\.name)).joined(separator: ", ")
                    throw ConfigurationError(message: "rule `\(id)` has no option `\(key)` (\(known))",
                                             offset: field.key.range.lowerBound)
                }
            }
            result[id] = s
        }
        return result
    }

    private static func setting(level: String, at node: YAMLNode) throws -> RuleSetting {
        switch level.lowercased() {
        case "off", "false", "no": return RuleSetting(enabled: false)
        case "on", "true", "yes": return RuleSetting()
        default:
            guard let severity = Severity(rawValue: level.lowercased()) else {
                throw ConfigurationError(message: "`\(level)` is not `off` or a severity (`error`, `warning`, `info`)",
                                         offset: node.range.lowerBound)
            }
            return RuleSetting(severity: severity)
        }
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(let value, .plain) = node.kind, node.tag == nil { return ScalarResolver.read(value, as: .core).type == .null }
        return false
    }

    static func stringList(_ node: YAMLNode, what: String) throws -> [String] {
        if isNull(node) { return [] }
        if let s = node.scalar { return [s] }
        guard let items = node.sequence else {
            throw ConfigurationError(message: "`\(what)` must be a list of strings", offset: node.range.lowerBound)
        }
        return try items.map {
            guard let s = $0.scalar else {
                throw ConfigurationError(message: "`\(what)` must be a list of strings", offset: $0.range.lowerBound)
            }
            return s
        }
    }
}

/// A configuration file that cannot be used; the message names the file and position.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int?
    public var path: String?
    public var location: SourceLocation?

    public init(message: String, offset: Int?) {
        self.message = message
        self.offset = offset
    }

    func located(in source: SourceText, path: String) -> ConfigurationError {
        var e = self
        e.path = path
        if let offset { e.location = source.location(of: min(offset, source.bytes.count)) }
        return e
    }

    public var description: String {
        let place = [path, location.map { "\($0.line):\($0.column)" }].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
