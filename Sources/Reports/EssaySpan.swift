/// Reading UTF-8 byte ranges of the essay text safely.
///
/// Evidence carries byte offsets into `GradeReport.text`. A range from elsewhere may be
/// out of bounds or fall inside a multi-byte character; these helpers clamp it to the
/// text and widen it to whole Unicode scalars, so that a character is never split.
enum EssaySpan {
    /// The range clamped to `0..<bytes.count` and widened to scalar boundaries;
    /// nil when nothing is left.
    static func aligned(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        let count = bytes.count
        var lower = min(max(range.lowerBound, 0), count)
        var upper = min(max(range.upperBound, lower), count)
        while lower > 0, lower < count, isContinuation(bytes[lower]) { lower -= 1 }
        while upper < count, isContinuation(bytes[upper]) { upper += 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// The text of a byte range (aligned first); empty when the range is empty or outside.
    static func text(_ range: Range<Int>, in bytes: [UInt8]) -> String {
        guard let range = aligned(range, in: bytes) else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Runs of whitespace (including line breaks) become one space; a leading or trailing
    /// run stays as one space (callers trim the whole when they need to).
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                inSpace = false
                result.append(character)
            }
        }
        return result
    }
}
