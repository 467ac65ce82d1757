import Foundation
import Testing
import XMLSupport

/// What happens to reports when a run is interrupted, the disk fills up or the
/// destination cannot be written: never a half-written report, always a clear error.
@Suite(.serialized) struct OutputSafetyTests {
    /// A folder of `count` small essays.
    func essays(_ count: Int, in folder: URL) throws -> URL {
        let essays = folder.appendingPathComponent("essays")
        try FileManager.default.createDirectory(at: essays, withIntermediateDirectories: true)
        let text = try String(contentsOf: EssayGraderCommand.repository.appendingPathComponent("Samples/short-weak.txt"), encoding: .utf8)
        for index in 0..<count {
            try text.write(to: essays.appendingPathComponent("essay-\(index).txt"), atomically: false, encoding: .utf8)
        }
        return essays
    }

    func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func anInterruptedRunLeavesOnlyCompleteReportsAndARerunFinishes() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let essays = try essays(1000, in: folder), output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = EssayGraderCommand.executable
        process.arguments = ["grade", essays.path, "--format", "xml", "--output", output.path, "--jobs", "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Interrupt once some reports exist.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, files(in: output).filter({ $0.hasSuffix(".xml") }).count < 5 { usleep(20_000) }
        process.interrupt()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("interrupted after"))
        let written = files(in: output)
        #expect(!written.contains { $0.hasSuffix(".tmp") })
        #expect(!written.contains("summary.csv"))
        #expect(written.count < 1000)
        for report in written {
            #expect((try? ParsedXML.parse(file: output.appendingPathComponent(report))) != nil, "\(report) is complete XML")
        }
        let rerun = try EssayGraderCommand.run(["grade", essays.path, "--format", "xml", "--output", output.path, "--quiet"])
        #expect(rerun.status == 0)
        #expect(files(in: output).filter { $0.hasSuffix(".xml") }.count == 1000)
    }

    @Test func aKilledRunsTemporaryFilesAreCleanedUpNextTime() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let essays = try essays(2, in: folder), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // pid_max on Linux is at most 4194304: this process cannot exist.
        let leftover = output.appendingPathComponent(".essay-0.xml.essay-grader-99999999-42.tmp")
        let someoneElses = output.appendingPathComponent(".notes.tmp")
        try Data("half".utf8).write(to: leftover)
        try Data("keep".utf8).write(to: someoneElses)
        #expect(try EssayGraderCommand.run(["grade", essays.path, "--format", "xml", "--output", output.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: someoneElses.path))
    }

    @Test func aFullDiskGivesAClearErrorAndNoPartialReport() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let essays = try essays(3, in: folder), output = folder.appendingPathComponent("out")
        // A file-size limit of 1 block makes every report write fail, as a full disk would.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "ulimit -f 1; exec \"$0\" grade \"$1\" --format xml --output \"$2\"",
                           EssayGraderCommand.executable.path, essays.path, output.path]
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 1, "\(message)")
        #expect(message.contains("cannot write"))
        #expect(message.contains("essay-0.xml"))
        // Only the header of summary.csv fits under the limit: no essay has a report, so
        // none has a row, and no report or temporary file is left.
        #expect(files(in: output) == ["summary.csv"], "no report, no temporary file: \(files(in: output))")
        let summary = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(whereSeparator: \.isNewline).count == 1)
        #expect(message.contains("graded 0 of 3 essays"))
    }

    @Test func anUnwritableDestinationIsAUsageError() throws {
        let result = try EssayGraderCommand.run(["grade", "Samples/short-weak.txt", "--output", "/proc/essay-grader-reports"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot create the output folder /proc/essay-grader-reports"))
    }
}
