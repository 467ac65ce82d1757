/// Marks which tokens the writer does not assert as fact:
///
/// - `negated`: after not, n't, never, no, without... to the end of the clause
///   ("did not *remove the missiles*"; the cue itself is negated only by another cue); the object of avoid, avert, prevent
///   ("avoided *being shot*"); the subject of "was avoided" or "never happened"
///   ("*war* was avoided", "*the invasion* never happened").
/// - `disputed`: questions; what follows myth, misconception, wrongly, "contrary to",
///   "the popular image of"; what comes before "..., but that is wrong" (or the
///   sentence before "That is a myth.").
/// - `hypothetical`: conditions ("if the US had invaded", "had there been"), modals
///   with "have" ("would have invaded"; not "would be ousted", the future in the past),
///   intentions ("threatened to invade", "demanded that they remove", "almost went to war").
/// - `hedged`: "could send", "might invade", "it is sometimes said that", "some people
///   believe": points may count it, slips never do.
///
/// Scopes end at clause boundaries: punctuation inside the sentence, words such as
/// but, although, which, because, and "and"/"or" when a new subject follows.
enum AssertionScopes {
    static let negationWords = 12
    static let disputeWords = 20
    static let hypotheticalWords = 15

    static func mark(_ tokens: inout [Token], sentences: [Sentence], forms: FormTable) {
        for (index, sentence) in sentences.enumerated() {
            markSentence(&tokens, sentence.tokens, forms: forms)
            if let previous = index > 0 ? sentences[index - 1] : nil,
               disownsPreviousSentence(tokens, sentence.tokens, forms: forms) {
                for position in previous.tokens { tokens[position].flags.insert(.disputed) }
            }
        }
    }

    // MARK: - One sentence

