/// Applies fixes to bytes: fixes are taken in order of their first edit; a fix that
/// overlaps one already taken waits for the next pass (the linter re-scans and asks
/// again). A fix identical to one already taken counts as applied.
public enum FixApplier {
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// How many fixes were applied (identical duplicates included).
        public var applied: Int
    }

    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        let ordered = fixes.filter { !$0.edits.isEmpty }.sorted {
            ($0.edits[0].range.lowerBound, $0.edits[0].range.upperBound) < ($1.edits[0].range.lowerBound, $1.edits[0].range.upperBound)
        }
        var taken: [Edit] = []
        var takenSet = Set<Edit>()
        var applied = 0
        for fix in ordered {
            if fix.edits.allSatisfy(takenSet.contains) {
                applied += 1
                continue
            }
            if fix.edits.contains(where: { e in taken.contains { $0.overlaps(e) } }) { continue }
            taken.append(contentsOf: fix.edits)
            takenSet.formUnion(fix.edits)
            applied += 1
        }
        taken.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken {
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return Outcome(bytes: out, applied: applied)
    }
}
