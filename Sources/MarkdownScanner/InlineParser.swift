/// The inline parser over one unit of joined inline text (CommonMark 0.31.2 §6 and the
/// appendix "Phase 2: inline structure"). One left-to-right pass: backslash escapes,
/// code spans, autolinks and raw HTML (first start wins), brackets for links and images,
/// and delimiter runs; emphasis is resolved with the delimiter-stack algorithm at each
/// link and at the end. Every step is amortized O(1) per byte:
/// - a code span's closer is found through per-length lists of backtick runs with
///   monotone cursors;
/// - `openers_bottom` bounds the search for emphasis openers;
/// - links deactivate earlier link openers through one watermark;
/// - failed searches for the end of a comment, a quoted attribute value and the like
///   are remembered, so the next start further on does not search again.
struct InlineParser {
    struct Run {
        var start: Int
        var length: Int
        var char: UInt8
        var flags: DelimiterRun.Flags
        var remaining: Int
        var consumedFront = 0
        var consumedBack = 0
        /// Neighbours in the delimiter stack (indices into `runs`, -1 for none).
        var prev: Int
        var next = -1
    }

    struct Bracket {
        /// Where the link text starts (after `[` or `![`).
        var textStart: Int
        var image: Bool
        var seq: Int
        /// `runs.count` when the bracket was pushed: runs from here on are in its text.
        var runBottom: Int
        /// Another bracket came after this one, so its text is no valid label.
        var bracketAfter = false
    }

    let v: [UInt8]
    let n: Int
    let definitions: Set<String>
    var spans: [InlineSpan] = []
    var runs: [Run] = []
    var escapes: [Int] = []
    /// Link and image texts that became links (unsorted), with the destination of an
    /// inline link (without angle brackets) or the label of a reference.
    var linkTexts: [InlineIndex.LinkText] = []
    /// The emphasis the delimiter runs make, in the order the algorithm pairs them:
    /// the offsets of the opener's and the closer's characters used, and how many (1 or 2).
    var matches: [(opener: Int, closer: Int, count: Int)] = []

    var top = -1
    var brackets: [Bracket] = []
    var bracketSeq = 0
    /// Link (not image) openers pushed before this sequence number are inactive.
    var linkFloor = 0
    var backticks: BacktickIndex?
    var memo = HTMLSyntax.SearchMemo()
    var openersBottom: [Int] = []

    /// The parser's lists, kept between units so that each unit does not allocate its own.
    struct Storage {
        var spans: [InlineSpan] = []
        var runs: [Run] = []
        var escapes: [Int] = []
        var linkTexts: [InlineIndex.LinkText] = []
        var matches: [(opener: Int, closer: Int, count: Int)] = []
        var brackets: [Bracket] = []
        var openersBottom: [Int] = []
    }

    /// A parser of `v` that works in `storage`'s lists, emptied (`storage` is left empty
    /// until `give(back:)`); a new `Storage()` for a parser of its own.
    init(v: [UInt8], definitions: Set<String>, storage: inout Storage) {
        self.v = v
        self.n = v.count
        self.definitions = definitions
        exchange(&storage)
        spans.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        escapes.removeAll(keepingCapacity: true)
        linkTexts.removeAll(keepingCapacity: true)
        matches.removeAll(keepingCapacity: true)
        brackets.removeAll(keepingCapacity: true)
        openersBottom.removeAll(keepingCapacity: true)
        openersBottom.append(contentsOf: repeatElement(-1, count: 12))
    }

    /// Hands the parser's lists back to `storage` for the next unit.
    mutating func give(back storage: inout Storage) { exchange(&storage) }

    private mutating func exchange(_ storage: inout Storage) {
        swap(&spans, &storage.spans)
        swap(&runs, &storage.runs)
        swap(&escapes, &storage.escapes)
        swap(&linkTexts, &storage.linkTexts)
        swap(&matches, &storage.matches)
        swap(&brackets, &storage.brackets)
        swap(&openersBottom, &storage.openersBottom)
    }

