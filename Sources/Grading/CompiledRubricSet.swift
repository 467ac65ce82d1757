import Foundation
import Rubrics
import TextAnalysis

/// A match expression compiled for fast evaluation: leaves are sets of phrase ids.
indirect enum MatchNode: Sendable {
    /// `leaf` indexes `CompiledRubricSet.leaves`, where equal leaves are shared so
    /// that each is found once per essay.
    case leaf(Int)
    case any([MatchNode])
    case all(AllNode)
}

struct AllNode: Sendable {
    var children: [MatchNode]
    var exclusions: [(node: MatchNode, within: Int?)]
    var within: Int?
    var adjacent: Bool
    var ordered: Bool
}

/// A concept or term use: which phrases, with which polarity.
struct Leaf: Sendable, Hashable {
    /// Sorted phrase ids.
    var phrases: [Int32]
    var polarity: Polarity
    /// Occurrences inside one of these phrases do not count.
    var exceptions: [Int32] = []
}

struct CompiledPoint: Sendable {
    var point: Point
    var rubricIndex: Int
    var node: MatchNode
}

struct CompiledSlip: Sendable {
    var slip: Slip
    /// Nil when the slip is found by fact checks only.
    var node: MatchNode?
}

struct CompiledEvent: Sendable {
    var event: Event
    var node: MatchNode
}

/// A rubric set ready to grade with: terms tokenized and stemmed once, concepts
/// expanded through their includes, expressions turned into trees over phrase ids.
/// Immutable and shared by every grading thread.
public struct CompiledRubricSet: Sendable {
    public let set: RubricSet
    let vocabulary: RubricVocabulary
    let phrases: [[PhraseSlot]]
    /// Phrases by the vocabulary entry of their first word.
    let phrasesByFirstEntry: [Int32: [Int32]]
    /// For each phrase, the pronouns that may refer back to it (from the concepts
    /// that list it directly).
    let phraseReferents: [Set<PronounClass>]
    /// Phrases that open with their own negation ("without ... shot", "no-invasion"):
    /// affirmed when that opening word is not itself negated.
    let phraseOpensWithNegation: [Bool]
    let leaves: [Leaf]
    let points: [CompiledPoint]
    let slips: [CompiledSlip]
    let events: [CompiledEvent]
    /// The same phrases as flat tables for the hot path (see `PhraseTables`).
    let tables: PhraseTables
    /// Phrase sets of every concept (closure over includes), by concept id.
    let conceptPhrases: [String: [Int32]]
    /// Exception phrases of every concept (closure over includes), by concept id.
    let conceptExceptions: [String: [Int32]]

    /// Compiles `set`. Throws problems a loaded set can still have: terms that are
    /// empty after tokenizing, or references that do not resolve.
    public init(_ set: RubricSet) throws(RubricLoadError) {
        var compiler = RubricCompiler(set: set)
        let problems = compiler.compileAll()
        if !problems.isEmpty { throw RubricLoadError(problems) }
        self.set = set
        vocabulary = compiler.vocabulary
        phrases = compiler.phrases
        phrasesByFirstEntry = compiler.phrasesByFirstEntry
        phraseReferents = compiler.phraseReferents
        phraseOpensWithNegation = compiler.phraseOpensWithNegation
        leaves = compiler.leaves
        points = compiler.points
        slips = compiler.slips
        events = compiler.events
        conceptPhrases = compiler.conceptPhrases
        conceptExceptions = compiler.conceptExceptions
        tables = PhraseTables(phrases: compiler.phrases, vocabularySize: compiler.vocabulary.entries.count,
                              referents: compiler.phraseReferents)
    }
}

