import MarkdownScanner
import RuleEngine

/// `nbsp-entity`: `&nbsp;` and its numeric spellings in prose.
struct NbspEntityRule: Rule {
    let descriptor = RuleDescriptor(
        id: "nbsp-entity",
        page: PackageResources.nbsp_entity_md,
        summary: "Non-breaking space entities (`&nbsp;`, `&#160;`, `&#xA0;`) left in prose",
        defaultSeverity: .warning,
        fix: .safe,
        options: [RuleOption("french-spacing", .bool, default: "true",
                             "Keep a non-breaking space (U+00A0) before `: ; ! ? »` and after `«`, as French typography wants")]
    )

    func check(_ document: Document, _ context: RuleContext) {
        let frenchSpacing = context.options.bool("french-spacing", default: true)
        for line in 0..<document.source.lineCount where isEntityLine(document, line) {
            let entities = self.entities(in: document, line: line)
            guard !entities.isEmpty else { continue }
            let runs = NbspRun.group(entities, line: line, in: document)
            for run in runs {
                let fixes: [Fix]
                if run.isWholeLine, let fix = NbspSpacer.fix(run, document, .entity) {
                    fixes = Array(repeating: fix, count: run.entities.count)
                } else {
                    fixes = run.fixes(in: document, frenchSpacing: frenchSpacing)
                }
                // A misspelt entity shows as text: removing it changes what readers see, so
                // it is a judgement (the author meant a non-breaking space), and says so.
                let misspelt = !run.entities.allSatisfy { NbspEntity.isValid(document.bytes, $0) }
                for (entity, var fix) in zip(run.entities, fixes) {
                    if misspelt {
                        fix.applicability = .unsafe
                        fix.promise.insert(.removesText)
                    }
                    let spelling = document.source.string(entity)
                    let message = NbspEntity.isValid(document.bytes, entity)
                        ? "non-breaking space entity `\(spelling)` in prose"
                        : "`\(spelling)` is not an entity (names are case-sensitive) and shows as text; a non-breaking space was meant"
                    context.report(entity, message, fix: fix)
                }
            }
        }
    }

    /// Paragraph, heading and table rows; not code, HTML blocks, front matter or definitions.
    private func isEntityLine(_ document: Document, _ line: Int) -> Bool {
        switch document.line(line).kind {
        case .paragraph, .atxHeading, .tableRow: true
        default: false
        }
    }

    /// Entities on `line` outside code spans, raw HTML, autolinks and link destinations
    /// (link titles are rendered text and count), and not escaped with a backslash.
    private func entities(in document: Document, line: Int) -> [Range<Int>] {
        let b = document.bytes
        let start = document.line(line).contentStart
        let end = document.source.contentEnd(line)
        var result: [Range<Int>] = []
        var i = start
        while i < end {
            i = ByteSearch.first(0x26, in: b, from: i, end: end)
            guard i < end else { break }
            if let e = NbspEntity.match(b, at: i, end: end), !isEscaped(b, i, lineStart: start),
               document.inlines.span(containing: i).map({ $0.kind == .linkTitle }) ?? true {
                result.append(i..<e)
                i = e
            } else {
                i += 1
            }
        }
        return result
    }

    private func isEscaped(_ b: [UInt8], _ i: Int, lineStart: Int) -> Bool {
        var k = i - 1, n = 0
        while k >= lineStart && b[k] == 0x5C {
            n += 1
            k -= 1
        }
        return n % 2 == 1
    }
}
