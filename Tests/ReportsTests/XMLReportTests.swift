import Foundation
import Grading
import Testing
import XMLSupport
@testable import Reports

@Suite struct XMLReportTests {
    let report = Fixtures.report()

    @Test func validatesAgainstTheSchema() throws {
        let xml = XMLReportRenderer.render(report)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report essay=\"alice.txt\" rubric-set=\"cuban-missile-crisis\""))
        let document = try Fixtures.parse(xml)
        #expect(document.validate(against: try Fixtures.schema()) == [])
    }

    @Test func attributesAndTextRoundTrip() throws {
        let root = try Fixtures.parse(XMLReportRenderer.render(report)).root
        #expect(root.name == "report")
        #expect(root[attribute: "essay"] == "alice.txt")
        #expect(root[attribute: "rubric-set"] == "cuban-missile-crisis")
        #expect(root[attribute: "rubric-title"] == "The Cuban Missile Crisis")
        #expect(root[attribute: "score"] == "3.5")
        #expect(root[attribute: "max"] == "5")
        #expect(root[attribute: "percentage"] == "70")
        #expect(root[attribute: "words"] == "68")

        let questions = root.elements(named: "question")
        #expect(questions.map { $0[attribute: "id"] } == ["outcome", "responses"])
        #expect(questions.map { $0[attribute: "score"] } == ["2", "1.5"])
        #expect(questions.map { $0[attribute: "max"] } == ["3", "2"])
        #expect(questions.map { $0[attribute: "level"] } == ["Good", "Good"])
        #expect(questions.map { $0[attribute: "level-mark"] } == ["3", "3"])

        for (question, element) in zip(report.questions, questions) {
            let points = element.elements(named: "point")
            #expect(points.count == question.points.count)
            for (point, pointElement) in zip(question.points, points) {
                #expect(pointElement[attribute: "id"] == point.id)
                #expect(pointElement[attribute: "kind"] == point.kind.rawValue)
                #expect(pointElement[attribute: "weight"] == ReportNumber.format(point.weight))
                #expect(pointElement[attribute: "status"] == point.status.rawValue)
                #expect(pointElement[attribute: "description"] == point.description)
                if let evidence = point.evidence {
                    let found = try #require(pointElement.firstElement(named: "evidence"))
                    #expect(found[attribute: "sentence"] == String(evidence.sentence + 1))
                    #expect(found[attribute: "start"] == String(evidence.byteRange.lowerBound))
                    #expect(found[attribute: "end"] == String(evidence.byteRange.upperBound))
                    #expect(found.text == evidence.text)
                    // The offsets really point at the text, multi-byte characters before it notwithstanding.
                    let bytes = Array(report.text.utf8)
                    let start = Int(found[attribute: "start"]!)!, end = Int(found[attribute: "end"]!)!
                    #expect(String(decoding: bytes[start..<end], as: UTF8.self) == found.text)
                    #expect(pointElement.firstElement(named: "feedback") == nil)
                } else {
                    #expect(pointElement.firstElement(named: "feedback")?.text == point.feedback)
                    #expect(pointElement.firstElement(named: "evidence") == nil)
                }
            }
        }

        let slips = root.elements(named: "slip")
        #expect(slips.count == 2)
        for (slip, element) in zip(report.slips, slips) {
            #expect(element[attribute: "id"] == slip.id)
            #expect(element[attribute: "severity"] == slip.severity.rawValue)
            #expect(element[attribute: "sentence"] == String(slip.evidence.sentence + 1))
            #expect(element[attribute: "start"] == String(slip.evidence.byteRange.lowerBound))
            #expect(element[attribute: "end"] == String(slip.evidence.byteRange.upperBound))
            #expect(element.elements.map(\.name) == ["text", "message", "correction", "source"])
            #expect(element.firstElement(named: "text")?.text == slip.evidence.text)
            #expect(element.firstElement(named: "message")?.text == slip.message)
            #expect(element.firstElement(named: "correction")?.text == slip.correction)
            #expect(element.firstElement(named: "source")?.text == slip.source)
        }
        #expect(root.elements(named: "warning").map(\.text) == report.warnings)
        #expect(root.elements.map(\.name) == ["question", "question", "slip", "slip", "warning"])
    }

    @Test func hostileTextStillValidates() throws {
        var report = report
        let nasty = "Tom & \"Jerry\" <script>alert('x')</script> \u{0}\u{1}\u{7}\u{1B}[31m\u{FFFE} ]]> done"
        let clean = "Tom & \"Jerry\" <script>alert('x')</script> [31m ]]> done"
        report.essay = "a&b <\"c\">.txt"
        report.questions[0].points[2].feedback = nasty
        report.questions[0].points[0].evidence?.text = nasty
        report.questions[0].title = nasty
        report.slips[0].message = nasty
        report.warnings = [nasty, ""]
        let xml = XMLReportRenderer.render(report)
        let document = try Fixtures.parse(xml)
        #expect(document.validate(against: try Fixtures.schema()) == [])
        let root = document.root
        #expect(root[attribute: "essay"] == "a&b <\"c\">.txt")
        let outcome = root.elements(named: "question")[0]
        #expect(outcome[attribute: "title"] == clean)
        #expect(outcome.elements(named: "point")[2].firstElement(named: "feedback")?.text == clean)
        #expect(outcome.elements(named: "point")[0].firstElement(named: "evidence")?.text == clean)
        #expect(root.elements(named: "slip")[0].firstElement(named: "message")?.text == clean)
        #expect(root.elements(named: "warning").map(\.text) == [clean, ""])
    }

    @Test func aReportWithoutLevelsSlipsOrQuestionsValidates() throws {
        var report = report
        report.questions[1].level = nil
        report.slips = []
        report.warnings = []
        let schema = try Fixtures.schema()
        let document = try Fixtures.parse(XMLReportRenderer.render(report))
        #expect(document.validate(against: schema) == [])
        #expect(document.root.elements(named: "question")[1][attribute: "level"] == nil)
        report.questions = []
        #expect(try Fixtures.parse(XMLReportRenderer.render(report)).validate(against: schema) == [])
    }

    @Test(arguments: [
        ("status=\"met\"", "status=\"maybe\""),
        ("kind=\"core\"", "kind=\"extra\""),
        ("severity=\"error\"", "severity=\"fatal\""),
        ("score=\"3.5\"", "score=\"lots\""),
        ("sentence=\"2\"", "sentence=\"0\""),
        ("<message>", "<remark>x</remark><message>"),
        ("<correction>", "<correction-missing/><correction>"),
    ])
    func wrongDocumentsFail(original: String, replacement: String) throws {
        let xml = XMLReportRenderer.render(report)
        #expect(xml.contains(original))
        let broken = xml.replacingOccurrences(of: original, with: replacement)
        let problems = try Fixtures.parse(broken).validate(against: try Fixtures.schema())
        #expect(!problems.isEmpty)
    }

    @Test func theSchemaShipsWithTheBundledRubrics() throws {
        // Rubrics/schema is bundled as a resource, so report.xsd is reachable at run time too.
        let text = try String(contentsOf: Fixtures.schemaURL, encoding: .utf8)
        #expect(text.contains("xs:annotation"))
        #expect(!text.contains("targetNamespace"))
    }
}