    mutating func run() {
        var i = 0
        while i < n {
            switch v[i] {
            case 0x5C:  // backslash
                if i + 1 < n && ByteClass.isASCIIPunctuation(v[i + 1]) {
                    if v[i + 1] == 0x2A || v[i + 1] == 0x5F { escapes.append(i) }
                    i += 2
                } else {
                    i += 1
                }
            case 0x60:
                i = codeSpan(at: i)
            case 0x3C:
                if let e = autolink(at: i) {
                    spans.append(InlineSpan(kind: .autolink, range: i..<e))
                    i = e
                } else if let e = HTMLSyntax.inline(v, at: i, end: n, memo: &memo) {
                    spans.append(InlineSpan(kind: .rawHTML, range: i..<e))
                    i = e
                } else {
                    i += 1
                }
            case 0x2A, 0x5F:
                i = pushRun(at: i)
            case 0x21 where i + 1 < n && v[i + 1] == 0x5B:
                pushBracket(textStart: i + 2, image: true)
                i += 2
            case 0x5B:
                pushBracket(textStart: i + 1, image: false)
                i += 1
            case 0x5D:
                i = closeBracket(at: i)
            default:
                i += 1
                // The bytes no case takes, at once.
                i = v.withUnsafeBufferPointer { Self.skipPlain($0, from: i, end: n) }
            }
        }
        processEmphasis(bottom: 0)
    }

    /// The bytes the loop of `run` has a case for: `!` `*` `<` below 0x40, `[` `\\` `]` `_`
    /// `` ` `` above.
    private static let specialBelow40: UInt64 = 1 << 0x21 | 1 << 0x2A | 1 << 0x3C
    private static let special40To80: UInt64 = 1 << (0x5B - 0x40) | 1 << (0x5C - 0x40) | 1 << (0x5D - 0x40)
        | 1 << (0x5F - 0x40) | 1 << (0x60 - 0x40)

    /// Where the next byte `run` has a case for is, from `i` (or `end`): eight bytes at a
    /// time while a word can hold none (ASCII, none of `!` `*` `<`, none in `[`...`` ` ``).
    @inline(__always) static func skipPlain(_ p: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        ByteSearch.skip(p, from: start, end: end, mayStop: { w in
            ByteSearch.hasNonASCII(w) || ByteSearch.hasByte(w, 0x21) || ByteSearch.hasByte(w, 0x2A)
                || ByteSearch.hasByte(w, 0x3C) || ByteSearch.hasASCIIByte(w, above: 0x5A, below: 0x61)
        }, stops: isSpecial)
    }

    @inline(__always) static func isSpecial(_ c: UInt8) -> Bool {
        c < 0x40 ? specialBelow40 >> UInt64(c) & 1 != 0 : c < 0x80 && special40To80 >> UInt64(c - 0x40) & 1 != 0
    }

    // MARK: code spans

    mutating func codeSpan(at i: Int) -> Int {
        var j = i
        while j < n && v[j] == 0x60 { j += 1 }
        if backticks == nil { backticks = BacktickIndex(v) }
        if let close = backticks!.closer(length: j - i, from: j) {
            let end = close + (j - i)
            spans.append(InlineSpan(kind: .codeSpan, range: i..<end))
            return end
        }
        return j
    }

    // MARK: delimiter runs

    mutating func pushRun(at i: Int) -> Int {
        let c = v[i]
        var j = i
        while j < n && v[j] == c { j += 1 }
        let before = CharacterClass.before(v, i), after = CharacterClass.at(v, j)
        let (left, right) = CharacterClass.flanking(before: before, after: after)
        var flags: DelimiterRun.Flags = []
        if left { flags.insert(.leftFlanking) }
        if right { flags.insert(.rightFlanking) }
        let canOpen = c == 0x2A ? left : left && (!right || before == .punctuation)
        let canClose = c == 0x2A ? right : right && (!left || after == .punctuation)
        if canOpen { flags.insert(.canOpen) }
        if canClose { flags.insert(.canClose) }
        let index = runs.count
        runs.append(Run(start: i, length: j - i, char: c, flags: flags, remaining: j - i, prev: top))
        if top >= 0 { runs[top].next = index }
        top = index
        return j
    }

    mutating func unlink(_ i: Int) {
        let p = runs[i].prev, nx = runs[i].next
        if p >= 0 { runs[p].next = nx }
        if nx >= 0 { runs[nx].prev = p }
        if top == i { top = p }
    }

