import FrontMatter
import RuleEngine

/// Proves a set of front matter repairs by parsing the repaired front matter with
/// libyaml: it must parse; each quoted value must be a quoted scalar, exactly where the
/// old text was, holding exactly the text written; and each escape repair must mean what
/// YAML's own escape for the same character means (the document parsed with `\U0001F680`
/// instead of the character, or `\x27` instead of `'`, is the same tree).
enum FrontMatterRepairProof {
    static func holds(_ repairs: [FrontMatterRepair], in bytes: [UInt8]) -> Bool {
        guard !repairs.isEmpty else { return false }
        let edits = repairs.map(\.edit)
        guard let repaired = parse(bytes, edits) else { return false }
        if repairs.contains(where: { $0.alternative != nil }) {
            let other = repairs.map { r in r.alternative.map { Edit(range: r.edit.range, replacement: $0) } ?? r.edit }
            guard let alternative = parse(bytes, other), same(repaired.root, alternative.root) else { return false }
        }
        // Quoted scalars by where they start, and each repair's place in the repaired file
        // (repairs come in file order, so one running sum shifts them all).
        var quotedAt: [Int: YAMLNode] = [:]
        for node in scalarNodes(repaired.root) {
            if case let .scalar(_, style) = node.kind, style != .plain { quotedAt[node.range.lowerBound] = node }
        }
        var delta = 0
        for repair in repairs.sorted(by: { $0.edit.range.lowerBound < $1.edit.range.lowerBound }) {
            let start = repair.edit.range.lowerBound + delta
            delta += repair.edit.replacement.count - repair.edit.range.count
            guard let intended = repair.intended else { continue }
            guard let node = quotedAt[start], node.range.upperBound == start + repair.edit.replacement.count,
                  node.scalar == intended else { return false }
        }
        return true
    }

    /// The repaired file's front matter, parsed, when it parses.
    private static func parse(_ bytes: [UInt8], _ edits: [Edit]) -> YAMLDocument? {
        let after = FixApplier.apply([Fix(title: "", edits: edits, applicability: .safe)], to: bytes).bytes
        guard let block = FrontMatter.split(after), block.isClosed, block.kind == .yaml else { return nil }
        let document = YAMLParser.parse(after, range: block.content)
        return document.hasSyntaxError || document.root == nil ? nil : document
    }

    /// Every scalar of the tree (an explicit stack: no recursion).
    private static func scalarNodes(_ root: YAMLNode?) -> [YAMLNode] {
        var out: [YAMLNode] = [], stack = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            switch node.kind {
            case .scalar: out.append(node)
            case let .sequence(items): stack += items
            case let .mapping(pairs): for p in pairs { stack += [p.key, p.value] }
            case .alias: break
            }
        }
        return out
    }

    /// The same tree, positions aside.
    private static func same(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        var stack: [(YAMLNode?, YAMLNode?)] = [(a, b)]
        while let (x, y) = stack.popLast() {
            guard let x, let y else {
                if x != nil || y != nil { return false }
                continue
            }
            guard x.tag == y.tag, x.anchor == y.anchor else { return false }
            switch (x.kind, y.kind) {
            case let (.scalar(v, s), .scalar(w, t)):
                guard v == w, s == t else { return false }
            case let (.alias(v), .alias(w)):
                guard v == w else { return false }
            case let (.sequence(xs), .sequence(ys)):
                guard xs.count == ys.count else { return false }
                stack += zip(xs, ys).map { ($0, $1) }
            case let (.mapping(xs), .mapping(ys)):
                guard xs.count == ys.count else { return false }
                stack += zip(xs, ys).flatMap { [($0.key, $1.key), ($0.value, $1.value)] }
            default:
                return false
            }
        }
        return true
    }
}
