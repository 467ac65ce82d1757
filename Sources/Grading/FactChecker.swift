import Rubrics
import TextAnalysis

/// A statement that contradicts the fact base, and what to say about it.
struct FactViolation {
    var span: Span
    /// Values for the slip's message and correction placeholders: {person}, {claimed},
    /// {held}, {event}, {year}, {date}.
    var details: [String: String]
    /// What the statement is about, to decide which slip's check it belongs to.
    var subject: Subject

    enum Subject: Hashable {
        /// `person` (an index into the fact base's people) named with `claimed`, the role
        /// meant (a role index): "President Eisenhower" claims `us-president` for him.
        case role(person: Int, claimed: Int)
        /// An event (an index into the fact base's events) given a wrong year.
        case date(event: Int)
    }
}

/// Checks an essay against the fact base: people given roles they did not hold,
/// events given years they did not happen in. Driven by the data, not by one rule per name.
///
/// Every violation belongs to one check only, the most specific that covers it: a check
/// naming the person beats one naming the role, which beats a check naming neither; so
/// "Secretary of State McNamara" is one slip, not two. Ties go to the earlier slip.
struct FactChecker {
    let compiled: CompiledRubricSet
    let index: EssayIndex
    let forms: FormTable
    private var roleViolations: [FactViolation]?
    private var dateViolations: [FactViolation]?
    private var eventSpanCache: [[Span]]?

    /// The slip evaluator's leaf caches: event matches are judged as strictly as slips.
    private let caches: LeafCache.Pair?

    init(compiled: CompiledRubricSet, index: EssayIndex, forms: FormTable, caches: LeafCache.Pair? = nil) {
        self.caches = caches
        self.compiled = compiled
        self.index = index
        self.forms = forms
    }

    /// Every place the essay breaks `check`, for the slip at `slipIndex`.
    mutating func violations(of check: FactCheck, slipIndex: Int) -> [FactViolation] {
        guard let facts = compiled.set.facts else { return [] }
        let all: [FactViolation]
        switch check {
        case .role:
            if roleViolations == nil {
                roleViolations = RoleCheck(facts: facts, reader: reader(), compiled: compiled, index: index,
                                           eventSpans: eventSpans()).violations()
            }
            all = roleViolations!
        case .date:
            if dateViolations == nil {
                dateViolations = DateCheck(facts: facts, reader: reader(), eventSpans: eventSpans()).violations()
            }
            all = dateViolations!
        }
        return all.filter { violation in
            guard let owner = owner(of: violation.subject, facts: facts) else { return false }
            return owner.slip == slipIndex && compiled.slips[slipIndex].slip.checks[owner.check] == check
        }
    }

    private func reader() -> TokenReader {
        TokenReader(text: index.text, forms: forms, focus: compiled.set.facts?.focus)
    }

    /// Where each event of the fact base is mentioned, by event index.
    private mutating func eventSpans() -> [[Span]] {
        if let cached = eventSpanCache { return cached }
        var evaluator = ExpressionEvaluator(compiled: compiled, index: index, strict: true, caches: caches)
        let spans = compiled.events.map { evaluator.evaluate($0.node) }
        eventSpanCache = spans
        return spans
    }

    // MARK: - Which check a violation belongs to

    /// The most specific check of any slip that covers `subject`; ties go to the first.
    private func owner(of subject: FactViolation.Subject, facts: FactBase) -> (slip: Int, check: Int)? {
        var best: (slip: Int, check: Int, specificity: Int)?
        for (slipIndex, compiledSlip) in compiled.slips.enumerated() {
            for (checkIndex, check) in compiledSlip.slip.checks.enumerated() {
                guard let specificity = Self.specificity(of: check, covering: subject, facts: facts) else { continue }
                if best == nil || specificity > best!.specificity { best = (slipIndex, checkIndex, specificity) }
            }
        }
        return best.map { ($0.slip, $0.check) }
    }

    /// How specific `check` is if it covers `subject` (higher wins), nil if it does not.
    static func specificity(of check: FactCheck, covering subject: FactViolation.Subject, facts: FactBase) -> Int? {
        switch (check, subject) {
        case let (.role(person, role), .role(personIndex, claimed)):
            if let person, facts.people[personIndex].id != person { return nil }
            if let role, !facts.role(claimed, isWithin: role) { return nil }
            return (person == nil ? 0 : 2) + (role == nil ? 0 : 1)
        case let (.date(event), .date(eventIndex)):
            if let event, facts.events[eventIndex].id != event { return nil }
            return event == nil ? 0 : 1
        default:
            return nil
        }
    }
}

extension FactBase {
    /// Whether the role at `index` is `ancestor` or a kind of it (through `broader`).
    func role(_ index: Int, isWithin ancestor: String) -> Bool {
        var current: Int? = index
        var steps = 0
        while let role = current, steps <= roles.count {
            if roles[role].id == ancestor { return true }
            current = roles[role].broader.flatMap { broader in roles.firstIndex { $0.id == broader } }
            steps += 1
        }
        return false
    }
}

/// Reading tokens by position: their normalized words, punctuation and flags.
struct TokenReader {
    let text: AnalyzedText
    let forms: FormTable
    /// Normalized form of every token ("" for symbols).
    let words: [String]
    /// Four-digit numbers read as years: within three centuries of the fact base's
    /// focus, so "1779" counts for a set about the 18th century and "5000 warheads" never.
    let years: ClosedRange<Int>
    /// The century "'62" belongs to: the focus's.
    let century: Int

