import Foundation
import Testing
@testable import XMLSupport

@Suite struct WriterTests {
    @Test func nestingIndentationAndEmptyElements() {
        var writer = XMLWriter()
        writer.open("report", [("version", "1")])
        writer.open("essay", [("id", "e1")])
        writer.element("score", text: "4")
        writer.element("empty")
        writer.element("blank", [("a", "b")], text: "")
        writer.close()
        writer.open("note")
        writer.text("one line")
        writer.close()
        let text = writer.finish()
        #expect(text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <report version="1">
              <essay id="e1">
                <score>4</score>
                <empty/>
                <blank a="b"/>
              </essay>
              <note>one line</note>
            </report>

            """)
    }

    @Test func withoutIndentOrDeclaration() {
        var writer = XMLWriter(indent: nil, declaration: false)
        writer.open("a")
        writer.open("b")
        writer.element("c", text: "x")
        // finish closes b and a.
        #expect(writer.finish() == "<a><b><c>x</c></b></a>\n")
    }

    @Test func escaping() {
        #expect(XMLWriter.escapeText("a & b < c > d \" ' \t\n\r") == "a &amp; b &lt; c &gt; d \" ' \t\n&#13;")
        #expect(XMLWriter.escapeAttribute("a & b < c > d \" ' \t\n\r") == "a &amp; b &lt; c &gt; d &quot; ' &#9;&#10;&#13;")
        #expect(XMLWriter.escapeText("plain ascii") == "plain ascii")
        #expect(XMLWriter.escapeText("漢字 😀 é") == "漢字 😀 é")
    }

    @Test func forbiddenCharactersAreDropped() throws {
        let dirty = "a\u{01}b\u{08}c\u{1F}d\u{FFFE}e\u{FFFF}f\u{0}g"
        #expect(XMLWriter.escapeText(dirty) == "abcdefg")
        #expect(XMLWriter.escapeAttribute(dirty) == "abcdefg")
        // Characters next to the dropped ones survive (U+FFFD shares the EF BF lead bytes).
        #expect(XMLWriter.escapeText("\u{FFFD}\u{FFFE}\u{EFFF}") == "\u{FFFD}\u{EFFF}")

        var writer = XMLWriter()
        writer.element("t\u{01}", [("k\u{02}", dirty)], text: dirty)
        let text = writer.finish()
        let forbidden = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
        #expect(forbidden.isEmpty)
        let root = try parse(text).root
        #expect(root.name == "t")
        #expect(root.text == "abcdefg")
        #expect(root[attribute: "k"] == "abcdefg")
    }

    @Test func roundTripThroughTheParser() throws {
        let texts = [
            "a & b < c > d \" e ' f ]]> g",
            "emoji 😀👩‍👩‍👧‍👦 and CJK 漢字かなカナ 한국어",
            "tab\tnewline\ncarriage\rreturn\r\nend",
            "  leading and trailing spaces  ",
        ]
        let attributeValues = ["x\ty\nz\rw", "a&b<c>d\"e'f", "😀 漢字", "  two  spaces  "]
        var writer = XMLWriter()
        writer.open("root")
        for (index, text) in texts.enumerated() {
            writer.element("item", [("n", "\(index)"), ("value", attributeValues[index])], text: text)
        }
        writer.close()
        let output = writer.finish()
        let root = try parse(output).root
        #expect(root.elements(named: "item").map(\.text) == texts)
        #expect(root.elements(named: "item").map { $0[attribute: "value"] } == attributeValues)
        #expect(root.elements(named: "item").map { $0[attribute: "n"] } == ["0", "1", "2", "3"])
    }

    @Test func largeDocumentIsFast() throws {
        var writer = XMLWriter()
        writer.open("essays")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for index in 0..<20_000 {
                writer.element("sentence", [("n", String(index)), ("flag", "a<b")], text: "Sentence \(index) with émoji 😀 & <markup>.")
            }
        }
        let text = writer.finish()
        #expect(try parse(text).root.elements.count == 20_000)
        #expect(elapsed < .seconds(5))
    }
}
