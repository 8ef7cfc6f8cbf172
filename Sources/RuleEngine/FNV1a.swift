/// The 64-bit FNV-1a hash of bytes: stable across runs and machines (Swift's `Hasher` is
/// seeded per process), for what is kept or compared between runs (baselines' and
/// SARIF's line hashes, shards, the listing record's name filters).
public enum FNV1a {
    @inlinable
    public static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
