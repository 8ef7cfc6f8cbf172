import MarkdownScanner
import RuleEngine

/// `image-alt`: images without alternative text, which screen readers announce by file
/// name or not at all: a Markdown image with empty brackets, an `<img>` without `alt`.
/// (`alt=""` is left alone: it marks a decorative image on purpose.)
struct ImageAltRule: Rule {
    let descriptor = RuleDescriptor(
        id: "image-alt",
        page: PackageResources.image_alt_md,
        summary: "Images without alt text (`![](…)`, `<img>` without `alt`)",
        defaultSeverity: .warning,
        fix: .suggestion
    )

    func check(_ document: Document, _ context: RuleContext) {
        let b = document.bytes
        let view = document.urls(imageKeys: context.configuration.site.imageKeys)
        func suggestion(_ alt: String, _ edit: Edit) -> Fix? {
            alt.isEmpty ? nil : Fix(title: "Describe the image (from its file name: “\(alt)”)", edits: [edit], applicability: .suggestion)
        }
        for image in view.references where image.isImage && !b[image.text].contains(where: { !ByteClass.isWhitespace($0) }) {
            let start = image.text.lowerBound - 2  // `![`
            let alt = Self.altText(fromURL: view.urls[image.url].written)
            context.report(start..<(image.text.upperBound + 1), "image has no alt text",
                           fix: suggestion(alt, Edit(range: image.text, replacement: alt)))
        }
        for tag in view.tags where tag.name == "img" && tag.attribute("alt") == nil {
            let source = tag.attribute("src")?.value.map { String(decoding: b[$0], as: UTF8.self) }
            let alt = source.map(Self.altText(fromURL:)) ?? ""
            let insertAt = tag.range.lowerBound + 4
            context.report(tag.range.lowerBound..<insertAt, "`<img>` has no `alt` attribute",
                           fix: suggestion(alt, Edit(range: insertAt..<insertAt, replacement: " alt=\"\(alt)\"")))
        }
    }

    /// `/a/b/Screen-Shot_2019.png?x#y` gives `Screen Shot 2019`: a starting point for
    /// the author, never applied on its own.
    static func altText(fromURL url: String) -> String {
        let path = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? ""
        var name = ImageLocation.percentDecoded(Path.lastComponent(path))
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "+" })
        return words.joined(separator: " ").filter { $0 != "\"" && $0 != "[" && $0 != "]" && $0 != "<" && $0 != ">" }
    }
}
