import MarkdownScanner
import RuleEngine

/// A finding with its positions, ready to print in any format.
struct ReportedFinding: Sendable {
    var finding: Finding
    var start: SourceLocation
    /// One past the last character of the flagged text (a range that ends with a line
    /// break ends after the last character of its line).
    var end: SourceLocation
    /// FNV-1a hash of the flagged line's text (without its line break).
    var lineHash: UInt64
    /// How many earlier findings of the same rule in this file sit on a line with the same text.
    var occurrence: Int
    /// Start and end of each edit of the fix, in the same order as `finding.fix.edits`.
    var editLocations: [(start: SourceLocation, end: SourceLocation)] = []

    /// Locates findings sorted by position in one pass over the text.
    static func locate(_ findings: [Finding], in source: SourceText) -> [ReportedFinding] {
        var starts = LocationCursor(source)
        var ends = LocationCursor(source)
        var edits = LocationCursor(source)
        var hashedLine = -1
        var hash: UInt64 = 0
        struct Key: Hashable {
            var rule: String
            var hash: UInt64
        }
        var seen: [Key: Int] = [:]
        /// The count before this one, counted (one lookup of the key, not two).
        func counted(_ n: inout Int) -> Int {
            defer { n += 1 }
            return n
        }
        func end(_ range: Range<Int>, _ cursor: inout LocationCursor) -> SourceLocation {
            var target = range.upperBound
            if target > range.lowerBound, target <= source.bytes.count,
               source.bytes[target - 1] == 0x0A || source.bytes[target - 1] == 0x0D {
                target -= 1  // the cursor clamps an offset in a line break to the end of the line's text
            }
            return cursor.location(of: target)
        }
        return findings.map { f in
            let line = source.line(containing: f.range.lowerBound)
            if line != hashedLine {
                hashedLine = line
                hash = LineHash.fnv1a(source.bytes[source.lineStart(line)..<source.contentEnd(line)])
            }
            let occurrence = counted(&seen[Key(rule: f.ruleID, hash: hash), default: 0])
            var r = ReportedFinding(finding: f, start: starts.location(of: f.range.lowerBound),
                                    end: end(f.range, &ends), lineHash: hash, occurrence: occurrence)
            if let fix = f.fix {
                // Exact positions: an edit that takes a line break ends at column 1 of the next line.
                r.editLocations = fix.edits.map { (edits.location(of: $0.range.lowerBound), edits.location(of: $0.range.upperBound)) }
            }
            return r
        }
    }
}

/// What happened to one file.
struct FileReport: Sendable {
    var path: String
    var findings: [ReportedFinding] = []
    /// Set when the file could not be checked or written; it was not modified.
    var error: String?
    /// Fixes applied (fix mode), or that would be applied (diff mode).
    var fixesApplied = 0
    /// `fix --diff`: the file's unified diff.
    var diff: [UInt8]?
    var notes: [String] = []
    /// Findings left out because the baseline has them.
    var baselined = 0
    /// `fix --stdin`: the document to write to standard output.
    var output: [UInt8]?
    /// `fix --report`: what was done to the file.
    var change: FileChange?
}

/// What `fix` did to one file, for `--report`.
struct FileChange: Sendable {
    var sha256Before: String
    var sha256After: String?
    /// Fixes applied: rule, line in the file as read, how many.
    var fixes: [(rule: String, line: Int, count: Int)] = []
    /// Where the original was kept (`--backup`), and whether a backup already there was kept instead.
    var backup: String?
    var backupKept = false
}

/// A stable 64-bit hash of a line's bytes (FNV-1a), for baselines and SARIF fingerprints.
enum LineHash {
    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 { FNV1a.hash(bytes) }

    static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
