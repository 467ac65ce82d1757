import Foundation
import Rubrics
import TextAnalysis

/// Grades essays against one rubric set. Compile once, then grade from many threads:
/// each thread takes its own `GradingSession`.
public final class Grader: Sendable {
    public let compiled: CompiledRubricSet

    public init(_ set: RubricSet) throws(RubricLoadError) {
        compiled = try CompiledRubricSet(set)
    }

    public var set: RubricSet { compiled.set }

    /// A session for one thread. Reuse it across essays: it caches every word it has seen.
    public func makeSession() -> GradingSession { GradingSession(compiled) }
}

/// Grades essays one after another on one thread, caching word analysis across them.
public final class GradingSession {
    public let compiled: CompiledRubricSet
    let analyzer = TextAnalyzer()
    private let words = EnglishWordList.shared
    /// Leaf caches reused from essay to essay: points are judged less strictly than slips.
    private lazy var pointCaches = LeafCache.Pair(leafCount: compiled.leaves.count)
    lazy var slipCaches = LeafCache.Pair(leafCount: compiled.leaves.count)
    /// Vocabulary entries met by each form id of `analyzer`'s table, computed once per
    /// form: form f's are `entryPool[entryStart[f]..<entryStart[f] + entryCount[f]]`
    /// (entryStart -1: not looked up yet).
    private var entryStart: [Int32] = []
    private var entryCount: [UInt8] = []
    private var entryPool: [Int32] = []

    init(_ compiled: CompiledRubricSet) { self.compiled = compiled }

    /// Grades an essay's text. A very long text is graded in sections (see `EssaySections`)
    /// so that memory stays a small multiple of its size.
    public func grade(_ text: String, essay name: String, warnings: [String] = []) -> GradeReport {
        var evidence = [Evidence?](repeating: nil, count: compiled.points.count)
        var slips: [SlipFinding] = []
        var words = 0
        var sentencesBefore = 0
        var text = text
        text.withUTF8 { bytes in
            for section in EssaySections.split(bytes) {
                let analyzed = analyzer.analyze(Array(bytes[section]))
                let index = makeIndex(analyzed)
                var points = ExpressionEvaluator(compiled: compiled, index: index, strict: false, caches: pointCaches)
                // A point met in an earlier section keeps that (earliest) evidence.
                for (offset, point) in compiled.points.enumerated() where evidence[offset] == nil {
                    evidence[offset] = points.best(points.matches(point.node)).map {
                        self.evidence($0, in: analyzed).shifted(bytes: section.lowerBound, sentences: sentencesBefore)
                    }
                }
                slips += findSlips(index).map { $0.shifted(bytes: section.lowerBound, sentences: sentencesBefore) }
                words += analyzed.wordCount
                sentencesBefore += analyzed.sentences.count
            }
        }
        var questions: [QuestionResult] = []
        for (rubricIndex, rubric) in compiled.set.rubrics.enumerated() {
            let results = compiled.points.enumerated().filter { $0.element.rubricIndex == rubricIndex }.map { offset, compiledPoint in
                let point = compiledPoint.point
                return PointResult(id: point.id, kind: point.kind, weight: point.weight, description: point.description,
                                   feedback: point.feedback, status: evidence[offset] == nil ? .missed : .met,
                                   evidence: evidence[offset])
            }
            let (score, level) = Scoring.score(rubric, points: results)
            questions.append(QuestionResult(id: rubric.id, title: rubric.title, question: rubric.question,
                                            score: score, maximum: rubric.maximumScore, level: level, points: results))
        }
        return GradeReport(
            essay: name, rubricSetID: compiled.set.id, rubricSetTitle: compiled.set.title,
            wordCount: words, questions: questions, slips: slips,
            warnings: warnings, text: text
        )
    }

    // MARK: - Pieces shared with the rubric example runner

    func makeIndex(_ analyzed: AnalyzedText) -> EssayIndex {
        EssayIndex(text: analyzed, compiled: compiled, forms: analyzer.forms, entries: tokenEntries(analyzed))
    }

