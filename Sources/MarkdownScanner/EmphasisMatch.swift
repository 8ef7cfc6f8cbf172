/// One pairing the emphasis algorithm made (CommonMark §6.2, "process emphasis"): `count`
/// characters of an opener's run with as many of a closer's. One character is `<em>`, two
/// are `<strong>`; pairs nest as their offsets do.
public struct EmphasisMatch: Sendable, Equatable {
    /// File offset of the first of the opener's characters used.
    public var opener: Int
    /// File offset of the first of the closer's characters used.
    public var closer: Int
    /// 1 or 2.
    public var count: Int
    /// The block (index into `BlockScan.blocks`) holding both.
    public var block: Int32

    public init(opener: Int, closer: Int, count: Int, block: Int32) {
        self.opener = opener
        self.closer = closer
        self.count = count
        self.block = block
    }

    public var isStrong: Bool { count == 2 }
}
