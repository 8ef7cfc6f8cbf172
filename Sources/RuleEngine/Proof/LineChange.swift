import MarkdownScanner

/// Says, line by line, what edits do to the lines: "would turn line 12 into HTML". Each
/// line of the window that no edit takes whole is found again after the edits by its
/// byte offset, and the two lines' kinds and containers are compared.
enum LineChange {
    static func describe(_ beforeText: SourceText, _ before: BlockScan, _ afterText: SourceText, _ after: BlockScan,
                         edits: [Edit], firstLine: Int) -> String? {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var e = 0, shift = 0
        for i in 0..<beforeText.lineCount {
            let start = beforeText.lineStart(i), end = beforeText.lineEnd(i)
            // Edits wholly before this line move it; one that touches it leaves it out.
            while e < sorted.count && sorted[e].range.upperBound <= start && !(sorted[e].range.isEmpty && sorted[e].range.lowerBound == start) {
                shift += sorted[e].replacement.count - sorted[e].range.count
                e += 1
            }
            // A line an edit takes whole (with its line break) has no place after; a line
            // edited within keeps its start.
            if sorted[e...].contains(where: { $0.range.lowerBound <= start && $0.range.upperBound >= end && $0.range.lowerBound < end }) { continue }
            let moved = start + shift
            guard moved < afterText.bytes.count || (moved == afterText.bytes.count && afterText.bytes.isEmpty == false) else { continue }
            let j = afterText.line(containing: min(moved, max(0, afterText.bytes.count - 1)))
            guard j < after.lines.count else { continue }
            let (x, y) = (before.lines[i], after.lines[j])
            if let change = phrase(x.kind, y.kind, line: firstLine + i + 1) { return change }
            if !x.opensListItem && y.opensListItem { return "would make line \(firstLine + i + 1) a list item" }
            if x.opensListItem && !y.opensListItem { return "would end the list item on line \(firstLine + i + 1)" }
            if x.containerDepth != y.containerDepth {
                return "would move line \(firstLine + i + 1) \(x.containerDepth < y.containerDepth ? "into" : "out of") a list or quote"
            }
        }
        return nil
    }

    static func phrase(_ from: LineKind, _ to: LineKind, line: Int) -> String? {
        if from == to { return nil }
        switch (from, to) {
        case (.blank, _), (_, .blank): return nil
        case (.fenceOpen, .fencedCode), (.fenceClose, .fencedCode), (.fencedCode, .fenceClose), (.fencedCode, .fenceOpen): return "would move the end of a code block"
        case (_, .html): return "would turn line \(line) into HTML"
        case (_, .indentedCode), (_, .fencedCode), (_, .fenceOpen), (_, .fenceClose): return "would turn line \(line) into code"
        case (.indentedCode, _), (.fencedCode, _): return "would turn the code on line \(line) into \(name(to))"
        case (.html, _): return "would turn the HTML on line \(line) into \(name(to))"
        case (_, .setextUnderline): return "would make line \(line) underline a heading"
        case (_, .atxHeading): return "would make line \(line) a heading"
        case (.atxHeading, _), (.setextUnderline, _): return "would turn the heading on line \(line) into \(name(to))"
        case (_, .tableRow), (_, .tableDelimiter): return "would make line \(line) part of a table"
        case (.tableRow, _), (.tableDelimiter, _): return "would take line \(line) out of its table"
        default: return nil
        }
    }

    static func name(_ kind: LineKind) -> String {
        switch kind {
        case .html: "HTML"
        case .indentedCode, .fencedCode, .fenceOpen, .fenceClose: "code"
        case .atxHeading, .setextUnderline: "a heading"
        case .tableRow, .tableDelimiter: "a table"
        case .thematicBreak: "a thematic break"
        case .linkDefinition: "a link definition"
        default: "text"
        }
    }
}
