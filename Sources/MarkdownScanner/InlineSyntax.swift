/// Small inline constructs that both the block pass (one-line link definitions) and
/// the inline pass (link tails) need.
public enum InlineSyntax {
    /// A link title starting at `i` (`"…"`, `'…'` or `(…)`, backslash escapes skipped):
    /// the offset after its closing character, or nil when it does not close before `end`.
    public static func titleEnd(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        guard i < end, b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x28 else { return nil }
        let close: UInt8 = b[i] == 0x28 ? 0x29 : b[i]
        var j = i + 1
        while j < end && b[j] != close {
            if b[j] == 0x5C { j += 1 }
            j += 1
        }
        return j < end ? j + 1 : nil
    }

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
