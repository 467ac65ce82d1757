import Foundation

/// Reads one essay from a file or from bytes; every failure is an `IngestError` naming the
/// file and why, in one line. Never crashes, never touches the network; time and memory are
/// linear in the input and bounded by `IngestLimits`.
///
/// The text conventions are on `Essay`. Per format:
///
/// - **Text** (`TextDecoder`): UTF-8 (BOM removed), UTF-16/UTF-32 with a BOM, UTF-16 without
///   one; mostly-valid UTF-8 repaired with U+FFFD and a warning counting the places; other
///   text read as Windows-1252 with a warning. Line endings are kept as they are (the
///   tokenizer handles CRLF). NUL characters are removed with a warning; binary content
///   is refused ("not a text file"). An empty file is an empty essay, not an error.
/// - **Markdown** (`MarkdownConverter`, `MarkdownInline`): markup removed, words kept;
///   headings `#`-marked, list items "- " lines, code fences kept verbatim, images, link
///   targets, footnotes and HTML comments dropped, table cells one per line.
/// - **HTML** (`HTMLConverter`): body text only, blocks break lines, entities decoded,
///   whitespace collapsed; charset from a BOM or `<meta>`, else as for text.
/// - **.docx** (`DocxReader`) and **.odt** (`OdtReader`): the main XML part only (no
///   footnotes, comments, headers or deleted text); author from the metadata part. A zip
///   entry is refused when its declared or actual size passes the limit, or it compresses
///   suspiciously well; documents declaring XML entities are refused. An .odt named .docx
///   (and the reverse) is read for what it is, with a warning.
public enum EssayReader {
    /// Reads the file at `url`, its format chosen by its extension.
    /// - Parameter displayName: the name used in the essay and in errors; the file name when nil.
    public static func read(_ url: URL, displayName: String? = nil, limits: IngestLimits = .init()) throws(IngestError) -> Essay {
        let name = displayName ?? url.lastPathComponent
        guard let format = EssayFormat(fileExtension: url.pathExtension) else {
            let ext = url.pathExtension
            throw IngestError(file: name, reason: ext.isEmpty ? "not an essay format (no file extension)" : "not an essay format (.\(ext))")
        }
        let bytes = try FileBytes.read(path: url.path, display: name, maxBytes: limits.maxFileBytes)
        return try read(bytes: bytes, format: format, name: name, limits: limits)
    }

    /// Reads bytes as the given format. `name` names the essay and its errors.
    public static func read(bytes: [UInt8], format: EssayFormat, name: String, limits: IngestLimits = .init()) throws(IngestError) -> Essay {
        guard bytes.count <= max(limits.maxFileBytes, 0) else {
            throw IngestError(file: name, reason: "too large (\(ByteCount.text(UInt64(bytes.count))); the limit is \(ByteCount.text(UInt64(max(limits.maxFileBytes, 0)))))")
        }
        switch format {
        case .text:
            let decoded = try TextDecoder.decode(bytes, file: name)
            return Essay(name: name, text: decoded.text, warnings: decoded.warnings, format: .text)
        case .markdown:
            let decoded = try TextDecoder.decode(bytes, file: name)
            return Essay(name: name, text: MarkdownConverter.convert(decoded.text), warnings: decoded.warnings, format: .markdown)
        case .html:
            let converted = try HTMLConverter.convert(bytes, file: name)
            return Essay(name: name, text: converted.text, warnings: converted.warnings, format: .html)
        case .docx:
            return try DocxReader.read(bytes, name: name, limits: limits)
        case .odt:
            return try OdtReader.read(bytes, name: name, limits: limits)
        }
    }
}
