import XMLSupport

/// A .docx or .odt file opened as a zip archive, with its XML parts parsed safely
/// (XMLSupport: no network, no DTD, documents declaring entities refused).
struct OfficePackage {
    let archive: ZipArchive
    /// The file's display name, for errors.
    let file: String
    let limits: IngestLimits

    /// Opens the archive, explaining what the file is when it is not one (a PDF, an old .doc...).
    init(bytes: [UInt8], file: String, format: EssayFormat, limits: IngestLimits) throws(IngestError) {
        self.file = file
        self.limits = limits
        let kind = "a \(format.displayExtension) file"
        if bytes.isEmpty { throw IngestError(file: file, reason: "not \(kind) (the file is empty)") }
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            if error.reason == "not a zip archive" {
                throw IngestError(file: file, reason: "not \(kind) (\(Self.whatItIs(bytes)))")
            }
            throw IngestError(file: file, reason: error.reason)
        }
    }

    private static func whatItIs(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "it is a PDF" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "it is an old-style Word .doc file or a password-protected document; save it again as .docx or .odt without a password"
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "it is an RTF document; save it as .docx" }
        if bytes.starts(with: Array("<?xml".utf8)) || bytes.starts(with: [0xEF, 0xBB, 0xBF, 0x3C]) {
            return "not a zip archive: it is a plain XML file"
        }
        return "not a zip archive"
    }

    func has(_ part: String) -> Bool { archive.entry(named: part) != nil }

    /// The part's bytes, or nil when the archive has no such part.
    func bytes(of part: String) throws(IngestError) -> [UInt8]? {
        guard let entry = archive.entry(named: part) else { return nil }
        do {
            return try archive.read(entry, limits: limits)
        } catch {
            throw IngestError(file: file, reason: error.reason)
        }
    }

    /// The part parsed as XML, or nil when the archive has no such part.
    func xml(_ part: String) throws(IngestError) -> XMLTree.Element? {
        guard let bytes = try bytes(of: part) else { return nil }
        do {
            return try ParsedXML.parse(bytes: bytes, name: part, options: XMLParseOptions(maxBytes: max(limits.maxUncompressedBytes, 1))).root
        } catch {
            let first = error.diagnostics.first { $0.severity == .error } ?? error.diagnostics.first
            let detail = first.map { ($0.line > 0 ? "line \($0.line): " : "") + $0.message } ?? "unknown error"
            throw IngestError(file: file, reason: "\(part) is not readable XML (\(detail))")
        }
    }

    /// The author from a metadata part; nil when absent. A damaged metadata part gives a
    /// warning instead of failing the essay.
    func author(in part: String, warnings: inout [String], _ find: (XMLTree.Element) -> String?) -> String? {
        do {
            guard let root = try xml(part) else { return nil }
            guard let value = find(root) else { return nil }
            let trimmed = value.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        } catch {
            warnings.append("author unknown: \(error.reason)")
            return nil
        }
    }
}

extension String {
    /// Without leading and trailing whitespace and line breaks (Unicode White_Space).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension XMLTree.Element {
    func `is`(_ name: String, in namespaces: Set<String>) -> Bool {
        self.name == name && namespaces.contains(namespaceURI ?? "")
    }

    /// The first child element with this local name in one of these namespaces.
    func child(_ name: String, in namespaces: Set<String>) -> XMLTree.Element? {
        for case .element(let element) in children where element.is(name, in: namespaces) { return element }
        return nil
    }

    /// The value of the first attribute with this local name in one of these namespaces.
    func attribute(_ name: String, in namespaces: Set<String>) -> String? {
        attributes.first { $0.name == name && namespaces.contains($0.namespaceURI ?? "") }?.value
    }
}
