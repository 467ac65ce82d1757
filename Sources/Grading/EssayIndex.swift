import Foundation
import Rubrics
import TextAnalysis

/// A run of tokens `start..<end`.
struct Span: Sendable, Hashable, Comparable {
    var start: Int32
    var end: Int32

    static func < (lhs: Span, rhs: Span) -> Bool { lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end }

    func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// Whether both cover some of the same tokens without one holding the other. A gapped
    /// phrase may hold another child ("pulled *its rockets* out"); one word may not serve twice.
    func clashes(with other: Span) -> Bool {
        guard overlaps(other) else { return false }
        if self == other { return true }
        let holds = start <= other.start && other.end <= end
        let isHeld = other.start <= start && end <= other.end
        return !(holds || isHeld)
    }
}

/// The rubric vocabulary entries each token meets: token t's are
/// `pool[start[t]..<start[t] + count[t]]`.
struct TokenEntries {
    var start: [Int32]
    var count: [UInt8]
    var pool: [Int32]

    @inline(__always) func contains(_ entry: Int32, at token: Int) -> Bool {
        let first = Int(start[token])
        for offset in 0..<Int(count[token]) where pool[first + offset] == entry { return true }
        return false
    }
}

/// Where each rubric phrase occurs in one essay, pronouns included once resolved.
/// Occurrences are stored bucketed by phrase in flat arrays: no dictionary, no array
/// per phrase.
final class EssayIndex {
    let text: AnalyzedText
    /// Phrase p's spans, sorted: `occurrences[bucketStart[p]..<bucketStart[p + 1]]`.
    private var bucketStart: [Int32] = []
    private var occurrences: [Span] = []
    /// Unique per index made in this process: caches keyed to an essay use it.
    let serial: UInt64 = EssayIndex.nextSerial()

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var lastSerial: UInt64 = 0

    private static func nextSerial() -> UInt64 {
        serialLock.lock()
        defer { serialLock.unlock() }
        lastSerial += 1
        return lastSerial
    }

    /// Tokens that stand for a concept only because a pronoun was resolved to it.
    private(set) var resolvedPronouns = Set<Int32>()

    init(text: AnalyzedText, compiled: CompiledRubricSet, forms: FormTable, entries: TokenEntries) {
        self.text = text
        sentenceOfToken = text.sentenceOfToken
        var finder = PhraseFinder(text: text, tables: compiled.tables, forms: forms, entries: entries)
        var found = finder.find()
        let pronouns = resolvePronouns(found, compiled: compiled, forms: forms)
        for (phrase, token) in pronouns {
            found.append((phrase, Span(start: token, end: token + 1)))
            resolvedPronouns.insert(token)
        }
        bucket(found, phraseCount: compiled.tables.phraseCount, needsSort: !pronouns.isEmpty)
    }

    func spans(of phrase: Int32) -> ArraySlice<Span> {
        occurrences[Int(bucketStart[Int(phrase)])..<Int(bucketStart[Int(phrase) + 1])]
    }

    /// For each token, its sentence (held apart from `text` so reading it copies nothing).
    let sentenceOfToken: [Int32]

    func sentence(of token: Int32) -> Int { Int(sentenceOfToken[Int(token)]) }

    func isResolvedPronoun(_ span: Span) -> Bool { span.end == span.start + 1 && resolvedPronouns.contains(span.start) }

    /// Counting sort of (phrase, span) pairs into per-phrase buckets, kept in token order.
    private func bucket(_ found: [(phrase: Int32, span: Span)], phraseCount: Int, needsSort: Bool) {
        var starts = [Int32](repeating: 0, count: phraseCount + 1)
        for pair in found { starts[Int(pair.phrase) + 1] += 1 }
        for phrase in 0..<phraseCount { starts[phrase + 1] += starts[phrase] }
        var next = starts
        var placed = [Span](repeating: Span(start: 0, end: 0), count: found.count)
        for pair in found {
            placed[Int(next[Int(pair.phrase)])] = pair.span
            next[Int(pair.phrase)] += 1
        }
        if needsSort {
            // Pronoun spans were appended after the phrases' own: sort the buckets they joined.
            for pair in found where pair.span.end == pair.span.start + 1 && resolvedPronouns.contains(pair.span.start) {
                let range = Int(starts[Int(pair.phrase)])..<Int(starts[Int(pair.phrase) + 1])
                placed[range].sort()
            }
        }
        bucketStart = starts
        occurrences = placed
    }

