import Testing
@testable import GalleyCLI

// Expected outputs below were produced once with GNU `diff -u` (diffutils),
// run as `diff -u --label a/f.md --label b/f.md old new`.

struct DiffCase: Sendable, CustomTestStringConvertible {
    var name: String
    var old: String
    var new: String
    var context = 3
    var expected: [String]

    var testDescription: String { name }
}

/// "line 1\nline 2\n…line n\n" with the given terminator.
private func numbered(_ n: Int, terminator: String = "\n") -> String {
    (1...n).map { "line \($0)\(terminator)" }.joined()
}

private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
    UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldName: "a/f.md", newName: "b/f.md", context: context)
}

/// Joins expected diff lines, each followed by "\n".
private func text(_ lines: [String]) -> String {
    lines.map { $0 + "\n" }.joined()
}

private let diffUCases: [DiffCase] = [
    // middle
    DiffCase(
        name: "middle",
        old: numbered(10),
        new: numbered(10).replacing("line 5\n", with: "line five\n"),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -2,7 +2,7 @@",
            " line 2",
            " line 3",
            " line 4",
            "-line 5",
            "+line five",
            " line 6",
            " line 7",
            " line 8",
        ]
    ),
    // insertStart
    DiffCase(
        name: "insertStart",
        old: numbered(5),
        new: "new first\n" + numbered(5),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +1,4 @@",
            "+new first",
            " line 1",
            " line 2",
            " line 3",
        ]
    ),
    // insertEnd
    DiffCase(
        name: "insertEnd",
        old: numbered(5),
        new: numbered(5) + "new last\nnewer last\n",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -3,3 +3,5 @@",
            " line 3",
            " line 4",
            " line 5",
            "+new last",
            "+newer last",
        ]
    ),
    // deleteAll
    DiffCase(
        name: "deleteAll",
        old: "a\nb\nc\n",
        new: "",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +0,0 @@",
            "-a",
            "-b",
            "-c",
        ]
    ),
    // fromEmpty
    DiffCase(
        name: "fromEmpty",
        old: "",
        new: "a\nb\n",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -0,0 +1,2 @@",
            "+a",
            "+b",
        ]
    ),
    // noEOLOld
    DiffCase(
        name: "noEOLOld",
        old: "a\nb\nc",
        new: "a\nb\nc\n",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +1,3 @@",
            " a",
            " b",
            "-c",
            "\\ No newline at end of file",
            "+c",
        ]
    ),
    // noEOLNew
    DiffCase(
        name: "noEOLNew",
        old: "a\nb\nc\n",
        new: "a\nb\nc",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +1,3 @@",
            " a",
            " b",
            "-c",
            "+c",
            "\\ No newline at end of file",
        ]
    ),
    // noEOLBothChanged
    DiffCase(
        name: "noEOLBothChanged",
        old: "a\nb\nc",
        new: "a\nb\nd",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +1,3 @@",
            " a",
            " b",
            "-c",
            "\\ No newline at end of file",
            "+d",
            "\\ No newline at end of file",
        ]
    ),
    // noEOLContext
    DiffCase(
        name: "noEOLContext",
        old: "a\nb\nc\nd",
        new: "a\nB\nc\nd",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,4 +1,4 @@",
            " a",
            "-b",
            "+B",
            " c",
            " d",
            "\\ No newline at end of file",
        ]
    ),
    // twoHunks
    DiffCase(
        name: "twoHunks",
        old: numbered(20),
        new: numbered(20).replacing("line 2\n", with: "line two\n").replacing("line 18\n", with: "line eighteen\n"),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,5 +1,5 @@",
            " line 1",
            "-line 2",
            "+line two",
            " line 3",
            " line 4",
            " line 5",
            "@@ -15,6 +15,6 @@",
            " line 15",
            " line 16",
            " line 17",
            "-line 18",
            "+line eighteen",
            " line 19",
            " line 20",
        ]
    ),
    // merged
    DiffCase(
        name: "merged",
        old: numbered(20),
        new: numbered(20).replacing("line 5\n", with: "line five\n").replacing("line 11\n", with: ""),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -2,13 +2,12 @@",
            " line 2",
            " line 3",
            " line 4",
            "-line 5",
            "+line five",
            " line 6",
            " line 7",
            " line 8",
            " line 9",
            " line 10",
            "-line 11",
            " line 12",
            " line 13",
            " line 14",
        ]
    ),
    // gap6
    DiffCase(
        name: "gap6",
        old: numbered(20),
        new: numbered(20).replacing("line 4\n", with: "x\n").replacing("line 11\n", with: "y\n"),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,14 +1,14 @@",
            " line 1",
            " line 2",
            " line 3",
            "-line 4",
            "+x",
            " line 5",
            " line 6",
            " line 7",
            " line 8",
            " line 9",
            " line 10",
            "-line 11",
            "+y",
            " line 12",
            " line 13",
            " line 14",
        ]
    ),
    // gap7
    DiffCase(
        name: "gap7",
        old: numbered(20),
        new: numbered(20).replacing("line 4\n", with: "x\n").replacing("line 12\n", with: "y\n"),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,7 +1,7 @@",
            " line 1",
            " line 2",
            " line 3",
            "-line 4",
            "+x",
            " line 5",
            " line 6",
            " line 7",
            "@@ -9,7 +9,7 @@",
            " line 9",
            " line 10",
            " line 11",
            "-line 12",
            "+y",
            " line 13",
            " line 14",
            " line 15",
        ]
    ),
    // crlf
    DiffCase(
        name: "crlf",
        old: numbered(6, terminator: "\r\n"),
        new: numbered(6, terminator: "\r\n").replacing("line 3\r\n", with: "line III\r\n"),
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,6 +1,6 @@",
            " line 1\r",
            " line 2\r",
            "-line 3\r",
            "+line III\r",
            " line 4\r",
            " line 5\r",
            " line 6\r",
        ]
    ),
    // crlfToLf
    DiffCase(
        name: "crlfToLf",
        old: "a\r\nb\r\nc\r\n",
        new: "a\r\nb\nc\r\n",
        expected: [
            "--- a/f.md",
            "+++ b/f.md",
            "@@ -1,3 +1,3 @@",
            " a\r",
            "-b\r",
            "+b",
            " c\r",
        ]
    ),
    // diff -U0 / -U1
    DiffCase(
        name: "U0 change",
        old: numbered(10),
        new: numbered(10).replacing("line 5\n", with: "line five\n"),
        context: 0,
        expected: ["--- a/f.md", "+++ b/f.md", "@@ -5 +5 @@", "-line 5", "+line five"]
    ),
    DiffCase(
        name: "U0 pure insertion",
        old: numbered(10),
        new: numbered(10).replacing("line 5\n", with: "line 5\nins\n"),
        context: 0,
        expected: ["--- a/f.md", "+++ b/f.md", "@@ -5,0 +6 @@", "+ins"]
    ),
    DiffCase(
        name: "U0 pure deletion",
        old: numbered(10),
        new: numbered(10).replacing("line 5\n", with: ""),
        context: 0,
        expected: ["--- a/f.md", "+++ b/f.md", "@@ -5 +4,0 @@", "-line 5"]
    ),
    DiffCase(
        name: "U0 deletion of first line",
        old: numbered(10),
        new: numbered(10).replacing("line 1\n", with: ""),
        context: 0,
        expected: ["--- a/f.md", "+++ b/f.md", "@@ -1 +0,0 @@", "-line 1"]
    ),
    DiffCase(
        name: "U1 merged",
        old: numbered(10),
        new: numbered(10).replacing("line 5\n", with: "line five\n").replacing("line 8\n", with: "line eight\n"),
        context: 1,
        expected: [
            "--- a/f.md", "+++ b/f.md", "@@ -4,6 +4,6 @@",
            " line 4", "-line 5", "+line five", " line 6", " line 7", "-line 8", "+line eight", " line 9",
        ]
    ),
]

