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
                let edits = indices.map(gluedEdit)
                let safe = StructureCheck.preservesBlocks(document, applying: edits)
                for (k, edit) in zip(indices, edits) {
                    result[k] = Fix(title: "Remove the marker", edits: [edit], applicability: safe ? .safe : .unsafe)
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
        let blankAbove = hasAbove && document.line(first - 1).kind == .blank
        let blankBelow = hasBelow && document.line(last + 1).kind == .blank
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
            while lo > source.lineStart(first) && GhostMarker.isBlank(b[lo - 1]) { lo -= 1 }
            edit = .delete(lo..<source.contentEnd(last))
        } else {
            edit = LineRemoval.edit(removingLines: lines, in: source)
        }
        let safe = StructureCheck.preservesBlocks(document, applying: [edit])
        let title = lines.count == 1 ? "Remove the marker line" : "Remove the \(lines.count) marker lines"
        return Fix(title: title, edits: [edit], applicability: safe ? .safe : .unsafe)
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
        let blankBefore = lo > textStart && GhostMarker.isBlank(b[lo - 1])
        let blankAfter = hi < textEnd && GhostMarker.isBlank(b[hi])
        if hi == textEnd {
            // No trailing blanks: back to the text, or to the `>` or `-` of a container.
            let floor = document.source.lineStart(m.line)
            while lo > floor && GhostMarker.isBlank(b[lo - 1]) { lo -= 1 }
        } else if blankBefore && blankAfter {
            hi += 1
        }
        return .delete(lo..<hi)
    }
}
