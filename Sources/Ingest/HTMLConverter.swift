/// The text of an HTML page's body, in one forward pass over its UTF-8 bytes (linear time,
/// no recursion), tolerant of tag soup as browsers are: unclosed and stray tags, a stray
/// `<`, unquoted attributes, a missing `</html>` or `<body>`.
///
/// - Left out: `head` (up to `</head>`, `<body>` or the first element or text that
///   cannot be in a head), `title`, `script`, `style`, `noscript`, `template`, `iframe`,
///   `textarea`, `xmp`, `noembed`, `noframes`, `svg`, `math`, comments, doctype, processing
///   instructions, images (alt text included).
/// - Paragraph breaks around p, div, section, article, blockquote, pre, h1-h6, hr, table,
///   lists, forms, figures and similar blocks; `h1`...`h6` become `#`...`######` headings;
///   `li` becomes a "- " line; `tr`, `td`, `th`, `dt`, `dd`, `caption` break lines;
///   `br` breaks the line (two in a row: a blank line).
/// - Whitespace is collapsed as a browser does (a run becomes one space; none at a line's
///   start or end), except in `pre`, where spaces stay and line feeds break lines.
/// - Character references are decoded (`HTMLEntities`); `&nbsp;` stays U+00A0.
enum HTMLConverter {
    static func convert(_ bytes: [UInt8], file: String) throws(IngestError) -> (text: String, warnings: [String]) {
        let declared = ByteOrderMark.detect(bytes) == nil ? MetaCharset.prescan(bytes) : nil
        let decoded = try TextDecoder.decode(bytes, file: file, declared: declared)
        var parser = HTMLTextExtractor(Array(decoded.text.utf8))
        return (parser.run(), decoded.warnings)
    }
}

/// The encoding an HTML file declares in a `<meta>` in its first 1024 bytes.
enum MetaCharset {
    static func prescan(_ bytes: [UInt8]) -> TextDecoder.DeclaredCharset? {
        let window = Array(bytes.prefix(1024)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        var index = 0
        while let start = find(meta, in: window, from: index) {
            var end = start + meta.count
            while end < window.count, window[end] != UInt8(ascii: ">") { end += 1 }
            if let found = find(charset, in: window[..<end], from: start) {
                var position = found + charset.count
                while position < end, window[position] == 0x20 || window[position] == UInt8(ascii: "=")
                        || window[position] == UInt8(ascii: "\"") || window[position] == UInt8(ascii: "'") {
                    position += 1
                }
                var label: [UInt8] = []
                while position < end, window[position] != UInt8(ascii: "\""), window[position] != UInt8(ascii: "'"),
                      window[position] != UInt8(ascii: ";"), window[position] != 0x20, window[position] != UInt8(ascii: "/") {
                    label.append(window[position])
                    position += 1
                }
                switch String(decoding: label, as: UTF8.self) {
                case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
                case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                     "us-ascii", "ascii", "iso-ir-100", "cp819", "ibm819", "csisolatin1":
                    return .windows1252
                default: return nil
                }
            }
            index = end
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard needle.count <= haystack.endIndex - start else { return nil }
        var index = start
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        find(needle, in: haystack[...], from: start)
    }
}

/// One pass of the extractor over a page.
struct HTMLTextExtractor {
    private let bytes: [UInt8]
    private var index = 0
    private var out = TextAssembler()
    /// Inside `head` (opened or implied by the first head-only element).
    private var inHead = false
    /// The outermost element whose whole content is skipped (template, svg, math), and how
    /// many of that name are open.
    private var skipping: (name: [UInt8], depth: Int)?
    private var preDepth = 0
    /// Right after `<pre>`: a first line feed is dropped, as browsers do.
    private var dropNextLineFeed = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Elements whose content is raw text, skipped up to their end tag.
    private static let rawText: Set<[UInt8]> = Set(
        ["script", "style", "title", "noscript", "iframe", "xmp", "noembed", "noframes", "textarea"].map { Array($0.utf8) })
    /// Elements whose markup content is skipped.
    private static let skipped: Set<[UInt8]> = Set(["template", "svg", "math"].map { Array($0.utf8) })
    /// Elements that may appear in `head` without ending it.
    private static let headContent: Set<[UInt8]> = Set(
        ["meta", "link", "base", "basefont", "bgsound", "title", "style", "script", "noscript", "template"].map { Array($0.utf8) })
    private static let paragraphBlocks: Set<[UInt8]> = Set(
        ["p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "address", "blockquote",
         "center", "details", "summary", "dialog", "fieldset", "legend", "figure", "figcaption", "form", "hgroup",
         "hr", "dl", "search", "body", "html"].map { Array($0.utf8) })
    private static let lineBlocks: Set<[UInt8]> = Set(["dt", "dd", "caption"].map { Array($0.utf8) })
    private static let lists: Set<[UInt8]> = Set(["ul", "ol", "dir", "menu"].map { Array($0.utf8) })
    private static let cells: Set<[UInt8]> = Set(["td", "th", "tr"].map { Array($0.utf8) })

    mutating func run() -> String {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                markup()
            } else if byte == UInt8(ascii: "&") {
                if let (scalar, length) = HTMLEntities.decode(bytes[...], at: index) {
                    var encoded: [UInt8] = []
                    UnicodeTranscoding.appendUTF8(scalar, to: &encoded)
                    emit(encoded[...], whitespaceInside: false)
                    index += length
                } else {
                    emit(bytes[index..<index + 1], whitespaceInside: false)
                    index += 1
                }
            } else {
                var end = index + 1
                while end < count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
                emit(bytes[index..<end], whitespaceInside: true)
                index = end
            }
        }
        return out.finish()
    }

