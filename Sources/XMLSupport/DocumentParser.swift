internal import CLibXML2

/// A libxml2 document, freed with this object, plus where each element starts.
final class LibXMLDocument {
    let doc: xmlDocPtr
    /// Element → where its start tag begins (file, line, column).
    var locations: [xmlNodePtr: XMLTree.Location]
    let warnings: [XMLDiagnostic]
    /// Size of the source, in bytes.
    let byteCount: Int

    init(doc: xmlDocPtr, locations: [xmlNodePtr: XMLTree.Location], warnings: [XMLDiagnostic], byteCount: Int) {
        self.doc = doc
        self.locations = locations
        self.warnings = warnings
        self.byteCount = byteCount
    }

    deinit {
        xmlFreeDoc(doc)
    }

    var rootElement: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The element's location, or its line from libxml2 with column 0.
    func location(of node: xmlNodePtr, defaultFile: String) -> XMLTree.Location {
        locations[node] ?? XMLTree.Location(file: defaultFile, line: max(0, xmlGetLineNo(node)), column: 0)
    }
}

/// The one safe way XMLSupport turns bytes into a libxml2 document.
enum DocumentParser {
    /// Parses with the safe options, collecting errors through the context's structured
    /// handler, and refuses any document that declares entities (stopping the parser at
    /// the first declaration, so nothing is ever expanded).
    ///
    /// - Parameters:
    ///   - display: the name used in diagnostics and locations.
    ///   - url: the name libxml2 records as the document URL.
    static func parse(bytes: [UInt8], display: String, url: String, locatesColumns: Bool = true) throws(XMLFailure) -> LibXMLDocument {
        LibXML.ensureInitialized()
        if bytes.isEmpty {
            throw XMLFailure(file: display, "the document is empty")
        }
        guard bytes.count < Int(Int32.max) else {
            throw XMLFailure(file: display, "the document is too large for libxml2 (\(bytes.count) bytes)")
        }
        let collector = DiagnosticCollector(file: display)
        collector.displayNames[url] = display
        guard let context = xmlNewParserCtxt() else {
            throw XMLFailure(file: display, "cannot create an XML parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }

        let parsed: xmlDocPtr? = withExtendedLifetime(collector) {
            installHooks(on: context, collector: collector)
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), url, nil, LibXML.parseOptions)
                }
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        guard let doc = parsed, wellFormed, !collector.hasErrors else {
            if let parsed { xmlFreeDoc(parsed) }
            if !collector.hasErrors { collector.add("the document is not well-formed XML") }
            throw XMLFailure(diagnostics: collector.diagnostics)
        }
        if let subset = doc.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
            // Not reachable while the declaration hook stops the parser; kept as a second lock.
            xmlFreeDoc(doc)
            throw XMLFailure(file: display, "entity declarations are not allowed (DOCTYPE with <!ENTITY ...>)")
        }
        let locations = locatesColumns ? SourceLocator.locations(in: doc, source: bytes, file: display) : [:]
        return LibXMLDocument(doc: doc, locations: locations, warnings: collector.warnings, byteCount: bytes.count)
    }

    /// Sends the context's errors to `collector` and refuses entity declarations.
    /// Also used on parser contexts libxml2 creates itself (schema includes) from the
    /// external entity loader: `xmlCtxtUseOptions` leaves these SAX fields alone.
    static func installHooks(on context: xmlParserCtxtPtr, collector: DiagnosticCollector) {
        context.pointee._private = collector.opaque
        guard let sax = context.pointee.sax else { return }
        sax.pointee.serror = parserContextErrorHandler
        sax.pointee.entityDecl = refuseEntityDeclaration
        sax.pointee.unparsedEntityDecl = refuseUnparsedEntityDeclaration
    }
}

// MARK: - SAX hooks (C callbacks; `ctx` is the parser context)

private func refuseEntityDeclaration(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicId: UnsafePointer<xmlChar>?, _ systemId: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    let isParameter = type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
        || type == Int32(XML_EXTERNAL_PARAMETER_ENTITY.rawValue)
    let declaration = "<!ENTITY " + (isParameter ? "% " : "") + (swiftString(name) ?? "?") + " ...>"
    refuseAndStop(ctx, "entity declarations are not allowed (DOCTYPE with \(declaration))")
}

private func refuseUnparsedEntityDeclaration(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ publicId: UnsafePointer<xmlChar>?,
    _ systemId: UnsafePointer<xmlChar>?, _ notationName: UnsafePointer<xmlChar>?
) {
    let declaration = "<!ENTITY " + (swiftString(name) ?? "?") + " ... NDATA ...>"
    refuseAndStop(ctx, "entity declarations are not allowed (DOCTYPE with \(declaration))")
}

/// Records the refusal (first one only) and halts the parser at once, so that no entity
/// is ever expanded or checked (billion laughs ends here, in microseconds).
private func refuseAndStop(_ ctx: UnsafeMutableRawPointer?, _ message: String) {
    guard let ctx else { return }
    let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    if let pointer = context.pointee._private {
        let collector = DiagnosticCollector.from(pointer)
        let input = context.pointee.input
        let line = input.map { Int($0.pointee.line) } ?? 0
        let file = collector.displayName(forLibXMLFile: input.flatMap { swiftString($0.pointee.filename) })
        if !collector.diagnostics.contains(where: { $0.message.hasPrefix("entity declarations") }) {
            collector.add(message, line: line, file: file)
        }
    }
    context.pointee.wellFormed = 0
    xmlStopParser(context)
}
