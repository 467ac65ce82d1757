internal import CLibXML2
import Foundation

/// A parsed document. Immutable after parsing; safe to share across threads.
///
/// Parsing never touches the network, never loads a DTD, never expands an entity:
/// documents declaring entities are refused. Element locations give the line and column
/// (in code points, see `XMLDiagnostic`) where each start tag begins.
public final class ParsedXML: @unchecked Sendable {
    /// The name given by the caller (display name or path).
    public let name: String
    /// The element tree, built once at parse time.
    public let root: XMLTree.Element
    /// Warnings libxml2 reported while parsing a document that was accepted
    /// (for example a namespace URI that is not absolute). An addition to the original API.
    public let warnings: [XMLDiagnostic]

    let document: LibXMLDocument
    /// Validation may touch the document (libxml2 records xs:ID values in it): one at a time.
    private let validationLock = NSLock()

    private init(name: String, root: XMLTree.Element, warnings: [XMLDiagnostic], document: LibXMLDocument) {
        self.name = name
        self.root = root
        self.warnings = warnings
        self.document = document
    }

    /// Parses a file. Diagnostics name it `displayName`, or its path when nil. With
    /// `options.xincludeRoot`, relative hrefs resolve against the file's folder.
    public static func parse(file: URL, displayName: String? = nil, options: XMLParseOptions = .init()) throws(XMLFailure) -> ParsedXML {
        let display = displayName ?? file.path
        let path = file.standardizedFileURL.path
        let bytes = try SourceFile.read(path: path, display: display, maxBytes: options.maxBytes)
        return try make(bytes: bytes, display: display, path: path, options: options)
    }

    /// Parses bytes (any encoding libxml2 detects; UTF-8 without declaration). Diagnostics
    /// name them `name`. With `options.xincludeRoot`, relative hrefs resolve against the root.
    public static func parse(bytes: [UInt8], name: String, options: XMLParseOptions = .init()) throws(XMLFailure) -> ParsedXML {
        guard bytes.count <= options.maxBytes else {
            throw SourceFile.tooLarge(display: name, size: bytes.count, maxBytes: options.maxBytes)
        }
        let path = options.xincludeRoot.map {
            SourceFile.join($0.standardizedFileURL.path, String(name.split(separator: "/").last ?? "document.xml"))
        }
        return try make(bytes: bytes, display: name, path: path, options: options)
    }

    /// Convenience: parses a string (UTF-8). An addition to the original API.
    public static func parse(string: String, name: String, options: XMLParseOptions = .init()) throws(XMLFailure) -> ParsedXML {
        try parse(bytes: Array(string.utf8), name: name, options: options)
    }

    private static func make(bytes: [UInt8], display: String, path: String?, options: XMLParseOptions) throws(XMLFailure) -> ParsedXML {
        let document = try DocumentParser.parse(bytes: bytes, display: display, url: path ?? display,
                                                 locatesColumns: options.locatesColumns)
        if let root = options.xincludeRoot, let path {
            guard let realRoot = SourceFile.realPath(root.standardizedFileURL.path) else {
                throw XMLFailure(file: display, "the XInclude root folder \(root.path) does not exist")
            }
            var processor = XIncludeProcessor(policy: FileAccessPolicy(root: realRoot, maxBytes: options.maxBytes))
            let chain = [SourceFile.realPath(path) ?? path]
            processor.expand(document, source: .init(display: display, path: path, chain: chain))
            if !processor.diagnostics.isEmpty {
                throw XMLFailure(diagnostics: processor.diagnostics)
            }
        }
        let root = try TreeBuilder.build(document, file: display)
        return ParsedXML(name: display, root: root, warnings: document.warnings, document: document)
    }

    /// Validates against a schema. Returns every problem (empty = valid). Each diagnostic
    /// names the file (this document's name, or the included file for included content),
    /// the line, and, when the problem is on an element, the column of its start tag.
    /// Safe to call from many threads, for this and other documents, with one schema.
    public func validate(against schema: XMLSchema) -> [XMLDiagnostic] {
        validationLock.lock()
        defer { validationLock.unlock() }
        return withExtendedLifetime(schema) {
            let collector = DiagnosticCollector(file: name)
            let document = self.document
            collector.locate = { document.locations[$0] }
            guard let context = xmlSchemaNewValidCtxt(schema.storage.schema) else {
                return [XMLDiagnostic(file: name, message: "cannot create a schema validation context (out of memory)")]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            let result = withExtendedLifetime(collector) {
                xmlSchemaSetValidStructuredErrors(context, collectorErrorHandler, collector.opaque)
                return xmlSchemaValidateDoc(context, document.doc)
            }
            if result != 0 && !collector.hasErrors {
                collector.add(result < 0 ? "schema validation failed (libxml2 internal error \(result))"
                                         : "the document is not valid (libxml2 gave no detail, code \(result))")
            }
            return collector.diagnostics
        }
    }
}