    private static func markSentence(_ tokens: inout [Token], _ range: Range<Int>, forms: FormTable) {
        guard !range.isEmpty else { return }
        let boundary = clauseBoundaries(tokens, range, forms: forms)

        if endsWithQuestionMark(tokens, range) {
            for position in range { tokens[position].flags.insert(.disputed) }
        }

        var clauseStart = range.lowerBound
        let firstWord = range.first { tokens[$0].isWordLike } ?? range.lowerBound
        for position in range {
            if boundary[position - range.lowerBound] { clauseStart = position + 1; continue }
            let token = tokens[position]
            guard token.kind == .word || token.kind == .clitic else { continue }
            let wordClass = forms.wordClass(of: token.form)
            let next = nextWord(tokens, after: position, in: range)
            let nextClass = next.map { forms.wordClass(of: tokens[$0].form) } ?? []

            if wordClass.contains(.negation) {
                if nextClass.contains(.cancelsNegation) { continue }
                if isWhetherOrNot(tokens, position, range, forms: forms) { continue }
                // "a no-invasion pledge", "non-aggression": the negation stays inside the compound.
                if let next, next == position + 1, tokens[next].flags.contains(.hyphenated) {
                    var compound = next
                    while compound < range.upperBound, compound == next || tokens[compound].flags.contains(.hyphenated) {
                        tokens[compound].flags.insert(.negated)
                        compound += 1
                    }
                    continue
                }
                // "was not removed until October 1964" says when it happened, not that it did not.
                // ("There was no agreement until..." still denies it at the time: only verb negation.)
                if ["not", "n't"].contains(forms.string(of: token.form)),
                   untilFollows(tokens, position, range, boundary, forms: forms) { continue }
                markForward(&tokens, from: position + 1, range, boundary, words: negationWords, flag: .negated)
                // "the invasion never happened", "the hotline did not exist": the subject too.
                if let next, nextClass.contains(.occurrenceVerb) || followsOccurrenceVerb(tokens, next, range, forms: forms) {
                    markRange(&tokens, clauseStart..<position, flag: .negated)
                }
            }
            if wordClass.contains(.negatingParticiple), precededByBe(tokens, position, range, forms: forms) {
                // "war was (narrowly) avoided": negates the subject, not what follows.
                markRange(&tokens, clauseStart..<position + 1, flag: .negated)
            } else if wordClass.contains(.negatingVerb) {
                markForward(&tokens, from: position + 1, range, boundary, words: negationWords, flag: .negated)
            }
            if wordClass.contains(.negatingVerbBeforeTo), let next, forms.string(of: tokens[next].form) == "to" {
                markForward(&tokens, from: next + 1, range, boundary, words: negationWords, flag: .negated)
            }

            if wordClass.contains(.disputeCue) {
                markForward(&tokens, from: position, range, boundary, words: disputeWords, flag: .disputed)
            }
            if wordClass.contains(.disputeAdjective), let next, nextClass.contains(.disputeNoun) {
                markForward(&tokens, from: next, range, boundary, words: disputeWords, flag: .disputed)
            }
            if isContraryTo(tokens, position, next, forms: forms) {
                markForward(&tokens, from: position, range, boundary, words: disputeWords, flag: .disputed)
            }
            if let end = falsehoodVerdictEnd(tokens, position, range, forms: forms) {
                disputeSubjectOfVerdict(&tokens, verdictAt: position, verdictEnd: end, range, forms: forms)
            }

            if wordClass.contains(.conditional) {
                markForward(&tokens, from: position, range, boundary, words: hypotheticalWords, flag: .hypothetical)
            }
            // "would be ousted" tells the future of the past; "would/could have invaded" did not
            // happen; "could send", "might invade" are possible, not done.
            if wordClass.contains(.modal), let next {
                let modal = forms.string(of: token.form)
                if forms.string(of: tokens[next].form) == "have" || modal == "should" {
                    markForward(&tokens, from: position, range, boundary, words: hypotheticalWords, flag: .hypothetical)
                } else if modal != "would" {
                    markForward(&tokens, from: position, range, boundary, words: hypotheticalWords, flag: .hedged)
                }
            }
            // "Had there been a hotline, ...", "Were the US to invade, ...": an inverted condition.
            if position == firstWord, ["had", "were", "should"].contains(forms.string(of: token.form)), let next,
               forms.wordClass(of: tokens[next].form).contains(.subjectStart) || tokens[next].flags.contains(.capitalized) {
                markForward(&tokens, from: position, range, boundary, words: hypotheticalWords, flag: .hypothetical)
            }
            // "the so-called red telephone".
            if forms.string(of: token.form) == "so", let next, next == position + 1,
               tokens[next].flags.contains(.hyphenated), forms.string(of: tokens[next].form) == "called" {
                markForward(&tokens, from: position, range, boundary, words: disputeWords, flag: .disputed)
            }
            if wordClass.contains(.intentionVerb), let next {
                let nextForm = forms.string(of: tokens[next].form)
                if nextForm == "to" || nextForm == "that" || nextForm.hasSuffix("ing") {
                    markForward(&tokens, from: next, range, boundary, words: hypotheticalWords, flag: .hypothetical)
                }
            }
            // "Kennedy hoped the crisis would help him", "they wanted him removed": a clause
            // (a modal, "to" or a participle soon after), not a thing ("feared the 1953 crisis").
            if wordClass.contains(.wishVerb), let next, next == position + 1,
               governsClause(tokens, from: next, range, boundary, forms: forms) {
                markForward(&tokens, from: next, range, boundary, words: hypotheticalWords, flag: .hypothetical)
            }
            // "almost went to war" did not happen; "changed almost nothing" is a quantity.
            if wordClass.contains(.nearMiss), let next {
                let nextForm = forms.string(of: tokens[next].form)
                if nextForm.hasSuffix("ed") || forms.wordClass(of: tokens[next].form).contains(.pastEventVerb) {
                    markForward(&tokens, from: next, range, boundary, words: hypotheticalWords, flag: .hypothetical)
                }
            }
            // "It is often said that X", "some people believe X": X is reported, not asserted.
            if let end = reportedClaimEnd(tokens, position, range, forms: forms) {
                markForward(&tokens, from: end, range, boundary, words: disputeWords, flag: .hedged)
            }
            // "It is wrong to say that X": X is disowned.
            if let end = verdictToSayEnd(tokens, position, range, forms: forms) {
                markForward(&tokens, from: end, range, boundary, words: disputeWords, flag: .disputed)
            }
        }
    }

    // MARK: - Clause boundaries

