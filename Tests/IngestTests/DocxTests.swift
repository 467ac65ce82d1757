import Foundation
import Testing
@testable import Ingest

/// .docx files built as Word writes them.
@Suite struct DocxTests {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>\
        <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
        \(w) mc:Ignorable="w14"><w:body>\(body)<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>
        """
    }

    static let mainBody = """
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>The Outcome</w:t></w:r></w:p>\
        <w:p w14:paraId="1A2B3C4D"><w:pPr><w:jc w:val="both"/></w:pPr>\
        <w:r><w:t xml:space="preserve">The Soviet </w:t></w:r>\
        <w:r><w:rPr><w:b/></w:rPr><w:t>with</w:t></w:r><w:r><w:t>drawal</w:t></w:r>\
        <w:r><w:t xml:space="preserve"> ended the crisis.</w:t></w:r>\
        <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>\
        <w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> Kennedy</w:t></w:r><w:commentRangeEnd w:id="0"/>\
        <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>\
        <w:del w:id="5" w:author="Teacher" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> never</w:delText></w:r></w:del>\
        <w:ins w:id="6" w:author="Teacher" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> secretly</w:t></w:r></w:ins>\
        <w:r><w:t xml:space="preserve"> agreed.</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Before</w:t></w:r><w:r><w:tab/><w:t>after tab</w:t></w:r><w:r><w:br/><w:t>next line</w:t></w:r></w:p>\
        <w:p/>\
        <w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4675"/><w:gridCol w:w="4675"/></w:tblGrid>\
        <w:tr><w:tc><w:tcPr><w:tcW w:w="4675" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Cause</w:t></w:r></w:p></w:tc>\
        <w:tc><w:tcPr><w:tcW w:w="4675" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Effect</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:t>Last paragraph.</w:t></w:r></w:p>
        """

    static let footnotes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:footnotes \(w)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:id="1"><w:p><w:r><w:t>FOOTNOTE TEXT must not appear</w:t></w:r></w:p></w:footnote></w:footnotes>
        """

    static let comments = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:comments \(w)><w:comment w:id="0" w:author="Teacher" w:initials="T">\
        <w:p><w:r><w:t>COMMENT TEXT must not appear</w:t></w:r></w:p></w:comment></w:comments>
        """

    static let core = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>Essay</dc:title><dc:creator>  Ana López </dc:creator><cp:lastModifiedBy>Teacher</cp:lastModifiedBy>\
        <dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>
        """

