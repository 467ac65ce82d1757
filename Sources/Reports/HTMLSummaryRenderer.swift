import Foundation
import Grading
import Rubrics

/// `summary.html`: the class report, a self-contained polyglot page (see `HTMLBuilder`).
///
/// Class size, mean and median; the score distribution (`HistogramSVG`); for each point,
/// grouped by question, how many students met it, with the points fewer than half met
/// highlighted and the most-missed listed first (the teacher's "what did the class
/// miss" view); the most common slips; and the students with score and a link to each
/// essay's own HTML report.
public enum HTMLSummaryRenderer {
    /// Points met by fewer than this share of the class are highlighted.
    static let weakPercentage = 50.0

    /// - Parameters:
    ///   - reportLinks: one per report, the relative link to its HTML report, or nil for none.
    ///     Links with a scheme other than http, https or file are left out.
    ///   - students: names, one per report; a missing or empty name falls back to the file name.
    public static func render(_ reports: [GradeReport], reportLinks: [String?], students: [String]? = nil) -> String {
        var tally = ClassTally()
        var rows: [ClassRow] = []
        for (index, report) in reports.enumerated() {
            tally.add(report)
            rows.append(ClassRow(report, student: students.flatMap { index < $0.count ? $0[index] : nil },
                                 link: index < reportLinks.count ? reportLinks[index] : nil))
        }
        return render(rows: rows, statistics: ClassStatistics(rows: rows, tally: tally))
    }

    public static func render(rows: [ClassRow], statistics stats: ClassStatistics) -> String {
        var html = HTMLBuilder(title: "Class summary — \(TextReportRenderer.plural(stats.count, "essay"))", css: HTMLStyle.summary)
        header(rows, stats: stats, into: &html)
        html.open("main")
        html.newline()
        section("distribution", "Score distribution", into: &html) {
            HistogramSVG.write(stats.histogram, into: &$0)
        }
        section("points", "What the class covered and missed", into: &html) {
            points(stats, into: &$0)
        }
        section("slips", "Most common slips", into: &html) {
            slips(stats, into: &$0)
        }
        section("students", "Students", into: &html) {
            studentTable(rows, into: &$0)
        }
        html.close()
        html.newline()
        html.element("footer", text: "Graded by essay-grader. Counts show what the grader matched; check a student's report before acting on one number.")
        return html.finish()
    }

    private static func section(_ id: String, _ title: String, into html: inout HTMLBuilder, _ body: (inout HTMLBuilder) -> Void) {
        html.open("section", ["class": "panel", "id": id, "aria-labelledby": "\(id)-heading"])
        html.element("h2", ["id": "\(id)-heading"], text: title)
        html.newline()
        body(&html)
        html.close()
        html.newline()
    }

    private static func header(_ rows: [ClassRow], stats: ClassStatistics, into html: inout HTMLBuilder) {
        html.open("header", ["class": "page-header"])
        html.element("h1", text: "Class summary")
        var titles: [String] = []
        for row in rows where !titles.contains(row.rubricSetTitle) { titles.append(row.rubricSetTitle) }
        if !titles.isEmpty { html.element("p", ["class": "subtitle"], text: titles.joined(separator: "; ")) }
        html.open("ul", ["class": "stats"])
        stat(String(stats.count), stats.count == 1 ? "essay" : "essays", into: &html)
        stat("\(ReportNumber.percentage(stats.meanPercentage))%", "mean score", into: &html)
        stat("\(ReportNumber.percentage(stats.medianPercentage))%", "median score", into: &html)
        if let maximum = stats.maximum {
            stat("\(ReportNumber.format(stats.meanScore)) / \(ReportNumber.format(maximum))", "mean points", into: &html)
            stat("\(ReportNumber.format(stats.medianScore)) / \(ReportNumber.format(maximum))", "median points", into: &html)
        }
        html.close()
        html.close()
        html.newline()
    }

    private static func stat(_ value: String, _ label: String, into html: inout HTMLBuilder) {
        html.open("li")
        html.element("span", ["class": "value"], text: value)
        html.element("span", ["class": "label"], text: label)
        html.close()
    }

