/// A sentence: a range of tokens and the bytes they cover.
public struct Sentence: Sendable, Hashable {
    public var tokens: Range<Int>
    public var bytes: Range<Int>
}

/// Decides where sentences break. Periods end sentences unless they follow an
/// abbreviation ("Oct.", "Mr.") or an initial ("John F. Kennedy") or come before a
/// lower-case word; blank lines, bullets, headings and short unpunctuated lines
/// (titles, notes) break too; a long line running on is a hard-wrapped paragraph.
enum SentenceSplitter {
    /// Lines shorter than this with no final punctuation are headings or notes.
    static let shortLineBytes = 60

    static func split(_ tokens: [Token], forms: FormTable) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var sentences: [Sentence] = []
        var start = 0
        var currentLineStart = 0
        var previousLineStart = 0
        for index in 1..<tokens.count {
            let token = tokens[index]
            if token.flags.contains(.lineStart) {
                previousLineStart = currentLineStart
                currentLineStart = index
            }
            if breaksBefore(index, tokens, forms: forms, previousLineStart: previousLineStart) {
                sentences.append(sentence(start..<index, tokens))
                start = index
            }
        }
        sentences.append(sentence(start..<tokens.count, tokens))
        return mergingWordless(sentences, tokens)
    }

    private static func sentence(_ range: Range<Int>, _ tokens: [Token]) -> Sentence {
        Sentence(tokens: range, bytes: Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
    }

    /// A run with no words (a lone "-", "***", an emoji line) joins the next sentence,
    /// or the last one at the end, so every token stays in exactly one sentence.
    private static func mergingWordless(_ sentences: [Sentence], _ tokens: [Token]) -> [Sentence] {
        var merged: [Sentence] = []
        var pendingStart: Int?
        for sentence in sentences {
            let hasWords = tokens[sentence.tokens].contains { $0.isWordLike }
            if hasWords {
                merged.append(self.sentence((pendingStart ?? sentence.tokens.lowerBound)..<sentence.tokens.upperBound, tokens))
                pendingStart = nil
            } else if pendingStart == nil {
                pendingStart = sentence.tokens.lowerBound
            }
        }
        if let pendingStart {
            let lower = merged.popLast()?.tokens.lowerBound ?? pendingStart
            merged.append(sentence(lower..<tokens.count, tokens))
        }
        return merged
    }

    private static func breaksBefore(_ index: Int, _ tokens: [Token], forms: FormTable, previousLineStart: Int) -> Bool {
        let token = tokens[index]
        if token.flags.contains(.paragraphStart) { return true }
        if token.kind == .punctuation, token.punctuation == .bullet || token.punctuation == .heading,
           token.flags.contains(.lineStart) { return true }

        // A closing quote or bracket right after the mark belongs to the sentence it closes.
        if token.kind == .punctuation, token.punctuation == .quote || token.punctuation == .closeBracket,
           !token.flags.contains(.spaceBefore), !token.flags.contains(.lineStart) {
            return false
        }
        // Skip closing quotes and brackets back to the mark that might end the sentence.
        var last = index - 1
        while last > 0, tokens[last].kind == .punctuation,
              tokens[last].punctuation == .quote || tokens[last].punctuation == .closeBracket {
            last -= 1
        }
        let previous = tokens[last]

        if token.flags.contains(.lineStart) {
            if previous.kind == .punctuation && (previous.punctuation.isTerminal || previous.punctuation == .colon) { return true }
            if previous.kind == .punctuation && previous.punctuation == .comma { return false }
            // A short line with no final punctuation is a title or a note; a long one is wrapped prose.
            let lineBytes = Int(tokens[index - 1].end) - Int(tokens[previousLineStart].start)
            if lineBytes < shortLineBytes { return true }
            return false
        }

        if previous.kind == .word, previous.flags.contains(.acronym), tokens[last].end > 0 {
            // "... in the U.S. The next year": an acronym's final period may end a sentence.
            return token.kind == .word && token.flags.contains(.capitalized)
                && forms.wordClass(of: token.form).contains(.sentenceStarter)
                && endsWithPeriod(previous, forms: forms, tokens: tokens, index: last)
        }
        guard previous.kind == .punctuation, previous.punctuation.isTerminal else { return false }
        if previous.punctuation == .question || previous.punctuation == .exclamation {
            return startsSentence(token)
        }
        if previous.punctuation == .period, last > 0 {
            let before = tokens[last - 1]
            if before.kind == .word, before.end == previous.start {
                if forms.wordClass(of: before.form).contains(.abbreviation) { return false }
                // An initial: "John F. Kennedy".
                if before.flags.contains(.capitalized), before.end - before.start == 1 { return false }
            }
        }
        return startsSentence(token)
    }

    private static func startsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .word: return token.flags.contains(.capitalized) || token.flags.contains(.allCaps)
        case .number, .symbol: return true
        case .clitic: return false
        case .punctuation:
            return token.punctuation == .quote || token.punctuation == .openBracket || token.punctuation == .bullet
                || token.punctuation == .dash
        }
    }

    private static func endsWithPeriod(_ token: Token, forms: FormTable, tokens: [Token], index: Int) -> Bool {
        // The acronym token's bytes were not kept; its flag and span tell: "U.S." spans 4 bytes for 2 letters.
        let letters = forms.bytes(of: token.form).count
        return Int(token.end - token.start) == letters * 2
    }
}
