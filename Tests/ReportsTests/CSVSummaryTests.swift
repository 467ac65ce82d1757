import Foundation
import Grading
import Testing
@testable import Reports

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
/// Returns nil on anything malformed (a bare LF or CR outside quotes, a stray quote).
func parseCSV(_ text: String) -> [[String]]? {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var quoted = false
    var fieldStarted = false
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    quoted = false
                    guard scalars.first == "," || scalars.first == "\r" || scalars.first == nil else { return nil }
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"":
            guard !fieldStarted, field.isEmpty else { return nil }
            quoted = true
            fieldStarted = true
        case ",":
            row.append(field)
            field = ""
            fieldStarted = false
        case "\r":
            guard scalars.popFirst() == "\n" else { return nil }
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            fieldStarted = false
        case "\n":
            return nil
        default:
            field.unicodeScalars.append(scalar)
            fieldStarted = true
        }
    }
    guard !quoted else { return nil }
    if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite struct CSVSummaryTests {
    let reports = [
        Fixtures.report(essay: "alice.txt"),
        Fixtures.variant(essay: "class/bob.md", missing: ["outcome.no-invasion", "responses.air-strike-rejected"], slips: ["mcnamara-title"]),
        Fixtures.variant(essay: "Zoë Nguyễn.txt", missing: ["outcome.soviet-withdrawal", "outcome.no-invasion", "responses.quarantine"], slips: []),
    ]

    func rows(_ csv: String) throws -> [[String]] {
        #expect(csv.hasPrefix("\u{FEFF}"))
        return try #require(parseCSV(String(csv.dropFirst())))
    }

    @Test func headerAndRows() throws {
        let rows = try rows(CSVSummaryRenderer.render(reports, students: ["Alice Adams", "", "Zoë Nguyễn"], ids: [nil, "4521", nil]))
        #expect(rows == [
            ["file", "student", "id", "score", "max", "percentage", "outcome", "responses", "errors", "cautions", "words"],
            ["alice.txt", "Alice Adams", "", "3.5", "5", "70", "2", "1.5", "1", "1", "68"],
            ["class/bob.md", "bob", "4521", "2", "5", "40", "1", "1", "1", "0", "68"],
            ["Zoë Nguyễn.txt", "Zoë Nguyễn", "", "0.5", "5", "10", "0", "0.5", "0", "0", "68"],
        ])
    }

    @Test func recordsEndWithCRLF() {
        let csv = CSVSummaryRenderer.render(reports, byteOrderMark: false)
        #expect(!csv.hasPrefix("\u{FEFF}"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(csv.components(separatedBy: "\r\n").count == reports.count + 2)
        #expect(parseCSV(csv)?.map { $0[1] } == ["student", "alice", "bob", "Zoë Nguyễn"])
    }

    @Test func awkwardNamesRoundTrip() throws {
        let names = ["Smith, John \"Jack\"\r\nthe second", "O'Brien", "  spaced  ", "tab\there", "\"quoted\""]
        let many = names.indices.map { Fixtures.report(essay: "e\($0),\"x\".txt") }
        let rows = try rows(CSVSummaryRenderer.render(many, students: names))
        #expect(rows.dropFirst().map { $0[1] } == names)
        #expect(rows.dropFirst().map { $0[0] } == names.indices.map { "e\($0),\"x\".txt" })
        #expect(rows.allSatisfy { $0.count == 11 })
    }

    @Test func formulaInjectionIsDefused() throws {
        let names = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-3", "@SUM(A1)", "\tTAB", "\rCR", "fine = ok"]
        let many = names.indices.map { Fixtures.report(essay: $0 == 0 ? "=cmd|' /C calc'!A0.txt" : "s\($0).txt") }
        let rows = try rows(CSVSummaryRenderer.render(many, students: names))
        #expect(rows.dropFirst().map { $0[1] } == [
            "'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1+2", "'-3", "'@SUM(A1)", "'\tTAB", "'\rCR", "fine = ok",
        ])
        #expect(rows[1][0] == "'=cmd|' /C calc'!A0.txt")
        // No text cell starts with a formula character; numbers are left alone.
        for row in rows {
            for cell in row.prefix(2) {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""))
            }
            #expect(row[3...].allSatisfy { !$0.hasPrefix("'") })
        }
    }

    @Test func questionsMissingFromAReportLeaveTheCellEmpty() throws {
        var other = Fixtures.report(essay: "other.txt")
        other.questions.removeFirst()
        let rows = try rows(CSVSummaryRenderer.render([Fixtures.report(), other]))
        #expect(rows[0][6...7] == ["outcome", "responses"])
        #expect(rows[2][6...7] == ["", "1.5"])
    }

    @Test func emptyClassHasAHeader() throws {
        #expect(try rows(CSVSummaryRenderer.render([])) == [["file", "student", "id", "score", "max", "percentage", "errors", "cautions", "words"]])
    }

    @Test func studentNames() {
        #expect(CSVSummaryRenderer.studentName(fromFile: "class/Zoë Adams.txt") == "Zoë Adams")
        #expect(CSVSummaryRenderer.studentName(fromFile: "C:\\essays\\bob.final.docx") == "bob.final")
        #expect(CSVSummaryRenderer.studentName(fromFile: ".hidden") == ".hidden")
        #expect(CSVSummaryRenderer.studentName(fromFile: "plain") == "plain")
    }
}