    init(text: AnalyzedText, forms: FormTable, focus: FactPeriod? = nil) {
        self.text = text
        self.forms = forms
        words = text.tokens.map { $0.kind == .symbol ? "" : forms.string(of: $0.form) }
        let from = focus?.from.year ?? 1900
        let to = focus?.to.year ?? 2000
        years = max(1000, from - 300)...min(2999, max(from - 300, to + 300))
        century = from / 100 * 100
    }

    var tokens: [Token] { text.tokens }

    func sentence(of token: Int) -> Int { Int(text.sentenceOfToken[token]) }

    func range(ofSentence sentence: Int) -> Range<Int> { text.sentences[sentence].tokens }

    func isWord(_ position: Int) -> Bool {
        let kind = text.tokens[position].kind
        return kind == .word || kind == .number
    }

    /// The token's word if it is a word, number or clitic; nil for punctuation.
    func word(_ position: Int) -> String? {
        let kind = text.tokens[position].kind
        return kind == .word || kind == .number || kind == .clitic ? words[position] : nil
    }

    func isPunctuation(_ position: Int, _ kinds: Set<PunctuationKind>) -> Bool {
        text.tokens[position].kind == .punctuation && kinds.contains(text.tokens[position].punctuation)
    }

    func isComma(_ position: Int) -> Bool { isPunctuation(position, [.comma]) }

    /// The possessive clitic "'s" (or a bare "'" after a plural).
    func isPossessive(_ position: Int) -> Bool {
        text.tokens[position].kind == .clitic && (words[position] == "'s" || words[position] == "'")
    }

    /// Punctuation that ends a clause inside a sentence.
    func isClausePunctuation(_ position: Int) -> Bool {
        isPunctuation(position, [.comma, .semicolon, .colon, .dash, .openBracket, .closeBracket, .bullet, .heading,
                                 .arrow, .period, .question, .exclamation, .ellipsis])
    }

    /// A word that starts a clause: but, which, because, when...
    func isClauseWord(_ position: Int) -> Bool {
        guard let word = word(position) else { return false }
        return forms.wordClass(of: text.tokens[position].form).contains(.clauseBoundary) || word == "and" || word == "or"
    }

    func wordClass(_ position: Int) -> WordClass { forms.wordClass(of: text.tokens[position].form) }

    /// Not asserted: negated, disputed or hypothetical.
    func isUnasserted(_ position: Int) -> Bool {
        !text.tokens[position].flags.isDisjoint(with: [.negated, .disputed, .hypothetical])
    }

    func anyUnasserted(_ range: Range<Int>) -> Bool { range.contains { isUnasserted($0) } }

    /// Words (not punctuation) in `range`.
    func wordCount(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + (isWord($1) ? 1 : 0) } }

    /// A one-letter word, or the period right after one: "F." in "John F. Kennedy".
    func isInitial(_ position: Int) -> Bool {
        let token = text.tokens[position]
        if token.kind == .word { return token.end - token.start == 1 }
        guard token.kind == .punctuation, token.punctuation == .period, position > 0 else { return false }
        let previous = text.tokens[position - 1]
        return previous.kind == .word && previous.end - previous.start == 1 && previous.end == token.start
    }

    /// Whether the sentence is typed all in capitals (so capitals say nothing).
    func isAllCaps(sentence: Int) -> Bool {
        var words = 0
        for token in text.tokens[range(ofSentence: sentence)] where token.kind == .word {
            if !token.flags.contains(.allCaps) && text.bytes[Int(token.start)] >= 0x61 { return false }
            words += 1
        }
        return words >= 3
    }

    /// A year written as "1962" (1900-2099) or "'62".
    func year(at position: Int) -> Int? {
        let token = text.tokens[position]
        guard token.kind == .number else { return nil }
        let digits = Array(words[position].utf8)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if digits.count == 4, let value = Int(words[position]), years.contains(value) { return value }
        // "'62": an apostrophe right before two digits.
        if digits.count == 2, position > 0, let value = Int(words[position]) {
            let previous = text.tokens[position - 1]
            if previous.kind == .punctuation, previous.punctuation == .quote, previous.end == token.start,
               previous.flags.contains(.spaceBefore) {
                return century + value
            }
        }
        return nil
    }

    /// A decade written "1960s".
    func decade(at position: Int) -> Int? {
        guard text.tokens[position].kind == .number else { return nil }
        let word = words[position]
        guard word.count == 5, word.hasSuffix("s"), let value = Int(word.dropLast()), value % 10 == 0,
              (1900...2090).contains(value) else { return nil }
        return value
    }
}

/// Where a concept is named in the essay: its phrases (pronouns included), minus its
/// exceptions, the longest where several overlap.
func conceptSpans(_ concept: String, compiled: CompiledRubricSet, index: EssayIndex) -> [Span] {
    let exceptions = (compiled.conceptExceptions[concept] ?? []).flatMap { index.spans(of: $0) }
    var spans: [Span] = []
    for phrase in compiled.conceptPhrases[concept] ?? [] {
        for span in index.spans(of: phrase)
        where !exceptions.contains(where: { $0.start <= span.start && span.end <= $0.end && $0 != span }) {
            spans.append(span)
        }
    }
    return longestOnly(spans)
}

/// Drops spans held inside a longer one: "Robert McNamara", not also "McNamara".
func longestOnly(_ spans: [Span]) -> [Span] {
    // By start, longest first at each start: a span is inside an earlier one exactly when
    // it ends no later than the furthest end seen so far. One sort, one pass.
    let ordered = spans.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
    var kept: [Span] = []
    var furthestEnd: Int32 = .min
    for span in ordered where span.end > furthestEnd {
        kept.append(span)
        furthestEnd = span.end
    }
    return kept
}
