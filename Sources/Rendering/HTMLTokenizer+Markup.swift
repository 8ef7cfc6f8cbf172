import MarkdownScanner

extension HTMLTokenizer {
    /// At `<!`: a comment, a doctype, a CDATA section or a bogus comment.
    mutating func markupDeclaration() {
        if i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D {
            i += 4
            comment()
        } else if ByteSearch.hasPrefix(b, at: i + 2, end: n, lowercased: "doctype") {
            i += 9
            var end = i
            while end < n && b[end] != 0x3E { end += 1 }
            var s = i, e = end
            while s < e && Self.isSpace(b[s]) { s += 1 }
            while e > s && Self.isSpace(b[e - 1]) { e -= 1 }
            var content: [UInt8] = []
            var k = s
            // The doctype's name is lower-cased; what follows it is kept.
            while k < e && !Self.isSpace(b[k]) {
                Self.appendLowered(b[k], to: &content)
                k += 1
            }
            content.append(contentsOf: b[k..<e])
            emit(.doctype(String(decoding: content, as: UTF8.self)))
            if end >= n { endsInside = true }
            i = min(end + 1, n)
        } else if i + 8 < n && b[(i + 2)..<(i + 9)].elementsEqual("[CDATA[".utf8) {
            i += 9
            let start = i
            while i < n && !(b[i] == 0x5D && i + 2 < n && b[i + 1] == 0x5D && b[i + 2] == 0x3E) { i += 1 }
            emit(.cdata(String(decoding: b[start..<i], as: UTF8.self)))
            if i >= n { endsInside = true }
            i = min(i + 3, n)
        } else {
            i += 2
            bogusComment()
        }
    }

    /// From `i` up to the next `>` (or the end): a comment of that data.
    mutating func bogusComment() {
        let start = i
        while i < n && b[i] != 0x3E { i += 1 }
        emit(.comment(String(decoding: b[start..<i], as: UTF8.self)))
        if i < n { i += 1 } else { endsInside = true }
    }

    /// After `<!--`: the comment states. `<!-->` and `<!--->` are empty comments; `--!>`
    /// also ends a comment; `--` inside is data; the end of the input ends it.
    mutating func comment() {
        var data: [UInt8] = []
        // Comment start and comment start dash.
        if i < n && b[i] == 0x3E {
            i += 1
            return emit(.comment(""))
        }
        if i + 1 < n && b[i] == 0x2D && b[i + 1] == 0x3E {
            i += 2
            return emit(.comment(""))
        }
        while i < n {
            let c = b[i]
            if c == 0x2D && i + 1 < n && b[i + 1] == 0x2D {
                // Comment end: `-->`, `--!>`, or more dashes (one of them data), or data.
                var k = i + 2
                while k < n && b[k] == 0x2D {
                    data.append(0x2D)
                    k += 1
                }
                if k < n && b[k] == 0x3E {
                    i = k + 1
                    return emit(.comment(String(decoding: data, as: UTF8.self)))
                }
                if k + 1 < n && b[k] == 0x21 && b[k + 1] == 0x3E {
                    i = k + 2
                    return emit(.comment(String(decoding: data, as: UTF8.self)))
                }
                data.append(contentsOf: [0x2D, 0x2D])
                i = k
                continue
            }
            data.append(c == 0 ? 0xEF : c)
            if c == 0 { data.append(contentsOf: [0xBF, 0xBD]) }
            i += 1
        }
        emit(.comment(String(decoding: data, as: UTF8.self)))
        endsInside = true
    }

    /// The content of a raw-text or RCDATA element, up to its end tag (`</name` then
    /// whitespace, `/` or `>`, any case), which is left for the data state.
    mutating func rawText(until name: String, decode: Bool) {
        let tag = Array(name.utf8)
        while i < n {
            if b[i] == 0x3C && i + 1 < n && b[i + 1] == 0x2F && i + 2 + tag.count <= n {
                var k = 0
                while k < tag.count && ByteClass.lower(b[i + 2 + k]) == tag[k] { k += 1 }
                let after = i + 2 + tag.count
                if k == tag.count && (after == n || Self.isSpace(b[after]) || b[after] == 0x2F || b[after] == 0x3E) {
                    return
                }
            }
            if decode && b[i] == 0x26 {
                i = HTMLCharacterReference.decode(b, at: i, inAttribute: false, into: &text)
            } else {
                text.append(b[i])
                i += 1
            }
        }
        endsInside = true
    }
}
