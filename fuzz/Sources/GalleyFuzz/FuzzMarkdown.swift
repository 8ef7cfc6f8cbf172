import MarkdownScanner

/// The block scanner and the inline parser on any bytes: they end, and every inline
/// span they report lies inside the input.
func fuzzMarkdown(_ bytes: [UInt8]) {
    let text = SourceText(bytes)
    let blocks = BlockScanner.scan(text)
    let inlines = InlineScanner.scan(text, blocks)
    for span in inlines.spans {
        precondition(span.range.lowerBound >= 0 && span.range.upperBound <= bytes.count, "span \(span.range) outside the input")
    }
    return
}
