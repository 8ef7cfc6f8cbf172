import FrontMatter

/// What a front matter value is once YAML has read it, as `front-matter-fields` judges it:
/// untagged plain scalars resolve under a schema (`ScalarResolver`: YAML 1.2's core
/// schema by default, or YAML 1.1, where `yes` is a boolean), quoted and block scalars
/// are text, and core tags (`!!str`, `!!bool`, ...) decide for themselves.
struct FrontMatterValue {
    enum Kind: Equatable { case null, bool, number, text, list, mapping }

    let node: YAMLNode
    let kind: Kind

    init(_ node: YAMLNode, _ schema: ScalarResolver.Schema = .core) {
        self.node = node
        kind = Self.kind(of: node, schema)
    }

    /// The scalar's value (nil for a list or mapping).
    var text: String? { node.scalar }

    var isPlain: Bool {
        if case .scalar(_, .plain) = node.kind { return true }
        return false
    }

    var isQuoted: Bool {
        if case .scalar(_, let style) = node.kind { return style == .singleQuoted || style == .doubleQuoted }
        return false
    }

    /// Text that is empty or only blanks.
    var isBlankText: Bool {
        kind == .text && (text ?? "").allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
    }

    /// How the value reads in a message: "the number `2024`", "a list".
    func described(in bytes: [UInt8]) -> String {
        switch kind {
        case .null: return "no value"
        case .list: return "a list"
        case .mapping: return "a mapping"
        case .bool: return "the boolean \(written(in: bytes))"
        case .number: return "the number \(written(in: bytes))"
        case .text:
            if isQuoted { return "the quoted text \(written(in: bytes))" }
            if isPlain { return (text ?? "").isEmpty ? "empty text" : "the text \(written(in: bytes))" }
            return "a block of text"
        }
    }

    /// The value as written in the file, in backticks, shortened when long or multi-line.
    func written(in bytes: [UInt8]) -> String {
        let range = node.range.clamped(to: 0..<bytes.count)
        var source = String(decoding: bytes[range], as: UTF8.self)
        if let lineBreak = source.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            source = String(source[..<lineBreak]) + "…"
        }
        if source.count > 40 { source = String(source.prefix(39)) + "…" }
        return "`" + source + "`"
    }

    private static func kind(of node: YAMLNode, _ schema: ScalarResolver.Schema) -> Kind {
        switch node.kind {
        case .sequence: return .list
        case .mapping: return .mapping
        case .alias: return .null  // resolved by the caller; an alias with no anchor has no value
        case let .scalar(value, style):
            let core = "tag:yaml.org,2002:"
            if let tag = node.tag {
                guard tag.hasPrefix(core) else { return .text }
                switch tag.dropFirst(core.count) {
                case "null": return .null
                case "bool": return .bool
                case "int", "float": return .number
                default: return .text
                }
            }
            guard style == .plain else { return .text }
            switch ScalarResolver.read(value, as: schema).type {
            case .null: return .null
            case .bool: return .bool
            case .int, .float: return .number
            case .str: return .text
            }
        }
    }
}
