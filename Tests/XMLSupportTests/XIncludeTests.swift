import Foundation
import Testing
@testable import XMLSupport

/// A rubric folder (the XInclude root) with a sibling file outside it.
struct IncludeFixture {
    let folder: TemporaryFolder
    let root: URL

    init() throws {
        folder = try TemporaryFolder()
        root = folder.url.appendingPathComponent("rubric", isDirectory: true)
        try folder.write("outside.xml", "<secret>outside</secret>")
        try folder.write("rubric/parts/a.xml", "<?xml version=\"1.0\"?>\n<part name=\"a\">\n  <point>from a</point>\n  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"b.xml\"/>\n</part>\n")
        try folder.write("rubric/parts/b.xml", "<!-- b -->\n\n<part name=\"b\"><point>from b</point></part>")
        try folder.write("rubric/note.txt", "plain & <text>")
    }

    /// Writes rubric/main.xml including `body` (line 2 holds the first include) and parses it.
    func parseMain(_ body: String) throws(XMLFailure) -> ParsedXML {
        let text = "<rubric xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n" + body + "\n</rubric>\n"
        let file: URL
        do { file = try folder.write("rubric/main.xml", text) } catch { fatalError("\(error)") }
        return try ParsedXML.parse(file: file, displayName: "main.xml", options: .init(xincludeRoot: root))
    }
}

@Suite struct XIncludeTests {
    @Test func includeInsideRootIsSplicedWithItsOwnLocations() throws {
        let fixture = try IncludeFixture()
        let parsed = try fixture.parseMain("  <xi:include href=\"parts/a.xml\"/>  <xi:include href=\"note.txt\" parse=\"text\"/>")
        let root = parsed.root
        #expect(root.elements.map(\.name) == ["part"])
        let a = try #require(root.firstElement(named: "part"))
        #expect(a[attribute: "name"] == "a")
        #expect(a.location == .init(file: "parts/a.xml", line: 2, column: 1))
        #expect(a.firstElement(named: "point")?.location == .init(file: "parts/a.xml", line: 3, column: 3))
        // Nested include: b.xml, named relative to the main document's name.
        let b = try #require(a.firstElement(named: "part"))
        #expect(b[attribute: "name"] == "b")
        #expect(b.location == .init(file: "parts/b.xml", line: 3, column: 1))
        #expect(b.firstElement(named: "point")?.location == .init(file: "parts/b.xml", line: 3, column: 16))
        #expect(root.text.contains("from a") && root.text.contains("from b"))
        // Text include.
        #expect(root.text.hasSuffix("plain & <text>\n"))
        #expect(root.location.file == "main.xml")
    }

