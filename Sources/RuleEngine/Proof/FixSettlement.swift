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
        // The edits of the fixes taken that start where this one starts (fixes with the
        // same edits start at the same byte, and `order` keeps those together).
        var startingHere: [[Edit]] = []
        for k in order {
            let edits = fixes[k].edits
            if startingHere.first?.first?.range.lowerBound != edits[0].range.lowerBound { startingHere.removeAll(keepingCapacity: true) }
            // The same edits as a fix already taken (one fix shared by several findings)
            // share its verdict.
            guard !startingHere.contains(edits) else { continue }
            startingHere.append(edits)
            if !Edit.inOrderApart(edits)
                || edits.contains(where: taken.overlaps) {
                rest.append(k)
                continue
            }
            for edit in edits { taken.insert(edit) }
            // (The edits are in order and apart: the first starts first, the last ends last.)
            let (lines, window) = proof.windows(edits[0].range.lowerBound, edits[edits.count - 1].range.upperBound)
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
    /// cluster when the cluster passes, alone otherwise. The safe fixes are proven as plain
    /// `fix` takes them, among themselves (an unsafe card conversion beside them is not
    /// applied, so it does not make their cluster fail and each of them be proven alone);
    /// the others as `fix --unsafe-fixes` takes them, with every fix.
    func settle(_ fixes: inout [Fix]) {
        let safe = fixes.indices.filter { fixes[$0].applicability == .safe }
        guard !safe.isEmpty, safe.count < fixes.count else { return settle(&fixes, deciding: nil) }
        var safeFixes = safe.map { fixes[$0] }
        settle(&safeFixes, deciding: nil)
        let others = Set(fixes.indices).subtracting(safe)
        var all = fixes
        settle(&all, deciding: others)
        for (i, k) in safe.enumerated() { fixes[k] = safeFixes[i] }
        for k in others { fixes[k] = all[k] }
    }

    /// `settle`, with the verdicts that matter those of `deciding` (all when nil): the
    /// clusters without one of them are not proven, and only they are proven alone.
    private func settle(_ fixes: inout [Fix], deciding: Set<Int>?) {
        // Fixes with the same edits (one fix shared by several findings) share a verdict:
        // each fix's verdict is kept at the first fix with its edits.
        let shared = Self.firstWithTheSameEdits(fixes)
        // (A fix decides for every fix with its edits: their verdict is kept at one of them.)
        let decidingShared = deciding.map { Set($0.map { shared[$0] }) }
        let decides: (Int) -> Bool = { decidingShared?.contains(shared[$0]) ?? true }
        var (all, rest) = clusters(fixes)
        if deciding != nil {
            all = all.filter { $0.members.contains(where: decides) }
            rest = rest.filter(decides)
        }
        // The members of the clusters that failed, in order: those `fix` takes together
        // (the fixes in `rest` overlap others and wait for a later pass).
        var failed: [Int] = []
        var verdicts = [ProofVerdict?](repeating: nil, count: fixes.count)
        let same: (ProofVerdict, [Fix]) -> Bool = { verdict, _ in verdict == .same }
        let (whole, windowed) = provenWhole(all, fixes)
        let (open, clusters) = provenAfterOpen(windowed, fixes, passes: same)
        for k in whole + open { verdicts[shared[k]] = .same }
        for cluster in clusters {
            // As `accepted` takes them: a cluster that passes, then (those that fail)
            // their fixes proven on the whole document together, then the rest alone.
            // (A cluster with a card conversion is never `.same`: its members go alone.)
            let members = cluster.members.map { fixes[$0] }
            if proof.maybeSame(members), proof.prove(members) == .same {
                for m in cluster.members { verdicts[shared[m]] = .same }
                continue
            }
            failed += cluster.members.filter(decides)
        }
        // Alone, each fix after HTML left open costs a rendering of the whole document:
        // together first (the fixes of clusters that failed for one member).
        let readWhole = failed.filter { verdicts[shared[$0]] == nil && readsWhole([fixes[$0]]) }
        for k in provenTogether(readWhole.map { [$0] }, fixes, passes: same).passed { verdicts[shared[k]] = .same }
        for k in rest + failed where verdicts[shared[k]] == nil {
            verdicts[shared[k]] = proof.prove([fixes[k]])
        }
        for k in fixes.indices {
            if let verdict = verdicts[shared[k]] { Self.apply(verdict, to: &fixes[k]) }
        }
    }

    /// For each fix, the first fix (by index) with the same edits: found among the fixes
    /// whose first edit starts where its does, in order of that start (equal edits start
    /// alike; no array of edits is hashed).
    static func firstWithTheSameEdits(_ fixes: [Fix]) -> [Int] {
        func start(_ k: Int) -> Int { fixes[k].edits.first?.range.lowerBound ?? -1 }
        let order = fixes.indices.sorted { (start($0), $0) < (start($1), $1) }
        var first = Array(fixes.indices)
        var group = 0  // where the fixes of this start begin in `order`
        for (n, k) in order.enumerated() {
            if start(order[group]) != start(k) { group = n }
            if let same = order[group..<n].first(where: { fixes[$0].edits == fixes[k].edits }) { first[k] = first[same] }
        }
        return first
    }

    /// Fix mode: of `candidates` (fixable at `level`), those to apply in this pass. A
    /// cluster that fails is taken fix by fix, each kept when it passes with the ones
    /// kept before it; the others wait for a later pass. (Its fixes proven on the whole
    /// document, after HTML left open, are taken together across the clusters that
    /// failed, as in `provenTogether`, before the others are taken one by one.)
    ///
    /// When nothing is taken, the fixes that overlapped one the proof refused are taken in
    /// the same way among themselves: they have no later pass to wait for (a card's markers
    /// beside the card's conversion that the proof withholds), and check mode proves them
    /// alone, as applicable. Once: what they take lets the next pass go on, and a chain of
    /// overlapping fixes refused round after round would cost a proof of each per round.
    func accepted(_ candidates: [Fix], upTo level: Applicability) -> [Fix] {
        var (result, rest) = acceptedOnce(candidates, upTo: level)
        if result.isEmpty && !rest.isEmpty {
            result = acceptedOnce(rest.map { candidates[$0] }, upTo: level).taken
        }
        // Findings that share an accepted fix count as fixed with it.
        let acceptedEdits = Set(result.map(\.edits))
        var counted = Set<[Edit]>()
        for fix in candidates where acceptedEdits.contains(fix.edits) && !counted.insert(fix.edits).inserted {
            result.append(fix)
        }
        return result
    }

    /// One round of `accepted`: the fixes taken, and (indices) those that overlapped the
    /// fixes tried and so were not.
    private func acceptedOnce(_ candidates: [Fix], upTo level: Applicability) -> (taken: [Fix], rest: [Int]) {
        let (all, rest) = clusters(candidates)
        let passes: (ProofVerdict, [Fix]) -> Bool = { Self.accepts($0, $1, level) }
        let (whole, windowed) = provenWhole(all, candidates)
        let (open, clusters) = provenAfterOpen(windowed, candidates, passes: passes)
        var result = (whole + open).map { candidates[$0] }
        var failed: [Cluster] = []
        for cluster in clusters {
            let members = cluster.members.map { candidates[$0] }
            if passes(proof.prove(members), members) {
                result += members
            } else {
                failed.append(cluster)
            }
        }
        let readWhole = failed.flatMap { $0.members.filter { readsWhole([candidates[$0]]) } }
        let passedWhole = Set(provenTogether(readWhole.map { [$0] }, candidates, passes: passes).passed)
        let provenWholly = Set(readWhole)
        for cluster in failed {
            var kept = cluster.members.filter(passedWhole.contains).map { candidates[$0] }
            for k in cluster.members where !provenWholly.contains(k) {
                let fix = candidates[k]
                if passes(proof.prove(kept + [fix]), kept + [fix]) { kept.append(fix) }
            }
            result += kept
        }
        return (result, rest)
    }

    /// Whether the proof of `fixes` together renders the whole document: their window
    /// (`window`, or the one of their edits) starts after HTML left open
    /// (`FixProof.openFrom`) and none converts a card (a card is read in its window as
    /// Ghost served it).
    private func readsWhole(_ fixes: [Fix], window: Range<Int>? = nil) -> Bool {
        guard proof.openFrom != Int.max, !fixes.contains(where: { $0.promise.contains(.convertsCard) }) else { return false }
        let edits = fixes.flatMap(\.edits)
        guard let first = edits.map(\.range.lowerBound).min(), let end = edits.map(\.range.upperBound).max() else { return false }
        return (window ?? proof.window(first, end)).lowerBound > proof.openFrom
    }

    /// The clusters whose windows start after HTML left open (`FixProof.openFrom`), which
    /// one by one would each cost a rendering of the whole document, proven together
    /// (`provenTogether`); those that fail alone are left with the others.
    private func provenAfterOpen(_ clusters: [Cluster], _ fixes: [Fix],
                                 passes: (ProofVerdict, [Fix]) -> Bool) -> (passed: [Int], left: [Cluster]) {
        guard !clusters.isEmpty, proof.openFrom != Int.max else { return ([], clusters) }
        var open: [Cluster] = [], left: [Cluster] = []
        for c in clusters {
            if readsWhole(c.members.map { fixes[$0] }, window: c.window) {
                open.append(c)
            } else {
                left.append(c)
            }
        }
        let (passed, failed) = provenTogether(open.map(\.members), fixes, passes: passes)
        let failedUnits = Set(failed)
        return (passed, left + open.filter { failedUnits.contains($0.members) })
    }

    /// Units of fixes (indices), each proven on the whole document: all together first,
    /// then half by half, so a unit the proof refuses costs a logarithmic number of
    /// renderings instead of every unit one. Halves proven apart are proven once more
    /// together; where that fails, the units that passed are taken one by one, each with
    /// the ones taken before it. `passes`: whether a verdict lets fixes go together.
    /// Returns the fixes of the units that pass (all applied together, they pass) and the
    /// units that do not.
    private func provenTogether(_ units: [[Int]], _ all: [Fix],
                                passes: (ProofVerdict, [Fix]) -> Bool) -> (passed: [Int], failed: [[Int]]) {
        guard !units.isEmpty else { return ([], []) }
        var passed: [[Int]] = [], failed: [[Int]] = []
        func bisect(_ group: ArraySlice<[Int]>) {
            let fixes = group.joined().map { all[$0] }
            if passes(proof.prove(fixes), fixes) {
                passed += group
            } else if group.count == 1 {
                failed += group
            } else {
                let middle = group.startIndex + group.count / 2
                bisect(group[..<middle])
                bisect(group[middle...])
            }
        }
        // Units of the same promise only, so that one fix's promise never excuses what
        // another does (a group is proven with what its fixes promise together).
        var byPromise: [FixPromise: [[Int]]] = [:], promises: [FixPromise] = []
        for unit in units {
            let promise = FixProof.promise(of: unit.map { all[$0] })
            if byPromise[promise] == nil { promises.append(promise) }
            byPromise[promise, default: []].append(unit)
        }
        for promise in promises { bisect(byPromise[promise]![...]) }
        guard passed.count > 1, !failed.isEmpty || promises.count > 1 else { return (passed.flatMap { $0 }, failed) }
        // In order, as they would be applied.
        passed.sort { $0.min()! < $1.min()! }
        let together = passed.joined().map { all[$0] }
        if passes(proof.prove(together), together) { return (passed.flatMap { $0 }, failed) }
        var kept: [Int] = []
        for unit in passed {
            let fixes = (kept + unit).map { all[$0] }
            if passes(proof.prove(fixes), fixes) { kept += unit } else { failed.append(unit) }
        }
        return (kept, failed)
    }

    /// What the rendered bytes alone can prove (`FixProof.decidedByBytes`).
    private static let byBytes: FixPromise = [.nbspBecomesSpace, .removesComments, .removesEmptyBlocks, .changesEmphasis,
                                               .removesStrayDelimiters, .changesImageTargets]

    /// The fast path: the members of the clusters whose fixes a rule made safe and the
    /// bytes can prove, proven together on the whole document (`FixProof.sameWhole`);
    /// when they read the same, every one of them passes, as `fix` would apply them all.
    /// The clusters left (all of them, when the whole document does not read the same)
    /// go to the windows.
    private func provenWhole(_ clusters: [Cluster], _ fixes: [Fix]) -> (passed: [Int], left: [Cluster]) {
        func eligible(_ c: Cluster) -> Bool {
            c.members.allSatisfy { fixes[$0].applicability == .safe && Self.byBytes.isSuperset(of: fixes[$0].promise) }
        }
        var other: [Cluster] = [], members: [Int] = []
        for c in clusters {
            if eligible(c) { members += c.members } else { other.append(c) }
        }
        guard !members.isEmpty, proof.sameWhole(members.map { fixes[$0] }) else { return ([], clusters) }
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
