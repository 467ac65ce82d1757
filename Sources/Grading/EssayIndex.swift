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

/// Where each rubric phrase occurs in one essay, pronouns included once resolved.
struct EssayIndex {
    let text: AnalyzedText
    /// Sorted spans by phrase id.
    private(set) var occurrences: [Int32: [Span]] = [:]

    /// Token positions of periods that phrases skip (see `abbreviationPeriods(in:forms:)`).
    private let abbreviationPeriods: Set<Int>

    init(text: AnalyzedText, compiled: CompiledRubricSet, forms: FormTable, entriesOfForm: (Int32) -> [Int32]) {
        self.text = text
        abbreviationPeriods = Self.abbreviationPeriods(in: text, forms: forms)
        findPhrases(compiled, entriesOfForm)
        resolvePronouns(compiled, forms: forms)
        for key in occurrences.keys { occurrences[key]!.sort() }
    }

    func spans(of phrase: Int32) -> [Span] { occurrences[phrase] ?? [] }

    /// Tokens that stand for a concept only because a pronoun was resolved to it.
    private(set) var resolvedPronouns = Set<Int32>()

    func isResolvedPronoun(_ span: Span) -> Bool { span.end == span.start + 1 && resolvedPronouns.contains(span.start) }

    func sentence(of token: Int32) -> Int { Int(text.sentenceOfToken[Int(token)]) }

    // MARK: - Phrases

    private mutating func findPhrases(_ compiled: CompiledRubricSet, _ entriesOfForm: (Int32) -> [Int32]) {
        let tokens = text.tokens
        var entryCache: [Int32: [Int32]] = [:]
        func entries(_ index: Int) -> [Int32] {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .number || token.kind == .clitic else { return [] }
            if let cached = entryCache[token.form] { return cached }
            let found = entriesOfForm(token.form)
            entryCache[token.form] = found
            return found
        }
        for index in tokens.indices {
            for entry in entries(index) {
                guard let candidates = compiled.phrasesByFirstEntry[entry] else { continue }
                for phrase in candidates {
                    if let end = matchEnd(compiled.phrases[Int(phrase)], at: index, entries) {
                        occurrences[phrase, default: []].append(Span(start: Int32(index), end: Int32(end)))
                    }
                }
            }
        }
    }

    /// Where the phrase ends if its words follow from `start` in one sentence, each
    /// right after the last or, after a gap slot, within a few words (no punctuation).
    private func matchEnd(_ slots: [PhraseSlot], at start: Int, _ entries: (Int) -> [Int32]) -> Int? {
        let tokens = text.tokens
        let sentence = text.sentenceOfToken[start]
        var next = start
        for slot in slots {
            var found: Int?
            var skipped = 0
            var position = next
            while position < tokens.count, text.sentenceOfToken[position] == sentence {
                let token = tokens[position]
                // The period of an initial or abbreviation ("Robert F. Kennedy", "Sec. of
                // State") is no word: a term written with or without it matches either way.
                if abbreviationPeriods.contains(position) {
                    position += 1
                    continue
                }
                if entries(position).contains(slot.entry) && meets(slot.caseRequirement, token, sentence: Int(sentence)) {
                    found = position
                    break
                }
                // Only a gap slot may skip, and only words.
                guard skipped < Int(slot.gapBefore), token.kind != .punctuation || token.punctuation == .quote else { break }
                if token.isWordLike { skipped += 1 }
                position += 1
            }
            guard let match = found else { return nil }
            next = match + 1
        }
        return next
    }

    /// Periods right after an initial or a known abbreviation, with no space between:
    /// "F." in "John F. Kennedy", "Sec." in "Sec. of State".
    private static func abbreviationPeriods(in text: AnalyzedText, forms: FormTable) -> Set<Int> {
        var positions = Set<Int>()
        let tokens = text.tokens
        for position in tokens.indices.dropFirst() {
            let token = tokens[position], previous = tokens[position - 1]
            guard token.kind == .punctuation, token.punctuation == .period, previous.kind == .word,
                  previous.end == token.start, text.sentenceOfToken[position - 1] == text.sentenceOfToken[position]
            else { continue }
            if previous.end - previous.start == 1 || forms.wordClass(of: previous.form).contains(.abbreviation) {
                positions.insert(position)
            }
        }
        return positions
    }