    @Test func includedContentIsValidatedWithItsFileAndLine() throws {
        let fixture = try IncludeFixture()
        let schema = try XMLSchema(file: fixture.folder.write("s.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="rubric"><xs:complexType><xs:sequence>
                <xs:element name="part" type="Part"/>
              </xs:sequence></xs:complexType></xs:element>
              <xs:complexType name="Part"><xs:sequence>
                <xs:element name="point" type="xs:string"/>
                <xs:element name="part" type="Part" minOccurs="0"/>
              </xs:sequence><xs:attribute name="name" type="xs:string"/></xs:complexType>
            </xs:schema>
            """))
        try fixture.folder.write("rubric/parts/b.xml", "<part name=\"b\">\n  <pont>typo</pont>\n</part>")
        let problems = try fixture.parseMain("<xi:include href=\"parts/a.xml\"/>").validate(against: schema)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "parts/b.xml")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.column == 3)
    }

    @Test func includeOutsideRootIsRefused() throws {
        let fixture = try IncludeFixture()
        let error = try #require(failure { _ = try fixture.parseMain("  <xi:include href=\"../outside.xml\"/>") })
        let first = try #require(error.diagnostics.first)
        #expect(first.file == "main.xml")
        #expect(first.line == 2)
        #expect(first.column == 3)
        #expect(first.message.contains("xi:include of '../outside.xml' refused"))
        #expect(first.message.contains("outside the allowed folder"))
    }

    @Test func includeOfSystemFileIsRefused() throws {
        let fixture = try IncludeFixture()
        for href in ["/etc/passwd", "file:///etc/passwd"] {
            for parse in ["xml", "text"] {
                let error = try #require(failure {
                    _ = try fixture.parseMain("<xi:include href=\"\(href)\" parse=\"\(parse)\"/>")
                })
                #expect(error.diagnostics.count == 1)
                #expect(error.description.hasPrefix("main.xml:2:1: xi:include of '\(href)' refused"))
                #expect(!error.description.contains("root:"))
            }
        }
    }

    @Test func networkIncludeIsRefused() throws {
        let fixture = try IncludeFixture()
        let error = try #require(failure { _ = try fixture.parseMain("<x/>\n<xi:include href=\"http://example.com/x\"/>") })
        #expect(error.description == "main.xml:3:1: xi:include of 'http://example.com/x' refused: network and other non-file URLs are not allowed (http:)")
    }

    @Test func symlinkLeadingOutIsRefused() throws {
        let fixture = try IncludeFixture()
        try FileManager.default.createSymbolicLink(
            at: fixture.root.appendingPathComponent("link.xml"),
            withDestinationURL: fixture.folder.url.appendingPathComponent("outside.xml"))
        let error = try #require(failure { _ = try fixture.parseMain("<xi:include href=\"link.xml\"/>") })
        #expect(error.diagnostics.first?.line == 2)
        #expect(error.description.contains("xi:include of 'link.xml' refused: it resolves to"))
        #expect(!error.description.contains(">outside<"))
    }

    @Test func missingFileLoopAndFallbackAreRefused() throws {
        let fixture = try IncludeFixture()
        let missing = try #require(failure {
            _ = try fixture.parseMain("<xi:include href=\"nope.xml\"><xi:fallback><p/></xi:fallback></xi:include>")
        })
        #expect(missing.description.contains("main.xml:2:1: xi:include of 'nope.xml' refused: no such file"))

        try fixture.folder.write("rubric/loop.xml", "<l><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"loop.xml\"/></l>")
        let loop = try #require(failure { _ = try fixture.parseMain("<xi:include href=\"loop.xml\"/>") })
        #expect(loop.diagnostics.first?.file == "loop.xml")
        #expect(loop.description.contains("inclusion loop"))
    }

    @Test func includedFileWithErrorsOrEntitiesFails() throws {
        let fixture = try IncludeFixture()
        try fixture.folder.write("rubric/bad.xml", "<p>\n<q></p>")
        let broken = try #require(failure { _ = try fixture.parseMain("<xi:include href=\"bad.xml\"/>") })
        #expect(broken.diagnostics.first?.file == "bad.xml")
        #expect(broken.diagnostics.first?.line == 2)

        try fixture.folder.write("rubric/xxe.xml", "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>")
        let xxe = try #require(failure { _ = try fixture.parseMain("<xi:include href=\"xxe.xml\"/>") })
        #expect(xxe.description.contains("xxe.xml:1: entity declarations are not allowed"))
        #expect(!xxe.description.contains("root:"))
    }

    @Test func withoutRootIncludesStayElements() throws {
        let fixture = try IncludeFixture()
        let file = try fixture.folder.write("rubric/main.xml", "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></r>")
        let root = try ParsedXML.parse(file: file).root
        let include = try #require(root.firstElement(named: "include"))
        #expect(include.namespaceURI == "http://www.w3.org/2001/XInclude")
        #expect(include[attribute: "href"] == "/etc/passwd")
        #expect(root.text == "")
    }

    @Test func bytesResolveRelativeHrefsAgainstTheRoot() throws {
        let fixture = try IncludeFixture()
        let parsed = try parse(
            "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"parts/b.xml\"/></r>",
            name: "inline.xml", options: .init(xincludeRoot: fixture.root))
        #expect(parsed.root.firstElement(named: "part")?.location.file == "parts/b.xml")
    }

    @Test func expansionIsBoundedBySizeLimit() throws {
        let fixture = try IncludeFixture()
        let tenB = String(repeating: "<xi:include href=\"b.xml\"/>", count: 10)
        try fixture.folder.write("rubric/parts/ten.xml", "<t xmlns:xi=\"http://www.w3.org/2001/XInclude\">\(tenB)</t>")
        let tenTen = String(repeating: "<xi:include href=\"parts/ten.xml\"/>", count: 10)
        let file = try fixture.folder.write("rubric/many.xml", "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">\(tenTen)</r>")
        let parsed = try ParsedXML.parse(file: file, options: .init(xincludeRoot: fixture.root))
        #expect(parsed.root.elements.count == 10)
        #expect(parsed.root.text.components(separatedBy: "from b").count - 1 == 100)
        let error = try #require(failure {
            _ = try ParsedXML.parse(file: file, options: .init(xincludeRoot: fixture.root, maxBytes: 2_000))
        })
        #expect(error.description.contains("exceeds the size limit"))
    }
}
