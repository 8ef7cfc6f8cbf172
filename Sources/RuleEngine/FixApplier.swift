/// Applies fixes to bytes: fixes are taken in order of their first edit; a fix that
/// overlaps one already taken waits for the next pass (the linter re-scans and asks
/// again). A fix identical to one already taken counts as applied.
public enum FixApplier {
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// How many fixes were applied (identical duplicates included).
        public var applied: Int
        /// The fixes whose edits were applied (each edit once).
        public var taken: [Fix]
        /// Every fix counted in `applied`, in the order taken (identical duplicates included).
        public var counted: [Fix] = []
    }

    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        let ordered = fixes.filter { !$0.edits.isEmpty }.sorted {
            ($0.edits[0].range.lowerBound, $0.edits[0].range.upperBound) < ($1.edits[0].range.lowerBound, $1.edits[0].range.upperBound)
        }
        var taken = SortedEdits()
        var applied = 0
        var takenFixes: [Fix] = []
        var counted: [Fix] = []
        for fix in ordered {
            // A fix whose own edits overlap is malformed: it is never applied.
            if !Edit.inOrderApart(fix.edits) {
                continue
            }
            if fix.edits.allSatisfy(taken.contains) {
                applied += 1
                counted.append(fix)
                continue
            }
            if fix.edits.contains(where: taken.overlaps) { continue }
            for edit in fix.edits { taken.insert(edit) }
            takenFixes.append(fix)
            applied += 1
            counted.append(fix)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken.edits {
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return Outcome(bytes: out, applied: applied, taken: takenFixes, counted: counted)
    }
}

/// Accepted edits sorted by start, so a new edit is checked against its neighbours only.
struct SortedEdits {
    private(set) var edits: [Edit] = []

    /// The index of the first edit that starts at or after `offset`.
    private func firstIndex(startingAtOrAfter offset: Int) -> Int {
        edits.partitionPoint { $0.range.lowerBound >= offset }
    }

    func overlaps(_ edit: Edit) -> Bool {
        let i = firstIndex(startingAtOrAfter: edit.range.lowerBound)
        // Accepted edits never overlap each other, so only the neighbours can overlap.
        if i > 0 && edits[i - 1].overlaps(edit) { return true }
        var k = i
        while k < edits.count && edits[k].range.lowerBound <= edit.range.upperBound {
            if edits[k].overlaps(edit) { return true }
            k += 1
        }
        return false
    }

    /// Whether this very edit (range and replacement) is among them.
    func contains(_ edit: Edit) -> Bool {
        var k = firstIndex(startingAtOrAfter: edit.range.lowerBound)
        while k < edits.count && edits[k].range.lowerBound == edit.range.lowerBound {
            if edits[k] == edit { return true }
            k += 1
        }
        return false
    }

    mutating func insert(_ edit: Edit) {
        edits.insert(edit, at: firstIndex(startingAtOrAfter: edit.range.lowerBound))
    }
}
