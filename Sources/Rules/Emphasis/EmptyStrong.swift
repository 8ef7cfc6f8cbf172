/// `****` with whitespace on both sides, inside a line: what converters write for an
/// empty `<strong></strong>`. CommonMark prints the four asterisks. doubled-emphasis
/// owns it (and removes it); mismatched-emphasis leaves it alone, so a run has one
/// finding at most. A line that is only `****` is a thematic break and never gets here.
enum EmptyStrong {
    static func isEmptyStrong(_ s: EmphasisSegment) -> Bool {
        s.char == 0x2A && !s.isEscape && s.length == 4 && s.runLength == 4 && s.shape == .isolated
            && !(s.atLineStart && s.atLineEnd)
    }
}