    // MARK: - Pronouns

    private struct Mention {
        var token: Int32
        var phrase: Int32
        var classes: UInt8
    }

    /// Links "he", "his", "they"... to the concept mention they most likely stand for,
    /// by simple, predictable rules:
    /// - a pronoun opening a sentence takes the first matching mention of the sentence
    ///   before (its subject); "he" opening a later clause takes this sentence's first;
    /// - otherwise the most recent matching mention, up to three sentences back;
    /// - "him"/"them" skip mentions in their own clause ("Kennedy praised him" is not
    ///   Kennedy); "himself"/"themselves" take one in their own clause.
    /// Returns (phrase, pronoun token) pairs.
    private func resolvePronouns(_ found: [(phrase: Int32, span: Span)], compiled: CompiledRubricSet, forms: FormTable)
        -> [(Int32, Int32)] {
        let referents = compiled.tables.referentBits
        let mentionSpans = found.filter { referents[Int($0.phrase)] != 0 }
        guard !mentionSpans.isEmpty else { return [] }
        // "Robert Kennedy" is one mention, not also one of "Kennedy": longer phrases win.
        // A sweep in start order keeps the spans still open at each start (a handful).
        let ordered = mentionSpans.sorted { $0.span < $1.span }
        var mentions: [Mention] = []
        var open: [Span] = []
        var position = 0
        while position < ordered.count {
            let start = ordered[position].span.start
            open.removeAll { $0.end <= start }
            var group = position
            while group < ordered.count, ordered[group].span.start == start {
                open.append(ordered[group].span)
                group += 1
            }
            for candidate in ordered[position..<group] {
                let length = compiled.tables.slotCount(candidate.phrase)
                let shadowed = open.contains { Int($0.end - $0.start) > length }
                if !shadowed {
                    mentions.append(Mention(token: start, phrase: candidate.phrase, classes: referents[Int(candidate.phrase)]))
                }
            }
            position = group
        }

        let tokens = text.tokens
        var resolved: [(Int32, Int32)] = []
        var mentionCursor = 0
        var known: [Mention] = []  // mentions before the current token, pronouns included
        for index in tokens.indices where tokens[index].kind == .word {
            while mentionCursor < mentions.count, mentions[mentionCursor].token < Int32(index) {
                known.append(mentions[mentionCursor])
                mentionCursor += 1
            }
            let wordClass = forms.wordClass(of: tokens[index].form)
            guard let pronounClass = Self.pronounClass(wordClass) else { continue }
            // "his brother Robert" names someone else.
            if index + 1 < tokens.count, forms.wordClass(of: tokens[index + 1].form).contains(.familyNoun) { continue }
            let form = forms.string(of: tokens[index].form)
            let role: PronounRole = wordClass.contains(.reflexive) ? .reflexive
                : (form == "him" || form == "them") ? .object
                : (form == "he" || form == "she" || form == "they") && opensClause(index, forms: forms) ? .clauseSubject : .other
            guard let antecedent = antecedent(for: index, PhraseTables.bit(pronounClass), role: role, known: known, forms: forms)
            else { continue }
            resolved.append((antecedent.phrase, Int32(index)))
            known.append(Mention(token: Int32(index), phrase: antecedent.phrase, classes: antecedent.classes))
        }
        return resolved
    }

    private enum PronounRole { case reflexive, object, clauseSubject, other }

    private static func pronounClass(_ wordClass: WordClass) -> PronounClass? {
        if wordClass.contains(.pronounHe) { return .he }
        if wordClass.contains(.pronounShe) { return .she }
        if wordClass.contains(.pronounThey) { return .they }
        if wordClass.contains(.pronounIt) { return .it }
        return nil
    }

