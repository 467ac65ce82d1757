import Testing
@testable import Ingest

@Suite struct MarkdownTests {
    func markdown(_ source: String) throws -> String {
        try text(source, as: .markdown)
    }

    @Test func everyConstruct() throws {
        let source = """
            # The Cuban Missile Crisis #

            Intro with *emphasis*, **strong**, _under_, __double__, ~~struck~~ and `code`.
            A soft-wrapped line joins the one before.

            Setext Title
            ============

            Section
            -------

            - first item with [a link](https://example.org "title")
            * second item with ![a map](map.png) an image
            + third item
              continued on the next line
            1. numbered
            2) numbered again
            - [x] done task

            > Quoted *text*
            > stays.

            | Cause | Effect |
            |:------|-------:|
            | Turkey \\| Italy | Secret deal |
            | `a|b` | ok |

            ```swift
            let *kept* = "as is"
            ```

            Escapes: \\*not emphasis\\*, 2 * 3, snake_case, <b>bold</b> and<br>a break.
            Line with hard break  
            after it.\\
            And after a backslash.

            ***

            Reference [text][ref], [collapsed][] and [plain brackets] plus a note[^1].
            Entities: &amp; &lt; &eacute; &#233; &#x2019; &copy; &bogus;

            <!-- a comment
            over lines -->
            [ref]: https://example.org
            [^1]: A footnote that is dropped.

            Autolink <https://example.org/x> and mail <ana@example.org>.
            """
        let output = try markdown(source)
        #expect(output == """
            # The Cuban Missile Crisis

            Intro with emphasis, strong, under, double, struck and code. A soft-wrapped line joins the one before.

            # Setext Title

            ## Section

            - first item with a link
            - second item with an image
            - third item continued on the next line
            - numbered
            - numbered again
            - done task

            Quoted text stays.

            Cause
            Effect
            Turkey | Italy
            Secret deal
            a|b
            ok

            let *kept* = "as is"

            Escapes: *not emphasis*, 2 * 3, snake_case, bold and
            a break. Line with hard break
            after it.
            And after a backslash.

            Reference text, collapsed and [plain brackets] plus a note. Entities: & < é é ’ © &bogus;

            Autolink https://example.org/x and mail ana@example.org.
            """)
    }

    @Test func listsEndAtParagraphsAndKeepContinuationParagraphs() throws {
        let source = """
            Causes:

            - one
            - two

              A second paragraph in item two.
            - three

            After the list.
            1962. A year is not a list item inside a paragraph:
            1962. still the same paragraph.
            """
        let output = try markdown(source)
        #expect(output == """
            Causes:

            - one
            - two
            A second paragraph in item two.
            - three

            After the list. 1962. A year is not a list item inside a paragraph: 1962. still the same paragraph.
            """)
    }

    @Test func nestedListsAndQuotedLists() throws {
        let source = "- outer\n  - inner\n    - innermost\n\n> - quoted item\n> - another\n"
        let output = try markdown(source)
        #expect(output == "- outer\n- inner\n- innermost\n\n- quoted item\n- another")
    }

    @Test func unclosedFenceRunsToTheEnd() throws {
        #expect(try markdown("Text\n~~~\ncode *x*\n\nmore") == "Text\n\ncode *x*\n\nmore")
    }

    @Test func crlfSourceGivesTheSameText() throws {
        let source = "# Title\n\nOne *two*\nthree\n\n- a\n- b\n"
        #expect(try markdown(source.replacingOccurrences(of: "\n", with: "\r\n")) == (try markdown(source)))
        let output = try markdown(source)
        #expect(output == "# Title\n\nOne two three\n\n- a\n- b")
    }

    @Test func emptyAndMarkupOnlyDocuments() throws {
        #expect(try markdown("") == "")
        #expect(try markdown("---\n\n***\n<!-- nothing -->\n") == "")
        #expect(try markdown("#\n\n-\n") == "")
    }

    @Test func pathologicalInputsStayLinear() throws {
        let brackets = String(repeating: "[", count: 50_000) + "x" + String(repeating: "](u)", count: 50_000)
        let output = try markdown(brackets)
        #expect(output.hasSuffix("x") || output.contains("x"))
        let angles = String(repeating: "<", count: 100_000) + ">"
        #expect(try markdown(angles).count == 100_001)
        let ticks = String(repeating: "`a ", count: 50_001)
        #expect(try markdown(ticks).hasPrefix("a a a"))
        let unmatched = (1...300).map { String(repeating: "`", count: $0) }.joined(separator: " x ")
        #expect(try markdown(unmatched) == unmatched)
        let stars = String(repeating: "*a ", count: 50_000)
        #expect(try markdown(stars).hasPrefix("a a a"))
    }
}