    private static func clauseBoundaries(_ tokens: [Token], _ range: Range<Int>, forms: FormTable) -> [Bool] {
        var boundary = Array(repeating: false, count: range.count)
        for position in range {
            let token = tokens[position]
            var isBoundary = false
            switch token.kind {
            case .punctuation:
                switch token.punctuation {
                case .comma, .semicolon, .colon, .dash, .openBracket, .closeBracket, .bullet, .heading, .arrow,
                     .period, .question, .exclamation, .ellipsis:
                    isBoundary = true
                default:
                    isBoundary = false
                }
            case .word:
                let wordClass = forms.wordClass(of: token.form)
                if wordClass.contains(.clauseBoundary) {
                    isBoundary = true
                } else if wordClass.contains(.coordinator) || forms.string(of: token.form) == "so",
                          let next = nextWord(tokens, after: position, in: range) {
                    // "... and the Soviets removed": a new subject starts a new clause.
                    let nextToken = tokens[next]
                    isBoundary = forms.wordClass(of: nextToken.form).contains(.subjectStart)
                        || (nextToken.flags.contains(.capitalized) && !nextToken.flags.contains(.lineStart))
                        // "never forgave him and (also) ousted him": "and" before a past verb starts a new
                        // predicate ("or" shares the negation: "never lost an election or resigned").
                        || (forms.string(of: token.form) == "and" && pastVerbFollows(tokens, next, range, forms: forms))
                }
            default:
                break
            }
            boundary[position - range.lowerBound] = isBoundary
        }
        return boundary
    }

    /// Whether a past verb comes next, after any adverbs: "and (also) announced".
    private static func pastVerbFollows(_ tokens: [Token], _ start: Int, _ range: Range<Int>, forms: FormTable) -> Bool {
        var cursor: Int? = start
        while let position = cursor {
            let form = forms.string(of: tokens[position].form)
            if form.hasSuffix("ed") { return true }
            guard form.hasSuffix("ly") || ["also", "then", "later", "even", "still", "just", "soon"].contains(form) else { return false }
            cursor = nextWord(tokens, after: position, in: range)
        }
        return false
    }

    private static func markForward(
        _ tokens: inout [Token], from start: Int, _ range: Range<Int>, _ boundary: [Bool], words: Int, flag: TokenFlags
    ) {
        var remaining = words
        var position = start
        while position < range.upperBound, remaining > 0 {
            if boundary[position - range.lowerBound] && position != start { break }
            tokens[position].flags.insert(flag)
            if tokens[position].isWordLike { remaining -= 1 }
            position += 1
        }
    }

    private static func markRange(_ tokens: inout [Token], _ range: Range<Int>, flag: TokenFlags) {
        for position in range { tokens[position].flags.insert(flag) }
    }

    // MARK: - Patterns

    private static func nextWord(_ tokens: [Token], after position: Int, in range: Range<Int>) -> Int? {
        var next = position + 1
        while next < range.upperBound {
            if tokens[next].kind == .word || tokens[next].kind == .number { return next }
            if tokens[next].kind == .punctuation { return nil }
            next += 1
        }
        return nil
    }

    private static func previousWord(_ tokens: [Token], before position: Int, in range: Range<Int>) -> Int? {
        var previous = position - 1
        while previous >= range.lowerBound {
            if tokens[previous].kind == .word || tokens[previous].kind == .number { return previous }
            if tokens[previous].kind == .punctuation { return nil }
            previous -= 1
        }
        return nil
    }

    private static func endsWithQuestionMark(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        var position = range.upperBound - 1
        while position >= range.lowerBound, tokens[position].kind == .punctuation,
              tokens[position].punctuation == .quote || tokens[position].punctuation == .closeBracket {
            position -= 1
        }
        return position >= range.lowerBound && tokens[position].kind == .punctuation && tokens[position].punctuation == .question
    }

    /// Whether a modal, "to" or an "-ed" participle comes within four words, in the clause.
    private static func governsClause(_ tokens: [Token], from start: Int, _ range: Range<Int>, _ boundary: [Bool], forms: FormTable) -> Bool {
        var cursor = start
        var words = 0
        while cursor < range.upperBound, words < 4 {
            if boundary[cursor - range.lowerBound] { return false }
            let form = forms.string(of: tokens[cursor].form)
            if forms.wordClass(of: tokens[cursor].form).contains(.modal) || form == "to" || (form.hasSuffix("ed") && cursor > start) {
                return true
            }
            if tokens[cursor].isWordLike { words += 1 }
            cursor += 1
        }
        return false
    }

    /// Whether "until" (or "till") closes the clause a negation opens at `position`.
    private static func untilFollows(_ tokens: [Token], _ position: Int, _ range: Range<Int>, _ boundary: [Bool], forms: FormTable) -> Bool {
        var cursor = position + 1
        var words = 0
        while cursor < range.upperBound, words <= negationWords {
            let form = forms.string(of: tokens[cursor].form)
            if form == "until" || form == "till" { return true }
            if boundary[cursor - range.lowerBound] { return false }
            if tokens[cursor].isWordLike { words += 1 }
            cursor += 1
        }
        return false
    }

