import Foundation
import Grading

/// `summary.csv`: one row per essay, for a spreadsheet or a gradebook import.
///
/// Columns: `file`, `student`, `id` (a learning platform's user id, when known),
/// `score`, `max`, `percentage`, one column per question
/// (header: the question id; the question's score), `errors`, `cautions` (slip counts),
/// `words`. RFC 4180: CRLF line ends; a field holding a comma, quote, CR or LF is quoted,
/// quotes doubled. Numbers use a dot (`2.5`) whatever the locale.
///
/// Formula injection: a text cell (file, student, header) starting with `=`, `+`, `-`,
/// `@`, tab or CR gets a leading apostrophe, so that a spreadsheet shows it as text
/// instead of running it (OWASP "CSV injection"). Numbers are never changed.
///
/// Byte order mark: written by default. Excel opens a UTF-8 CSV without BOM in the
/// legacy code page and garbles names such as "Zoë" or "Nguyễn"; with it, Excel,
/// LibreOffice, Numbers and Google Sheets all read UTF-8. LMS imports accept it:
/// Moodle's CSV reader (`csv_import_reader::load_csv_content`) strips a UTF-8 BOM before
/// reading the header, and Canvas writes a BOM itself in gradebook exports (user
/// setting "include byte-order mark") that its importer reads back. A tool that does
/// not strip it sees the first header as "\u{FEFF}file"; pass `byteOrderMark: false`
/// for such a tool.
public enum CSVSummaryRenderer {
    /// - Parameters:
    ///   - students: names, one per report in the same order; a missing or empty name
    ///     (or nil for all) falls back to the file name without its extension.
    ///   - ids: platform user ids, one per report (nil or empty: none known).
    ///   - byteOrderMark: start with U+FEFF (see above).
    public static func render(_ reports: [GradeReport], students: [String]? = nil, ids: [String?]? = nil,
                              byteOrderMark: Bool = true) -> String {
        let rows = reports.enumerated().map { index, report in
            ClassRow(report, student: students.flatMap { index < $0.count ? $0[index] : nil },
                     platformID: ids.flatMap { index < $0.count ? $0[index] : nil })
        }
        return render(rows: rows, byteOrderMark: byteOrderMark)
    }

    public static func render(rows: [ClassRow], byteOrderMark: Bool = true) -> String {
        var questionIDs: [String] = []
        for row in rows {
            for question in row.questions where !questionIDs.contains(question.id) {
                questionIDs.append(question.id)
            }
        }
        var output = byteOrderMark ? "\u{FEFF}" : ""
        let header = (["file", "student", "id", "score", "max", "percentage"] + questionIDs + ["errors", "cautions", "words"])
        output += header.map { Cell.text($0).field }.joined(separator: ",") + "\r\n"
        for row in rows {
            var cells: [Cell] = [
                .text(row.essay), .text(row.student), .text(row.platformID),
                .number(ReportNumber.format(row.score)),
                .number(ReportNumber.format(row.maximum)),
                .number(ReportNumber.percentage(row.percentage)),
            ]
            for id in questionIDs {
                let score = row.questions.first { $0.id == id }?.score
                cells.append(.number(score.map(ReportNumber.format) ?? ""))
            }
            cells += [.number(String(row.errors)), .number(String(row.cautions)), .number(String(row.words))]
            output += cells.map(\.field).joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// The file name without folder and extension: "class/Zoë Adams.txt" → "Zoë Adams".
    static func studentName(fromFile file: String) -> String {
        let name = file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    enum Cell {
        case text(String)
        case number(String)

        /// The field as written: defused when text, quoted when needed.
        var field: String {
            switch self {
            case .number(let value): return value
            case .text(let value): return CSVSummaryRenderer.quoted(CSVSummaryRenderer.defused(value))
            }
        }
    }

    /// A leading apostrophe for text a spreadsheet would take as a formula.
    static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }

    /// RFC 4180 quoting, only when needed.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