    private static func points(_ stats: ClassStatistics, into html: inout HTMLBuilder) {
        guard !stats.points.isEmpty else {
            html.element("p", ["class": "muted"], text: "No points were graded.")
            return
        }
        let missed = stats.points.filter { $0.met < $0.graded }
            .sorted { ($0.percentage, $0.kind == .core ? 0 : 1, $0.pointID) < ($1.percentage, $1.kind == .core ? 0 : 1, $1.pointID) }
            .prefix(5)
        if !missed.isEmpty {
            html.element("h3", text: "Most missed")
            html.open("ol", ["class": "most-missed"])
            for point in missed {
                html.open("li")
                html.element("strong", text: point.description.isEmpty ? point.pointID : point.description)
                html.text(" — met by \(point.met) of \(point.graded) (\(ReportNumber.percentage(point.percentage))%) ")
                html.element("code", text: point.pointID)
                html.close()
            }
            html.close()
            html.newline()
        }
        html.open("table", ["class": "point-table"])
        html.open("thead")
        html.open("tr")
        html.element("th", ["scope": "col"], text: "Point")
        html.element("th", ["scope": "col"], text: "Kind")
        html.element("th", ["scope": "col", "class": "num"], text: "Met")
        html.element("th", ["scope": "col", "class": "num"], text: "Share of class")
        html.close()
        html.close()
        html.open("tbody")
        var question: String?
        for point in stats.points {
            if point.questionID != question {
                question = point.questionID
                html.open("tr", ["class": "question-row"])
                html.element("th", ["colspan": "4", "scope": "colgroup"],
                             text: point.questionTitle.isEmpty ? point.questionID : point.questionTitle)
                html.close()
                html.newline()
            }
            let weak = point.percentage < weakPercentage
            html.open("tr", ["class": weak ? "weak" : nil, "data-point": point.pointID])
            html.open("td", ["class": "point-cell"])
            html.text(point.description.isEmpty ? point.pointID : point.description)
            html.text(" ")
            html.element("code", text: point.pointID)
            html.close()
            html.element("td", text: point.kind.rawValue)
            html.element("td", ["class": "num met"], text: "\(point.met) / \(point.graded)")
            html.open("td", ["class": "num"])
            html.element("span", ["class": "rate"], text: "\(ReportNumber.percentage(point.percentage))%")
            rateBar(point.percentage, into: &html)
            html.close()
            html.close()
            html.newline()
        }
        html.close()
        html.close()
    }

    /// A 100×10 bar: the share of the class that met a point.
    private static func rateBar(_ percentage: Double, into html: inout HTMLBuilder) {
        html.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "ratebar", "width": "100", "height": "10",
                          "viewBox": "0 0 100 10", "aria-hidden": "true"])
        html.void("rect", ["class": "track", "width": "100", "height": "10"])
        html.void("rect", ["class": "fill", "width": ReportNumber.format(min(100, max(0, percentage))), "height": "10"])
        html.close()
    }

    private static func slips(_ stats: ClassStatistics, into html: inout HTMLBuilder) {
        guard !stats.slips.isEmpty else {
            html.element("p", ["class": "muted"], text: "No slips found in any essay.")
            return
        }
        html.open("table", ["class": "slip-table"])
        html.open("thead")
        html.open("tr")
        for (title, numeric) in [("Slip", false), ("Severity", false), ("What is wrong", false), ("Essays", true), ("Times", true)] {
            html.element("th", ["scope": "col", "class": numeric ? "num" : nil], text: title)
        }
        html.close()
        html.close()
        html.open("tbody")
        for slip in stats.slips.prefix(20) {
            html.open("tr", ["data-slip": slip.id])
            html.open("td")
            html.element("code", text: slip.id)
            html.close()
            html.open("td")
            html.element("span", ["class": "badge \(slip.severity.rawValue)"], text: slip.severity.rawValue)
            html.close()
            html.element("td", text: slip.message)
            html.element("td", ["class": "num essays"], text: String(slip.essays))
            html.element("td", ["class": "num"], text: String(slip.occurrences))
            html.close()
            html.newline()
        }
        html.close()
        html.close()
    }

    private static func studentTable(_ rows: [ClassRow], into html: inout HTMLBuilder) {
        html.open("table", ["class": "student-table"])
        html.open("thead")
        html.open("tr")
        for (title, numeric) in [("Student", false), ("Score", true), ("%", true), ("Errors", true), ("Cautions", true), ("Report", false)] {
            html.element("th", ["scope": "col", "class": numeric ? "num" : nil], text: title)
        }
        html.close()
        html.close()
        html.open("tbody")
        for row in rows {
            html.open("tr")
            html.open("td", ["class": "student"])
            html.text(row.student)
            if row.student != row.essay {
                html.text(" ")
                html.element("span", ["class": "muted"], text: "(\(row.essay))")
            }
            html.close()
            html.element("td", ["class": "num"], text: "\(ReportNumber.format(row.score)) / \(ReportNumber.format(row.maximum))")
            html.element("td", ["class": "num"], text: "\(ReportNumber.percentage(row.percentage))%")
            html.element("td", ["class": "num"], text: String(row.errors))
            html.element("td", ["class": "num"], text: String(row.cautions))
            html.open("td")
            if let link = row.link.flatMap(safeLink) {
                html.element("a", ["href": link], text: "report")
            } else {
                html.element("span", ["class": "muted"], text: "—")
            }
            html.close()
            html.close()
            html.newline()
        }
        html.close()
        html.close()
    }

    /// A link fit for `href`: relative, or http(s)/file; spaces percent-encoded.
    static func safeLink(_ link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let colon = trimmed.firstIndex(of: ":"),
           !trimmed[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            let scheme = trimmed[..<colon].lowercased()
            guard ["http", "https", "file"].contains(scheme) else { return nil }
        }
        return trimmed.replacingOccurrences(of: " ", with: "%20")
    }
}