    /// The vocabulary entries of every token of an essay.
    private func tokenEntries(_ text: AnalyzedText) -> TokenEntries {
        var starts = [Int32](repeating: 0, count: text.tokens.count)
        var counts = [UInt8](repeating: 0, count: text.tokens.count)
        for (index, token) in text.tokens.enumerated()
        where token.kind == .word || token.kind == .number || token.kind == .clitic {
            let form = Int(token.form)
            if form >= entryStart.count || entryStart[form] < 0 { lookUp(form) }
            starts[index] = entryStart[form]
            counts[index] = entryCount[form]
        }
        return TokenEntries(start: starts, count: counts, pool: entryPool)
    }

    /// The first match of a point, if any.
    func firstMatch(ofPoint pointIndex: Int, in index: EssayIndex) -> Evidence? {
        var evaluator = ExpressionEvaluator(compiled: compiled, index: index, strict: false, caches: pointCaches)
        return evaluator.best(evaluator.matches(compiled.points[pointIndex].node)).map { evidence($0, in: index.text) }
    }

    /// Every slip found, one finding per slip and sentence, in text order.
    func findSlips(_ index: EssayIndex, only slipIndex: Int? = nil) -> [SlipFinding] {
        var evaluator = ExpressionEvaluator(compiled: compiled, index: index, strict: true, caches: slipCaches)
        var checker = FactChecker(compiled: compiled, index: index, forms: analyzer.forms, caches: slipCaches)
        var findings: [(Span, SlipFinding)] = []
        for (offset, compiledSlip) in compiled.slips.enumerated() where slipIndex == nil || slipIndex == offset {
            var spans: [Span] = []
            // Placeholder values of the fact check behind a span ({person}, {year}...).
            var details: [Span: [String: String]] = [:]
            if let node = compiledSlip.node { spans += evaluator.matches(node) }
            for check in compiledSlip.slip.checks {
                for violation in checker.violations(of: check, slipIndex: offset) {
                    spans.append(violation.span)
                    details[violation.span] = details[violation.span] ?? violation.details
                }
            }
            // One finding per sentence: its tightest match.
            let bySentence = Dictionary(grouping: spans, by: { index.sentence(of: $0.start) })
            for span in bySentence.values.compactMap({ evaluator.best($0) }) {
                let slip = compiledSlip.slip
                let values = SlipPlaceholders.defaults(for: slip, facts: compiled.set.facts)
                    .merging(details[span] ?? [:], uniquingKeysWith: { _, found in found })
                findings.append((span, SlipFinding(id: slip.id, severity: slip.severity,
                                                   message: SlipPlaceholders.fill(slip.message, with: values),
                                                   correction: SlipPlaceholders.fill(slip.correction, with: values),
                                                   source: slip.source, evidence: evidence(span, in: index.text))))
            }
        }
        return findings.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func evidence(_ span: Span, in text: AnalyzedText) -> Evidence {
        let tokens = text.tokens
        let byteRange = Int(tokens[Int(span.start)].start)..<Int(tokens[Int(span.end) - 1].end)
        let first = Int(text.sentenceOfToken[Int(span.start)])
        let last = Int(text.sentenceOfToken[Int(span.end) - 1])
        let sentenceBytes = text.sentences[first].bytes.lowerBound..<text.sentences[last].bytes.upperBound
        return Evidence(sentence: first, byteRange: byteRange, text: text.text(byteRange),
                        sentenceText: text.text(sentenceBytes), sentenceByteRange: sentenceBytes)
    }

    /// Looks up the rubric vocabulary entries a form meets, once.
    private func lookUp(_ form: Int) {
        let forms = analyzer.forms
        if entryStart.count < forms.count {
            entryStart += [Int32](repeating: -1, count: forms.count - entryStart.count)
            entryCount += [UInt8](repeating: 0, count: forms.count - entryCount.count)
        }
        let found = compiled.vocabulary.matches(
            form: forms.bytes(of: Int32(form)), stem: forms.bytes(of: forms.stem(of: Int32(form))),
            isFunctionWord: !forms.wordClass(of: Int32(form)).isEmpty, words: words
        )
        // Stemming may intern the stem, growing the table: keep the arrays in step.
        if entryStart.count < forms.count {
            entryStart += [Int32](repeating: -1, count: forms.count - entryStart.count)
            entryCount += [UInt8](repeating: 0, count: forms.count - entryCount.count)
        }
        entryStart[form] = Int32(entryPool.count)
        entryCount[form] = UInt8(min(found.count, 255))
        entryPool += found.prefix(255)
    }
}
