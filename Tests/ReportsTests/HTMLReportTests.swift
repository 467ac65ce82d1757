import Foundation
import Grading
import Testing
import XMLSupport
@testable import Reports

@Suite struct HTMLReportTests {
    let report = Fixtures.report()

    /// The essay container.
    func essay(_ root: XMLTree.Element) throws -> XMLTree.Element {
        try #require(root.descendants.first { $0.name == "div" && $0.hasClass("essay") })
    }

    /// Highlight pieces by `data-span`, their texts joined in document order.
    func highlights(in essay: XMLTree.Element) -> [String: (text: String, pieces: [XMLTree.Element])] {
        var result: [String: (text: String, pieces: [XMLTree.Element])] = [:]
        for mark in essay.descendants(named: "mark") {
            guard let span = mark[attribute: "data-span"] else { continue }
            result[span, default: ("", [])].text += mark.text
            result[span, default: ("", [])].pieces.append(mark)
        }
        return result
    }

    @Test func wellFormedAndSelfContained() throws {
        let html = HTMLReportRenderer.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\""))
        let document = try Fixtures.parse(html, name: "alice.html")
        #expect(document.root.name == "html")
        #expect(document.root.namespaceURI == "http://www.w3.org/1999/xhtml")
        #expect(!html.contains("<script"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(document.root.descendants(named: "style").count == 1)
        #expect(html.contains("<meta charset=\"utf-8\" />"))
        // Only the five XML entities' escapes and numeric references.
        let entities = html.matches(of: /&[A-Za-z0-9#]+;/).map { String($0.output) }
        #expect(Set(entities).isSubset(of: ["&amp;", "&lt;", "&gt;", "&quot;"]) || entities.allSatisfy { $0.hasPrefix("&#") || ["&amp;", "&lt;", "&gt;", "&quot;"].contains($0) })
        // No empty non-void element written as <x/> (HTML would leave it open).
        let selfClosed = Set(html.matches(of: /<([a-z]+)[^>]*\/>/).map { String($0.output.1) })
        #expect(selfClosed.isSubset(of: ["meta", "rect", "line", "br", "hr"]))
    }

    @Test func evidenceAndSlipsAreHighlightedExactly() throws {
        let root = try Fixtures.parse(HTMLReportRenderer.render(report)).root
        let essay = try essay(root)
        let found = highlights(in: essay)
        var expected: [(ref: String, text: String, cssClass: String)] = []
        for point in report.questions.flatMap(\.points) where point.status == .met {
            expected.append((point.id, point.evidence!.text, "point"))
        }
        for slip in report.slips { expected.append((slip.id, slip.evidence.text, slip.severity.rawValue)) }
        #expect(found.count == expected.count)
        for item in expected {
            let match = found.values.filter { $0.pieces.first?[attribute: "data-ref"] == item.ref }
            #expect(match.count == 1, "\(item.ref)")
            guard let highlight = match.first else { continue }
            #expect(highlight.text == item.text, "\(item.ref)")
            #expect(highlight.pieces.allSatisfy { $0.hasClass(item.cssClass) })
            #expect(highlight.pieces.allSatisfy { ($0[attribute: "title"] ?? "").contains(item.ref) })
            #expect(highlight.pieces.first?[attribute: "id"]?.hasPrefix("span-") == true)
        }
        // The crossing spans were split, not mis-nested.
        #expect(found.values.contains { $0.pieces.count > 1 })
        // Slips are marked apart from points: errors and cautions differently.
        #expect(essay.descendants(named: "mark").contains { $0.hasClass("slip") && $0.hasClass("error") })
        #expect(essay.descendants(named: "mark").contains { $0.hasClass("slip") && $0.hasClass("caution") })
    }

    @Test func theEssayTextIsKeptWhole() throws {
        let root = try Fixtures.parse(HTMLReportRenderer.render(report)).root
        let essay = try essay(root)
        #expect(essay.text == report.text)
        #expect(essay.text.contains("days. Kennedy also promised not to invade Cuba.\n\nSecretary"))
    }

    @Test func resultsListPointsSlipsAndLinks() throws {
        let html = HTMLReportRenderer.render(report)
        let root = try Fixtures.parse(html).root
        let items = root.descendants(named: "li").filter { $0[attribute: "data-point"] != nil }
        #expect(items.map { $0[attribute: "data-point"]! } == report.questions.flatMap(\.points).map(\.id))
        let missed = items.filter { $0.hasClass("missed") }
        #expect(missed.count == 3)
        #expect(missed.allSatisfy { item in item.descendants.contains { $0.hasClass("feedback") } })
        #expect(missed[0].text.contains("To do: Say how the crisis ended without war"))
        let met = items.filter { $0.hasClass("met") }
        #expect(met.count == 4)
        let ids = Set(root.descendants.compactMap { $0[attribute: "id"] })
        for item in met {
            let link = try #require(item.descendants(named: "a").first?[attribute: "href"])
            #expect(ids.contains(String(link.dropFirst())), "link \(link) has a target")
        }
        let slips = root.descendants(named: "li").filter { $0[attribute: "data-slip"] != nil }
        #expect(slips.map { $0[attribute: "data-slip"]! } == ["mcnamara-title", "sole-victory"])
        #expect(slips[0].text.contains("Correction: Robert McNamara was Secretary of Defense"))
        #expect(slips[1].text.contains("Source: \(Fixtures.source)"))
        #expect(root.descendants.contains { $0.hasClass("warnings") })
        #expect(root.descendants.filter { $0.hasClass("prompt") }.map(\.text) == report.questions.map(\.question))
        #expect(html.contains("<span class=\"score\">3.5</span> / 5"))
    }

    @Test func hostileTextStaysWellFormed() throws {
        var report = report
        let nasty = "</mark></div><script>alert(1)</script> & \"x\" \u{0}\u{1B}"
        report.essay = nasty
        report.questions[0].points[2].feedback = nasty
        report.slips[0].message = nasty
        report.warnings = [nasty]
        report.text = "A & B <b>bold</b> \u{0}\r\nnext line\rlast"
        report.questions[0].points[0].evidence = Evidence(sentence: 0, byteRange: 0..<5, text: "A & B",
                                                          sentenceText: report.text, sentenceByteRange: 0..<10)
        let html = HTMLReportRenderer.render(report)
        let root = try Fixtures.parse(html).root
        #expect(!html.contains("<script"))
        let essay = try essay(root)
        #expect(essay.text == "A & B <b>bold</b> \nnext line\nlast")
        #expect(highlights(in: essay).values.first { $0.pieces[0][attribute: "data-ref"] == "outcome.soviet-withdrawal" }?.text == "A & B")
    }

    @Test func spansOutsideTheTextOrInsideACharacterAreSafe() throws {
        var report = report
        let rocket = Fixtures.byteRange(of: "🚀")
        // Starts inside the emoji, ends inside the é of "Café": widened to whole characters.
        report.questions[0].points[0].evidence?.byteRange = (rocket.lowerBound + 2)..<(rocket.upperBound - 1)
        report.questions[0].points[1].evidence?.byteRange = 4..<9_999
        report.questions[1].points[0].evidence?.byteRange = 50_000..<50_010
        let root = try Fixtures.parse(HTMLReportRenderer.render(report)).root
        let essay = try essay(root)
        #expect(essay.text == report.text)
        let found = highlights(in: essay)
        #expect(found.values.contains { $0.text == "🚀" })
        #expect(found.values.contains { $0.text == String(decoding: Array(report.text.utf8)[3...], as: UTF8.self) })
        #expect(!found.values.contains { $0.pieces[0][attribute: "data-ref"] == "responses.quarantine" })
    }

    @Test(arguments: 0..<40)
    func randomOverlapsNestCorrectly(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let text = "Zoë’s “essay” 🚀🇺🇸 on Khrushchev — naïve, but ok.\nSecond paragraph: é, ü, 漢字, end."
        let bytes = Array(text.utf8)
        var spans: [EssayHighlighter.Span] = []
        for number in 1...Int.random(in: 1...8, using: &generator) {
            let a = Int.random(in: -2...(bytes.count + 2), using: &generator)
            let b = Int.random(in: -2...(bytes.count + 2), using: &generator)
            spans.append(.init(number: number, byteRange: min(a, b)..<max(a, b), cssClass: number.isMultiple(of: 2) ? "point" : "slip error",
                               reference: "r\(number)", title: "span \(number)"))
        }
        let highlighter = EssayHighlighter(text: text, spans: spans)
        var html = HTMLBuilder(title: "t", css: "")
        html.open("div", ["class": "essay"])
        highlighter.write(to: &html)
        html.close()
        let root = try Fixtures.parse(html.finish()).root
        let essay = try essay(root)
        #expect(essay.text == text)
        let found = highlights(in: essay)
        for span in spans {
            let expected = EssaySpan.aligned(span.byteRange, in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
            #expect(found[String(span.number)]?.text == expected, "span \(span.number) \(span.byteRange)")
            if let pieces = found[String(span.number)]?.pieces {
                // Exactly one piece carries the anchor.
                #expect(pieces.filter { $0[attribute: "id"] != nil }.count == 1)
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
