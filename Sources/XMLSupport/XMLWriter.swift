/// Builds XML text. Pure Swift, no libxml2; works on UTF-8 bytes.
///
/// Never emits a character XML 1.0 forbids: C0 controls other than tab, newline and
/// carriage return are dropped, and so are U+FFFE and U+FFFF (lone surrogates cannot
/// occur in Swift strings), in names, text and attribute values alike.
/// Text escapes `&`, `<`, `>` (and carriage return as `&#13;`, so that it survives
/// parsing); attribute values are quoted with `"` and escape `&`, `<`, `>`, `"`, and tab,
/// newline and carriage return as `&#9;`, `&#10;`, `&#13;`. Names are written as given
/// (they must be valid XML names).
///
/// Layout with an `indent`: each child element starts on its own line, indented one
/// level per depth; an element whose content is text is written on one line
/// (`<a>text</a>`); an element with no content is written `<a/>`. Once an element has
/// text, nothing is indented inside it (mixed content keeps its text exact). With
/// `indent: nil`, no whitespace is added at all. The declaration, when written, is
/// followed by a newline, and a finished document ends with a newline.
public struct XMLWriter: Sendable {
    private struct Frame: Sendable {
        var name: [UInt8]
        var hasElements = false
        var hasText = false
    }

    private var output: [UInt8] = []
    private var stack: [Frame] = []
    /// "<name attributes" written, '>' not yet (so that an empty element can become "/>").
    private var startTagOpen = false
    private let indentUnit: [UInt8]?

    /// - Parameters:
    ///   - indent: one level of indentation (only its spaces and tabs are used), or nil for none.
    ///   - declaration: whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
    public init(indent: String? = "  ", declaration: Bool = true) {
        indentUnit = indent.map { Array($0.utf8).filter { $0 == 0x20 || $0 == 0x09 } }
        output.reserveCapacity(4096)
        if declaration {
            output.append(contentsOf: Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8))
            output.append(0x0A)
        }
    }

    /// Opens an element; attributes are written in the order given.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        closeStartTag()
        if !stack.isEmpty {
            stack[stack.count - 1].hasElements = true
            if !stack[stack.count - 1].hasText { newline(depth: stack.count) }
        }
        let nameBytes = Self.filtered(name)
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: nameBytes)
        for (attributeName, value) in attributes {
            output.append(0x20)
            Self.appendFiltered(attributeName, to: &output)
            output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            Self.appendEscaped(value, attribute: true, to: &output)
            output.append(UInt8(ascii: "\""))
        }
        startTagOpen = true
        stack.append(Frame(name: nameBytes))
    }

    /// Writes escaped text into the innermost open element. Empty text writes nothing;
    /// text outside any element is ignored.
    public mutating func text(_ text: String) {
        guard !stack.isEmpty, !text.isEmpty else { return }
        closeStartTag()
        stack[stack.count - 1].hasText = true
        Self.appendEscaped(text, attribute: false, to: &output)
    }

    /// open + text + close. Without text (or with empty text) writes `<name .../>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        open(name, attributes)
        if let text { self.text(text) }
        close()
    }

    /// Closes the innermost open element (does nothing when none is open).
    public mutating func close() {
        guard let frame = stack.popLast() else { return }
        if startTagOpen {
            output.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
            startTagOpen = false
            return
        }
        if frame.hasElements && !frame.hasText { newline(depth: stack.count) }
        output.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        output.append(contentsOf: frame.name)
        output.append(UInt8(ascii: ">"))
    }

    /// Closes anything still open and returns the document.
    public mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    /// Closes anything still open and returns the document as UTF-8 bytes.
    /// An addition to the original API (for writing files without a String copy).
    public mutating func finishBytes() -> [UInt8] {
        while !stack.isEmpty { close() }
        if let last = output.last, last != 0x0A { output.append(0x0A) }
        return output
    }

    /// Text escaped as `text(_:)` writes it.
    public static func escapeText(_ s: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(s, attribute: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An attribute value escaped as `open(_:_:)` writes it (without the quotes).
    public static func escapeAttribute(_ s: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(s, attribute: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Internals

    private mutating func closeStartTag() {
        if startTagOpen {
            output.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
    }

    private mutating func newline(depth: Int) {
        guard let indentUnit else { return }
        output.append(0x0A)
        for _ in 0..<depth { output.append(contentsOf: indentUnit) }
    }

    /// What to do with each byte value: 0 copy, 1 drop (forbidden control),
    /// 2 escape always, 3 escape in attributes only, 4 possible start of U+FFFE/U+FFFF.
    private static let byteClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = 1 }
        table[0x09] = 3
        table[0x0A] = 3
        table[0x0D] = 2
        table[Int(UInt8(ascii: "&"))] = 2
        table[Int(UInt8(ascii: "<"))] = 2
        table[Int(UInt8(ascii: ">"))] = 2
        table[Int(UInt8(ascii: "\""))] = 3
        table[0xEF] = 4
        return table
    }()

    private static func replacement(for byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case 0x09: return "&#9;"
        case 0x0A: return "&#10;"
        default: return "&#13;"
        }
    }

    private static func appendEscaped(_ string: String, attribute: Bool, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            let table = byteClass
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let kind = table[Int(bytes[index])]
                if kind == 0 || (kind == 3 && !attribute) {
                    index += 1
                    continue
                }
                if kind == 4 {
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
                    guard index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE else {
                        index += 1
                        continue
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    index += 3
                    runStart = index
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if kind != 1 {
                    let text = replacement(for: bytes[index])
                    output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
                }
                index += 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    /// A name with forbidden characters dropped (no escaping: names cannot hold references).
    private static func filtered(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendFiltered(name, to: &bytes)
        return bytes
    }

    private static func appendFiltered(_ name: String, to output: inout [UInt8]) {
        var name = name
        name.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    index += 1
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE {
                    index += 3
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
    }
}
