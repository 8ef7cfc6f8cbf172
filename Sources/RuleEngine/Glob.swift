/// A compiled gitignore-style glob for matching relative, `/`-separated paths,
/// as used by `exclude` lists.
///
/// Semantics:
/// - `*` matches any run of characters except `/`; `?` matches exactly one
///   character (one Unicode scalar) except `/`.
/// - `[abc]`, `[a-z]`, `[!a]` / `[^a]` are character classes (a `]` right after
///   the opening `[` or `[!` is a member; an unterminated `[` is a literal).
/// - `\x` matches `x` literally.
/// - `**` as a whole path component matches zero or more components
///   (`docs/**/*.md`, `**/drafts`); a trailing `/**` matches everything inside
///   the directory but not the directory itself. `**` inside a component
///   (`a**b`) behaves like `*`.
/// - A pattern without a `/` (other than a trailing one) matches at any depth
///   (`*.tmp.md` matches `a/b/x.tmp.md`). A pattern with a leading or inner `/`
///   is anchored to the root (`/drafts`, `drafts/x`).
/// - A pattern that matches a directory also matches everything beneath it
///   (`drafts` matches `drafts/a.md` and `x/drafts/a.md`). A pattern with a
///   trailing `/` matches only directories, i.e. only paths *beneath* the
///   matched component (or the path itself if it ends in `/`).
/// - A leading `./` is ignored, in both the pattern and the path; repeated
///   slashes are treated as one.
///
/// Matching works on UTF-8 bytes; each component uses linear-space two-pointer
/// star backtracking (O(pattern × text) worst case) and `**` is handled by a
/// set-of-positions sweep (O(components²) worst case), so there is no
/// exponential blow-up.
public struct Glob: Sendable {
    /// The pattern as written.
    public let pattern: String

    private let segments: [Segment]
    private let directoryOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var bytes = Array(pattern.utf8)[...]

        // Leading "./" (possibly repeated) is ignored.
        while bytes.count >= 2, bytes[bytes.startIndex] == Glob.dot,
              bytes[bytes.startIndex + 1] == Glob.slash {
            bytes = bytes.dropFirst(2)
            while bytes.first == Glob.slash { bytes = bytes.dropFirst() }
        }
        var anchored = false
        while bytes.first == Glob.slash {
            anchored = true
            bytes = bytes.dropFirst()
        }
        var dirOnly = false
        while bytes.last == Glob.slash {
            dirOnly = true
            bytes = bytes.dropLast()
        }

        var segs: [Segment] = []
        for component in bytes.split(separator: Glob.slash, omittingEmptySubsequences: true) {
            segs.append(Glob.compileSegment(component))
        }
        if segs.count > 1 { anchored = true }
        if !anchored && !segs.isEmpty { segs.insert(.globstar, at: 0) }

