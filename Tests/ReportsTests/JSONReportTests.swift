import Foundation
import Grading
import Testing
@testable import Reports

@Suite struct JSONReportTests {
    let report = Fixtures.report()

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func valuesEqualTheReport() throws {
        let root = try object(JSONReportRenderer.render(report))
        #expect(root["essay"] as? String == "alice.txt")
        #expect(root["rubricSet"] as? String == "cuban-missile-crisis")
        #expect(root["rubricTitle"] as? String == "The Cuban Missile Crisis")
        #expect((root["score"] as? NSNumber)?.doubleValue == 3.5)
        #expect((root["max"] as? NSNumber)?.doubleValue == 5)
        #expect((root["percentage"] as? NSNumber)?.doubleValue == 70)
        #expect((root["words"] as? NSNumber)?.intValue == 68)
        #expect(root["warnings"] as? [String] == report.warnings)

        let questions = try #require(root["questions"] as? [[String: Any]])
        #expect(questions.count == report.questions.count)
        for (question, json) in zip(report.questions, questions) {
            #expect(json["id"] as? String == question.id)
            #expect(json["title"] as? String == question.title)
            #expect((json["score"] as? NSNumber)?.doubleValue == question.score)
            #expect((json["max"] as? NSNumber)?.doubleValue == question.maximum)
            #expect(json["level"] as? String == question.level?.name)
            #expect((json["levelMark"] as? NSNumber)?.intValue == question.level?.mark)
            let points = try #require(json["points"] as? [[String: Any]])
            #expect(points.count == question.points.count)
            for (point, pointJSON) in zip(question.points, points) {
                #expect(pointJSON["id"] as? String == point.id)
                #expect(pointJSON["kind"] as? String == point.kind.rawValue)
                #expect((pointJSON["weight"] as? NSNumber)?.doubleValue == point.weight)
                #expect(pointJSON["status"] as? String == point.status.rawValue)
                if let evidence = point.evidence {
                    let found = try #require(pointJSON["evidence"] as? [String: Any])
                    #expect((found["sentence"] as? NSNumber)?.intValue == evidence.sentence + 1)
                    #expect((found["start"] as? NSNumber)?.intValue == evidence.byteRange.lowerBound)
                    #expect((found["end"] as? NSNumber)?.intValue == evidence.byteRange.upperBound)
                    #expect(found["text"] as? String == evidence.text)
                    #expect(pointJSON["feedback"] is NSNull)
                } else {
                    #expect(pointJSON["evidence"] is NSNull)
                    #expect(pointJSON["feedback"] as? String == point.feedback)
                }
            }
        }

        let slips = try #require(root["slips"] as? [[String: Any]])
        #expect(slips.count == report.slips.count)
        for (slip, json) in zip(report.slips, slips) {
            #expect(json["id"] as? String == slip.id)
            #expect(json["severity"] as? String == slip.severity.rawValue)
            #expect((json["sentence"] as? NSNumber)?.intValue == slip.evidence.sentence + 1)
            #expect((json["start"] as? NSNumber)?.intValue == slip.evidence.byteRange.lowerBound)
            #expect((json["end"] as? NSNumber)?.intValue == slip.evidence.byteRange.upperBound)
            #expect(json["text"] as? String == slip.evidence.text)
            #expect(json["message"] as? String == slip.message)
            #expect(json["correction"] as? String == slip.correction)
            #expect(json["source"] as? String == slip.source)
        }
    }

    @Test func stableReadableLayout() throws {
        let json = JSONReportRenderer.render(report)
        #expect(json == JSONReportRenderer.render(report))
        let keys = ["\"essay\"", "\"rubricSet\"", "\"rubricTitle\"", "\"score\"", "\"max\"", "\"percentage\"", "\"words\"",
                    "\"questions\"", "\"slips\"", "\"warnings\""]
        let positions = keys.map { json.range(of: "\n  " + $0 + ": ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(json.contains("\"score\": 3.5,"))
        #expect(json.contains("\"max\": 5,"))
        #expect(json.contains("\"weight\": 0.5,"))
        #expect(json.contains(Fixtures.source))  // no escaped slashes
        #expect(json.contains("Café talk") == false)  // the essay text is not part of the JSON
        #expect(json.hasSuffix("}\n"))
    }

    @Test func escapingRoundTrips() throws {
        var report = report
        let nasty = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} bell \u{7} sep \u{2028} é 🚀"
        report.essay = nasty
        report.slips[0].message = nasty
        let root = try object(JSONReportRenderer.render(report))
        #expect(root["essay"] as? String == nasty)
        #expect((root["slips"] as? [[String: Any]])?.first?["message"] as? String == nasty)
    }
}
