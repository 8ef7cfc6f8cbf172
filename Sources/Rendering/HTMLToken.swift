/// One token of HTML as the HTML5 tokenizer produces it (the few it tells apart that a
/// comparison of raw HTML needs).
public enum HTMLToken: Equatable, Sendable {
    /// A start tag: its name and attribute names lower-cased, attribute values with their
    /// character references decoded, duplicates dropped (the first wins).
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    /// Text between tags, character references decoded (none in raw-text elements such as
    /// `script` and `style`); adjacent text is one token.
    case text(String)
    /// A comment's data; a bogus comment (`<?php … ?>`, `<!x>`, `</ x>`) too, as browsers read it.
    case comment(String)
    /// A `<!DOCTYPE …>`: what follows the keyword, trimmed.
    case doctype(String)
    /// A `<![CDATA[ … ]]>` section's content (browsers make a comment of it in HTML content;
    /// kept apart here, as CommonMark names it).
    case cdata(String)
}

public struct HTMLAttribute: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension HTMLToken {
    /// The value of attribute `name` of a start tag.
    public func attribute(_ name: String) -> String? {
        guard case let .startTag(_, attributes, _) = self else { return nil }
        return attributes.first { $0.name == name }?.value
    }
}
