import BundledRubrics
import Testing
@testable import Grading
import Rubrics
import TextAnalysis

@Suite struct EssaySectionTests {
    @Test func aBookLengthEssayIsGradedInSectionsWithExactOffsets() throws {
        let grader = try Grader(try RubricSetLoader().load(BundledRubrics.defaultSet))
        let filler = String(repeating: "Nothing of interest happened in this part of the story at all.\n\n", count: 5000)
        let text = filler + "The Soviets removed their missiles from Cuba.\n\n" + filler
            + "During the crisis Robert McNamara, the Secretary of State, spoke to reporters.\n\n" + filler
        #expect(EssaySections.split(Array(text.utf8).withUnsafeBufferPointer { $0 }).count > 1)
        let report = grader.makeSession().grade(text, essay: "long.txt")

        let whole = TextAnalyzer().analyze(text)
        func sentence(atByte offset: Int) -> Int {
            Int(whole.sentenceOfToken[whole.tokens.firstIndex { Int($0.start) >= offset }!])
        }
        let bytes = Array(text.utf8)
        let point = try #require(report.metPoints.first { $0.id == "outcome.soviet-withdrawal" }?.evidence)
        #expect(String(decoding: bytes[point.byteRange], as: UTF8.self) == point.text)
        #expect(point.text.contains("Soviets removed"))
        #expect(point.sentence == sentence(atByte: point.byteRange.lowerBound))

        let slip = try #require(report.slips.first { $0.id == "mcnamara-title" }?.evidence)
        #expect(String(decoding: bytes[slip.byteRange], as: UTF8.self) == slip.text)
        #expect(slip.sentence == sentence(atByte: slip.byteRange.lowerBound))
        #expect(report.wordCount == whole.wordCount)
    }

    @Test func cutsFallOnParagraphsThenSentencesThenSpacesNeverInsideACharacter() {
        func sections(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                EssaySections.split(buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
        let paragraphs = String(repeating: "A short paragraph.\n\n", count: 20_000)
        #expect(sections(paragraphs).allSatisfy { $0.hasSuffix("\n\n") || $0 == sections(paragraphs).last })
        let oneLine = String(repeating: "One sentence. ", count: 30_000)
        #expect(sections(oneLine).dropLast().allSatisfy { $0.hasSuffix(". ") })
        let noSpaces = String(repeating: "é", count: 300_000)
        let pieces = sections(noSpaces)
        #expect(pieces.count > 1)
        #expect(pieces.joined() == noSpaces, "no character is split")
    }
}
