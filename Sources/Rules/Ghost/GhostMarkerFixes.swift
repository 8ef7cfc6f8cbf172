import MarkdownScanner
import RuleEngine

/// The fix of each marker. A line holding only markers goes with its line break; runs of
/// such lines are handled together so that no two blank lines, and no blank line at the
/// start or end of the file, are left, and two blocks the marker separated stay apart.
/// A marker glued to text loses only its own characters; a comment marker that began an
/// HTML line also leaves a blank line after that block, which the comment used to end
/// (`<!--kg-card-begin: image--><figure>…` would otherwise run on into the next line).
/// Whether a fix keeps the page as it was is the engine's proof to say, not this rule's.
struct GhostMarkerFixes {
    let document: Document
    let markers: [GhostMarker]
    /// The well-formed begin/end pairs (`GhostMarkerPairing`): a short pair's markers get
    /// one fix (`joiningPairs`).
    let pairs: [(begin: Int, end: Int)]

    func fixes() -> [Fix?] {
        var byLine: [Int: [Int]] = [:]
        for (k, m) in markers.enumerated() { byLine[m.line, default: []].append(k) }
        var result = [Fix?](repeating: nil, count: markers.count)
        let markerOnly = Set(byLine.keys.filter { isMarkerOnly($0, byLine[$0]!) })
        for line in byLine.keys.sorted() {
            let indices = byLine[line]!
            if markerOnly.contains(line) {
                guard !markerOnly.contains(line - 1) else { continue }  // handled with its group
                var last = line
                while markerOnly.contains(last + 1) { last += 1 }
                let fix = groupFix(line...last)
                for l in line...last { for k in byLine[l]! { result[k] = fix } }
            } else {
                // Markers side by side can claim the same blank between them: overlapping
                // deletions merge into one edit that those markers share.
                var edits = indices.map(gluedEdit)
                var clusterStart = 0
                for a in edits.indices.dropFirst() {
                    if edits[a].range.lowerBound < edits[a - 1].range.upperBound {
                        var lo = edits[clusterStart].range.lowerBound
                        let hi = max(edits[a - 1].range.upperBound, edits[a].range.upperBound)
                        if hi == document.source.contentEnd(line) {
                            while lo > document.source.lineStart(line) && ByteClass.isSpaceOrTab(document.bytes[lo - 1]) { lo -= 1 }
                        }
                        for c in clusterStart...a { edits[c] = .delete(lo..<hi) }
                    } else {
                        clusterStart = a
                    }
                }
                let separator = blankLineKeepingBlocksApart(line, indices)
                for (k, edit) in zip(indices, edits) {
                    let edits = [edit] + (separator.map { [$0] } ?? [])
                    result[k] = Fix(title: separator == nil ? "Remove the marker" : "Remove the marker, keeping a blank line after its block",
                                    edits: edits, applicability: .safe, promise: promise(indices.map { markers[$0] }))
                }
            }
        }
        return joiningPairs(result, markerOnly: markerOnly)
    }

    /// Whether the line has nothing but markers and blanks after its container prefix,
    /// and removing the whole line takes no container with it: not a line opening a list
    /// item, nor a block quote line whose quote has no other line (there only the marker
    /// goes, as when it is glued to text).
    private func isMarkerOnly(_ line: Int, _ indices: [Int]) -> Bool {
        let b = document.bytes
        let info = document.line(line)
        if ContainerGuard.removingDropsContainer(document, lines: line...line) { return false }
        var i = info.contentStart
        let end = document.source.contentEnd(line)
        var k = 0
        while i < end {
            if k < indices.count && markers[indices[k]].range.lowerBound == i {
                i = markers[indices[k]].range.upperBound
                k += 1
            } else if b[i] == 0x20 || b[i] == 0x09 {
                i += 1
            } else {
                return false
            }
        }
        return true
    }

    func groupFix(_ lines: ClosedRange<Int>) -> Fix {
        let source = document.source
        let first = lines.lowerBound, last = lines.upperBound
        let hasAbove = first > 0, hasBelow = last + 1 < source.lineCount
        let blankAbove = hasAbove && ContainerGuard.isBlankSibling(document, first - 1, of: first)
        let blankBelow = hasBelow && ContainerGuard.isBlankSibling(document, last + 1, of: last)
        let edit: Edit
        var keepsBlank = false
        if (!hasAbove || blankAbove) && (!hasBelow || blankBelow) {
            // Removing the lines would leave two blank lines, or one at an edge of the file.
            if !hasAbove && !hasBelow {
                edit = LineRemoval.edit(removingLines: lines, in: source)
            } else if hasBelow {
                edit = LineRemoval.edit(removingLines: first...(last + 1), in: source)
            } else {
                edit = LineRemoval.edit(removingLines: (first - 1)...last, in: source)
            }
        } else if hasAbove && hasBelow && !blankAbove && !blankBelow && separatesBlocks(lines) {
            // Keep a blank line in place so the blocks above and below stay apart; a block
            // quote's `>` stays, so the quote goes on.
            let b = document.bytes
            var lo = document.line(first).contentStart
            while lo > source.lineStart(first) && ByteClass.isSpaceOrTab(b[lo - 1]) { lo -= 1 }
            edit = .delete(lo..<source.contentEnd(last))
            keepsBlank = true
        } else {
            edit = LineRemoval.edit(removingLines: lines, in: source)
        }
        let marked = lines.count == 1 ? "the marker line" : "the \(lines.count) marker lines"
        let title = keepsBlank ? "Empty \(marked), keeping the blocks around apart" : "Remove \(marked)"
        // (Markers are in line order: the run's are one slice, found by bisection.)
        let removed = markers[markers.partitionPoint { $0.line >= first }..<markers.partitionPoint { $0.line > last }]
        return Fix(title: title, edits: [edit], applicability: .safe, promise: promise(removed))
    }