        self.segments = segs
        self.directoryOnly = dirOnly
    }

    /// Whether `path` (relative, `/`-separated) is matched by this glob: either
    /// the path itself, or one of its ancestor directories.
    public func matches(_ path: String) -> Bool {
        if segments.isEmpty { return false }
        var path = path
        return path.withUTF8 { matches(utf8: $0) }
    }

    // MARK: - Implementation

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let backslash = UInt8(ascii: "\\")
    private static let bang = UInt8(ascii: "!")
    private static let caret = UInt8(ascii: "^")
    private static let dash = UInt8(ascii: "-")

    private enum Segment: Sendable {
        /// `**` as a whole component.
        case globstar
        /// A component without wildcards, compared byte for byte.
        case literal([UInt8])
        case wildcard([Token])
    }

    private enum Token: Sendable {
        case byte(UInt8)
        /// `?`
        case any
        /// `*` (runs are collapsed)
        case star
        case set(CharSet)
    }

    private struct CharSet: Sendable {
        var negated: Bool
        /// Inclusive scalar-value ranges.
        var ranges: [ClosedRange<UInt32>]

        func contains(_ scalar: UInt32) -> Bool {
            var found = false
            for r in ranges where r.contains(scalar) {
                found = true
                break
            }
            return found != negated
        }
    }

    /// Length of the UTF-8 sequence introduced by `lead`.
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return lead < 0xC0 ? 1 : 2 }  // stray continuation byte: 1
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar starting at `i` (never reading at or past `end`).
    @inline(__always)
    private static func decode<C: Collection<UInt8>>(_ b: C, _ i: C.Index, _ end: C.Index) -> (value: UInt32, next: C.Index) where C.Index == Int {
        let lead = b[i]
        let len = min(scalarLength(lead), end - i)
        if len == 1 { return (UInt32(lead), i + 1) }
        var v: UInt32
        switch len {
        case 2: v = UInt32(lead & 0x1F)
        case 3: v = UInt32(lead & 0x0F)
        default: v = UInt32(lead & 0x07)
        }
        var j = i + 1
        while j < i + len {
            v = (v << 6) | UInt32(b[j] & 0x3F)
            j += 1
        }
        return (v, i + len)
    }

    private static func compileSegment(_ c: ArraySlice<UInt8>) -> Segment {
        if c.count == 2 && c[c.startIndex] == star && c[c.startIndex + 1] == star {
            return .globstar
        }
        var tokens: [Token] = []
        var hasWildcard = false
        var i = c.startIndex
        let end = c.endIndex
        while i < end {
            let b = c[i]
            switch b {
            case star:
                hasWildcard = true
                if case .star? = tokens.last {} else { tokens.append(.star) }
                i += 1
            case question:
                hasWildcard = true
                tokens.append(.any)
                i += 1
            case backslash:
                if i + 1 < end {
                    tokens.append(.byte(c[i + 1]))
                    i += 2
                } else {
                    tokens.append(.byte(b))
                    i += 1
                }
            case openBracket:
                if let (set, next) = parseSet(c, from: i) {
                    hasWildcard = true
                    tokens.append(.set(set))
                    i = next
                } else {
                    tokens.append(.byte(b))
                    i += 1
                }
            default:
                tokens.append(.byte(b))
                i += 1
            }
        }
        if !hasWildcard {
            return .literal(tokens.map { if case .byte(let b) = $0 { return b } else { return 0 } })
        }
        return .wildcard(tokens)
    }

    /// Parses a bracket expression starting at `c[start] == "["`. Returns nil if
    /// there is no closing `]` (the `[` is then a literal).
    private static func parseSet(_ c: ArraySlice<UInt8>, from start: Int) -> (CharSet, Int)? {
        let end = c.endIndex
        var i = start + 1
        var negated = false
        if i < end && (c[i] == bang || c[i] == caret) {
            negated = true
            i += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < end {
            if c[i] == closeBracket && !first {
                return (CharSet(negated: negated, ranges: ranges), i + 1)
            }
            first = false
            // Member (possibly escaped).
            if c[i] == backslash && i + 1 < end { i += 1 }
            let (lo, afterLo) = decode(c, i, end)
            i = afterLo
            // Range "lo-hi" unless the '-' is the last member before ']'.
            if i + 1 < end && c[i] == dash && c[i + 1] != closeBracket {
                i += 1
                if c[i] == backslash && i + 1 < end { i += 1 }
                let (hi, afterHi) = decode(c, i, end)
                i = afterHi
                if lo <= hi { ranges.append(lo...hi) }  // reversed range matches nothing
            } else {
                ranges.append(lo...lo)
            }
        }
        return nil
    }

    /// Matches one pattern component against `text[start..<end]` (no `/` inside).
    private static func matchComponent(_ tokens: [Token], _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var p = 0
        var t = start
        var starP = -1
        var starT = 0
        let n = tokens.count
        while t < end {
            if p < n {
                switch tokens[p] {
                case .star:
                    starP = p
                    starT = t
                    p += 1
                    continue
                case .byte(let b):
                    if text[t] == b {
                        p += 1
                        t += 1
                        continue
                    }
                case .any:
                    t = min(t + scalarLength(text[t]), end)
                    p += 1
                    continue
                case .set(let set):
                    let (v, next) = decode(text, t, end)
                    if set.contains(v) {
                        p += 1
                        t = next
                        continue
                    }
                }
            }
            // Mismatch: let the last star absorb one more character.
            guard starP >= 0 else { return false }
            starT = min(starT + scalarLength(text[starT]), end)
            t = starT
            p = starP + 1
        }
        while p < n, case .star = tokens[p] { p += 1 }
        return p == n
    }

    private func matches(utf8 buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var lo = 0
        var hi = buf.count
        // Leading "./" and "/" are ignored; a trailing "/" marks a directory.
        while true {
            if hi - lo >= 2 && buf[lo] == Glob.dot && buf[lo + 1] == Glob.slash {
                lo += 2
            } else if lo < hi && buf[lo] == Glob.slash {
                lo += 1
            } else {
                break
            }
        }
        var isDirectory = false
        while hi > lo && buf[hi - 1] == Glob.slash {
            isDirectory = true
            hi -= 1
        }
        if lo == hi { return false }

        // Component boundaries (empty components from "//" are dropped).
        var starts: [Int] = []
        var ends: [Int] = []
        var i = lo
        while i < hi {
            while i < hi && buf[i] == Glob.slash { i += 1 }
            if i == hi { break }
            let s = i
            while i < hi && buf[i] != Glob.slash { i += 1 }
            starts.append(s)
            ends.append(i)
        }
        let n = starts.count

        // reach[j]: the pattern components processed so far can consume exactly
        // the first j path components.
        var reach = [Bool](repeating: false, count: n + 1)
        var next = [Bool](repeating: false, count: n + 1)
        reach[0] = true
        let last = segments.count - 1
        for (index, segment) in segments.enumerated() {
            for j in 0...n { next[j] = false }
            var any = false
            switch segment {
            case .globstar:
                guard let first = reach.firstIndex(of: true) else { return false }
                // A trailing "**" must match at least one component.
                let from = index == last ? first + 1 : first
                if from <= n {
                    for j in from...n { next[j] = true }
                    any = true
                }
            case .literal(let lit):
                for j in 0..<n where reach[j] {
                    let s = starts[j], e = ends[j]
                    if e - s == lit.count {
                        var k = 0
                        while k < lit.count && buf[s + k] == lit[k] { k += 1 }
                        if k == lit.count {
                            next[j + 1] = true
                            any = true
                        }
                    }
                }
            case .wildcard(let tokens):
                for j in 0..<n where reach[j] {
                    if Glob.matchComponent(tokens, buf, starts[j], ends[j]) {
                        next[j + 1] = true
                        any = true
                    }
                }
            }
            if !any { return false }
            swap(&reach, &next)
        }
        // The pattern may match the whole path or any ancestor directory.
        for k in 1...n where reach[k] {
            if !directoryOnly || k < n || isDirectory { return true }
        }
        return false
    }
}
