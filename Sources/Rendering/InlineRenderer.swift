import MarkdownScanner

/// Writes the HTML of one unit of inline content from its events: text with escapes,
/// character references and line breaks; code spans, autolinks and raw HTML; links,
/// images (their alt text as plain text) and emphasis.
struct InlineRenderer {
    let v: [UInt8]
    let events: InlineEvents
    /// In a table cell, `\|` is a `|` everywhere, code spans and raw HTML included (GFM).
    let inCell: Bool

    /// Inside an image's alt text: no tags, line breaks become spaces.
    var plain = 0
    var stack: [InlineEvents.Link] = []

    init(_ unit: UnitText, _ events: InlineEvents, inCell: Bool) {
        v = unit.v
        self.events = events
        self.inCell = inCell
    }

    mutating func render(into out: inout HTMLOutput) {
        let n = v.count
        var i = 0, leaf = 0, link = 0, tag = 0
        while i < n {
            if let top = stack.last, top.textEnd == i {
                close(top, into: &out)
                stack.removeLast()
                i = top.tailEnd
                continue
            }
            if link < events.links.count && events.links[link].open == i {
                open(events.links[link], into: &out)
                stack.append(events.links[link])
                i = events.links[link].textStart
                link += 1
                continue
            }
            if leaf < events.leaves.count && events.leaves[leaf].start == i {
                renderLeaf(events.leaves[leaf], into: &out)
                i = events.leaves[leaf].end
                leaf += 1
                continue
            }
            if tag < events.tags.count && events.tags[tag].position == i {
                let t = events.tags[tag]
                if plain == 0 {
                    switch (t.isOpen, t.count == 2) {
                    case (true, true): out.append("<strong>")
                    case (true, false): out.append("<em>")
                    case (false, true): out.append("</strong>")
                    case (false, false): out.append("</em>")
                    }
                }
                i += t.count
                tag += 1
                continue
            }
            // Skip events left behind (inside a construct already written).
            while leaf < events.leaves.count && events.leaves[leaf].start < i { leaf += 1 }
            while link < events.links.count && events.links[link].open < i { link += 1 }
            while tag < events.tags.count && events.tags[tag].position < i { tag += 1 }
            var stop = n
            if let top = stack.last { stop = min(stop, top.textEnd) }
            if link < events.links.count { stop = min(stop, events.links[link].open) }
            if leaf < events.leaves.count { stop = min(stop, events.leaves[leaf].start) }
            if tag < events.tags.count { stop = min(stop, events.tags[tag].position) }
            if stop == i { stop = i + 1 }
            i = text(from: i, to: stop, into: &out)
        }
        while let top = stack.popLast() { close(top, into: &out) }
    }

    mutating func open(_ l: InlineEvents.Link, into out: inout HTMLOutput) {
        defer { if l.isImage { plain += 1 } }
        guard plain == 0 else { return }
        if l.isImage {
            out.append("<img src=\"")
            out.appendURL(l.destination)
            out.append("\" alt=\"")
        } else {
            out.append("<a href=\"")
            out.appendURL(l.destination)
            out.append("\"")
            appendTitle(l, into: &out)
            out.append(">")
        }
    }

    mutating func close(_ l: InlineEvents.Link, into out: inout HTMLOutput) {
        if l.isImage { plain -= 1 }
        guard plain == 0 else { return }
        if l.isImage {
            out.append("\"")
            appendTitle(l, into: &out)
            out.append(" />")
        } else {
            out.append("</a>")
        }
    }

    func appendTitle(_ l: InlineEvents.Link, into out: inout HTMLOutput) {
        guard let title = l.title, !title.isEmpty else { return }
        out.append(" title=\"")
        out.appendEscaped(title)
        out.append("\"")
    }

    func renderLeaf(_ s: InlineEvents.Leaf, into out: inout HTMLOutput) {
        switch s.kind {
        case .codeSpan:
            var k = s.start
            while v[k] == 0x60 { k += 1 }
            let ticks = k - s.start
            var content = Array(v[k..<(s.end - ticks)])
            for j in content.indices where content[j] == 0x0A { content[j] = 0x20 }
            if content.count >= 2 && content.first == 0x20 && content.last == 0x20 && content.contains(where: { $0 != 0x20 }) {
                content = Array(content[1..<(content.count - 1)])
            }
            if inCell { content = Self.unescapingPipes(content) }
            if plain == 0 { out.append("<code>") }
            out.appendEscaped(content)
            if plain == 0 { out.append("</code>") }
        case .autolink:
            let inner = (s.start + 1)..<(s.end - 1)
            var target = Array(v[inner])
            if inCell { target = Self.unescapingPipes(target) }
            if plain == 0 {
                out.append("<a href=\"")
                if !target.contains(0x3A) { out.append("mailto:") }
                out.appendURL(target)
                out.append("\">")
            }
            out.appendEscaped(target)
            if plain == 0 { out.append("</a>") }
        default:  // raw HTML
            let raw = inCell ? Self.unescapingPipes(Array(v[s.start..<s.end])) : Array(v[s.start..<s.end])
            if plain == 0 {
                let start = out.bytes.count
                out.bytes.append(contentsOf: raw)
                if !HTMLComment.onlyComments(raw, 0..<raw.count) { out.rawRanges.append(start..<out.bytes.count) }
            } else {
                out.appendEscaped(raw)
            }
        }
    }

    static func unescapingPipes(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(0x7C) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var j = 0
        while j < b.count {
            if b[j] == 0x5C && j + 1 < b.count && b[j + 1] == 0x7C { j += 1 }
            out.append(b[j])
            j += 1
        }
        return out
    }
}
