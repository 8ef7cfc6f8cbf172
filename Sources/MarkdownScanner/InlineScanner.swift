/// A range inside prose that rules must treat as not-prose.
public struct InlineSpan: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case codeSpan, autolink, rawHTML, linkDestination
        /// The quoted title of an inline link or image: rendered text, not a URL.
        case linkTitle
    }
    public var kind: Kind
    public var range: Range<Int>
}

/// The protected inline ranges of a whole document, sorted by start.
public struct InlineIndex: Sendable {
    public let spans: [InlineSpan]

    public init(spans: [InlineSpan]) { self.spans = spans }

    /// The first span that ends after `offset` (for a forward cursor over a line).
    public func firstIndex(endingAfter offset: Int) -> Int {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The span holding `offset`, if any.
    public func span(containing offset: Int) -> InlineSpan? {
        let i = firstIndex(endingAfter: offset)
        return i < spans.count && spans[i].range.contains(offset) ? spans[i] : nil
    }

    /// Whether any span overlaps `range`.
    public func overlaps(_ range: Range<Int>) -> Bool {
        let i = firstIndex(endingAfter: range.lowerBound)
        return i < spans.count && spans[i].range.lowerBound < range.upperBound
    }
}

/// Finds code spans, autolinks, raw inline HTML and link destinations in every block
/// with inline content. The lines of a block are joined (with `\n`) into one buffer,
/// since spans cross lines; offsets are mapped back to the file.
public enum InlineScanner {
    public static func scan(_ text: SourceText, _ blocks: BlockScan) -> InlineIndex {
        var spans: [InlineSpan] = []
        var buffer: [UInt8] = []
        var pieces: [(virtual: Int, file: Int)] = []
        for block in blocks.blocks where block.kind.hasInlines {
            buffer.removeAll(keepingCapacity: true)
            pieces.removeAll(keepingCapacity: true)
            for line in block.firstLine...block.lastLine {
                let info = blocks.lines[line]
                if info.kind == .setextUnderline { continue }
                var start = info.contentStart
                let end = text.contentEnd(line)
                while start < end && ByteClass.isSpaceOrTab(text.bytes[start]) { start += 1 }
                if !buffer.isEmpty { buffer.append(0x0A) }
                pieces.append((buffer.count, start))
                buffer.append(contentsOf: text.bytes[start..<end])
            }
            var parser = InlineParser(v: buffer)
            let found = parser.run()
            for span in found {
                spans.append(InlineSpan(kind: span.kind,
                                        range: map(span.range.lowerBound, pieces)..<map(span.range.upperBound, pieces)))
            }
        }
        return InlineIndex(spans: spans)
    }

    private static func map(_ v: Int, _ pieces: [(virtual: Int, file: Int)]) -> Int {
        var lo = 0, hi = pieces.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pieces[mid].virtual <= v { lo = mid } else { hi = mid - 1 }
        }
        return pieces[lo].file + (v - pieces[lo].virtual)
    }
}

/// The inline pass over one block's joined text.
struct InlineParser {
    let v: [UInt8]
    var spans: [InlineSpan] = []
    /// Backtick runs (start, length), and a cursor into them.
    var runs: [(start: Int, length: Int)] = []
    var runCursor = 0
    /// Run lengths known to have no closer further on.
    var unmatchedLengths = Set<Int>()
    /// Unescaped `[` not yet closed: a `](` without one is not a link. (Which brackets
    /// really form links, with reference definitions, comes with the CommonMark-exact scanner.)
    var openBrackets = 0

    init(v: [UInt8]) { self.v = v }

    mutating func run() -> [InlineSpan] {
        collectBacktickRuns()
        let n = v.count
        var i = 0
        while i < n {
            switch v[i] {
            case 0x5C:  // backslash
                i += (i + 1 < n && ByteClass.isASCIIPunctuation(v[i + 1])) ? 2 : 1
            case 0x60:  // backtick
                i = codeSpan(at: i)
            case 0x3C:  // <
                if let e = autolink(at: i) {
                    spans.append(InlineSpan(kind: .autolink, range: i..<e))
                    i = e
                } else if let e = HTMLSyntax.inline(v, at: i, end: n) {
                    spans.append(InlineSpan(kind: .rawHTML, range: i..<e))
                    i = e
                } else {
                    i += 1
                }
            case 0x5B:  // [
                openBrackets += 1
                i += 1
            case 0x5D where openBrackets == 0:
                i += 1
            case 0x5D where i + 1 < n && v[i + 1] == 0x28:  // ]( closing an open [
                openBrackets -= 1
                if let tail = linkTail(at: i + 1) {
                    if let title = tail.title {
                        spans.append(InlineSpan(kind: .linkDestination, range: (i + 1)..<title.lowerBound))
                        spans.append(InlineSpan(kind: .linkTitle, range: title))
                    } else {
                        spans.append(InlineSpan(kind: .linkDestination, range: (i + 1)..<tail.end))
                    }
                    i = tail.end
                } else {
                    i += 1
                }
            case 0x5D:
                openBrackets -= 1
                i += 1
            default:
                i += 1
            }
        }
        return spans
    }

