import Grading

/// The class summary of a batch: `summary.csv` for a spreadsheet or gradebook and
/// `summary.html` for the teacher, plus the file naming the batch output uses.
public enum ClassSummary {
    public static let csvFileName = "summary.csv"
    public static let htmlFileName = "summary.html"

    /// See `CSVSummaryRenderer`.
    public static func csv(_ reports: [GradeReport], students: [String]? = nil, byteOrderMark: Bool = true) -> String {
        CSVSummaryRenderer.render(reports, students: students, byteOrderMark: byteOrderMark)
    }

    /// See `HTMLSummaryRenderer`.
    public static func html(_ reports: [GradeReport], reportLinks: [String?], students: [String]? = nil) -> String {
        HTMLSummaryRenderer.render(reports, reportLinks: reportLinks, students: students)
    }

    /// The file name of an essay's report: the essay's file name (without folders) with
    /// the format's extension added, so that `alice.txt` and `alice.md` never collide:
    /// `alice.txt.html`.
    public static func reportFileName(forEssay essay: String, format: ReportFormat) -> String {
        let name = essay.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? essay
        return (name.isEmpty ? "essay" : name) + "." + format.fileExtension
    }
}
