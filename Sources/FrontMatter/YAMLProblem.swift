/// A problem found while parsing front matter; `offset` is a byte offset in the file.
public struct YAMLProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case syntax
        case duplicateKey(String, firstOffset: Int)
        case tooDeep
    }
    public let kind: Kind
    public let message: String
    public let range: Range<Int>
}
