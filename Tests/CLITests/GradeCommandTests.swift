import BundledRubrics
import Foundation
import Testing
import XMLSupport

@Suite struct GradeCommandTests {
    static let fixtures = EssayGraderCommand.repository.appendingPathComponent("Tests/CLITests/Fixtures/class")

    /// Every file under `folder`, relative, sorted.
    func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { names.append(name) }
        }
        return names.sorted()
    }

    @Test func aMixedClassFolderGradesInOneCommand() throws {
        let output = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try EssayGraderCommand.run(["grade", Self.fixtures.path, "--format", "xml", "--format", "html",
                                                 "--output", output.path])
        #expect(result.status == 1, "the corrupt .docx makes it 1")
        #expect(result.standardError.contains("error: broken.docx: not a .docx file"))
        #expect(result.standardError.contains("note: skipped notes.pdf"))
        let stems = ["ana", "ben", "chloe", "dan", "eve", "period2/ben"]
        #expect(files(in: output) == (stems.flatMap { [$0 + ".html", $0 + ".xml"] } + ["summary.csv", "summary.html"]).sorted())

        let schema = try XMLSchema(file: BundledRubrics.schemaDirectory.appendingPathComponent("report.xsd"))
        for stem in stems {
            let report = try ParsedXML.parse(file: output.appendingPathComponent(stem + ".xml"))
            #expect(report.validate(against: schema).isEmpty, "\(stem).xml")
            _ = try ParsedXML.parse(file: output.appendingPathComponent(stem + ".html"))
        }
        let ana = try ParsedXML.parse(file: output.appendingPathComponent("ana.xml")).root
        #expect(ana.elements(named: "slip").map { $0[attribute: "id"] } == ["mcnamara-title"])
        #expect(!(try String(contentsOf: output.appendingPathComponent("ana.html"), encoding: .utf8)).contains("FOOTNOTE"))

        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }.prefix(6) == ["file", "student", "id", "score", "max", "percentage"])
        #expect(rows.count == 7)
        #expect(rows[1].prefix(2) == ["ana.docx", "Ana López"], "the student's name comes from the document")
        #expect(rows.dropFirst().map { $0[0] } == ["ana.docx", "ben.odt", "chloe.md", "dan.html", "eve.txt", "period2/ben.txt"])

        let summary = try ParsedXML.parse(file: output.appendingPathComponent("summary.html")).root
        #expect(summary.text.contains("Score distribution"))
        #expect(!files(in: output).contains { $0.hasSuffix(".tmp") }, "no temporary file is left behind")
    }

    @Test func withoutAnOutputFolderReportsPrintInInputOrder() throws {
        let result = try EssayGraderCommand.run(["grade", "Samples/short-weak.txt", "Samples/the-fallout.txt",
                                                 "Samples/esl-writer.txt", "--jobs", "3"])
        #expect(result.status == 0)
        let essays = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Essay: ") }
        #expect(essays == ["Essay: short-weak.txt", "Essay: the-fallout.txt", "Essay: esl-writer.txt"])
    }

    @Test func theSameRunGivesTheSameReportsWhateverTheJobs() throws {
        let one = try EssayGraderCommand.temporaryFolder(), many = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: many) }
        _ = try EssayGraderCommand.run(["grade", "Samples", "--format", "json", "--output", one.path, "--jobs", "1"])
        _ = try EssayGraderCommand.run(["grade", "Samples", "--format", "json", "--output", many.path, "--jobs", "4"])
        #expect(files(in: one) == files(in: many))
        for name in files(in: one) where name.hasSuffix(".json") || name == "summary.csv" {
            #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: many.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func anOutputPathThatIsAFileIsAUsageError() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out")
        try Data("x".utf8).write(to: file)
        let result = try EssayGraderCommand.run(["grade", "Samples/short-weak.txt", "--output", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("is a file, not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test func aFailedRerunLeavesTheOldReportIntact() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let essays = folder.appendingPathComponent("essays"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: essays, withIntermediateDirectories: true)
        let essay = essays.appendingPathComponent("kim.docx")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("ana.docx"), to: essay)
        #expect(try EssayGraderCommand.run(["grade", essays.path, "--format", "xml", "--output", output.path]).status == 0)
        let report = output.appendingPathComponent("kim.xml")
        let first = try Data(contentsOf: report)

        try Data("PK not a zip".utf8).write(to: essay)
        let rerun = try EssayGraderCommand.run(["grade", essays.path, "--format", "xml", "--output", output.path])
        #expect(rerun.status == 1)
        #expect(try Data(contentsOf: report) == first, "the old report is replaced only by a complete new one")
    }

    @Test func essaysThatShareANameInOneFolderKeepTheirExtensions() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let essays = folder.appendingPathComponent("essays"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: essays, withIntermediateDirectories: true)
        try Data("The crisis ended peacefully.".utf8).write(to: essays.appendingPathComponent("sam.txt"))
        try Data("# Essay\n\nThe Soviets removed the missiles.".utf8).write(to: essays.appendingPathComponent("sam.md"))
        #expect(try EssayGraderCommand.run(["grade", essays.path, "--format", "xml", "--output", output.path]).status == 0)
        #expect(files(in: output) == ["sam.md.xml", "sam.txt.xml", "summary.csv", "summary.html"])
    }

    @Test func nothingToGradeIsAnError() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EssayGraderCommand.run(["grade", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no essays to grade"))
    }
}
