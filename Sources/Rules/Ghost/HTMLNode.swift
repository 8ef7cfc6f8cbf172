import RuleEngine
import Rendering

/// A card's HTML as a small tree (from the browser's reading of its tokens, where every
/// element is closed), for the conversions to walk.
indirect enum HTMLNode {
    case element(String, [HTMLAttribute], [HTMLNode])
    case text(String)
    case comment(String)

    /// The tree of a fragment, read as a browser reads it.
    static func parse(_ bytes: some Collection<UInt8>) -> [HTMLNode] {
        tree(CardReading.browserReading(HTMLTokenizer.tokenize(bytes)))
    }

    static func tree(_ tokens: [HTMLToken]) -> [HTMLNode] {
        var stack: [(String, [HTMLAttribute], [HTMLNode])] = [("", [], [])]
        for token in tokens {
            switch token {
            case let .startTag(name, attributes, _):
                if CardReading.isVoid(name) {
                    stack[stack.count - 1].2.append(.element(name, attributes, []))
                } else {
                    stack.append((name, attributes, []))
                }
            case .endTag:
                guard stack.count > 1 else { continue }
                let (name, attributes, children) = stack.removeLast()
                stack[stack.count - 1].2.append(.element(name, attributes, children))
            case let .text(s), let .cdata(s):
                stack[stack.count - 1].2.append(.text(s))
            case let .comment(s):
                stack[stack.count - 1].2.append(.comment(s))
            case .doctype:
                continue
            }
        }
        while stack.count > 1 {
            let (name, attributes, children) = stack.removeLast()
            stack[stack.count - 1].2.append(.element(name, attributes, children))
        }
        return stack[0].2
    }

    var name: String? {
        if case let .element(name, _, _) = self { return name }
        return nil
    }

    var children: [HTMLNode] {
        if case let .element(_, _, children) = self { return children }
        return []
    }

    func attribute(_ key: String) -> String? {
        guard case let .element(_, attributes, _) = self else { return nil }
        return attributes.first { $0.name == key }?.value
    }

    var classes: [Substring] { (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }

    func hasClass(_ c: String) -> Bool { classes.contains { $0 == c } }

    /// Whitespace-only text (or a comment): nothing a reader sees between blocks.
    var isBlank: Bool {
        switch self {
        case let .text(s): s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
        case .comment: true
        case .element: false
        }
    }

    /// The first element, depth first, with class `c`.
    func first(withClass c: String) -> HTMLNode? {
        if hasClass(c) { return self }
        for child in children {
            if let found = child.first(withClass: c) { return found }
        }
        return nil
    }

    /// The first element, depth first, named `n`.
    func first(named n: String) -> HTMLNode? {
        if name == n { return self }
        for child in children {
            if let found = child.first(named: n) { return found }
        }
        return nil
    }

    /// Every element named `n`, in document order.
    func all(named n: String) -> [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ node: HTMLNode) {
            if node.name == n { out.append(node) }
            for child in node.children { walk(child) }
        }
        walk(self)
        return out
    }

    /// The text of the node, as is.
    var text: String {
        switch self {
        case let .text(s): s
        case .comment: ""
        case let .element(_, _, children): children.map(\.text).joined()
        }
    }
}
