import Foundation
import Testing
@testable import Ingest

/// Damaged archives, missing parts, zip bombs, entity declarations.
@Suite struct ZipSafetyTests {
    @Test func randomBytesAreNotAZip() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let folder = try TemporaryFolder()
        let url = try folder.write("period2/smith.docx", bytes)
        let error = ingestError { () throws(IngestError) in try EssayReader.read(url, displayName: "period2/smith.docx") }
        #expect(error?.description == "period2/smith.docx: not a .docx file (not a zip archive)")
    }

    @Test func otherFilesNamedDocxAreNamed() {
        let pdf = ingestError { () throws(IngestError) in try EssayReader.read(bytes: Array("%PDF-1.7\n...".utf8), format: .docx, name: "a.docx") }
        #expect(pdf?.reason == "not a .docx file (it is a PDF)")
        let doc = ingestError { () throws(IngestError) in
            try EssayReader.read(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600), format: .docx, name: "a.docx")
        }
        #expect(doc?.reason.hasPrefix("not a .docx file (it is an old-style Word .doc file") == true)
        let empty = ingestError { () throws(IngestError) in try EssayReader.read(bytes: [], format: .odt, name: "a.odt") }
        #expect(empty?.description == "a.odt: not a .odt file (the file is empty)")
    }

    @Test func zipWithoutDocumentIsRefused() throws {
        let bytes = try makeZip([("[Content_Types].xml", DocxTests.contentTypes), ("word/styles.xml", "<x/>")])
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx") }
        #expect(error?.description == "a.docx: not a .docx file (no word/document.xml in the archive)")
        let odt = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .odt, name: "a.odt") }
        #expect(odt?.description == "a.odt: not an .odt file (no content.xml in the archive)")
    }

    @Test func truncatedArchiveIsDamaged() throws {
        let bytes = try DocxTests.docx()
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 30] {
            let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: Array(bytes[..<cut]), format: .docx, name: "a.docx") }
            #expect(error != nil)
        }
    }

    @Test func flippedBytesNeverCrashOrHang() throws {
        let original = try DocxTests.docx()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? EssayReader.read(bytes: bytes, format: .docx, name: "a.docx")
        }
    }

    /// 8 MiB of spaces inside an otherwise valid document.xml: deflates to a few KiB.
    static func bomb() throws -> [UInt8] {
        let filler = String(repeating: " ", count: 8 << 20)
        return try makeZip([("word/document.xml", DocxTests.document("<w:p><w:r><w:t>x</w:t></w:r></w:p>\(filler)"))])
    }

    @Test func declaredSizeOverTheLimitIsRefusedBeforeInflating() throws {
        let bytes = try Self.bomb()
        #expect(bytes.count < 64 << 10)
        let limits = IngestLimits(maxUncompressedBytes: 1 << 20)
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "bomb.docx", limits: limits) }
        #expect(error?.description == "bomb.docx: word/document.xml is too large uncompressed (8 MB; the limit is 1 MB)")

        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        do {
            _ = try archive.read(entry, limits: limits)
            Issue.record("the bomb was read")
        } catch {
            #expect(error.inflatedBytes == 0)
        }
    }

    /// The same bomb with its sizes rewritten to claim 1,000 bytes.
    static func lyingBomb() throws -> [UInt8] {
        var bytes = try bomb()
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let small: [UInt8] = [0xE8, 0x03, 0x00, 0x00]  // 1000, little-endian
        // Central directory record: uncompressed size at offset 24.
        var position = 0
        var patched = 0
        while position + 46 <= bytes.count {
            if bytes[position..<position + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                let nameLength = Int(bytes[position + 28]) | Int(bytes[position + 29]) << 8
                if String(decoding: bytes[position + 46..<position + 46 + nameLength], as: UTF8.self) == entry.name {
                    bytes.replaceSubrange(position + 24..<position + 28, with: small)
                    patched += 1
                }
            }
            position += 1
        }
        let local = Int(entry.localHeaderOffset)
        bytes.replaceSubrange(local + 22..<local + 26, with: small)
        #expect(patched == 1)
        return bytes
    }

    @Test func entryLyingAboutItsSizeStopsAtTheDeclaredSize() throws {
        let bytes = try Self.lyingBomb()
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        #expect(entry.uncompressedSize == 1000)
        let started = Date()
        do {
            _ = try archive.read(entry, limits: IngestLimits())
            Issue.record("the lying bomb was read")
        } catch {
            #expect(error.reason == "word/document.xml inflates to more than the 1000 bytes it declares (damaged, or a zip bomb)")
            #expect(error.inflatedBytes <= 1000)
        }
        #expect(Date().timeIntervalSince(started) < 2)
        let failure = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "bomb.docx") }
        #expect(failure?.reason.contains("zip bomb") == true)
    }

    @Test func compressionRatioGuard() throws {
        let bytes = try Self.bomb()
        let limits = IngestLimits(maxCompressionRatio: 50)
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "bomb.docx", limits: limits) }
        #expect(error?.reason.hasPrefix("word/document.xml is compressed suspiciously well") == true)
        // With the default guard (500 to 1) this one, about 1000 to 1, is refused too.
        let byDefault = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "bomb.docx") }
        #expect(byDefault?.reason.hasPrefix("word/document.xml is compressed suspiciously well") == true)
        // Small entries are never refused for their ratio.
        let small = try makeZip([("word/document.xml", DocxTests.document("<w:p><w:r><w:t>x</w:t></w:r></w:p>" + String(repeating: " ", count: 500_000)))])
        #expect(try EssayReader.read(bytes: small, format: .docx, name: "small.docx").text == "x")
    }

    @Test func ratioIsAlsoCheckedWhileInflating() throws {
        // Declares a plausible size but inflates far better than the limit allows.
        let bytes = try Self.bomb()
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let start: Int = Int(entry.localHeaderOffset) + 30 + entry.name.utf8.count
        let compressed: [UInt8] = Array(bytes[start..<start + Int(entry.compressedSize)])
        let limits = IngestLimits(maxCompressionRatio: 10, ratioCheckFloor: 100_000)
        do {
            _ = try ZipInflater.inflate(compressed[...], declaredSize: Int(entry.uncompressedSize), name: "e", limits: limits)
            Issue.record("inflated past the ratio")
        } catch {
            #expect(error.reason == "e is compressed suspiciously well (more than 10 to 1; a zip bomb?)")
            #expect(error.inflatedBytes < 200_000)
        }
    }

    @Test func truncatedDeflateStreamEndsWithAnError() throws {
        let bytes = try Self.bomb()
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let start = Int(entry.localHeaderOffset) + 30 + entry.name.utf8.count
        let cut = Array(bytes[start..<start + Int(entry.compressedSize) / 2])
        do {
            _ = try ZipInflater.inflate(cut[...], declaredSize: Int(entry.uncompressedSize), name: "e", limits: IngestLimits(maxCompressionRatio: 0))
            Issue.record("a truncated stream inflated")
        } catch {
            #expect(error.reason.hasPrefix("damaged zip archive (e "))
        }
    }

    /// A deflated entry whose stream (a stored block claiming 65,535 bytes) runs past its
    /// data: ZIPFoundation 0.9.20's own extract spins forever on this on Linux.
    @Test func deflateStreamRunningPastItsDataEndsWithAnError() throws {
        var bytes = try makeZip([("word/document.xml", "hello")], method: .none)
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        let local = Int(entry.localHeaderOffset)
        let dataStart = local + 30 + entry.name.utf8.count
        bytes.replaceSubrange(dataStart..<dataStart + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        bytes[local + 8] = 8
        let record = try #require((0..<bytes.count - 4).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        bytes[record + 10] = 8
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx") }
        #expect(error?.reason == "damaged zip archive (word/document.xml is cut short)")
    }

    /// A ZIP64 extra field giving a local header offset past Int64.max: ZIPFoundation
    /// 0.9.20's Archive traps on this while listing entries.
    @Test func hugeZIP64OffsetIsDamagedNotACrash() throws {
        var bytes = try makeZip([("word/document.xml", "hello")], method: .none)
        let record = try #require((0..<bytes.count - 4).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        let nameLength = Int(bytes[record + 28]) | Int(bytes[record + 29]) << 8
        let extraLength = Int(bytes[record + 30]) | Int(bytes[record + 31]) << 8
        bytes.replaceSubrange(record + 42..<record + 46, with: [0xFF, 0xFF, 0xFF, 0xFF])
        let extra: [UInt8] = [0x01, 0x00, 0x08, 0x00] + [UInt8](repeating: 0xFF, count: 8)
        bytes.insert(contentsOf: extra, at: record + 46 + nameLength + extraLength)
        bytes[record + 30] = UInt8((extraLength + extra.count) & 0xFF)
        bytes[record + 31] = UInt8((extraLength + extra.count) >> 8)
        let end = try #require((0..<bytes.count - 4).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]) })
        let size = (Int(bytes[end + 12]) | Int(bytes[end + 13]) << 8) + extra.count
        bytes[end + 12] = UInt8(size & 0xFF)
        bytes[end + 13] = UInt8(size >> 8)
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx") }
        #expect(error?.reason == "damaged zip archive (an entry lies outside the file)")
    }

    @Test func entityDeclarationsAreRefused() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
            <w:document \(DocxTests.w)><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """
        let bytes = try makeZip([("word/document.xml", document)])
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "lol.docx") }
        #expect(error?.description.hasPrefix("lol.docx: word/document.xml is not readable XML (line 2: entity declarations are not allowed") == true)
        let odt = try makeZip([("content.xml", document)])
        let odtError = ingestError { () throws(IngestError) in try EssayReader.read(bytes: odt, format: .odt, name: "lol.odt") }
        #expect(odtError?.reason.hasPrefix("content.xml is not readable XML (line 2: entity declarations are not allowed") == true)
    }

    @Test func deeplyNestedXMLIsRefusedNotACrash() throws {
        let depth = 100_000
        let document = "<w:document \(DocxTests.w)><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: depth)
            + String(repeating: "</w:sdtContent></w:sdt>", count: depth) + "</w:body></w:document>"
        let bytes = try makeZip([("word/document.xml", document)])
        let limits = IngestLimits(maxCompressionRatio: 0)
        let error = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "deep.docx", limits: limits) }
        #expect(error?.reason.hasPrefix("word/document.xml is not readable XML") == true)
    }

    @Test func encryptedAndUnknownMethodsAreRefused() throws {
        var bytes = try makeZip([("word/document.xml", DocxTests.document(""))])
        let archive = try ZipArchive(bytes: bytes)
        let entry = try #require(archive.entry(named: "word/document.xml"))
        // Find the central directory record and set its flags (offset 8) and method (offset 10).
        let record = try #require((0..<bytes.count - 4).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        bytes[record + 8] |= 1
        let encrypted = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx") }
        #expect(encrypted?.reason == "password-protected (word/document.xml is encrypted)")
        bytes[record + 8] &= ~1
        bytes[record + 10] = 14  // LZMA
        let lzma = ingestError { () throws(IngestError) in try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx") }
        #expect(lzma?.reason == "word/document.xml uses a compression method this reader does not know (14)")
        #expect(entry.method == 8)
    }

    @Test func bytesPrependedToTheArchiveAreTolerated() throws {
        let bytes = Array("MZ-stub".utf8) + (try DocxTests.docx())
        #expect(try EssayReader.read(bytes: bytes, format: .docx, name: "a.docx").author == "Ana López")
    }

    @Test func fileOverTheLimitIsRefusedBeforeReading() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("big.txt", String(repeating: "word ", count: 1000))
        let error = ingestError { () throws(IngestError) in try EssayReader.read(url, limits: IngestLimits(maxFileBytes: 1000)) }
        #expect(error?.description == "big.txt: too large (4 KB; the limit is 1000 bytes)")
    }
}
