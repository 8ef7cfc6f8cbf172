import MarkdownScanner
import RuleEngine

/// A Markdown card holding Ghost's rendered HTML: `<!--kg-card-begin: markdown-->` (or
/// `card-markdown`) directly followed by HTML, up to its end marker; or Ghost 1.x's
/// `<div class="kg-card-markdown">`. Only a card whose content is elements and nothing
/// else at its top level counts: a card of Markdown text is what Markdown should be.
struct RenderedRegion {
    var lines: ClosedRange<Int>
    /// Where the finding goes: the marker (or div) to the end of its line.
    var start: Int
    var firstLineEnd: Int
    /// The HTML between the markers (or the div's children).
    var content: Range<Int>
    /// Its `<pre>` blocks that a blank line cuts.
    var cutCode: Int

    static let blockStarts: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "ul", "ol", "blockquote", "hr", "table", "div"]

    static func find(in document: Document) -> [RenderedRegion] {
        let source = document.source, b = document.bytes
        var regions: [RenderedRegion] = []
        var line = document.blocks.lines.firstIndex { $0.kind != .frontMatter } ?? source.lineCount
        while line < source.lineCount {
            let info = document.line(line)
            guard info.kind == .html, info.containerDepth == 0 else {
                line += 1
                continue
            }
            if let region = region(document, b, source, at: line) {
                regions.append(region)
                line = region.lines.upperBound + 1
            } else {
                line += 1
            }
        }
        return regions
    }

    static func region(_ document: Document, _ b: [UInt8], _ source: SourceText, at line: Int) -> RenderedRegion? {
        let start = document.line(line).contentStart, lineEnd = source.contentEnd(line)
        var i = start
        var contentStart: Int
        var contentEnd: Int
        var last: Int
        if let m = CardScan.marker(b, at: i, end: lineEnd, line: line), m.role == .begin, m.name == "markdown" || m.name == "card-markdown" {
            i = m.range.upperBound
            while let again = CardScan.marker(b, at: CardScan.skipSpace(b, i, lineEnd), end: lineEnd, line: line), again.role == .begin, again.name == m.name {
                i = again.range.upperBound  // a doubled begin
            }
            contentStart = i
            let first = CardScan.skipSpace(b, i, b.count, lines: true)
            guard let tag = CardScan.startTag(b, at: first, end: min(b.count, first + 4096)), blockStarts.contains(tag.name) else { return nil }
            // The end marker: the first marker after the begin, which must be an end of this card ending its line.
            var k = line
            var found: (Int, Int)?
            scan: while k < source.lineCount {
                let from = k == line ? i : source.lineStart(k), to = source.contentEnd(k)
                var j = from
                while j < to {
                    if b[j] == 0x3C, let marker = CardScan.marker(b, at: j, end: to, line: k) {
                        guard marker.role == .end, marker.name == m.name || marker.name == "markdown",
                              CardScan.skipSpace(b, marker.range.upperBound, to) == to else { return nil }
                        found = (j, k)
                        break scan
                    }
                    j += 1
                }
                k += 1
            }
            guard let (endAt, endLine) = found else { return nil }
            contentEnd = endAt
            last = endLine
        } else if let tag = CardScan.startTag(b, at: i, end: lineEnd), tag.name == "div",
                  tag.classes.split(separator: " ").contains("kg-card-markdown"),
                  let end = CardScan.elementEnd(b, name: "div", from: tag.end, end: min(b.count, tag.end + 1 << 18)) {
            last = source.line(containing: end - 1)
            guard CardScan.skipSpace(b, end, source.contentEnd(last)) == source.contentEnd(last) else { return nil }
            contentStart = tag.end
            contentEnd = end - 6
        } else {
            return nil
        }
        // Rendered HTML only: elements (and whitespace, comments) at the top level.
        let nodes = HTMLNode.parse(b[contentStart..<contentEnd])
        guard nodes.allSatisfy({ $0.name != nil || $0.isBlank }) else { return nil }
        for k in line...last where !source.isBlank(k) {
            if document.line(k).containerDepth != 0 { return nil }
        }
        var cut = 0
        for k in line...last where document.line(k).kind != .blank {
            if let pre = CutPre.at(document, line: k), pre.lines.upperBound <= last { cut += 1 }
        }
        return RenderedRegion(lines: line...last, start: start, firstLineEnd: lineEnd, content: contentStart..<contentEnd, cutCode: cut)
    }
}

/// A `<pre>` that CommonMark cuts: it sits in an HTML block that a blank line inside
/// the code ends (a block opened by another tag on an earlier line; a `<pre>` that opens
/// its own block runs to `</pre>` and is whole).
struct CutPre {
    var lines: ClosedRange<Int>
    var start: Int
    /// The Markdown for its lines (a marker before or after it kept on its own line), or
    /// nil when the code is not one `<code>` of text.
    var fence: String?

    static func find(in document: Document) -> [CutPre] {
        guard GhostRenderedMarkdownRule.mayHoldPre(document.bytes) else { return [] }
        var out: [CutPre] = []
        var line = 0
        while line < document.source.lineCount {
            if let pre = at(document, line: line) {
                out.append(pre)
                line = pre.lines.upperBound + 1
            } else {
                line += 1
            }
        }
        return out
    }

    static func at(_ document: Document, line: Int) -> CutPre? {
        let info = document.line(line)
        guard info.kind == .html, info.containerDepth == 0 else { return nil }
        let b = document.bytes, source = document.source
        let lineEnd = source.contentEnd(line)
        var i = info.contentStart
        var prefix = ""
        if let m = CardScan.marker(b, at: i, end: lineEnd, line: line), m.role == .begin {
            prefix = String(decoding: b[i..<m.range.upperBound], as: UTF8.self)
            i = CardScan.skipSpace(b, m.range.upperBound, lineEnd)
        }
        guard i + 4 < lineEnd, CardScan.matches(b, i, lineEnd, "<pre") || CardScan.matches(b, i, lineEnd, "<PRE"),
              let tag = CardScan.startTag(b, at: i, end: lineEnd), tag.name == "pre" else { return nil }
        // Whole when the `<pre>` opens its own HTML block (type 1 runs to `</pre>`).
        if prefix.isEmpty, let block = document.blocks.block(ofLine: line), block.firstLine == line, block.htmlType == 1 { return nil }
        guard let end = CardScan.elementEnd(b, name: "pre", from: tag.end, end: min(b.count, tag.end + 1 << 16)) else { return nil }
        let last = source.line(containing: end - 1)
        guard (line...last).contains(where: { source.isBlank($0) }) else { return nil }
        let lastEnd = source.contentEnd(last)
        var suffix = ""
        let after = CardScan.skipSpace(b, end, lastEnd)
        if after < lastEnd {
            guard let m = CardScan.marker(b, at: after, end: lastEnd, line: last), m.role == .end,
                  CardScan.skipSpace(b, m.range.upperBound, lastEnd) == lastEnd else { return nil }
            suffix = String(decoding: b[after..<m.range.upperBound], as: UTF8.self)
        }
        let nodes = HTMLNode.parse(b[i..<end])
        var fence = nodes.first(where: { $0.name == "pre" }).flatMap(MarkdownWriter.fence)
        if let f = fence {
            fence = (prefix.isEmpty ? "" : prefix + "\n\n") + f + (suffix.isEmpty ? "" : "\n\n" + suffix)
        }
        return CutPre(lines: line...last, start: i, fence: fence)
    }
}