    /// What removing these markers may change: comments go; a marker whose comment
    /// delimiters were stripped (bare) or a JSX one is text in CommonMark, so text goes
    /// (and a JSX marker's `*` may have paired as emphasis).
    func promise(_ removed: some Sequence<GhostMarker>) -> FixPromise {
        var promise: FixPromise = .removesComments
        if removed.contains(where: { $0.form != .comment }) { promise.insert(.removesText) }
        if removed.contains(where: { $0.form == .jsx }) { promise.insert(.changesEmphasis) }
        return promise
    }

    /// When a comment marker starts the line of an HTML block that the comment began
    /// (type 2, ended by the comment's `-->` on that line) and something follows it on
    /// the line, removing it leaves that to start a block of its own kind (HTML, a
    /// paragraph), which a blank line ends: an insertion of a blank line after the
    /// block, unless one follows already.
    private func blankLineKeepingBlocksApart(_ line: Int, _ indices: [Int]) -> Edit? {
        guard let first = indices.first, markers[first].form == .comment,
              markers[first].range.lowerBound == GhostMarker.skipBlanks(document.bytes, document.line(line).contentStart,
                                                                        document.source.contentEnd(line)),
              let block = document.blocks.block(ofLine: line), block.kind == .html, block.htmlType == 2,
              block.firstLine == line else { return nil }
        // Only when something stays on the line to start a block of its own: a byte
        // that is neither a blank nor part of a marker (the card's HTML between a begin
        // and an end marker counts as much as text after the last one).
        let b = document.bytes
        var rest = markers[first].range.upperBound
        let end = document.source.contentEnd(line)
        var others = indices.dropFirst().map { markers[$0].range }.makeIterator()
        var nextMarker = others.next()
        while rest < end {
            if let m = nextMarker, rest >= m.lowerBound {
                rest = max(rest, m.upperBound)
                nextMarker = others.next()
            } else if ByteClass.isSpaceOrTab(b[rest]) {
                rest += 1
            } else {
                break
            }
        }
        guard rest < end else { return nil }
        let next = block.lastLine + 1
        guard next < document.source.lineCount, document.line(next).kind != .blank else { return nil }
        let at = document.source.lineStart(next)
        let prefix = Array(document.bytes[at..<document.line(next).contentStart])
        let lineBreak = document.source.hasLineBreak(block.lastLine)
            ? Array(document.bytes[document.source.contentEnd(block.lastLine)..<at]) : document.source.lineEnding.bytes
        // The next line's container prefix (`> `) stays on the blank line, so a quote goes on.
        let blank = [UInt8](repeating: 0x3E, count: prefix.count { $0 == 0x3E })
        return Edit(range: at..<at, replacement: blank + lineBreak)
    }

    /// Whether the marker lines form blocks of their own, between the block above and
    /// the block below (rather than sitting inside one of them).
    private func separatesBlocks(_ lines: ClosedRange<Int>) -> Bool {
        let above = document.line(lines.lowerBound - 1).block
        let below = document.line(lines.upperBound + 1).block
        return lines.allSatisfy { l in
            let b = document.line(l).block
            return b != above && b != below
        }
    }

    /// Removes a marker glued to text, with one of the blanks around it when both sides
    /// have one or when it ends the line.
    private func gluedEdit(_ k: Int) -> Edit {
        let b = document.bytes
        let m = markers[k]
        let textStart = document.line(m.line).contentStart
        let textEnd = document.source.contentEnd(m.line)
        var lo = m.range.lowerBound, hi = m.range.upperBound
        let blankBefore = lo > textStart && ByteClass.isSpaceOrTab(b[lo - 1])
        let blankAfter = hi < textEnd && ByteClass.isSpaceOrTab(b[hi])
        if hi == textEnd {
            // No trailing blanks: back to the text, or to the `>` or `-` of a container.
            let floor = document.source.lineStart(m.line)
            while lo > floor && ByteClass.isSpaceOrTab(b[lo - 1]) { lo -= 1 }
        } else if blankBefore && blankAfter {
            hi += 1
        }
        return .delete(lo..<hi)
    }
}
