import Grading
import Rubrics

/// One essay's report as a self-contained web page (inline CSS, no scripts, no external
/// assets): the score, the essay with the evidence of each met point and each slip
/// highlighted, and beside it (below it on narrow screens and in print) every question's
/// points met and missed, and the slips with correction and source.
///
/// The page is polyglot HTML5, also well-formed XML (see `HTMLBuilder`). In the essay,
/// `<mark class="point">` highlights a met point's evidence (title and `data-ref`: the
/// point id), `<mark class="slip error">` / `<mark class="slip caution">` a slip.
public enum HTMLReportRenderer {
    public static func render(_ report: GradeReport) -> String {
        let spans = Spans(report)
        let title = "\(report.essay) — \(ReportNumber.percentage(report.percentage))%"
            + (report.rubricSetTitle.isEmpty ? "" : " — \(report.rubricSetTitle)")
        var html = HTMLBuilder(title: title, css: HTMLStyle.report)
        header(report, into: &html)
        html.open("main", ["class": "layout"])
        html.newline()
        html.open("section", ["class": "panel essay-panel", "aria-labelledby": "essay-heading"])
        html.element("h2", ["id": "essay-heading"], text: "Essay")
        legend(into: &html)
        html.open("div", ["class": "essay", "lang": "en"])
        spans.highlighter.write(to: &html)
        html.close()
        html.close()
        html.newline()
        html.open("div", ["class": "results"])
        questions(report, spans: spans, into: &html)
        slips(report, spans: spans, into: &html)
        html.close()
        html.newline()
        html.close()
        html.newline()
        html.element("footer", text: "Graded by essay-grader against “\(report.rubricSetTitle.isEmpty ? report.rubricSetID : report.rubricSetTitle)”. Highlights show what the grader matched; a teacher has the last word.")
        return html.finish()
    }

    /// The highlight numbers: points first (in report order), then slips.
    private struct Spans {
        var pointNumbers: [String: Int] = [:]  // "question-index/point-index"
        var slipNumbers: [Int] = []
        var highlighter: EssayHighlighter

        init(_ report: GradeReport) {
            var spans: [EssayHighlighter.Span] = []
            var number = 0
            for (questionIndex, question) in report.questions.enumerated() {
                for (pointIndex, point) in question.points.enumerated() {
                    guard point.status == .met, let evidence = point.evidence else { continue }
                    number += 1
                    pointNumbers["\(questionIndex)/\(pointIndex)"] = number
                    let name = point.description.isEmpty ? "" : ": \(point.description)"
                    spans.append(.init(number: number, byteRange: evidence.byteRange, cssClass: "point",
                                       reference: point.id, title: "\(point.id)\(name)"))
                }
            }
            for slip in report.slips {
                number += 1
                slipNumbers.append(number)
                let kind = slip.severity.rawValue
                spans.append(.init(number: number, byteRange: slip.evidence.byteRange, cssClass: "slip \(kind)",
                                   reference: slip.id, title: "\(kind) \(slip.id): \(slip.message)"))
            }
            highlighter = EssayHighlighter(text: report.text, spans: spans)
        }

        func link(question: Int, point: Int) -> String? {
            pointNumbers["\(question)/\(point)"].flatMap { highlighter.contains($0) ? "#span-\($0)" : nil }
        }

        func link(slip: Int) -> String? {
            highlighter.contains(slipNumbers[slip]) ? "#span-\(slipNumbers[slip])" : nil
        }
    }

    // MARK: - Parts

    private static func header(_ report: GradeReport, into html: inout HTMLBuilder) {
        html.open("header", ["class": "page-header"])
        html.element("h1", text: report.essay)
        html.element("p", ["class": "subtitle"], text: report.rubricSetTitle.isEmpty ? report.rubricSetID : report.rubricSetTitle)
        html.open("p", ["class": "total"])
        html.element("span", ["class": "score"], text: ReportNumber.format(report.score))
        html.text(" / \(ReportNumber.format(report.maximum)) ")
        html.element("span", ["class": "percentage"], text: "(\(ReportNumber.percentage(report.percentage))%)")
        html.text(" · \(TextReportRenderer.plural(report.wordCount, "word"))")
        html.close()
        html.element("p", ["class": "summary-line"], text: TextReportRenderer.summary(report))
        html.close()
        html.newline()
        if !report.warnings.isEmpty {
            html.open("div", ["class": "warnings", "role": "note"])
            for warning in report.warnings { html.element("p", text: "Note: \(warning)") }
            html.close()
            html.newline()
        }
    }

