import Rubrics
import TextAnalysis

/// Finds events given a year they did not happen in: an event mention (its match) and a
/// year ("1963", "October 1963", "16 October 1963", "October 16, 1963", "'63") tied to it:
///
/// - in the same clause ("the crisis was in October 1963", "the 1963 crisis", "the crisis of
///   1963"), or in brackets right after it ("the Bay of Pigs (1962)"), or opening the
///   sentence before a comma ("In 1963, the crisis ...");
/// - close: at most `maximumGap` words apart;
/// - with no word between that ties the year to something else ("two years *before* the
///   crisis", "*by* 1963", "his 1969 *memoir* of the crisis", "*and*"), and the year not
///   part of a range ("1961-1968");
/// - and nearer to this event than to any other event mention.
///
/// Decades ("the 1960s") never count; negated, disowned or hypothetical statements neither.
struct DateCheck {
    let facts: FactBase
    let reader: TokenReader
    let eventSpans: [[Span]]

    static let maximumGap = 6
    /// Words after a comma that opens a sentence ("In 1963, the Test Ban ...").
    static let maximumGapAfterOpening = 4

    struct DateUnit {
        var start: Int
        var end: Int
        var year: Int
    }

    func violations() -> [FactViolation] {
        var bySentence: [Int: [(event: Int, span: Span)]] = [:]
        for (event, spans) in eventSpans.enumerated() {
            for span in spans where reader.sentence(of: Int(span.start)) == reader.sentence(of: Int(span.end) - 1) {
                bySentence[reader.sentence(of: Int(span.start)), default: []].append((event, span))
            }
        }
        var found: [FactViolation] = []
        for (sentence, mentions) in bySentence.sorted(by: { $0.key < $1.key }) {
            for unit in dateUnits(sentence) {
                guard let (event, span) = attachment(of: unit, to: mentions, sentence: sentence) else { continue }
                let fact = facts.events[event]
                guard !fact.period.contains(year: unit.year) else { continue }
                let region = Span(start: min(span.start, Int32(unit.start)), end: max(span.end, Int32(unit.end)))
                guard !reader.anyUnasserted(Int(region.start)..<Int(region.end)) else { continue }
                found.append(FactViolation(
                    span: region,
                    details: ["event": fact.name, "year": String(unit.year), "date": FactDateText.describe(fact.period)],
                    subject: .date(event: event)
                ))
            }
        }
        return found
    }

    // MARK: - Dates in a sentence

    private func dateUnits(_ sentence: Int) -> [DateUnit] {
        let range = reader.range(ofSentence: sentence)
        var units: [DateUnit] = []
        for position in range {
            guard let year = reader.year(at: position), !isInRange(position, range) else { continue }
            var start = reader.tokens[position].kind == .number && reader.words[position].count == 2 ? position - 1 : position
            var cursor = start - 1
            if cursor - 2 >= range.lowerBound, reader.isComma(cursor), isDay(cursor - 1), isMonth(cursor - 2) {
                start = cursor - 2  // "October 16, 1962"
            } else {
                if cursor - 1 >= range.lowerBound, reader.isPunctuation(cursor, [.period]), isMonth(cursor - 1) {
                    cursor -= 1  // "Oct. 1962"
                }
                if cursor >= range.lowerBound, isMonth(cursor) {
                    start = cursor
                    if cursor - 1 >= range.lowerBound, isDay(cursor - 1) { start = cursor - 1 }  // "16 October 1962"
                }
            }
            // "by 1963", "after October 1962", "until 1964": the year is a bound, not the date.
            if start - 1 >= range.lowerBound, let word = reader.word(start - 1), FactCues.relationalBeforeDate.contains(word) {
                continue
            }
            units.append(DateUnit(start: start, end: position + 1, year: year))
        }
        return units
    }

    private func isMonth(_ position: Int) -> Bool {
        reader.word(position).map { FactCues.months[$0] != nil } ?? false
    }

    private func isDay(_ position: Int) -> Bool {
        guard reader.tokens[position].kind == .number else { return false }
        let digits = reader.words[position].prefix { $0.isNumber }
        return Int(digits).map { (1...31).contains($0) } ?? false
    }

    /// "1961-1968", "1961 to 1968", "1961 and 1962": a span of years, not a date.
    private func isInRange(_ position: Int, _ range: Range<Int>) -> Bool {
        func isYear(_ index: Int) -> Bool { range.contains(index) && reader.year(at: index) != nil }
        func joins(_ index: Int) -> Bool {
            guard range.contains(index) else { return false }
            if let word = reader.word(index) { return ["to", "and", "or", "till", "until"].contains(word) }
            return reader.isPunctuation(index, [.dash, .slash])
        }
        if reader.tokens[position].flags.contains(.hyphenated), position > range.lowerBound,
           reader.tokens[position - 1].kind == .number { return true }
        if position + 1 < range.upperBound, reader.tokens[position + 1].kind == .number,
           reader.tokens[position + 1].flags.contains(.hyphenated) { return true }
        if joins(position + 1), isYear(position + 2) { return true }
        if joins(position - 1), isYear(position - 2) { return true }
        return false
    }

    // MARK: - Which event a date belongs to

