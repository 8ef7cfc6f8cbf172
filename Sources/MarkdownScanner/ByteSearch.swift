/// Searching bytes for short ASCII literals, shared by the scanner and the rules.
public enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of `w` is zero (exact: the borrow that can mark a later byte
    /// wrongly only follows a zero byte).
    @inline(__always) public static func hasZeroByte(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }

    /// Whether a byte of `w` is `c`.
    @inline(__always) public static func hasByte(_ w: UInt64, _ c: UInt8) -> Bool { hasZeroByte(w ^ (ones &* UInt64(c))) }

    /// Whether a byte of `w` is 0x80 or above.
    @inline(__always) public static func hasNonASCII(_ w: UInt64) -> Bool { w & highs != 0 }

    /// Whether a byte of `w`, all of whose bytes are ASCII, lies strictly between `m` and
    /// `n` (`n` at most 0x80).
    @inline(__always) public static func hasASCIIByte(_ w: UInt64, above m: UInt8, below n: UInt8) -> Bool {
        ((ones &* (127 + UInt64(n)) &- w) & ~w & (w &+ ones &* (127 - UInt64(m)))) & highs != 0
    }

    /// The eight bytes of `p` at `i` (which has eight bytes from there).
    @inline(__always) public static func word(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(p.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
    }

    /// The offset of the first byte of `p[from..<end]` that `stops` takes, or `end`: eight
    /// bytes at a time while `mayStop` says a word holds none (it may say yes wrongly, never
    /// no wrongly), then byte by byte through the word it doubts. The one loop of every
    /// word-at-a-time search here.
    @inline(__always)
    public static func skip(_ p: UnsafeBufferPointer<UInt8>, from start: Int, end: Int,
                            mayStop: (UInt64) -> Bool, stops: (UInt8) -> Bool) -> Int {
        var i = start
        while i < end {
            while i + 8 <= end && !mayStop(word(p, i)) { i += 8 }
            let stop = min(i + 8, end)
            while i < stop {
                if stops(p[i]) { return i }
                i += 1
            }
        }
        return end
    }

    /// The offset of the first byte of `p[from..<end]` equal to `x` or `y`, or `end`.
    @inline(__always)
    public static func first(_ x: UInt8, or y: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        skip(p, from: from, end: end, mayStop: { hasByte($0, x) || hasByte($0, y) }, stops: { $0 == x || $0 == y })
    }

    /// The offset of the first `x` or `y` in `b[from..<end]`, or `end`.
    @inline(__always)
    public static func first(_ x: UInt8, or y: UInt8, in b: [UInt8], from: Int, end: Int) -> Int {
        b.withUnsafeBufferPointer { first(x, or: y, in: $0, from: from, end: end) }
    }

    /// The offset of the first `x` in `b[from..<end]`, or `end`.
    @inline(__always)
    public static func first(_ x: UInt8, in b: [UInt8], from: Int, end: Int) -> Int { first(x, or: x, in: b, from: from, end: end) }

    /// The offset of the first byte of `p[from..<end]` at 0x80 or above, or `end`.
    @inline(__always)
    public static func firstNonASCII(in p: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        skip(p, from: from, end: end, mayStop: hasNonASCII, stops: { $0 >= 0x80 })
    }

    /// How many bytes `x[0..<n]` and `y[0..<n]` have alike from the start, stopping before
    /// the first `stop` byte (of `x`): eight at a time where they are alike and hold none.
    @inline(__always)
    public static func alikeUntil(_ stop: UInt8, _ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, count n: Int) -> Int {
        var m = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        while m + 8 <= n {
            let w = rx.loadUnaligned(fromByteOffset: m, as: UInt64.self)
            if w != ry.loadUnaligned(fromByteOffset: m, as: UInt64.self) || hasByte(w, stop) { break }
            m += 8
        }
        while m < n && x[m] == y[m] && x[m] != stop { m += 1 }
        return m
    }

    /// Whether `a` and `b` hold the same bytes, eight at a time (`==` of two arrays of bytes
    /// compares them one by one, with a check of each index: seven instructions a byte).
    public static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress, x != y else { return true }
                let n = pa.count, rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
                var m = 0
                while m + 8 <= n {
                    if rx.loadUnaligned(fromByteOffset: m, as: UInt64.self) != ry.loadUnaligned(fromByteOffset: m, as: UInt64.self) {
                        return false
                    }
                    m += 8
                }
                while m < n {
                    if x[m] != y[m] { return false }
                    m += 1
                }
                return true
            }
        }
    }

    /// How many bytes `a` from `i` and `b` from `j` have alike, at most `n` (both have that
    /// many), stopping before the first `stop` byte.
    @inline(__always)
    public static func alikeUntil(_ stop: UInt8, _ a: [UInt8], from i: Int, _ b: [UInt8], from j: Int, count n: Int) -> Int {
        guard n > 0 else { return 0 }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in alikeUntil(stop, pa.baseAddress! + i, pb.baseAddress! + j, count: n) }
        }
    }

    /// The offset of the first `needle` in `b[from..<end]`, or nil.
    public static func index(of needle: StaticString, in b: [UInt8], from: Int, end: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { nb in
            b.withUnsafeBufferPointer { p in
                var i = from
                while i + n <= end {
                    i = skip(p, from: i, end: end - n + 1, mayStop: { hasByte($0, nb[0]) }, stops: { $0 == nb[0] })
                    guard i + n <= end else { return nil }
                    var k = 1
                    while k < n && p[i + k] == nb[k] { k += 1 }
                    if k == n { return i }
                    i += 1
                }
                return nil
            }
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
