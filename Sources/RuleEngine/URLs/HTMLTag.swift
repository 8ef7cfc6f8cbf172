import MarkdownScanner

/// A start tag of the document's raw HTML with its attributes, read the way a browser's
/// tokenizer reads it (once, left to right, never backing up).
public struct HTMLTag: Sendable, Equatable {
    /// Lower-cased.
    public var name: String
    /// From `<` to `>`.
    public var range: Range<Int>
    public var attributes: [HTMLTagAttribute]

    /// The first attribute of that (lower-case) name; a browser ignores repeated ones.
    public func attribute(_ name: String) -> HTMLTagAttribute? { attributes.first { $0.name == name } }
}

public struct HTMLTagAttribute: Sendable, Equatable {
    /// Lower-cased.
    public var name: String
    /// The value's bytes without its quotes; nil for an attribute without a value (`alt`).
    public var value: Range<Int>?
    /// `"` or `'`, or 0 for an unquoted value.
    public var quote: UInt8
}

/// Reads the start tags out of raw HTML.
enum HTMLTagScanner {
    /// Elements whose content galley reads as text, not markup (code, as it sees it).
    static let rawTextElements: [StaticString] = ["script", "style", "textarea", "pre"]

    /// The start tags in `b[range]` that `keep` accepts, skipping comments and the content
    /// of `<script>`, `<style>`, `<textarea>` and `<pre>`. A tag that never closes ends
    /// the scan, as it ends a browser's reading of the markup; so every byte is read once.
    static func tags(in b: [UInt8], _ range: Range<Int>, keep: (String, [HTMLTagAttribute]) -> Bool, into result: inout [HTMLTag]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard b[i] == 0x3C, i + 1 < end else {
                i += 1
                continue
            }
            if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<!--") {
                i = ByteSearch.index(of: "-->", in: b, from: i + 4, end: end).map { $0 + 3 } ?? end
                continue
            }
            if let skip = rawTextEnd(b, at: i, end: end) {
                i = skip
                continue
            }
            guard ByteClass.isLetter(b[i + 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < end && !ByteClass.isWhitespace(b[j]) && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let name = lowercased(b, (i + 1)..<j)
            guard let (attributes, tagEnd) = attributes(b, from: j, end: end) else { return }
            if keep(name, attributes) { result.append(HTMLTag(name: name, range: i..<tagEnd, attributes: attributes)) }
            i = tagEnd
        }
    }

    /// At `<script`, `<style`, `<textarea` or `<pre`: the offset after the element's
    /// closing tag (or `end` when it never closes).
    static func rawTextEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        for name in rawTextElements where ByteSearch.hasPrefix(b, at: i + 1, end: end, lowercased: name) {
            let after = i + 1 + name.utf8CodeUnitCount
            guard after == end || ByteClass.isWhitespace(b[after]) || b[after] == 0x3E else { continue }
            var j = after
            while j + 2 + name.utf8CodeUnitCount <= end {
                if b[j] == 0x3C && b[j + 1] == 0x2F && ByteSearch.hasPrefix(b, at: j + 2, end: end, lowercased: name) {
                    return j + 2 + name.utf8CodeUnitCount
                }
                j += 1
            }
            return end
        }
        return nil
    }

    /// The attributes from `start` (after the tag name) to the tag's `>`: the attributes
    /// and the offset after `>`; nil when the tag never closes.
    static func attributes(_ b: [UInt8], from start: Int, end: Int) -> ([HTMLTagAttribute], Int)? {
        var j = start
        var attributes: [HTMLTagAttribute] = []
        while j < end {
            while j < end && (ByteClass.isWhitespace(b[j]) || b[j] == 0x2F) { j += 1 }
            guard j < end else { return nil }
            if b[j] == 0x3E { return (attributes, j + 1) }
            let nameStart = j
            while j < end && !ByteClass.isWhitespace(b[j]) && b[j] != 0x3D && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let name = lowercased(b, nameStart..<j)
            var k = j
            while k < end && ByteClass.isWhitespace(b[k]) { k += 1 }
            guard k < end, b[k] == 0x3D else {
                attributes.append(HTMLTagAttribute(name: name, value: nil, quote: 0))
                continue
            }
            k += 1
            while k < end && ByteClass.isWhitespace(b[k]) { k += 1 }
            guard k < end else { return nil }
            if b[k] == 0x22 || b[k] == 0x27 {
                let quote = b[k]
                var e = k + 1
                while e < end && b[e] != quote { e += 1 }
                guard e < end else { return nil }
                attributes.append(HTMLTagAttribute(name: name, value: (k + 1)..<e, quote: quote))
                j = e + 1
            } else {
                var e = k
                while e < end && !ByteClass.isWhitespace(b[e]) && b[e] != 0x3E { e += 1 }
                attributes.append(HTMLTagAttribute(name: name, value: k..<e, quote: 0))
                j = e
            }
        }
        return nil
    }

    /// `b[range]` in lower case, without an intermediate array (names are short: most
    /// fit in a string's inline storage).
    static func lowercased(_ b: [UInt8], _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (k, i) in range.enumerated() { buffer[k] = ByteClass.lower(b[i]) }
            return range.count
        }
    }

    /// The URL of each candidate of a `srcset` value (`a.png 600w, b.png 2x`).
    static func sourceSetURLs(_ b: [UInt8], _ value: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = value.lowerBound
        while i < value.upperBound {
            while i < value.upperBound && (ByteClass.isWhitespace(b[i]) || b[i] == 0x2C) { i += 1 }
            guard i < value.upperBound else { break }
            let start = i
            while i < value.upperBound && !ByteClass.isWhitespace(b[i]) { i += 1 }
            var urlEnd = i
            while urlEnd > start && b[urlEnd - 1] == 0x2C { urlEnd -= 1 }
            if urlEnd > start { result.append(start..<urlEnd) }
            // The descriptor, up to the comma that ends the candidate.
            if urlEnd == i {
                while i < value.upperBound && b[i] != 0x2C { i += 1 }
            }
        }
        return result
    }
}
