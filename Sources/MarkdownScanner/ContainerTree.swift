/// The container table the block pass builds as it goes: each block quote and list item
/// with its lines and parent, and the lists the items form. O(1) per container opened or
/// closed and per leaf opened.
struct ContainerTree {
    var containers: [ContainerBlock] = []
    var lists: [ListBlock] = []
    /// Indices into `containers` of the open containers, outermost first.
    var open: [Int32] = []
    /// Per nesting depth (0 is the document), the last child opened there: a list item's
    /// index, `other` for a leaf or a block quote (either ends a list), `none` yet.
    var lastChild: [Int32] = [none]
    static let none: Int32 = -1
    static let other: Int32 = -2

    mutating func open(_ kind: ContainerBlock.Kind, line: Int, depth: Int, list: Int32 = -1, width: Int = 0) {
        let index = Int32(containers.count)
        containers.append(ContainerBlock(kind: kind, firstLine: line, lastLine: line,
                                         parent: open.last ?? -1, list: list, width: width))
        lastChild[depth] = kind == .listItem ? index : Self.other
        open.append(index)
        lastChild.append(Self.none)
    }

    /// A list item opens: it continues the list of the previous sibling when that is an
    /// item of the same type, else starts a list.
    mutating func openItem(marker: ListMarker, number: Int, width: Int, line: Int, depth: Int) {
        let index = Int32(containers.count)
        let markerByte = marker.delimiter
        let previous = lastChild[depth]
        var list: Int32
        if previous >= 0, case let p = containers[Int(previous)].list,
           lists[Int(p)].isOrdered == marker.ordered, lists[Int(p)].marker == markerByte {
            list = p
            lists[Int(p)].lastItem = index
        } else {
            list = Int32(lists.count)
            lists.append(ListBlock(isOrdered: marker.ordered, marker: markerByte, start: number,
                                   firstItem: index, lastItem: index, isTight: true))
        }
        open(.listItem, line: line, depth: depth, list: list, width: width)
    }

    /// A leaf block opens at `depth`; returns its container.
    mutating func leafOpened(depth: Int) -> Int32 {
        lastChild[depth] = Self.other
        return open.last ?? -1
    }

    /// Closes the containers from `count` up; their last line is `lastLine`.
    mutating func close(to count: Int, lastLine: Int) {
        while open.count > count {
            containers[Int(open.removeLast())].lastLine = lastLine
            lastChild.removeLast()
        }
    }
}

extension BlockScanner {
    /// The value of the digits `b[from..<end]` (at most 9 of them).
    static func number(_ b: [UInt8], _ from: Int, _ end: Int) -> Int {
        var n = 0
        for k in from..<end { n = n * 10 + Int(b[k] - 0x30) }
        return n
    }
}
