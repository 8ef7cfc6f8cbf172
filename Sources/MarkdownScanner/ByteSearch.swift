/// Searching bytes for short ASCII literals, shared by the scanner and the rules.
public enum ByteSearch {
    /// The offset of the first `needle` in `b[from..<end]`, or nil.
    public static func index(of needle: StaticString, in b: [UInt8], from: Int, end: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { nb in
            var i = from
            while i + n <= end {
                if b[i] == nb[0] {
                    var k = 1
                    while k < n && b[i + k] == nb[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether `b[at...]` starts with `literal`, ignoring ASCII case (`literal` is lower-case).
    public static func hasPrefix(_ b: [UInt8], at: Int, end: Int, lowercased literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at >= 0, at + n <= end else { return false }
        return literal.withUTF8Buffer { lit in
            for k in 0..<n where ByteClass.lower(b[at + k]) != lit[k] { return false }
            return true
        }
    }
}