@Test("matches diff -u", arguments: diffUCases)
func matchesDiffU(_ c: DiffCase) {
    let got = diff(c.old, c.new, context: c.context)
    let want = text(c.expected)
    #expect(got == want)
    #expect(got.utf8.elementsEqual(want.utf8))
}

@Test func identicalInputsGiveEmptyOutput() {
    #expect(diff("", "") == "")
    #expect(diff("a\nb\n", "a\nb\n") == "")
    #expect(diff("a\r\nb", "a\r\nb") == "")
}

@Test func namesAreUsedAsGiven() {
    let out = UnifiedDiff.make(old: Array("x\n".utf8), new: Array("y\n".utf8), oldName: "docs/a.md", newName: "docs/a.md (fixed)")
    #expect(out == "--- docs/a.md\n+++ docs/a.md (fixed)\n@@ -1 +1 @@\n-x\n+y\n")
}

@Test func loneCarriageReturnEndsALine() {
    #expect(UnifiedDiff.splitLines(Array("a\rb\r\nc\nd".utf8)) == [0..<2, 2..<5, 5..<7, 7..<8])
    #expect(UnifiedDiff.splitLines(Array("\r\r\n\n".utf8)) == [0..<1, 1..<3, 3..<4])
    #expect(UnifiedDiff.splitLines([]) == [])
    // The CR is kept and the diff line still ends with LF.
    #expect(diff("a\rb\rc\r", "a\rB\rc\r") == "--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n")
}

@Test func terminatorChangesAreChanges() {
    #expect(diff("a\r\n", "a\r") == "--- a/f.md\n+++ b/f.md\n@@ -1 +1 @@\n-a\r\n+a\r\n")
    #expect(diff("a\r", "a") == "--- a/f.md\n+++ b/f.md\n@@ -1 +1 @@\n-a\r\n+a\n\\ No newline at end of file\n")
}

