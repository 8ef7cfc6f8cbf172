import RuleEngine

/// A card's begin and end markers go together or not at all. Fixed one at a time, the
/// proof may accept one and withhold the other (the end marker of
/// `<!--kg-card-begin: html-->[![x](…)](…)<!--kg-card-end: html-->` is an invisible
/// comment; without the begin marker the line would stop being HTML), and what is left is
/// a begin marker that is never closed, which no later pass can pair again and which
/// `ghost-card` no longer sees as a card. So the markers of a pair, and every marker that
/// shares a fix with one of them (a run of marker lines removed as one), carry one fix of
/// all their edits: the proof accepts or withholds the whole.
///
/// Only for a pair at most `joinedSpan` lines apart (a one-line card, a three-line hr or
/// html card): the proof renders a fix's blocks from its first edit to its last, and a
/// long card's pair proven as one, beside every fix inside the card, cost a rendering of
/// the card per fix (a 42 KB post of long Markdown cards went from 0.03 s to 0.8 s). A long
/// card's markers keep their own fixes; where the card's conversion needs them they wait
/// for it all the same (`Fix.removesGround`), so `fix` keeps both.
extension GhostMarkerFixes {
    static let joinedSpan = 2

    func joiningPairs(_ fixes: [Fix?], markerOnly: Set<Int>) -> [Fix?] {
        guard !pairs.isEmpty else { return fixes }
        var fixes = fixes
        var sets = DisjointSets(fixes.count)
        var grounded = Set<Fix>()
        for (b, e) in pairs {
            if markers[e].line - markers[b].line <= Self.joinedSpan {
                sets.join(b, e)
            } else if namesItsCard(b) {
                for m in [b, e] { if let fix = fixes[m] { grounded.insert(fix) } }
            }
        }
        // Every marker that shares such a fix waits with it (a marker line in a run with
        // the card's end marker goes with that line's fix, whoever reports it).
        if !grounded.isEmpty {
            for k in fixes.indices where fixes[k].map(grounded.contains) == true { fixes[k]!.removesGround = Self.ground }
        }
        // The markers of one run of marker lines (or of one cluster on a line) share a fix.
        var firstWithFix: [Fix: Int] = [:]
        for (k, fix) in fixes.enumerated() {
            guard let fix else { continue }
            if let j = firstWithFix[fix] { sets.join(j, k) } else { firstWithFix[fix] = k }
        }
        var members: [Int: [Int]] = [:]
        for k in fixes.indices { members[sets.root(k), default: []].append(k) }
        var result = fixes
        for group in members.values where group.count > 1 {
            guard let joined = joined(group, fixes, markerOnly) else { continue }
            for k in group { result[k] = joined }
        }
        return result
    }

    /// One fix for the markers of `group`, or nil when they have one fix already, when
    /// one of them has none, when their fixes promise different things (one promise for
    /// the whole would let a comment marker's removal change what only a JSX or bare
    /// marker's may: `*text*` in an HTML block becoming emphasis), or when their edits
    /// cannot go together. Marker lines of the group with only blank lines between them
    /// are removed as one run (each run's own fix would keep a blank line for the other's
    /// sake: `A\n\nbegin\n\nend` must lose both blank lines below `A`, not one); a marker
    /// glued to text keeps its own edits.
    private func joined(_ group: [Int], _ fixes: [Fix?], _ markerOnly: Set<Int>) -> Fix? {
        var distinct: [Fix] = []
        for k in group {
            guard let fix = fixes[k] else { return nil }
            if !distinct.contains(fix) { distinct.append(fix) }
        }
        guard distinct.count > 1, distinct.allSatisfy({ $0.promise == distinct[0].promise }) else { return nil }
        var edits: [Edit] = []
        var lines: [Int] = []
        for k in group {
            let line = markers[k].line
            if markerOnly.contains(line) {
                if lines.last != line { lines.append(line) }
            } else {
                edits += fixes[k]!.edits
            }
        }
        for run in runs(lines) { edits += split(groupFix(run).edits, at: lines.filter(run.contains)) }
        guard let edits = Self.merged(edits, in: document.bytes) else { return nil }
        let title = group.count == 2 ? "Remove the card's two markers" : "Remove these \(group.count) markers together"
        var fix = Fix(title: title, edits: edits, applicability: .safe, promise: distinct[0].promise)
        if group.contains(where: { markers[$0].role == .begin && namesItsCard($0) }) { fix.removesGround = Self.ground }
        return fix
    }

    static let ground = "the card's markers"

