/// UTF-8 checking and repair, and UTF-16/UTF-32/Windows-1252 to UTF-8 conversion, over bytes.
enum UTF8Repair {
    /// The length of the well-formed sequence at `index` (Unicode table 3-7), or, when it is
    /// ill-formed, the length of its maximal subpart (at least 1) and `valid` false.
    @inline(__always)
    static func sequence(_ bytes: ArraySlice<UInt8>, at index: Int) -> (length: Int, valid: Bool) {
        let lead = bytes[index]
        if lead < 0x80 { return (1, true) }
        let trailing: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: trailing = 1
        case 0xE0: trailing = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
        case 0xED: trailing = 2; high = 0x9F
        case 0xF0: trailing = 3; low = 0x90
        case 0xF1...0xF3: trailing = 3
        case 0xF4: trailing = 3; high = 0x8F
        default: return (1, false)
        }
        var offset = 1
        while offset <= trailing {
            let position = index + offset
            guard position < bytes.endIndex else { return (offset, false) }
            let byte = bytes[position]
            let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min && byte <= max else { return (offset, false) }
            offset += 1
        }
        return (trailing + 1, true)
    }

    /// Counts well-formed multi-byte sequences and ill-formed subparts.
    static func scan(_ bytes: ArraySlice<UInt8>) -> (multibyte: Int, invalid: Int) {
        var multibyte = 0
        var invalid = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (length, valid) = sequence(bytes, at: index)
            if valid { multibyte += 1 } else { invalid += 1 }
            index += length
        }
        return (multibyte, invalid)
    }

    /// The bytes with each ill-formed subpart replaced by U+FFFD, and how many were.
    static func repair(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], invalid: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var invalid = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] < 0x80 {
                output.append(bytes[index])
                index += 1
                continue
            }
            let (length, valid) = sequence(bytes, at: index)
            if valid {
                output.append(contentsOf: bytes[index..<index + length])
            } else {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                invalid += 1
            }
            index += length
        }
        return (output, invalid)
    }

    static func warning(_ invalid: Int) -> String {
        "invalid UTF-8 replaced at \(TextDecoder.places(invalid))"
    }
}

enum UnicodeTranscoding {
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// UTF-16 to UTF-8; unpaired surrogates and a trailing odd byte become U+FFFD.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (bytes: [UInt8], invalid: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var invalid = 0
        var index = bytes.startIndex
        func unit(at position: Int) -> UInt32 {
            let first = UInt32(bytes[position])
            let second = UInt32(bytes[position + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        while index + 1 < bytes.endIndex {
            let code = unit(at: index)
            index += 2
            if code < 0xD800 || code > 0xDFFF {
                appendUTF8(code, to: &output)
            } else if code <= 0xDBFF, index + 1 < bytes.endIndex, (0xDC00...0xDFFF).contains(unit(at: index)) {
                let low = unit(at: index)
                index += 2
                appendUTF8(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), to: &output)
            } else {
                appendUTF8(0xFFFD, to: &output)
                invalid += 1
            }
        }
        if index < bytes.endIndex {
            appendUTF8(0xFFFD, to: &output)
            invalid += 1
        }
        return (output, invalid)
    }

    /// UTF-32 to UTF-8; values that are not scalars and trailing bytes become U+FFFD.
    static func utf32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (bytes: [UInt8], invalid: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2)
        var invalid = 0
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let b = (UInt32(bytes[index]), UInt32(bytes[index + 1]), UInt32(bytes[index + 2]), UInt32(bytes[index + 3]))
            let value = bigEndian ? b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3 : b.3 << 24 | b.2 << 16 | b.1 << 8 | b.0
            index += 4
            if value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                appendUTF8(0xFFFD, to: &output)
                invalid += 1
            } else {
                appendUTF8(value, to: &output)
            }
        }
        if index < bytes.endIndex {
            appendUTF8(0xFFFD, to: &output)
            invalid += 1
        }
        return (output, invalid)
    }

    /// UTF-16 without a byte order mark: in the first 4 KiB, at least 40% of the code units
    /// have a NUL high byte and almost none a NUL low byte (English text in UTF-16).
    /// Returns whether it is big-endian, or nil when it does not look like UTF-16.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let count = min(bytes.count, 4096) & ~1
        guard count >= 4 else { return nil }
        var evenNUL = 0
        var oddNUL = 0
        for index in stride(from: 0, to: count, by: 2) {
            if bytes[index] == 0 { evenNUL += 1 }
            if bytes[index + 1] == 0 { oddNUL += 1 }
        }
        let units = count / 2
        if oddNUL * 10 >= units * 4 && evenNUL * 50 <= units { return false }
        if evenNUL * 10 >= units * 4 && oddNUL * 50 <= units { return true }
        return nil
    }
}

/// Windows-1252 (the WHATWG mapping: bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, undefined in
/// the code page, map to the C1 controls of the same value, as browsers do).
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                UnicodeTranscoding.appendUTF8(scalar(byte), to: &output)
            }
        }
        return output
    }
}
