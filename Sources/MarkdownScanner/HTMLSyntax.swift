/// Raw HTML as CommonMark 0.31.2 recognises it: the seven HTML block start and end
/// conditions, and inline raw HTML (tags, comments, processing instructions,
/// declarations, CDATA).
enum HTMLSyntax {
    static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]
    static let rawTags: [StaticString] = ["script", "pre", "style", "textarea"]

    /// The HTML block type (1...7) that a line starting at `i` (indentation already
    /// skipped) opens, or 0. Type 7 cannot interrupt a paragraph.
    static func blockStart(_ b: [UInt8], at i: Int, end: Int, inParagraph: Bool) -> UInt8 {
        guard i < end, b[i] == 0x3C else { return 0 }
        for tag in rawTags where ByteSearch.hasPrefix(b, at: i + 1, end: end, lowercased: tag) {
            let j = i + 1 + tag.utf8CodeUnitCount
            if j == end || ByteClass.isSpaceOrTab(b[j]) || b[j] == 0x3E { return 1 }
        }
        if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<!--") { return 2 }
        if i + 1 < end && b[i + 1] == 0x3F { return 3 }
        if i + 2 < end && b[i + 1] == 0x21 && ByteClass.isLetter(b[i + 2]) { return 4 }
        if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<![cdata[") { return 5 }
        var j = i + 1
        if j < end && b[j] == 0x2F { j += 1 }
        let nameStart = j
        while j < end && ByteClass.isAlnum(b[j]) { j += 1 }
        if j > nameStart {
            let name = String(decoding: b[nameStart..<j].map(ByteClass.lower), as: UTF8.self)
            if blockTags.contains(name)
                && (j == end || ByteClass.isSpaceOrTab(b[j]) || b[j] == 0x3E
                    || (b[j] == 0x2F && j + 1 < end && b[j + 1] == 0x3E)) {
                return 6
            }
        }
        // The raw-text names are excluded for open tags only: `</script>` alone is type 7
        // (as cmark and markdown-it read it).
        let closing = i + 1 < end && b[i + 1] == 0x2F
        if !inParagraph, let tagEnd = tag(b, at: i, end: end), closing || !isRawTagName(b, at: i, end: end) {
            var k = tagEnd
            while k < end && ByteClass.isSpaceOrTab(b[k]) { k += 1 }
            if k == end { return 7 }
        }
        return 0
    }

    private static func isRawTagName(_ b: [UInt8], at i: Int, end: Int) -> Bool {
        let start = i + 1 < end && b[i + 1] == 0x2F ? i + 2 : i + 1
        for tag in rawTags where ByteSearch.hasPrefix(b, at: start, end: end, lowercased: tag) {
            let j = start + tag.utf8CodeUnitCount
            if j == end || !ByteClass.isAlnum(b[j]) && b[j] != 0x2D { return true }
        }
        return false
    }

    /// Whether a line (`from..<end`) satisfies the end condition of HTML block `type` 1...5.
    static func blockEnds(type: UInt8, _ b: [UInt8], from: Int, end: Int) -> Bool {
        switch type {
        case 1:
            return ByteClass.contains(b, from: from, end: end, lowercased: "</script>")
                || ByteClass.contains(b, from: from, end: end, lowercased: "</pre>")
                || ByteClass.contains(b, from: from, end: end, lowercased: "</style>")
                || ByteClass.contains(b, from: from, end: end, lowercased: "</textarea>")
        case 2: return ByteClass.contains(b, from: from, end: end, lowercased: "-->")
        case 3: return ByteClass.contains(b, from: from, end: end, lowercased: "?>")
        case 4: return ByteClass.contains(b, from: from, end: end, lowercased: ">")
        case 5: return ByteClass.contains(b, from: from, end: end, lowercased: "]]>")
        default: return false
        }
    }

    /// Where searches for an end marker already failed: a search that starts at or
    /// after such a point fails too, so a unit full of unclosed `<!--` stays linear.
    struct SearchMemo {
        var comment = Int.max
        /// The first `-->` found by a search that started at `commentSearch`: it is also
        /// the first for any later start up to it.
        var commentSearch = Int.max
        var commentEnd = -1
        var cdata = Int.max
        var declaration = Int.max
        var instruction = Int.max
    }

    /// Inline raw HTML starting at the `<` at `i`: returns the offset after it, or nil.
    static func inline(_ b: [UInt8], at i: Int, end: Int, memo: inout SearchMemo) -> Int? {
        guard i + 1 < end, b[i] == 0x3C else { return nil }
        let c = b[i + 1]
        if c == 0x21 {  // <!
            if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<!--") {
                // <!--> and <!---> are complete comments in 0.31.2.
                var j = i + 4
                if j < end && b[j] == 0x3E { return j + 1 }
                if j + 1 < end && b[j] == 0x2D && b[j + 1] == 0x3E { return j + 2 }
                guard j < memo.comment else { return nil }
                if memo.commentSearch <= j && j <= memo.commentEnd {
                    j = memo.commentEnd
                } else {
                    memo.commentSearch = j
                    while j + 2 < end && !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == 0x3E) { j += 1 }
                    guard j + 2 < end else {
                        memo.comment = i + 4
                        return nil
                    }
                    memo.commentEnd = j
                }
                // `--->` ends no comment for cmark and markdown-it: it shows as text.
                return j > i + 4 && b[j - 1] == 0x2D ? nil : j + 3
            }
            if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<![cdata[") {
                return find(b, from: i + 9, end: end, "]]>", memo: &memo.cdata)
            }
            if i + 2 < end && ByteClass.isLetter(b[i + 2]) { return find(b, from: i + 2, end: end, ">", memo: &memo.declaration) }
            return nil
        }
        if c == 0x3F { return find(b, from: i + 2, end: end, "?>", memo: &memo.instruction) }
        return tag(b, at: i, end: end)
    }

    private static func find(_ b: [UInt8], from: Int, end: Int, _ needle: StaticString, memo: inout Int) -> Int? {
        guard from < memo else { return nil }
        if let e = find(b, from: from, end: end, needle) { return e }
        memo = from
        return nil
    }

    /// An open tag or a closing tag starting at `i`; returns the offset after `>`.
    static func tag(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        var j = i + 1
        guard j < end else { return nil }
        let closing = b[j] == 0x2F
        if closing { j += 1 }
        guard j < end, ByteClass.isLetter(b[j]) else { return nil }
        while j < end && (ByteClass.isAlnum(b[j]) || b[j] == 0x2D) { j += 1 }
        if closing {
            while j < end && ByteClass.isWhitespace(b[j]) { j += 1 }
            return j < end && b[j] == 0x3E ? j + 1 : nil
        }
        while true {
            let wsStart = j
            while j < end && ByteClass.isWhitespace(b[j]) { j += 1 }
            guard j < end else { return nil }
            if b[j] == 0x3E { return j + 1 }
            if b[j] == 0x2F { return j + 1 < end && b[j + 1] == 0x3E ? j + 2 : nil }
            // An attribute needs whitespace before it.
            guard j > wsStart, isAttributeNameStart(b[j]) else { return nil }
            j += 1
            while j < end && isAttributeNameChar(b[j]) { j += 1 }
            var k = j
            while k < end && ByteClass.isWhitespace(b[k]) { k += 1 }
            if k < end && b[k] == 0x3D {
                k += 1
                while k < end && ByteClass.isWhitespace(b[k]) { k += 1 }
                guard k < end else { return nil }
                if b[k] == 0x22 || b[k] == 0x27 {
                    let q = b[k]
                    k += 1
                    while k < end && b[k] != q { k += 1 }
                    guard k < end else { return nil }
                    j = k + 1
                } else {
                    let vStart = k
                    while k < end && !ByteClass.isWhitespace(b[k]) && !isUnquotedStop(b[k]) { k += 1 }
                    guard k > vStart else { return nil }
                    j = k
                }
            }
        }
    }

    private static func isAttributeNameStart(_ c: UInt8) -> Bool { ByteClass.isLetter(c) || c == 0x5F || c == 0x3A }
    private static func isAttributeNameChar(_ c: UInt8) -> Bool {
        ByteClass.isAlnum(c) || c == 0x5F || c == 0x3A || c == 0x2E || c == 0x2D
    }
    private static func isUnquotedStop(_ c: UInt8) -> Bool {
        c == 0x22 || c == 0x27 || c == 0x3D || c == 0x3C || c == 0x3E || c == 0x60
    }

    /// Offset after the first occurrence of `needle` at or after `from`.
    static func find(_ b: [UInt8], from: Int, end: Int, _ needle: StaticString) -> Int? {
        ByteSearch.index(of: needle, in: b, from: from, end: end).map { $0 + needle.utf8CodeUnitCount }
    }
}
