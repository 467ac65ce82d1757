import Foundation
import Testing
@testable import XMLSupport

@Suite struct ParsingTests {
    static let rubric = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rubric xmlns="urn:essay-grader:rubric" xmlns:x="urn:extra" version="2">
          <criterion id="thesis" x:weight="3">
            <title>Thesis &amp; argument</title>
            <point kind="core">States a <em>clear</em> claim<![CDATA[ <raw> ]]></point>
          </criterion><criterion id="evidence"/>
          <!-- a comment -->
        </rubric>
        """

    @Test func treeShapeAttributesAndText() throws {
        let parsed = try parse(Self.rubric, name: "rubric.xml")
        let root = parsed.root
        #expect(parsed.name == "rubric.xml")
        #expect(root.name == "rubric")
        #expect(root.namespaceURI == "urn:essay-grader:rubric")
        #expect(root.attributes == [XMLTree.Attribute(name: "version", value: "2")])
        #expect(root.elements.map(\.name) == ["criterion", "criterion"])
        #expect(root.elements(named: "criterion").map { $0[attribute: "id"] } == ["thesis", "evidence"])

        let thesis = try #require(root.firstElement(named: "criterion"))
        #expect(thesis[attribute: "weight"] == "3")
        #expect(thesis.attributes.first?.namespaceURI == nil)
        #expect(thesis.attributes.last?.namespaceURI == "urn:extra")
        #expect(thesis[attribute: "missing"] == nil)
        #expect(thesis.firstElement(named: "title")?.text == "Thesis & argument")

        let point = try #require(thesis.firstElement(named: "point"))
        #expect(point.text == "States a clear claim <raw> ")
        // Adjacent text (text + CDATA) is one node; the nested element stays in order.
        #expect(point.children == [
            .text("States a "),
            .element(XMLTree.Element(
                name: "em", namespaceURI: "urn:essay-grader:rubric", children: [.text("clear")],
                location: .init(file: "rubric.xml", line: 5, column: 33))),
            .text(" claim <raw> "),
        ])
        #expect(root.firstElement(named: "nothing") == nil)
    }

    @Test func locationsLineAndRecoveredColumn() throws {
        let root = try parse(Self.rubric, name: "rubric.xml").root
        #expect(root.location == .init(file: "rubric.xml", line: 2, column: 1))
        let criteria = root.elements(named: "criterion")
        #expect(criteria[0].location == .init(file: "rubric.xml", line: 3, column: 3))
        #expect(criteria[0].firstElement(named: "title")?.location == .init(file: "rubric.xml", line: 4, column: 5))
        #expect(criteria[0].firstElement(named: "point")?.location == .init(file: "rubric.xml", line: 5, column: 5))
        // Second element on the same line as an end tag.
        #expect(criteria[1].location == .init(file: "rubric.xml", line: 6, column: 15))
    }

    @Test func startTagSpanningLinesIsLocatedAtItsStart() throws {
        // libxml2 records the line where the start tag ends (4); the location is where it begins.
        let root = try parse("<a>\n  <b\n     x=\"1\"\n     y=\"2\">t</b><c/>\n</a>").root
        #expect(root.elements.map(\.location.line) == [2, 4])
        #expect(root.elements.map(\.location.column) == [3, 17])
    }

    @Test func columnsCountCodePointsWithMultiByteCommentAndCRLF() throws {
        // "<!-- été 😀 -->" is 14 code points but 19 bytes: columns count code points.
        let text = "<!-- été 😀 --><doc>\r\n\t<item n=\"1\">é</item><item n=\"2\"/>\r\n</doc>\r\n"
        let root = try parse(text, name: "crlf.xml").root
        #expect(root.location == .init(file: "crlf.xml", line: 1, column: 15))
        #expect(root.elements.map(\.location) == [
            .init(file: "crlf.xml", line: 2, column: 2),
            .init(file: "crlf.xml", line: 2, column: 22),
        ])
        // Line ends are normalized to \n in content.
        #expect(root.text == "\n\té\n")
    }

    /// Word and LibreOffice write their XML on one line: locating every element must stay
    /// linear (it was quadratic: 600 KB took seconds), with exact columns.
    @Test func oneLineDocumentWithManyElementsIsLocatedInLinearTime() throws {
        let item = "<p><r>é</r><r>x</r></p>"  // 23 code points
        let count = 40_000
        let text = "<?xml version=\"1.0\"?>\n<doc>" + String(repeating: item, count: count) + "</doc>"
        let started = Date()
        let root = try parse(text, name: "one-line.xml").root
        #expect(Date().timeIntervalSince(started) < 5)
        let paragraphs = root.elements
        #expect(paragraphs.count == count)
        #expect(paragraphs.first?.location == .init(file: "one-line.xml", line: 2, column: 6))
        #expect(paragraphs.last?.location.column == 6 + 23 * (count - 1))
        #expect(paragraphs.last?.elements.last?.location.column == 6 + 23 * (count - 1) + 11)
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<a><b/></a>".utf8)
        let root = try ParsedXML.parse(bytes: bytes, name: "bom.xml").root
        #expect(root.location.column == 1)
        #expect(root.elements.first?.location.column == 4)
    }

    @Test func parseFileUsesDisplayNameOrPath() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("doc.xml", "<doc>\n  <line n=\"1\">hello</line>\n</doc>\n")
        let named = try ParsedXML.parse(file: file, displayName: "rubrics/doc.xml")
        #expect(named.name == "rubrics/doc.xml")
        #expect(named.root.elements.first?.location == .init(file: "rubrics/doc.xml", line: 2, column: 3))
        #expect(named.root.elements.first?.text == "hello")

        let unnamed = try ParsedXML.parse(file: file)
        #expect(unnamed.name == file.path)
        #expect(unnamed.root.location.file == file.path)
    }

    @Test func missingFileAndDirectoryAreDiagnosed() throws {
        let folder = try TemporaryFolder()
        let missing = failure { _ = try ParsedXML.parse(file: folder.url.appendingPathComponent("nope.xml"), displayName: "nope.xml") }
        #expect(missing?.diagnostics.first?.file == "nope.xml")
        #expect(missing?.diagnostics.first?.message.contains("No such file") == true)
        let directory = failure { _ = try ParsedXML.parse(file: folder.url) }
        #expect(directory?.diagnostics.first?.message.contains("directory") == true)
    }

    @Test func malformedXMLGivesFileLineAndColumn() throws {
        let text = "<a>\n  <b>\n  </c>\n</a>\n"
        let error = try #require(failure { _ = try parse(text, name: "broken.xml") })
        let first = try #require(error.diagnostics.first)
        #expect(first.file == "broken.xml")
        #expect(first.line == 3)
        #expect(first.column == 7)  // libxml2 points just after "</c>"
        #expect(first.severity == .error)
        #expect(first.message == "Opening and ending tag mismatch: b line 2 and c")
        #expect(first.description == "broken.xml:3:7: Opening and ending tag mismatch: b line 2 and c")
        #expect(error.diagnostics.allSatisfy { !$0.message.hasSuffix("\n") && !$0.message.contains("\n") })
    }

    @Test func malformedAttributeAndEmptyInput() throws {
        let error = try #require(failure { _ = try parse("<a>\n<b x=1/></a>", name: "attr.xml") })
        #expect(error.diagnostics.first?.line == 2)
        #expect(error.diagnostics.first?.column ?? 0 > 0)
        let empty = try #require(failure { _ = try ParsedXML.parse(bytes: [], name: "empty.xml") })
        #expect(empty.description == "empty.xml: the document is empty")
    }

    @Test func diagnosticDescriptionLeavesOutUnknownParts() {
        #expect(XMLDiagnostic(file: "f.xml", line: 3, column: 9, message: "m").description == "f.xml:3:9: m")
        #expect(XMLDiagnostic(file: "f.xml", line: 3, column: 0, message: "m").description == "f.xml:3: m")
        #expect(XMLDiagnostic(file: "f.xml", line: 0, column: 0, message: "m").description == "f.xml: m")
        let failure = XMLFailure(diagnostics: [
            XMLDiagnostic(file: "a", line: 1, message: "x"), XMLDiagnostic(file: "b", message: "y"),
        ])
        #expect(failure.description == "a:1: x\nb: y")
    }

    @Test func otherEncodingsAreDecoded() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try ParsedXML.parse(bytes: latin1, name: "latin1.xml").root.text == "café")
    }
}
