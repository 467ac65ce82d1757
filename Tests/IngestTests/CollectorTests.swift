import Foundation
import Testing
@testable import Ingest

@Suite struct CollectorTests {
    /// A class folder as teachers download it.
    func classFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("class/period2/smith.docx", try DocxTests.docx())
        try folder.write("class/period2/jones.odt", try OdtTests.odt())
        try folder.write("class/period2/notes.pdf", "%PDF-1.4")
        try folder.write("class/period1/Zed.TXT", "z")
        try folder.write("class/period1/adams.md", "# A")
        try folder.write("class/period1/b.htm", "<p>b</p>")
        try folder.write("class/README", "no extension")
        try folder.write("class/a.html", "<p>a</p>")
        try folder.write("class/period1/deep/er/essay.text", "deep")
        // Ignored silently.
        try folder.write("class/.hidden.txt", "hidden")
        try folder.write("class/.git/config.txt", "hidden folder")
        try folder.write("class/__MACOSX/period2/._smith.docx", "junk")
        try folder.write("class/period2/.DS_Store", "junk")
        try folder.write("class/period2/Thumbs.db", "junk")
        try folder.write("class/period2/~$smith.docx", "lock")
        return folder
    }

    @Test func walksFoldersInByteOrderWithRelativeNames() throws {
        let folder = try classFolder()
        let collection = EssayCollector.collect([folder.url.appendingPathComponent("class")])
        #expect(collection.files.map(\.displayName) == [
            "a.html", "period1/Zed.TXT", "period1/adams.md", "period1/b.htm", "period1/deep/er/essay.text",
            "period2/jones.odt", "period2/smith.docx",
        ])
        #expect(collection.files.map(\.format) == [.html, .text, .markdown, .html, .text, .odt, .docx])
        #expect(collection.files[0].url.path == folder.url.appendingPathComponent("class/a.html").path)
        #expect(collection.skipped.map(\.displayName) == ["README", "period2/notes.pdf"])
        #expect(collection.skipped.map(\.reason) == ["not an essay format (no file extension)", "not an essay format (.pdf)"])
        #expect(collection.errors.isEmpty)
        // The same walk twice gives the same collection.
        #expect(EssayCollector.collect([folder.url.appendingPathComponent("class")]) == collection)
    }

    @Test func filesGivenDirectlyKeepTheirOwnNames() throws {
        let folder = try classFolder()
        let collection = EssayCollector.collect([
            folder.url.appendingPathComponent("class/period2/smith.docx"),
            folder.url.appendingPathComponent("class/period2/notes.pdf"),
            folder.url.appendingPathComponent("class/.hidden.txt"),
            folder.url.appendingPathComponent("class/period2/~$smith.docx"),
            folder.url.appendingPathComponent("class/missing.txt"),
        ])
        #expect(collection.files.map(\.displayName) == ["smith.docx", ".hidden.txt"])
        #expect(collection.skipped.map(\.reason) == ["not an essay format (.pdf)", "an Office lock file, not an essay"])
        #expect(collection.errors.count == 1)
        #expect(collection.errors.first?.reason == "no such file or folder")
        #expect(collection.errors.first?.file.hasSuffix("class/missing.txt") == true)
    }

    @Test func symlinkLoopIsReportedOnceWithoutHanging() throws {
        let folder = try classFolder()
        try folder.link("class/period1/loop", to: "..")
        try folder.link("class/period2/self", to: ".")
        let collection = EssayCollector.collect([folder.url.appendingPathComponent("class")])
        #expect(collection.files.count == 7)
        #expect(collection.errors.map(\.file) == ["period1/loop", "period2/self"])
        #expect(collection.errors.first?.reason == "a symbolic link loop (it leads back to the folder given); not followed")
        #expect(collection.errors.last?.reason == "a symbolic link loop (it leads back to period2); not followed")
    }

    @Test func symlinksToFilesAndOutsideFoldersAreFollowed() throws {
        let folder = try classFolder()
        try folder.write("elsewhere/late/extra.txt", "late work")
        try folder.link("class/late", to: folder.url.appendingPathComponent("elsewhere/late").path)
        try folder.link("class/period1/linked.md", to: folder.url.appendingPathComponent("elsewhere/late/extra.txt").path)
        try folder.link("class/period1/again.docx", to: "../period2/smith.docx")
        try folder.link("class/period1/inner", to: "../period2")
        try folder.link("class/period1/broken.txt", to: "nowhere.txt")
        try folder.link("class/period1/broken.jpg", to: "nowhere.jpg")
        let collection = EssayCollector.collect([folder.url.appendingPathComponent("class")])
        #expect(collection.files.map(\.displayName) == [
            "a.html", "late/extra.txt", "period1/Zed.TXT", "period1/adams.md", "period1/b.htm", "period1/deep/er/essay.text",
            "period2/jones.odt", "period2/smith.docx",
        ])
        let reasons = Dictionary(uniqueKeysWithValues: collection.skipped.map { ($0.displayName, $0.reason) })
        // "period1/again.docx" sorts first, but the file's own path wins over a link to it.
        #expect(reasons["period1/again.docx"] == "the same file as period2/smith.docx")
        #expect(reasons["period1/linked.md"] == "the same file as late/extra.txt")
        #expect(reasons["period1/inner"] == "a link to period2, read through its own path")
        #expect(reasons["period1/broken.jpg"] == "a symbolic link to a missing file")
        #expect(collection.errors.map(\.description) == ["period1/broken.txt: a symbolic link to a missing file"])
    }

    @Test func duplicatePathsToOneFileAreReadOnce() throws {
        let folder = try classFolder()
        let smith = folder.url.appendingPathComponent("class/period2/smith.docx")
        let collection = EssayCollector.collect([smith, folder.url.appendingPathComponent("class/period2")])
        #expect(collection.files.map(\.displayName) == ["smith.docx", "jones.odt"])
        #expect(collection.skipped.contains { $0.displayName == "smith.docx" && $0.reason == "the same file as smith.docx" })
    }

    /// Root reads any folder, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0, "root can read folders without permission"))
    func unreadableFolderIsAnError() throws {
        let folder = try classFolder()
        let locked = folder.url.appendingPathComponent("class/period2")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let collection = EssayCollector.collect([folder.url.appendingPathComponent("class")])
        #expect(collection.errors.map(\.description) == ["period2: cannot read the folder (permission denied)"])
        #expect(collection.files.count == 5)
    }

    @Test func emptyArgumentsAndEmptyFolders() throws {
        #expect(EssayCollector.collect([]) == EssayCollection())
        let folder = try TemporaryFolder()
        _ = try folder.folder("empty")
        #expect(EssayCollector.collect([folder.url.appendingPathComponent("empty")]) == EssayCollection())
    }

    @Test func collectedFilesCanAllBeRead() throws {
        let folder = try classFolder()
        let collection = EssayCollector.collect([folder.url.appendingPathComponent("class")])
        let essays = try collection.files.map { file throws(IngestError) in try EssayReader.read(file.url, displayName: file.displayName) }
        #expect(essays.map(\.name) == collection.files.map(\.displayName))
        #expect(essays.map(\.text) == ["a", "z", "# A", "b", "deep", try OdtTests.expectedText(), try DocxTests.expectedText()])
    }
}
