import FrontMatter

/// An option a rule accepts in `.galley.yml`, and the type its value must have.
public struct RuleOption: Sendable {
    public enum Kind: String, Sendable { case bool, string, stringList }
    public var name: String
    public var kind: Kind
    /// For a string option: the values it may take (any when empty).
    public var choices: [String]

    public init(_ name: String, _ kind: Kind, choices: [String] = []) {
        self.name = name
        self.kind = kind
        self.choices = choices
    }

    /// nil when `node` is a valid value, else what is wrong with it.
    func problem(with node: YAMLNode) -> String? {
        switch kind {
        case .bool:
            return RuleOptions.boolValue(node) == nil ? "option `\(name)` must be true or false" : nil
        case .string:
            guard let value = node.scalar else { return "option `\(name)` must be a string" }
            if !choices.isEmpty && !choices.contains(value) {
                return "option `\(name)` must be one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
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

    static func boolValue(_ node: YAMLNode) -> Bool? {
        switch node.scalar?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }
}
