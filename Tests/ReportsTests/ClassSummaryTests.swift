import Foundation
import Grading
import Testing
import XMLSupport
@testable import Reports

@Suite struct ClassSummaryTests {
    /// Percentages 70, 40, 10, 70, 0: bands 7, 4, 1, 7, 0.
    let reports = [
        Fixtures.report(essay: "alice.txt"),
        Fixtures.variant(essay: "bob.txt", missing: ["outcome.no-invasion", "responses.air-strike-rejected"], slips: ["mcnamara-title"]),
        Fixtures.variant(essay: "chloé.md", missing: ["outcome.soviet-withdrawal", "outcome.no-invasion", "responses.quarantine"], slips: []),
        Fixtures.variant(essay: "dmitri.txt", slips: ["sole-victory"]),
        Fixtures.variant(essay: "eve.txt", missing: ["responses.quarantine", "responses.air-strike-rejected", "outcome.soviet-withdrawal", "outcome.no-invasion"]),
    ]
    var links: [String?] { ["alice.txt.html", "bob.txt.html", nil, "dmitri report.html", "javascript:alert(1)"] }

    @Test func statistics() {
        let stats = ClassStatistics(reports)
        #expect(reports.map(\.percentage) == [70, 40, 10, 70, 0])
        #expect(stats.count == 5)
        #expect(stats.meanPercentage == 38)
        #expect(stats.medianPercentage == 40)
        #expect(stats.maximum == 5)
        #expect(stats.histogram == [1, 1, 0, 0, 1, 0, 0, 2, 0, 0])
        let withdrawal = stats.points.first { $0.pointID == "outcome.soviet-withdrawal" }
        #expect(withdrawal?.met == 3)
        #expect(withdrawal?.graded == 5)
        #expect(withdrawal?.percentage == 60)
        #expect(stats.points.map(\.pointID) == reports[0].questions.flatMap(\.points).map(\.id))
        #expect(stats.slips.map(\.id) == ["mcnamara-title", "sole-victory"])
        #expect(stats.slips.map(\.essays) == [3, 3])
        #expect(ClassStatistics.bin(100) == 9)
        #expect(ClassStatistics.bin(99.9) == 9)
        #expect(ClassStatistics.bin(10) == 1)
        #expect(ClassStatistics.bin(9.99) == 0)
        #expect(ClassStatistics.bin(-5) == 0)
        #expect(ClassStatistics([]).meanPercentage == 0)
    }

    @Test func wellFormedWithChartTablesAndLinks() throws {
        let html = HTMLSummaryRenderer.render(reports, reportLinks: links)
        let root = try Fixtures.parse(html, name: "summary.html").root
        #expect(!html.contains("<script"))

        // The chart: one bar per non-empty band, accessible.
        let svg = try #require(root.descendants(named: "svg").first { $0.hasClass("chart") })
        #expect(svg[attribute: "role"] == "img")
        #expect(svg[attribute: "aria-labelledby"] == "histogram-title histogram-desc")
        #expect(svg.firstElement(named: "title")?.text == "Score distribution")
        #expect(svg.firstElement(named: "desc")?.text.contains("70–79%: 2") == true)
        let bars = svg.descendants(named: "rect").filter { $0.hasClass("bar") }
        #expect(bars.map { $0[attribute: "data-bin"] } == ["0", "1", "4", "7"])
        #expect(bars.map { $0.firstElement(named: "title")?.text } == ["0–9%: 1 essay", "10–19%: 1 essay", "40–49%: 1 essay", "70–79%: 2 essays"])
        let heights = bars.map { Double($0[attribute: "height"]!)! }
        #expect(heights[3] == heights[0] * 2)
        let labels = svg.descendants(named: "text").map(\.text)
        #expect(labels.contains("Essays"))
        #expect(labels.contains("Score (% of maximum)"))
        #expect(labels.contains("100"))

        // The point table: counts per point, grouped by question, weak points highlighted.
        let rows = root.descendants(named: "tr").filter { $0[attribute: "data-point"] != nil }
        let stats = ClassStatistics(reports)
        #expect(rows.map { $0[attribute: "data-point"]! } == stats.points.map(\.pointID))
        for (row, point) in zip(rows, stats.points) {
            let met = row.descendants(named: "td").first { $0.hasClass("met") }?.text
            #expect(met == "\(point.met) / \(point.graded)")
            #expect(row.hasClass("weak") == (point.percentage < 50))
        }
        #expect(rows.first { $0[attribute: "data-point"] == "outcome.no-invasion" }?.text.contains("40%") == true)
        let questionRows = root.descendants(named: "tr").filter { $0.hasClass("question-row") }
        #expect(questionRows.map(\.text) == ["How did the crisis end?", "How did Kennedy respond?"])
        let mostMissed = try #require(root.descendants(named: "ol").first { $0.hasClass("most-missed") })
        #expect(mostMissed.elements.first?.text.contains("met by 0 of 5") == true)

        // Slips with counts.
        let slipRows = root.descendants(named: "tr").filter { $0[attribute: "data-slip"] != nil }
        #expect(slipRows.map { $0[attribute: "data-slip"]! } == ["mcnamara-title", "sole-victory"])
        #expect(slipRows.map { $0.descendants(named: "td").first { $0.hasClass("essays") }?.text } == ["3", "3"])

        // Students with links; unsafe or missing links left out, spaces encoded.
        let table = try #require(root.descendants(named: "table").first { $0.hasClass("student-table") })
        let hrefs = table.descendants(named: "a").map { $0[attribute: "href"] }
        #expect(hrefs == ["alice.txt.html", "bob.txt.html", "dmitri%20report.html"])
        #expect(table.descendants(named: "tr").count == reports.count + 1)
        #expect(table.text.contains("chloé"))
        #expect(html.contains("<span class=\"value\">38%</span>"))
        #expect(html.contains("<span class=\"value\">40%</span>"))
    }

