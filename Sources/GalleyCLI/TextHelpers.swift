/// The few text and path operations the command line needs beyond the standard library
/// (galley links FoundationEssentials only: the rest of Foundation, with ICU, would make the
/// binary three times larger and each run on one post start about 2 ms later).
enum TextHelpers {
    /// `path` without its last component, as a path is read: trailing slashes first
    /// dropped ("a/b/" is in "a"), "/" for a file at the root, "" for a bare name.
    static func parent(of path: String) -> String {
        var u = Substring(path).utf8
        while u.count > 1, u.last == 0x2F { u = u.dropLast() }
        guard let slash = u.lastIndex(of: 0x2F) else { return "" }
        var head = u[..<slash]
        while head.last == 0x2F { head = head.dropLast() }
        return head.isEmpty ? "/" : String(Substring(head))
    }

    /// `directory/name` ("name" when the directory is "", one slash between them).
    static func appending(_ name: String, to directory: String) -> String {
        if directory.isEmpty { return name }
        return directory.utf8.last == 0x2F ? directory + name : directory + "/" + name
    }

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
