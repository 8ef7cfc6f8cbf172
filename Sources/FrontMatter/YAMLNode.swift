/// A YAML node as libyaml's events describe it, with its byte range in the file.
/// Tags and anchors are kept as written (tags expanded by libyaml); aliases stay aliases.
public struct YAMLNode: Sendable, Equatable {
    public enum ScalarStyle: String, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Kind: Sendable, Equatable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
        case alias(String)
    }

    public var kind: Kind
    public var tag: String?
    public var anchor: String?
    /// Byte range in the whole file (not in the front matter block).
    public var range: Range<Int>

    public init(kind: Kind, tag: String? = nil, anchor: String? = nil, range: Range<Int>) {
        self.kind = kind
        self.tag = tag
        self.anchor = anchor
        self.range = range
    }

    public var scalar: String? {
        if case .scalar(let s, _) = kind { return s }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value of the first key equal to `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// A text form of the node's content, independent of positions: used to compare keys.
    public var canonical: String {
        switch kind {
        case .scalar(let s, _): return (tag.map { "!<\($0)> " } ?? "") + s
        case .alias(let a): return "*" + a
        case .sequence(let items): return "[" + items.map(\.canonical).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { $0.key.canonical + ": " + $0.value.canonical }.joined(separator: ", ") + "}"
        }
    }
}
