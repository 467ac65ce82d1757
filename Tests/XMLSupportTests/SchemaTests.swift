import Foundation
import Testing
@testable import XMLSupport

@Suite struct SchemaTests {
    static let schemaText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="rubric">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="point" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="xs:string">
                        <xs:attribute name="kind" use="required">
                          <xs:simpleType>
                            <xs:restriction base="xs:string">
                              <xs:enumeration value="core"/>
                              <xs:enumeration value="bonus"/>
                            </xs:restriction>
                          </xs:simpleType>
                        </xs:attribute>
                        <xs:attribute name="id" type="xs:ID"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static func schema(in folder: TemporaryFolder) throws -> XMLSchema {
        try XMLSchema(file: folder.write("rubric.xsd", schemaText))
    }

    @Test func validDocumentGivesNoDiagnostics() throws {
        let folder = try TemporaryFolder()
        let schema = try Self.schema(in: folder)
        let document = try parse("<rubric>\n  <point kind=\"core\" id=\"p1\">a</point>\n  <point kind=\"bonus\">b</point>\n</rubric>")
        #expect(document.validate(against: schema) == [])
        // Validating again (xs:ID values were recorded by the first run) is still clean.
        #expect(document.validate(against: schema) == [])
    }

    @Test func invalidDocumentGivesOneDiagnosticPerProblem() throws {
        let folder = try TemporaryFolder()
        let schema = try Self.schema(in: folder)
        let text = """
            <rubric>
              <point kind="core">a</point>
              <point kind="maybe">b</point>
                <point>c</point>
              <pont kind="core">d</pont>
            </rubric>
            """
        let problems = try parse(text, name: "bad.xml").validate(against: schema)
        #expect(problems.count == 3)
        #expect(problems.map(\.file) == ["bad.xml", "bad.xml", "bad.xml"])
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems.map(\.column) == [3, 5, 3])
        #expect(problems.allSatisfy { $0.severity == .error && !$0.message.hasSuffix("\n") })
        #expect(problems[0].message.contains("'maybe' is not an element of the set {'core', 'bonus'}"))
        #expect(problems[1].message.contains("The attribute 'kind' is required but missing"))
        #expect(problems[2].message.contains("'pont'"))
        #expect(problems[0].description.hasPrefix("bad.xml:3:3: Element 'point', attribute 'kind': [facet 'enumeration']"))
    }

    @Test func brokenSchemaNamesTheSchemaFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("broken.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:nosuchtype"/>
            </xs:schema>
            """)
        let error = try #require(failure { _ = try XMLSchema(file: file) })
        let first = try #require(error.diagnostics.first)
        #expect(first.file == file.path)
        #expect(first.line == 2)
        #expect(first.message.contains("nosuchtype"))

        let malformed = try folder.write("malformed.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element")
        let parseError = try #require(failure { _ = try XMLSchema(file: malformed) })
        #expect(parseError.diagnostics.first?.file == malformed.path)
        #expect(parseError.diagnostics.first?.line == 2)
    }

    @Test func schemaIncludeInsideItsFolderWorksOutsideIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("schemas/types.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="core"/></xs:restriction></xs:simpleType>
            </xs:schema>
            """)
        let good = try folder.write("schemas/main.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="types.xsd"/>
              <xs:element name="point" type="Kind"/>
            </xs:schema>
            """)
        let schema = try XMLSchema(file: good)
        #expect(try parse("<point>core</point>").validate(against: schema) == [])
        #expect(try parse("<point>other</point>").validate(against: schema).count == 1)

        try folder.write("outside.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>")
        let references = [
            ("../outside.xsd", "outside the allowed folder"),
            ("/etc/passwd", "outside the allowed folder"),
            ("http://example.com/x.xsd", "network and other non-file URLs are not allowed"),
        ]
        for (index, (location, reason)) in references.enumerated() {
            let escaping = try folder.write("schemas/escape\(index).xsd", """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:include schemaLocation="\(location)"/>
                </xs:schema>
                """)
            let error = try #require(failure { _ = try XMLSchema(file: escaping) })
            #expect(error.diagnostics.first?.file == escaping.path)
            #expect(error.description.contains("refused to load"))
            #expect(error.description.contains(reason))
            #expect(error.diagnostics.contains { $0.line == 2 })
            #expect(!error.description.contains("root:"))
        }
    }
}
