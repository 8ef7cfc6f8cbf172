import FrontMatter
import MarkdownScanner

/// Every URL of a document, computed once per document (`Document.urls(imageKeys:)`):
/// inline links and images, autolinks, reference definitions with the references that
/// use them, the `href`, `src`, `srcset` and `poster` attributes of raw HTML (HTML blocks
/// and inline HTML, outside comments and raw-text elements), and front matter values under
/// the image keys. Nothing inside code is a URL. Rules read URLs here; none scans for them.
public struct URLView: Sendable {
    /// Sorted by position.
    public let urls: [DocumentURL]
    /// Every Markdown link and image, sorted by the start of its text.
    public let references: [MarkdownReference]
    /// The `<img>` tags and the tags with a URL attribute, in order.
    public let tags: [HTMLTag]

    /// The attributes that hold URLs.
    static let urlAttributes = ["href", "src", "srcset", "poster"]

    init(document: Document, imageKeys: [String]) {
        let b = document.bytes
        var urls: [DocumentURL] = []
        var references: [MarkdownReference] = []
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        func markdown(_ kind: DocumentURL.Kind, _ uses: DocumentURL.Uses, _ r: Range<Int>) -> DocumentURL {
            var url = DocumentURL(kind: kind, uses: uses, range: r, decoded: DecodedURL(b, r, reading: .markdown))
            if url.decoded.offsets != nil { url.writtenText = text(r) }
            url.isAngleBracketed = r.lowerBound > 0 && b[r.lowerBound - 1] == 0x3C
            return url
        }

        // Definitions: the first of a label is the one references use.
        var definitionOf: [String: Int] = [:]
        for definition in document.blocks.definitionList {
            if definitionOf[definition.label] == nil { definitionOf[definition.label] = urls.count }
            urls.append(markdown(.definition, [], definition.destination))
        }
        for link in document.inlines.linkTexts {
            let use: DocumentURL.Uses = link.isImage ? .image : .link
            let index: Int
            if let destination = link.destination {
                index = urls.count
                urls.append(markdown(link.isImage ? .image : .link, use, destination))
            } else if let label = link.label, let definition = definitionOf[label] {
                index = definition
                urls[definition].uses.insert(use)
            } else {
                continue
            }
            urls[index].references.append(references.count)
            references.append(MarkdownReference(text: link.range, isImage: link.isImage, url: index))
        }

        var htmlRanges: [Range<Int>] = []
        for span in document.inlines.spans {
            switch span.kind {
            case .autolink:
                let r = (span.range.lowerBound + 1)..<(span.range.upperBound - 1)
                var url = DocumentURL(kind: .autolink, uses: .link, range: r, decoded: DecodedURL(b, r, reading: .literal))
                url.isEmail = !b[r].contains(0x3A)
                urls.append(url)
            case .rawHTML:
                htmlRanges.append(span.range)
            default:
                break
            }
        }
        for block in document.blocks.blocks where block.kind == .html && block.htmlType >= 2 {
            htmlRanges.append(document.source.lineStart(block.firstLine)..<document.source.lineEnd(block.lastLine))
        }
        htmlRanges.sort { $0.lowerBound < $1.lowerBound }
        var tags: [HTMLTag] = []
        for range in htmlRanges {
            HTMLTagScanner.tags(in: b, range, keep: { name, attributes in
                name == "img" || attributes.contains { Self.urlAttributes.contains($0.name) }
            }, into: &tags)
        }
        for (t, tag) in tags.enumerated() {
            for name in Self.urlAttributes {
                guard let attribute = tag.attribute(name), let value = attribute.value else { continue }
                let uses = Self.uses(of: name, in: tag.name)
                let ranges = name == "srcset" ? HTMLTagScanner.sourceSetURLs(b, value) : [value]
                for r in ranges {
                    var url = DocumentURL(kind: .html, uses: uses, range: r, decoded: DecodedURL(b, r, reading: .html))
                    if url.decoded.offsets != nil { url.writtenText = text(r) }
                    url.tag = t
                    url.attribute = name
                    url.quote = attribute.quote
                    urls.append(url)
                }
            }
        }

        if let pairs = document.yaml?.root?.mapping {
            for pair in pairs where imageKeys.contains(pair.key.scalar ?? "") {
                for node in pair.value.sequence ?? [pair.value] {
                    guard case let .scalar(value, style) = node.kind, !value.isEmpty else { continue }
                    var r = node.range
                    if style == .singleQuoted || style == .doubleQuoted { r = (r.lowerBound + 1)..<(r.upperBound - 1) }
                    let editable = (style == .plain || style == .singleQuoted || style == .doubleQuoted)
                        && r.lowerBound <= r.upperBound && b[r].elementsEqual(value.utf8)
                    var url = DocumentURL(kind: .frontMatter, uses: .image, range: r,
                                          decoded: DecodedURL(value: Array(value.utf8), written: r))
                    url.editable = editable
                    urls.append(url)
                }
            }
        }

        // In order of position; the references follow their URLs to the new places.
        let order = urls.indices.sorted { (urls[$0].range.lowerBound, $0) < (urls[$1].range.lowerBound, $1) }
        var place = [Int](repeating: 0, count: urls.count)
        for (new, old) in order.enumerated() { place[old] = new }
        for k in references.indices { references[k].url = place[references[k].url] }
        self.urls = order.map { urls[$0] }
        self.references = references
        self.tags = tags
    }

    /// What an attribute's URL is for in a given element.
    static func uses(of attribute: String, in element: String) -> DocumentURL.Uses {
        switch attribute {
        case "href": element == "a" || element == "area" ? .link : .other
        case "src": element == "img" ? .image : .other
        case "srcset": element == "img" || element == "source" ? .image : .other
        case "poster": .image
        default: .other
        }
    }

    /// The URLs of one kind of use: links (`.link`), images (`.image`).
    public func urls(for use: DocumentURL.Uses) -> [DocumentURL] { urls.filter { $0.uses.contains(use) } }
}

extension Document {
    /// Every URL of the document (see `URLView`), the front matter values under
    /// `imageKeys` included; computed on first use and shared by the rules.
    public func urls(imageKeys: [String]) -> URLView {
        view("urls\u{0}" + imageKeys.joined(separator: "\u{0}")) { URLView(document: $0, imageKeys: imageKeys) }
    }
}
