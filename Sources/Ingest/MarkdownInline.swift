/// Inline Markdown to plain text, in linear time: bracket, parenthesis, backtick and `>`
/// partners are found in one pass each before the text is walked.
///
/// - Emphasis and strike-through markers (`*`, `_`, `**`, `__`, `~~`) are removed where
///   CommonMark's flanking rules let them open or close emphasis; `2 * 3` and `snake_case`
///   keep theirs. (Unpaired markers that could open or close are removed too.)
/// - Code spans keep their content, without the backticks.
/// - `[text](url)`, `[text][ref]` and `[text][]` become the text; `[text]` alone stays as
///   written; images `![alt](src)` and footnote references `[^1]` are dropped.
/// - Autolinks `<https://...>` keep the address; HTML tags and comments are removed,
///   `<br>` becoming a line break.
/// - Backslash escapes give the character (`\*` → `*`); character references are decoded.
/// - A line feed in the input (a hard line break) is kept.
struct MarkdownInline {
    private let bytes: [UInt8]
    private var closingBracket: [Int: Int] = [:]
    private var closingParenthesis: [Int: Int] = [:]
    /// Start of a backtick run → start of the next run of the same length.
    private var closingBackticks: [Int: Int] = [:]
    /// For each `<`: the next `>` and the next `<` after it (`bytes.count` when none).
    private var nextGreater: [Int: Int] = [:]
    private var nextLess: [Int: Int] = [:]
    /// Links inside link text are followed this deep; deeper ones stay as written.
    private static let maxLinkDepth = 16

