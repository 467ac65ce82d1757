import XMLSupport

/// Reads a .docx: the text of `word/document.xml` and the author from `docProps/core.xml`.
/// Other parts (footnotes, endnotes, comments, headers, footers) are never read.
enum DocxReader {
    static func read(_ bytes: [UInt8], name: String, limits: IngestLimits) throws(IngestError) -> Essay {
        let package = try OfficePackage(bytes: bytes, file: name, format: .docx, limits: limits)
        guard let root = try package.xml("word/document.xml") else {
            if package.has("content.xml") {
                var essay = try OdtReader.read(package, name: name)
                essay.warnings.insert("read as OpenDocument text: the file is an .odt named .docx", at: 0)
                return essay
            }
            throw IngestError(file: name, reason: "not a .docx file (no word/document.xml in the archive)")
        }
        guard root.is("document", in: WordNamespace.main), let body = root.child("body", in: WordNamespace.main) else {
            throw IngestError(file: name, reason: "not a Word document (word/document.xml holds no w:document with a w:body)")
        }
        var extractor = DocxTextExtractor()
        extractor.blocks(body.children)
        var warnings: [String] = []
        let author = package.author(in: "docProps/core.xml", warnings: &warnings) { root in
            root.child("creator", in: [DublinCore.elements])?.text
        }
        return Essay(name: name, text: extractor.finish(), author: author, warnings: warnings, format: .docx)
    }
}

enum WordNamespace {
    /// Transitional and Strict WordprocessingML.
    static let main: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibility: Set<String> = ["http://schemas.openxmlformats.org/markup-compatibility/2006"]
}

enum DublinCore {
    static let elements = "http://purl.org/dc/elements/1.1/"
}

/// The text of a WordprocessingML body:
///
/// - each `w:p` a paragraph; headings (styles `Title`, `Heading1`...`Heading9`, or an
///   outline level) `#`-marked; numbered or bulleted paragraphs (`w:numPr`) "- " list lines;
/// - `w:t` runs concatenated as they are (Word splits words across runs); without
///   `xml:space="preserve"` their leading and trailing spaces are dropped, as Word does;
/// - `w:tab`, `w:ptab` → tab; `w:br`, `w:cr` → line break; `w:noBreakHyphen` → "-";
///   `w:softHyphen`, `w:sym` → nothing;
/// - left out: deletions (`w:del`, `w:delText`, `w:moveFrom`), field instructions
///   (`w:instrText`; field results stay), footnote, endnote and comment references;
/// - kept: insertions (`w:ins`, `w:moveTo`), hyperlinks, content controls (`w:sdtContent`),
///   smart tags, custom XML;
/// - tables: each cell's paragraphs are lines, the table one paragraph;
/// - text boxes (`w:txbxContent`) once: of `mc:AlternateContent` only the first `mc:Choice`
///   (or the `mc:Fallback` when there is none) is read; a text box's paragraphs come after
///   the paragraph that anchors it.
struct DocxTextExtractor {
    private var out = TextAssembler()
    private var deferred: [XMLTree.Element] = []
    private var listOpen = false
    private var depth = 0
    /// Deeper nesting is not read (libxml2 already refuses documents deeper than 256).
    private static let maxDepth = 512

    private static let skippedEverywhere: Set<String> = [
        "del", "moveFrom", "delText", "instrText", "delInstrText", "footnoteReference", "endnoteReference",
        "commentReference", "annotationRef", "sym", "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
        "sdtPr", "sdtEndPr", "rt", "fldData",
    ]

    func finish() -> String { out.finish() }

    /// The content of an `mc:AlternateContent`: its first `mc:Choice`, else its `mc:Fallback`.
    private static func chosen(_ alternate: XMLTree.Element) -> [XMLTree.Node] {
        let branches = alternate.elements.filter { $0.namespaceURI.map(WordNamespace.markupCompatibility.contains) ?? false }
        return (branches.first { $0.name == "Choice" } ?? branches.first { $0.name == "Fallback" })?.children ?? []
    }

    private static func isWord(_ element: XMLTree.Element) -> Bool {
        element.namespaceURI.map(WordNamespace.main.contains) ?? false
    }

