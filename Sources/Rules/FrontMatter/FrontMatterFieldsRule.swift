import FrontMatter
import MarkdownScanner
import RuleEngine

/// `front-matter-fields`: required front matter keys that are missing or empty, and values
/// of the wrong type, as `.galley.yml` `front-matter:` asks. Without that section the rule
/// reports nothing.
struct FrontMatterFieldsRule: Rule {
    let descriptor = RuleDescriptor(
        id: "front-matter-fields",
        page: PackageResources.front_matter_fields_md,
        summary: "Front matter keys that `.galley.yml` `front-matter:` requires but are missing or empty, or values of the wrong type",
        defaultSeverity: .error,
        fix: nil
    )

    func check(_ document: Document, _ context: RuleContext) {
        guard let schema = context.configuration.frontMatter, !schema.isEmpty else { return }
        guard let block = document.frontMatter else {
            let start = document.source.lineStarts[0]
            for key in schema.required {
                report("front matter is missing; `\(key)` is required", start..<start, context)
            }
            return
        }
        // TOML is not read; unclosed or unparsable YAML is front-matter-syntax's to report.
        guard block.isClosed, block.kind == .yaml, let yaml = document.yaml, !yaml.hasSyntaxError else { return }
        var pairs: [YAMLPair] = []
        if let root = yaml.root {
            guard let mapping = root.mapping else { return }
            pairs = mapping
        }
        // A repeated key counts once, at its first occurrence (front-matter-syntax flags the rest).
        var first: [String: YAMLPair] = [:]
        var order: [String] = []
        for pair in pairs {
            guard let key = pair.key.scalar, first[key] == nil else { continue }
            first[key] = pair
            order.append(key)
        }
        let fence = block.openFence.lowerBound..<(block.openFence.lowerBound + 3)
        var reported: Set<String> = []
        for key in schema.required {
            guard let pair = first[key] else {
                report("required front matter key `\(key)` is missing", fence, context)
                continue
            }
            let value = FrontMatterValue(resolve(pair.value, in: yaml.root))
            if value.kind == .null {
                report("required front matter key `\(key)` has no value", pair.key.range, context)
                reported.insert(key)
            } else if value.isBlankText {
                report("required front matter key `\(key)` is empty", place(pair, document), context)
                reported.insert(key)
            }
        }
        for key in order where !reported.contains(key) {
            guard let type = schema.types[key], let pair = first[key] else { continue }
            let node = resolve(pair.value, in: yaml.root)
            guard FrontMatterValue(node).kind != .null else { continue }  // no value is an absent key
            if let problem = FrontMatterTypeCheck.problem(node, expected: type, key: key, bytes: document.bytes) {
                report(problem, place(pair, document), context)
            }
        }
    }

    /// The value when it starts on the key's line, else the key (findings stay on the key's line).
    private func place(_ pair: YAMLPair, _ document: Document) -> Range<Int> {
        let source = document.source
        let value = pair.value.range
        guard !value.isEmpty, source.line(containing: value.lowerBound) == source.line(containing: pair.key.range.lowerBound) else {
            return pair.key.range
        }
        return value
    }

    /// An alias stands for the last node before it carrying its anchor.
    private func resolve(_ node: YAMLNode, in root: YAMLNode?) -> YAMLNode {
        guard case .alias(let name) = node.kind, let root else { return node }
        var found: YAMLNode?
        func visit(_ n: YAMLNode) {
            guard n.range.lowerBound < node.range.lowerBound else { return }
            if n.anchor == name, found.map({ $0.range.lowerBound <= n.range.lowerBound }) ?? true { found = n }
            switch n.kind {
            case .sequence(let items): items.forEach(visit)
            case .mapping(let entries): entries.forEach { visit($0.key); visit($0.value) }
            case .scalar, .alias: break
            }
        }
        visit(root)
        return found ?? node
    }

    private func report(_ message: String, _ range: Range<Int>, _ context: RuleContext) {
        context.report(range, message)
    }
}
