/// The few text operations the command line needs beyond the standard library (galley
/// links FoundationEssentials only: the rest of Foundation, with ICU, would make the binary
/// more than twice as large and each run start about 1 ms later). Paths are `Path`'s.
enum TextHelpers {
    /// `s` without the spaces and tabs at either end.
    static func trimmingBlanks<S: StringProtocol>(_ s: S) -> String {
        trimming(s) { $0 == 0x20 || $0 == 0x09 }
    }

    /// `s` without the line breaks (LF, CR) at either end.
    static func trimmingLineBreaks<S: StringProtocol>(_ s: S) -> String {
        trimming(s) { $0 == 0x0A || $0 == 0x0D }
    }

    /// `s` without the spaces, tabs and line breaks at either end.
    static func trimmingWhitespace<S: StringProtocol>(_ s: S) -> String {
        trimming(s) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private static func trimming<S: StringProtocol>(_ s: S, _ drops: (UInt8) -> Bool) -> String {
        let text = String(s), u = text.utf8
        guard let first = u.firstIndex(where: { !drops($0) }), let last = u.lastIndex(where: { !drops($0) }) else { return "" }
        // (ASCII bytes at both ends: the cut falls between characters.)
        return String(text[first...last])
    }

    /// `s` padded with spaces on the right to `width` characters (never cut).
    static func padded(_ s: String, to width: Int) -> String {
        let n = s.count
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }
}
