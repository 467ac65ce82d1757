import Grading

/// The report as JSON: the same facts as the XML, keys in a fixed order, pretty-printed.
///
/// `{essay, rubricSet, rubricTitle, score, max, percentage, words,
///   questions: [{id, title, score, max, level, levelMark,
///                points: [{id, kind, weight, status, description, evidence, feedback}]}],
///   slips: [{id, severity, sentence, start, end, text, message, correction, source}],
///   warnings: [string]}`
///
/// `evidence` is `{sentence, start, end, text}` for a met point and null for a missed one;
/// `feedback` is the hint for a missed point and null for a met one. `level` and
/// `levelMark` are null when no level applies. Sentences are 1-based; `start` and `end`
/// are UTF-8 byte offsets into the essay text (`end` exclusive).
public enum JSONReportRenderer {
    public static func render(_ report: GradeReport) -> String {
        JSONText.object([
            ("essay", .string(report.essay)),
            ("rubricSet", .string(report.rubricSetID)),
            ("rubricTitle", .string(report.rubricSetTitle)),
            ("score", .number(report.score)),
            ("max", .number(report.maximum)),
            ("percentage", .number((report.percentage * 10).rounded() / 10)),
            ("words", .integer(report.wordCount)),
            ("questions", .array(report.questions.map(question))),
            ("slips", .array(report.slips.map(slip))),
            ("warnings", .array(report.warnings.map(JSONText.string))),
        ]).rendered()
    }

    private static func question(_ question: QuestionResult) -> JSONText {
        .object([
            ("id", .string(question.id)),
            ("title", .string(question.title)),
            ("score", .number(question.score)),
            ("max", .number(question.maximum)),
            ("level", .optional(question.level?.name)),
            ("levelMark", question.level.map { .integer($0.mark) } ?? .null),
            ("points", .array(question.points.map(point))),
        ])
    }

    private static func point(_ point: PointResult) -> JSONText {
        let evidence: JSONText
        if point.status == .met, let found = point.evidence {
            evidence = .object(span(found) + [("text", .string(found.text))])
        } else {
            evidence = .null
        }
        return .object([
            ("id", .string(point.id)),
            ("kind", .string(point.kind.rawValue)),
            ("weight", .number(point.weight)),
            ("status", .string(point.status.rawValue)),
            ("description", .string(point.description)),
            ("evidence", evidence),
            ("feedback", point.status == .missed ? .string(point.feedback) : .null),
        ])
    }

    private static func slip(_ slip: SlipFinding) -> JSONText {
        .object(
            [("id", .string(slip.id)), ("severity", .string(slip.severity.rawValue))]
                + span(slip.evidence)
                + [
                    ("text", .string(slip.evidence.text)),
                    ("message", .string(slip.message)),
                    ("correction", .string(slip.correction)),
                    ("source", .string(slip.source)),
                ]
        )
    }

    private static func span(_ evidence: Evidence) -> [(String, JSONText)] {
        let start = max(0, evidence.byteRange.lowerBound)
        return [
            ("sentence", .integer(max(0, evidence.sentence) + 1)),
            ("start", .integer(start)),
            ("end", .integer(max(start, evidence.byteRange.upperBound))),
        ]
    }
}
