import FrontMatter
import MarkdownScanner

/// Runs the enabled rules over one file, and (in fix mode) applies fixes pass after
/// pass until nothing changes.
public struct Linter: Sendable {
    public static let maxPasses = 10

    public let session: Session
    public let configuration: Configuration
    /// Rule ids chosen on the command line (`--select`), nil for "as configured".
    public let select: Set<String>?
    public let ignore: Set<String>

    /// A rule that runs, with its configured severity and options.
    public struct ActiveRule: Sendable {
        public var rule: any Rule
        public var severity: Severity
        public var options: RuleOptions
        public var fix: FixSetting?
    }

    /// The rules that run, decided once per linter.
    public let activeRules: [ActiveRule]

    public init(session: Session, configuration: Configuration = .default,
                select: Set<String>? = nil, ignore: Set<String> = []) {
        self.session = session
        self.configuration = configuration
        self.select = select
        self.ignore = ignore
        activeRules = session.rules.compactMap { rule in
            let d = rule.descriptor
            let setting = configuration.setting(for: d.id)
            if ignore.contains(d.id) { return nil }
            // --select runs the rules it names even when the configuration turns them off.
            if let select {
                guard select.contains(d.id) else { return nil }
            } else if !(setting?.enabled ?? d.enabledByDefault) {
                return nil
            }
            return ActiveRule(rule: rule, severity: setting?.severity ?? d.defaultSeverity,
                              options: setting?.options ?? RuleOptions(), fix: setting?.fix)
        }
    }

    /// Whether a rule that runs may search the whole site for a file by name.
    public var searchesSite: Bool { activeRules.contains { $0.rule.descriptor.searchesSite } }

    /// All unsuppressed findings, sorted by position then rule id, each fix as the proof
    /// leaves it: as the rule made it, unsafe saying what changes, or withheld with why.
    public func check(_ document: Document) -> [Finding] {
        var findings = unproven(document)
        prove(&findings, in: document)
        return findings
    }

    /// Proves every fix that could be applied (not suggestions), as `fix` would apply them.
    /// `proof`: the document's, when a pass already made one (its renderings are reused).
    func prove(_ findings: inout [Finding], in document: Document, proof: FixProof? = nil) {
        var indices: [Int] = []
        for k in findings.indices {
            guard let applicability = findings[k].fix?.applicability, applicability != .suggestion,
                  findings[k].fix?.edits.isEmpty == false, findings[k].fix?.withheld == nil else { continue }
            indices.append(k)
        }
        guard !indices.isEmpty else { return }
        // The fixes move out of the findings and back (no copies).
        var fixes = indices.map { findings[$0].fix.take()! }
        FixSettlement(proof: proof ?? FixProof(document)).settle(&fixes)
        for i in indices.reversed() { findings[i].fix = fixes.removeLast() }
    }

    /// The rules' findings, suppressions applied, before any proof.
    func unproven(_ document: Document) -> [Finding] {
        let context = RuleContext(document: document, configuration: configuration)
        for active in activeRules {
            context.begin(active.rule.descriptor.id, severity: active.severity, options: active.options, fix: active.fix)
            active.rule.check(document, context)
        }
        var findings = context.takeFindings()
        if findings.isEmpty { return findings }
        let suppressions = Suppressions(document)
        var isSuppressed: [Bool] = []
        isSuppressed.reserveCapacity(findings.count)
        for k in findings.indices {
            isSuppressed.append(suppressions.suppresses(findings[k].ruleID, line: document.source.line(containing: findings[k].range.lowerBound)))
        }
        if isSuppressed.contains(true) {
            let suppressed = zip(findings, isSuppressed).filter(\.1).map(\.0)
            findings = zip(findings, isSuppressed).filter { !$0.1 }.map(\.0)
            // A fix that would also change suppressed text (a spacer group, a card's other
            // marker) is withheld, saying so.
            for k in findings.indices {
                guard let fix = findings[k].fix, fix.withheld == nil else { continue }
                if let kept = suppressed.first(where: { s in fix.edits.contains { $0.range.overlaps(s.range) } }) {
                    let line = document.source.line(containing: kept.range.lowerBound) + 1
                    findings[k].fix?.withheld = "would also change line \(line), where a galley-disable comment keeps `\(kept.ruleID)`'s finding"
                }
            }
        }
        findings.sort { ($0.range.lowerBound, $0.ruleID, $0.range.upperBound) < ($1.range.lowerBound, $1.ruleID, $1.range.upperBound) }
        Self.yield(&findings)
        return findings
    }

