import Testing
@testable import TextAnalysis

/// The words of `text` carrying `flag`, in order.
func flagged(_ text: String, _ flag: TokenFlags) -> [String] {
    let analyzer = TextAnalyzer()
    let analyzed = analyzer.analyze(text)
    return analyzed.tokens.filter { $0.isWordLike && $0.flags.contains(flag) }.map { analyzer.forms.string(of: $0.form) }
}

@Suite struct AssertionScopeTests {
    /// The cue itself is not negated ("no war": only "war"), unless another cue negates it.
    @Test func negationRunsToTheEndOfTheClause() {
        #expect(flagged("The Soviets did not remove the missiles, but the US lifted the blockade.", .negated)
            == ["remove", "the", "missiles"])
        #expect(flagged("Castro wasn’t consulted and Khrushchev acted alone.", .negated) == ["consulted"])
        #expect(flagged("Kennedy never lost an election or resigned.", .negated) == ["lost", "an", "election", "or", "resigned"])
    }

    @Test func avoidAndPreventNegateTheirObject() {
        #expect(flagged("He avoided being outright shot in the alley.", .negated) == ["being", "outright", "shot", "in", "the", "alley"])
        #expect(flagged("Nuclear war was narrowly avoided by negotiation.", .negated) == ["nuclear", "war", "was", "narrowly", "avoided"])
        #expect(flagged("Diplomacy prevented a war.", .negated) == ["a", "war"])
    }

    @Test func occurrenceVerbsNegateTheirSubject() {
        #expect(flagged("An American invasion of Cuba never happened.", .negated) == ["an", "american", "invasion", "of", "cuba", "happened"])
        #expect(flagged("The hotline did not exist during the crisis.", .negated) == ["the", "hotline", "did", "exist", "during", "the", "crisis"])
    }

    @Test func aHyphenatedNegationStaysInsideItsCompound() {
        #expect(flagged("Castro got a no-invasion promise and a non-aggression pact.", .negated) == ["invasion", "aggression"])
    }

    @Test func pseudoNegationsNegateNothing() {
        #expect(flagged("Not only did the Soviets withdraw, no doubt they felt humiliated.", .negated).isEmpty)
        #expect(flagged("It is unclear whether or not Castro agreed.", .negated).isEmpty)
    }

    @Test func failedAndRefusedToNegateTheVerb() {
        #expect(flagged("Castro refused to allow UN inspection.", .negated) == ["allow", "un", "inspection"])
    }

    @Test func mythsAndMistakesAreDisputed() {
        #expect(flagged("Despite the famous image of a red telephone, it was a teletype link.", .disputed)
            == ["image", "of", "a", "red", "telephone"])
        #expect(flagged("It is a myth that Kennedy said it.", .disputed) == ["myth", "that", "kennedy", "said", "it"])
        #expect(flagged("Contrary to popular belief, the line was text only.", .disputed) == ["contrary", "to", "popular", "belief"])
        #expect(flagged("Many wrongly believe Kennedy said it.", .disputed) == ["wrongly", "believe", "kennedy", "said", "it"])
    }

    @Test func thatIsWrongDisputesWhatCameBefore() {
        #expect(flagged("Some say the missiles in Cuba put the Soviets ahead, but that is wrong.", .disputed)
            == ["some", "say", "the", "missiles", "in", "cuba", "put", "the", "soviets", "ahead", "but", "that"])
        #expect(flagged("Kennedy used a red telephone. That is a myth. It was a teletype.", .disputed)
            == ["kennedy", "used", "a", "red", "telephone", "myth"])
        #expect(flagged("The claim that the test ban covered all tests is simply false.", .disputed)
            == ["claim", "that", "the", "test", "ban", "covered", "all", "tests"])
    }

    @Test func questionsAreNotClaims() {
        #expect(flagged("Did the US invade Cuba? No.", .disputed) == ["did", "the", "us", "invade", "cuba"])
    }

    @Test func conditionsModalsAndIntentionsAreHypothetical() {
        #expect(flagged("If the US had invaded Cuba, war would have followed.", .hypothetical)
            == ["if", "the", "us", "had", "invaded", "cuba", "would", "have", "followed"])
        #expect(flagged("Kennedy threatened to invade the island.", .hypothetical) == ["to", "invade", "the", "island"])
        #expect(flagged("Kennedy demanded that the Soviets remove them.", .hypothetical) == ["that", "the", "soviets", "remove", "them"])
        #expect(flagged("The Americans could invade at any time.", .hypothetical) == ["could", "invade", "at", "any", "time"])
    }

    @Test func wouldWithoutHaveIsTheFutureInThePast() {
        #expect(flagged("He would be ousted two years later.", .hypothetical).isEmpty)
    }

    @Test func affirmedClaimsCarryNoFlag() {
        let text = "The Soviets removed their missiles from Cuba and the crisis ended peacefully."
        #expect(flagged(text, .negated).isEmpty && flagged(text, .disputed).isEmpty && flagged(text, .hypothetical).isEmpty)
    }
}
