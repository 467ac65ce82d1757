import Foundation
@testable import Grading
import Rubrics

/// A one-question rubric set written to a temporary folder from XML snippets, so a
/// test can state a match expression and the sentences it must and must not meet.
struct InlineRubric {
    let grader: Grader

    /// `concepts`: <concept> elements for the lexicon; `points`: <point> elements
    /// (examples optional: lint is not run here).
    init(concepts: String, points: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inline-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "assignment.xml": """
                <assignment id="inline"><title>Inline</title><prompt>Test.</prompt>
                <lexicon href="lexicon.xml"/><rubric href="question.xml"/></assignment>
                """,
            "lexicon.xml": "<lexicon>\(concepts)</lexicon>",
            "question.xml": """
                <rubric id="q"><title>Q</title><question>Q?</question>
                <levels><level name="Some" mark="1" min-score="1"/><level name="None" mark="0" min-score="0"/></levels>
                \(points)</rubric>
                """,
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let outcome = RubricSetLoader().check(folder)
        guard let set = outcome.set else { throw RubricLoadError(outcome.problems) }
        grader = try Grader(set)
    }

    /// A point with one match expression, named p.
    init(concepts: String = "", match: String) throws {
        try self.init(concepts: concepts, points: """
            <point id="p" kind="core"><description>d</description><feedback>f</feedback>
            <match>\(match)</match></point>
            """)
    }

    /// The evidence text of point `id` in `text`, or nil when it is not met.
    func evidence(_ text: String, point id: String = "p") -> String? {
        grader.makeSession().grade(text, essay: "test").questions.flatMap(\.points).first { $0.id == id }?.evidence?.text
    }
}
