import Foundation
import Grading
import Testing
@testable import Reports

@Suite struct TextReportTests {
    let report = Fixtures.report()

    /// Lines trimmed and joined with spaces: wrapping no longer matters.
    func flat(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func headerQuestionsSlipsAndSummary() {
        let text = TextReportRenderer.render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Essay: alice.txt")
        #expect(lines[1] == "Rubric: The Cuban Missile Crisis")
        #expect(lines[2] == "Score: 3.5 / 5 (70%) · 68 words")
        #expect(lines.contains("1. How did the crisis end? — 2 / 3 · Good"))
        #expect(lines.contains("2. How did Kennedy respond? — 1.5 / 2 · Good"))
        let all = flat(text)
        #expect(all.contains("Note: The file had 2 bytes of invalid UTF-8"))
        #expect(all.contains("✓ The Soviet Union withdrew its missiles from Cuba (core)"))
        #expect(all.contains("“In the end, Khrushchev agreed to withdraw the Soviet missiles from Cuba after thirteen tense days.” (sentence 2)"))
        #expect(all.contains("✓ An air strike was considered and rejected (bonus)"))
        #expect(all.contains("○ The crisis ended without war (core) To do: Say how the crisis ended without war"))
        #expect(all.contains("○ The secret deal over the Jupiter missiles in Turkey (bonus) Bonus idea: Mention the secret part"))
        #expect(all.contains("Slips: 1 error, 1 caution"))
        #expect(all.contains("✗ error (sentence 4): “Secretary of State Robert McNamara”"))
        #expect(all.contains("Robert McNamara was not Secretary of State."))
        #expect(all.contains("Correction: Robert McNamara was Secretary of Defense; Dean Rusk was Secretary of State."))
        #expect(all.contains("Source: Office of the Historian, U.S. Department of State"))
        #expect(all.contains("! caution (sentence 5): “entirely Kennedy’s victory”"))
        #expect(all.contains("Source: \(Fixtures.source)"))
        #expect(all.hasSuffix("Good start: you covered 3 of 5 core points (and 1 bonus point); add the 2 marked “To do” to raise your score. Then fix the error and check the caution listed above."))
    }

    @Test func noControlCodesWithoutColour() {
        var report = report
        // An escape sequence smuggled into the essay must not reach the terminal either.
        report.slips[0].evidence.text = "Secretary of State \u{1B}[2J Robert McNamara"
        report.slips[0].evidence.sentenceText = "x"
        report.questions[0].points[2].feedback = "Bell \u{07} and escape \u{1B}]0;title\u{07} removed."
        let text = TextReportRenderer.render(report)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(flat(text).contains("“Secretary of State [2J Robert McNamara”"))
    }

    @Test func colourWhenAsked() {
        let text = TextReportRenderer.render(report, options: .init(color: true))
        #expect(text.contains("\u{1B}[1;32m✓ \u{1B}[0m"))
        #expect(text.contains("\u{1B}[1;31m✗ error\u{1B}[0m"))
        #expect(text.contains("\u{1B}[4m"))  // the matched words underlined
        // Without the codes, the same text as without colour.
        #expect(stripANSI(text) == TextReportRenderer.render(report))
    }

    @Test(arguments: [false, true])
    func linesFitEightyColumns(color: Bool) {
        let text = stripANSI(TextReportRenderer.render(report, options: .init(color: color)))
        for line in text.split(separator: "\n").map(String.init) where TextLayout.displayWidth(line) > 80 {
            // Only a word too long to break may overflow, alone on its line.
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "too wide: \(line)")
        }
        #expect(text.split(separator: "\n").contains { $0.count > 70 }, "lines are filled, not broken early")
    }

