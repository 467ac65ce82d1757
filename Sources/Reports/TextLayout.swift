/// Lines for a terminal: word wrapping by display columns, with ANSI styles that never
/// count towards the width and are written only when colour is on.
struct TextLayout {
    /// ANSI SGR parameters.
    enum Style: String {
        case bold = "1"
        case dim = "2"
        case underline = "4"
        case green = "32"
        case red = "31"
        case yellow = "33"
        case boldGreen = "1;32"
        case boldRed = "1;31"
        case boldYellow = "1;33"
    }

    /// Text with a style per character.
    struct Styled {
        var characters: [Character] = []
        var styles: [Style?] = []

        init() {}

        init(_ text: String, _ style: Style? = nil) {
            append(text, style)
        }

        /// Appends text made safe for a terminal (see `TextLayout.clean`); a space next to
        /// a space already there is dropped.
        mutating func append(_ text: String, _ style: Style? = nil) {
            for character in TextLayout.clean(text) {
                if character == " ", characters.last == " " { continue }
                characters.append(character)
                styles.append(style)
            }
        }

        mutating func append(_ other: Styled) {
            characters += other.characters
            styles += other.styles
        }

        static func + (lhs: Styled, rhs: Styled) -> Styled {
            var result = lhs
            result.append(rhs)
            return result
        }
    }

    let width: Int
    let color: Bool
    private(set) var lines: [String] = []

    init(width: Int, color: Bool) {
        self.width = width
        self.color = color
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    /// Writes a paragraph wrapped to the width: the first line indented by `indent`
    /// columns, the others by `hanging`. A word wider than a line stays whole.
    mutating func paragraph(_ styled: Styled, indent: Int = 0, hanging: Int? = nil) {
        let hanging = hanging ?? indent
        let characters = styled.characters
        var ranges: [Range<Int>] = []
        var lineStart: Int?
        var lineEnd = 0
        var lineWidth = 0
        var index = 0
        while index < characters.count {
            if characters[index] == " " {
                index += 1
                continue
            }
            var end = index
            var wordWidth = 0
            while end < characters.count, characters[end] != " " {
                wordWidth += Self.displayWidth(characters[end])
                end += 1
            }
            let available = width - (ranges.isEmpty ? indent : hanging)
            if lineStart != nil, lineWidth + 1 + wordWidth <= available {
                lineWidth += 1 + wordWidth
                lineEnd = end
            } else {
                if let start = lineStart { ranges.append(start..<lineEnd) }
                lineStart = index
                lineEnd = end
                lineWidth = wordWidth
            }
            index = end
        }
        if let start = lineStart { ranges.append(start..<lineEnd) }
        if ranges.isEmpty {
            lines.append("")
            return
        }
        for (number, range) in ranges.enumerated() {
            let pad = String(repeating: " ", count: number == 0 ? indent : hanging)
            lines.append(pad + render(styled, range))
        }
    }

    private func render(_ styled: Styled, _ range: Range<Int>) -> String {
        var result = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let style = styled.styles[index]
            var end = index
            var run = ""
            while end < range.upperBound, styled.styles[end] == style {
                run.append(styled.characters[end])
                end += 1
            }
            if color, let style {
                result += "\u{1B}[\(style.rawValue)m" + run + "\u{1B}[0m"
            } else {
                result += run
            }
            index = end
        }
        return result
    }

    /// Text made safe and tidy for a terminal: whitespace runs (line breaks included)
    /// become one space, and control characters (ESC among them, which could smuggle
    /// escape sequences out of an essay) and bidirectional overrides are dropped.
    static func clean(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { result.unicodeScalars.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            switch scalar.value {
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Columns a character takes in a terminal: 2 for wide East Asian characters and
    /// emoji shown as pictures, 1 otherwise.
    static func displayWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + displayWidth($1) }
    }
}
