import FrontMatter

/// An option a rule accepts in `.galley.yml`: its type, its default and what it does.
/// `galley explain` prints the table of a rule's options from these declarations.
public struct RuleOption: Sendable {
    public enum Kind: String, Sendable { case bool, string, stringList }
    public var name: String
    public var kind: Kind
    /// For a string option: the values it may take (any when empty).
    public var choices: [String]
    /// The value when the option is not set, as written in `.galley.yml`.
    public var defaultValue: String
    /// What the option does, one sentence without a trailing period.
    public var summary: String

    public init(_ name: String, _ kind: Kind, choices: [String] = [], default defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.choices = choices
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The values the option accepts, as a user would write them.
    public var allowedValues: String {
        switch kind {
        case .bool: "true or false"
        case .string: choices.isEmpty ? "a string" : choices.map { "`\($0)`" }.joined(separator: ", ")
        case .stringList: "a list of strings"
        }
    }

    /// nil when `node` is a valid value, else what is wrong with it.
    func problem(with node: YAMLNode) -> String? {
        switch kind {
        case .bool:
            if RuleOptions.boolValue(node) != nil { return nil }
            if let text = node.scalar, ScalarResolver.read(text, as: .yaml11).type == .bool {
                return "option `\(name)` must be true or false: `\(text)` is a boolean in YAML 1.1 but text in YAML 1.2, "
                    + "so galley does not guess; write true or false"
            }
            return "option `\(name)` must be true or false"
        case .string:
            guard let value = node.scalar else { return "option `\(name)` must be a string" }
            if !choices.isEmpty && !choices.contains(value) {
                return "option `\(name)` must be one of " + allowedValues + ", not `\(value)`"
            }
            return nil
        case .stringList:
            let ok = node.scalar != nil || (node.sequence?.allSatisfy { $0.scalar != nil } ?? false)
            return ok ? nil : "option `\(name)` must be a list of strings"
        }
    }
}

/// A rule's options from `.galley.yml`, already checked against the rule's `RuleOption`s.
public struct RuleOptions: Sendable {
    public var values: [String: YAMLNode]

    public init(_ values: [String: YAMLNode] = [:]) { self.values = values }

    public func string(_ key: String, default fallback: String) -> String {
        values[key]?.scalar ?? fallback
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        values[key].flatMap(Self.boolValue) ?? fallback
    }

    /// A boolean as YAML 1.2 reads it (`true`, `False`, ...); nil for anything else.
    static func boolValue(_ node: YAMLNode) -> Bool? {
        guard case let .scalar(text, .plain) = node.kind else { return nil }
        let reading = ScalarResolver.read(text, as: .core)
        return reading.type == .bool ? reading.value == "true" : nil
    }
}

/// A rule's `fix:` setting in `.galley.yml`: how far its fixes may go, whatever the rule
/// says. Promoting (`safe`) never bypasses the engine's proof: a fix the proof refuses is
/// still withheld; demoting is always allowed; `off` drops the rule's fixes.
public enum FixSetting: String, Sendable, CaseIterable {
    case safe, unsafe, suggestion, off

    /// The fix as this setting makes it (nil for `off`).
    public func applied(to fix: Fix) -> Fix? {
        var fix = fix
        switch self {
        case .off: return nil
        case .suggestion: fix.applicability = .suggestion
        case .unsafe: fix.applicability = max(fix.applicability, .unsafe)
        // A suggestion (text galley made up, such as alt text) is never promoted.
        case .safe:
            if fix.applicability != .suggestion {
                fix.applicability = .safe
                fix.promoted = true
            }
        }
        return fix
    }
}