    static func docx(body: String = mainBody, core: String? = DocxTests.core) throws -> [UInt8] {
        var entries: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rels),
            ("word/document.xml", document(body)), ("word/footnotes.xml", footnotes), ("word/comments.xml", comments),
        ]
        if let core { entries.append(("docProps/core.xml", core)) }
        return try makeZip(entries)
    }

    static func expectedText() throws -> String {
        try EssayReader.read(bytes: try docx(), format: .docx, name: "x.docx").text
    }

    @Test func readsWordDocumentFromDisk() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("essays/ana.docx", try Self.docx())
        let essay = try EssayReader.read(url, displayName: "essays/ana.docx")
        #expect(essay.text == """
            # The Outcome

            The Soviet withdrawal ended the crisis. Kennedy secretly agreed.

            Before\tafter tab
            next line

            Cause
            Effect

            Last paragraph.
            """)
        #expect(essay.author == "Ana López")
        #expect(essay.name == "essays/ana.docx")
        #expect(essay.format == .docx)
        #expect(essay.warnings.isEmpty)
        #expect(!essay.text.contains("FOOTNOTE"))
        #expect(!essay.text.contains("COMMENT"))
        #expect(!essay.text.contains("never"))
    }

    @Test func displayNameDefaultsToTheFileName() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("essays/ana.docx", try Self.docx())
        #expect(try EssayReader.read(url).name == "ana.docx")
    }

    @Test func authorIsNilWithoutCoreProperties() throws {
        let essay = try EssayReader.read(bytes: try Self.docx(core: nil), format: .docx, name: "x.docx")
        #expect(essay.author == nil)
        let blank = Self.core.replacingOccurrences(of: "  Ana López ", with: "  ")
        #expect(try EssayReader.read(bytes: try Self.docx(core: blank), format: .docx, name: "x.docx").author == nil)
    }

    @Test func damagedCorePropertiesGiveAWarningNotAFailure() throws {
        let essay = try EssayReader.read(bytes: try Self.docx(core: "<cp:coreProperties"), format: .docx, name: "x.docx")
        #expect(essay.author == nil)
        #expect(essay.warnings.count == 1)
        #expect(essay.warnings.first?.hasPrefix("author unknown: docProps/core.xml is not readable XML") == true)
        #expect(essay.text.hasPrefix("# The Outcome"))
    }

    @Test func runsWithoutPreserveLoseEdgeSpacesAsInWord() throws {
        let body = "<w:p><w:r><w:t> one </w:t></w:r><w:r><w:t>two</w:t></w:r><w:r><w:t xml:space=\"preserve\"> three</w:t></w:r></w:p>"
        #expect(try EssayReader.read(bytes: try Self.docx(body: body), format: .docx, name: "x.docx").text == "onetwo three")
    }

    @Test func hyphensSymbolsFieldsAndControls() throws {
        let body = """
            <w:p><w:r><w:t>Sino</w:t></w:r><w:r><w:noBreakHyphen/><w:t>Soviet</w:t></w:r>\
            <w:r><w:t xml:space="preserve"> super</w:t><w:softHyphen/><w:t>power</w:t></w:r>\
            <w:r><w:sym w:font="Wingdings" w:char="F04A"/></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t xml:space="preserve"> of 9</w:t></w:r></w:fldSimple>\
            <w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink>\
            <w:moveFrom w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>MOVED-AWAY</w:t></w:r></w:moveFrom>\
            <w:moveTo w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> moved</w:t></w:r></w:moveTo>\
            <w:r><w:cr/><w:t>after cr</w:t></w:r></w:p>\
            <w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>
            """
        let essay = try EssayReader.read(bytes: try Self.docx(body: body), format: .docx, name: "x.docx")
        #expect(essay.text == "Sino-Soviet superpower 7 of 9 link moved\nafter cr\n\nIn a content control")
    }

    @Test func textBoxIsReadOnceAfterItsParagraph() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>Boxed text</w:t></w:r></w:p></w:txbxContent>"
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Anchor </w:t></w:r><w:r><mc:AlternateContent>\
            <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp>\
            </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r><w:r><w:t>paragraph.</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Old style:</w:t></w:r><w:r><w:pict><v:shape><v:textbox>\
            <w:txbxContent><w:p><w:r><w:t>VML box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            """
        let essay = try EssayReader.read(bytes: try Self.docx(body: body), format: .docx, name: "x.docx")
        #expect(essay.text == "Anchor paragraph.\n\nBoxed text\n\nOld style:\n\nVML box")
    }

    @Test func numberedParagraphsBecomeListLines() throws {
        let item = { (text: String) in
            "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = "<w:p><w:r><w:t>Causes:</w:t></w:r></w:p>" + item("missiles in Turkey") + item("Bay of Pigs")
            + "<w:p><w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>Not numbered.</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Outline heading</w:t></w:r></w:p>"
        let essay = try EssayReader.read(bytes: try Self.docx(body: body), format: .docx, name: "x.docx")
        #expect(essay.text == "Causes:\n\n- missiles in Turkey\n- Bay of Pigs\n\nNot numbered.\n\n## Outline heading")
    }

    @Test func strictNamespaceIsRead() throws {
        let document = """
            <w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>\
            <w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>
            """
        let bytes = try makeZip([("word/document.xml", document)])
        #expect(try EssayReader.read(bytes: bytes, format: .docx, name: "x.docx").text == "Strict")
    }

    @Test func storedEntriesAreReadToo() throws {
        let bytes = try makeZip([("word/document.xml", Self.document("<w:p><w:r><w:t>Stored</w:t></w:r></w:p>"))], method: .none)
        #expect(try EssayReader.read(bytes: bytes, format: .docx, name: "x.docx").text == "Stored")
    }

    @Test func longDocumentIsReadInLinearTime() throws {
        let paragraphs = (0..<20_000).map { "<w:p><w:r><w:t>Paragraph \($0) on the crisis.</w:t></w:r></w:p>" }
        let bytes = try Self.docx(body: paragraphs.joined())
        let started = Date()
        let essay = try EssayReader.read(bytes: bytes, format: .docx, name: "long.docx")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(essay.text.hasPrefix("Paragraph 0 on the crisis.\n\nParagraph 1 on the crisis."))
        #expect(essay.text.hasSuffix("Paragraph 19999 on the crisis."))
    }

    @Test func odtNamedDocxIsReadWithAWarning() throws {
        let essay = try EssayReader.read(bytes: try OdtTests.odt(), format: .docx, name: "x.docx")
        #expect(essay.text.hasPrefix("# The Outcome"))
        #expect(essay.warnings.first == "read as OpenDocument text: the file is an .odt named .docx")
    }
}
