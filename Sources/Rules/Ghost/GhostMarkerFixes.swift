import MarkdownScanner
import RuleEngine

/// The fix of each marker. A line holding only markers goes with its line break; runs of
/// such lines are handled together so that no two blank lines, and no blank line at the
/// start or end of the file, are left, and two blocks the marker separated stay apart.
/// A marker glued to text loses only its own characters. Every fix is checked against
/// the block structure and offered as unsafe when it would change it.
struct GhostMarkerFixes {
    let document: Document
    let markers: [GhostMarker]

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
                let distinct = edits.reduce(into: [Edit]()) { if $0.last != $1 { $0.append($1) } }
                let safe = StructureCheck.preservesBlocks(document, applying: distinct)
                    && !gluedRemovalChangesInlines(indices, distinct)
                for (k, edit) in zip(indices, edits) {
                    result[k] = Fix(title: "Remove the marker", edits: [edit], applicability: safe ? .safe : .unsafe, promise: .removesComments)
                }
            }
        }
        return result
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

    private func groupFix(_ lines: ClosedRange<Int>) -> Fix {
        let source = document.source
        let first = lines.lowerBound, last = lines.upperBound
        let hasAbove = first > 0, hasBelow = last + 1 < source.lineCount
        let blankAbove = hasAbove && ContainerGuard.isBlankSibling(document, first - 1, of: first)
        let blankBelow = hasBelow && ContainerGuard.isBlankSibling(document, last + 1, of: last)
        let edit: Edit
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
        } else {
            edit = LineRemoval.edit(removingLines: lines, in: source)
        }
        let safe = StructureCheck.preservesBlocks(document, applying: [edit]) && !insideLongerParagraph(lines)
        let title = lines.count == 1 ? "Remove the marker line" : "Remove the \(lines.count) marker lines"
        return Fix(title: title, edits: [edit], applicability: safe ? .safe : .unsafe, promise: .removesComments)
    }

    /// Marker lines that are lines of a longer paragraph (bare or JSX markers, which are
    /// text): the paragraph's line breaks, hard breaks and emphasis may depend on them.
    private func insideLongerParagraph(_ lines: ClosedRange<Int>) -> Bool {
        lines.contains { l in
            guard let block = document.blocks.block(ofLine: l), block.kind == .paragraph else { return false }
            return block.firstLine < lines.lowerBound || block.lastLine > lines.upperBound
        }
    }

    /// Whether removing glued markers could change inline structure: a backtick next to
    /// the removed text (two backtick runs would join), a backslash before it (the marker
    /// was escaped, so it is visible text), a `*` or `_` next to it (flanking changes), or
    /// a JSX marker in a paragraph with other `*` or `_` (the marker's own `*` can pair
    /// with them as emphasis).
    private func gluedRemovalChangesInlines(_ indices: [Int], _ edits: [Edit]) -> Bool {
        let b = document.bytes
        for edit in edits {
            let lo = edit.range.lowerBound, hi = edit.range.upperBound
            if (lo > 0 && (b[lo - 1] == 0x60 || b[lo - 1] == 0x5C)) || (hi < b.count && b[hi] == 0x60) { return true }
            // `*d<!--m-->*s`: the delimiters' neighbours change, and with them emphasis.
            if (lo > 0 && (b[lo - 1] == 0x2A || b[lo - 1] == 0x5F)) || (hi < b.count && (b[hi] == 0x2A || b[hi] == 0x5F)) {
                return true
            }
            // In prose, text joined across the removed marker can form new syntax
            // (`[a]<!--m-->(/u)` a link, `&<!--m-->nbsp;` an entity) when either side is
            // punctuation; letters meeting letters show as they did.
            let line = document.source.line(containing: lo)
            let before = lo > document.line(line).contentStart ? b[lo - 1] : 0x20
            let after = hi < document.source.contentEnd(line) ? b[hi] : 0x20
            if document.line(line).kind != .html && !ByteClass.isSpaceOrTab(before) && !ByteClass.isSpaceOrTab(after)
                && (ByteClass.isASCIIPunctuation(before) || ByteClass.isASCIIPunctuation(after)) {
                return true
            }
            // `# Title #<!--m-->`, `# # <!--m--> `: a `#` by the removed text (blanks aside)
            // in a heading could become a closing sequence.
            if document.line(line).kind == .atxHeading {
                var k = lo
                while k > document.line(line).contentStart && ByteClass.isSpaceOrTab(b[k - 1]) { k -= 1 }
                var m = hi
                while m < document.source.contentEnd(line) && ByteClass.isSpaceOrTab(b[m]) { m += 1 }
                if (k > document.line(line).contentStart && b[k - 1] == 0x23) || (m < document.source.contentEnd(line) && b[m] == 0x23) {
                    return true
                }
            }
        }
        for k in indices where markers[k].form == .jsx {
            guard let block = document.blocks.block(ofLine: markers[k].line) else { continue }
            let text = document.source.lineStart(block.firstLine)..<document.source.lineEnd(block.lastLine)
            let ownStars = markers.filter { $0.line >= block.firstLine && $0.line <= block.lastLine && $0.form == .jsx }.count * 2
            let stars = b[text].filter { $0 == 0x2A || $0 == 0x5F }.count
            if stars > ownStars { return true }
        }
        return false
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
