import Foundation
import Testing
@testable import Ingest

@Suite struct TextDecodingTests {
    func read(_ bytes: [UInt8], _ name: String = "essay.txt") throws(IngestError) -> Essay {
        try EssayReader.read(bytes: bytes, format: .text, name: name)
    }

    @Test func utf8WithoutAndWithByteOrderMark() throws {
        let plain = try read(Array("Khrushchev’s reply\r\nwas sent.".utf8))
        #expect(plain.text == "Khrushchev’s reply\r\nwas sent.")
        #expect(plain.warnings.isEmpty)
        let marked = try read([0xEF, 0xBB, 0xBF] + Array("Café".utf8))
        #expect(marked.text == "Café")
        #expect(marked.warnings.isEmpty)
    }

    @Test func utf16WithByteOrderMarks() throws {
        let text = "Détente 🕊 began."
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try read(little).text == text)
        #expect(try read(big).text == text)
        #expect(try read(little).warnings.isEmpty)
    }

    @Test func utf16WithALoneSurrogateIsRepaired() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
        let essay = try read(bytes)
        #expect(essay.text == "A\u{FFFD}B")
        #expect(essay.warnings == ["invalid UTF-16 replaced at 1 place"])
    }

    @Test func utf16WithoutByteOrderMarkIsRecognised() throws {
        let bytes = Array("An essay in UTF-16.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let essay = try read(bytes)
        #expect(essay.text == "An essay in UTF-16.")
        #expect(essay.warnings == ["read as UTF-16LE (the file has no byte order mark)"])
    }

    @Test func utf32WithByteOrderMarks() throws {
        let text = "Kennedy ✓"
        let scalars = text.unicodeScalars.map(\.value)
        let little: [UInt8] = [0xFF, 0xFE, 0, 0] + scalars.flatMap { value in (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let big: [UInt8] = [0, 0, 0xFE, 0xFF] + scalars.flatMap { value in (0..<4).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) } }
        #expect(try read(little).text == text)
        #expect(try read(big).text == text)
    }

    @Test func windows1252IsDecodedWithAWarning() throws {
        // "The café’s “menu” – 5€" in Windows-1252.
        var bytes = Array("The caf".utf8) + [0xE9, 0x92] + Array("s ".utf8) + [0x93]
        bytes += Array("menu".utf8) + [0x94, 0x20, 0x96, 0x20, 0x35, 0x80]
        let essay = try read(bytes)
        #expect(essay.text == "The café’s “menu” – 5€")
        #expect(essay.warnings == ["not valid UTF-8; read as Windows-1252 (Latin-1)"])
    }

    @Test func mostlyValidUTF8KeepsItsCharactersAndCountsRepairs() throws {
        // Valid é, ’ and “ ” with two stray bytes (a lone continuation byte, a cut sequence).
        let bytes = Array("Café ’quoted’ “yes” ".utf8) + [0x80] + Array(" and ".utf8) + [0xE2, 0x80] + Array(" end".utf8)
        let essay = try read(bytes)
        #expect(essay.text == "Café ’quoted’ “yes” \u{FFFD} and \u{FFFD} end")
        #expect(essay.warnings == ["invalid UTF-8 replaced at 2 places"])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() throws {
        // C0 AF is an overlong "/", ED A0 80 an encoded surrogate: each byte is its own subpart.
        let bytes = Array("é é é é é é ".utf8) + [0xC0, 0xAF, 0x20, 0xED, 0xA0, 0x80]
        let essay = try read(bytes)
        #expect(essay.text == "é é é é é é \u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(essay.warnings == ["invalid UTF-8 replaced at 5 places"])
    }

    @Test func binaryFileNamedTxtIsRefused() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = ingestError { () throws(IngestError) in try read(noise, "notes.txt") }
        #expect(error?.description == "notes.txt: not a text file (it holds binary data)")
    }

    @Test func knownBinaryFormatsAreNamed() throws {
        let png = ingestError { () throws(IngestError) in try read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a.txt") }
        #expect(png?.reason == "not a text file (it is a PNG image)")
        let zipped = try DocxTests.docx()
        let docx = ingestError { () throws(IngestError) in try read(zipped, "a.txt") }
        #expect(docx?.reason == "not a text file (it is a zip archive, perhaps a .docx or .odt file renamed)")
        let pdf = ingestError { () throws(IngestError) in try read(Array("%PDF-1.4\n%âãÏÓ\n".utf8), "a.md") }
        #expect(pdf?.reason == "not a text file (it is a PDF)")
    }

    @Test func nulBytesInTextAreRemovedWithAWarning() throws {
        // Trailing NUL padding (left by a crash) and one stray NUL.
        let bytes = Array("The missiles\u{0}were removed.".utf8) + [UInt8](repeating: 0, count: 4096)
        let essay = try read(bytes)
        #expect(essay.text == "The missileswere removed.")
        #expect(essay.warnings == ["removed 4097 NUL characters"])
    }

    @Test func manyControlCharactersAreBinary() throws {
        let bytes = Array("abc".utf8) + [1, 2, 3, 4, 5] + Array(" some text here".utf8)
        let error = ingestError { () throws(IngestError) in try read(bytes) }
        #expect(error?.reason == "not a text file (it holds binary data)")
        // Tabs, form feeds and line breaks are text.
        #expect(try read(Array("a\tb\u{0C}c\r\nd\u{0B}".utf8)).text == "a\tb\u{0C}c\r\nd\u{0B}")
    }

    @Test func emptyFileIsAnEmptyEssay() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("empty.txt", [])
        let essay = try EssayReader.read(url)
        #expect(essay.text == "")
        #expect(essay.warnings.isEmpty)
        #expect(try read([0xEF, 0xBB, 0xBF]).text == "")
    }

    @Test func fileErrorsNameTheFile() throws {
        let folder = try TemporaryFolder()
        let missing = ingestError { () throws(IngestError) in try EssayReader.read(folder.url.appendingPathComponent("gone.txt")) }
        #expect(missing?.description == "gone.txt: no such file or folder")
        let directory = try folder.folder("dir.txt")
        let isFolder = ingestError { () throws(IngestError) in try EssayReader.read(directory) }
        #expect(isFolder?.description == "dir.txt: is a folder, not a file")
        let pdf = try folder.write("a.pdf", "x")
        let wrongType = ingestError { () throws(IngestError) in try EssayReader.read(pdf) }
        #expect(wrongType?.description == "a.pdf: not an essay format (.pdf)")
    }

    @Test func formatsFromExtensions() {
        #expect(EssayFormat(fileExtension: "TXT") == .text)
        #expect(EssayFormat(fileExtension: "text") == .text)
        #expect(EssayFormat(fileExtension: "Md") == .markdown)
        #expect(EssayFormat(fileExtension: "markdown") == .markdown)
        #expect(EssayFormat(fileExtension: "DOCX") == .docx)
        #expect(EssayFormat(fileExtension: "odt") == .odt)
        #expect(EssayFormat(fileExtension: "htm") == .html)
        #expect(EssayFormat(fileExtension: "HTML") == .html)
        #expect(EssayFormat(fileExtension: "pdf") == nil)
        #expect(EssayFormat(fileExtension: "doc") == nil)
        #expect(EssayFormat(fileExtension: "") == nil)
    }
}