/// Does the work of `CompiledRubricSet.init`.
private struct RubricCompiler {
    let set: RubricSet
    let analyzer = TextAnalyzer()
    var vocabulary = RubricVocabulary()
    var phrases: [[PhraseSlot]] = []
    var phraseIDs: [[PhraseSlot]: Int32] = [:]
    var phrasesByFirstEntry: [Int32: [Int32]] = [:]
    var phraseReferents: [Set<PronounClass>] = []
    var phraseOpensWithNegation: [Bool] = []
    var leaves: [Leaf] = []
    var leafIDs: [Leaf: Int] = [:]
    var points: [CompiledPoint] = []
    var slips: [CompiledSlip] = []
    var events: [CompiledEvent] = []
    var conceptPhrases: [String: [Int32]] = [:]
    var conceptExceptions: [String: [Int32]] = [:]
    /// Each distinct term compiled once: its phrase, or nil when it has no words.
    var termPhrases: [TermKey: Int32?] = [:]
    /// Vocabulary entries by the compiler's interned form or stem id.
    var entryByForm: [FormKey: Int32] = [:]
    var problems: [RubricProblem] = []

    init(set: RubricSet) { self.set = set }

    mutating func compileAll() -> [RubricProblem] {
        compileConcepts()
        for (rubricIndex, rubric) in set.rubrics.enumerated() {
            for point in rubric.points {
                points.append(CompiledPoint(point: point, rubricIndex: rubricIndex, node: compile(point.match, inherited: .affirmed)))
            }
        }
        for slip in set.slips {
            slips.append(CompiledSlip(slip: slip, node: slip.match.isEmpty ? nil : compile(slip.match, inherited: .affirmed)))
        }
        for event in set.facts?.events ?? [] {
            events.append(CompiledEvent(event: event, node: compile(event.match, inherited: .any)))
        }
        return problems
    }

    // MARK: - Concepts

    private mutating func compileConcepts() {
        let byID = Dictionary(set.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var direct: [String: [Int32]] = [:]
        var directExceptions: [String: [Int32]] = [:]
        for concept in set.concepts {
            var ids: [Int32] = []
            for term in concept.terms {
                guard let phrase = phrase(for: term) else { continue }
                ids.append(phrase)
                phraseReferents[Int(phrase)].formUnion(concept.refer)
            }
            direct[concept.id] = ids
            directExceptions[concept.id] = concept.exceptions.compactMap { phrase(for: $0) }
        }
        // Closure over includes, each concept's computed once; a cycle (reported by lint)
        // simply stops expanding.
        func closures(_ table: [String: [Int32]]) -> [String: [Int32]] {
            var done: [String: Set<Int32>] = [:]
            func closure(_ id: String, visiting: inout Set<String>) -> Set<Int32> {
                if let known = done[id] { return known }
                guard let concept = byID[id], visiting.insert(id).inserted else { return [] }
                var result = Set(table[id] ?? [])
                for include in concept.includes { result.formUnion(closure(include, visiting: &visiting)) }
                visiting.remove(id)
                done[id] = result
                return result
            }
            var result: [String: [Int32]] = [:]
            for concept in set.concepts {
                var visiting = Set<String>()
                result[concept.id] = closure(concept.id, visiting: &visiting).sorted()
            }
            return result
        }
        conceptPhrases = closures(direct)
        conceptExceptions = closures(directExceptions)
    }

    /// The phrase id of a term, adding it if new; nil (with a problem) if the term has no words.
    /// Terms repeat across concepts and rules, so each distinct one is compiled once.
    private mutating func phrase(for term: TermPattern) -> Int32? {
        let key = TermKey(text: term.text, stemmed: term.stemmed, fuzzy: term.fuzzy, caseSensitive: term.caseSensitive)
        if let known = termPhrases[key] {
            if known == nil { problems.append(RubricProblem(term.location, "the term '\(term.text)' has no words to match")) }
            return known
        }
        let compiled = compilePhrase(term)
        termPhrases[key] = compiled
        return compiled
    }

    private mutating func compilePhrase(_ term: TermPattern) -> Int32? {
        // "take ... out": an ellipsis lets up to three words in between.
        let parts = Self.gapParts(term.text)
        var slots: [PhraseSlot] = []
        var opensWithNegation = false
        for (partIndex, part) in parts.enumerated() {
            let (partSlots, firstIsNegation) = self.slots(for: part, term)
            if slots.isEmpty { opensWithNegation = firstIsNegation }
            if partIndex > 0, !partSlots.isEmpty, !slots.isEmpty {
                var first = partSlots
                first[0].gapBefore = PhraseSlot.maximumGap
                slots += first
            } else {
                slots += partSlots
            }
        }
        if slots.isEmpty {
            problems.append(RubricProblem(term.location, "the term '\(term.text)' has no words to match"))
            return nil
        }
        if parts.count > 1, parts.first?.allSatisfy({ $0 == " " }) != false || parts.last?.allSatisfy({ $0 == " " }) != false {
            problems.append(RubricProblem(term.location, "'...' in a term goes between words, as in 'take ... out'"))
        }
        if let existing = phraseIDs[slots] { return existing }
        let id = Int32(phrases.count)
        phrases.append(slots)
        phraseIDs[slots] = id
        phraseReferents.append([])
        phraseOpensWithNegation.append(opensWithNegation)
        phrasesByFirstEntry[slots[0].entry, default: []].append(id)
        return id
    }

    /// Splits a term at "..." or "…" (rarely present: checked on bytes first).
    private static func gapParts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let hasGap = bytes.indices.contains { index in
            (bytes[index] == 0x2E && index + 2 < bytes.count && bytes[index + 1] == 0x2E && bytes[index + 2] == 0x2E)
                || (bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6)
        }
        guard hasGap else { return [text] }
        return text.replacingOccurrences(of: "\u{2026}", with: "...").components(separatedBy: "...")
    }

