/// Byte predicates shared by the scanners (ASCII only; every non-ASCII byte is "other").
public enum ByteClass {
    @inline(__always) public static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) public static func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    @inline(__always) public static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
    }
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) public static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 { isLetter(b) ? b | 0x20 : b }
    /// ASCII punctuation as CommonMark defines it (what a backslash can escape).
    @inline(__always) public static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Whether `bytes[from..<end]` contains `needle` (ASCII, case-insensitive).
    static func contains(_ bytes: [UInt8], from: Int, end: Int, lowercased needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, end - from >= n else { return false }
        var i = from
        while i + n <= end {
            if ByteSearch.hasPrefix(bytes, at: i, end: end, lowercased: needle) { return true }
            i += 1
        }
        return false
    }
}