    // MARK: - Blocks

    mutating func blocks(_ nodes: [XMLTree.Node]) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        for case .element(let element) in nodes {
            block(element)
        }
    }

    private mutating func block(_ element: XMLTree.Element) {
        if element.is("AlternateContent", in: WordNamespace.markupCompatibility) {
            blocks(Self.chosen(element))
            return
        }
        guard Self.isWord(element) else {
            blocks(element.children)
            return
        }
        if Self.skippedEverywhere.contains(element.name) { return }
        switch element.name {
        case "p":
            paragraph(element)
        case "tbl":
            closeList()
            out.beginTable()
            blocks(element.children)
            closeList()
            out.endTable()
        default:
            blocks(element.children)
        }
    }

    private mutating func closeList() {
        if listOpen {
            out.endList()
            listOpen = false
        }
    }

    // MARK: - Paragraphs

    private mutating func paragraph(_ element: XMLTree.Element) {
        let properties = element.child("pPr", in: WordNamespace.main)
        let level = properties.flatMap(Self.headingLevel)
        let isListItem = level == nil && properties.map(Self.isNumbered) == true
        if isListItem {
            if !listOpen {
                out.beginList()
                listOpen = true
            }
            out.listItem()
        } else {
            closeList()
            if let level { out.heading(level: level) } else { out.paragraphBreak() }
        }
        let outer = deferred
        deferred = []
        inline(element.children)
        let boxes = deferred
        deferred = outer
        if isListItem { out.endListItem() } else if level != nil { out.endHeading() } else { out.paragraphBreak() }
        for box in boxes {
            let wasInList = listOpen
            listOpen = false
            block(box)
            closeList()
            if wasInList {
                out.beginList()
                listOpen = true
            }
        }
    }

    /// 1 for `Title`, N for `HeadingN` (or `heading N`), else outline level + 1.
    private static func headingLevel(_ properties: XMLTree.Element) -> Int? {
        if let style = properties.child("pStyle", in: WordNamespace.main)?.attribute("val", in: WordNamespace.main) {
            let folded = style.lowercased().replacingOccurrences(of: " ", with: "")
            if folded == "title" { return 1 }
            if folded.hasPrefix("heading"), let number = Int(folded.dropFirst("heading".count)), (1...9).contains(number) {
                return min(number, 6)
            }
        }
        if let outline = properties.child("outlineLvl", in: WordNamespace.main)?.attribute("val", in: WordNamespace.main),
           let number = Int(outline), (0...8).contains(number) {
            return min(number + 1, 6)
        }
        return nil
    }

    private static func isNumbered(_ properties: XMLTree.Element) -> Bool {
        guard let numbering = properties.child("numPr", in: WordNamespace.main) else { return false }
        let id = numbering.child("numId", in: WordNamespace.main)?.attribute("val", in: WordNamespace.main)
        return id != "0"
    }

    // MARK: - Inline content

    private mutating func inline(_ nodes: [XMLTree.Node]) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        for case .element(let element) in nodes {
            inlineElement(element)
        }
    }

    private mutating func inlineElement(_ element: XMLTree.Element) {
        if element.is("AlternateContent", in: WordNamespace.markupCompatibility) {
            inline(Self.chosen(element))
            return
        }
        guard Self.isWord(element) else {
            inline(element.children)  // drawings, VML shapes: may hold text boxes
            return
        }
        if Self.skippedEverywhere.contains(element.name) { return }
        switch element.name {
        case "t":
            text(element)
        case "tab", "ptab":
            out.text("\t")
        case "br", "cr":
            out.lineBreak(hard: true)
        case "noBreakHyphen":
            out.text("-")
        case "softHyphen":
            break
        case "txbxContent", "p", "tbl":
            deferred.append(element)
        default:
            inline(element.children)
        }
    }

    private mutating func text(_ element: XMLTree.Element) {
        var value = ""
        for case .text(let part) in element.children { value += part }
        // Line breaks inside w:t are whitespace to Word.
        if value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            value = String(value.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        let preserve = element.attributes.contains { $0.name == "space" && $0.value == "preserve" }
        if !preserve {
            value = String(value.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        out.text(value)
    }
}
