import MarkdownScanner
import Rendering

/// The renderer on any bytes: it ends, its HTML is valid UTF-8 when the input is, and
/// rendering is deterministic.
func fuzzRender(_ bytes: [UInt8]) {
    let html = HTMLRenderer.render(SourceText(bytes))
    if String(validating: bytes, as: UTF8.self) != nil {
        precondition(String(validating: html, as: UTF8.self) != nil, "valid UTF-8 rendered to invalid UTF-8")
    }
    precondition(HTMLRenderer.render(SourceText(bytes)) == html, "rendering is not deterministic")
    _ = HTMLTokenizer.tokenize(html)
    return
}
