/// How the linter uses the proof: fixes that do not overlap are proven together, a
/// cluster at a time (the fixes whose blocks touch), and one by one only where a
/// cluster fails, so the cost follows the edits, not the file.
struct FixSettlement {
    let proof: FixProof

    /// A cluster: the fixes (indices into the caller's list) whose windows touch.
    /// `lines` covers their core windows (the blocks they edit), `window` what their
    /// proofs render (a neighbour block on each side).
    struct Cluster {
        var members: [Int]
        var lines: Range<Int>
        var window: Range<Int>
    }

    /// The fixes taken as `FixApplier` takes them (non-overlapping, in order), in
    /// clusters; the indices of the others come back in `rest`.
    func clusters(_ fixes: [Fix]) -> (clusters: [Cluster], rest: [Int]) {
        // A card conversion goes before the fixes that start where it does (the marker
        // rule's removal of the card's own begin marker): it takes the markers with it.
        func key(_ k: Int) -> (Int, Int, Int, Int) {
            (fixes[k].edits[0].range.lowerBound, fixes[k].promise.contains(.convertsCard) ? 0 : 1, fixes[k].edits[0].range.upperBound, k)
        }
        let order = fixes.indices.filter { !fixes[$0].edits.isEmpty }.sorted { key($0) < key($1) }
        var taken = SortedEdits()
        var result: [Cluster] = []
        var rest: [Int] = []
        var seen = Set<[Edit]>()
        for k in order {
            let edits = fixes[k].edits
            // The same edits as a fix already taken (one fix shared by several findings)
            // share its verdict.
            guard seen.insert(edits).inserted else { continue }
            if zip(edits, edits.dropFirst()).contains(where: { $0.overlaps($1) || $0.range.upperBound > $1.range.lowerBound })
                || edits.contains(where: taken.overlaps) {
                rest.append(k)
                continue
            }
            for edit in edits { taken.insert(edit) }
            let first = edits.map(\.range.lowerBound).min()!, end = edits.map(\.range.upperBound).max()!
            let lines = proof.coreWindow(first, end), window = proof.window(first, end)
            // Fixes interact when the blocks one edits are among those the other's proof
            // reads as its unchanged neighbour (a card that becomes a list, then a marker
            // line removed before indented code the list would take in): proven together.
            if let last = result.indices.last,
               result[last].lines.upperBound >= lines.lowerBound
                || result[last].window.upperBound > lines.lowerBound
                || window.lowerBound < result[last].lines.upperBound {
                result[last].members.append(k)
                result[last].lines = result[last].lines.lowerBound..<max(result[last].lines.upperBound, lines.upperBound)
                result[last].window = min(result[last].window.lowerBound, window.lowerBound)..<max(result[last].window.upperBound, window.upperBound)
            } else {
                result.append(Cluster(members: [k], lines: lines, window: window))
            }
        }
        return (result, rest)
    }

    /// Check mode: every fix gets the verdict on it as `fix` would apply it: with its
    /// cluster when the cluster passes, alone otherwise.
    func settle(_ fixes: inout [Fix]) {
        let (all, rest) = clusters(fixes)
        var alone = rest
        var verdicts: [[Edit]: ProofVerdict] = [:]
        let (whole, clusters) = provenWhole(all) { fixes[$0] }
        for k in whole { verdicts[fixes[k].edits] = .same }
        for cluster in clusters {
            let members = cluster.members.map { fixes[$0] }
            if cluster.members.count > 1, proof.prove(members) == .same {
                for m in members { verdicts[m.edits] = .same }
                continue
            }
            alone += cluster.members
        }
        for k in alone where verdicts[fixes[k].edits] == nil {
            verdicts[fixes[k].edits] = proof.prove([fixes[k]])
        }
        for k in fixes.indices {
            if let verdict = verdicts[fixes[k].edits] { Self.apply(verdict, to: &fixes[k]) }
        }
    }

    /// Fix mode: of `candidates` (fixable at `level`), those to apply in this pass. A
    /// cluster that fails is taken fix by fix, each kept when it passes with the ones
    /// kept before it; the others wait for a later pass.
    func accepted(_ candidates: [Fix], upTo level: Applicability) -> [Fix] {
        let (all, _) = clusters(candidates)
        let (whole, clusters) = provenWhole(all) { candidates[$0] }
        var result = whole.map { candidates[$0] }
        for cluster in clusters {
            let members = cluster.members.map { candidates[$0] }
            if Self.accepts(proof.prove(members), members, level) {
                result += members
                continue
            }
            var kept: [Fix] = []
            for fix in members where Self.accepts(proof.prove(kept + [fix]), kept + [fix], level) {
                kept.append(fix)
            }
            result += kept
        }
        // Findings that share an accepted fix count as fixed with it.
        let acceptedEdits = Set(result.map(\.edits))
        var counted = Set<[Edit]>()
        for fix in candidates where acceptedEdits.contains(fix.edits) && !counted.insert(fix.edits).inserted {
            result.append(fix)
        }
        return result
    }

    /// What the rendered bytes alone can prove (`FixProof.decidedByBytes`).
    private static let byBytes: FixPromise = [.nbspBecomesSpace, .removesComments, .removesEmptyBlocks]

    /// The fast path: the members of the clusters whose fixes a rule made safe and the
    /// bytes can prove, proven together on the whole document (`FixProof.sameWhole`);
    /// when they read the same, every one of them passes, as `fix` would apply them all.
    /// The clusters left (all of them, when the whole document does not read the same)
    /// go to the windows.
    private func provenWhole(_ clusters: [Cluster], _ fix: (Int) -> Fix) -> (passed: [Int], left: [Cluster]) {
        func eligible(_ c: Cluster) -> Bool {
            c.members.allSatisfy { fix($0).applicability == .safe && Self.byBytes.isSuperset(of: fix($0).promise) }
        }
        var other: [Cluster] = [], members: [Int] = []
        for c in clusters {
            if eligible(c) { members += c.members } else { other.append(c) }
        }
        guard !members.isEmpty, proof.sameWhole(members.map(fix)) else { return ([], clusters) }
        return (members, other)
    }

    /// Whether fixes with this verdict may be applied together at `level`.
    static func accepts(_ verdict: ProofVerdict, _ fixes: [Fix], _ level: Applicability) -> Bool {
        switch verdict {
        case .same: true
        case .readerSame: level >= .unsafe || fixes.allSatisfy { $0.promoted || $0.unsafeAllowed }
        case .broken: false
        }
    }

    /// A fix as its verdict leaves it: withheld with the reason, or unsafe saying what
    /// changes (unless the user promoted it), or as the rule made it.
    static func apply(_ verdict: ProofVerdict, to fix: inout Fix) {
        switch verdict {
        case .same: break
        case let .readerSame(change):
            fix.changes = change
            if fix.applicability == .safe && !fix.promoted { fix.applicability = .unsafe }
        case let .broken(why):
            fix.withheld = why
        }
    }
}
