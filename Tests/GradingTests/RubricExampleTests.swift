import BundledRubrics
import Foundation
import Testing
@testable import Grading
import Rubrics

/// One generic test runs every example of a rubric set, as written and with noise,
/// like LanguageTool's rule test: the rubrics prove themselves.
@Suite struct RubricExampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["bundled", "Rubrics/examples/photosynthesis"])
    func everyExamplePasses(set name: String) throws {
        let url = name == "bundled" ? BundledRubrics.defaultSet : Self.repository.appendingPathComponent(name)
        let grader = try Grader(try RubricSetLoader().load(url))
        let report = RuleExampleRunner.run(grader)
        #expect(report.examples > 0)
        #expect(report.runs == report.examples * NoiseVariant.allCases.count)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.description).joined(separator: "\n"))")
    }

    /// The runner itself must fail a wrong example: mark the wrong span, and expect
    /// a counterexample that matches.
    @Test func theRunnerCatchesAWrongMarkAndAMatchingCounterexample() throws {
        let rubric = try InlineRubric(points: """
            <point id="p" kind="core"><description>d</description><feedback>f</feedback>
            <match><term>removed the missiles</term></match>
            <example>They <m>removed the</m> missiles.</example>
            <counterexample>They removed the missiles.</counterexample>
            </point>
            """)
        let report = RuleExampleRunner.run(rubric.grader)
        #expect(report.failures.count == 2 * NoiseVariant.allCases.count)
        #expect(report.failures.contains { $0.message.contains("expected the evidence \"removed the\"") })
        #expect(report.failures.contains { $0.message.hasPrefix("should not match") })
    }

    @Test func noiseMovesTheMarkWithTheText() throws {
        let example = RuleExample(text: "He said \"no\" and they removed it.", expectsMatch: true, mark: 22..<29,
                                  location: SourceLocation(file: "x"))
        for variant in NoiseVariant.allCases {
            let noisy = variant.apply(to: example)
            let marked = String(decoding: Array(noisy.text.utf8)[noisy.mark!], as: UTF8.self)
            #expect(marked.lowercased() == "removed", "\(variant)")
        }
        #expect(NoiseVariant.curlyQuotes.apply(to: example).text == "He said “no” and they removed it.")
    }
}

extension InlineRubric {
    init(points: String) throws { try self.init(concepts: "", points: points) }
}