    static func render(_ bytes: [UInt8]) -> [UInt8] {
        var inline = MarkdownInline(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        inline.walk(0..<bytes.count, depth: 0, into: &output)
        return output
    }

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var greater = bytes.count
        var less = bytes.count
        for index in stride(from: bytes.count - 1, through: 0, by: -1) {
            if bytes[index] == UInt8(ascii: ">") { greater = index }
            if bytes[index] == UInt8(ascii: "<") {
                nextGreater[index] = greater
                nextLess[index] = less
                less = index
            }
        }
        var brackets: [Int] = []
        var parentheses: [Int] = []
        var lastRunOfLength: [Int: Int] = [:]
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["): brackets.append(index)
            case UInt8(ascii: "]"): if let open = brackets.popLast() { closingBracket[open] = index }
            case UInt8(ascii: "("): parentheses.append(index)
            case UInt8(ascii: ")"): if let open = parentheses.popLast() { closingParenthesis[open] = index }
            case UInt8(ascii: "`"):
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
                runs.append((index, end - index))
                index = end
                continue
            default: break
            }
            index += 1
        }
        for run in runs.reversed() {
            if let next = lastRunOfLength[run.length] { closingBackticks[run.start] = next }
            lastRunOfLength[run.length] = run.start
        }
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func walk(_ range: Range<Int>, depth: Int, into output: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < end, Self.isPunctuation(bytes[index + 1]) {
                    output.append(bytes[index + 1])
                    index += 2
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"):
                var runEnd = index
                while runEnd < end, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                if let close = closingBackticks[index], close < end {
                    var content = bytes[runEnd..<close]
                    if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
                        content = content.dropFirst().dropLast()
                    }
                    output.append(contentsOf: content.map { $0 == 0x0A ? 0x20 : $0 })
                    index = close + (runEnd - index)
                } else {
                    output.append(contentsOf: bytes[index..<runEnd])
                    index = runEnd
                }
            case UInt8(ascii: "!") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "["):
                if let (_, linkEnd) = link(at: index + 1, limit: end) {
                    index = skipDoubledSpace(after: linkEnd, limit: end, output)
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "["):
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: "^"), let close = closingBracket[index], close < end {
                    index = skipDoubledSpace(after: close + 1, limit: end, output)  // footnote reference
                } else if depth < Self.maxLinkDepth, let (text, linkEnd) = link(at: index, limit: end) {
                    walk(text, depth: depth + 1, into: &output)
                    index = linkEnd
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "<"):
                index = angle(at: index, limit: end, into: &output)
            case UInt8(ascii: "&"):
                if let (scalar, length) = HTMLEntities.decode(bytes[..<end], at: index) {
                    UnicodeTranscoding.appendUTF8(scalar, to: &output)
                    index += length
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                var runEnd = index
                while runEnd < end, bytes[runEnd] == byte { runEnd += 1 }
                if !isEmphasisMarker(byte, index..<runEnd, within: range) {
                    output.append(contentsOf: bytes[index..<runEnd])
                }
                index = runEnd
            default:
                output.append(byte)
                index += 1
            }
        }
    }

    /// Where to go on after dropping something: past a space that would double one before it.
    private func skipDoubledSpace(after index: Int, limit: Int, _ output: [UInt8]) -> Int {
        index < limit && bytes[index] == 0x20 && (output.last == 0x20 || output.last == nil) ? index + 1 : index
    }

    /// A link or image at `[`: the text's range and where the link ends.
    private func link(at open: Int, limit: Int) -> (Range<Int>, Int)? {
        guard let close = closingBracket[open], close < limit else { return nil }
        let after = close + 1
        guard after < limit else { return nil }
        if bytes[after] == UInt8(ascii: "("), let end = closingParenthesis[after], end < limit {
            return (open + 1..<close, end + 1)
        }
        if bytes[after] == UInt8(ascii: "["), let end = closingBracket[after], end < limit {
            return (open + 1..<close, end + 1)
        }
        return nil
    }

    /// Whether a run of `*`, `_` or `~` opens or closes emphasis (CommonMark's flanking rules,
    /// with ASCII punctuation and whitespace; other characters count as letters).
    private func isEmphasisMarker(_ marker: UInt8, _ run: Range<Int>, within range: Range<Int>) -> Bool {
        if marker == UInt8(ascii: "~") && run.count != 2 { return false }
        let before: UInt8 = run.lowerBound > range.lowerBound ? bytes[run.lowerBound - 1] : 0x20
        let after: UInt8 = run.upperBound < range.upperBound ? bytes[run.upperBound] : 0x20
        let beforeSpace = Self.isWhitespace(before)
        let afterSpace = Self.isWhitespace(after)
        let beforePunctuation = Self.isPunctuation(before)
        let afterPunctuation = Self.isPunctuation(after)
        let leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
        let rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
        if marker == UInt8(ascii: "_") {
            let opens = leftFlanking && (!rightFlanking || beforePunctuation)
            let closes = rightFlanking && (!leftFlanking || afterPunctuation)
            return opens || closes
        }
        return leftFlanking || rightFlanking
    }

    /// At `<`: an autolink (its address is kept), an HTML tag or comment (removed; `<br>` is a
    /// line break), or a literal `<`. Returns where to go on.
    private func angle(at index: Int, limit: Int, into output: inout [UInt8]) -> Int {
        guard index + 1 < limit, let close = nextGreater[index], close < limit,
              let less = nextLess[index], less > close || bytes[index + 1] == UInt8(ascii: "!") else {
            output.append(bytes[index])
            return index + 1
        }
        let inside = bytes[index + 1..<close]
        let next = bytes[index + 1]
        if next == UInt8(ascii: "!") {
            if inside.starts(with: Array("!--".utf8)) {
                var position = index + 4
                while position + 2 < limit {
                    if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"),
                       bytes[position + 2] == UInt8(ascii: ">") { return position + 3 }
                    position += 1
                }
                return limit
            }
            return close + 1
        }
        let isLetter = { (byte: UInt8) in byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
        if isLetter(next), !inside.contains(where: { $0 == 0x20 || $0 == 0x0A }),
           inside.contains(UInt8(ascii: ":")) || inside.contains(UInt8(ascii: "@")) {
            output.append(contentsOf: inside)  // autolink
            return close + 1
        }
        if isLetter(next) || (next == UInt8(ascii: "/") && index + 2 < close && isLetter(bytes[index + 2])) {
            let nameStart = next == UInt8(ascii: "/") ? index + 2 : index + 1
            var nameEnd = nameStart
            while nameEnd < close, isLetter(bytes[nameEnd]) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39) { nameEnd += 1 }
            let name = bytes[nameStart..<nameEnd].map { $0 | 0x20 }
            if name == Array("br".utf8) { output.append(0x0A) }
            return close + 1
        }
        output.append(bytes[index])
        return index + 1
    }
}