    /// The event mention the date is tied to, if any and if only one is nearest.
    private func attachment(of unit: DateUnit, to mentions: [(event: Int, span: Span)], sentence: Int) -> (Int, Span)? {
        var candidates: [(event: Int, span: Span, distance: Int)] = []
        for mention in mentions {
            if let distance = distance(from: unit, to: mention.span, sentence: sentence) {
                candidates.append((mention.event, mention.span, distance))
            }
        }
        guard let nearest = candidates.map(\.distance).min() else { return nil }
        let closest = candidates.filter { $0.distance == nearest }
        guard Set(closest.map(\.event)).count == 1 else { return nil }
        let best = closest.max { ($0.span.end - $0.span.start) < ($1.span.end - $1.span.start) }!
        return (best.event, best.span)
    }

    /// Words between the date and the event if the date is tied to it; nil if not.
    private func distance(from unit: DateUnit, to span: Span, sentence: Int) -> Int? {
        let range = reader.range(ofSentence: sentence)
        let (spanStart, spanEnd) = (Int(span.start), Int(span.end))
        if spanStart <= unit.start && unit.end <= spanEnd {
            // The year inside the event's words: tied if it shares a clause with one end.
            return isTie(spanStart..<unit.start) || isTie(unit.end..<spanEnd) ? 0 : nil
        }
        if spanEnd <= unit.start {
            // "historians reassessed the crisis in 1992": the year dates the telling.
            if isTold(before: spanStart, in: range) { return nil }
            let gap = spanEnd..<unit.start
            // "the Bay of Pigs (1962)"
            if gap.count == 1, reader.isPunctuation(gap.lowerBound, [.openBracket]) { return 0 }
            // "the Test Ban Treaty, signed in 1965,": a participle dating what it follows.
            if gap.count == 3, reader.isComma(gap.lowerBound), isDatingParticiple(gap.lowerBound + 1),
               let preposition = reader.word(gap.lowerBound + 2), preposition == "in" || preposition == "on" {
                return 1
            }
            guard isTie(gap) else { return nil }
            return reader.wordCount(gap)
        }
        if unit.end <= spanStart {
            let gap = unit.end..<spanStart
            // "In 1963 the crisis was still fresh": the year is the time of what is said of it.
            if saysLaterState(after: spanEnd, in: range) { return nil }
            if isTie(gap) { return reader.wordCount(gap) }
            // "In October 1963, the crisis ...": a date opening the sentence, then a comma.
            var openingStart = unit.start
            while openingStart > range.lowerBound,
                  !reader.isPunctuation(openingStart - 1, [.colon, .semicolon, .dash, .bullet, .heading, .period]) {
                openingStart -= 1
            }
            let opening = openingStart..<unit.start
            guard reader.isComma(gap.lowerBound), reader.wordCount(opening) <= 1,
                  opening.allSatisfy({ reader.word($0).map(FactCues.datePrepositions.contains) ?? !reader.isWord($0) }),
                  !opening.contains(where: { reader.isComma($0) }) else { return nil }
            let rest = gap.lowerBound + 1..<gap.upperBound
            guard isTie(rest), reader.wordCount(rest) <= Self.maximumGapAfterOpening else { return nil }
            return reader.wordCount(rest) + 1
        }
        return nil
    }

    /// "signed", "held", "fought": a past participle that dates the thing before it, not a
    /// later act on it ("extended", "revised").
    private func isDatingParticiple(_ position: Int) -> Bool {
        guard reader.tokens[position].kind == .word, let word = reader.word(position) else { return false }
        if FactCues.laterActs.contains(word) || FactCues.relational.contains(word) || FactCues.tellingWords.contains(word) {
            return false
        }
        return word.hasSuffix("ed") || ["held", "fought", "begun", "made", "won", "lost", "built", "drawn", "set"].contains(word)
    }

    /// Whether a word just before the event (in its clause) makes it the subject of a
    /// later telling or study: "reassessed the crisis", "a book about the crisis".
    private func isTold(before start: Int, in range: Range<Int>) -> Bool {
        var position = start - 1
        var words = 0
        while position >= range.lowerBound, words < 4, !reader.isClausePunctuation(position) {
            if let word = reader.word(position) {
                if FactCues.tellingWords.contains(word) { return true }
                if reader.isWord(position) { words += 1 }
            }
            position -= 1
        }
        return false
    }

    /// Whether the clause goes on to say something of the event at a later time: "(in 1963)
    /// the crisis *was still* fresh", "*had* ended", "*was remembered*".
    private func saysLaterState(after end: Int, in range: Range<Int>) -> Bool {
        var position = end
        var words = 0
        while position < range.upperBound, words < 5, !reader.isClausePunctuation(position), !reader.isClauseWord(position) {
            if let word = reader.word(position) {
                if FactCues.laterState.contains(word) || FactCues.tellingWords.contains(word) { return true }
                if reader.isWord(position) { words += 1 }
            }
            position += 1
        }
        return false
    }

    /// Whether the words between a date and an event tie them: one clause, few words, and
    /// nothing that relates the date to something else.
    private func isTie(_ gap: Range<Int>) -> Bool {
        guard reader.wordCount(gap) <= Self.maximumGap else { return false }
        for position in gap {
            if reader.isClausePunctuation(position) || reader.isClauseWord(position) { return false }
            if let word = reader.word(position), FactCues.relational.contains(word) || FactCues.tellingWords.contains(word) {
                return false
            }
        }
        return true
    }
}