    /// A safe fix that removes another rule's ground (`Fix.removesGround`) becomes unsafe
    /// where that rule offers an unsafe fix over the same bytes: taken first by a safe
    /// pass, it would leave the other fix nothing to stand on (a card's markers removed,
    /// the card's conversion no longer finds the card), so `fix` followed by
    /// `fix --unsafe-fixes` would end elsewhere than `fix --unsafe-fixes` alone. A fix the
    /// user promoted to safe stays safe.
    static func yield(_ findings: inout [Finding]) {
        let yielding = findings.indices.filter {
            guard let fix = findings[$0].fix else { return false }
            return fix.removesGround != nil && fix.applicability == .safe && !fix.promoted
        }
        guard !yielding.isEmpty else { return }
        var others: [String: UnsafeEdits] = [:]
        for k in yielding {
            let rule = findings[k].ruleID
            if others[rule] == nil { others[rule] = UnsafeEdits(findings, besides: rule) }
            guard let fix = findings[k].fix, let ground = fix.removesGround,
                  let other = fix.edits.lazy.compactMap({ others[rule]!.finding(overlapping: $0) }).first else { continue }
            let changes = "waits for `\(findings[other].ruleID)`, whose fix needs \(ground)"
            findings[k].fix?.applicability = .unsafe
            findings[k].fix?.changes = changes
        }
    }

    /// The edits of the unsafe fixes of every rule but one, by start, each with the
    /// furthest end of those up to it: which of them an edit overlaps is a bisection, not a
    /// scan of every finding (a post of 20,000 cards has 40,000 markers).
    struct UnsafeEdits {
        private var edits: [(range: Range<Int>, finding: Int)] = []
        /// For each position, the index of the edit that reaches furthest among those up to it.
        private var furthest: [Int] = []

        init(_ findings: [Finding], besides rule: String) {
            for (k, f) in findings.enumerated() where f.ruleID != rule && f.fix?.applicability == .unsafe {
                for e in f.fix!.edits { edits.append((e.range, k)) }
            }
            edits.sort { $0.range.lowerBound < $1.range.lowerBound }
            for i in edits.indices {
                let best = furthest.last.map { edits[$0].range.upperBound >= edits[i].range.upperBound ? $0 : i } ?? i
                furthest.append(best)
            }
        }

        /// A finding with an edit that overlaps `edit`: of the edits starting before its end
        /// (at its point, for an insertion), the one reaching furthest overlaps it if any does.
        func finding(overlapping edit: Edit) -> Int? {
            let bound = edit.range.isEmpty ? edit.range.lowerBound + 1 : edit.range.upperBound
            let j = edits.partitionPoint { $0.range.lowerBound >= bound }
            guard j > 0 else { return nil }
            let u = edits[furthest[j - 1]]
            return Edit(range: u.range, replacement: []).overlaps(edit) ? u.finding : nil
        }
    }

    public func check(path: String, bytes: [UInt8]) -> [Finding] {
        check(Document(path: path, bytes: bytes, session: session))
    }

    public struct FixResult: Sendable {
        /// The bytes after fixing (equal to the input when nothing applied or fixing failed).
        public var bytes: [UInt8]
        /// Findings left in `bytes`.
        public var remaining: [Finding]
        /// Fixes applied over all passes.
        public var applied: Int
        public var passes: Int
        /// Why the fixes were dropped, when they were.
        public var failure: String?
        /// Each fix counted in `applied`: its rule and where its finding started, as a
        /// byte offset into the file as read (a later pass's position mapped back through
        /// the edits of the passes before it).
        public var appliedFixes: [AppliedFix] = []
    }

    public struct AppliedFix: Sendable, Hashable {
        public var ruleID: String
        public var offset: Int
    }

