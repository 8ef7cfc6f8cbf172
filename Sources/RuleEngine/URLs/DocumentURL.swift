/// One URL of a document, as `Document.urls` lists it: where it is written, how the
/// document uses it, and what it says once read the way a renderer reads it.
public struct DocumentURL: Sendable {
    public enum Kind: UInt8, Sendable {
        /// The destination of an inline link, `[text](url "title")`.
        case link
        /// The destination of an inline image, `![alt](url)`.
        case image
        /// `<https://…>`; `isEmail` for `<a@b.example>`.
        case autolink
        /// `[label]: url`, whichever links and images use it (`references`).
        case definition
        /// An HTML attribute: `href`, `src`, `poster`, or one candidate of a `srcset`.
        case html
        /// A front matter value under one of the site's image keys.
        case frontMatter
    }

    /// What the URL is for: a page (links), an image, something else (a script, an
    /// iframe). A definition is for what the references using it are for, so maybe none.
    public struct Uses: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let link = Uses(rawValue: 1)
        public static let image = Uses(rawValue: 2)
        public static let other = Uses(rawValue: 4)
    }

    public var kind: Kind
    public var uses: Uses
    /// The URL's bytes in the file: no angle brackets, quotes, title or `srcset`
    /// descriptor. An edit of the URL stays inside them.
    public var range: Range<Int>
    /// The URL as written.
    public var written: String { writtenText ?? decoded.string }
    /// The written text when it differs from the value (references, escapes, YAML quoting).
    var writtenText: String?
    /// The URL as meant (`decoded.value`): after backslash escapes and entity references
    /// in Markdown, character references in HTML; as written elsewhere.
    public var decoded: DecodedURL
    /// For `.html`: the tag (an index into `URLView.tags`) and the attribute.
    public var tag: Int?
    public var attribute: String?
    /// The Markdown links and images that use it (indices into `URLView.references`): one
    /// for an inline link, those whose label it defines for a definition.
    public var references: [Int] = []
    /// The quote around an HTML attribute value (0 when unquoted or not HTML).
    public var quote: UInt8 = 0
    /// `<…>` around a Markdown destination (spaces are then allowed).
    public var isAngleBracketed = false
    /// An email autolink (`<a@b.example>`, a `mailto:` link without the scheme).
    public var isEmail = false
    /// False for a front matter value whose bytes are not the value (escapes, folded
    /// lines): such a URL may be checked, never rewritten.
    public var editable = true

    /// The value, the way a renderer reads it.
    public var value: [UInt8] { decoded.value }

    /// The file range that writes `value[range]`.
    public func writtenRange(ofValue range: Range<Int>) -> Range<Int> { decoded.writtenRange(of: range) }

    /// An edit that replaces `value[range]` with `replacement` (a URL fragment, as meant),
    /// written the way this URL is written (an `&` as `&amp;` in an attribute that writes
    /// it so, a space as `%20` in a bare destination). Every other byte stays as it is.
    public func edit(replacingValue range: Range<Int>, with replacement: String = "") -> Edit {
        Edit(range: writtenRange(ofValue: range), replacement: encoded(replacement))
    }

    /// `text` as this URL's syntax needs it written.
    func encoded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let escapesAmpersands = kind == .html && written.utf8.contains(0x26) && decoded.offsets != nil
        for c in text.utf8 {
            switch kind {
            case .html:
                if c == 0x26 && escapesAmpersands {
                    out += Array("&amp;".utf8)
                } else if c == 0x22 && quote == 0x22 {
                    out += Array("&quot;".utf8)
                } else if c == 0x27 && quote == 0x27 {
                    out += Array("&#39;".utf8)
                } else if quote == 0 && (c <= 0x20 || c == 0x3E || c == 0x22 || c == 0x27 || c == 0x3C || c == 0x3D || c == 0x60) {
                    Self.percentEncode(c, into: &out)
                } else {
                    out.append(c)
                }
            case .link, .image, .definition:
                if c < 0x20 || c == 0x7F || c == 0x3C || c == 0x3E || c == 0x5C
                    || (!isAngleBracketed && (c == 0x20 || c == 0x28 || c == 0x29)) {
                    Self.percentEncode(c, into: &out)
                } else {
                    out.append(c)
                }
            case .autolink, .frontMatter:
                if c <= 0x20 || c == 0x7F || c == 0x3C || c == 0x3E { Self.percentEncode(c, into: &out) } else { out.append(c) }
            }
        }
        return out
    }

    static func percentEncode(_ c: UInt8, into out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += [0x25, digits[Int(c >> 4)], digits[Int(c & 15)]]
    }
}

/// A Markdown link or image of the document, with the URL it goes to.
public struct MarkdownReference: Sendable, Equatable {
    /// The link text or alt text, between the brackets.
    public var text: Range<Int>
    public var isImage: Bool
    /// The index of its URL in `URLView.urls`: its own destination, or the definition of
    /// its label.
    public var url: Int
}
