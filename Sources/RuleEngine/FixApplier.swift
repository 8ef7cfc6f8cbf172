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
        let (taken, counted, edits) = take(fixes)
        return Outcome(bytes: edited(bytes, edits), applied: counted.count, taken: taken.map { fixes[$0] },
                       counted: counted.map { fixes[$0] })
    }

    /// The bytes `apply` makes and how many fixes it takes, without copies of the fixes.
    static func applied(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], taken: Int) {
        let (taken, _, edits) = take(fixes)
        return (edited(bytes, edits), taken.count)
    }

    /// Which fixes `apply` takes (indices, in the order taken), which it counts as applied,
    /// and their edits.
    private static func take(_ fixes: [Fix]) -> (taken: [Int], counted: [Int], edits: SortedEdits) {
        let ordered = fixes.indices.filter { !fixes[$0].edits.isEmpty }.sorted {
            let a = fixes[$0].edits[0].range, b = fixes[$1].edits[0].range
            return (a.lowerBound, a.upperBound, $0) < (b.lowerBound, b.upperBound, $1)
        }
        var taken = SortedEdits()
        var takenFixes: [Int] = [], counted: [Int] = []
        for k in ordered {
            let edits = fixes[k].edits
            // A fix whose own edits overlap is malformed: it is never applied.
            if !Edit.inOrderApart(edits) {
                continue
            }
            if edits.allSatisfy(taken.contains) {
                counted.append(k)
                continue
            }
            if edits.contains(where: taken.overlaps) { continue }
            for edit in edits { taken.insert(edit) }
            takenFixes.append(k)
            counted.append(k)
        }
        return (takenFixes, counted, taken)
    }

    private static func edited(_ bytes: [UInt8], _ taken: SortedEdits) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken.edits {
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return out
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