    /// Pairs the runs in the stack from index `bottom` up, then removes them from it.
    mutating func processEmphasis(bottom: Int) {
        var below = top, first = -1
        while below >= bottom {
            first = below
            below = runs[below].prev
        }
        guard first >= 0 else { return }
        for k in 0..<12 { openersBottom[k] = below }
        var c = first
        while c >= 0 {
            let closer = runs[c]
            guard closer.flags.contains(.canClose) else {
                c = closer.next
                continue
            }
            let closerOpens = closer.flags.contains(.canOpen)
            let slot = (closer.char == 0x2A ? 0 : 6) + (closerOpens ? 3 : 0) + closer.length % 3
            var o = closer.prev
            var found = false
            while o > openersBottom[slot] {
                let op = runs[o]
                if op.char == closer.char && op.flags.contains(.canOpen) {
                    let either = closerOpens || op.flags.contains(.canClose)
                    let oddMatch = either && (op.length + closer.length) % 3 == 0
                        && !(op.length % 3 == 0 && closer.length % 3 == 0)
                    if !oddMatch {
                        found = true
                        break
                    }
                }
                o = op.prev
            }
            if found {
                let use = runs[o].remaining >= 2 && runs[c].remaining >= 2 ? 2 : 1
                matches.append((runs[o].start + runs[o].length - runs[o].consumedBack - use,
                                runs[c].start + runs[c].consumedFront, use))
                runs[o].remaining -= use
                runs[o].consumedBack += use
                runs[c].remaining -= use
                runs[c].consumedFront += use
                // Runs between the two stay literal and leave the stack.
                runs[o].next = c
                runs[c].prev = o
                if runs[o].remaining == 0 { unlink(o) }
                if runs[c].remaining == 0 {
                    let next = runs[c].next
                    unlink(c)
                    c = next
                }
            } else {
                openersBottom[slot] = closer.prev
                let next = closer.next
                if !closerOpens { unlink(c) }
                c = next
            }
        }
        top = below
        if below >= 0 { runs[below].next = -1 }
    }

    // MARK: links and images

    mutating func pushBracket(textStart: Int, image: Bool) {
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(textStart: textStart, image: image, seq: bracketSeq, runBottom: runs.count))
        bracketSeq += 1
    }

    /// At `]`: closes the innermost bracket as a link or image if a destination or a
    /// defined label follows; returns where scanning continues.
    mutating func closeBracket(at i: Int) -> Int {
        guard let opener = brackets.last else { return i + 1 }
        if !opener.image && opener.seq < linkFloor {
            brackets.removeLast()
            return i + 1
        }
        var end = -1
        var destination: Range<Int>?, label: String?, titleRange: Range<Int>?
        if i + 1 < n && v[i + 1] == 0x28, let tail = inlineTail(at: i + 1) {
            destination = tail.destination
            if let title = tail.title {
                titleRange = title
                spans.append(InlineSpan(kind: .linkDestination, range: (i + 1)..<title.lowerBound))
                spans.append(InlineSpan(kind: .linkTitle, range: title.lowerBound..<tail.end))
            } else {
                spans.append(InlineSpan(kind: .linkDestination, range: (i + 1)..<tail.end))
            }
            end = tail.end
        } else {
            var key: Range<Int>?
            var labelEnd: Int?
            if i + 1 < n && v[i + 1] == 0x5B, let e = LinkSyntax.labelEnd(v, at: i + 1, end: n) {
                labelEnd = e
                if e - i > 3 { key = (i + 2)..<(e - 1) }
            }
            if key == nil && !opener.bracketAfter { key = opener.textStart..<i }
            if let key, let normalized = definedLabel(key) {
                label = normalized
                if let labelEnd {
                    spans.append(InlineSpan(kind: .linkLabel, range: (i + 1)..<labelEnd))
                    end = labelEnd
                } else {
                    end = i + 1
                }
            }
        }
        brackets.removeLast()
        guard end >= 0 else { return i + 1 }
        linkTexts.append(InlineIndex.LinkText(range: opener.textStart..<i, isImage: opener.image, destination: destination,
                                              label: label, title: titleRange))
        processEmphasis(bottom: opener.runBottom)
        if !opener.image { linkFloor = max(linkFloor, opener.seq) }
        return end
    }

    /// The normalized label when a definition has it.
    func definedLabel(_ key: Range<Int>) -> String? {
        guard !definitions.isEmpty, key.count <= 4 * LinkSyntax.maxLabelCharacters,
              LinkSyntax.hasContent(v, key) else { return nil }
        let label = LinkSyntax.normalizedLabel(v[key])
        return definitions.contains(label) ? label : nil
    }

    /// `(destination "title")` at the `(` at `p`: the offset after `)`, and the title with
    /// its delimiters if there is one.
    func inlineTail(at p: Int) -> (end: Int, title: Range<Int>?, destination: Range<Int>)? {
        var j = LinkSyntax.skipWhitespace(v, from: p + 1, end: n)
        let destStart = j
        if j < n && v[j] != 0x29 {
            guard let d = LinkSyntax.destinationEnd(v, at: j, end: n) else { return nil }
            j = d
        }
        let destination = destStart < j && v[destStart] == 0x3C ? (destStart + 1)..<(j - 1) : destStart..<j
        let afterDest = j
        j = LinkSyntax.skipWhitespace(v, from: j, end: n)
        var title: Range<Int>?
        if j < n, j > afterDest || afterDest == destStart, v[j] == 0x22 || v[j] == 0x27 || v[j] == 0x28 {
            guard let e = LinkSyntax.titleEnd(v, at: j, end: n) else { return nil }
            title = j..<e
            j = LinkSyntax.skipWhitespace(v, from: e, end: n)
        }
        return j < n && v[j] == 0x29 ? (j + 1, title, destination) : nil
    }

    // MARK: autolinks

    func autolink(at i: Int) -> Int? {
        var j = i + 1
        // URI autolink: a scheme of 2...32 characters, `:`, then no spaces, `<` or `>`.
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
        while j < n && (ByteClass.isAlnum(v[j]) || Self.isEmailLocal(v[j])) { j += 1 }
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

    private static func isEmailLocal(_ c: UInt8) -> Bool {
        switch c {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60,
             0x7B, 0x7C, 0x7D, 0x7E, 0x2D: return true
        default: return false
        }
    }
}