    /// The slots of one gap-free part of a term, and whether its first word is a negation.
    private mutating func slots(for text: String, _ term: TermPattern) -> ([PhraseSlot], Bool) {
        let tokens = analyzer.termTokens(text)
        let forms = analyzer.forms
        let slots = tokens.map { token -> PhraseSlot in
            let byStem = term.stemmed && token.kind == .word
            let id = byStem ? forms.stem(of: token.form) : token.form
            let entry: Int32
            if let known = entryByForm[FormKey(form: id, byStem: byStem)] {
                entry = known
                if term.fuzzy && token.kind == .word && !term.caseSensitive {
                    _ = vocabulary.entry(key: Array(forms.bytes(of: id)), byStem: byStem, fuzzy: true)
                }
            } else {
                entry = vocabulary.entry(key: Array(forms.bytes(of: id)), byStem: byStem,
                                         fuzzy: term.fuzzy && token.kind == .word && !term.caseSensitive)
                entryByForm[FormKey(form: id, byStem: byStem)] = entry
            }
            var requirement = CaseRequirement.none
            if term.caseSensitive {
                if token.flags.contains(.allCaps) { requirement = .allCaps }
                else if token.flags.contains(.capitalized) { requirement = .capitalized }
            }
            return PhraseSlot(entry: entry, caseRequirement: requirement)
        }
        return (slots, tokens.first.map { forms.wordClass(of: $0.form).contains(.negation) } ?? false)
    }

    // MARK: - Expressions

    private mutating func compile(_ expressions: [MatchExpression], inherited: Polarity) -> MatchNode {
        let nodes = expressions.map { compile($0, inherited: inherited) }
        return nodes.count == 1 ? nodes[0] : .any(nodes)
    }

    private mutating func compile(_ expression: MatchExpression, inherited: Polarity) -> MatchNode {
        switch expression {
        case .term(let term):
            let ids = phrase(for: term).map { [$0] } ?? []
            return leaf(Leaf(phrases: ids, polarity: term.polarity ?? inherited))
        case .concept(let reference):
            guard let ids = conceptPhrases[reference.id] else {
                problems.append(RubricProblem(reference.location, "undefined concept '\(reference.id)'"))
                return leaf(Leaf(phrases: [], polarity: .any))
            }
            return leaf(Leaf(phrases: ids, polarity: reference.polarity ?? inherited,
                             exceptions: conceptExceptions[reference.id] ?? []))
        case .any(let children, let polarity):
            return .any(children.map { compile($0, inherited: polarity ?? inherited) })
        case .all(let all):
            let polarity = all.polarity ?? inherited
            return .all(AllNode(
                children: all.children.map { compile($0, inherited: polarity) },
                // What cancels a match counts whether or not it is negated, unless told otherwise.
                exclusions: all.without.map { exclusion in
                    (compile(exclusion.children, inherited: exclusion.polarity ?? .any), exclusion.within)
                },
                within: all.within,
                adjacent: all.scope == .adjacent,
                ordered: all.ordered
            ))
        }
    }

