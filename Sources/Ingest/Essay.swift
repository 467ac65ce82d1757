/// One essay read from a file: plain UTF-8 text plus what the file said about itself.
///
/// The text is deterministic: the same bytes always give the same text, so byte offsets in
/// reports point into it reliably. Conventions (see `EssayReader` for the full list):
///
/// - Plain text (.txt) is kept exactly as decoded: line endings (LF, CRLF, CR) untouched,
///   only a byte order mark and NUL bytes removed.
/// - Structured formats (Markdown, HTML, .docx, .odt) become paragraphs separated by one
///   blank line (`"\n\n"`); a line break inside a paragraph is `"\n"`; headings are their own
///   paragraph starting with `#`s for their level (`"# Title"`, `"## Section"`); list items are
///   lines starting `"- "`, one per line, a list being one paragraph; each table cell is a line,
///   a table being one paragraph. Lines never start or end with spaces or tabs, and the text
///   neither starts nor ends with a line break.
public struct Essay: Sendable, Hashable {
    /// Display name: the path relative to the folder given, or the file name.
    public var name: String
    /// The essay as plain text (UTF-8 when written out).
    public var text: String
    /// The author from the document's metadata (.docx `dc:creator`, .odt `dc:creator` or
    /// `meta:initial-creator`), trimmed; nil when absent or empty. Never guessed from the text.
    public var author: String?
    /// What was repaired or guessed while reading, one readable sentence each
    /// (for example "invalid UTF-8 replaced at 3 places").
    public var warnings: [String]
    /// The format the file was read as.
    public var format: EssayFormat

    public init(name: String, text: String, author: String? = nil, warnings: [String] = [], format: EssayFormat = .text) {
        self.name = name
        self.text = text
        self.author = author
        self.warnings = warnings
        self.format = format
    }
}
