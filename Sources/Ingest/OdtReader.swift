import XMLSupport

/// Reads an .odt: the text of `content.xml` (`office:body/office:text`) and the author from
/// `meta.xml` (`dc:creator`, else `meta:initial-creator`).
enum OdtReader {
    static func read(_ bytes: [UInt8], name: String, limits: IngestLimits) throws(IngestError) -> Essay {
        let package = try OfficePackage(bytes: bytes, file: name, format: .odt, limits: limits)
        if !package.has("content.xml") && package.has("word/document.xml") {
            var essay = try DocxReader.read(bytes, name: name, limits: limits)
            essay.warnings.insert("read as a Word document: the file is a .docx named .odt", at: 0)
            return essay
        }
        return try read(package, name: name)
    }

    static func read(_ package: OfficePackage, name: String) throws(IngestError) -> Essay {
        guard let root = try package.xml("content.xml") else {
            throw IngestError(file: name, reason: "not an .odt file (no content.xml in the archive)")
        }
        guard let body = root.child("body", in: ODF.office), let text = body.child("text", in: ODF.office) else {
            throw IngestError(file: name, reason: "not an OpenDocument text (content.xml has no office:body/office:text)")
        }
        var extractor = OdtTextExtractor()
        extractor.blocks(text.children)
        var warnings: [String] = []
        let author = package.author(in: "meta.xml", warnings: &warnings) { root in
            guard let meta = root.child("meta", in: ODF.office) else { return nil }
            let creator = meta.child("creator", in: [DublinCore.elements])?.text.trimmingWhitespace()
            if let creator, !creator.isEmpty { return creator }
            return meta.child("initial-creator", in: ODF.meta)?.text
        }
        return Essay(name: name, text: extractor.finish(), author: author, warnings: warnings, format: .odt)
    }
}

enum ODF {
    static let office: Set<String> = ["urn:oasis:names:tc:opendocument:xmlns:office:1.0"]
    static let text: Set<String> = ["urn:oasis:names:tc:opendocument:xmlns:text:1.0"]
    static let table: Set<String> = ["urn:oasis:names:tc:opendocument:xmlns:table:1.0"]
    static let drawing: Set<String> = ["urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"]
    static let meta: Set<String> = ["urn:oasis:names:tc:opendocument:xmlns:meta:1.0"]
}

/// The text of an ODF `office:text`:
///
/// - `text:p` paragraphs; `text:h` headings, `#`-marked by `text:outline-level`;
/// - `text:span`, `text:a`, fields and other inline elements give their text;
///   `text:s` (`text:c` spaces, default 1), `text:tab` → tab, `text:line-break` → line break;
///   other whitespace collapses to one space, as ODF prescribes;
/// - `text:list` items are "- " lines (a `text:list-header` a line without marker), nested
///   lists too; tables: each cell's paragraphs are lines, the table one paragraph;
/// - left out: notes (`text:note`: footnotes and endnotes), annotations (comments), tracked
///   changes (`text:tracked-changes`, which holds deleted text), index templates, page breaks;
/// - text boxes and other frames come after the paragraph that anchors them.
struct OdtTextExtractor {
    private var out = TextAssembler()
    private var deferred: [XMLTree.Element] = []
    private var depth = 0
    private static let maxDepth = 512

    private static let skipped: Set<String> = [
        "note", "tracked-changes", "soft-page-break", "variable-decls", "sequence-decls", "user-field-decls",
        "dde-connection-decls", "ruby-text", "change", "change-start", "change-end",
    ]

    func finish() -> String { out.finish() }

    private static func inNamespace(_ element: XMLTree.Element, _ namespaces: Set<String>) -> Bool {
        element.namespaceURI.map(namespaces.contains) ?? false
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
        if Self.inNamespace(element, ODF.office) {
            if element.name == "annotation" || element.name == "annotation-end" || element.name == "forms" { return }
        } else if Self.inNamespace(element, ODF.table) {
            if element.name == "table" {
                out.beginTable()
                blocks(element.children)
                out.endTable()
                return
            }
            if element.name.hasPrefix("table-column") { return }
        } else if Self.inNamespace(element, ODF.text) {
            if Self.skipped.contains(element.name) || element.name.hasSuffix("-source") { return }
            switch element.name {
            case "p":
                paragraph(element, heading: nil)
                return
            case "h":
                let level = element.attribute("outline-level", in: ODF.text).flatMap { Int($0) } ?? 1
                paragraph(element, heading: level)
                return
            case "list":
                out.beginList()
                blocks(element.children)
                out.endList()
                return
            case "list-item":
                out.listItem()
                blocks(element.children)
                out.endListItem()
                return
            case "list-header":
                out.lineBreak()
                blocks(element.children)
                out.lineBreak()
                return
            default:
                break
            }
        }
        blocks(element.children)
    }

    // MARK: - Paragraphs

    private mutating func paragraph(_ element: XMLTree.Element, heading: Int?) {
        if let heading { out.heading(level: heading) } else { out.paragraphBreak() }
        let outer = deferred
        deferred = []
        inline(element.children)
        let frames = deferred
        deferred = outer
        if heading != nil { out.endHeading() } else { out.paragraphBreak() }
        for frame in frames { block(frame) }
    }

    private mutating func inline(_ nodes: [XMLTree.Node]) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        for node in nodes {
            switch node {
            case .text(let text):
                collapsed(text)
            case .element(let element):
                inlineElement(element)
            }
        }
    }

    /// ODF whitespace: each run of space, tab, CR and LF is one space.
    private mutating func collapsed(_ text: String) {
        var run = ""
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !run.isEmpty {
                    out.text(run)
                    run = ""
                }
                out.space()
            } else {
                run.unicodeScalars.append(scalar)
            }
        }
        if !run.isEmpty { out.text(run) }
    }

    private mutating func inlineElement(_ element: XMLTree.Element) {
        if Self.inNamespace(element, ODF.drawing) {
            deferred.append(element)
            return
        }
        guard Self.inNamespace(element, ODF.text) else { return }  // annotations, foreign markup
        if Self.skipped.contains(element.name) { return }
        switch element.name {
        case "s":
            let count = element.attribute("c", in: ODF.text).flatMap { Int($0) } ?? 1
            out.text(String(repeating: " ", count: min(max(count, 1), 1000)))
        case "tab":
            out.text("\t")
        case "line-break":
            out.lineBreak(hard: true)
        case "p", "h", "list", "section":
            deferred.append(element)
        default:
            inline(element.children)
        }
    }
}
