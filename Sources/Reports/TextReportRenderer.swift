import Grading
import Rubrics

/// The report as plain text for a terminal: what the student wrote that counts, what is
/// still to do, and the slips to fix. Wrapped to `options.lineWidth` columns (a word
/// longer than a line stays whole); ANSI colour only when `options.color` is true.
///
///     Essay: alice.txt
///     Rubric: The Cuban Missile Crisis
///     Score: 3 / 5 (60%) · 68 words
///
///     1. Outcome — 1 / 2 · Good
///        ✓ Khrushchev withdrew the missiles (core)
///          “In the end, Khrushchev agreed to withdraw the Soviet missiles…” (sentence 2)
///        ○ The secret deal over Turkey (bonus)
///          To do: Mention what the United States gave up in secret.
public enum TextReportRenderer {
    /// Quotes are shortened to about this many characters.
    static let quoteLimit = 100

    public static func render(_ report: GradeReport, options: ReportRenderOptions = .init()) -> String {
        var out = TextLayout(width: options.lineWidth, color: options.color)
        header(report, into: &out)
        for (number, question) in report.questions.enumerated() {
            out.blank()
            self.question(question, number: number + 1, into: &out)
        }
        out.blank()
        slips(report, into: &out)
        out.blank()
        out.paragraph(TextLayout.Styled(summary(report), .bold))
        return out.text
    }

    // MARK: - Parts

    private static func header(_ report: GradeReport, into out: inout TextLayout) {
        var essay = TextLayout.Styled("Essay: ")
        essay.append(report.essay, .bold)
        out.paragraph(essay, hanging: 2)
        let title = report.rubricSetTitle.isEmpty ? report.rubricSetID : report.rubricSetTitle
        out.paragraph(TextLayout.Styled("Rubric: " + title), hanging: 2)
        var score = TextLayout.Styled("Score: ")
        score.append("\(ReportNumber.format(report.score)) / \(ReportNumber.format(report.maximum))", .bold)
        score.append(" (\(ReportNumber.percentage(report.percentage))%) · \(plural(report.wordCount, "word"))")
        out.paragraph(score, hanging: 2)
        for warning in report.warnings {
            var note = TextLayout.Styled("Note: ", .yellow)
            note.append(warning)
            out.paragraph(note, hanging: 6)
        }
    }

    private static func question(_ question: QuestionResult, number: Int, into out: inout TextLayout) {
        let title = question.title.isEmpty ? question.id : question.title
        var line = TextLayout.Styled("\(number). \(title)", .bold)
        line.append(" — \(ReportNumber.format(question.score)) / \(ReportNumber.format(question.maximum))")
        if let level = question.level { line.append(" · \(level.name)", .bold) }
        out.paragraph(line, hanging: 3)
        for point in question.points {
            let name = point.description.isEmpty ? point.id : point.description
            switch point.status {
            case .met:
                var item = TextLayout.Styled("✓ ", .boldGreen)
                item.append(name)
                item.append(" (\(point.kind.rawValue))", .dim)
                out.paragraph(item, indent: 3, hanging: 5)
                if let evidence = point.evidence { out.paragraph(quote(evidence), indent: 5) }
            case .missed:
                var item = TextLayout.Styled("○ ", .yellow)
                item.append(name)
                item.append(" (\(point.kind.rawValue))", .dim)
                out.paragraph(item, indent: 3, hanging: 5)
                if !point.feedback.isEmpty {
                    var todo = TextLayout.Styled(point.kind == .bonus ? "Bonus idea: " : "To do: ", .yellow)
                    todo.append(point.feedback)
                    out.paragraph(todo, indent: 5)
                }
            }
        }
    }

    private static func slips(_ report: GradeReport, into out: inout TextLayout) {
        guard !report.slips.isEmpty else {
            out.paragraph(TextLayout.Styled("Slips: none found.", .bold))
            return
        }
        var counts: [String] = []
        if !report.errors.isEmpty { counts.append(plural(report.errors.count, "error")) }
        if !report.cautions.isEmpty { counts.append(plural(report.cautions.count, "caution")) }
        out.paragraph(TextLayout.Styled("Slips: " + counts.joined(separator: ", "), .bold))
        for slip in report.slips {
            var line: TextLayout.Styled
            switch slip.severity {
            case .error: line = TextLayout.Styled("✗ error", .boldRed)
            case .caution: line = TextLayout.Styled("! caution", .boldYellow)
            }
            line.append(" (sentence \(slip.evidence.sentence + 1)): ")
            line.append(quote(slip.evidence, matchOnly: true))
            out.paragraph(line, indent: 3, hanging: 5)
            if !slip.message.isEmpty { out.paragraph(TextLayout.Styled(slip.message), indent: 5) }
            if !slip.correction.isEmpty {
                var correction = TextLayout.Styled("Correction: ", .green)
                correction.append(slip.correction)
                out.paragraph(correction, indent: 5, hanging: 7)
            }
            if !slip.source.isEmpty {
                var source = TextLayout.Styled("Source: ", .dim)
                source.append(slip.source, .dim)
                out.paragraph(source, indent: 5, hanging: 7)
            }
        }
    }

    /// “…sentence with the matched words…” (sentence N), the matched words underlined in
    /// colour; or, for a slip, “the matched words” alone.
    private static func quote(_ evidence: Evidence, matchOnly: Bool = false) -> TextLayout.Styled {
        let quote = matchOnly ? EvidenceQuote(matchOf: evidence, limit: quoteLimit) : EvidenceQuote(evidence, limit: quoteLimit)
        let characters = Array(quote.text)
        var styled = TextLayout.Styled("“")
        styled.append(String(characters[..<quote.match.lowerBound]))
        styled.append(String(characters[quote.match]), matchOnly ? nil : .underline)
        styled.append(String(characters[quote.match.upperBound...]))
        styled.append("”")
        if !matchOnly { styled.append(" (sentence \(evidence.sentence + 1))", .dim) }
        return styled
    }

    /// One encouraging line: what was covered, what to add, what to fix.
    static func summary(_ report: GradeReport) -> String {
        let points = report.questions.flatMap(\.points)
        let core = points.filter { $0.kind == .core }
        let coreMet = core.filter { $0.status == .met }.count
        let bonusMet = points.filter { $0.kind == .bonus && $0.status == .met }.count
        var sentences: [String] = []
        if core.isEmpty {
            sentences.append("You made \(plural(report.metPoints.count, "point")) the rubric looks for.")
        } else if coreMet == core.count {
            sentences.append("Well done: you covered all \(plural(core.count, "core point"))"
                + (bonusMet > 0 ? " and \(plural(bonusMet, "bonus point"))." : "."))
        } else {
            let missing = core.count - coreMet
            let opening = coreMet == 0 ? "A start:" : "Good start:"
            sentences.append("\(opening) you covered \(coreMet) of \(plural(core.count, "core point"))"
                + (bonusMet > 0 ? " (and \(plural(bonusMet, "bonus point")))" : "")
                + "; add the \(missing == 1 ? "one" : String(missing)) marked “To do” to raise your score.")
        }
        let errors = report.errors.count, cautions = report.cautions.count
        if errors > 0 || cautions > 0 {
            var fixes: [String] = []
            if errors > 0 { fixes.append("fix \(errors == 1 ? "the error" : "the \(errors) errors")") }
            if cautions > 0 { fixes.append("check \(cautions == 1 ? "the caution" : "the \(cautions) cautions")") }
            sentences.append("Then " + fixes.joined(separator: " and ") + " listed above.")
        }
        return sentences.joined(separator: " ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
