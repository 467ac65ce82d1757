/// Turns the bytes of a text file (.txt, .md, .html) into a string, deciding the encoding.
///
/// - A byte order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE (the mark is removed).
/// - Without one: text that is mostly valid UTF-8 is UTF-8, each invalid sequence (maximal
///   subpart, as Unicode recommends) becoming U+FFFD, with a warning counting them; text with
///   no valid multi-byte sequence at least as often as invalid bytes is read as Windows-1252
///   (a superset of Latin-1 for printable text), with a warning. UTF-16 without a mark is
///   recognised by its NUL bytes in every other position.
/// - Binary files are refused ("not a text file"): known signatures (zip, PDF, old .doc,
///   images, RTF), or more than 5% control characters (C0 controls other than tab, line
///   feed, vertical tab, form feed and carriage return).
/// - NUL characters in a file that is otherwise text (trailing padding left by a crash, a
///   stray byte) are removed, with a warning. Nothing else is changed: line endings stay.
enum TextDecoder {
    /// What a document says about its own encoding (an HTML `<meta charset>`).
    enum DeclaredCharset: Sendable {
        case utf8, windows1252
    }

    struct Decoded: Sendable {
        var text: String
        var warnings: [String]
    }

    static func decode(_ bytes: [UInt8], file: String, declared: DeclaredCharset? = nil) throws(IngestError) -> Decoded {
        if bytes.isEmpty { return Decoded(text: "", warnings: []) }
        var warnings: [String] = []
        var utf8: [UInt8]
        if let bom = ByteOrderMark.detect(bytes) {
            let body = bytes[bom.length...]
            switch bom.encoding {
            case .utf8:
                let repaired = UTF8Repair.repair(body)
                utf8 = repaired.bytes
                if repaired.invalid > 0 { warnings.append(UTF8Repair.warning(repaired.invalid)) }
            case .utf16(let bigEndian):
                let (decoded, invalid) = UnicodeTranscoding.utf16(body, bigEndian: bigEndian)
                utf8 = decoded
                if invalid > 0 { warnings.append("invalid UTF-16 replaced at \(places(invalid))") }
            case .utf32(let bigEndian):
                let (decoded, invalid) = UnicodeTranscoding.utf32(body, bigEndian: bigEndian)
                utf8 = decoded
                if invalid > 0 { warnings.append("invalid UTF-32 replaced at \(places(invalid))") }
            }
        } else {
            if let kind = BinarySignature.detect(bytes) {
                throw IngestError(file: file, reason: "not a text file (\(kind))")
            }
            if let bigEndian = UnicodeTranscoding.looksLikeUTF16(bytes) {
                let (decoded, invalid) = UnicodeTranscoding.utf16(bytes[...], bigEndian: bigEndian)
                utf8 = decoded
                warnings.append("read as UTF-16\(bigEndian ? "BE" : "LE") (the file has no byte order mark)")
                if invalid > 0 { warnings.append("invalid UTF-16 replaced at \(places(invalid))") }
            } else {
                let scan = UTF8Repair.scan(bytes[...])
                if scan.invalid == 0 {
                    utf8 = bytes
                    if declared == .windows1252 && scan.multibyte > 0 {
                        warnings.append("read as UTF-8: the file is valid UTF-8 although its <meta charset> says windows-1252")
                    }
                } else if declared == .windows1252 {
                    utf8 = Windows1252.decode(bytes)
                } else if scan.multibyte > scan.invalid {
                    utf8 = UTF8Repair.repair(bytes[...]).bytes
                    warnings.append(UTF8Repair.warning(scan.invalid))
                } else {
                    utf8 = Windows1252.decode(bytes)
                    warnings.append("not valid UTF-8; read as Windows-1252 (Latin-1)")
                }
            }
        }
        try removeNULs(&utf8, file: file, warnings: &warnings)
        return Decoded(text: String(decoding: utf8, as: UTF8.self), warnings: warnings)
    }

    static func places(_ count: Int) -> String {
        count == 1 ? "1 place" : "\(count) places"
    }

    /// Refuses binary content; removes NUL characters from text, with a warning.
    private static func removeNULs(_ utf8: inout [UInt8], file: String, warnings: inout [String]) throws(IngestError) {
        var end = utf8.count
        while end > 0, utf8[end - 1] == 0 { end -= 1 }
        var controls = 0
        var scalars = 0
        var nuls = utf8.count - end
        for index in 0..<end {
            let byte = utf8[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte < 0x20 && !(0x09...0x0D).contains(byte) {
                controls += 1
                if byte == 0 { nuls += 1 }
            }
        }
        if controls > 0 && controls * 20 > scalars {
            throw IngestError(file: file, reason: "not a text file (it holds binary data)")
        }
        if nuls > 0 {
            utf8.removeAll { $0 == 0 }
            warnings.append(nuls == 1 ? "removed 1 NUL character" : "removed \(nuls) NUL characters")
        }
    }
}

/// A byte order mark at the start of a file.
enum ByteOrderMark {
    enum Encoding: Equatable {
        case utf8
        case utf16(bigEndian: Bool)
        case utf32(bigEndian: Bool)
    }

    static func detect(_ bytes: [UInt8]) -> (encoding: Encoding, length: Int)? {
        let count = bytes.count
        if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0, count % 4 == 0 {
            return (.utf32(bigEndian: false), 4)
        }
        if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return (.utf32(bigEndian: true), 4)
        }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16(bigEndian: false), 2) }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16(bigEndian: true), 2) }
        return nil
    }
}

/// Signatures of binary files that teachers meet with a text extension.
enum BinarySignature {
    /// A short description ("it is a PDF"), or nil.
    static func detect(_ bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return "it is a zip archive, perhaps a .docx or .odt file renamed"
        }
        if starts(Array("%PDF-".utf8)) { return "it is a PDF" }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "it is an old-style Word .doc file or another Office file; save it as .docx"
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "it is a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "it is a JPEG image" }
        if starts(Array("GIF8".utf8)) { return "it is a GIF image" }
        if starts(Array("{\\rtf".utf8)) { return "it is an RTF document; save it as .docx or plain text" }
        return nil
    }
}
