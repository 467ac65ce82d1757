import BundledRubrics
import Foundation
import Testing
import XMLSupport

@Suite struct CheckCommandTests {
    @Test func aStudentSeesPointsHintsAndSlipsWithCorrections() throws {
        let result = try EssayGraderCommand.run(["check", "Samples/the-fallout.txt"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        #expect(text.hasPrefix("Essay: the-fallout.txt\n"))
        #expect(text.contains("✓ The USSR dismantled and removed its missiles from Cuba"))
        #expect(text.contains("To do: "))
        #expect(text.contains("✗ error (sentence 11): “Secretary of state, Robert McNamara”"))
        #expect(text.contains("Correction: Robert McNamara was Kennedy's Secretary of Defense"))
        #expect(text.contains("phone line"))
        #expect(!text.contains("outright shot"), "a negated claim must never be flagged")
        #expect(!text.contains("\u{1B}["), "no colour when standard output is not a terminal")
    }

    @Test func colourCanBeForced() throws {
        let result = try EssayGraderCommand.run(["check", "Samples/short-weak.txt", "--color", "always"])
        #expect(result.standardOutput.contains("\u{1B}["))
    }

    @Test func theXMLReportValidatesAgainstItsSchema() throws {
        let result = try EssayGraderCommand.run(["check", "Samples/the-fallout.txt", "--format", "xml"])
        #expect(result.status == 0)
        let document = try ParsedXML.parse(string: result.standardOutput, name: "report.xml")
        let schema = try XMLSchema(file: BundledRubrics.schemaDirectory.appendingPathComponent("report.xsd"))
        #expect(document.validate(against: schema).isEmpty)
        #expect(document.root[attribute: "essay"] == "the-fallout.txt")
        let slips = document.root.elements(named: "slip").compactMap { $0[attribute: "id"] }
        #expect(Set(slips) == ["mcnamara-title", "hotline-telephone", "no-invasion-pledge-formal", "sino-soviet-split-origin"])
    }

    @Test func jsonAndStandardInput() throws {
        let essay = Data("The Soviets removed their missiles from Cuba.".utf8)
        let result = try EssayGraderCommand.run(["check", "-", "--format", "json"], input: essay)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["essay"] as? String == "stdin")
        let questions = object?["questions"] as? [[String: Any]]
        let points = questions?.flatMap { ($0["points"] as? [[String: Any]]) ?? [] } ?? []
        #expect(points.contains { $0["id"] as? String == "outcome.soviet-withdrawal" && $0["status"] as? String == "met" })
    }

    @Test func aMissingOrBinaryFileIsNamedAndExitsOne() throws {
        let missing = try EssayGraderCommand.run(["check", "no-such-essay.txt"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("no-such-essay.txt"))
        let folder = try EssayGraderCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("image.txt")
        try Data((0..<2048).map { UInt8($0 % 256) }).write(to: binary)
        let result = try EssayGraderCommand.run(["check", binary.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("image.txt"))
        #expect(result.standardError.contains("not a text file"))
    }

    @Test func anotherRubricSetIsUsedWithoutACodeChange() throws {
        let essay = Data("The leaves capture sunlight and make glucose from carbon dioxide. Leaves absorb oxygen to make sugar.".utf8)
        let result = try EssayGraderCommand.run(["check", "-", "--rubrics", "Rubrics/examples/photosynthesis"], input: essay)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Rubric: How plants make their food"))
        #expect(result.standardOutput.contains("✓ Photosynthesis needs light energy."))
        #expect(result.standardOutput.contains("Plants take in carbon dioxide for photosynthesis, not oxygen."))
    }
}