    /// Applies fixes up to `level` (and up to `unsafe` for the rules in `unsafeFor`) until
    /// the file is stable. On a cycle, on running out of passes, or when front matter
    /// stops parsing, nothing is changed and `failure` says why.
    public func fix(path: String, bytes original: [UInt8], upTo level: Applicability,
                    unsafeFor: Set<String> = []) -> FixResult {
        // Every pass's result, to see a cycle (a list, not a set: hashing a document takes
        // a call a byte, and there are ten passes at most).
        var seen: [[UInt8]] = [original]
        var applied = 0
        var records: [(pass: Int, rule: String, offset: Int)] = []
        var passEdits: [[Edit]] = []
        // The file as this pass reads it (its bytes are the fixes so far).
        var document = Document(path: path, bytes: original, session: session)
        let frontMatterParsed = Self.frontMatterParses(document)
        func done(_ remaining: [Finding], _ passes: Int) -> FixResult {
            var result = FixResult(bytes: document.bytes, remaining: remaining, applied: applied, passes: passes, failure: nil)
            result.appliedFixes = records.map { AppliedFix(ruleID: $0.rule, offset: Self.mapBack($0.offset, through: passEdits[..<$0.pass])) }
            return result
        }
        for pass in 1...Self.maxPasses {
            let findings = unproven(document)
            var candidates: [Fix] = []
            var owners: [[Edit]: [(rule: String, offset: Int)]] = [:]
            for f in findings {
                let allowed = unsafeFor.contains(f.ruleID)
                guard f.isFixable(upTo: allowed ? max(level, .unsafe) : level), var fix = f.fix else { continue }
                fix.unsafeAllowed = allowed && level < .unsafe
                candidates.append(fix)
                owners[fix.edits, default: []].append((f.ruleID, f.range.lowerBound))
            }
            if candidates.isEmpty { return done(proven(findings, document), pass) }
            // The proof decides, cluster by cluster, what this pass applies; a fix it
            // refuses with others waits for a later pass, and one it refuses alone stays.
            let proof = FixProof(document)
            let outcome = FixApplier.apply(FixSettlement(proof: proof).accepted(candidates, upTo: level), to: document.bytes)
            if ByteSearch.same(outcome.bytes, document.bytes) { return done(proven(findings, document, proof), pass) }
            // The next pass's document (its front matter parsed again only where it changed).
            let next = Document(path: path, bytes: outcome.bytes, session: session, earlier: document,
                                rendering: proof.rendering(of: outcome.bytes))
            if frontMatterParsed && !Self.frontMatterParses(next) {
                return failed(path, original, pass, "fixing would break the front matter; no fix was applied")
            }
            if seen.contains(where: { ByteSearch.same($0, outcome.bytes) }) {
                return failed(path, original, pass, "fixes do not converge (pass \(pass) repeats an earlier result); no fix was applied")
            }
            seen.append(outcome.bytes)
            for fix in outcome.counted {
                guard var queue = owners[fix.edits], !queue.isEmpty else { continue }
                let owner = queue.removeFirst()
                owners[fix.edits] = queue
                records.append((passEdits.count, owner.rule, owner.offset))
            }
            passEdits.append(outcome.taken.flatMap(\.edits).sorted { $0.range.lowerBound < $1.range.lowerBound })
            document = next
            applied += outcome.applied
        }
        let last = check(document)
        if last.contains(where: { $0.isFixable(upTo: unsafeFor.contains($0.ruleID) ? max(level, .unsafe) : level) }) {
            return failed(path, original, Self.maxPasses, "fixes did not settle after \(Self.maxPasses) passes; no fix was applied")
        }
        return done(last, Self.maxPasses)
    }

    /// An offset into the bytes after `passes` mapped back to the bytes before them: an
    /// offset inside a replacement goes to the start of the text it replaced.
    static func mapBack(_ offset: Int, through passes: ArraySlice<[Edit]>) -> Int {
        var offset = offset
        for edits in passes.reversed() {
            var delta = 0  // bytes added by the edits before `offset`, in the pass's output
            var mapped: Int?
            for edit in edits {
                let newStart = edit.range.lowerBound + delta
                let newEnd = newStart + edit.replacement.count
                if offset < newStart { break }
                if offset < newEnd || (offset == newStart && edit.replacement.isEmpty) {
                    mapped = edit.range.lowerBound
                    break
                }
                delta += edit.replacement.count - edit.range.count
            }
            offset = mapped ?? offset - delta
        }
        return offset
    }

    private func proven(_ findings: [Finding], _ document: Document, _ proof: FixProof? = nil) -> [Finding] {
        var findings = findings
        prove(&findings, in: document, proof: proof)
        return findings
    }

    private func failed(_ path: String, _ original: [UInt8], _ passes: Int, _ why: String) -> FixResult {
        FixResult(bytes: original, remaining: check(path: path, bytes: original), applied: 0, passes: passes, failure: why)
    }

    /// Whether the document's front matter parses (true without YAML front matter, or
    /// with front matter never closed, which is not parsed).
    static func frontMatterParses(_ document: Document) -> Bool {
        !(document.yaml?.hasSyntaxError ?? false)
    }
}