    private static func legend(into html: inout HTMLBuilder) {
        html.open("p", ["class": "legend", "aria-hidden": "true"])
        html.element("mark", ["class": "point"], text: "point met")
        html.element("mark", ["class": "slip error"], text: "error")
        html.element("mark", ["class": "slip caution"], text: "caution")
        html.close()
    }

    private static func questions(_ report: GradeReport, spans: Spans, into html: inout HTMLBuilder) {
        html.open("section", ["class": "panel", "aria-labelledby": "questions-heading"])
        html.element("h2", ["id": "questions-heading"], text: "Questions")
        for (questionIndex, question) in report.questions.enumerated() {
            html.open("section", ["class": "question", "id": "question-\(question.id)"])
            html.open("div", ["class": "question-head"])
            html.element("h3", text: question.title.isEmpty ? question.id : question.title)
            html.open("span")
            html.element("span", ["class": "question-score"],
                         text: "\(ReportNumber.format(question.score)) / \(ReportNumber.format(question.maximum))")
            if let level = question.level {
                html.text(" · ")
                html.element("span", ["class": "level"], text: level.name)
            }
            html.close()
            html.close()
            if !question.question.isEmpty, question.question != question.title {
                html.element("p", ["class": "prompt"], text: question.question)
            }
            html.open("ul", ["class": "points"])
            for (pointIndex, point) in question.points.enumerated() {
                self.point(point, link: spans.link(question: questionIndex, point: pointIndex), into: &html)
            }
            html.close()
            html.close()
            html.newline()
        }
        html.close()
        html.newline()
    }

    private static func point(_ point: PointResult, link: String?, into html: inout HTMLBuilder) {
        let met = point.status == .met
        html.open("li", ["class": "point \(point.status.rawValue) \(point.kind.rawValue)", "data-point": point.id])
        html.element("span", ["class": "icon", "aria-label": met ? "met" : "missed"], text: met ? "✓" : "○")
        html.open("div")
        html.element("span", ["class": "point-name"], text: point.description.isEmpty ? point.id : point.description)
        html.text(" ")
        html.element("span", ["class": "badge \(point.kind.rawValue)"], text: point.kind.rawValue)
        html.text(" ")
        html.element("code", text: point.id)
        if met, let evidence = point.evidence {
            let quote = EvidenceQuote(evidence, limit: 160)
            let characters = Array(quote.text)
            html.open("p", ["class": "quote"])
            html.open("a", ["href": link])
            html.text("“" + String(characters[..<quote.match.lowerBound]))
            html.element("span", ["class": "match"], text: String(characters[quote.match]))
            html.text(String(characters[quote.match.upperBound...]) + "”")
            html.close()
            html.text(" ")
            html.element("span", ["class": "where"], text: "sentence \(evidence.sentence + 1)")
            html.close()
        } else if !met, !point.feedback.isEmpty {
            html.element("p", ["class": "feedback"], text: (point.kind == .bonus ? "Bonus idea: " : "To do: ") + point.feedback)
        }
        html.close()
        html.close()
    }

    private static func slips(_ report: GradeReport, spans: Spans, into html: inout HTMLBuilder) {
        html.open("section", ["class": "panel", "aria-labelledby": "slips-heading"])
        html.element("h2", ["id": "slips-heading"], text: "Slips")
        guard !report.slips.isEmpty else {
            html.element("p", ["class": "muted"], text: "No slips found.")
            html.close()
            return
        }
        html.open("ul", ["class": "slips"])
        for (index, slip) in report.slips.enumerated() {
            let kind = slip.severity.rawValue
            html.open("li", ["class": "slip \(kind)", "data-slip": slip.id])
            html.open("p")
            html.element("span", ["class": "badge \(kind)"], text: slip.severity == .error ? "✗ error" : "! caution")
            html.text(" ")
            html.element("a", ["href": spans.link(slip: index), "class": "where"], text: "sentence \(slip.evidence.sentence + 1)")
            html.text(" ")
            html.element("span", ["class": "slip-text"], text: "“\(EssaySpan.collapsingWhitespace(slip.evidence.text))”")
            html.close()
            if !slip.message.isEmpty { html.element("p", text: slip.message) }
            if !slip.correction.isEmpty {
                html.open("p")
                html.element("strong", text: "Correction: ")
                html.text(slip.correction)
                html.close()
            }
            if !slip.source.isEmpty { html.element("p", ["class": "source"], text: "Source: \(slip.source)") }
            html.close()
        }
        html.close()
        html.close()
        html.newline()
    }
}
