internal import CLibXML2

/// Recovers where each element's start tag begins, from the source bytes.
///
/// libxml2 keeps only a line per element (and it is the line where the start tag *ends*),
/// never a column. Elements in document order match start tags in source order, so a small
/// scanner that skips comments, CDATA, processing instructions, DOCTYPE and end tags walks
/// the start tags alongside the tree. Each match is checked against the element's name and
/// libxml2's line; when they disagree the element keeps libxml2's line and column 0.
///
/// Lines count `\n` only (as libxml2 does; CRLF is one break). Columns count code points
/// (UTF-8 lead bytes) from the line start, 1-based; a UTF-8 byte order mark is not counted.
struct SourceLocator {
    private let bytes: [UInt8]
    /// Offset of the first byte of each line; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    private let byteOrderMarkLength: Int
    private var cursor = 0
    /// The last column computed: tags are located in source order, so counting on from it
    /// keeps a document written on one line (as Word and LibreOffice write theirs) linear.
    private var lastColumn: (line: Int, offset: Int, column: Int) = (0, 0, 0)

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
        byteOrderMarkLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Locations for every element of `doc`, in one pass.
    static func locations(in doc: xmlDocPtr, source: [UInt8], file: String) -> [xmlNodePtr: XMLTree.Location] {
        var locator = SourceLocator(bytes: source)
        var result: [xmlNodePtr: XMLTree.Location] = [:]
        // Depth-first, document order, without recursion.
        var stack: [xmlNodePtr] = []
        var next: xmlNodePtr? = doc.pointee.children
        while true {
            guard let node = next else {
                guard let parent = stack.popLast() else { break }
                next = parent.pointee.next
                continue
            }
            guard node.isElement else {
                next = node.pointee.next
                continue
            }
            let hint = max(0, xmlGetLineNo(node))
            if let found = locator.locate(name: Array(node.qualifiedName.utf8), lineHint: hint) {
                result[node] = XMLTree.Location(file: file, line: found.line, column: found.column)
            } else {
                result[node] = XMLTree.Location(file: file, line: hint, column: 0)
            }
            if let child = node.pointee.children {
                stack.append(node)
                next = child
            } else {
                next = node.pointee.next
            }
        }
        return result
    }

    /// The next start tag named `name` that begins at or before line `lineHint`
    /// (hint 0, or libxml2's 65535 cap, means unknown: then only the very next tag may match).
    mutating func locate(name: [UInt8], lineHint: Int) -> (line: Int, column: Int)? {
        let hintUsable = lineHint > 0 && lineHint < 65535
        let saved = cursor
        while let tag = nextStartTag() {
            let line = lineNumber(at: tag.start)
            if hintUsable && line > lineHint { break }
            cursor = tag.name.upperBound
            if bytes[tag.name].elementsEqual(name) {
                return (line, column(at: tag.start, line: line))
            }
            if !hintUsable { break }
        }
        cursor = saved
        return nil
    }

    /// 1-based line of a byte offset.
    func lineNumber(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// 1-based column (code points) of a byte offset on `line`.
    mutating func column(at offset: Int, line: Int) -> Int {
        var start = lineStarts[line - 1]
        if line == 1 { start += byteOrderMarkLength }
        var count = 1
        var index = start
        if lastColumn.line == line, lastColumn.offset >= start, lastColumn.offset <= offset {
            count = lastColumn.column
            index = lastColumn.offset
        }
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        lastColumn = (line, offset, count)
        return count
    }

    // MARK: Scanning

    private mutating func nextStartTag() -> (start: Int, name: Range<Int>)? {
        let count = bytes.count
        var index = cursor
        while index < count {
            guard let open = firstIndex(of: UInt8(ascii: "<"), from: index) else { return nil }
            let next = open + 1
            guard next < count else { return nil }
            switch bytes[next] {
            case UInt8(ascii: "!"):
                if matches("<!--", at: open) {
                    index = end(of: "-->", from: open + 4)
                } else if matches("<![CDATA[", at: open) {
                    index = end(of: "]]>", from: open + 9)
                } else {
                    index = endOfDeclaration(from: next + 1)
                }
            case UInt8(ascii: "?"):
                index = end(of: "?>", from: next + 1)
            case UInt8(ascii: "/"):
                index = next + 1  // an end tag; '<' cannot occur inside it
            default:
                var nameEnd = next
                while nameEnd < count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
                return (open, next..<nameEnd)
            }
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "/"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        let pattern = text.utf8Start
        for step in 0..<length where bytes[offset + step] != pattern[step] {
            return false
        }
        return true
    }

    /// The offset just after the next `terminator`, or the end of the source.
    private func end(of terminator: StaticString, from start: Int) -> Int {
        var index = start
        let first = terminator.utf8Start[0]
        while let candidate = firstIndex(of: first, from: index) {
            if matches(terminator, at: candidate) { return candidate + terminator.utf8CodeUnitCount }
            index = candidate + 1
        }
        return bytes.count
    }

    /// Skips `<!DOCTYPE ...>` (with an internal subset, quoted strings and comments).
    private func endOfDeclaration(from start: Int) -> Int {
        var index = start
        var depth = 0
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "<"), matches("<!--", at: index) {
                index = end(of: "-->", from: index + 4)
                continue
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }
}
