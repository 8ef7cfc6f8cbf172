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

public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode
}

/// A problem found while parsing front matter; `offset` is a byte offset in the file.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case syntax
        case duplicateKey(String, firstOffset: Int)
        case tooDeep
    }
    public let kind: Kind
    public let message: String
    public let range: Range<Int>
}

public struct YAMLDocument: Sendable {
    /// nil when the block is empty or could not be parsed.
    public let root: YAMLNode?
    public let problems: [YAMLProblem]
    public var hasSyntaxError: Bool { problems.contains { $0.kind == .syntax || $0.kind == .tooDeep } }
}
