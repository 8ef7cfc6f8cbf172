import RuleEngine

extension DocumentURL {
    /// Whether the URL is where a link goes: an inline link, a URI autolink, `<a href>` /
    /// `<area href>`, or a definition that is not only for images (one no reference uses
    /// included: it is written as a link's).
    var isLinkTarget: Bool {
        switch kind {
        case .link: true
        case .autolink: !isEmail
        case .html: uses.contains(.link)
        case .definition: uses.contains(.link) || uses.isEmpty
        case .image, .frontMatter: false
        }
    }
}

/// Byte helpers for URL values (ASCII, case-insensitive where said).
enum URLBytes {
    /// Whether `value` starts with `prefix`, ignoring ASCII case (`prefix` is lower-case).
    static func hasPrefix(_ value: [UInt8], _ prefix: String, at start: Int = 0) -> Bool {
        let p = Array(prefix.utf8)
        guard value.count - start >= p.count else { return false }
        for k in 0..<p.count where lower(value[start + k]) != p[k] { return false }
        return true
    }

    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// The first offset at or after `from` holding one of `bytes`, else `value.count`.
    static func firstIndex(of bytes: [UInt8], in value: [UInt8], from: Int = 0) -> Int {
        var i = from
        while i < value.count && !bytes.contains(value[i]) { i += 1 }
        return i
    }

    /// `%XX` decoded (as bytes; invalid escapes stay as written).
    static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = value.startIndex
        while i < value.endIndex {
            if value[i] == 0x25, i + 2 < value.endIndex, let hi = hex(value[i + 1]), let lo = hex(value[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    static func string(_ b: some Sequence<UInt8>) -> String { String(decoding: Array(b), as: UTF8.self) }
}