/// The maximal backtick runs of a unit, by length, each list with a cursor that only
/// moves forward (code span openers are met left to right).
struct BacktickIndex {
    var starts: [Int: [Int]] = [:]
    var cursors: [Int: Int] = [:]

    init(_ v: [UInt8]) {
        // (From backtick to backtick eight bytes at a time: a paragraph is mostly other bytes.)
        var i = ByteSearch.first(0x60, in: v, from: 0, end: v.count)
        while i < v.count {
            let s = i
            while i < v.count && v[i] == 0x60 { i += 1 }
            starts[i - s, default: []].append(s)
            i = ByteSearch.first(0x60, in: v, from: i, end: v.count)
        }
    }

    /// The start of the first run of exactly `length` backticks at or after `from`.
    mutating func closer(length: Int, from: Int) -> Int? {
        guard let list = starts[length] else { return nil }
        var k = cursors[length] ?? 0
        while k < list.count && list[k] < from { k += 1 }
        cursors[length] = k
        return k < list.count ? list[k] : nil
    }
}

/// What CommonMark's flanking rules need to know of a character: Unicode whitespace (Zs,
/// tab, line feed, form feed, carriage return), punctuation (P* or S*), or other.
public enum CharacterClass: Sendable {
    case whitespace, punctuation, other

    /// The class of the scalar that ends just before `i`; the start of `v` is whitespace.
    public static func before(_ v: [UInt8], _ i: Int) -> CharacterClass {
        guard i > 0 else { return .whitespace }
        let c = v[i - 1]
        if c < 0x80 { return ascii(c) }
        var s = i - 1
        while s > 0 && s > i - 4 && v[s] & 0xC0 == 0x80 { s -= 1 }
        return at(v, s)
    }

    /// The class of the scalar that starts at `i`; the end of `v` is whitespace.
    public static func at(_ v: [UInt8], _ i: Int) -> CharacterClass {
        guard i < v.count else { return .whitespace }
        let c = v[i]
        if c < 0x80 { return ascii(c) }
        let count = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard count > 1, i + count <= v.count else { return .other }
        var value = UInt32(c) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
        for k in 1..<count {
            let cc = v[i + k]
            guard cc & 0xC0 == 0x80 else { return .other }
            value = value << 6 | UInt32(cc & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        switch scalar.properties.generalCategory {
        case .spaceSeparator:
            return .whitespace
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .punctuation
        default:
            return .other
        }
    }

    /// Whether a delimiter run between these two characters is left-flanking and
    /// right-flanking (CommonMark 0.31.2 §6.2).
    public static func flanking(before p: CharacterClass, after n: CharacterClass) -> (left: Bool, right: Bool) {
        (n != .whitespace && (n != .punctuation || p != .other), p != .whitespace && (p != .punctuation || n != .other))
    }

    @inline(__always) static func ascii(_ c: UInt8) -> CharacterClass {
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { return .whitespace }
        return ByteClass.isASCIIPunctuation(c) ? .punctuation : .other
    }
}
