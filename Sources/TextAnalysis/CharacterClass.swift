/// How the tokenizer treats a Unicode scalar. Decided on code points decoded straight
/// from UTF-8 bytes: no `Character`, no grapheme breaking, on the hot path.
enum CharacterClass: Equatable {
    case space
    case newline
    case letter
    case digit
    case apostrophe
    /// Zero-width joiners, soft hyphens, variation selectors: invisible, never split a word.
    case ignorable
    /// Combining accents: part of the word, dropped from its normalized form.
    case combiningMark
    case punctuation(PunctuationKind)
    case symbol

    static func of(_ scalar: UInt32) -> CharacterClass {
        if scalar < 0x80 { return asciiTable[Int(scalar)] }
        switch scalar {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xAD, 0x34F, 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF, 0xE0100...0xE01EF: return .ignorable
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return .combiningMark
        case 0x2019, 0x2BC: return .apostrophe
        case 0x2010, 0x2011: return .punctuation(.dash)  // hyphen; joined like '-' inside words
        case 0x2012...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return .punctuation(.dash)
        case 0x2018, 0x201A...0x201F, 0xAB, 0xBB, 0x2039, 0x203A, 0x300C...0x300F: return .punctuation(.quote)
        case 0x2026: return .punctuation(.ellipsis)
        case 0x2022, 0x2023, 0x2043, 0x25AA, 0x25AB, 0x25CF, 0x25E6, 0xB7, 0x25A0, 0x25A1, 0x2219: return .punctuation(.bullet)
        case 0x2190...0x21FF, 0x27F0...0x27FF, 0x2900...0x297F: return .punctuation(.arrow)
        case 0x3002, 0xFF0E: return .punctuation(.period)
        case 0xFF1F: return .punctuation(.question)
        case 0xFF01: return .punctuation(.exclamation)
        case 0x3001, 0xFF0C: return .punctuation(.comma)
        case 0xA1, 0xBF, 0xA7, 0xB6, 0x2020, 0x2021, 0x2030...0x205E: return .punctuation(.other)
        case 0xA2...0xA6, 0xA8...0xAC, 0xAE...0xB1, 0xB4, 0xB8, 0xD7, 0xF7: return .symbol
        case 0x2100...0x218F, 0x2200...0x2BFF, 0x2E00...0x2E7F, 0x3200...0x33FF: return .symbol
        case 0xE000...0xF8FF, 0xFFF0...0xFFFF, 0x1F000...0x1FAFF, 0xF0000...0x10FFFF: return .symbol
        case 0xB2, 0xB3, 0xB9: return .ignorable  // superscript footnote marks: "1962²"
        case 0xBC...0xBE: return .symbol
        default: return .letter
        }
    }

    private static let asciiTable: [CharacterClass] = (0..<128).map { byte -> CharacterClass in
        switch UInt8(byte) {
        case UInt8(ascii: " "), 0x09, 0x0B, 0x0C: return .space
        case 0x0A, 0x0D: return .newline
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
        case UInt8(ascii: "."): return .punctuation(.period)
        case UInt8(ascii: "?"): return .punctuation(.question)
        case UInt8(ascii: "!"): return .punctuation(.exclamation)
        case UInt8(ascii: ","): return .punctuation(.comma)
        case UInt8(ascii: ";"): return .punctuation(.semicolon)
        case UInt8(ascii: ":"): return .punctuation(.colon)
        case UInt8(ascii: "-"): return .punctuation(.dash)
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .punctuation(.openBracket)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .punctuation(.closeBracket)
        case UInt8(ascii: "\""): return .punctuation(.quote)
        case UInt8(ascii: "/"), UInt8(ascii: "\\"): return .punctuation(.slash)
        case 0x00..<0x20, 0x7F: return .ignorable
        default: return .punctuation(.other)
        }
    }
}

/// Decodes one scalar at `index`. Invalid UTF-8 yields U+FFFD over one byte, so
/// scanning always advances and never traps.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let count = bytes.count
    func continuation(_ offset: Int) -> UInt32? {
        guard index + offset < count else { return nil }
        let byte = bytes[index + offset]
        return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }
    switch lead {
    case 0xC2...0xDF:
        if let b1 = continuation(1) { return ((UInt32(lead & 0x1F) << 6) | b1, 2) }
    case 0xE0...0xEF:
        if let b1 = continuation(1), let b2 = continuation(2) {
            let scalar = (UInt32(lead & 0x0F) << 12) | (b1 << 6) | b2
            if scalar >= 0x800 && !(0xD800...0xDFFF).contains(scalar) { return (scalar, 3) }
        }
    case 0xF0...0xF4:
        if let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            let scalar = (UInt32(lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3
            if (0x10000...0x10FFFF).contains(scalar) { return (scalar, 4) }
        }
    default:
        break
    }
    return (0xFFFD, 1)
}

/// Lower-case ASCII spellings of accented Latin letters (U+00C0-U+017F), so that
/// "détente" and "detente" are one word. Empty where there is none (× ÷).
let latinFolding: [String] = {
    let latin1 = ["a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                  "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss"]
    let extendedA: [(String, Int)] = [
        ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("ij", 2), ("j", 2), ("k", 3),
        ("l", 10), ("n", 9), ("o", 6), ("oe", 2), ("r", 6), ("s", 8), ("t", 6), ("u", 12), ("w", 2), ("y", 3),
        ("z", 6), ("s", 1),
    ]
    var table = latin1 + latin1.enumerated().map { index, fold in index == 31 ? "y" : fold }
    table[0x20 + 0x1E] = "th"
    table[0x20 + 0x17] = ""
    for (fold, count) in extendedA { table += Array(repeating: fold, count: count) }
    return table
}()

/// Whether a scalar in U+00C0-U+00DE is an upper-case letter.
@inline(__always)
func isUpperLatin1(_ scalar: UInt32) -> Bool { (0xC0...0xDE).contains(scalar) && scalar != 0xD7 }