    /// Whether the card the begin marker `k` opens is a card only by its markers.
    private func namesItsCard(_ k: Int) -> Bool {
        Self.namesTheCard.contains(markers[k].name) && !opensClassedCard(markers[k])
    }

    /// The cards that only their markers make cards: an `hr` card is an `<hr>`, a code
    /// card a `<pre>`, an html card of Markdown text, a markdown card of rendered HTML
    /// just HTML, once the markers are gone. `ghost-card` and `ghost-rendered-markdown`
    /// find them by their markers; a pair of these waits for their conversion
    /// (`Fix.removesGround`). Image, gallery, bookmark and the other cards carry their
    /// `kg-…-card` class and are found without markers.
    static let namesTheCard: Set<String> = ["hr", "code", "html", "markdown", "card-markdown"]

    /// Whether the element after a begin marker (on its line or the next) is a card that
    /// its `kg-card` class names, which its conversion finds without the markers.
    private func opensClassedCard(_ marker: GhostMarker) -> Bool {
        let b = document.bytes
        var i = CardScan.skipSpace(b, marker.range.upperBound, b.count, lines: true)
        while let m = CardScan.marker(b, at: i, end: b.count, line: marker.line), m.role == .begin {
            i = CardScan.skipSpace(b, m.range.upperBound, b.count, lines: true)
        }
        guard let tag = CardScan.startTag(b, at: i, end: min(b.count, i + 4096)) else { return false }
        return tag.classes.split(separator: " ").contains("kg-card")
    }

    /// Sorted marker lines as runs: lines next to each other, or apart by blank lines only,
    /// are one run, unless removing that run would take a list item or a quote with it.
    private func runs(_ lines: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for line in lines {
            if let last = runs.last, ((last.upperBound + 1)..<line).allSatisfy({ document.line($0).kind == .blank }),
               !ContainerGuard.removingDropsContainer(document, lines: last.lowerBound...line) {
                runs[runs.count - 1] = last.lowerBound...line
            } else {
                runs.append(line...line)
            }
        }
        return runs
    }

    /// A run's deletion cut where each of its marker lines starts: the proof lets each
    /// edit lose one run of text (a bare marker's paragraph), and a run of three marker
    /// lines is three such removals, not one.
    private func split(_ edits: [Edit], at lines: [Int]) -> [Edit] {
        edits.flatMap { edit -> [Edit] in
            guard edit.replacement.isEmpty else { return [edit] }
            var pieces: [Edit] = []
            var lo = edit.range.lowerBound
            for line in lines {
                let cut = document.source.lineStart(line)
                guard cut > lo && cut < edit.range.upperBound else { continue }
                pieces.append(.delete(lo..<cut))
                lo = cut
            }
            return pieces + [.delete(lo..<edit.range.upperBound)]
        }
    }

    /// The edits in order, each once. Two markers' edits can meet: a deletion ending where
    /// the next starts stays as it is, a blank line inserted where a deleted run of lines
    /// begins goes in front of that deletion's replacement (and is dropped where the
    /// deletion empties a line that stays, a blank line already), and overlapping
    /// deletions become one. Anything else (two different insertions at one point, an
    /// insertion inside a deletion) has no one meaning: nil.
    static func merged(_ edits: [Edit], in b: [UInt8]) -> [Edit]? {
        let sorted = Set(edits).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var out: [Edit] = []
        for edit in sorted {
            guard let last = out.last, last.overlaps(edit) else {
                out.append(edit)
                continue
            }
            if last.range.isEmpty && !edit.range.isEmpty && last.range.lowerBound == edit.range.lowerBound {
                let end = edit.range.upperBound
                let emptiesALine = edit.replacement.isEmpty && (end == b.count || b[end] == 0x0A || b[end] == 0x0D)
                    && last.replacement.allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x3E }
                out[out.count - 1] = emptiesALine ? edit : Edit(range: edit.range, replacement: last.replacement + edit.replacement)
            } else if !last.range.isEmpty && !edit.range.isEmpty && last.replacement.isEmpty && edit.replacement.isEmpty {
                out[out.count - 1] = .delete(last.range.lowerBound..<max(last.range.upperBound, edit.range.upperBound))
            } else {
                return nil
            }
        }
        return Edit.inOrderApart(out) ? out : nil
    }
}

/// Union–find over marker indices (path halving), so a post with thousands of markers
/// stays linear.
private struct DisjointSets {
    private var parent: [Int]
    init(_ count: Int) { parent = Array(0..<count) }

    mutating func root(_ k: Int) -> Int {
        var k = k
        while parent[k] != k {
            parent[k] = parent[parent[k]]
            k = parent[k]
        }
        return k
    }

    mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
