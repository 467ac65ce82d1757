import Foundation
import Grading
import Rubrics
import XMLSupport

/// Hand-built reports shaped like the grader's: two questions, met and missed points,
/// multi-byte characters (é, an emoji, curly quotes) before the evidence, a slip that
/// crosses a point's evidence, evidence spans that cross each other, and a warning.
enum Fixtures {
    static let sentences = [
        "Café talk aside 🚀, the “Cuban Missile Crisis” of October 1962 was the closest the Cold War came to nuclear war.",
        "In the end, Khrushchev agreed to withdraw the Soviet missiles from Cuba after thirteen tense days.",
        "Kennedy also promised not to invade Cuba.",
        "Secretary of State Robert McNamara advised a naval quarantine instead of an air strike.",
        "The crisis was entirely Kennedy’s victory.",
    ]

    static let text = sentences[0] + " " + sentences[1] + " " + sentences[2] + "\n\n" + sentences[3] + " " + sentences[4] + "\n"

    static let source = "https://history.state.gov/milestones/1961-1968/cuban-missile-crisis-and-its-aftermath"

    /// UTF-8 byte range of the first occurrence of `needle` in `haystack`.
    static func byteRange(of needle: String, in haystack: String = text) -> Range<Int> {
        let bytes = Array(haystack.utf8), target = Array(needle.utf8)
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<(start + target.count)]) == target {
            return start..<(start + target.count)
        }
        fatalError("\(needle) not found")
    }

    static func evidence(_ needle: String, sentence: Int, in text: String = text, sentences: [String] = sentences) -> Evidence {
        Evidence(sentence: sentence, byteRange: byteRange(of: needle, in: text), text: needle,
                 sentenceText: sentences[sentence], sentenceByteRange: byteRange(of: sentences[sentence], in: text))
    }

    static let good = Level(name: "Good", mark: 3, minScore: 2, minCore: 2)

    static func report(essay: String = "alice.txt") -> GradeReport {
        let outcome = QuestionResult(
            id: "outcome", title: "How did the crisis end?", question: "How was the crisis resolved?",
            score: 2, maximum: 3, level: good,
            points: [
                PointResult(id: "outcome.soviet-withdrawal", kind: .core, weight: 1,
                            description: "The Soviet Union withdrew its missiles from Cuba",
                            feedback: "Say what the Soviet Union agreed to do with its missiles.", status: .met,
                            evidence: evidence("Khrushchev agreed to withdraw the Soviet missiles from Cuba", sentence: 1)),
                PointResult(id: "outcome.no-invasion", kind: .core, weight: 1,
                            description: "The United States promised not to invade Cuba",
                            feedback: "Mention what the United States promised in return.", status: .met,
                            evidence: evidence("promised not to invade Cuba", sentence: 2)),
                PointResult(id: "outcome.peaceful-end", kind: .core, weight: 1,
                            description: "The crisis ended without war",
                            feedback: "Say how the crisis ended without war: both sides stepped back from the brink.",
                            status: .missed),
                PointResult(id: "outcome.turkey-deal", kind: .bonus, weight: 1,
                            description: "The secret deal over the Jupiter missiles in Turkey",
                            feedback: "Mention the secret part of the deal: the United States later removed its Jupiter missiles from Turkey.",
                            status: .missed),
            ])
        let responses = QuestionResult(
            id: "responses", title: "How did Kennedy respond?", question: "What options did Kennedy weigh?",
            score: 1.5, maximum: 2, level: good,
            points: [
                PointResult(id: "responses.quarantine", kind: .core, weight: 1,
                            description: "Kennedy chose a naval quarantine",
                            feedback: "Say what Kennedy decided to do.", status: .met,
                            evidence: evidence("Robert McNamara advised a naval quarantine", sentence: 3)),
                PointResult(id: "responses.excomm", kind: .core, weight: 1,
                            description: "ExComm advised the president",
                            feedback: "Name the group that advised Kennedy (the Executive Committee of the National Security Council, ExComm) and say which options it weighed: an air strike, an invasion, or a blockade.",
                            status: .missed),
                PointResult(id: "responses.air-strike-rejected", kind: .bonus, weight: 0.5,
                            description: "An air strike was considered and rejected",
                            feedback: "Mention the options Kennedy turned down.", status: .met,
                            evidence: evidence("a naval quarantine instead of an air strike", sentence: 3)),
            ])
        let slips = [
            SlipFinding(id: "mcnamara-title", severity: .error,
                        message: "Robert McNamara was not Secretary of State.",
                        correction: "Robert McNamara was Secretary of Defense; Dean Rusk was Secretary of State.",
                        source: "Office of the Historian, U.S. Department of State",
                        evidence: evidence("Secretary of State Robert McNamara", sentence: 3)),
            SlipFinding(id: "sole-victory", severity: .caution,
                        message: "Calling the outcome entirely Kennedy’s victory overstates it: both sides made concessions.",
                        correction: "Both leaders stepped back; the Soviet Union won a no-invasion pledge and the removal of U.S. missiles from Turkey.",
                        source: source,
                        evidence: evidence("entirely Kennedy’s victory", sentence: 4)),
        ]
        return GradeReport(
            essay: essay, rubricSetID: "cuban-missile-crisis", rubricSetTitle: "The Cuban Missile Crisis",
            wordCount: 68, questions: [outcome, responses], slips: slips,
            warnings: ["The file had 2 bytes of invalid UTF-8; they were replaced with U+FFFD."], text: text)
    }

    /// The report with some points turned to missed (the question scores lowered by
    /// their weights), and only the listed slips kept (all when nil).
    static func variant(essay: String, missing: Set<String> = [], slips keep: Set<String>? = nil) -> GradeReport {
        var report = report(essay: essay)
        for q in report.questions.indices {
            for p in report.questions[q].points.indices where missing.contains(report.questions[q].points[p].id) {
                if report.questions[q].points[p].status == .met {
                    report.questions[q].score -= report.questions[q].points[p].weight
                }
                report.questions[q].points[p].status = .missed
                report.questions[q].points[p].evidence = nil
            }
            report.questions[q].score = max(0, report.questions[q].score)
        }
        if let keep { report.slips = report.slips.filter { keep.contains($0.id) } }
        return report
    }

    // MARK: - XML helpers

    static var schemaURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rubrics/schema/report.xsd")
    }

    static func schema() throws -> XMLSchema {
        try XMLSchema(file: schemaURL)
    }

    static func parse(_ text: String, name: String = "report.xml") throws -> ParsedXML {
        try ParsedXML.parse(string: text, name: name)
    }
}

extension XMLTree.Element {
    /// All descendant elements in document order (not self).
    var descendants: [XMLTree.Element] {
        var result: [XMLTree.Element] = []
        for child in elements {
            result.append(child)
            result += child.descendants
        }
        return result
    }

    func descendants(named name: String) -> [XMLTree.Element] {
        descendants.filter { $0.name == name }
    }

    func hasClass(_ name: String) -> Bool {
        (self[attribute: "class"] ?? "").split(separator: " ").contains { $0 == name }
    }
}
