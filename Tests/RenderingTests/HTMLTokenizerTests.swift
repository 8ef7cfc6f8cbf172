import Testing
import Rendering

/// The HTML tokenizer against the HTML5 tokenizer's answers (WHATWG HTML §13.2.5).
@Suite struct HTMLTokenizerTests {
    func tokens(_ html: String) -> [HTMLToken] { HTMLTokenizer.tokenize(Array(html.utf8)) }
    func start(_ name: String, _ attributes: [(String, String)] = [], selfClosing: Bool = false) -> HTMLToken {
        .startTag(name: name, attributes: attributes.map { HTMLAttribute(name: $0.0, value: $0.1) }, selfClosing: selfClosing)
    }

    @Test func attributesQuotedUnquotedAndValueless() {
        #expect(tokens(#"<A HREF="x y" Title='t "q"' data-n=3 hidden class = c>"#)
            == [start("a", [("href", "x y"), ("title", "t \"q\""), ("data-n", "3"), ("hidden", ""), ("class", "c")])])
        #expect(tokens("<input disabled>") == [start("input", [("disabled", "")])])
        #expect(tokens("<p a=b=c d='x'e=f>") == [start("p", [("a", "b=c"), ("d", "x"), ("e", "f")])])
    }

    @Test func characterReferencesInAttributeValues() {
        #expect(tokens(#"<a href="?a=1&amp;b=2&#x3D;&#61;">"#) == [start("a", [("href", "?a=1&b=2==")])])
        // A legacy name without `;` followed by `=` or an alphanumeric stays as written.
        #expect(tokens(#"<a href="?x=1&copy=2&notit">"#) == [start("a", [("href", "?x=1&copy=2&notit")])])
        #expect(tokens(#"<img alt="&copy 2024 &lt;b&gt; &#169 &bogus;">"#) == [start("img", [("alt", "© 2024 <b> © &bogus;")])])
        #expect(tokens("<a title=&quot;x&quot;>") == [start("a", [("title", "\"x\"")])])
    }

    @Test func duplicateAttributesKeepTheFirst() {
        #expect(tokens("<div id=a ID=b>") == [start("div", [("id", "a")])])
    }

    @Test func characterReferencesInText() {
        #expect(tokens("a &amp; b &amp c &copy; &notit; &#169 &#x80; &#0; &#xD800; &bogus; &; & x")
            == [.text("a & b & c © ¬it; © € \u{FFFD} \u{FFFD} &bogus; &; & x")])
        #expect(tokens("&#x; &#;") == [.text("&#x; &#;")])
        #expect(tokens("&#1114112; &#99999999999;") == [.text("\u{FFFD} \u{FFFD}")])
    }

    @Test func lessThanInText() {
        #expect(tokens("a < b <3 <> <=") == [.text("a < b <3 <> <=")])
        #expect(tokens("x</>y</") == [.text("xy</")])
    }

    @Test func endTagsAndSelfClosing() {
        #expect(tokens("<br/><img src=x /></DIV ><p/>")
            == [start("br", selfClosing: true), start("img", [("src", "x")], selfClosing: true), .endTag(name: "div"),
                start("p", selfClosing: true)])
        #expect(tokens("</p class=x>") == [.endTag(name: "p")])
        #expect(tokens("<a / b>") == [start("a", [("b", "")])])
    }

    @Test func unterminatedTagsAreDropped() {
        #expect(tokens("text <a href=\"x") == [.text("text ")])
        #expect(tokens("text <div") == [.text("text ")])
        #expect(tokens("<p class=x") == [])
        #expect(tokens("<p/") == [])
        #expect(tokens("</div") == [])
    }

    @Test func commentsOfEveryCommonMarkForm() {
        #expect(tokens("<!-- x -->") == [.comment(" x ")])
        #expect(tokens("<!---->") == [.comment("")])
        #expect(tokens("<!-->") == [.comment("")])
        #expect(tokens("<!--->") == [.comment("")])
        #expect(tokens("<!-- a -- b -->") == [.comment(" a -- b ")])
        #expect(tokens("<!--x--->") == [.comment("x-")])
        #expect(tokens("<!---x-->") == [.comment("-x")])
        #expect(tokens("<!-- x --!>y") == [.comment(" x "), .text("y")])
        #expect(tokens("<!--\nmulti\nline\n-->") == [.comment("\nmulti\nline\n")])
        #expect(tokens("<!--kg-card-begin: markdown--><p>x</p>")
            == [.comment("kg-card-begin: markdown"), start("p"), .text("x"), .endTag(name: "p")])
        #expect(tokens("<!-- never closed") == [.comment(" never closed")])
    }

    @Test func bogusCommentsDoctypeAndCDATA() {
        #expect(tokens("<?php echo 1; ?>after") == [.comment("?php echo 1; ?"), .text("after")])
        #expect(tokens("<!ELEMENT x>") == [.comment("ELEMENT x")])
        #expect(tokens("</ x>") == [.comment(" x")])
        #expect(tokens("<!DOCTYPE html>") == [.doctype("html")])
        #expect(tokens("<!doctype HTML PUBLIC \"-//W3C//DTD\">") == [.doctype("html PUBLIC \"-//W3C//DTD\"")])
        #expect(tokens("<![CDATA[ x < y & z ]]>t") == [.cdata(" x < y & z "), .text("t")])
    }

    @Test func rawTextElements() {
        #expect(tokens("<script>if (a < b && c) x = \"</div>&amp;\";</script>")
            == [start("script"), .text("if (a < b && c) x = \"</div>&amp;\";"), .endTag(name: "script")])
        #expect(tokens("<style>p > a { x: '&lt;' }</STYLE >") == [start("style"), .text("p > a { x: '&lt;' }"), .endTag(name: "style")])
        #expect(tokens("<script>a</scripts></script>") == [start("script"), .text("a</scripts>"), .endTag(name: "script")])
        #expect(tokens("<textarea>\n&lt;b&gt; <i></textarea>") == [start("textarea"), .text("<b> <i>"), .endTag(name: "textarea")])
        #expect(tokens("<title>A &amp; <b>B</title>") == [start("title"), .text("A & <b>B"), .endTag(name: "title")])
        #expect(tokens("<script>never closed <p>") == [start("script"), .text("never closed <p>")])
    }

    @Test func preDropsItsFirstNewline() {
        #expect(tokens("<pre>\ncode\n</pre>") == [start("pre"), .text("code\n"), .endTag(name: "pre")])
        #expect(tokens("<pre>\n\ncode</pre>") == [start("pre"), .text("\ncode"), .endTag(name: "pre")])
        #expect(tokens("<pre class=x>code</pre>") == [start("pre", [("class", "x")]), .text("code"), .endTag(name: "pre")])
        #expect(tokens("<div>\nx</div>") == [start("div"), .text("\nx"), .endTag(name: "div")])
    }

    @Test func newlinesAreNormalized() {
        #expect(tokens("a\r\nb\rc<p title=\"x\r\ny\">") == [.text("a\nb\nc"), start("p", [("title", "x\ny")])])
    }

    @Test func ghostImageCard() {
        let html = #"<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/2020/01/a.jpg" class="kg-image" alt loading="lazy" width="600" height="400" srcset="/content/images/size/w600/2020/01/a.jpg 600w"><figcaption>Caption &amp; <a href="https://x.org/?a=1&amp;b=2">more</a></figcaption></figure>"#
        let t = tokens(html)
        #expect(t.count == 9)
        #expect(t[0] == start("figure", [("class", "kg-card kg-image-card kg-card-hascaption")]))
        #expect(t[1].attribute("src") == "/content/images/2020/01/a.jpg")
        #expect(t[1].attribute("alt") == "")
        #expect(t[1].attribute("srcset") == "/content/images/size/w600/2020/01/a.jpg 600w")
        #expect(t[3] == .text("Caption & "))
        #expect(t[4].attribute("href") == "https://x.org/?a=1&b=2")
        #expect(t[7] == .endTag(name: "figcaption"))
        #expect(t[8] == .endTag(name: "figure"))
    }
}

