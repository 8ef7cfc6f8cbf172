import CYAML

/// Turns libyaml events into a node tree with an explicit stack, finding duplicate keys.
struct TreeBuilder {
    /// An open collection. Its arrays are mutated in place on the stack (a popped and
    /// pushed-back enum payload would copy them on every item: quadratic in a long mapping).
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
        var seen: [String: Int] = [:]
        var tag: String?
        var anchor: String?
        var start: Int
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
            return push(Frame(isMapping: false, tag: Self.text(s.tag), anchor: Self.text(s.anchor),
                              start: range.lowerBound), at: range)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return push(Frame(isMapping: true, tag: Self.text(m.tag), anchor: Self.text(m.anchor),
                              start: range.lowerBound), at: range)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let nodeRange = frame.start..<max(frame.start, range.upperBound)
            let node = YAMLNode(kind: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items),
                                tag: frame.tag, anchor: frame.anchor, range: nodeRange)
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
        guard !stack.isEmpty else {
            // Keep reading to the end of the document, so content after the root (an
            // error libyaml reports) is not silently ignored.
            if root == nil && problems.allSatisfy({ $0.kind != .syntax }) { root = node }
            return true
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].key {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].key = nil
        } else {
            // A key is a duplicate when its value equals an earlier key's, under the
            // YAML 1.2 core schema or under YAML 1.1 (`yes` and `true`, `0777` and `511`).
            let core = "1.2|" + Self.keyIdentity(node, .core), old = "1.1|" + Self.keyIdentity(node, .yaml11)
            let name = node.scalar ?? node.canonical
            switch (stack[top].seen[core], stack[top].seen[old]) {
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
            if stack[top].seen[core] == nil { stack[top].seen[core] = node.range.lowerBound }
            if stack[top].seen[old] == nil { stack[top].seen[old] = node.range.lowerBound }
            stack[top].key = node
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
        if isPlainWord(value) { return "str:" + value }
        let reading = ScalarResolver.read(value, as: schema)
        return reading.type.rawValue + ":" + reading.value
    }

    /// A key such as `title` or `feature_image`: a lowercase ASCII letter, then letters,
    /// `_` or `-`, and none of the words either schema reads as null or a boolean. It is a
    /// string under both (a number, a timestamp, `.inf` or `.nan` needs a digit or a dot),
    /// known without the resolver's reading of each type.
    static func isPlainWord(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { b in
            guard let first = b.first, first >= 0x61 && first <= 0x7A else { return false }
            for c in b where !(c >= 0x61 && c <= 0x7A) && c != 0x5F && c != 0x2D { return false }
            return !(b.count <= 5 && plainWordsThatAreNot.contains { $0.elementsEqual(b) })
        }
    }

    private static let plainWordsThatAreNot = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"].map { Array($0.utf8) }

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
