import MarkdownScanner

/// A small, byte-based HTML5 tokenizer (WHATWG HTML §13.2.5) for comparing raw HTML by its
/// elements, attributes and text: the data, tag, attribute, comment, doctype and CDATA
/// states; character references as a browser decodes them (legacy names without `;` in
/// text); raw-text and RCDATA elements; the newline a browser drops after `<pre>`,
/// `<listing>` and `<textarea>`. A tag cut off by the end of the input is dropped, as
/// browsers drop it. Linear in the input.
public struct HTMLTokenizer {
    let b: [UInt8]
    let n: Int
    var i = 0
    var tokens: [HTMLToken] = []
    var text: [UInt8] = []
    /// Set when the input ends inside a tag, comment, doctype, CDATA section or the
    /// content of a raw-text, RCDATA or `plaintext` element: bytes after it would be read
    /// as part of that construct.
    var endsInside = false

    init(_ bytes: [UInt8]) {
        b = bytes
        n = bytes.count
    }

    public static func tokenize(_ bytes: some Collection<UInt8>) -> [HTMLToken] {
        tokenization(bytes).tokens
    }

    /// The tokens, and whether the input ends in the data state (outside every tag,
    /// comment and raw-text element) after whitespace or `>` (no `<` or character
    /// reference that bytes after it could continue), so that what follows it would be
    /// tokenized alone as it is after it.
    public static func tokenization(_ bytes: some Collection<UInt8>) -> (tokens: [HTMLToken], endsInData: Bool) {
        var t = HTMLTokenizer(Self.normalizingNewlines(Array(bytes)))
        t.run()
        let last = t.b.last ?? 0x0A
        return (t.tokens, !t.endsInside && (isSpace(last) || last == 0x3E))
    }

    /// CR LF and lone CR become LF (the input stream's preprocessing).
    static func normalizingNewlines(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(0x0D) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            if b[k] == 0x0D {
                out.append(0x0A)
                if k + 1 < b.count && b[k + 1] == 0x0A { k += 1 }
            } else {
                out.append(b[k])
            }
            k += 1
        }
        return out
    }

    mutating func run() {
        while i < n {
            let c = b[i]
            if c == 0x26 {
                i = HTMLCharacterReference.decode(b, at: i, inAttribute: false, into: &text)
            } else if c == 0x3C {
                tagOpen()
            } else {
                // A run of text up to the next `&` or `<`, appended at once.
                let start = i
                i += 1
                while i < n && b[i] != 0x26 && b[i] != 0x3C { i += 1 }
                text.append(contentsOf: b[start..<i])
            }
        }
        flushText()
    }

    mutating func flushText() {
        guard !text.isEmpty else { return }
        tokens.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    mutating func emit(_ token: HTMLToken) {
        flushText()
        tokens.append(token)
    }

    /// At `<`.
    mutating func tagOpen() {
        let next = i + 1 < n ? b[i + 1] : 0
        if next == 0x21 {
            markupDeclaration()
        } else if next == 0x2F {
            endTagOpen()
        } else if ByteClass.isLetter(next) {
            i += 1
            startTag()
        } else if next == 0x3F {
            i += 1
            bogusComment()  // `<?…>`: the `?` is part of the data
        } else {
            text.append(0x3C)
            i += 1
        }
    }

    /// At `</`.
    mutating func endTagOpen() {
        let next = i + 2 < n ? b[i + 2] : 0
        if ByteClass.isLetter(next) {
            i += 2
            let name = tagName()
            // Attributes of an end tag are read and dropped; cut off by the end, it is dropped.
            if attributes() != nil { emit(.endTag(name: name)) } else { i = n; endsInside = true }
        } else if next == 0x3E {
            i += 3  // `</>` is dropped
        } else if i + 2 >= n {
            text.append(contentsOf: [0x3C, 0x2F])
            i = n
            endsInside = true
        } else {
            i += 2
            bogusComment()
        }
    }

    /// After `<` at a letter: the name, the attributes, then raw text if the element has it.
    mutating func startTag() {
        let name = tagName()
        guard let (attributes, selfClosing) = attributes() else {
            i = n  // cut off by the end of the input: dropped
            endsInside = true
            return
        }
        emit(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
        switch name {
        case "script", "style", "xmp", "iframe", "noembed", "noframes":
            rawText(until: name, decode: false)
        case "textarea", "title":
            if name == "textarea" { skipLeadingNewline() }
            rawText(until: name, decode: true)
        case "plaintext":
            text.append(contentsOf: b[i..<n])
            i = n
            endsInside = true
        case "pre", "listing":
            skipLeadingNewline()
        default:
            break
        }
    }

    mutating func skipLeadingNewline() {
        if i < n && b[i] == 0x0A { i += 1 }
    }

    /// A tag name from `i`, lower-cased, up to whitespace, `/` or `>`.
    mutating func tagName() -> String {
        // Most names need no lowering: read them from the input as they are.
        let start = i
        while i < n {
            let c = b[i]
            if Self.isSpace(c) || c == 0x2F || c == 0x3E { return String(decoding: b[start..<i], as: UTF8.self) }
            if (c >= 0x41 && c <= 0x5A) || c == 0 { break }
            i += 1
        }
        if i == n { return String(decoding: b[start..<n], as: UTF8.self) }
        var name = Array(b[start..<i])
        while i < n {
            let c = b[i]
            if Self.isSpace(c) || c == 0x2F || c == 0x3E { break }
            Self.appendLowered(c, to: &name)
            i += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C
    }

    /// ASCII upper case lowered, NUL as U+FFFD.
    @inline(__always) static func appendLowered(_ c: UInt8, to out: inout [UInt8]) {
        if c >= 0x41 && c <= 0x5A {
            out.append(c | 0x20)
        } else if c == 0 {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        } else {
            out.append(c)
        }
    }
}
