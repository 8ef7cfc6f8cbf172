@testable import FrontMatter

/// The UTF-8 bytes of a Swift string literal.
func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Splits `bytes` and parses the block; fails the caller's expectations if there is no block.
func parsed(_ bytes: [UInt8]) -> (block: FrontMatterBlock?, doc: YAMLDocument) {
    guard let block = FrontMatter.split(bytes) else {
        return (nil, YAMLDocument(root: nil, problems: []))
    }
    return (block, YAMLParser.parse(bytes, range: block.content))
}

func parsed(_ s: String) -> (bytes: [UInt8], block: FrontMatterBlock?, doc: YAMLDocument) {
    let b = utf8(s)
    let (block, doc) = parsed(b)
    return (b, block, doc)
}

/// The text a byte range of the file spells.
func spelled(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
}

/// 0-based line of a byte offset, counting LF, CRLF and lone CR as line breaks the way
/// SourceText does (independent of the parser under test).
func lineIndex(of offset: Int, in bytes: [UInt8]) -> Int {
    var line = 0
    var i = 0
    while i < offset && i < bytes.count {
        if bytes[i] == 0x0A {
            line += 1
        } else if bytes[i] == 0x0D {
            if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            if i < offset { line += 1 }
        }
        i += 1
    }
    return line
}

/// Byte offset of the first occurrence of `needle` in `bytes`.
func offset(of needle: String, in bytes: [UInt8], from start: Int = 0) -> Int? {
    let n = Array(needle.utf8)
    guard !n.isEmpty, bytes.count >= n.count else { return nil }
    var i = start
    while i + n.count <= bytes.count {
        if bytes[i..<(i + n.count)].elementsEqual(n) { return i }
        i += 1
    }
    return nil
}

/// Every node of a tree, depth first (keys before values).
func allNodes(_ node: YAMLNode) -> [YAMLNode] {
    var out: [YAMLNode] = []
    var stack = [node]
    while let n = stack.popLast() {
        out.append(n)
        switch n.kind {
        case .sequence(let items): stack.append(contentsOf: items.reversed())
        case .mapping(let pairs):
            for p in pairs.reversed() { stack.append(p.value); stack.append(p.key) }
        case .scalar, .alias: break
        }
    }
    return out
}

extension YAMLNode.Kind {
    var name: String {
        switch self {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }
}

extension YAMLNode {
    var style: ScalarStyle? {
        if case .scalar(_, let s) = kind { return s }
        return nil
    }
    var aliasName: String? {
        if case .alias(let a) = kind { return a }
        return nil
    }
}