    /// Case matters only where the writer used case: in a sentence typed all in
    /// capitals, "US" and "us" cannot be told apart, so the requirement is waived.
    private func meets(_ requirement: CaseRequirement, _ token: Token, sentence: Int) -> Bool {
        switch requirement {
        case .none: return true
        case .capitalized: return token.flags.contains(.capitalized) || sentenceIsAllCaps(sentence)
        case .allCaps: return token.flags.contains(.allCaps) || token.flags.contains(.acronym) || sentenceIsAllCaps(sentence)
        }
    }

    private func sentenceIsAllCaps(_ sentence: Int) -> Bool {
        var words = 0
        for token in text.tokens[text.sentences[sentence].tokens] where token.kind == .word {
            if !token.flags.contains(.allCaps) && text.bytes[Int(token.start)] >= 0x61 { return false }
            words += 1
        }
        return words >= 3
    }

    // MARK: - Pronouns

    private struct Mention {
        var token: Int32
        var phrase: Int32
        var classes: Set<PronounClass>
    }

    /// Links "he", "his", "they"... to the concept mention they most likely stand for,
    /// by simple, predictable rules:
    /// - a pronoun opening a sentence takes the first matching mention of the sentence
    ///   before (its subject); "he" opening a later clause takes this sentence's first;
    /// - otherwise the most recent matching mention, up to three sentences back;
    /// - "him"/"them" skip mentions in their own clause ("Kennedy praised him" is not
    ///   Kennedy); "himself"/"themselves" take one in their own clause.
    private mutating func resolvePronouns(_ compiled: CompiledRubricSet, forms: FormTable) {
        var mentions: [Mention] = []
        for (phrase, spans) in occurrences where !compiled.phraseReferents[Int(phrase)].isEmpty {
            for span in spans {
                mentions.append(Mention(token: span.start, phrase: phrase, classes: compiled.phraseReferents[Int(phrase)]))
            }
        }
        guard !mentions.isEmpty else { return }
        // "Robert Kennedy" is one mention, not also one of "Kennedy": longer phrases win.
        let mentionSpans = occurrences.filter { !compiled.phraseReferents[Int($0.key)].isEmpty }.flatMap(\.value)
        mentions = mentions.filter { mention in
            let length = compiled.phrases[Int(mention.phrase)].count
            return !mentionSpans.contains { other in
                other.start <= mention.token && mention.token < other.end && Int(other.end - other.start) > length
            }
        }
        mentions.sort { $0.token < $1.token }

        let tokens = text.tokens
        var resolved: [(phrase: Int32, token: Int32)] = []
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
                : ["him", "them"].contains(form) ? .object
                : ["he", "she", "they"].contains(form) && opensClause(index, forms: forms) ? .clauseSubject : .other
            guard let antecedent = antecedent(for: index, pronounClass, role: role, known: known, forms: forms) else { continue }
            resolved.append((antecedent.phrase, Int32(index)))
            known.append(Mention(token: Int32(index), phrase: antecedent.phrase, classes: antecedent.classes))
        }
        for (phrase, token) in resolved {
            occurrences[phrase, default: []].append(Span(start: token, end: token + 1))
            resolvedPronouns.insert(token)
        }
    }

    private enum PronounRole { case reflexive, object, clauseSubject, other }

    /// Whether the token starts its sentence or a clause ("..., and he", "because he").
    private func opensClause(_ index: Int, forms: FormTable) -> Bool {
        let sentence = text.sentences[Int(text.sentenceOfToken[index])]
        guard index > sentence.tokens.lowerBound else { return true }
        let previous = text.tokens[index - 1]
        if previous.kind == .punctuation { return true }
        let wordClass = forms.wordClass(of: previous.form)
        return wordClass.contains(.clauseBoundary) || wordClass.contains(.coordinator)
    }

    private static func pronounClass(_ wordClass: WordClass) -> PronounClass? {
        if wordClass.contains(.pronounHe) { return .he }
        if wordClass.contains(.pronounShe) { return .she }
        if wordClass.contains(.pronounThey) { return .they }
        if wordClass.contains(.pronounIt) { return .it }
        return nil
    }

    private func antecedent(for index: Int, _ pronounClass: PronounClass, role: PronounRole, known: [Mention], forms: FormTable) -> Mention? {
        let sentence = text.sentenceOfToken[index]
        let candidates = known.reversed().filter {
            $0.classes.contains(pronounClass) && sentence - text.sentenceOfToken[Int($0.token)] <= 3
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
