import Grading

/// The class summary of a batch: `summary.csv` for a spreadsheet or gradebook and
/// `summary.html` for the teacher, plus the file naming the batch output uses.
public enum ClassSummary {
    public static let csvFileName = "summary.csv"
    public static let htmlFileName = "summary.html"

    /// See `CSVSummaryRenderer`.
    public static func csv(_ reports: [GradeReport], students: [String]? = nil, ids: [String?]? = nil,
                           byteOrderMark: Bool = true) -> String {
        CSVSummaryRenderer.render(reports, students: students, ids: ids, byteOrderMark: byteOrderMark)
    }

    /// See `HTMLSummaryRenderer`.
    public static func html(_ reports: [GradeReport], reportLinks: [String?], students: [String]? = nil) -> String {
        HTMLSummaryRenderer.render(reports, reportLinks: reportLinks, students: students)
    }

    /// Where each essay's reports go in an output folder, without the format's extension:
    /// the essay's relative path with its extension dropped ("period2/smith.docx" ->
    /// "period2/smith"), so reports sit in the same folders as the essays. When two
    /// essays of one folder share a name ("alice.txt", "alice.md") both keep their
    /// extension ("alice.txt", "alice.md"); the format's extension is added after.
    public static func reportPaths(forEssays essays: [String]) -> [String] {
        func stem(_ path: String) -> String {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var name = parts.last ?? path
            if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
            return (parts.dropLast() + [name.isEmpty ? "essay" : name]).joined(separator: "/")
        }
        let stems = essays.map(stem)
        var counts: [String: Int] = [:]
        for stem in stems { counts[stem.lowercased(), default: 0] += 1 }
        return zip(essays, stems).map { essay, stem in counts[stem.lowercased()]! > 1 ? essay : stem }
    }
}