    // MARK: - Text

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Text from the page (`whitespaceInside`) or from a character reference (never collapsed).
    private mutating func emit(_ text: ArraySlice<UInt8>, whitespaceInside: Bool) {
        if skipping != nil { return }
        if inHead {
            guard text.contains(where: { !Self.isWhitespace($0) }) || !whitespaceInside else { return }
            inHead = false
        }
        guard whitespaceInside else {
            dropNextLineFeed = false
            out.text(text)
            return
        }
        if preDepth > 0 {
            var text = text
            if dropNextLineFeed, let first = text.first {
                if first == 0x0A { text = text.dropFirst() }
                else if first == 0x0D { text = text.dropFirst(text.dropFirst().first == 0x0A ? 2 : 1) }
            }
            dropNextLineFeed = false
            out.text(text)
            return
        }
        dropNextLineFeed = false
        var position = text.startIndex
        while position < text.endIndex {
            if Self.isWhitespace(text[position]) {
                while position < text.endIndex, Self.isWhitespace(text[position]) { position += 1 }
                out.space()
            } else {
                var end = position + 1
                while end < text.endIndex, !Self.isWhitespace(text[end]) { end += 1 }
                out.text(text[position..<end])
                position = end
            }
        }
    }

    // MARK: - Markup

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }

    /// At `<`: a tag, comment, declaration, or a stray `<` that is text.
    private mutating func markup() {
        let count = bytes.count
        let next = index + 1 < count ? bytes[index + 1] : 0
        if next == UInt8(ascii: "!") {
            if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                index = find(Array("-->".utf8), from: index + 2).map { $0 + 3 } ?? count
            } else {
                index = skipPast(UInt8(ascii: ">"), from: index + 2)
            }
        } else if next == UInt8(ascii: "?") {
            index = skipPast(UInt8(ascii: ">"), from: index + 2)
        } else if next == UInt8(ascii: "/") {
            if index + 2 < count, Self.isLetter(bytes[index + 2]) {
                let (name, end) = readName(from: index + 2)
                index = skipPast(UInt8(ascii: ">"), from: end)
                endTag(name)
            } else {
                index = skipPast(UInt8(ascii: ">"), from: index + 2)
            }
        } else if Self.isLetter(next) {
            let (name, nameEnd) = readName(from: index + 1)
            guard let tagEnd = startTagEnd(from: nameEnd) else {
                index = count  // end of file inside a tag: the tag is dropped
                return
            }
            index = tagEnd + 1
            startTag(name)
        } else {
            emit(bytes[index..<index + 1], whitespaceInside: false)
            index += 1
        }
    }

    /// A lower-cased tag name and where it ends.
    private func readName(from start: Int) -> ([UInt8], Int) {
        var end = start
        var name: [UInt8] = []
        while end < bytes.count, Self.isNameByte(bytes[end]) {
            if name.count < 32 { name.append(Self.isLetter(bytes[end]) ? bytes[end] | 0x20 : bytes[end]) }
            end += 1
        }
        return (name, end)
    }

    /// The index of the `>` closing a start tag whose attributes begin at `start`; quoted
    /// attribute values may hold `>`.
    private func startTagEnd(from start: Int) -> Int? {
        var position = start
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { return position }
            if byte == UInt8(ascii: "=") {
                position += 1
                while position < count, Self.isWhitespace(bytes[position]) { position += 1 }
                if position < count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                    let quote = bytes[position]
                    position += 1
                    while position < count, bytes[position] != quote { position += 1 }
                    position += 1
                }
                continue
            }
            position += 1
        }
        return nil
    }

    private func skipPast(_ byte: UInt8, from start: Int) -> Int {
        var position = start
        while position < bytes.count, bytes[position] != byte { position += 1 }
        return min(position + 1, bytes.count)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0] && bytes[position..<position + needle.count].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }

    /// Skips raw text up to and past `</name` (any case) followed by a space, `/` or `>`.
    private mutating func skipRawText(_ name: [UInt8]) {
        var position = index
        let count = bytes.count
        while position + 2 + name.count <= count {
            if bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, letter) in name.enumerated() where bytes[position + 2 + offset] | 0x20 != letter {
                    matches = false
                    break
                }
                let after = position + 2 + name.count
                if matches && (after == count || Self.isWhitespace(bytes[after]) || bytes[after] == UInt8(ascii: "/")
                               || bytes[after] == UInt8(ascii: ">")) {
                    index = skipPast(UInt8(ascii: ">"), from: after)
                    return
                }
            }
            position += 1
        }
        index = count
    }

    private mutating func startTag(_ name: [UInt8]) {
        if Self.rawText.contains(name) {
            skipRawText(name)
            return
        }
        if var skip = skipping {
            if skip.name == name {
                skip.depth += 1
                skipping = skip
            }
            return
        }
        if Self.skipped.contains(name) {
            skipping = (name, 1)
            return
        }
        if inHead {
            if Self.headContent.contains(name) { return }
            inHead = false
        }
        if name == Array("head".utf8) {
            inHead = true
            return
        }
        switch name {
        case Array("br".utf8):
            dropNextLineFeed = false
            out.lineBreak(hard: true)
        case Array("li".utf8):
            out.listItem()
        case Array("pre".utf8):
            out.paragraphBreak()
            preDepth += 1
            dropNextLineFeed = true
        case Array("table".utf8):
            out.beginTable()
        default:
            if let level = Self.headingLevel(name) {
                out.heading(level: level)
            } else if Self.lists.contains(name) {
                out.beginList()
            } else if Self.paragraphBlocks.contains(name) {
                out.paragraphBreak()
            } else if Self.lineBlocks.contains(name) || Self.cells.contains(name) {
                out.lineBreak()
            }
        }
    }

    private mutating func endTag(_ name: [UInt8]) {
        if var skip = skipping {
            if skip.name == name {
                skip.depth -= 1
                skipping = skip.depth == 0 ? nil : skip
            }
            return
        }
        if name == Array("head".utf8) {
            inHead = false
            return
        }
        if inHead { return }
        switch name {
        case Array("br".utf8):
            out.lineBreak(hard: true)  // "</br>" acts as "<br>" in browsers
        case Array("li".utf8):
            out.endListItem()
        case Array("pre".utf8):
            if preDepth > 0 { preDepth -= 1 }
            out.paragraphBreak()
        case Array("table".utf8):
            out.endTable()
        default:
            if Self.headingLevel(name) != nil {
                out.endHeading()
            } else if Self.lists.contains(name) {
                out.endList()
            } else if Self.paragraphBlocks.contains(name) {
                out.paragraphBreak()
            } else if Self.lineBlocks.contains(name) || Self.cells.contains(name) {
                out.lineBreak()
            }
        }
    }

    private static func headingLevel(_ name: [UInt8]) -> Int? {
        guard name.count == 2, name[0] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(name[1]) else {
            return nil
        }
        return Int(name[1] - UInt8(ascii: "0"))
    }
}