    /// "whether or not" negates nothing.
    private static func isWhetherOrNot(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Bool {
        guard let or = previousWord(tokens, before: position, in: range), forms.string(of: tokens[or].form) == "or",
              let whether = previousWord(tokens, before: or, in: range) else { return false }
        return forms.string(of: tokens[whether].form) == "whether"
    }

    /// "did not take place": the occurrence verb may follow an auxiliary.
    private static func followsOccurrenceVerb(_ tokens: [Token], _ next: Int, _ range: Range<Int>, forms: FormTable) -> Bool {
        let form = forms.string(of: tokens[next].form)
        guard form == "take" || form == "took", let after = nextWord(tokens, after: next, in: range) else { return false }
        return forms.string(of: tokens[after].form) == "place"
    }

    /// A form of "be" just before, allowing one adverb: "was narrowly avoided".
    private static func precededByBe(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Bool {
        guard let previous = previousWord(tokens, before: position, in: range) else { return false }
        if forms.wordClass(of: tokens[previous].form).contains(.beVerb) { return true }
        if forms.string(of: tokens[previous].form).hasSuffix("ly") || forms.string(of: tokens[previous].form) == "just",
           let before = previousWord(tokens, before: previous, in: range) {
            return forms.wordClass(of: tokens[before].form).contains(.beVerb)
        }
        return false
    }

    private static func isContraryTo(_ tokens: [Token], _ position: Int, _ next: Int?, forms: FormTable) -> Bool {
        guard let next else { return false }
        return forms.string(of: tokens[position].form) == "contrary" && forms.string(of: tokens[next].form) == "to"
    }

    /// At a form of "be": "is wrong", "was a myth", "is not true", "is simply false".
    /// Returns the position after the verdict.
    private static func falsehoodVerdictEnd(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Int? {
        guard forms.wordClass(of: tokens[position].form).contains(.beVerb) else { return nil }
        var cursor = position
        for _ in 0..<3 {
            guard let next = nextWord(tokens, after: cursor, in: range) else { return nil }
            let form = forms.string(of: tokens[next].form)
            if forms.wordClass(of: tokens[next].form).contains(.falsehood) { return next + 1 }
            if form == "not", let after = nextWord(tokens, after: next, in: range),
               ["true", "correct", "accurate", "right", "so"].contains(forms.string(of: tokens[after].form)) {
                return after + 1
            }
            guard form == "a" || form == "simply" || form == "completely" || form == "entirely" || form == "totally"
                || form == "quite" || form == "just" || form == "plainly" || form == "also" else { return nil }
            cursor = next
        }
        return nil
    }

    /// At "it": "it is wrong/a myth/a mistake/untrue to say (that)"; returns where the
    /// disowned statement starts.
    private static func verdictToSayEnd(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Int? {
        guard forms.string(of: tokens[position].form) == "it", let verb = beVerb(after: position, tokens, range, forms: forms),
              let verdictEnd = falsehoodVerdictEnd(tokens, verb, range, forms: forms) ?? mistakeVerdictEnd(tokens, verb, range, forms: forms),
              verdictEnd < range.upperBound, forms.string(of: tokens[verdictEnd].form) == "to",
              let say = nextWord(tokens, after: verdictEnd, in: range),
              forms.wordClass(of: tokens[say].form).contains(.reportingVerb)
                || ["say", "claim", "think", "believe", "argue", "suggest", "assume", "state"].contains(forms.string(of: tokens[say].form))
        else { return nil }
        return say + 1
    }

    /// At "it" in "it is (often) said that", or at "some"/"many"/"people"/"others" in
    /// "some (people) believe": where the reported statement starts.
    private static func reportedClaimEnd(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Int? {
        let form = forms.string(of: tokens[position].form)
        var cursor = position
        if form == "it" {
            guard let verb = nextWord(tokens, after: position, in: range),
                  forms.wordClass(of: tokens[verb].form).contains(.beVerb) else { return nil }
            cursor = verb
            while let next = nextWord(tokens, after: cursor, in: range), forms.string(of: tokens[next].form).hasSuffix("ly")
                    || ["also", "still", "often", "sometimes", "now", "even"].contains(forms.string(of: tokens[next].form)) {
                cursor = next
            }
            guard let reported = nextWord(tokens, after: cursor, in: range),
                  forms.wordClass(of: tokens[reported].form).contains(.reportingVerb)
                    || ["rumoured", "rumored", "reported", "alleged"].contains(forms.string(of: tokens[reported].form))
            else { return nil }
            return reported + 1
        }
        guard ["some", "many", "people", "others"].contains(form),
              position == range.lowerBound || !tokens[position - 1].isWordLike
                || forms.wordClass(of: tokens[position - 1].form).contains(.clauseBoundary)
        else { return nil }
        if let next = nextWord(tokens, after: cursor, in: range),
           ["people", "students", "writers", "books", "textbooks", "films", "accounts", "sources", "americans", "commentators"]
            .contains(forms.string(of: tokens[next].form)) {
            cursor = next
        }
        guard let verb = nextWord(tokens, after: cursor, in: range),
              ["say", "said", "claim", "claimed", "believe", "believed", "think", "thought", "suggest", "suggested",
               "argue", "argued", "imagine", "imagined", "assume", "assumed"].contains(forms.string(of: tokens[verb].form))
        else { return nil }
        return verb + 1
    }

    /// The form of "be" right after `position`: a word ("it is") or the clitic of "it's".
    private static func beVerb(after position: Int, _ tokens: [Token], _ range: Range<Int>, forms: FormTable) -> Int? {
        let next = position + 1
        if next < range.upperBound, tokens[next].kind == .clitic, forms.string(of: tokens[next].form) == "'s" { return next }
        return nextWord(tokens, after: position, in: range)
    }

    /// "is a (common) mistake" / "is misleading", which only disown in "it is a mistake to say".
    private static func mistakeVerdictEnd(_ tokens: [Token], _ position: Int, _ range: Range<Int>, forms: FormTable) -> Int? {
        let isBe = forms.wordClass(of: tokens[position].form).contains(.beVerb)
            || (tokens[position].kind == .clitic && forms.string(of: tokens[position].form) == "'s")
        guard isBe, var next = nextWord(tokens, after: position, in: range) else { return nil }
        if forms.string(of: tokens[next].form) == "a", let after = nextWord(tokens, after: next, in: range) { next = after }
        if ["common", "popular", "widespread", "big", "serious", "frequent", "great"].contains(forms.string(of: tokens[next].form)),
           let after = nextWord(tokens, after: next, in: range) {
            next = after
        }
        return ["mistake", "misleading", "error", "misconception"].contains(forms.string(of: tokens[next].form)) ? next + 1 : nil
    }

    /// "..., but that is wrong": everything before the anaphor. "The claim that X is false":
    /// from the claim to the verb. A sentence that is only "That is a myth." is handled
    /// by `disownsPreviousSentence`.
    private static func disputeSubjectOfVerdict(_ tokens: inout [Token], verdictAt position: Int, verdictEnd: Int, _ range: Range<Int>, forms: FormTable) {
        guard let subject = previousWord(tokens, before: position, in: range) else { return }
        if forms.wordClass(of: tokens[subject].form).contains(.anaphor) {
            if subject > range.lowerBound { markRange(&tokens, range.lowerBound..<position, flag: .disputed) }
            return
        }
        var cursor = position - 1
        while cursor >= range.lowerBound {
            if forms.wordClass(of: tokens[cursor].form).contains(.disputeNoun) {
                markRange(&tokens, cursor..<position, flag: .disputed)
                return
            }
            cursor -= 1
        }
        // "The red telephone is a myth": a plain truth verdict (not "wrong", which may
        // judge a deed) on the sentence's subject disowns the subject.
        let verdict = forms.string(of: tokens[verdictEnd - 1].form)
        if ["myth", "false", "untrue", "true", "inaccurate", "incorrect", "misconception", "legend", "nonsense"].contains(verdict),
           !range[range.lowerBound..<position].contains(where: { tokens[$0].kind == .punctuation && tokens[$0].punctuation != .quote }) {
            markRange(&tokens, range.lowerBound..<position, flag: .disputed)
        }
    }

    /// "That is a myth." / "This is simply wrong." on its own disowns the sentence before.
    private static func disownsPreviousSentence(_ tokens: [Token], _ range: Range<Int>, forms: FormTable) -> Bool {
        let words = range.filter { tokens[$0].isWordLike }
        guard words.count >= 3, words.count <= 6 else { return false }
        let first = words[0]
        guard forms.wordClass(of: tokens[first].form).contains(.anaphor), forms.string(of: tokens[first].form) != "which",
              let verb = nextWord(tokens, after: first, in: range),
              let end = falsehoodVerdictEnd(tokens, verb, range, forms: forms) else { return false }
        return !range.contains(where: { $0 >= end && tokens[$0].isWordLike })
    }
}
