import Grading
import XMLSupport

/// The report contract as XML, valid against `Rubrics/schema/report.xsd`.
///
/// Sentence numbers are 1-based; `start` and `end` are UTF-8 byte offsets into the
/// essay text (`end` exclusive). Numbers have a dot and no trailing `.0` (`3`, `2.5`).
/// Characters XML 1.0 forbids are dropped by `XMLWriter`.
public enum XMLReportRenderer {
    public static func render(_ report: GradeReport) -> String {
        var writer = XMLWriter()
        var attributes: [(String, String)] = [
            ("essay", report.essay),
            ("rubric-set", report.rubricSetID),
        ]
        if !report.rubricSetTitle.isEmpty { attributes.append(("rubric-title", report.rubricSetTitle)) }
        attributes += [
            ("score", ReportNumber.format(report.score)),
            ("max", ReportNumber.format(report.maximum)),
            ("percentage", ReportNumber.percentage(report.percentage)),
            ("words", String(max(0, report.wordCount))),
        ]
        writer.open("report", attributes)
        for question in report.questions { write(question, to: &writer) }
        for slip in report.slips { write(slip, to: &writer) }
        for warning in report.warnings { writer.element("warning", text: warning) }
        writer.close()
        return writer.finish()
    }

    private static func write(_ question: QuestionResult, to writer: inout XMLWriter) {
        var attributes: [(String, String)] = [("id", question.id)]
        if !question.title.isEmpty { attributes.append(("title", question.title)) }
        attributes += [
            ("score", ReportNumber.format(question.score)),
            ("max", ReportNumber.format(question.maximum)),
        ]
        if let level = question.level {
            attributes += [("level", level.name), ("level-mark", String(level.mark))]
        }
        writer.open("question", attributes)
        for point in question.points {
            var pointAttributes: [(String, String)] = [
                ("id", point.id),
                ("kind", point.kind.rawValue),
                ("weight", ReportNumber.format(point.weight)),
                ("status", point.status.rawValue),
            ]
            if !point.description.isEmpty { pointAttributes.append(("description", point.description)) }
            writer.open("point", pointAttributes)
            switch point.status {
            case .met:
                if let evidence = point.evidence {
                    writer.element("evidence", spanAttributes(evidence), text: evidence.text)
                }
            case .missed:
                writer.element("feedback", text: point.feedback)
            }
            writer.close()
        }
        writer.close()
    }

    private static func write(_ slip: SlipFinding, to writer: inout XMLWriter) {
        writer.open("slip", [("id", slip.id), ("severity", slip.severity.rawValue)] + spanAttributes(slip.evidence))
        writer.element("text", text: slip.evidence.text)
        writer.element("message", text: slip.message)
        writer.element("correction", text: slip.correction)
        writer.element("source", text: slip.source)
        writer.close()
    }

    /// sentence (1-based), start and end (byte offsets).
    private static func spanAttributes(_ evidence: Evidence) -> [(String, String)] {
        let start = max(0, evidence.byteRange.lowerBound)
        return [
            ("sentence", String(max(0, evidence.sentence) + 1)),
            ("start", String(start)),
            ("end", String(max(start, evidence.byteRange.upperBound))),
        ]
    }
}