    @Test func narrowerWidth() {
        let text = TextReportRenderer.render(report, options: .init(lineWidth: 50))
        for line in text.split(separator: "\n").map(String.init) where TextLayout.displayWidth(line) > 50 {
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "too wide: \(line)")
        }
    }

    @Test func longSentencesAreShortenedAroundTheMatch() {
        let matched = "Khrushchev agreed to withdraw the missiles"
        let before = "At first, " + String(repeating: "many people in many places worried a great deal, ", count: 4)
        let long = before + matched + String(repeating: ", and the world breathed again", count: 4) + "."
        let start = before.utf8.count
        let evidence = Evidence(sentence: 0, byteRange: start..<(start + matched.utf8.count), text: matched,
                                sentenceText: long, sentenceByteRange: 0..<long.utf8.count)
        let quote = EvidenceQuote(evidence, limit: 100)
        #expect(quote.text.count <= 102)
        #expect(quote.text.hasPrefix("…"))
        #expect(quote.text.hasSuffix("…"))
        #expect(String(Array(quote.text)[quote.match]) == matched)
        // Cut at words, not inside them.
        #expect(quote.text.contains("…many") || quote.text.contains("…worried") || quote.text.contains("…a great")
                || quote.text.contains("…in many") || quote.text.contains("…people") || quote.text.contains("…places")
                || quote.text.contains("…deal"))
        #expect(quote.text.hasSuffix("again…") || quote.text.hasSuffix("the world…") || quote.text.hasSuffix("and…")
                || quote.text.hasSuffix("breathed…") || quote.text.hasSuffix("world…") || quote.text.hasSuffix("the…"))
    }

    @Test func aVeryLongMatchIsCut() {
        let matched = String(repeating: "the missiles went home ", count: 8) + "at last"
        let evidence = Evidence(sentence: 0, byteRange: 0..<matched.utf8.count, text: matched,
                                sentenceText: matched + ".", sentenceByteRange: 0..<(matched.utf8.count + 1))
        let quote = EvidenceQuote(evidence, limit: 100)
        #expect(quote.text.count <= 100)
        #expect(quote.text.hasSuffix("…"))
        #expect(quote.match.lowerBound == 0)
    }

    @Test func inconsistentOffsetsFallBackToTheMatchedText() {
        let evidence = Evidence(sentence: 2, byteRange: 500..<520, text: "naval  quarantine",
                                sentenceText: "Something else entirely.", sentenceByteRange: 0..<24)
        let quote = EvidenceQuote(evidence)
        #expect(quote.text == "naval quarantine")
        #expect(quote.match == 0..<16)
    }

    @Test func everythingMetIsPraised() {
        var report = report
        for q in report.questions.indices {
            for p in report.questions[q].points.indices {
                report.questions[q].points[p].status = .met
                report.questions[q].points[p].evidence = Fixtures.evidence("promised not to invade Cuba", sentence: 2)
            }
        }
        report.slips = []
        let text = flat(TextReportRenderer.render(report))
        #expect(text.contains("Slips: none found."))
        #expect(text.hasSuffix("Well done: you covered all 5 core points and 2 bonus points."))
    }

    @Test func untidyRubricTextIsTidied() {
        var report = report
        report.questions[0].points[0].description = "  Spaces\n\tand   line breaks  "
        report.questions[0].title = ""
        let text = TextReportRenderer.render(report)
        #expect(text.contains("1. outcome — 2 / 3 · Good\n"))
        #expect(text.contains("   ✓ Spaces and line breaks (core)\n"))
        #expect(!text.contains("  \n"))
    }

    @Test func displayWidth() {
        #expect(TextLayout.displayWidth("Café") == 4)
        #expect(TextLayout.displayWidth("🚀") == 2)
        #expect(TextLayout.displayWidth("漢字") == 4)
    }

    @Test func numbers() {
        #expect(ReportNumber.format(3) == "3")
        #expect(ReportNumber.format(2.5) == "2.5")
        #expect(ReportNumber.format(1.0 / 3) == "0.33")
        #expect(ReportNumber.format(-0.0001) == "0")
        #expect(ReportNumber.format(.nan) == "0")
        #expect(ReportNumber.format(1e20) == "100000000000000000000")
        #expect(ReportNumber.percentage(68.75) == "68.8")
        #expect(ReportNumber.percentage(100) == "100")
        #expect(ReportNumber.format(1.1) == "1.1")
        #expect(ReportNumber.format(0.05) == "0.05")
        #expect(ReportNumber.format(-2.25) == "-2.25")
        #expect(ReportNumber.format(-0.5) == "-0.5")
        #expect(ReportNumber.format(12.999) == "13")
        #expect(ReportNumber.format(7.104) == "7.1")
    }
}
