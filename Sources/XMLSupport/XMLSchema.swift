internal import CLibXML2
import Foundation

/// A compiled XSD. Load once, validate many documents, from many threads at once.
///
/// The schema file is parsed with the same safe parser as documents (no entities).
/// Files it names through `xs:include`, `xs:import` or `xs:redefine` may be loaded only
/// from its own folder (symlinks resolved), never from the network.
public final class XMLSchema: @unchecked Sendable {
    /// The schema file's path, as used in diagnostics.
    public let name: String
    let storage: SchemaStorage

    /// Loads and compiles a schema; failures carry diagnostics naming the .xsd file.
    public init(file: URL) throws(XMLFailure) {
        let display = file.path
        let path = file.standardizedFileURL.path
        let bytes = try SourceFile.read(path: path, display: display, maxBytes: 64 << 20)
        let document = try DocumentParser.parse(bytes: bytes, display: display, url: path)
        let folder = SourceFile.realPath(SourceFile.directory(of: path)) ?? SourceFile.directory(of: path)
        self.name = display
        self.storage = try SchemaStorage(document: document, display: display, folder: folder)
    }
}

/// Owns the compiled libxml2 schema and the schema document it was built from.
final class SchemaStorage: @unchecked Sendable {
    let schema: xmlSchemaPtr
    /// Kept alive as long as the schema, which was built from it.
    private let document: LibXMLDocument

    init(document: LibXMLDocument, display: String, folder: String) throws(XMLFailure) {
        let collector = DiagnosticCollector(file: display)
        collector.locate = { document.locations[$0] }
        if let url = swiftString(UnsafePointer(document.doc.pointee.URL)) {
            collector.displayNames[url] = display
        }
        let permit = LoadPermit(policy: FileAccessPolicy(root: folder, maxBytes: 64 << 20), collector: collector)
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            LoadPermits.shared.with(permit) {
                guard let context = xmlSchemaNewDocParserCtxt(document.doc) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                xmlSchemaSetParserStructuredErrors(context, collectorErrorHandler, collector.opaque)
                return xmlSchemaParse(context)
            }
        }
        guard let compiled, !collector.hasErrors else {
            if let compiled { xmlSchemaFree(compiled) }
            if !collector.hasErrors { collector.add("the schema could not be compiled") }
            throw XMLFailure(diagnostics: collector.diagnostics)
        }
        self.schema = compiled
        self.document = document
    }

    deinit {
        xmlSchemaFree(schema)
    }
}
