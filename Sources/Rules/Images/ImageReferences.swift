import FrontMatter
import MarkdownScanner
import RuleEngine

/// One place a document names an image: a Markdown image (inline, or the definition a
/// reference image uses), `src` or a `srcset` candidate of an HTML `<img>`, or a front
/// matter value under one of the site's image keys.
struct ImageReference {
    enum Origin {
        case markdown, definition, htmlSource, htmlSourceSet, frontMatter

        var decoding: ImageLocation.Decoding {
            switch self {
            case .markdown, .definition: .markdown
            case .htmlSource, .htmlSourceSet: .html
            case .frontMatter: .none
            }
        }
    }

    var origin: Origin
    /// The URL's bytes, which a fix replaces (no angle brackets, quotes or descriptors).
    var range: Range<Int>
    /// The URL as written.
    var url: String
    /// False where the bytes are not the value (a front matter scalar with escapes or
    /// folded lines): such a reference is checked but never rewritten.
    var editable = true
}

/// An `<img>` tag's attributes, read from raw HTML.
struct HTMLImageTag {
    /// The tag's bytes, from `<` to `>`.
    var range: Range<Int>
    /// Lower-cased attribute names with the range of their value (quotes excluded; nil
    /// for an attribute without a value).
    var attributes: [(name: String, value: Range<Int>?)]

    func value(_ name: String) -> Range<Int>?? { attributes.first { $0.name == name }.map(\.value) }

    /// Elements whose content is text, not markup: an `<img>` inside is not an image.
    static let rawTextElements: [StaticString] = ["script", "style", "textarea", "pre"]

    /// The `<img>` tags of the document's raw HTML: inline HTML and HTML blocks, except
    /// blocks of raw text (type 1: `<script>`, `<pre>`, `<style>`, `<textarea>`).
    static func all(in document: Document) -> [HTMLImageTag] {
        var ranges = document.inlines.spans.filter { $0.kind == .rawHTML }.map(\.range)
        for block in document.blocks.blocks where block.kind == .html && block.htmlType >= 2 {
            ranges.append(document.source.lineStart(block.firstLine)..<document.source.lineEnd(block.lastLine))
        }
        return ranges.flatMap { all(in: document.bytes, $0) }
    }

    /// The `<img …>` tags in `b[range]`, skipping HTML comments and the content of
    /// `<script>`, `<style>`, `<textarea>` and `<pre>` (code, as galley reads it).
    static func all(in b: [UInt8], _ range: Range<Int>) -> [HTMLImageTag] {
        var result: [HTMLImageTag] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard b[i] == 0x3C else {
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
            if ByteSearch.hasPrefix(b, at: i, end: end, lowercased: "<img"), i + 4 < end,
               ByteClass.isWhitespace(b[i + 4]) || b[i + 4] == 0x3E || b[i + 4] == 0x2F,
               let tag = parse(b, at: i, end: end) {
                result.append(tag)
                i = tag.range.upperBound
                continue
            }
            i += 1
        }
        return result
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

    /// Reads the attributes of the tag at `start` (`<img`); nil when it never closes.
    static func parse(_ b: [UInt8], at start: Int, end: Int) -> HTMLImageTag? {
        var j = start + 4
        var attributes: [(String, Range<Int>?)] = []
        while j < end {
            while j < end && (ByteClass.isWhitespace(b[j]) || b[j] == 0x2F) { j += 1 }
            guard j < end else { return nil }
            if b[j] == 0x3E { return HTMLImageTag(range: start..<(j + 1), attributes: attributes) }
            let nameStart = j
            while j < end && !ByteClass.isWhitespace(b[j]) && b[j] != 0x3D && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let name = String(decoding: b[nameStart..<j].map(ByteClass.lower), as: UTF8.self)
            var k = j
            while k < end && ByteClass.isWhitespace(b[k]) { k += 1 }
            guard k < end, b[k] == 0x3D else {
                attributes.append((name, nil))
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
                attributes.append((name, (k + 1)..<e))
                j = e + 1
            } else {
                var e = k
                while e < end && !ByteClass.isWhitespace(b[e]) && b[e] != 0x3E { e += 1 }
                attributes.append((name, k..<e))
                j = e
            }
        }
        return nil
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

extension ImageReference {
    /// Each definition's destination by its normalized label (the first definition of a
    /// label is the one links use).
    static func definitionDestinations(_ document: Document) -> [String: Range<Int>] {
        Dictionary(document.blocks.definitionList.map { ($0.label, $0.destination) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every image reference of the document, in order of position.
    static func all(in document: Document, imageKeys: [String]) -> [ImageReference] {
        let b = document.bytes
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        var result: [ImageReference] = []
        let index = document.inlines
        var usedDefinitions = Set<String>()
        let definitions = definitionDestinations(document)
        for link in index.linkTexts where link.isImage {
            if let destination = link.destination, !destination.isEmpty {
                result.append(ImageReference(origin: .markdown, range: destination, url: text(destination)))
            } else if let label = link.label, usedDefinitions.insert(label).inserted,
                      let destination = definitions[label], !destination.isEmpty {
                result.append(ImageReference(origin: .definition, range: destination, url: text(destination)))
            }
        }
        for tag in HTMLImageTag.all(in: document) {
            if case let source?? = tag.value("src"), !source.isEmpty {
                result.append(ImageReference(origin: .htmlSource, range: source, url: text(source)))
            }
            if case let set?? = tag.value("srcset") {
                for url in HTMLImageTag.sourceSetURLs(b, set) {
                    result.append(ImageReference(origin: .htmlSourceSet, range: url, url: text(url)))
                }
            }
        }
        if let pairs = document.yaml?.root?.mapping {
            for pair in pairs where imageKeys.contains(pair.key.scalar ?? "") {
                for node in pair.value.sequence ?? [pair.value] {
                    guard case let .scalar(value, style) = node.kind, !value.isEmpty else { continue }
                    var r = node.range
                    if style == .singleQuoted || style == .doubleQuoted { r = (r.lowerBound + 1)..<(r.upperBound - 1) }
                    let editable = (style == .plain || style == .singleQuoted || style == .doubleQuoted)
                        && r.lowerBound <= r.upperBound && b[r].elementsEqual(value.utf8)
                    result.append(ImageReference(origin: .frontMatter, range: r, url: value, editable: editable))
                }
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
