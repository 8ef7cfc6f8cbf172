import MarkdownScanner
import RuleEngine

/// One Ghost card found in a document: its kind, the whole lines it stands on (markers
/// included), and its element's bytes.
struct GhostCard {
    enum Kind: String {
        case image, gallery, bookmark, code, callout, toggle, button, hr
        case emptyParagraph = "empty paragraph"
        case htmlMarkdown = "html"
        case embed
        case other
    }

    var kind: Kind
    /// The card's class name for messages (`kg-audio-card`), or the kind.
    var name: String
    var lines: ClosedRange<Int>
    /// The element (or, for an html card of Markdown, the text between its markers).
    var element: Range<Int>
    /// The end of the element's start tag: where a finding ends.
    var tagEnd: Int
    var markers: Int
    /// The `<p></p>` spacers glued after the card, which go with it.
    var spacers: Int

    static let kinds: [String: Kind] = [
        "kg-image-card": .image, "kg-gallery-card": .gallery, "kg-bookmark-card": .bookmark, "kg-code-card": .code,
        "kg-callout-card": .callout, "kg-toggle-card": .toggle, "kg-button-card": .button, "kg-embed-card": .embed,
    ]

    /// Every card at the top level of the document (not in lists or quotes), in order.
    static func find(in document: Document) -> [GhostCard] {
        let source = document.source
        var cards: [GhostCard] = []
        var line = document.blocks.lines.firstIndex { $0.kind != .frontMatter } ?? source.lineCount
        while line < source.lineCount {
            let info = document.line(line)
            if info.kind == .html, info.containerDepth == 0, let card = card(document, at: line) {
                cards.append(card)
                line = card.lines.upperBound + 1
            } else {
                line += 1
            }
        }
        return cards
    }

    /// The card whose first line (its begin marker or its element) is `line`.
    static func card(_ document: Document, at line: Int) -> GhostCard? {
        let b = document.bytes, source = document.source
        var i = document.line(line).contentStart
        let lineEnd = source.contentEnd(line)
        var markerName: String?
        var markers = 0
        while let m = CardScan.marker(b, at: i, end: lineEnd, line: line), m.role == .begin {
            markerName = m.name
            markers += 1
            i = CardScan.skipSpace(b, m.range.upperBound, lineEnd)
        }
        guard i < lineEnd || markers > 0 else { return nil }
        if i == lineEnd {
            // A marker on a line of its own (Ghost 5's html card): the card starts on the next line.
            guard line + 1 < source.lineCount, !source.isBlank(line + 1) else { return nil }
            i = CardScan.skipSpace(b, source.lineStart(line + 1), source.contentEnd(line + 1))
        }
        let limit = min(b.count, i + 1 << 16)
        // An html card glued around Markdown on one line: the Markdown prints as text.
        if markerName == "html", i < lineEnd, b[i] != 0x3C {
            var j = i
            while j < lineEnd, b[j] != 0x3C { j += 1 }
            guard j < lineEnd, let end = CardScan.marker(b, at: j, end: lineEnd, line: line), end.role == .end,
                  CardScan.skipSpace(b, end.range.upperBound, lineEnd) == lineEnd else { return nil }
            var k = j
            while k > i, b[k - 1] == 0x20 || b[k - 1] == 0x09 { k -= 1 }
            return GhostCard(kind: .htmlMarkdown, name: "html", lines: line...line, element: i..<k, tagEnd: k,
                             markers: markers + 1, spacers: 0)
        }
        guard let tag = CardScan.startTag(b, at: i, end: limit) else { return nil }
        let classes = tag.classes.split(separator: " ")
        var kind: Kind?
        var name = ""
        if (tag.name == "figure" || tag.name == "div"), classes.contains("kg-card") {
            name = classes.first { $0.hasPrefix("kg-") && $0.hasSuffix("-card") && $0 != "kg-card" }.map(String.init) ?? "kg-card"
            kind = kinds[name] ?? .other
        } else if tag.name == "hr", markerName == "hr" {
            kind = .hr
        } else if (tag.name == "pre" || tag.name == "figure"), markerName == "code" {
            kind = .code
        } else if tag.name == "p", markers == 0, CardScan.matches(b, tag.end, lineEnd, "</p>"),
                  CardScan.skipSpace(b, tag.end + 4, lineEnd) == lineEnd, i == document.line(line).contentStart {
            kind = .emptyParagraph
        }
        guard let kind else { return nil }
        if name.isEmpty { name = kind.rawValue }
        let elementEnd: Int
        if kind == .hr {
            elementEnd = tag.end
        } else if kind == .emptyParagraph {
            elementEnd = tag.end + 4
        } else {
            guard let e = CardScan.elementEnd(b, name: tag.name, from: tag.end, end: limit) else { return nil }
            elementEnd = e
        }
        // After the element: spacers and end markers, then the end of its line.
        var j = elementEnd
        var spacers = 0
        let lastLine = source.line(containing: max(i, elementEnd - 1))
        let end = source.contentEnd(lastLine)
        while true {
            j = CardScan.skipSpace(b, j, end)
            if CardScan.matches(b, j, end, "<p></p>") {
                j += 7
                spacers += 1
            } else if let m = CardScan.marker(b, at: j, end: end, line: lastLine), m.role == .end {
                j = m.range.upperBound
                markers += 1
            } else {
                break
            }
        }
        guard j == end else { return nil }
        var last = lastLine
        // An end marker on the next line of its own goes with the card.
        if last + 1 < source.lineCount {
            let next = last + 1, start = CardScan.skipSpace(b, source.lineStart(next), source.contentEnd(next))
            if let m = CardScan.marker(b, at: start, end: source.contentEnd(next), line: next), m.role == .end,
               CardScan.skipSpace(b, m.range.upperBound, source.contentEnd(next)) == source.contentEnd(next) {
                last = next
                markers += 1
            }
        }
        // Spacers on the lines right after the card go with it.
        while kind != .emptyParagraph, last + 1 < source.lineCount {
            let next = last + 1, end = source.contentEnd(next), start = CardScan.skipSpace(b, source.lineStart(next), end)
            guard CardScan.matches(b, start, end, "<p></p>"), CardScan.skipSpace(b, start + 7, end) == end else { break }
            last = next
            spacers += 1
        }
        // Every line must be at the top level: a card in a list or quote is not taken apart.
        for k in line...last where !source.isBlank(k) {
            let info = document.line(k)
            if info.containerDepth != 0 || info.kind == .frontMatter { return nil }
        }
        return GhostCard(kind: kind, name: name, lines: line...last, element: i..<elementEnd, tagEnd: tag.end,
                         markers: markers, spacers: spacers)
    }
}