    /// Whether the token starts its sentence or a clause ("..., and he", "because he").
    private func opensClause(_ index: Int, forms: FormTable) -> Bool {
        let sentence = text.sentences[Int(text.sentenceOfToken[index])]
        guard index > sentence.tokens.lowerBound else { return true }
        let previous = text.tokens[index - 1]
        if previous.kind == .punctuation { return true }
        let wordClass = forms.wordClass(of: previous.form)
        return wordClass.contains(.clauseBoundary) || wordClass.contains(.coordinator)
    }

    private func antecedent(for index: Int, _ pronounBit: UInt8, role: PronounRole, known: [Mention], forms: FormTable) -> Mention? {
        let sentence = text.sentenceOfToken[index]
        // Most recent first.
        var candidates: [Mention] = []
        for mention in known.reversed() where mention.classes & pronounBit != 0 {
            if sentence - text.sentenceOfToken[Int(mention.token)] > 3 { break }
            candidates.append(mention)
        }
        guard !candidates.isEmpty else { return nil }
        let clauseStart = self.clauseStart(of: index, forms: forms)
        if role == .reflexive {
            return candidates.first { Int($0.token) >= clauseStart }
        }
        let allowed = role == .object ? candidates.filter { Int($0.token) < clauseStart } : candidates
        let sameSentence = allowed.filter { text.sentenceOfToken[Int($0.token)] == sentence }
        // A subject opening a clause continues the sentence's subject: "Khrushchev thanked him, and he...".
        if role == .clauseSubject, let subject = sameSentence.last { return subject }
        if let nearest = sameSentence.first { return nearest }
        if let previous = allowed.last(where: { text.sentenceOfToken[Int($0.token)] == sentence - 1 }) {
            // `allowed` runs backwards, so its last hit in the previous sentence is that sentence's first mention.
            return previous
        }
        return allowed.first
    }

    /// The first token of the clause holding `index`: after the last comma, semicolon,
    /// colon, dash or relative pronoun ("a disaster that cost him") before it.
    private func clauseStart(of index: Int, forms: FormTable) -> Int {
        let sentence = text.sentences[Int(text.sentenceOfToken[index])]
        var position = index - 1
        while position >= sentence.tokens.lowerBound {
            let token = text.tokens[position]
            if token.kind == .punctuation, [.comma, .semicolon, .colon, .dash].contains(token.punctuation) {
                return position + 1
            }
            if token.kind == .word, ["that", "which", "who", "whom"].contains(forms.string(of: token.form)) {
                return position + 1
            }
            position -= 1
        }
        return sentence.tokens.lowerBound
    }
}

/// Finds where each rubric phrase occurs: at every token, the phrases that start with
/// one of its vocabulary entries, followed word by word.
private struct PhraseFinder {
    let text: AnalyzedText
    let tables: PhraseTables
    let entries: TokenEntries
    /// Periods phrases skip: after an initial or a known abbreviation ("F.", "Sec.").
    let skippablePeriod: [Bool]
    /// Per sentence: 0 unknown, 1 mixed case, 2 typed all in capitals.
    var allCapsSentence: [UInt8]

    init(text: AnalyzedText, tables: PhraseTables, forms: FormTable, entries: TokenEntries) {
        self.text = text
        self.tables = tables
        self.entries = entries
        var skippable = [Bool](repeating: false, count: text.tokens.count)
        let tokens = text.tokens
        for position in tokens.indices.dropFirst() {
            let token = tokens[position], previous = tokens[position - 1]
            guard token.kind == .punctuation, token.punctuation == .period, previous.kind == .word,
                  previous.end == token.start, text.sentenceOfToken[position - 1] == text.sentenceOfToken[position]
            else { continue }
            skippable[position] = previous.end - previous.start == 1 || forms.wordClass(of: previous.form).contains(.abbreviation)
        }
        skippablePeriod = skippable
        allCapsSentence = [UInt8](repeating: 0, count: text.sentences.count)
    }

