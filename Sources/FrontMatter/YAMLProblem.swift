/// A problem found while parsing front matter; `offset` is a byte offset in the file.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case syntax
        /// A key equal to an earlier one under both YAML 1.2 and YAML 1.1.
        case duplicateKey(String, firstOffset: Int)
        /// A key equal to an earlier one under this schema only (`yes` after `true`: the
        /// same key in YAML 1.1, two keys in YAML 1.2).
        case duplicateKeyIn(ScalarResolver.Schema, String, firstOffset: Int)
        case tooDeep
    }
    public let kind: Kind
    public let message: String
    public let range: Range<Int>
}
