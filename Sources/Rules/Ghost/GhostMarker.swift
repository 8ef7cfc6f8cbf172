import MarkdownScanner

/// One Ghost card marker found in a document.
struct GhostMarker {
    enum Role { case begin, end, membersOnly }
    enum Form { case comment, jsx, bare }

    var role: Role
    var form: Form
    /// The card name, lower-cased (`markdown`, `html`, ...); empty for `members-only`.
    var name: String
    var range: Range<Int>
    var line: Int

    /// The card names Ghost 1.x–5.x wrote into markers (reference/ghost-formats.md §1).
    static let cardNames: Set<String> = ["markdown", "card-markdown", "html", "image", "gallery", "embed",
                                         "bookmark", "code", "hr"]

    /// `kg-card-begin: NAME` as Ghost writes it, for messages.
    var canonical: String {
        switch role {
        case .begin: "kg-card-begin: \(name)"
        case .end: "kg-card-end: \(name)"
        case .membersOnly: "members-only"
        }
    }

    /// Parses the marker body (`kg-card-begin: html`, `members-only`) in `b[from..<end]`,
    /// allowing blanks around it and no space after the colon. Returns role and name.
    static func body(_ b: [UInt8], from: Int, end: Int) -> (Role, String)? {
        var i = skipBlanks(b, from, end)
        var e = end
        while e > i && ByteClass.isSpaceOrTab(b[e - 1]) { e -= 1 }
        if matches(b, i, e, "members-only") && i + 12 == e { return (.membersOnly, "") }
        let role: Role
        if matches(b, i, e, "kg-card-begin") {
            role = .begin
            i += 13
        } else if matches(b, i, e, "kg-card-end") {
            role = .end
            i += 11
        } else {
            return nil
        }
        i = skipBlanks(b, i, e)
        guard i < e, b[i] == 0x3A else { return nil }
        i = skipBlanks(b, i + 1, e)
        let nameStart = i
        while i < e && isNameByte(b[i]) { i += 1 }
        guard i > nameStart, i == e else { return nil }
        let name = String(decoding: b[nameStart..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return (role, name)
    }

    /// A comment `<!-- ... -->` or JSX comment `{/* ... */}` marker starting at `i`.
    static func delimited(_ b: [UInt8], at i: Int, end: Int, line: Int) -> GhostMarker? {
        let open: StaticString, close: StaticString, form: Form
        if matches(b, i, end, "<!--") {
            (open, close, form) = ("<!--", "-->", .comment)
        } else if matches(b, i, end, "{/*") {
            (open, close, form) = ("{/*", "*/}", .jsx)
        } else {
            return nil
        }
        let bodyStart = i + open.utf8CodeUnitCount
        var j = bodyStart
        while j < end && !matches(b, j, end, close) {
            if b[j] == 0x3C || b[j] == 0x3E || b[j] == 0x7B { return nil }
            j += 1
        }
        guard j < end, let (role, name) = body(b, from: bodyStart, end: j) else { return nil }
        return GhostMarker(role: role, form: form, name: name, range: i..<(j + close.utf8CodeUnitCount), line: line)
    }

    static func matches(_ b: [UInt8], _ i: Int, _ end: Int, _ literal: StaticString) -> Bool {
        ByteSearch.hasPrefix(b, at: i, end: end, lowercased: literal)
    }

    static func skipBlanks(_ b: [UInt8], _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end && ByteClass.isSpaceOrTab(b[i]) { i += 1 }
        return i
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x2D || c == 0x5F
    }
}
