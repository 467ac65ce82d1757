import Testing
@testable import Ingest

@Suite struct HTMLTests {
    func html(_ source: String) throws -> String {
        try text(source, as: .html)
    }

    @Test func everyConstruct() throws {
        let source = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Essay title (not text)</title>
              <style>p { color: red; } /* <p>not text</p> */</style>
              <script>if (a < b && c > d) { document.write("<p>no</p>"); }</script>
            </head>
            <body>
              <!-- a comment <p>hidden</p> -->
              <h1>The   Crisis</h1>
              <p>Kennedy&rsquo;s &ldquo;quarantine&rdquo; &mdash; not a blockade &ndash; worked&hellip;
                 <b>caf&eacute;</b> &amp; <i>na&iuml;ve</i> &lt;tag&gt; &quot;q&quot; &apos;a&apos;
                 &#233;&#x2014;&#8217;&nbsp;end</p>
              <div>Div one<div>nested div</div></div>
              <p>Line one<br>line two<br><br>after a blank line</p>
              <ul><li>First <a href="x">item</a></li><li><p>Second item</p><p>its second paragraph</p></li>
                <li>Outer<ol><li>inner</li></ol></li></ul>
              <blockquote>Quoted text</blockquote>
              <table><tr><th>Cause</th><th>Effect</th></tr><tr><td>Turkey</td><td>Secret deal</td></tr></table>
              <pre>
              kept   spaces
            second line</pre>
              <noscript>Enable JavaScript</noscript>
              <template><p>template text</p></template>
              <svg><text>svg label</text></svg>
              <img src="map.png" alt="A map"> after the image
              <h2>Sub<span>heading</span></h2>
              <section><article><p>Deep paragraph.</p></article></section>
              <dl><dt>Term</dt><dd>Definition</dd></dl>
              <hr>
              <p>Last.</p>
            </body>
            </html>
            """
        #expect(try html(source) == """
            # The Crisis

            Kennedy’s “quarantine” — not a blockade – worked… café & naïve <tag> "q" 'a' é—’\u{A0}end

            Div one

            nested div

            Line one
            line two

            after a blank line

            - First item
            - Second item
            its second paragraph
            - Outer
            - inner

            Quoted text

            Cause
            Effect
            Turkey
            Secret deal

            kept   spaces
            second line

            after the image

            ## Subheading

            Deep paragraph.

            Term
            Definition

            Last.
            """)
    }

    @Test func tagSoupIsTolerated() throws {
        #expect(try html("<p>Unclosed <b>bold <i>both</p><p>next") == "Unclosed bold both\n\nnext")
        #expect(try html("a < b and 3<4, x<-y & z") == "a < b and 3<4, x<-y & z")
        #expect(try html("<ul><li>one<li>two</ul>after") == "- one\n- two\n\nafter")
        #expect(try html("<p title=\"a > b\" data-x='<p>'>attribute with brackets</p>") == "attribute with brackets")
        #expect(try html("text <unfinished attr=\"x") == "text")
        #expect(try html("<p>x</p></p></div></ul></table></li></pre>y") == "x\n\ny")
        #expect(try html("<script>never closed <p>hidden") == "")
        #expect(try html("<!-- never closed <p>hidden") == "")
        #expect(try html("</ notatag>ok<//>") == "ok")
        #expect(try html("AT&T &amp &ampersand; &#; &#xZZ; &#1114112; &#0;") == "AT&T & &ampersand; &#; &#xZZ; \u{FFFD} \u{FFFD}")
    }

    @Test func headIsImpliedAndEndedByBodyContent() throws {
        #expect(try html("<title>T</title><meta charset=utf-8><p>Body text</p>") == "Body text")
        #expect(try html("<head><link rel=x>stray text ends head<p>more") == "stray text ends head\n\nmore")
        #expect(try html("<head><template><p>x</p></template></head><body>y") == "y")
    }

    @Test func charsetFromMetaOrBOM() throws {
        let latin: [UInt8] = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf".utf8)
            + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
        let essay = try EssayReader.read(bytes: latin, format: .html, name: "a.html")
        #expect(essay.text == "café “quoted”")
        #expect(essay.warnings.isEmpty)

        let declared = Array("<meta charset=\"windows-1252\"><p>".utf8) + [0x92]
        #expect(try EssayReader.read(bytes: declared, format: .html, name: "a.html").text == "’")

        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"iso-8859-1\"><p>café</p>".utf8)
        #expect(try EssayReader.read(bytes: bom, format: .html, name: "a.html").text == "café")

        let undeclared = Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let guessed = try EssayReader.read(bytes: undeclared, format: .html, name: "a.html")
        #expect(guessed.text == "café")
        #expect(guessed.warnings == ["not valid UTF-8; read as Windows-1252 (Latin-1)"])

        let contradicted = try EssayReader.read(bytes: Array("<meta charset=latin1><p>café</p>".utf8), format: .html, name: "a.html")
        #expect(contradicted.text == "café")
        #expect(contradicted.warnings == ["read as UTF-8: the file is valid UTF-8 although its <meta charset> says windows-1252"])
    }

    @Test func preDropsOnlyTheFirstLineFeed() throws {
        #expect(try html("<pre>\n\nline</pre>") == "line")
        #expect(try html("<pre>a\n  b</pre>") == "a\nb")
    }

    @Test func pathologicalInputsStayLinear() throws {
        let opens = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        #expect(try html(opens) == "deep")
        let angles = String(repeating: "<", count: 200_000)
        #expect(try html(angles).count == 200_000)
        let lists = String(repeating: "<ul><li>", count: 50_000) + "x"
        #expect(try html(lists) == "- x")
        let scripts = String(repeating: "<script>", count: 50_000)
        #expect(try html(scripts) == "")
    }
}
