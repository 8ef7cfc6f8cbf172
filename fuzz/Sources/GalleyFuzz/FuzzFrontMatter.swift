import FrontMatter

/// The front-matter splitter and the YAML parser: every range they report lies inside
/// the input, and a closed block's body starts after its closing fence.
func fuzzFrontMatter(_ bytes: [UInt8]) {
    let whole = YAMLParser.parse(bytes, range: 0..<bytes.count)
    check(whole.root, within: 0..<bytes.count)
    guard let block = FrontMatter.split(bytes) else { return }
    precondition(block.range.upperBound <= bytes.count && block.content.upperBound <= bytes.count)
    precondition(block.openFence.upperBound <= block.content.lowerBound)
    if let close = block.closeFence {
        precondition(block.content.upperBound <= close.lowerBound && close.upperBound == block.bodyStart)
    }
    let document = YAMLParser.parse(bytes, range: block.content)
    check(document.root, within: block.content)
    return
}

private func check(_ node: YAMLNode?, within bounds: Range<Int>) {
    guard let node else { return }
    precondition(node.range.lowerBound >= bounds.lowerBound && node.range.upperBound <= bounds.upperBound,
                 "node range \(node.range) outside \(bounds)")
}