extension HTMLTokenizerTests {
    @Test func manyAttributesAndDuplicatesPastTheFirstFew() {
        let names = (0..<20).map { "a\($0)" }
        let html = "<x " + names.map { "\($0)=1" }.joined(separator: " ") + " a3=2 a15=2>"
        guard case let .startTag(_, attributes, _) = tokens(html).first else {
            Issue.record("no tag")
            return
        }
        #expect(attributes.map(\.name) == names)
        #expect(attributes.allSatisfy { $0.value == "1" })
    }
}

extension HTMLTokenizerTests {
    /// NUL becomes U+FFFD in tag and attribute names and in attribute values, and stays in
    /// text; names are lowered wherever the upper case is, and a `&` or NUL inside a run of
    /// a value or of text is read there (the tokenizer reads runs between them at once).
    @Test func nulAndUpperCaseInsideRuns() {
        #expect(tokens("<dIv\u{0}X a\u{0}B=\"x\u{0}y&amp;z\" C='&lt;'>t\u{0}u&amp;v<SCRIPT>&amp;</script>")
            == [start("div\u{FFFD}x", [("a\u{FFFD}b", "x\u{FFFD}y&z"), ("c", "<")]), .text("t\u{0}u&v"),
                start("script"), .text("&amp;"), .endTag(name: "script")])
        #expect(tokens("<Pre>\nx</PRE>") == [start("pre"), .text("x"), .endTag(name: "pre")])
        #expect(tokens("<tr><td>x") == [start("tr"), start("td"), .text("x")])
    }
}

extension HTMLTokenizerTests {
    /// Cut off by the end of the input inside an upper-case name or a value's run, a tag is
    /// dropped and the input ends inside it; names that start like a raw-text element's
    /// are not one.
    @Test func cutOffInsideRunsAndNamesLikeSpecialOnes() {
        for html in ["x<dIv", "x<a\u{0}", "x<a b='y&amp", "x<a b=\"y\u{0}", "x</dI"] {
            let t = HTMLTokenizer.tokenization(Array(html.utf8))
            #expect(t.tokens == [.text("x")], "\(html)")
            #expect(!t.endsInData, "\(html)")
        }
        #expect(tokens("</dI\u{0}v>") == [.endTag(name: "di\u{FFFD}v")])
        #expect(tokens("<Scripts><b>x</b><span>y</span><nav>") == [start("scripts"), start("b"), .text("x"), .endTag(name: "b"),
                                                                 start("span"), .text("y"), .endTag(name: "span"), start("nav")])
    }
}
