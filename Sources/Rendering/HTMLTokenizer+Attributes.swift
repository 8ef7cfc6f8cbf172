extension HTMLTokenizer {
    /// The attribute states, from just after the tag name to just after `>`: the
    /// attributes (the first of two with one name wins) and the self-closing flag, or nil
    /// when the input ends inside the tag.
    mutating func attributes() -> ([HTMLAttribute], Bool)? {
        var result: [HTMLAttribute] = []
        var seen: Set<String> = []  // used past a few attributes, so a huge tag stays linear
        var name: [UInt8] = [], value: [UInt8] = []
        func add() {
            let key = String(decoding: name, as: UTF8.self)
            let duplicate = result.count < 8 ? result.contains { $0.name == key } : !seen.insert(key).inserted
            if !duplicate {
                result.append(HTMLAttribute(name: key, value: String(decoding: value, as: UTF8.self)))
                if result.count == 8 { seen = Set(result.map(\.name)) }
            }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
        }
        while true {
            // Before attribute name.
            while i < n && Self.isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            if b[i] == 0x3E {
                i += 1
                return (result, false)
            }
            if b[i] == 0x2F {
                // Self-closing start tag state: `/>` ends the tag, any other `/` is dropped.
                i += 1
                guard i < n else { return nil }
                if b[i] == 0x3E {
                    i += 1
                    return (result, true)
                }
                continue
            }
            // Attribute name: a leading `=` is part of it.
            Self.appendLowered(b[i], to: &name)
            i += 1
            while i < n {
                let c = b[i]
                if Self.isSpace(c) || c == 0x2F || c == 0x3E || c == 0x3D { break }
                Self.appendLowered(c, to: &name)
                i += 1
            }
            // After attribute name.
            while i < n && Self.isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            guard b[i] == 0x3D else {
                add()  // no value: the empty string
                continue
            }
            i += 1
            // Before attribute value.
            while i < n && Self.isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            let q = b[i]
            if q == 0x22 || q == 0x27 {
                i += 1
                while i < n && b[i] != q {
                    // A run without a reference or NUL, appended at once.
                    let start = i
                    while i < n && b[i] != q && b[i] != 0x26 && b[i] != 0 { i += 1 }
                    if i > start { value.append(contentsOf: b[start..<i]) } else { appendValueByte(&value) }
                }
                guard i < n else { return nil }
                i += 1
                add()
                // After attribute value (quoted): anything but space, `/` or `>` starts the
                // next attribute anyway (a parse error).
            } else if q == 0x3E {
                add()  // `a=>`: missing value
                i += 1
                return (result, false)
            } else {
                while i < n && !Self.isSpace(b[i]) && b[i] != 0x3E { appendValueByte(&value) }
                guard i < n else { return nil }
                add()
            }
        }
    }

    /// One byte (or character reference) of an attribute value.
    mutating func appendValueByte(_ value: inout [UInt8]) {
        let c = b[i]
        if c == 0x26 {
            i = HTMLCharacterReference.decode(b, at: i, inAttribute: true, into: &value)
        } else {
            if c == 0 { value.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { value.append(c) }
            i += 1
        }
    }
}