    @Test func emptyAndHostileClassesStayWellFormed() throws {
        _ = try Fixtures.parse(HTMLSummaryRenderer.render([], reportLinks: []))
        var report = Fixtures.report(essay: "<b>&amp;\"</b>.txt")
        report.questions[0].title = "</th></tr><script>x</script>"
        report.slips[0].message = "a < b & c > d \u{0}"
        let html = ClassSummary.html([report], reportLinks: ["a\"b<c>.html"], students: ["\"Q\" & <A>"])
        let root = try Fixtures.parse(html).root
        #expect(!html.contains("<script"))
        #expect(root.descendants(named: "a").compactMap { $0[attribute: "href"] }.contains("a\"b<c>.html"))
        #expect(root.text.contains("\"Q\" & <A>"))
    }

    @Test func namingAndFacade() {
        #expect(ClassSummary.reportPaths(forEssays: ["class/alice.txt", "bob.docx", "period2/bob.odt"])
            == ["class/alice", "bob", "period2/bob"])
        // Same name in one folder (any case): both keep their extension.
        #expect(ClassSummary.reportPaths(forEssays: ["alice.txt", "Alice.md", "notes/.hidden", "x"])
            == ["alice.txt", "Alice.md", "notes/.hidden", "x"])
        #expect(ClassSummary.csvFileName == "summary.csv")
        #expect(ClassSummary.htmlFileName == "summary.html")
        #expect(ClassSummary.csv(reports) == CSVSummaryRenderer.render(reports))
        #expect(ClassSummary.html(reports, reportLinks: links) == HTMLSummaryRenderer.render(reports, reportLinks: links))
    }

    @Test func tickSteps() {
        #expect(HistogramSVG.tickStep(0) == 1)
        #expect(HistogramSVG.tickStep(6) == 1)
        #expect(HistogramSVG.tickStep(7) == 2)
        #expect(HistogramSVG.tickStep(30) == 5)
        #expect(HistogramSVG.tickStep(31) == 10)
        #expect(HistogramSVG.tickStep(250) == 50)
    }
}

@Suite struct ClassSummaryBuilderTests {
    @Test func theSummaryIsTheSameWhateverOrderEssaysFinishIn() {
        let reports = [
            Fixtures.report(essay: "alice.txt"),
            Fixtures.variant(essay: "bob.md", missing: ["outcome.no-invasion"], slips: ["mcnamara-title"]),
            Fixtures.variant(essay: "cara.txt", missing: ["outcome.soviet-withdrawal"], slips: []),
        ]
        var inOrder = ClassSummaryBuilder(), reversed = ClassSummaryBuilder()
        for (index, report) in reports.enumerated() { inOrder.add(report, at: index, link: "r\(index).html") }
        for (index, report) in reports.enumerated().reversed() { reversed.add(report, at: index, link: "r\(index).html") }
        #expect(inOrder.csv() == reversed.csv())
        #expect(inOrder.html() == reversed.html())
        #expect(inOrder.csv() == CSVSummaryRenderer.render(reports))
        #expect(inOrder.html() == HTMLSummaryRenderer.render(reports, reportLinks: ["r0.html", "r1.html", "r2.html"]))
    }
}
