/// A container block (CommonMark §5): a block quote or a list item, with the lines it
/// holds. Containers are listed in the order they open, so a container's parent and
/// earlier siblings come before it.
public struct ContainerBlock: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case blockQuote, listItem
    }

    public var kind: Kind
    /// The line whose prefix opens it (`>` or the list marker).
    public var firstLine: Int
    /// The last line it holds: blank lines it matched and lazy continuation lines count.
    public var lastLine: Int
    /// The enclosing container (index into `BlockScan.containers`), -1 for the document.
    public var parent: Int32
    /// For a list item, its list (index into `BlockScan.lists`); -1 for a block quote.
    public var list: Int32
    /// For a list item, the columns its content is indented by (marker and the spaces after it).
    public var width: Int
}

/// A list: consecutive sibling list items of the same type (CommonMark §5.3).
public struct ListBlock: Sendable, Equatable {
    public var isOrdered: Bool
    /// The bullet (`-`, `+`, `*`) or, for an ordered list, the delimiter (`.` or `)`).
    public var marker: UInt8
    /// The number of the first item (ordered lists; 1 for bullet lists).
    public var start: Int
    /// The first and last items (indices into `BlockScan.containers`).
    public var firstItem: Int32
    public var lastItem: Int32
    /// Whether no blank line separates two of its items or two blocks directly in one item.
    public var isTight: Bool
}
