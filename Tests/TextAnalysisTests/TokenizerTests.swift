import Testing
@testable import TextAnalysis

/// Forms of the word-like and clitic tokens, for compact expectations.
func forms(_ text: String, analyzer: TextAnalyzer = TextAnalyzer()) -> [String] {
    analyzer.analyze(text).tokens.filter { $0.kind != .punctuation && $0.kind != .symbol }
        .map { analyzer.forms.string(of: $0.form) }
}

@Suite struct TokenizerTests {
    @Test func wordsAreLowerCasedAndAccentsFolded() {
        #expect(forms("The Détente of ÉLYSÉE") == ["the", "detente", "of", "elysee"])
    }

    @Test func combiningAccentsAndZeroWidthCharactersDoNotSplitWords() {
        // "de\u{301}tente" uses a combining acute; U+200B and U+00AD are invisible.
        #expect(forms("de\u{301}tente with\u{200B}drawal Khru\u{AD}shchev") == ["detente", "withdrawal", "khrushchev"])
    }

    @Test func cliticsSplitOffWithCurlyOrStraightApostrophes() {
        #expect(forms("Kennedy's Khrushchev’s didn't wasn’t can't won't Soviets' O'Neill") == [
            "kennedy", "'s", "khrushchev", "'s", "did", "n't", "was", "n't", "can", "n't", "will", "n't",
            "soviets", "'", "o'neill",
        ])
    }

    @Test func hyphensSplitWordsButLineBreakHyphenationIsRepaired() {
        let analyzer = TextAnalyzer()
        let text = analyzer.analyze("Sino-Soviet split; the with-\n   drawal")
        let words = text.tokens.filter { $0.kind == .word }
        #expect(words.map { analyzer.forms.string(of: $0.form) } == ["sino", "soviet", "split", "the", "withdrawal"])
        #expect(words[1].flags.contains(.hyphenated))
        #expect(text.text(words[4].byteRange) == "with-\n   drawal")
    }

    @Test func acronymsAndNumbersStayWhole() {
        let analyzer = TextAnalyzer()
        let text = analyzer.analyze("The U.S. had 1,000 more, a 17:1 lead, by the 1960s; U.S.S.R")
        let words = text.tokens.filter(\.isWordLike)
        #expect(words.map { analyzer.forms.string(of: $0.form) } == ["the", "us", "had", "1,000", "more", "a", "17:1", "lead", "by", "the", "1960s", "ussr"])
        #expect(words[1].flags.contains(.acronym) && words[1].flags.contains(.allCaps))
        #expect(words[3].kind == .number)
    }

    @Test func caseFlags() {
        let text = TextAnalyzer().analyze("MAD us US Kennedy")
        let flags = text.tokens.map(\.flags)
        #expect(flags[0].contains(.allCaps))
        #expect(!flags[1].contains(.capitalized) && !flags[1].contains(.allCaps))
        #expect(flags[2].contains(.allCaps))
        #expect(flags[3].contains(.capitalized) && !flags[3].contains(.allCaps))
    }

    @Test func ampersandAndSpacedPlusMeanAnd() {
        #expect(forms("letters + RFK & Dobrynin, 2+2") == ["letters", "and", "rfk", "and", "dobrynin", "2", "2"])
    }

    /// Offsets must point at the same text whatever comes before: multi-byte
    /// characters, emoji, CRLF, curly quotes.
    @Test(arguments: ["", "😀 ", "Café — ", "\u{FEFF}", "🇨🇺👩‍👩‍👧 ", "\r\n\r\n", "日本語。"])
    func offsetsSurviveAPrefix(prefix: String) {
        let body = "“The Soviets’ missiles,” he said,\r\nwere removed."
        let text = TextAnalyzer().analyze(prefix + body)
        let words = text.tokens.filter(\.isWordLike).map { text.text($0.byteRange) }
        #expect(words.suffix(7) == ["The", "Soviets", "missiles", "he", "said", "were", "removed"])
    }

    @Test func invalidUTF8AndControlBytesNeverTrap() {
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x28, 0x00, 0xE2, 0x82, 0x20, 0x62, 0xF0, 0x9F, 0x98]
        let text = TextAnalyzer().analyze(bytes)
        #expect(text.tokens.allSatisfy { $0.start >= 0 && $0.end <= Int32(bytes.count) && $0.start < $0.end })
        #expect(text.tokens.contains { $0.kind == .word })
    }

    @Test func emptyAndWhitespaceOnlyTextHaveNoSentences() {
        #expect(TextAnalyzer().analyze("").sentences.isEmpty)
        #expect(TextAnalyzer().analyze(" \n\t\r\n ").sentences.isEmpty)
    }
}

@Suite struct EditDistanceTests {
    @Test func distances() {
        func distance(_ a: String, _ b: String, _ limit: Int = 2) -> Int? {
            boundedEditDistance(ArraySlice(a.utf8), ArraySlice(b.utf8), limit: limit)
        }
        #expect(distance("krushchev", "khrushchev") == 1)
        #expect(distance("missels", "missiles") == 2)
        #expect(distance("goverment", "government") == 1)
        #expect(distance("teh", "the") == 1)
        #expect(distance("missing", "missile", 1) == nil)
        #expect(distance("cat", "catastrophe") == nil)
    }
}

@Suite struct EnglishWordListTests {
    @Test func knownWordsAreFoundAndMisspellingsAreNot() {
        let list = EnglishWordList.shared
        #expect(list.count > 50_000)
        for word in ["treat", "treaty", "blockage", "aardvark", "zygote", "government"] {
            #expect(list.contains(Array(word.utf8)), "\(word)")
        }
        for word in ["goverment", "missels", "krushchev", "treatyy", "", "zzzzzz"] {
            #expect(!list.contains(Array(word.utf8)), "\(word)")
        }
    }
}
