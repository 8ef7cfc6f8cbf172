import FrontMatter
import MarkdownScanner
import RuleEngine

/// `front-matter-syntax`: front matter libyaml rejects, duplicate keys, a root that is
/// not a mapping, a block that is never closed.
struct FrontMatterSyntaxRule: Rule {
    let descriptor = RuleDescriptor(
        id: "front-matter-syntax",
        page: PackageResources.front_matter_syntax_md,
        summary: "Front matter that is not valid YAML, has duplicate keys, is not a mapping, or is never closed",
        defaultSeverity: .error,
        fix: .safe
    )

    func check(_ document: Document, _ context: RuleContext) {
        guard let block = document.frontMatter else { return }
        guard block.isClosed else {
            let close = block.kind == .yaml ? "`---` or `...`" : "`+++`"
            let line = document.source.location(of: block.openFence.lowerBound).line
            report("front matter opened on line \(line) is never closed (no \(close) line ends it); the file is not checked further",
                                    fenceRange(block), context)
            return
        }
        guard block.kind == .yaml else { return }
        guard let yaml = document.yaml else { return }
        // What makes libyaml stop can often be repaired with certainty: one fix, with
        // every repair the block needs, on the syntax error's finding.
        var repair: Fix?
        if yaml.hasSyntaxError {
            var scan = FrontMatterRepairScan(document.bytes)
            scan.scan(block.content)
            if FrontMatterRepairProof.holds(scan.repairs, in: document.bytes) {
                repair = Fix(title: FrontMatterRepair.title(scan.repairs), edits: scan.repairs.map(\.edit),
                             applicability: .safe, promise: .frontMatter)
            }
        }
        for problem in yaml.problems {
            let message: String
            switch problem.kind {
            case .syntax:
                message = "front matter is not valid YAML: \(problem.message)"
            case .tooDeep:
                message = problem.message
            case let .duplicateKey(key, firstOffset):
                let firstLine = document.source.location(of: firstOffset).line
                message = "duplicate key `\(key)` in front matter (first set on line \(firstLine))"
            case let .duplicateKeyIn(schema, key, firstOffset):
                let first = document.source.location(of: firstOffset).line
                let other: ScalarResolver.Schema = schema == .core ? .yaml11 : .core
                message = "key `\(key)` repeats the key on line \(first) in \(schema.rawValue) but not in \(other.rawValue)"
                    + (schema == .yaml11 ? " (Jekyll reads YAML 1.1)" : "") + ": tools will disagree on its value"
            }
            context.report(problem.range, message, fix: problem.kind == .syntax ? repair : nil)
        }
        if let root = yaml.root, root.mapping == nil {
            let found = root.sequence != nil ? "a list" : root.scalar != nil ? "a single value" : "an alias"
            report("front matter must be a mapping of keys to values, not \(found)", root.range, context)
        }
    }

    private func fenceRange(_ block: FrontMatterBlock) -> Range<Int> {
        block.openFence.lowerBound..<(block.openFence.lowerBound + 3)
    }

    private func report(_ message: String, _ range: Range<Int>, _ context: RuleContext) {
        context.report(range, message)
    }
}