    private mutating func leaf(_ leaf: Leaf) -> MatchNode {
        if let id = leafIDs[leaf] { return .leaf(id) }
        let id = leaves.count
        leaves.append(leaf)
        leafIDs[leaf] = id
        return .leaf(id)
    }
}

/// Phrases as flat arrays of plain values, shared by every thread: reading them costs no
/// reference counting, unlike arrays of arrays.
final class PhraseTables: Sendable {
    /// Phrase p's slots are `slotEntry[phraseSlotStart[p]..<phraseSlotStart[p + 1]]` (with case and gap).
    let phraseSlotStart: [Int32]
    let slotEntry: [Int32]
    let slotCase: [CaseRequirement]
    let slotGap: [UInt8]
    /// The phrases whose first word is vocabulary entry e, but for those in
    /// `phrasesByFirstTwo`: `entryPhrases[entryPhraseStart[e]..<entryPhraseStart[e + 1]]`.
    let entryPhraseStart: [Int32]
    let entryPhrases: [Int32]
    /// Bit set of the pronoun classes that may refer back to each phrase (0: none).
    let referentBits: [UInt8]
    /// Phrases of two or more words whose second word follows the first directly, by
    /// (first entry, second entry): at a common first word ("the") one lookup replaces
    /// trying every phrase. `entryPhrases` lists only the others.
    let phrasesByFirstTwo: [UInt64: [Int32]]

    init(phrases: [[PhraseSlot]], vocabularySize: Int, referents: [Set<PronounClass>]) {
        var phraseSlotStart: [Int32] = [0]
        var slotEntry: [Int32] = [], slotCase: [CaseRequirement] = [], slotGap: [UInt8] = []
        for slots in phrases {
            for slot in slots {
                slotEntry.append(slot.entry)
                slotCase.append(slot.caseRequirement)
                slotGap.append(slot.gapBefore)
            }
            phraseSlotStart.append(Int32(slotEntry.count))
        }
        var firstTwo: [UInt64: [Int32]] = [:]
        var byFirst: [(phrase: Int, entry: Int)] = []
        for (phrase, slots) in phrases.enumerated() {
            if slots.count >= 2, slots[1].gapBefore == 0 {
                firstTwo[Self.pairKey(slots[0].entry, slots[1].entry), default: []].append(Int32(phrase))
            } else {
                byFirst.append((phrase, Int(slots[0].entry)))
            }
        }
        var counts = [Int32](repeating: 0, count: vocabularySize + 1)
        for item in byFirst { counts[item.entry + 1] += 1 }
        for entry in 0..<vocabularySize { counts[entry + 1] += counts[entry] }
        var entryPhrases = [Int32](repeating: 0, count: byFirst.count)
        var next = counts
        for item in byFirst {
            entryPhrases[Int(next[item.entry])] = Int32(item.phrase)
            next[item.entry] += 1
        }
        phrasesByFirstTwo = firstTwo
        self.phraseSlotStart = phraseSlotStart
        self.slotEntry = slotEntry
        self.slotCase = slotCase
        self.slotGap = slotGap
        self.entryPhraseStart = counts
        self.entryPhrases = entryPhrases
        self.referentBits = referents.map { classes in
            classes.reduce(0) { $0 | Self.bit($1) }
        }
    }

    var phraseCount: Int { phraseSlotStart.count - 1 }

    func slotCount(_ phrase: Int32) -> Int { Int(phraseSlotStart[Int(phrase) + 1] - phraseSlotStart[Int(phrase)]) }

    @inline(__always) static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    static func bit(_ pronoun: PronounClass) -> UInt8 {
        switch pronoun {
        case .he: return 1
        case .she: return 2
        case .they: return 4
        case .it: return 8
        }
    }
}

/// What makes two terms compile to the same phrase.
private struct TermKey: Hashable {
    var text: String
    var stemmed: Bool
    var fuzzy: Bool
    var caseSensitive: Bool
}

/// A compiler form or stem id, and which of the two it is.
private struct FormKey: Hashable {
    var form: Int32
    var byStem: Bool
}
