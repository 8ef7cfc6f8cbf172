import MarkdownScanner
import Rendering
import RuleEngine
import Rules

/// The whole fix loop on any bytes, with the properties galley promises asserted:
/// checking never crashes; on valid UTF-8, fixing gives valid UTF-8, a second fix
/// changes nothing (it converged in one run); safe fixes leave the rendered text of
/// every code block and code span as it was; unsafe fixes edit no byte of code except
/// nbsp-char's U+00A0 -> space and a Ghost card's conversion (which reads the card as
/// Ghost served it: what CommonMark takes for code inside a card's HTML, a `<pre>` cut at
/// a blank line or a fence line inside a multi-line attribute, is not code a reader saw).
func fuzzFix(_ bytes: [UInt8]) {
    let path = "/site/content/post.md"
    _ = linter.check(path: path, bytes: bytes)
    guard String(validating: bytes, as: UTF8.self) != nil else { return }
    let unsafe = !bytes.isEmpty && bytes[0] & 1 == 1  // the input's first bit picks the level
    let level: Applicability = unsafe ? .unsafe : .safe
    let result = linter.fix(path: path, bytes: bytes, upTo: level)
    if result.failure != nil {
        precondition(result.bytes == bytes, "a failed fix changed the bytes")
        return
    }
    guard result.bytes != bytes else { return }
    precondition(String(validating: result.bytes, as: UTF8.self) != nil, "fixing produced invalid UTF-8")
    let again = linter.fix(path: path, bytes: result.bytes, upTo: level)
    precondition(again.failure == nil && again.bytes == result.bytes, "fixing twice changed the file again")
    if unsafe {
        // Unsafe fixes may change what is code (unclosed-fence closes a block), never a
        // byte of it, except nbsp-char's U+00A0 -> space.
        let document = Document(path: path, bytes: bytes, session: session)
        let code = codeRanges(document)
        for finding in linter.check(document) where finding.isFixable(upTo: .unsafe)
            && !(finding.fix?.promise.contains(.convertsCard) ?? false) {
            for edit in finding.fix?.edits ?? [] where code.contains(where: { touches(edit.range, $0) }) {
                precondition(finding.ruleID == "nbsp-char" && nbspAsSpace(Array(bytes[edit.range])) == edit.replacement,
                             "an unsafe fix of \(finding.ruleID) edits code")
            }
        }
    } else {
        precondition(codeText(bytes) == codeText(result.bytes), "a safe fix changed the text of code")
    }
    return
}

/// The byte ranges of code: the content of fenced and indented code lines, and of code spans.
private func codeRanges(_ document: Document) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for (i, line) in document.blocks.lines.enumerated() where line.kind == .fencedCode || line.kind == .indentedCode {
        ranges.append(line.contentStart..<document.source.contentEnd(i))
    }
    for span in document.inlines.spans where span.kind == .codeSpan {
        ranges.append(span.range)
    }
    return ranges
}

/// Whether an edit changes a byte of `code` (an insertion counts when strictly inside).
private func touches(_ edit: Range<Int>, _ code: Range<Int>) -> Bool {
    if edit.isEmpty { return code.lowerBound < edit.lowerBound && edit.lowerBound < code.upperBound }
    return edit.overlaps(code)
}

private let fileSystem = InMemoryFileSystem(bytes: [
    "/site/content/images/2020/01/photo.jpg": [1],
    "/site/static/images/photo.png": [1],
    "/site/content/other.md": Array("# other\n".utf8),
])
private let session = Session(rules: AllRules.rules, fileSystem: fileSystem, fileCount: 2)
private let linter = Linter(session: session)

/// The contents of every `<code>` element of the rendered body, in order, without the
/// comments in them: a comment is no text a reader sees, even inside code (a marker that
/// raw HTML left open code before may go, as its fix promises; its line break may not).
private func codeText(_ bytes: [UInt8]) -> [[UInt8]] {
    let start = Document(path: "/site/content/post.md", bytes: bytes, session: session).bodyStart
    let html = HTMLRenderer.render(SourceText(bytes), bodyStart: start)
    var out: [[UInt8]] = []
    var i = 0
    let open = Array("<code".utf8), close = Array("</code>".utf8)
    while let o = find(open, in: html, from: i) {
        guard let gt = html[o...].firstIndex(of: UInt8(ascii: ">")) else { break }
        guard let c = find(close, in: html, from: gt + 1) else { break }
        out.append(withoutComments(html[(gt + 1)..<c]))
        i = c + close.count
    }
    return out
}

private func withoutComments(_ text: ArraySlice<UInt8>) -> [UInt8] {
    let bytes = Array(text)
    var out: [UInt8] = []
    var i = 0, run = 0
    while i < bytes.count {
        if HTMLComment.starts(bytes, at: i, end: bytes.count), let e = HTMLComment.end(bytes, at: i, end: bytes.count) {
            out += bytes[run..<i]
            i = e
            run = e
        } else {
            i += 1
        }
    }
    return out + bytes[run...]
}

private func nbspAsSpace(_ text: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < text.count {
        if text[i] == 0xC2, i + 1 < text.count, text[i + 1] == 0xA0 {
            out.append(0x20)
            i += 2
        } else {
            out.append(text[i])
            i += 1
        }
    }
    return out
}

private func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
    guard needle.count <= hay.count else { return nil }
    var i = from
    while i + needle.count <= hay.count {
        if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i += 1
    }
    return nil
}