@Test func hugeContextShowsWholeFile() {
    let out = diff("a\nb\nc\n", "a\nB\nc\n", context: Int.max)
    #expect(out == "--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    #expect(diff("a\nb\nc\n", "a\nB\nc\n", context: -5) == diff("a\nb\nc\n", "a\nB\nc\n", context: 0))
}

@Test func largeFileWithFewChanges() {
    let old = numbered(10_000)
    let new = old
        .replacing("line 10\n", with: "ten\n")
        .replacing("line 5000\n", with: "")
        .replacing("line 9990\n", with: "line 9990\ninserted\n")
    let out = diff(old, new)
    let headers = out.split(separator: "\n").filter { $0.hasPrefix("@@") }
    // From diff -u.
    #expect(headers == ["@@ -7,7 +7,7 @@", "@@ -4997,7 +4997,6 @@", "@@ -9988,6 +9987,7 @@"])
    // Headers, hunk headers, then 3 + 2 + 3, 3 + 1 + 3 and 3 + 1 + 3 body lines.
    #expect(out.split(separator: "\n").count == 2 + 3 + 8 + 7 + 7)
}

@Test func completelyDifferentFiles() {
    let old = (0..<2_000).map { "old \($0)\n" }.joined()
    let new = (0..<2_000).map { "new \($0)\n" }.joined()
    let lines = diff(old, new).split(separator: "\n")
    #expect(lines[2] == "@@ -1,2000 +1,2000 @@")
    #expect(lines.filter { $0.hasPrefix("-") }.count == 2_001)  // + the "---" header
    #expect(lines.filter { $0.hasPrefix("+") }.count == 2_001)
}

// MARK: - Property test: the diff applies back and is minimal

private struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}

/// Applies a unified diff produced by `UnifiedDiff` (no lone-CR lines) to `old`.
private func apply(_ patch: [UInt8], to old: [UInt8]) -> [UInt8]? {
    let oldLines = UnifiedDiff.splitLines(old).map { Array(old[$0]) }
    let lines = patch.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map(Array.init)
    let noEOL = Array("\\ No newline at end of file".utf8)
    var out: [UInt8] = []
    var cursor = 0  // next old line to copy
    var i = 2       // skip the two header lines
    while i < lines.count {
        let header = String(decoding: lines[i], as: UTF8.self)
        guard header.hasPrefix("@@ -") else { return nil }
        let oldRange = header.dropFirst(4).prefix { $0 != " " }
        let parts = oldRange.split(separator: ",")
        guard let start = Int(parts[0]) else { return nil }
        let count = parts.count > 1 ? Int(parts[1])! : 1
        let firstOld = count == 0 ? start : start - 1
        guard firstOld >= cursor else { return nil }
        while cursor < firstOld { out += oldLines[cursor]; cursor += 1 }
        i += 1
        while i < lines.count, let prefix = lines[i].first, prefix != UInt8(ascii: "@") {
            var body = Array(lines[i].dropFirst())
            if i + 1 < lines.count && lines[i + 1] == noEOL {
                i += 1
            } else {
                body.append(UInt8(ascii: "\n"))
            }
            switch prefix {
            case UInt8(ascii: " "):
                guard cursor < oldLines.count, oldLines[cursor] == body else { return nil }
                out += body
                cursor += 1
            case UInt8(ascii: "-"):
                guard cursor < oldLines.count, oldLines[cursor] == body else { return nil }
                cursor += 1
            case UInt8(ascii: "+"):
                out += body
            default:
                return nil
            }
            i += 1
        }
    }
    while cursor < oldLines.count { out += oldLines[cursor]; cursor += 1 }
    return out
}

private func lcsLength(_ a: [[UInt8]], _ b: [[UInt8]]) -> Int {
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for x in a {
        for j in 0..<b.count {
            current[j + 1] = x == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

@Test func randomDiffsApplyAndAreMinimal() {
    var rng = SplitMix(state: 0x5EED)
    let alphabet = ["a\n", "b\n", "c\n", "a\r\n", "d\n"]
    func randomFile() -> [UInt8] {
        var s = ""
        for _ in 0..<rng.next(16) { s += alphabet[rng.next(alphabet.count)] }
        if rng.next(4) == 0 { s += ["a", "z"][rng.next(2)] }
        return Array(s.utf8)
    }
    for _ in 0..<3_000 {
        let old = randomFile(), new = randomFile()
        let context = rng.next(4)
        let patch = Array(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b", context: context).utf8)
        if old == new {
            #expect(patch.isEmpty)
            continue
        }
        let applied = apply(patch, to: old)
        #expect(applied == new, "old: \(old) new: \(new) context: \(context)")

        let oldLines = UnifiedDiff.splitLines(old).map { Array(old[$0]) }
        let newLines = UnifiedDiff.splitLines(new).map { Array(new[$0]) }
        let changes = patch.split(separator: UInt8(ascii: "\n")).dropFirst(2)
            .filter { $0.first == UInt8(ascii: "-") || $0.first == UInt8(ascii: "+") }.count
        #expect(changes == oldLines.count + newLines.count - 2 * lcsLength(oldLines, newLines))
    }
}
