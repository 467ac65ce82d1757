/// Markdown (CommonMark with GitHub tables and task lists) to plain text, line by line in
/// one pass, by the conventions on `Essay`:
///
/// - ATX (`## Title`) and setext (`Title` over `===` or `---`) headings become `#`-marked
///   heading paragraphs (`## Title`), closing `#`s removed.
/// - Paragraph lines are joined with a space, as a renderer shows them; a hard break (two
///   trailing spaces, a trailing backslash, `<br>`) stays a line break.
/// - List items (`-`, `*`, `+`, `1.`, `1)`) become "- " lines, nested ones too; task boxes
///   (`[ ]`, `[x]`) are dropped; a continuation paragraph inside an item is a line of its own.
/// - Block quote markers (`>`) are removed; the quoted text stays.
/// - Fenced code blocks (```` ``` ```` or `~~~`) are kept as their own paragraph, lines as
///   written (markup inside is not touched). Indented lines are ordinary text (students
///   indent paragraphs; essays rarely hold code).
/// - Tables: each cell a line; the delimiter row is dropped.
/// - Thematic breaks, link reference and footnote definitions, and HTML comments are dropped.
/// - Inline markup: see `MarkdownInline`.
struct MarkdownConverter {
    private var out = TextAssembler()
    /// Lines of the open paragraph (or list item), each with whether it ends in a hard break.
    private var paragraph: [(text: ArraySlice<UInt8>, hardBreak: Bool)] = []
    private var inList = false
    /// A blank line was seen inside the open list.
    private var blankInList = false
    /// The open code fence: its character and length.
    private var fence: (marker: UInt8, length: Int)?
    private var inComment = false
    private var previousQuoteDepth = 0
    /// The block quote depth the open list started at.
    private var listQuoteDepth = 0

    static func convert(_ text: String) -> String {
        var converter = MarkdownConverter()
        let bytes = Array(text.utf8)
        let lines = Self.lines(bytes)
        var index = 0
        while index < lines.count {
            index = converter.line(lines, index)
        }
        converter.flushParagraph()
        return converter.out.finish()
    }

    /// Lines without their line ending (LF, CRLF or CR).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    // MARK: - Lines

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func trimmedStart(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.drop { $0 == 0x20 || $0 == 0x09 }
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = trimmedStart(line)
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }

    private static func indentation(_ line: ArraySlice<UInt8>) -> Int {
        var width = 0
        for byte in line {
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += 4 - width % 4 } else { break }
        }
        return width
    }

    /// The line without its block quote markers, and how many there were.
    private static func unquoted(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Int) {
        var rest = line
        var depth = 0
        while true {
            let start = trimmedStart(rest)
            guard indentation(rest) < 4, start.first == UInt8(ascii: ">") else { return (rest, depth) }
            rest = start.dropFirst()
            if rest.first == 0x20 { rest = rest.dropFirst() }
            depth += 1
        }
    }

    /// Handles the line at `index`; returns the index of the next line to handle.
    private mutating func line(_ lines: [ArraySlice<UInt8>], _ index: Int) -> Int {
        let raw = lines[index]
        if let open = fence {
            let (content, _) = Self.unquoted(raw)
            let marker = Self.trimmed(content)
            if marker.count >= open.length, marker.allSatisfy({ $0 == open.marker }) {
                fence = nil
                out.paragraphBreak()
            } else {
                out.text(content)
                out.lineBreak(hard: true)
            }
            return index + 1
        }
        if inComment {
            if Self.contains(raw, "-->") { inComment = false }
            return index + 1
        }
        let (content, quoteDepth) = Self.unquoted(raw)
        defer { previousQuoteDepth = quoteDepth }
        if Self.isBlank(content) {
            flushParagraph()
            if inList { blankInList = true }
            return index + 1
        }
        if quoteDepth > previousQuoteDepth {
            flushParagraph()
            closeList()
        }
        let body = Self.trimmedStart(content)
        let first = body.first ?? 0

        if let open = Self.fenceOpening(body), Self.indentation(content) < 4 {
            flushParagraph()
            closeList()
            out.paragraphBreak()
            fence = open
            return index + 1
        }
        if body.starts(with: Array("<!--".utf8)) && !Self.contains(body, "-->") {
            flushParagraph()
            inComment = true
            return index + 1
        }
        if let (level, text) = Self.atxHeading(body) {
            flushParagraph()
            closeList()
            heading(level, text)
            return index + 1
        }
        if !paragraph.isEmpty && !inList, let level = Self.setextLevel(body) {
            let lines = paragraph
            paragraph = []
            var joined: [UInt8] = []
            for (offset, line) in lines.enumerated() {
                if offset > 0 { joined.append(0x20) }
                joined.append(contentsOf: line.text)
            }
            heading(level, joined[...])
            return index + 1
        }
        if Self.isThematicBreak(body) {
            flushParagraph()
            closeList()
            out.paragraphBreak()
            return index + 1
        }
        if let item = Self.listItem(body), paragraph.isEmpty || inList || item.interruptsParagraph {
            flushParagraph()
            if inList && quoteDepth != listQuoteDepth { closeList() }
            if !inList {
                out.beginList()
                inList = true
                listQuoteDepth = quoteDepth
            }
            blankInList = false
            out.listItem()
            if !Self.isBlank(item.text) { paragraph.append((Self.trimmed(item.text), Self.hasHardBreak(item.text))) }
            return index + 1
        }
        if first == UInt8(ascii: "["), Self.isDefinition(body) {
            flushParagraph()
            return index + 1
        }
        if paragraph.isEmpty, index + 1 < lines.count, body.contains(UInt8(ascii: "|")),
           Self.isDelimiterRow(Self.unquoted(lines[index + 1]).0) {
            closeList()
            return table(lines, index)
        }
        // Paragraph text.
        if inList && blankInList {
            if Self.indentation(content) >= 2 {
                blankInList = false
                out.lineBreak()
            } else {
                closeList()
            }
        }
        paragraph.append((Self.trimmed(body), Self.hasHardBreak(content)))
        return index + 1
    }

    private mutating func heading(_ level: Int, _ text: ArraySlice<UInt8>) {
        out.heading(level: level)
        out.text(MarkdownInline.render(Array(text))[...])
        out.endHeading()
    }

    private mutating func closeList() {
        flushParagraph()
        if inList {
            out.endList()
            inList = false
            blankInList = false
        }
    }

    /// Writes the open paragraph (or list item text).
    mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        var joined: [UInt8] = []
        for (offset, line) in paragraph.enumerated() {
            var text = line.text
            if line.hardBreak, text.last == UInt8(ascii: "\\") { text = text.dropLast() }
            joined.append(contentsOf: text)
            if offset < paragraph.count - 1 { joined.append(line.hardBreak ? 0x0A : 0x20) }
        }
        paragraph = []
        out.text(MarkdownInline.render(joined)[...])
        if !inList { out.paragraphBreak() }
    }

    // MARK: - Tables

    /// A table whose header row is at `index`: each cell a line. Returns the next line index.
    private mutating func table(_ lines: [ArraySlice<UInt8>], _ index: Int) -> Int {
        out.beginTable()
        tableRow(Self.unquoted(lines[index]).0)
        var next = index + 2
        while next < lines.count {
            let row = Self.unquoted(lines[next]).0
            guard !Self.isBlank(row), row.contains(UInt8(ascii: "|")) else { break }
            tableRow(row)
            next += 1
        }
        out.endTable()
        return next
    }

    private mutating func tableRow(_ row: ArraySlice<UInt8>) {
        var cells: [ArraySlice<UInt8>] = []
        var start = row.startIndex
        var position = row.startIndex
        var inCode = false
        while position < row.endIndex {
            let byte = row[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if byte == UInt8(ascii: "|") && !inCode {
                cells.append(row[start..<position])
                start = position + 1
            }
            position += 1
        }
        cells.append(row[min(start, row.endIndex)...])
        if let first = cells.first, Self.isBlank(first) { cells.removeFirst() }
        if let last = cells.last, Self.isBlank(last) { cells.removeLast() }
        for cell in cells {
            // "\|" inside a cell is a literal bar; the inline renderer unescapes it.
            out.text(MarkdownInline.render(Array(Self.trimmed(cell)))[...])
            out.lineBreak()
        }
    }

    // MARK: - Recognisers

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard line.count >= needle.count else { return false }
        var index = line.startIndex
        while index + needle.count <= line.endIndex {
            if line[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    private static func hasHardBreak(_ line: ArraySlice<UInt8>) -> Bool {
        if line.last == UInt8(ascii: "\\") { return true }
        return line.count >= 2 && line.suffix(2).allSatisfy { $0 == 0x20 }
    }

    private static func fenceOpening(_ body: ArraySlice<UInt8>) -> (marker: UInt8, length: Int)? {
        guard let marker = body.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let length = body.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        if marker == UInt8(ascii: "`") && body.dropFirst(length).contains(UInt8(ascii: "`")) { return nil }
        return (marker, length)
    }

    private static func atxHeading(_ body: ArraySlice<UInt8>) -> (Int, ArraySlice<UInt8>)? {
        let level = body.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(level) else { return nil }
        var rest = body.dropFirst(level)
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return nil }
        rest = trimmed(rest)
        // A closing sequence of #s preceded by a space (or making up the whole text).
        var end = rest.endIndex
        while end > rest.startIndex, rest[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end == rest.startIndex || rest[end - 1] == 0x20 || rest[end - 1] == 0x09 {
            rest = trimmed(rest[rest.startIndex..<end])
        }
        return (level, rest)
    }

    private static func setextLevel(_ body: ArraySlice<UInt8>) -> Int? {
        let line = trimmed(body)
        guard let first = line.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-"),
              line.allSatisfy({ $0 == first }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    private static func isThematicBreak(_ body: ArraySlice<UInt8>) -> Bool {
        guard let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else {
            return false
        }
        var count = 0
        for byte in body {
            if byte == first { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }

    /// A list item's text (after its marker and task box), and whether it may interrupt a
    /// paragraph (bullets, and ordered items numbered 1).
    private static func listItem(_ body: ArraySlice<UInt8>) -> (text: ArraySlice<UInt8>, interruptsParagraph: Bool)? {
        guard let first = body.first else { return nil }
        var rest: ArraySlice<UInt8>
        var interrupts = true
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            rest = body.dropFirst()
        } else {
            let digits = body.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard (1...9).contains(digits.count) else { return nil }
            rest = body.dropFirst(digits.count)
            guard let delimiter = rest.first, delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            rest = rest.dropFirst()
            interrupts = digits.elementsEqual([UInt8(ascii: "1")])
        }
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return nil }
        if isBlank(rest) { interrupts = false }
        rest = trimmedStart(rest)
        if rest.count >= 3, rest[rest.startIndex] == UInt8(ascii: "["), rest[rest.startIndex + 2] == UInt8(ascii: "]"),
           [0x20, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(rest[rest.startIndex + 1]),
           rest.count == 3 || rest[rest.startIndex + 3] == 0x20 || rest[rest.startIndex + 3] == 0x09 {
            rest = trimmedStart(rest.dropFirst(3))
        }
        return (rest, interrupts)
    }

    /// `[label]: destination` (a link reference) or `[^label]: text` (a footnote).
    private static func isDefinition(_ body: ArraySlice<UInt8>) -> Bool {
        guard let close = body.firstIndex(of: UInt8(ascii: "]")), close > body.startIndex + 1 else { return false }
        let after = close + 1
        return after < body.endIndex && body[after] == UInt8(ascii: ":")
    }

    private static func isDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        let row = trimmed(line)
        guard row.contains(UInt8(ascii: "-")), row.contains(UInt8(ascii: "|")) else { return false }
        return row.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 }
    }
}
