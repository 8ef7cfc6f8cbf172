import Testing
import MarkdownScanner
import Rendering

/// GFM pipe tables render as GitHub renders them. Every expected HTML below is
/// cmark-gfm 0.29's (`cmark-gfm -e table`), which markdown-it-py 4.3 (commonmark preset
/// with `table` enabled) also gives once its `style="text-align:…"` is read as `align`.
@Suite struct TableRenderingTests {
    struct TableCase: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        var html: String
        init(_ name: String, _ markdown: String, _ html: String) {
            self.name = name
            self.markdown = markdown
            self.html = html
        }
        var testDescription: String { name }
    }

    static let cases: [TableCase] = [
        TableCase("alignment",
                  "| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n",
                  "<table>\n<thead>\n<tr>\n<th align=\"left\">l</th>\n<th align=\"center\">c</th>\n<th align=\"right\">r</th>\n<th>n</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n<td>4</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("escapedPipes",
                  "| a | b |\n|---|---|\n| x \\| y | `p\\|q` |\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x | y</td>\n<td><code>p|q</code></td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("inlineContent",
                  "| *em* | **strong** |\n|---|---|\n| [link](/u \"t\") | ![alt *x*](i.png) |\n| `code` | <span>raw</span> &amp; &copy; |\n",
                  "<table>\n<thead>\n<tr>\n<th><em>em</em></th>\n<th><strong>strong</strong></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"/u\" title=\"t\">link</a></td>\n<td><img src=\"i.png\" alt=\"alt x\" /></td>\n</tr>\n<tr>\n<td><code>code</code></td>\n<td><span>raw</span> &amp; ©</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("fewerCells",
                  "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 |\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n<th>c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td></td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("moreCells",
                  "| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("endsAtBlankLine",
                  "| a |\n|---|\n| 1 |\n\nafter\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<p>after</p>\n"),
        TableCase("endsAtHeading",
                  "| a |\n|---|\n| 1 |\n# Title\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<h1>Title</h1>\n"),
        TableCase("endsAtQuote",
                  "| a |\n|---|\n| 1 |\n> quoted\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n"),
        TableCase("endsAtList",
                  "| a |\n|---|\n| 1 |\n- item\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li>item</li>\n</ul>\n"),
        TableCase("endsAtFence",
                  "| a |\n|---|\n| 1 |\n```\ncode\n```\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<pre><code>code\n</code></pre>\n"),
        TableCase("rowWithoutPipes",
                  "| a | b |\n|---|---|\nplain text\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>plain text</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("headerOnly",
                  "| a | b |\n|---|---|\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n"),
        TableCase("noOuterPipes",
                  "a | b\n--- | ---\n1 | 2\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("afterParagraph",
                  "Some text\n| a |\n|---|\n| 1 |\n",
                  "<p>Some text</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("emptyCells",
                  "| a | | c |\n|---|---|---|\n| | 2 | |\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n<th></th>\n<th>c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td></td>\n<td>2</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("inListItem",
                  "- | a | b |\n  |---|---|\n  | 1 | 2 |\n- next\n",
                  "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</li>\n<li>next</li>\n</ul>\n"),
        TableCase("inLooseList",
                  "- one\n\n- | a |\n  |---|\n  | 1 |\n",
                  "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n"),
        TableCase("inQuote",
                  "> | a | b |\n> |:-:|--:|\n> | 1 | 2 |\n",
                  "<blockquote>\n<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n"),
        TableCase("inQuoteInList",
                  "1. > | a |\n   > |---|\n   > | 1 |\n",
                  "<ol>\n<li>\n<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n</li>\n</ol>\n"),
        TableCase("notATable",
                  "| a | b |\n|---|\n| 1 | 2 |\n",
                  "<p>| a | b |\n|---|\n| 1 | 2 |</p>\n"),
        TableCase("entitiesAndEscapes",
                  "| \\* | &lt;x&gt; |\n|---|---|\n| a\\\\b | \"q\" |\n",
                  "<table>\n<thead>\n<tr>\n<th>*</th>\n<th>&lt;x&gt;</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a\\b</td>\n<td>&quot;q&quot;</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("singleColumnNoPipeEnd",
                  "| a\n|---\n| b\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n"),
        TableCase("twoTables",
                  "| a |\n|---|\n\n| b |\n|---|\n| 2 |\n",
                  "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<table>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"),
    ]

    @Test(arguments: cases)
    func table(_ c: TableCase) {
        #expect(SpecExamples.render(c.markdown) == c.html, "\(c.name):\n\(c.markdown)")
    }

    /// A pipe that GitHub reads as escaped (`\\|`, after an escaped backslash) splits the
    /// row for galley's scanner: the renderer follows the scanner, so the proof and the
    /// rules see the same cells. (cmark-gfm keeps `| d` in one cell here.)
    @Test func escapedBackslashBeforePipeSplitsTheRow() {
        let html = SpecExamples.render("| a | b |\n|---|---|\n| \\\\| d |\n")
        #expect(html.contains("<td>\\</td>\n<td>d</td>"))
    }
}
