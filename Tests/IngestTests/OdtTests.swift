import Foundation
import Testing
@testable import Ingest

/// .odt files built as LibreOffice writes them.
@Suite struct OdtTests {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        office:version="1.3"
        """

    static let mainText = """
        <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>\
        <office:change-info><dc:creator>Teacher</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>\
        <text:p>DELETED TEXT must not appear</text:p></text:deletion></text:changed-region></text:tracked-changes>\
        <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>\
        <text:h text:style-name="P1" text:outline-level="1">The Outcome</text:h>
        <text:p text:style-name="Standard">The Soviet <text:span text:style-name="T1">with</text:span>drawal\
        <text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>\
        <text:note-body><text:p text:style-name="Footnote">FOOTNOTE TEXT must not appear</text:p></text:note-body></text:note> \
        ended   the
          crisis.<text:s text:c="3"/>Then<text:s/>Kennedy<text:tab/>agreed<text:line-break/>on \
        <text:a xlink:type="simple" xlink:href="https://example.org/">the radio</text:a>.\
        <text:change text:change-id="ct1"/><text:soft-page-break/></text:p>
        <text:list text:style-name="L1"><text:list-item><text:p>missiles in Turkey</text:p></text:list-item>\
        <text:list-item><text:p>Bay of Pigs</text:p><text:list><text:list-item><text:p>nested item</text:p></text:list-item></text:list></text:list-item></text:list>
        <table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>\
        <table:table-row><table:table-cell office:value-type="string"><text:p>Cause</text:p></table:table-cell>\
        <table:table-cell office:value-type="string"><text:p>Effect</text:p></table:table-cell></table:table-row></table:table>
        <text:p>Last <office:annotation><dc:creator>Teacher</dc:creator><text:p>COMMENT must not appear</text:p></office:annotation>paragraph.</text:p>
        """

    static func content(_ text: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(namespaces)><office:automatic-styles/>\
        <office:body><office:text>\(text)</office:text></office:body></office:document-content>
        """
    }

    static let meta = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces)><office:meta><meta:initial-creator>First Author</meta:initial-creator>\
        <dc:creator>Ana López</dc:creator><meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>
        """

    static func odt(text: String = mainText, meta: String? = OdtTests.meta) throws -> [UInt8] {
        var entries: [(String, String)] = [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content(text)),
            ("styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles \(namespaces)/>"),
            ("META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
                """),
        ]
        if let meta { entries.append(("meta.xml", meta)) }
        return try makeZip(entries)
    }

    static func expectedText() throws -> String {
        try EssayReader.read(bytes: try odt(), format: .odt, name: "x.odt").text
    }

    @Test func readsOpenDocumentText() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("ana.odt", try Self.odt())
        let essay = try EssayReader.read(url)
        #expect(essay.text == """
            # The Outcome

            The Soviet withdrawal ended the crisis.   Then Kennedy\tagreed
            on the radio.

            - missiles in Turkey
            - Bay of Pigs
            - nested item

            Cause
            Effect

            Last paragraph.
            """)
        #expect(essay.author == "Ana López")
        #expect(essay.format == .odt)
        #expect(essay.warnings.isEmpty)
        #expect(!essay.text.contains("FOOTNOTE"))
        #expect(!essay.text.contains("DELETED"))
        #expect(!essay.text.contains("COMMENT"))
    }

    @Test func authorFallsBackToInitialCreator() throws {
        let meta = Self.meta.replacingOccurrences(of: "<dc:creator>Ana López</dc:creator>", with: "<dc:creator> </dc:creator>")
        #expect(try EssayReader.read(bytes: try Self.odt(meta: meta), format: .odt, name: "x.odt").author == "First Author")
        #expect(try EssayReader.read(bytes: try Self.odt(meta: nil), format: .odt, name: "x.odt").author == nil)
    }

    @Test func headingLevelsListHeadersSectionsAndFrames() throws {
        let text = """
            <text:h text:outline-level="2">Second level</text:h>\
            <text:section text:name="S1"><text:p>In a section.</text:p></text:section>\
            <text:list><text:list-header><text:p>Header line</text:p></text:list-header>\
            <text:list-item><text:p>Item</text:p></text:list-item></text:list>\
            <text:p>Anchor<draw:frame draw:name="Frame1"><draw:text-box><text:p>Framed text</text:p></draw:text-box></draw:frame> text.</text:p>\
            <text:table-of-content text:name="TOC"><text:table-of-content-source text:outline-level="10">\
            <text:index-title-template>TEMPLATE</text:index-title-template></text:table-of-content-source>\
            <text:index-body><text:p>Contents entry</text:p></text:index-body></text:table-of-content>
            """
        let essay = try EssayReader.read(bytes: try Self.odt(text: text), format: .odt, name: "x.odt")
        #expect(essay.text == "## Second level\n\nIn a section.\n\nHeader line\n- Item\n\nAnchor text.\n\nFramed text\n\nContents entry")
    }

    @Test func presentationIsNotText() throws {
        let content = Self.content("").replacingOccurrences(of: "<office:text></office:text>", with: "<office:presentation/>")
        let bytes = try makeZip([("mimetype", "application/vnd.oasis.opendocument.presentation"), ("content.xml", content)])
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .odt, name: "slides.odt") }
        #expect(error?.description == "slides.odt: not an OpenDocument text (content.xml has no office:body/office:text)")
    }

    @Test func docxNamedOdtIsReadWithAWarning() throws {
        let essay = try EssayReader.read(bytes: try DocxTests.docx(), format: .odt, name: "x.odt")
        #expect(essay.text.hasPrefix("# The Outcome"))
        #expect(essay.author == "Ana López")
        #expect(essay.warnings.first == "read as a Word document: the file is a .docx named .odt")
    }
}
