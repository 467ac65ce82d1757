import Foundation
import Testing
@testable import XMLSupport

@Suite struct ConcurrencyTests {
    /// 200 documents parsed and validated against one schema from many threads; every
    /// third is invalid at a line that depends on its number. Each gets exactly its own errors.
    @Test func manyDocumentsOneSchemaManyThreads() throws {
        let folder = try TemporaryFolder()
        let schema = try SchemaTests.schema(in: folder)
        let count = 200
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var byIndex: [Int: [XMLDiagnostic]] = [:]
            var failures: [String] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            var lines = ["<rubric>"]
            let padding = index % 7
            for _ in 0..<padding { lines.append("  <point kind=\"core\">ok</point>") }
            lines.append(index % 3 == 0 ? "  <point kind=\"wrong\(index)\">bad</point>" : "  <point kind=\"bonus\">fine</point>")
            lines.append("</rubric>")
            do throws(XMLFailure) {
                let document = try ParsedXML.parse(bytes: Array(lines.joined(separator: "\n").utf8), name: "doc-\(index).xml")
                let problems = document.validate(against: schema)
                results.lock.locked { results.byIndex[index] = problems }
            } catch {
                results.lock.locked { results.failures.append(error.description) }
            }
        }
        #expect(results.failures == [])
        #expect(results.byIndex.count == count)
        for index in 0..<count {
            let problems = results.byIndex[index] ?? []
            if index % 3 == 0 {
                #expect(problems.count == 1, "doc \(index)")
                #expect(problems.first?.file == "doc-\(index).xml")
                #expect(problems.first?.line == 2 + index % 7)
                #expect(problems.first?.message.contains("'wrong\(index)'") == true)
            } else {
                #expect(problems == [], "doc \(index)")
            }
        }
    }

    /// One document validated from many threads at once.
    @Test func oneDocumentManyThreads() throws {
        let folder = try TemporaryFolder()
        let schema = try SchemaTests.schema(in: folder)
        let document = try parse("<rubric>\n<point kind=\"x\" id=\"a\">1</point>\n</rubric>", name: "shared.xml")
        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var counts: [Int] = []
        }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 50) { _ in
            let problems = document.validate(against: schema)
            box.lock.locked { box.counts.append(problems.count) }
        }
        #expect(box.counts == Array(repeating: 1, count: 50))
    }
}
