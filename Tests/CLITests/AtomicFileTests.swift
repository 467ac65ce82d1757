import Foundation
import Testing
@testable import essay_grader

@Suite struct AtomicFileTests {
    @Test func aCompleteWriteReplacesTheOldFile() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nested/report.txt")
        try AtomicFile.write("old", to: file)
        try AtomicFile.write("new report", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["report.txt"])
    }

    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the report should go: the final rename must fail.
        let target = folder.appendingPathComponent("report.xml")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("data", to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.xml"])
    }
}
