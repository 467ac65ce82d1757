internal import CLibXML2

/// Collects libxml2's structured errors for one operation on one thread.
/// Reached from C callbacks through an unretained pointer (parser context `_private`,
/// or the context argument of the schema error handlers); no global state.
final class DiagnosticCollector {
    /// The display name used when an error names no file.
    let file: String
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// File names as libxml2 knows them (the URL given to it) → display names.
    var displayNames: [String: String] = [:]
    /// Where an element starts, when known (gives file, line and column to errors on nodes).
    var locate: ((xmlNodePtr) -> XMLTree.Location?)?

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    var warnings: [XMLDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    func add(_ diagnostic: XMLDiagnostic) {
        diagnostics.append(diagnostic)
    }

    func add(_ message: String, line: Int = 0, column: Int = 0, file: String? = nil, severity: XMLDiagnostic.Severity = .error) {
        diagnostics.append(XMLDiagnostic(file: file ?? self.file, line: line, column: column, message: message, severity: severity))
    }

    /// The display name for a file name reported by libxml2.
    func displayName(forLibXMLFile name: String?) -> String {
        guard let name, !name.isEmpty else { return file }
        return displayNames[name] ?? name
    }

    func add(error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let message = cleanMessage(swiftString(raw.message) ?? "unknown libxml2 error \(raw.code)")
        let severity: XMLDiagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
        if let node = raw.node?.assumingMemoryBound(to: xmlNode.self), let location = elementLocation(of: node) {
            add(XMLDiagnostic(file: location.file, line: location.line, column: location.column,
                              message: message, severity: severity))
            return
        }
        var line = Int(raw.line)
        if line <= 0, let node = raw.node?.assumingMemoryBound(to: xmlNode.self) {
            line = max(0, xmlGetLineNo(node))
        }
        add(XMLDiagnostic(file: displayName(forLibXMLFile: swiftString(raw.file)), line: line,
                          column: max(0, Int(raw.int2)), message: message, severity: severity))
    }

    /// The location of the node's nearest element (the node itself, or the element
    /// holding an attribute or text).
    private func elementLocation(of node: xmlNodePtr) -> XMLTree.Location? {
        guard let locate else { return nil }
        var current: xmlNodePtr? = node
        var steps = 0
        while let candidate = current, steps < 64 {
            if candidate.pointee.type == XML_ELEMENT_NODE, let location = locate(candidate) {
                return location
            }
            if candidate.pointee.type == XML_DOCUMENT_NODE { return nil }
            current = candidate.pointee.parent
            steps += 1
        }
        return nil
    }

    /// An unretained pointer for C callbacks; valid while the collector is kept alive.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> DiagnosticCollector {
        Unmanaged<DiagnosticCollector>.fromOpaque(pointer).takeUnretainedValue()
    }
}

// MARK: - C callbacks

/// Structured error handler of a parser context: `data` is the context's `userData`,
/// which libxml2 sets to the context itself; the collector is in `_private`.
func parserContextErrorHandler(_ data: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let data, let error else { return }
    let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collector = context.pointee._private else { return }
    DiagnosticCollector.from(collector).add(error: error)
}

/// Structured error handler whose context argument is the collector itself
/// (schema parser and validation contexts).
func collectorErrorHandler(_ data: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let data, let error else { return }
    DiagnosticCollector.from(data).add(error: error)
}
