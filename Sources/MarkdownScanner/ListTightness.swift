/// Tight and loose lists (CommonMark §5.3): a list is loose when a blank line separates two
/// of its items, or two blocks directly inside one of its items. Blank lines an item or a
/// list ends with are not part of its content (nor those an HTML block ends with); those a
/// block quote or a fenced code block holds are. Two passes over the blocks and containers
/// in document order: O(blocks + containers).
enum ListTightness {
    static func resolve(_ scan: inout BlockScan, _ text: SourceText) {
        guard !scan.lists.isEmpty else { return }
        let containers = scan.containers, blocks = scan.blocks
        // The last line of a block's content for this purpose.
        func leafEnd(_ b: Block) -> Int {
            var last = b.lastLine
            if b.kind == .html { while last > b.firstLine && text.isBlank(last) { last -= 1 } }
            return last
        }
        // 1. Content ends of containers, children before parents (reverse document order).
        var end = containers.map(\.lastLine)
        var lastChildEnd = [Int](repeating: -1, count: containers.count)
        var c = containers.count - 1, b = blocks.count - 1
        while c >= 0 || b >= 0 {
            // In reverse order, a block comes before a container that opens on its first line.
            let takeBlock = b >= 0 && (c < 0 || blocks[b].firstLine >= containers[c].firstLine)
            let parent: Int32, nodeEnd: Int
            if takeBlock {
                parent = blocks[b].container
                nodeEnd = leafEnd(blocks[b])
                b -= 1
            } else {
                if containers[c].kind == .listItem { end[c] = max(containers[c].firstLine, lastChildEnd[c]) }
                parent = containers[c].parent
                nodeEnd = end[c]
                c -= 1
            }
            if parent >= 0 && lastChildEnd[Int(parent)] < 0 { lastChildEnd[Int(parent)] = nodeEnd }
        }
        // 2. Gaps between consecutive children of an item, and between consecutive items.
        var previousChildEnd = [Int](repeating: -1, count: containers.count)
        var previousItemEnd = [Int](repeating: -1, count: scan.lists.count)
        c = 0
        b = 0
        while c < containers.count || b < blocks.count {
            let takeContainer = c < containers.count && (b == blocks.count || containers[c].firstLine <= blocks[b].firstLine)
            let parent: Int32, first: Int, nodeEnd: Int
            if takeContainer {
                let node = containers[c]
                (parent, first, nodeEnd) = (node.parent, node.firstLine, end[c])
                if node.kind == .listItem {
                    let list = Int(node.list)
                    if previousItemEnd[list] >= 0 && first > previousItemEnd[list] + 1 { scan.lists[list].isTight = false }
                    previousItemEnd[list] = nodeEnd
                }
                c += 1
            } else {
                (parent, first, nodeEnd) = (blocks[b].container, blocks[b].firstLine, leafEnd(blocks[b]))
                b += 1
            }
            guard parent >= 0, containers[Int(parent)].kind == .listItem else { continue }
            let p = Int(parent)
            if previousChildEnd[p] >= 0 && first > previousChildEnd[p] + 1 {
                scan.lists[Int(containers[p].list)].isTight = false
            }
            previousChildEnd[p] = nodeEnd
        }
    }
}
