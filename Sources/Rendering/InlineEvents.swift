import MarkdownScanner

/// What the inline pass found in one unit, in offsets of the unit's joined bytes and in
/// the order the renderer meets it.
struct InlineEvents {
    struct Leaf {
        var start: Int
        var end: Int
        var kind: InlineSpan.Kind
    }

    struct Link {
        /// The `[` (or the `!` of `![`).
        var open: Int
        var textStart: Int
        var textEnd: Int
        /// Just past the destination and title, the label, or the `]`.
        var tailEnd: Int
        var isImage: Bool
        var destination: [UInt8]
        var title: [UInt8]?
    }

    struct Tag {
        var position: Int
        var count: Int
        var isOpen: Bool
    }

    var leaves: [Leaf] = []
    var tails: [(start: Int, end: Int)] = []
    var links: [Link] = []
    var tags: [Tag] = []

    mutating func reset() {
        leaves.removeAll(keepingCapacity: true)
        tails.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
    }

    /// The tail that starts just after the `]` at `textEnd`, if any.
    func tailEnd(after textEnd: Int) -> Int {
        var lo = 0, hi = tails.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tails[mid].start < textEnd + 1 { lo = mid + 1 } else { hi = mid }
        }
        return lo < tails.count && tails[lo].start == textEnd + 1 ? tails[lo].end : textEnd + 1
    }
}

/// Monotone cursors over the document's inline index: units are met in document order.
struct InlineCursor {
    var span = 0
    var link = 0
    var emphasis = 0

    /// Fills `events` with what lies in the file range `range` of block `block`.
    mutating func collect(_ index: InlineIndex, block: Int, range: Range<Int>, unit: UnitText, file b: [UInt8],
                          definitions: LinkDefinitions, into events: inout InlineEvents) {
        events.reset()
        let spans = index.spans
        while span < spans.count && spans[span].range.lowerBound < range.lowerBound { span += 1 }
        while span < spans.count && spans[span].range.lowerBound < range.upperBound {
            let s = spans[span]
            let start = unit.virtual(s.range.lowerBound), end = unit.virtual(s.range.upperBound)
            switch s.kind {
            case .codeSpan, .autolink, .rawHTML:
                events.leaves.append(.init(start: start, end: end, kind: s.kind))
            case .linkTitle where events.tails.last?.end == start:
                events.tails[events.tails.count - 1].end = end
            case .linkDestination, .linkLabel, .linkTitle:
                events.tails.append((start, end))
            }
            span += 1
        }
        let texts = index.linkTexts
        while link < texts.count && texts[link].range.lowerBound < range.lowerBound { link += 1 }
        while link < texts.count && texts[link].range.lowerBound < range.upperBound {
            let t = texts[link]
            let textStart = unit.virtual(t.range.lowerBound), textEnd = unit.virtual(t.range.upperBound)
            var destination: [UInt8] = [], title: [UInt8]?
            if let d = t.destination {
                destination = Decoding.decoded(b, d)
                if let r = t.title {
                    let lo = unit.virtual(r.lowerBound), hi = unit.virtual(r.upperBound)
                    title = Decoding.decoded(unit.v, (lo + 1)..<(hi - 1))
                }
            } else if let label = t.label, let target = definitions[label] {
                destination = target.destination
                title = target.title
            }
            events.links.append(.init(open: textStart - (t.isImage ? 2 : 1), textStart: textStart, textEnd: textEnd,
                                      tailEnd: events.tailEnd(after: textEnd), isImage: t.isImage,
                                      destination: destination, title: title))
            link += 1
        }
        let matches = index.emphasis
        while emphasis < matches.count && (matches[emphasis].block < block
            || (matches[emphasis].block == block && matches[emphasis].opener < range.lowerBound)) { emphasis += 1 }
        while emphasis < matches.count && matches[emphasis].block == block && matches[emphasis].opener < range.upperBound {
            let m = matches[emphasis]
            events.tags.append(.init(position: unit.virtual(m.opener), count: m.count, isOpen: true))
            events.tags.append(.init(position: unit.virtual(m.closer), count: m.count, isOpen: false))
            emphasis += 1
        }
        if events.tags.count > 2 { events.tags.sort { $0.position < $1.position } }
    }
}
