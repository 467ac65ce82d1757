/// Builds the text of a structured document (Markdown, HTML, .docx, .odt) by the
/// conventions documented on `Essay`:
///
/// - paragraphs are separated by one blank line; a line break inside one is "\n";
/// - a heading is a paragraph starting with one `#` per level and a space;
/// - a list is one paragraph whose items are lines starting "- "; inside a list item,
///   paragraph breaks become line breaks;
/// - a table is one paragraph whose cells are lines; inside a table, paragraph breaks
///   become line breaks;
/// - lines never start or end with spaces or tabs; empty paragraphs, items and headings
///   leave nothing; the text neither starts nor ends with a line break.
///
/// Breaks and markers are pending until text follows, so any number of them in a row
/// collapse into the strongest one.
struct TextAssembler {
    private enum Break: Int, Comparable {
        case none, line, paragraph
        static func < (lhs: Break, rhs: Break) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private var output: [UInt8] = []
    private var pendingBreak = Break.none
    /// The last pending line break came from an explicit break (`<br>`, `w:br`), not from
    /// structure: a second one in a row makes a blank line.
    private var pendingHardBreak = false
    private var pendingSpace = false
    private var pendingMarker: [UInt8] = []
    /// Whether the current line holds anything yet (markers count once written).
    private var lineHasContent = false
    private var listDepth = 0
    private var tableDepth = 0

    init() {
        output.reserveCapacity(4096)
    }

    var isEmpty: Bool { output.isEmpty }

    // MARK: - Text

    /// Appends text as is, except that line feeds (and CR, CRLF) break lines and spaces and
    /// tabs at the start of a line are dropped.
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { append(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    mutating func text(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                lineBreak(hard: true)
                index += 1
                continue
            }
            if !lineHasContent && (byte == 0x20 || byte == 0x09) {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            beginContent()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
        }
    }

    /// A collapsible space (HTML and ODF whitespace): written only between two pieces of
    /// text on the same line, and never twice in a row.
    mutating func space() {
        if lineHasContent && pendingBreak == .none { pendingSpace = true }
    }

    /// Writes pending breaks, marker and space before content.
    private mutating func beginContent() {
        if !output.isEmpty && pendingBreak != .none {
            trimLineEnd()
            output.append(0x0A)
            if pendingBreak == .paragraph { output.append(0x0A) }
            lineHasContent = false
        }
        pendingBreak = .none
        pendingHardBreak = false
        if !lineHasContent {
            pendingSpace = false
            if !pendingMarker.isEmpty {
                output.append(contentsOf: pendingMarker)
                pendingMarker = []
            }
            lineHasContent = true
        } else if pendingSpace {
            output.append(0x20)
            pendingSpace = false
        }
    }

    private mutating func trimLineEnd() {
        while let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
    }

    // MARK: - Breaks

    /// Ends the line. A hard break (`<br>`, `w:br`, a line feed in text) right after another
    /// hard break, with nothing between, ends the paragraph instead.
    mutating func lineBreak(hard: Bool = false) {
        pendingSpace = false
        if hard && pendingHardBreak && pendingBreak == .line && !isCompact {
            request(.paragraph)
            pendingHardBreak = false
            return
        }
        request(.line)
        if hard && pendingBreak == .line { pendingHardBreak = true }
        lineHasContent = false
    }

    /// Ends the paragraph (only the line inside a list or a table).
    mutating func paragraphBreak() {
        pendingSpace = false
        request(isCompact ? .line : .paragraph)
        lineHasContent = false
    }

    private var isCompact: Bool { listDepth > 0 || tableDepth > 0 }

    private mutating func request(_ kind: Break) {
        if kind > pendingBreak {
            pendingBreak = kind
            pendingHardBreak = false
        }
    }

    // MARK: - Structure

    /// Starts a heading paragraph of `level` (1 to 6; clamped). Its marker survives breaks
    /// until text comes or `endHeading()` drops it.
    mutating func heading(level: Int) {
        paragraphBreak()
        pendingMarker = Array(repeating: UInt8(ascii: "#"), count: min(max(level, 1), 6)) + [0x20]
    }

    mutating func endHeading() {
        pendingMarker = []
        paragraphBreak()
    }

    mutating func beginList() {
        pendingMarker = []
        paragraphBreak()
        listDepth += 1
    }

    mutating func endList() {
        pendingMarker = []
        if listDepth > 0 { listDepth -= 1 }
        paragraphBreak()
    }

    /// Starts a list item: a new line with the "- " marker. The marker survives breaks
    /// (a paragraph inside the item) until text comes or `endListItem()` drops it.
    mutating func listItem() {
        lineBreak()
        pendingMarker = [UInt8(ascii: "-"), 0x20]
    }

    mutating func endListItem() {
        pendingMarker = []
        lineBreak()
    }

    mutating func beginTable() {
        paragraphBreak()
        tableDepth += 1
    }

    mutating func endTable() {
        if tableDepth > 0 { tableDepth -= 1 }
        paragraphBreak()
    }

    /// The text so far (pending breaks, markers and spaces dropped).
    func finish() -> String {
        var bytes = output
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
