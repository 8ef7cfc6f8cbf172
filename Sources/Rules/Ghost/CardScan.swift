import MarkdownScanner
import RuleEngine

/// Byte-level reading of card HTML in a document: a start tag's name and class, where an
/// element ends (across lines and blank lines, as a browser nests it, not as CommonMark
/// cuts HTML blocks), and the markers around it. Linear in the bytes it reads.
enum CardScan {
    /// A start tag at `i` (`<name …>`): its lower-cased name, its class attribute's value,
    /// and the offset after its `>`; nil when `i` holds no complete start tag.
    static func startTag(_ b: [UInt8], at i: Int, end: Int) -> (name: String, classes: String, end: Int)? {
        guard i + 1 < end, b[i] == 0x3C, ByteClass.isLetter(b[i + 1]) else { return nil }
        var j = i + 1
        var name: [UInt8] = []
        while j < end, ByteClass.isLetter(b[j]) || ByteClass.isDigit(b[j]) {
            name.append(b[j] | 0x20)
            j += 1
        }
        var classes = ""
        while j < end {
            let c = b[j]
            if c == 0x3E { return (String(decoding: name, as: UTF8.self), classes, j + 1) }
            if isSpace(c) || c == 0x2F {
                j += 1
                continue
            }
            // An attribute: name, then optionally `=` and a value.
            let nameStart = j
            while j < end, !isSpace(b[j]), b[j] != 0x3D, b[j] != 0x3E, !(b[j] == 0x2F && j + 1 < end && b[j + 1] == 0x3E) { j += 1 }
            let attribute = b[nameStart..<j]
            while j < end, isSpace(b[j]) { j += 1 }
            guard j < end, b[j] == 0x3D else { continue }
            j += 1
            while j < end, isSpace(b[j]) { j += 1 }
            guard j < end else { return nil }
            let valueStart: Int, valueEnd: Int
            if b[j] == 0x22 || b[j] == 0x27 {
                let q = b[j]
                valueStart = j + 1
                j += 1
                while j < end, b[j] != q { j += 1 }
                guard j < end else { return nil }
                valueEnd = j
                j += 1
            } else {
                valueStart = j
                while j < end, !isSpace(b[j]), b[j] != 0x3E { j += 1 }
                valueEnd = j
            }
            if attribute.count == 5, attribute.elementsEqual("class".utf8, by: { ($0 | 0x20) == $1 }) {
                classes = String(decoding: b[valueStart..<valueEnd], as: UTF8.self)
            }
        }
        return nil
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    /// The offset after the end tag that closes the `name` element whose start tag ends at
    /// `from` (elements of the same name nest), skipping comments, quoted attribute values
    /// and the text of `script`, `style` and `textarea`; nil when it never closes.
    static func elementEnd(_ b: [UInt8], name: String, from: Int, end: Int) -> Int? {
        let target = Array(name.utf8)
        var depth = 1
        var i = from
        while i < end {
            guard let lt = firstByte(0x3C, in: b, from: i, to: end) else { return nil }
            i = lt
            if matches(b, i, end, "<!--") {
                guard let close = find(b, "-->", from: i + 4, end: end) else { return nil }
                i = close + 3
                continue
            }
            let closing = i + 1 < end && b[i + 1] == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            var j = nameStart
            while j < end, ByteClass.isLetter(b[j]) || ByteClass.isDigit(b[j]) { j += 1 }
            if j == nameStart {
                i += 1
                continue
            }
            let same = j - nameStart == target.count && zip(b[nameStart..<j], target).allSatisfy { ($0.0 | 0x20) == $0.1 }
            if closing {
                guard let gt = firstByte(0x3E, in: b, from: j, to: end) else { return nil }
                i = gt + 1
                if same {
                    depth -= 1
                    if depth == 0 { return i }
                }
                continue
            }
            guard let tag = startTag(b, at: i, end: end) else { return nil }
            i = tag.end
            if same && b[tag.end - 2] != 0x2F { depth += 1 }
            if ["script", "style", "textarea"].contains(tag.name) {
                guard let close = findClosing(b, tag.name, from: i, end: end) else { return nil }
                i = close
            }
        }
        return nil
    }

    /// The offset of `</name` from `from`, case-insensitively.
    static func findClosing(_ b: [UInt8], _ name: String, from: Int, end: Int) -> Int? {
        let needle = Array(("</" + name).utf8)
        var i = from
        while let lt = firstByte(0x3C, in: b, from: i, to: end) {
            if lt + needle.count <= end, zip(b[lt..<(lt + needle.count)], needle).allSatisfy({ ($0.0 | 0x20) == ($0.1 | 0x20) }) { return lt }
            i = lt + 1
        }
        return nil
    }

    static func firstByte(_ c: UInt8, in b: [UInt8], from: Int, to end: Int) -> Int? {
        var i = from
        while i < end {
            if b[i] == c { return i }
            i += 1
        }
        return nil
    }

    static func matches(_ b: [UInt8], _ i: Int, _ end: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    static func find(_ b: [UInt8], _ s: StaticString, from: Int, end: Int) -> Int? {
        var i = from
        let first = s.utf8Start[0]
        while let k = firstByte(first, in: b, from: i, to: end) {
            if matches(b, k, end, s) { return k }
            i = k + 1
        }
        return nil
    }

    /// Offset after spaces and tabs (and line breaks when `lines`) from `i`.
    static func skipSpace(_ b: [UInt8], _ i: Int, _ end: Int, lines: Bool = false) -> Int {
        var i = i
        while i < end, b[i] == 0x20 || b[i] == 0x09 || (lines && (b[i] == 0x0A || b[i] == 0x0D)) { i += 1 }
        return i
    }

    /// A `<!--kg-card-begin: NAME-->` / end marker at `i` in any spelling the marker rule
    /// knows (comment form only), with the offset after it.
    static func marker(_ b: [UInt8], at i: Int, end: Int, line: Int) -> GhostMarker? {
        guard i < end, b[i] == 0x3C, let m = GhostMarker.delimited(b, at: i, end: end, line: line), m.form == .comment, m.role != .membersOnly
        else { return nil }
        return m
    }
}
