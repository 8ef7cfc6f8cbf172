import MarkdownScanner
import RuleEngine

/// `ghost-card-marker`: `<!--kg-card-begin: NAME-->` / `-end` and `<!--members-only-->`
/// in every spelling Ghost and its converters produced.
struct GhostCardMarkerRule: Rule {
    let descriptor = RuleDescriptor(
        id: "ghost-card-marker",
        page: PackageResources.ghost_card_marker_md,
        summary: "Ghost card markers (`<!--kg-card-begin: NAME-->`, `<!--members-only-->`) left over from an export",
        defaultSeverity: .warning,
        fix: .safe
    )

    func check(_ document: Document, _ context: RuleContext) {
        let markers = find(in: document)
        guard !markers.isEmpty else { return }
        let (messages, pairs) = GhostMarkerPairing.pairing(of: markers)
        let fixes = GhostMarkerFixes(document: document, markers: markers, pairs: pairs).fixes()
        for (k, marker) in markers.enumerated() {
            context.report(marker.range, messages[k], fix: fixes[k])
        }
    }

    /// Every marker outside code, in document order.
    func find(in document: Document) -> [GhostMarker] {
        let b = document.bytes
        var markers: [GhostMarker] = []
        for line in 0..<document.source.lineCount {
            let info = document.line(line)
            if info.kind == .frontMatter || info.kind == .blank || info.kind.isCode { continue }
            // Inside <script>, <style>, <pre> and <textarea> a marker is text the page shows or runs.
            if info.kind == .html, document.blocks.block(ofLine: line)?.htmlType == 1 { continue }
            let start = info.contentStart
            let end = document.source.contentEnd(line)
            var found: [GhostMarker] = []
            var i = start
            while i < end {
                i = ByteSearch.first(0x3C, or: 0x7B, in: b, from: i, end: end)
                guard i < end else { break }
                if let m = GhostMarker.delimited(b, at: i, end: end, line: line),
                   info.kind == .html || isMarkupInProse(document, m) {
                    found.append(m)
                    i = m.range.upperBound
                } else {
                    i += 1
                }
            }
            if found.isEmpty, let bare = bareMarker(b, start, end, line), !isInCodeSpan(document, bare.range.lowerBound) {
                found.append(bare)
            }
            markers.append(contentsOf: found)
        }
        return markers
    }

    private func isInCodeSpan(_ document: Document, _ i: Int) -> Bool {
        document.inlines.span(containing: i)?.kind == .codeSpan
    }

    /// In prose, a comment marker must be raw HTML of its own (not text inside a code
    /// span, a link title or an HTML attribute), and a JSX marker must be outside every
    /// span.
    private func isMarkupInProse(_ document: Document, _ m: GhostMarker) -> Bool {
        guard let span = document.inlines.span(containing: m.range.lowerBound) else { return m.form == .jsx || m.form == .bare }
        return m.form == .comment && span.kind == .rawHTML && span.range == m.range
    }

    /// A marker whose comment delimiters were stripped, alone on its line. Without
    /// delimiters only Ghost's own card names count, so prose like `kg-card-end: htmlIntro`
    /// is never taken for a marker.
    private func bareMarker(_ b: [UInt8], _ start: Int, _ end: Int, _ line: Int) -> GhostMarker? {
        let lo = GhostMarker.skipBlanks(b, start, end)
        var hi = end
        while hi > lo && ByteClass.isSpaceOrTab(b[hi - 1]) { hi -= 1 }
        guard hi > lo, b[lo] == 0x6B || b[lo] == 0x4B,  // k
              let (role, name) = GhostMarker.body(b, from: lo, end: hi), role != .membersOnly,
              GhostMarker.cardNames.contains(name) else { return nil }
        return GhostMarker(role: role, form: .bare, name: name, range: lo..<hi, line: line)
    }
}