    mutating func find() -> [(phrase: Int32, span: Span)] {
        var found: [(phrase: Int32, span: Span)] = []
        found.reserveCapacity(text.tokens.count / 2)
        for token in text.tokens.indices where entries.count[token] > 0 {
            let first = Int(entries.start[token])
            let second = nextToken(after: token)
            for offset in 0..<Int(entries.count[token]) {
                let entry = entries.pool[first + offset]
                for slot in Int(tables.entryPhraseStart[Int(entry)])..<Int(tables.entryPhraseStart[Int(entry) + 1]) {
                    let phrase = tables.entryPhrases[slot]
                    if let end = matchEnd(phrase, at: token) {
                        found.append((phrase, Span(start: Int32(token), end: Int32(end))))
                    }
                }
                // Phrases whose first two words are this one and the next.
                guard let second, entries.count[second] > 0 else { continue }
                let secondStart = Int(entries.start[second])
                for secondOffset in 0..<Int(entries.count[second]) {
                    let key = PhraseTables.pairKey(entry, entries.pool[secondStart + secondOffset])
                    guard let candidates = tables.phrasesByFirstTwo[key] else { continue }
                    for phrase in candidates {
                        if let end = matchEnd(phrase, at: token) {
                            found.append((phrase, Span(start: Int32(token), end: Int32(end))))
                        }
                    }
                }
            }
        }
        // Each phrase is found by one of the two lookups only, so its spans come in token order.
        return found
    }

    /// The token a phrase's second word would be at: the next, past skippable periods,
    /// in the same sentence.
    private func nextToken(after token: Int) -> Int? {
        var next = token + 1
        while next < text.tokens.count, skippablePeriod[next] { next += 1 }
        guard next < text.tokens.count, text.sentenceOfToken[next] == text.sentenceOfToken[token] else { return nil }
        return next
    }

    /// Where the phrase ends if its words follow from `start` in one sentence, each
    /// right after the last or, after a gap slot, within a few words (no punctuation).
    private mutating func matchEnd(_ phrase: Int32, at start: Int) -> Int? {
        let tokens = text.tokens
        let sentence = text.sentenceOfToken[start]
        var next = start
        for slot in Int(tables.phraseSlotStart[Int(phrase)])..<Int(tables.phraseSlotStart[Int(phrase) + 1]) {
            let entry = tables.slotEntry[slot]
            let gap = Int(tables.slotGap[slot])
            var found: Int?
            var skipped = 0
            var position = next
            while position < tokens.count, text.sentenceOfToken[position] == sentence {
                if skippablePeriod[position] {
                    position += 1
                    continue
                }
                let token = tokens[position]
                if entries.contains(entry, at: position) && meets(tables.slotCase[slot], token, sentence: Int(sentence)) {
                    found = position
                    break
                }
                // Only a gap slot may skip, and only words.
                guard skipped < gap, token.kind != .punctuation || token.punctuation == .quote else { break }
                if token.isWordLike { skipped += 1 }
                position += 1
            }
            guard let match = found else { return nil }
            next = match + 1
        }
        return next
    }

    /// Case matters only where the writer used case: in a sentence typed all in
    /// capitals, "US" and "us" cannot be told apart, so the requirement is waived.
    private mutating func meets(_ requirement: CaseRequirement, _ token: Token, sentence: Int) -> Bool {
        switch requirement {
        case .none: return true
        case .capitalized: return token.flags.contains(.capitalized) || isAllCaps(sentence)
        case .allCaps: return token.flags.contains(.allCaps) || token.flags.contains(.acronym) || isAllCaps(sentence)
        }
    }

    private mutating func isAllCaps(_ sentence: Int) -> Bool {
        if allCapsSentence[sentence] == 0 {
            var words = 0
            var mixed = false
            for token in text.tokens[text.sentences[sentence].tokens] where token.kind == .word {
                if !token.flags.contains(.allCaps) && text.bytes[Int(token.start)] >= 0x61 { mixed = true; break }
                words += 1
            }
            allCapsSentence[sentence] = !mixed && words >= 3 ? 2 : 1
        }
        return allCapsSentence[sentence] == 2
    }
}
