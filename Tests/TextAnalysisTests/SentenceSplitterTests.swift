import Testing
@testable import TextAnalysis

func sentences(_ text: String) -> [String] {
    let analyzed = TextAnalyzer().analyze(text)
    return analyzed.sentences.map { analyzed.text(of: $0) }
}

@Suite struct SentenceSplitterTests {
    @Test func abbreviationsInitialsAndAcronymsDoNotBreak() {
        #expect(sentences("On Oct. 28 Mr. Khrushchev gave way. John F. Kennedy was relieved. The U.S. had won.") == [
            "On Oct. 28 Mr. Khrushchev gave way.", "John F. Kennedy was relieved.", "The U.S. had won.",
        ])
    }

    @Test func anAcronymCanEndASentence() {
        #expect(sentences("The missiles went back to the U.S.S.R. The crisis was over.") == [
            "The missiles went back to the U.S.S.R.", "The crisis was over.",
        ])
    }

    @Test func periodBeforeALowerCaseWordDoesNotBreak() {
        #expect(sentences("looked like JFK won & Kh. backed down. Then it ended.") == [
            "looked like JFK won & Kh. backed down.", "Then it ended.",
        ])
    }

    @Test func questionsExclamationsAndQuotes() {
        #expect(sentences("Was it a win? \"Yes!\" he said. (It was.) Next") == [
            "Was it a win?", "\"Yes!\" he said.", "(It was.)", "Next",
        ])
    }

    @Test func bulletsHeadingsAndTitlesBreak() {
        let notes = """
        CUBAN MISSILE CRISIS
        ## Outcome
        - missiles out, 28 Oct
        * no invasion pledge
        1. secret Turkey deal
        a) looked like a US win
        """
        #expect(sentences(notes) == [
            "CUBAN MISSILE CRISIS", "## Outcome", "- missiles out, 28 Oct", "* no invasion pledge",
            "1. secret Turkey deal", "a) looked like a US win",
        ])
    }

    @Test func hardWrappedProseStaysOneSentence() {
        let text = "The Soviet Union agreed to dismantle the missiles it had placed in Cuba and\nship them back home under the eyes of American reconnaissance planes.\n\nA new paragraph."
        #expect(sentences(text).count == 2)
    }

    @Test func crlfParagraphs() {
        #expect(sentences("First point.\r\n\r\nSecond point\r\n\r\nThird") == ["First point.", "Second point", "Third"])
    }

    @Test func everyTokenBelongsToExactlyOneSentence() {
        let text = TextAnalyzer().analyze("- \n*** Title\n\n— ... !! Real words here. 😀\n-")
        var covered = 0
        for sentence in text.sentences { covered += sentence.tokens.count }
        #expect(covered == text.tokens.count)
    }
}
