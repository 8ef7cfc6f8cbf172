import MarkdownScanner
import RuleEngine

/// Where an image URL points, in terms of the site: a site-absolute path, a path
/// relative to the document, or somewhere else (never checked).
struct ImageLocation {
    enum Target: Equatable {
        /// `/…` as written (not decoded).
        case site(String)
        /// Relative to the document's directory, as written.
        case relative(String)
        /// Another host, a scheme like `data:`, or nothing to check.
        case elsewhere
    }

    /// How the URL's text turns into the file name it means: Markdown destinations undo
    /// backslash escapes and entity references, HTML attributes entity references; then
    /// `%XX` is decoded.
    enum Decoding { case markdown, html, none }

    var target: Target
    var decoding = Decoding.none
    /// `?query` and `#fragment` (Ghost's `#full`), kept on a rewrite, ignored for existence.
    var suffix: Substring
    /// `__GHOST_URL__` or an origin of `site.url` came off to make the site path.
    var droppedOrigin: Bool

    init(_ url: String, siteURLs: [String], decoding: Decoding = .none) {
        self.decoding = decoding
        // `&#38;` is a character reference, not a fragment, where references are decoded.
        // (By bytes: `?`, `#` and `&` are ASCII, and a URL's delimiters are its bytes.)
        let bytes = url.utf8
        var cut = bytes.endIndex
        var previous: UInt8 = 0x20
        for i in bytes.indices {
            let c = bytes[i]
            if c == 0x3F || (c == 0x23 && !(decoding != .none && previous == 0x26)) {
                cut = i
                break
            }
            previous = c
        }
        var path = Substring(String(Substring(bytes[..<cut])))
        suffix = Substring(String(Substring(bytes[cut...])))
        droppedOrigin = false
        if path.hasPrefix("__GHOST_URL__/") {
            path = path.dropFirst("__GHOST_URL__".count)
            droppedOrigin = true
        } else if path.hasPrefix("http://") || path.hasPrefix("https://") {
            guard let origin = siteURLs.first(where: { path.lowercased().hasPrefix($0.lowercased() + "/") }) else {
                target = .elsewhere
                return
            }
            path = path.dropFirst(origin.count)
            droppedOrigin = true
        }
        if path.isEmpty || path.hasPrefix("//") {
            target = .elsewhere
        } else if path.hasPrefix("/") {
            target = .site(String(path))
        } else if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") {
            target = .elsewhere  // data:, mailto:, another scheme
        } else {
            target = .relative(String(path))
        }
    }

    /// The file path `path` (a part of this URL) names: its escapes and references read
    /// as the URL view reads them, then `%XX` decoded.
    func decoded(_ path: String) -> String {
        switch decoding {
        case .markdown: Self.percentDecoded(DecodedURL.decode(path, .markdown))
        case .html: Self.percentDecoded(DecodedURL.decode(path, .html))
        case .none: Self.percentDecoded(path)
        }
    }

    /// `%XX` sequences decoded (as UTF-8); the text as it is when they do not decode.
    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(0x25) else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let c = it.first {
            it = it.dropFirst()
            if c == 0x25, it.count >= 2, let hi = hex(it[it.startIndex]), let lo = hex(it[it.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? s
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// A path made safe for a Markdown destination, an attribute or a plain YAML value:
    /// spaces, controls, quotes, angle brackets, parentheses, `%`, `#`, `?` and `\\`
    /// percent-encoded.
    static func percentEncoded(_ s: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in s.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x3E
                || byte == 0x28 || byte == 0x29 || byte == 0x25 || byte == 0x23 || byte == 0x3F || byte == 0x5C {
                out += [0x25, digits[Int(byte >> 4)], digits[Int(byte & 15)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Ghost's resized or re-encoded copy, `…/content/images/size/w600[h400]/(format/webp/)?rest`,
    /// and the original it came from, `…/content/images/rest`.
    static func originalOfVariant(_ path: String) -> String? {
        let needle = Array("/content/images/size/".utf8), bytes = Array(path.utf8)
        guard bytes.count > needle.count,
              let at = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        let prefix = String(decoding: bytes[..<at], as: UTF8.self)
        let tail = String(decoding: bytes[(at + needle.count)...], as: UTF8.self)
        var rest = tail[...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let size = rest[..<slash]
        guard size.first == "w", isSize(size.dropFirst()) else { return nil }
        rest = rest[rest.index(after: slash)...]
        if rest.hasPrefix("format/") {
            let afterFormat = rest.dropFirst("format/".count)
            guard let end = afterFormat.firstIndex(of: "/"), afterFormat.startIndex < end else { return nil }
            rest = afterFormat[afterFormat.index(after: end)...]
        }
        guard !rest.isEmpty else { return nil }
        return prefix + "/content/images/" + rest
    }

    /// `600` or `600h400`.
    private static func isSize(_ s: Substring) -> Bool {
        let parts = s.split(separator: "h", omittingEmptySubsequences: false)
        return (parts.count == 1 || parts.count == 2) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
