import BundledRubrics
import Foundation
import Testing
@testable import Grading
import Rubrics

/// Floors on the grader's agreement with the labelled essays in Samples/. They may
/// be raised as the grader improves, never lowered to go green.
@Suite struct SampleEvaluationTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    static func labelledSamples() throws -> [(name: String, text: String, labels: EssayLabels)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".labels") }.sorted()
        return try names.map { name in
            let stem = String(name.dropLast(".labels".count))
            let text = try String(contentsOf: samples.appendingPathComponent(stem + ".txt"), encoding: .utf8)
            let labels = try EssayLabels(parsing: try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8))
            return (stem + ".txt", text, labels)
        }
    }

    static let result: Result<EvaluationResult, Error> = Result {
        let grader = try Grader(try RubricSetLoader().load(BundledRubrics.defaultSet))
        return GradingEvaluation.evaluate(grader, essays: try labelledSamples())
    }

    @Test func thereAreEnoughLabelledSamples() throws {
        #expect(try Self.labelledSamples().count >= 25)
    }

    @Test func pointsF1StaysAboveItsFloor() throws {
        let result = try Self.result.get()
        #expect(result.unknownLabels.isEmpty, "labels name unknown ids: \(result.unknownLabels)")
        #expect(result.points.f1 >= 0.95, "points: P \(result.points.precision) R \(result.points.recall) F1 \(result.points.f1)")
        #expect(result.points.precision >= 0.95)
    }

    @Test func slipPrecisionAndRecallStayAboveTheirFloors() throws {
        let result = try Self.result.get()
        #expect(result.slips.precision >= 0.95, "slips: P \(result.slips.precision) R \(result.slips.recall)")
        #expect(result.slips.recall >= 0.85, "slips: P \(result.slips.precision) R \(result.slips.recall)")
    }

    /// traps.txt is full of correct and negated facts that look like slips, and has one real one.
    @Test func theTrapsEssayGetsExactlyItsOneRealSlip() throws {
        let grader = try Grader(try RubricSetLoader().load(BundledRubrics.defaultSet))
        let text = try String(contentsOf: Self.samples.appendingPathComponent("traps.txt"), encoding: .utf8)
        let report = grader.makeSession().grade(text, essay: "traps.txt")
        #expect(report.slips.map(\.id) == ["bay-of-pigs-year"])
        #expect(report.slips.first?.evidence.text.contains("1962") == true)
    }
}
