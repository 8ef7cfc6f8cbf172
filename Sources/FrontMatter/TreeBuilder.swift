import CYAML

/// Turns libyaml events into a node tree with an explicit stack, finding duplicate keys.
struct TreeBuilder {
    private enum Frame {
        case sequence(items: [YAMLNode], tag: String?, anchor: String?, start: Int)
        case mapping(pairs: [YAMLPair], key: YAMLNode?, seen: [String: Int],
                     tag: String?, anchor: String?, start: Int)
    }

    let marks: MarkConverter
    private var stack: [Frame] = []
    private(set) var root: YAMLNode?
    private(set) var problems: [YAMLProblem] = []

    init(marks: MarkConverter) { self.marks = marks }

    mutating func fail(_ problem: YAMLProblem) {
        problems.append(problem)
        root = nil
    }

    /// Returns false when parsing should stop.
    mutating func consume(_ event: yaml_event_t) -> Bool {
        let range = marks.range(event.start_mark, event.end_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
            let node = YAMLNode(kind: .scalar(value, Self.style(s.style)),
                                tag: Self.text(s.tag), anchor: Self.text(s.anchor), range: range)
            return attach(node)
        case YAML_ALIAS_EVENT:
            return attach(YAMLNode(kind: .alias(Self.text(event.data.alias.anchor) ?? ""), range: range))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return push(.sequence(items: [], tag: Self.text(s.tag), anchor: Self.text(s.anchor),
                                  start: range.lowerBound), at: range)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return push(.mapping(pairs: [], key: nil, seen: [:], tag: Self.text(m.tag),
                                 anchor: Self.text(m.anchor), start: range.lowerBound), at: range)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let node: YAMLNode
            switch frame {
            case let .sequence(items, tag, anchor, start):
                node = YAMLNode(kind: .sequence(items), tag: tag, anchor: anchor,
                                range: start..<max(start, range.upperBound))
            case let .mapping(pairs, _, _, tag, anchor, start):
                node = YAMLNode(kind: .mapping(pairs), tag: tag, anchor: anchor,
                                range: start..<max(start, range.upperBound))
            }
            return attach(node)
        default:
            return true
        }
    }

    private mutating func push(_ frame: Frame, at range: Range<Int>) -> Bool {
        guard stack.count < YAMLParser.maxDepth else {
            fail(YAMLProblem(kind: .tooDeep,
                             message: "front matter nests deeper than \(YAMLParser.maxDepth) levels",
                             range: range))
            return false
        }
        stack.append(frame)
        return true
    }

    private mutating func attach(_ node: YAMLNode) -> Bool {
        guard let top = stack.popLast() else {
            // Keep reading to the end of the document, so content after the root (an
            // error libyaml reports) is not silently ignored.
            if root == nil && problems.allSatisfy({ $0.kind != .syntax }) { root = node }
            return true
        }
        switch top {
        case .sequence(var items, let tag, let anchor, let start):
            items.append(node)
            stack.append(.sequence(items: items, tag: tag, anchor: anchor, start: start))
        case .mapping(var pairs, let key, var seen, let tag, let anchor, let start):
            if let key {
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(pairs: pairs, key: nil, seen: seen, tag: tag, anchor: anchor, start: start))
            } else {
                // A key is a duplicate when its value equals an earlier key's, under the
                // YAML 1.2 core schema or under YAML 1.1 (`yes` and `true`, `0777` and `511`).
                let core = "1.2|" + Self.keyIdentity(node, .core), old = "1.1|" + Self.keyIdentity(node, .yaml11)
                let name = node.scalar ?? node.canonical
                switch (seen[core], seen[old]) {
                case let (first?, _?):
                    problems.append(YAMLProblem(kind: .duplicateKey(name, firstOffset: first),
                                                message: "duplicate key `\(name)`", range: node.range))
                case let (first?, nil):
                    problems.append(YAMLProblem(kind: .duplicateKeyIn(.core, name, firstOffset: first),
                                                message: "duplicate key `\(name)` in YAML 1.2 only", range: node.range))
                case let (nil, first?):
                    problems.append(YAMLProblem(kind: .duplicateKeyIn(.yaml11, name, firstOffset: first),
                                                message: "duplicate key `\(name)` in YAML 1.1 only", range: node.range))
                case (nil, nil):
                    break
                }
                if seen[core] == nil { seen[core] = node.range.lowerBound }
                if seen[old] == nil { seen[old] = node.range.lowerBound }
                stack.append(.mapping(pairs: pairs, key: node, seen: seen, tag: tag, anchor: anchor, start: start))
            }
        }
        return true
    }

    /// What makes two keys the same key under a schema: the value after tag resolution,
    /// so plain `1` (an integer) and `"1"` (a string) differ while `a` and `'a'` are the same.
    static func keyIdentity(_ node: YAMLNode, _ schema: ScalarResolver.Schema) -> String {
        guard case let .scalar(value, style) = node.kind else { return node.canonical }
        let prefix = "tag:yaml.org,2002:"
        if let tag = node.tag {
            guard tag.hasPrefix(prefix) else { return "!<\(tag)>" + value }
            let type = String(tag.dropFirst(prefix.count))
            // An explicit tag: the text read under the schema when it is of that type.
            let reading = ScalarResolver.read(value, as: schema)
            return type + ":" + (reading.type.rawValue == type ? reading.value : value)
        }
        guard style == .plain else { return "str:" + value }
        let reading = ScalarResolver.read(value, as: schema)
        return reading.type.rawValue + ":" + reading.value
    }

    static func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    static func style(_ s: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
