import RuleEngine

/// One place a document names an image, as `missing-image` checks it: a Markdown image
/// (inline, or the definition a reference image uses), `src` or a `srcset` candidate of
/// an HTML `<img>`, or a front matter value under one of the site's image keys. Read from
/// the document's URL view (`Document.urls`), which every rule shares.
struct ImageReference {
    enum Origin {
        case markdown, definition, htmlSource, htmlSourceSet, frontMatter

        var decoding: ImageLocation.Decoding {
            switch self {
            case .markdown, .definition: .markdown
            case .htmlSource, .htmlSourceSet: .html
            case .frontMatter: .none
            }
        }
    }

    var origin: Origin
    /// The URL's bytes, which a fix replaces (no angle brackets, quotes or descriptors).
    var range: Range<Int>
    /// The URL as written.
    var url: String
    /// False where the bytes are not the value (a front matter scalar with escapes or
    /// folded lines): such a reference is checked but never rewritten.
    var editable = true

    /// Every image reference of the document, in order of position: the images of the
    /// URL view that `missing-image` checks (inline images, definitions images use, the
    /// `src` and `srcset` of `<img>`, front matter image keys), without empty URLs.
    static func all(in document: Document, imageKeys: [String]) -> [ImageReference] {
        let view = document.urls(imageKeys: imageKeys)
        return view.urls.compactMap { url in
            guard !url.range.isEmpty || url.kind == .frontMatter else { return nil }
            let origin: Origin
            switch url.kind {
            case .image: origin = .markdown
            case .definition where url.uses.contains(.image): origin = .definition
            case .html where url.tag.map({ view.tags[$0].name == "img" }) ?? false:
                guard let attribute = url.attribute, attribute == "src" || attribute == "srcset" else { return nil }
                origin = attribute == "src" ? .htmlSource : .htmlSourceSet
            case .frontMatter: origin = .frontMatter
            default: return nil
            }
            return ImageReference(origin: origin, range: url.range, url: url.written, editable: url.editable)
        }
    }
}
