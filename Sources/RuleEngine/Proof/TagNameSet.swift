import MarkdownScanner

/// A fixed list of HTML tag names, each at most 16 bytes, asked by bytes: a name is packed
/// into one integer, its bytes in order, and looked for in a sorted list. (A
/// `Set<String>` hashes every name asked with SipHash, about 150 instructions a tag, and
/// a `switch` over `String`s compares the name with each case; the proof asks for each
/// tag of a rendering several times.)
struct TagNameSet: Sendable {
    /// Each name's key, sorted, with the name's place in the list given.
    private let keys: [(key: UInt128, index: Int)]

    init(_ names: [String]) {
        keys = names.enumerated().map { k, name in
            guard let key = Self.key(name) else { preconditionFailure("tag name \(name) is not a key") }
            return (key, k)
        }.sorted { $0.key < $1.key }
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

    private func index(key: UInt128?) -> Int? {
        guard let key else { return nil }
        let k = keys.partitionPoint { $0.key >= key }
        return k < keys.count && keys[k].key == key ? keys[k].index : nil
    }

    /// Where `name` is in the list the set was made of, nil when it is not there.
    func index(of name: String) -> Int? { index(key: Self.key(name)) }

    func contains(_ name: String) -> Bool { index(of: name) != nil }

    func contains(_ name: ArraySlice<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { index(key: Self.key($0)) != nil }
    }
}