    mutating func collectBacktickRuns() {
        var i = 0
        while i < v.count {
            if v[i] == 0x60 {
                let s = i
                while i < v.count && v[i] == 0x60 { i += 1 }
                runs.append((s, i - s))
            } else {
                i += 1
            }
        }
    }

    /// At a backtick run: returns where scanning continues, recording a code span when
    /// a closing run of the same length exists.
    mutating func codeSpan(at i: Int) -> Int {
        while runCursor < runs.count && runs[runCursor].start + runs[runCursor].length <= i { runCursor += 1 }
        // An escaped first backtick was skipped by the caller, so the run may start inside.
        let runEnd = runs[runCursor].start + runs[runCursor].length
        let length = runEnd - i
        if !unmatchedLengths.contains(length) {
            var k = runCursor + 1
            while k < runs.count {
                if runs[k].length == length {
                    let end = runs[k].start + length
                    spans.append(InlineSpan(kind: .codeSpan, range: i..<end))
                    runCursor = k + 1
                    return end
                }
                k += 1
            }
            unmatchedLengths.insert(length)
        }
        return runEnd
    }

    func autolink(at i: Int) -> Int? {
        let n = v.count
        var j = i + 1
        // URI autolink: scheme of 2...32 characters, then no spaces, `<` or `>`.
        if j < n && ByteClass.isLetter(v[j]) {
            var k = j + 1
            while k < n && (ByteClass.isAlnum(v[k]) || v[k] == 0x2B || v[k] == 0x2E || v[k] == 0x2D) { k += 1 }
            if k - j >= 2 && k - j <= 32 && k < n && v[k] == 0x3A {
                k += 1
                while k < n && v[k] > 0x20 && v[k] != 0x3C && v[k] != 0x3E { k += 1 }
                if k < n && v[k] == 0x3E { return k + 1 }
            }
        }
        // Email autolink.
        let local = j
        while j < n && (ByteClass.isAlnum(v[j]) || isEmailLocal(v[j])) { j += 1 }
        guard j > local, j < n, v[j] == 0x40 else { return nil }
        j += 1
        var labelLength = 0
        while j < n {
            let c = v[j]
            if ByteClass.isAlnum(c) || (c == 0x2D && labelLength > 0) {
                labelLength += 1
                guard labelLength <= 63 else { return nil }
            } else if c == 0x2E && labelLength > 0 && v[j - 1] != 0x2D {
                labelLength = 0
            } else if c == 0x3E && labelLength > 0 && v[j - 1] != 0x2D {
                return j + 1
            } else {
                return nil
            }
            j += 1
        }
        return nil
    }

    private func isEmailLocal(_ c: UInt8) -> Bool {
        switch c {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60,
             0x7B, 0x7C, 0x7D, 0x7E, 0x2D: return true
        default: return false
        }
    }

    /// `(destination "title")` starting at `(`: the offset after `)` and the title's range.
    func linkTail(at open: Int) -> (end: Int, title: Range<Int>?)? {
        let n = v.count
        var j = skipSpace(open + 1)
        if j < n && v[j] == 0x3C {
            j += 1
            while j < n && v[j] != 0x3E && v[j] != 0x0A && v[j] != 0x3C {
                if v[j] == 0x5C { j += 1 }
                j += 1
            }
            guard j < n, v[j] == 0x3E else { return nil }
            j += 1
        } else {
            var depth = 0
            while j < n && v[j] > 0x20 {
                if v[j] == 0x5C && j + 1 < n && ByteClass.isASCIIPunctuation(v[j + 1]) {
                    j += 2
                    continue
                }
                if v[j] == 0x28 { depth += 1 } else if v[j] == 0x29 {
                    if depth == 0 { break }
                    depth -= 1
                }
                j += 1
            }
            guard depth == 0 else { return nil }
        }
        let afterDest = j
        j = skipSpace(j)
        var title: Range<Int>?
        if j > afterDest, j < n, v[j] == 0x22 || v[j] == 0x27 || v[j] == 0x28 {
            guard let titleEnd = InlineSyntax.titleEnd(v, at: j, end: n) else { return nil }
            title = j..<titleEnd
            j = skipSpace(titleEnd)
        }
        return j < n && v[j] == 0x29 ? (j + 1, title) : nil
    }

    private func skipSpace(_ from: Int) -> Int {
        var j = from
        while j < v.count && ByteClass.isWhitespace(v[j]) { j += 1 }
        return j
    }
}
