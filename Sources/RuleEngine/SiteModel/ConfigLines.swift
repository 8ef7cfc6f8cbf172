/// A generator's configuration file read by its literal lines, never evaluated: TOML
/// `key = "value"` (with `[section]` headers and dotted keys), YAML `key: value` (top
/// level, and one level under a key without a value), and JavaScript `key: 'value'`
/// anywhere on a line. A key whose value is not written as a literal there (a variable,
/// a multi-line string, a function call) is kept with no value, so the caller can say
/// what it could not read.
struct ConfigLines {
    enum Syntax { case toml, yaml, javascript }

    struct Entry: Equatable {
        /// The table or parent key ("" at the top level).
        var section: String
        var key: String
        /// The strings written: one for a scalar, several for a one-line list; nil when the
        /// value is not a literal.
        var values: [String]?
        /// What follows the key, as written (for messages).
        var written: String
        /// 1-based.
        var line: Int
    }

    let entries: [Entry]

    init(_ bytes: [UInt8], _ syntax: Syntax) {
        var entries: [Entry] = []
        var section = ""
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var line = Array(bytes[start..<end])
            if line.last == 0x0D { line.removeLast() }
            switch syntax {
            case .toml: Self.toml(line, lineNumber, &section, &entries)
            case .yaml: Self.yaml(line, lineNumber, &section, &entries)
            case .javascript: Self.javascript(line, lineNumber, &entries)
            }
            start = end + 1
        }
        self.entries = entries
    }

    /// The first entry of `key` in `section`.
    func entry(_ key: String, in section: String = "") -> Entry? {
        entries.first { $0.key == key && $0.section == section }
    }

    /// Its single string value, or nil.
    func string(_ key: String, in section: String = "") -> String? {
        entry(key, in: section)?.values?.first
    }

    /// The entries of a section (`[permalinks]`), in order.
    func section(_ name: String) -> [Entry] { entries.filter { $0.section == name } }

    // MARK: TOML

    private static func toml(_ line: [UInt8], _ number: Int, _ section: inout String, _ entries: inout [Entry]) {
        var i = skipSpaces(line, 0)
        guard i < line.count, line[i] != 0x23 else { return }
        if line[i] == 0x5B {
            let doubled = i + 1 < line.count && line[i + 1] == 0x5B
            var j = i + (doubled ? 2 : 1)
            let nameStart = j
            while j < line.count && line[j] != 0x5D { j += 1 }
            section = text(line[nameStart..<j]).trimmed
            return
        }
        let keyStart = i
        var inQuote: UInt8 = 0
        while i < line.count && (inQuote != 0 || line[i] != 0x3D) {
            if line[i] == 0x22 || line[i] == 0x27 { inQuote = inQuote == line[i] ? 0 : (inQuote == 0 ? line[i] : inQuote) }
            i += 1
        }
        guard i < line.count else { return }
        var key = text(line[keyStart..<i]).trimmed.unquoted
        var keySection = section
        if let dot = key.lastIndex(of: "."), !key.hasPrefix("\"") {
            keySection = (section.isEmpty ? "" : section + ".") + String(key[..<dot]).trimmed
            key = String(key[key.index(after: dot)...]).trimmed
        }
        let rest = Array(line[(i + 1)...])
        entries.append(Entry(section: keySection, key: key, values: value(rest, comment: 0x23), written: text(rest[...]).trimmed, line: number))
    }

    // MARK: YAML

    private static func yaml(_ line: [UInt8], _ number: Int, _ section: inout String, _ entries: inout [Entry]) {
        let indent = skipSpaces(line, 0)
        guard indent < line.count, line[indent] != 0x23 else { return }
        if indent == 0 && line.starts(with: Array("---".utf8)) { return }
        if line[indent] == 0x2D, indent + 1 >= line.count || line[indent + 1] == 0x20 {
            // `  - item` under a key without a value: one more value of that key.
            guard indent > 0, let k = entries.indices.last, entries[k].written.isEmpty || entries[k].written.hasPrefix("#") else { return }
            if let item = value(Array(line[(indent + 1)...]), comment: 0x23)?.first {
                entries[k].values = (entries[k].values ?? []) + [item]
            }
            return
        }
        guard let colon = keyEnd(line, from: indent) else { return }
        let key = text(line[indent..<colon]).trimmed.unquoted
        let rest = Array(line[(colon + 1)...])
        let restText = text(rest[...]).trimmed
        let valueless = restText.isEmpty || restText.hasPrefix("#")
        if indent == 0 {
            section = valueless ? key : ""
            entries.append(Entry(section: "", key: key, values: valueless ? [] : value(rest, comment: 0x23), written: restText, line: number))
        } else if !section.isEmpty {
            entries.append(Entry(section: section, key: key, values: valueless ? nil : value(rest, comment: 0x23), written: restText, line: number))
        }
    }

    /// The `:` that ends a YAML key (followed by a space or the end of the line).
    private static func keyEnd(_ line: [UInt8], from start: Int) -> Int? {
        var i = start
        var inQuote: UInt8 = 0
        while i < line.count {
            let c = line[i]
            if inQuote != 0 {
                if c == inQuote { inQuote = 0 }
            } else if (c == 0x22 || c == 0x27) && i == start {
                inQuote = c
            } else if c == 0x3A && (i + 1 == line.count || line[i + 1] == 0x20 || line[i + 1] == 0x09) {
                return i
            } else if c == 0x20 && i + 1 < line.count && line[i + 1] == 0x23 {
                return nil
            }
            i += 1
        }
        return nil
    }

    // MARK: JavaScript

    /// Every `key: value` of the line (object literal properties), outside `//` comments.
    private static func javascript(_ line: [UInt8], _ number: Int, _ entries: inout [Entry]) {
        var i = skipSpaces(line, 0)
        if i + 1 < line.count && line[i] == 0x2F && (line[i + 1] == 0x2F || line[i + 1] == 0x2A) { return }
        while i < line.count {
            let c = line[i]
            if c == 0x22 || c == 0x27 || c == 0x60 {
                // A quoted key (`"site": …`), or a string to step over.
                var j = i + 1
                while j < line.count && line[j] != c { j += line[j] == 0x5C ? 2 : 1 }
                let after = skipSpaces(line, min(j + 1, line.count))
                if c != 0x60, after < line.count, line[after] == 0x3A, j < line.count {
                    add(text(line[(i + 1)..<j]), after, line, number, &entries)
                    i = after + 1
                    continue
                }
                i = j + 1
                continue
            }
            if isIdentifierStart(c) && (i == 0 || !isIdentifier(line[i - 1])) {
                var j = i
                while j < line.count && isIdentifier(line[j]) { j += 1 }
                let after = skipSpaces(line, j)
                if after < line.count, line[after] == 0x3A, !(after + 1 < line.count && line[after + 1] == 0x3A) {
                    add(text(line[i..<j]), after, line, number, &entries)
                    i = after + 1
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
    }

    private static func add(_ key: String, _ colon: Int, _ line: [UInt8], _ number: Int, _ entries: inout [Entry]) {
        let rest = Array(line[(colon + 1)...])
        var values: [String]?
        let start = skipSpaces(rest, 0)
        if start < rest.count, rest[start] == 0x22 || rest[start] == 0x27 || rest[start] == 0x60 {
            let q = rest[start]
            var j = start + 1
            while j < rest.count && rest[j] != q { j += rest[j] == 0x5C ? 2 : 1 }
            let body = text(rest[min(start + 1, rest.count)..<min(j, rest.count)])
            if j < rest.count && !(q == 0x60 && body.contains("${")) { values = [body] }
        }
        var written = text(rest[...]).trimmed
        if let comma = written.firstIndex(of: ","), values != nil { written = String(written[..<comma]) }
        while written.hasSuffix(",") || written.hasSuffix(" ") { written.removeLast() }
        entries.append(Entry(section: "", key: key, values: values, written: written, line: number))
    }

    private static func isIdentifierStart(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || c == 0x24 }
    private static func isIdentifier(_ c: UInt8) -> Bool { isIdentifierStart(c) || (c >= 0x30 && c <= 0x39) }

    // MARK: values

    /// A literal value: a quoted string, a one-line list of them, or a bare word; nil for
    /// anything else (a multi-line string, an expression).
    static func value(_ rest: [UInt8], comment: UInt8) -> [String]? {
        let i = skipSpaces(rest, 0)
        guard i < rest.count else { return nil }
        if rest[i] == 0x5B {
            var items: [String] = []
            var j = i + 1
            while j < rest.count {
                j = skipSpaces(rest, j)
                guard j < rest.count else { return nil }
                if rest[j] == 0x5D { return items }
                if rest[j] == 0x2C {
                    j += 1
                    continue
                }
                guard let (item, next) = scalar(rest, j, stops: [0x2C, 0x5D], comment: comment) else { return nil }
                items.append(item)
                j = next
            }
            return nil
        }
        return scalar(rest, i, stops: [], comment: comment).map { [$0.0] }
    }

    /// A quoted or bare scalar at `i`: its text and the offset after it.
    private static func scalar(_ b: [UInt8], _ i: Int, stops: [UInt8], comment: UInt8) -> (String, Int)? {
        let c = b[i]
        if c == 0x22 || c == 0x27 {
            if b.count >= i + 3 && b[i + 1] == c && b[i + 2] == c { return nil }  // """ multi-line
            var out: [UInt8] = []
            var j = i + 1
            while j < b.count && b[j] != c {
                if c == 0x22 && b[j] == 0x5C && j + 1 < b.count {
                    out.append(b[j + 1])
                    j += 2
                } else {
                    out.append(b[j])
                    j += 1
                }
            }
            guard j < b.count else { return nil }
            return (text(out[...]), j + 1)
        }
        var j = i
        while j < b.count && !stops.contains(b[j]) && !(b[j] == comment && j > i && (b[j - 1] == 0x20 || b[j - 1] == 0x09)) { j += 1 }
        let word = text(b[i..<j]).trimmed
        // `|`, `>`, `{`, `&`, `*`: YAML blocks, flow maps, anchors; not literal lines.
        if word.isEmpty || word.hasPrefix("|") || word.hasPrefix(">") || word.hasPrefix("{") || word.hasPrefix("&") || word.hasPrefix("*") { return nil }
        return (word, j)
    }

    private static func skipSpaces(_ b: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i
    }

    private static func text(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e && (u[s] == 0x20 || u[s] == 0x09) { s += 1 }
        while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09) { e -= 1 }
        return String(decoding: u[s..<e], as: UTF8.self)
    }

    /// Without one pair of surrounding quotes.
    var unquoted: String {
        let u = Array(utf8)
        if u.count >= 2, u[0] == u[u.count - 1], u[0] == 0x22 || u[0] == 0x27 {
            return String(decoding: u[1..<(u.count - 1)], as: UTF8.self)
        }
        return self
    }
}
