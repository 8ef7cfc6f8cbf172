/// The HTML5 named character references as a sorted table: names and UTF-8 values in two
/// byte pools, found by binary search without allocating.
struct EntityTable: Sendable {
    struct Entry: Sendable {
        var name: Range<Int>
        var value: Range<Int>
    }

    let names: [UInt8]
    let values: [UInt8]
    let entries: [Entry]

    static let shared = EntityTable(source: entityTableSource)

    /// Read once a run, by bytes: each line's name up to its space, then its comma-separated
    /// hexadecimal code points.
    init(source: String) {
        var names: [UInt8] = [], values: [UInt8] = [], entries: [Entry] = []
        var text = source
        text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let lineStart = i
                while i < b.count && b[i] != 0x0A { i += 1 }
                let lineEnd = i
                i += 1
                var space = lineStart
                while space < lineEnd && b[space] != 0x20 { space += 1 }
                guard space < lineEnd else { continue }
                let nameStart = names.count, valueStart = values.count
                names.append(contentsOf: UnsafeBufferPointer(rebasing: b[lineStart..<space]))
                var v: UInt32 = 0
                for k in space + 1...lineEnd {
                    if k == lineEnd || b[k] == 0x2C {
                        CharacterReference.appendScalar(v, to: &values)
                        v = 0
                    } else {
                        v = v * 16 + (CharacterReference.digit(b[k], hex: true) ?? 0)
                    }
                }
                entries.append(Entry(name: nameStart..<names.count, value: valueStart..<values.count))
            }
        }
        self.names = names
        self.values = values
        self.entries = entries
    }

    /// The value of the name `b[key]` (with its `;` if it has one), as a range of `values`.
    func value(_ b: [UInt8], _ key: Range<Int>) -> Range<Int>? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = compare(entries[mid].name, b, key)
            if c == 0 { return entries[mid].value }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    func append(_ value: Range<Int>, to out: inout [UInt8]) {
        out.append(contentsOf: values[value])
    }

    /// The byte order of a stored name against `b[key]`: negative, 0 or positive.
    private func compare(_ name: Range<Int>, _ b: [UInt8], _ key: Range<Int>) -> Int {
        var i = name.lowerBound, j = key.lowerBound
        while i < name.upperBound && j < key.upperBound {
            if names[i] != b[j] { return Int(names[i]) - Int(b[j]) }
            i += 1
            j += 1
        }
        return (name.upperBound - i) - (key.upperBound - j)
    }
}
