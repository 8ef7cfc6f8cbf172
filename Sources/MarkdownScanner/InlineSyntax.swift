/// Inline facts the rules and the structure check ask about.
public enum InlineSyntax {
    /// Whether the text `b[start..<end]` ends with a hard line break: two spaces, or an
    /// odd number of backslashes (an even number escape each other).
    public static func endsWithHardBreak(_ b: [UInt8], start: Int, end: Int) -> Bool {
        if end - start >= 2 && b[end - 1] == 0x20 && b[end - 2] == 0x20 { return true }
        var e = end, slashes = 0
        while e > start && b[e - 1] == 0x5C {
            slashes += 1
            e -= 1
        }
        return slashes % 2 == 1
    }
}
