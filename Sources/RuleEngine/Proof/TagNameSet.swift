/// A fixed set of HTML tag names, each at most 16 bytes, asked by bytes: a name is packed
/// into one integer, its bytes in order, and looked for in a sorted list. (A
/// `Set<String>` hashes every name asked with SipHash, about 150 instructions a tag;
/// the proof asks for each tag of a rendering several times.)
struct TagNameSet: Sendable {
    private let keys: [UInt128]

    init(_ names: [String]) {
        keys = names.map { name in
            guard let key = Self.key(name) else { preconditionFailure("tag name \(name) is not a key") }
            return key
        }.sorted()
    }

    /// The bytes of a name of 1 to 16 bytes, none of them NUL, packed in order (so no two
    /// names share a key); nil for any other name, which no set holds.
    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt128? {
        guard !name.isEmpty, name.count <= 16 else { return nil }
        var key: UInt128 = 0
        for c in name {
            guard c != 0 else { return nil }
            key = key << 8 | UInt128(c)
        }
        return key
    }

    private static func key(_ name: String) -> UInt128? {
        var name = name
        return name.withUTF8 { key($0) }
    }

    private func contains(key: UInt128?) -> Bool {
        guard let key else { return false }
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }

    func contains(_ name: String) -> Bool { contains(key: Self.key(name)) }

    func contains(_ name: ArraySlice<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { contains(key: Self.key($0)) }
    }
}
