import Foundation
import Testing

@Suite struct RubricCommandTests {
    @Test func validatingTheBundledSetPrintsWhatItChecked() throws {
        let result = try EssayGraderCommand.run(["rubric", "validate"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("ok  "))
        #expect(result.standardOutput.contains(
            "valid: rubric set 'cuban-missile-crisis': 4 questions, 24 points, 20 slips"))
    }

    @Test func validatingFromAnotherFolderFindsTheBundledSet() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EssayGraderCommand.run(["rubric", "validate"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aBrokenSetListsEachProblemAsFileLineColumnAndExitsTwo() throws {
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = folder.appendingPathComponent("set")
        try FileManager.default.copyItem(at: EssayGraderCommand.repository.appendingPathComponent("Rubrics/examples/photosynthesis"), to: set)
        let rubric = set.appendingPathComponent("process.xml")
        var text = try String(contentsOf: rubric, encoding: .utf8)
        text = text.replacingOccurrences(of: "kind=\"core\">", with: "kind=\"central\">")
        text = text.replacingOccurrences(of: "<concept ref=\"light\"/>", with: "<concept ref=\"lamp\"/>")
        try text.write(to: rubric, atomically: true, encoding: .utf8)
        let result = try EssayGraderCommand.run(["rubric", "validate", set.path])
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.range(of: #"process\.xml:\d+:\d+: .*central"#, options: .regularExpression) != nil }, "\(lines)")
        #expect(lines.last?.hasSuffix("problem(s) in 5 file(s)") == true)
    }

    @Test func runningTheExamplesOfASetPassesOrNamesEachFailure() throws {
        let passing = try EssayGraderCommand.run(["rubric", "test", "Rubrics/examples/photosynthesis"])
        #expect(passing.status == 0, "\(passing.standardOutput)")
        #expect(passing.standardOutput.contains("all passed"))

        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = folder.appendingPathComponent("set")
        try FileManager.default.copyItem(at: EssayGraderCommand.repository.appendingPathComponent("Rubrics/examples/photosynthesis"), to: set)
        let rubric = set.appendingPathComponent("process.xml")
        let text = try String(contentsOf: rubric, encoding: .utf8)
            .replacingOccurrences(of: "<counterexample>Light travels faster than sound.</counterexample>",
                                  with: "<counterexample>The leaves capture sunlight.</counterexample>")
        try text.write(to: rubric, atomically: true, encoding: .utf8)
        let failing = try EssayGraderCommand.run(["rubric", "test", set.path])
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("process.xml:"))
        #expect(failing.standardOutput.contains("point process.needs-light: should not match \"The leaves capture sunlight.\""))
    }

    @Test func aUsageErrorExitsTwo() throws {
        let result = try EssayGraderCommand.run(["rubric", "validate", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no-such-option"))
    }

    @Test func helpExitsZero() throws {
        let result = try EssayGraderCommand.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: essay-grader"))
    }
}
