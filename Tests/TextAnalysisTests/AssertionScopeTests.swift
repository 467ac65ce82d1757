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
        #expect(flagged("The Americans could invade at any time.", .hedged) == ["could", "invade", "at", "any", "time"])
    }

    @Test func couldAndMightArePossibleNotHypothetical() {
        #expect(flagged("From 1963 the leaders could send messages directly.", .hedged) == ["could", "send", "messages", "directly"])
        #expect(flagged("From 1963 the leaders could send messages directly.", .hypothetical).isEmpty)
        #expect(flagged("They could have invaded.", .hypothetical) == ["could", "have", "invaded"])
    }

    @Test func invertedConditionsSoCalledAndSoBeforeASubject() {
        #expect(flagged("Had there been a hotline, the crisis would have been shorter.", .hypothetical).prefix(5)
            == ["had", "there", "been", "a", "hotline"])
        #expect(flagged("The so-called red telephone never existed.", .disputed) == ["so", "called", "red", "telephone", "never", "existed"])
        #expect(flagged("They agreed to a direct line so it could not happen again.", .negated) == ["it", "could", "happen", "again"])
    }

    @Test func aTruthVerdictDisownsTheSubject() {
        #expect(flagged("The red telephone is a myth.", .disputed) == ["the", "red", "telephone", "myth"])
        #expect(flagged("Castro thought the deal was wrong.", .disputed).isEmpty)
    }

    @Test func nearMissesNegationsWithoutApostrophesAndWrongToSay() {
        #expect(flagged("The world almost went to war.", .hypothetical) == ["went", "to", "war"])
        #expect(flagged("The missiles changed almost nothing.", .hypothetical).isEmpty)
        #expect(flagged("The Soviets didnt build up their arsenal.", .negated) == ["build", "up", "their", "arsenal"])
        #expect(flagged("It is wrong to say that the US had more warheads.", .disputed)
            == ["that", "the", "us", "had", "more", "warheads"])
        #expect(flagged("It is a mistake to think Kennedy said it.", .disputed) == ["kennedy", "said", "it"])
    }

    @Test func andBeforeAPastVerbNotUntilWishesAndInvertedNames() {
        #expect(flagged("His comrades never forgave him and ousted him in 1964.", .negated) == ["forgave", "him"])
        #expect(flagged("Khrushchev was not removed from power until October 1964.", .negated).isEmpty)
        #expect(flagged("Had Khrushchev been removed in 1962, things would differ.", .hypothetical).prefix(4)
            == ["had", "khrushchev", "been", "removed"])
        #expect(flagged("Kennedy hoped the crisis would help him.", .hypothetical) == ["the", "crisis", "would", "help", "him"])
        #expect(flagged("Everyone feared the 1953 flood.", .hypothetical).isEmpty)
    }

    @Test func reportedClaimsAreHedged() {
        #expect(flagged("It is also sometimes said that the Americans invaded Cuba.", .hedged)
            == ["that", "the", "americans", "invaded", "cuba"])
        #expect(flagged("Some people believe Kennedy said it.", .hedged) == ["kennedy", "said", "it"])
        #expect(flagged("Kennedy said it.", .hedged).isEmpty)
    }

    @Test func moreWaysNegationEndsAndClaimsAreDisowned() {
        #expect(flagged("He promised they would not invade and also announced the deal.", .negated) == ["invade"])
        #expect(flagged("He did not trust America becuase of the invasion in 1961.", .negated) == ["trust", "america"])
        #expect(flagged("It's a common mistake to think he was shot.", .disputed) == ["he", "was", "shot"])
    }

    @Test func wouldWithoutHaveIsTheFutureInThePast() {
        #expect(flagged("He would be ousted two years later.", .hypothetical).isEmpty)
    }

    @Test func affirmedClaimsCarryNoFlag() {
        let text = "The Soviets removed their missiles from Cuba and the crisis ended peacefully."
        #expect(flagged(text, .negated).isEmpty && flagged(text, .disputed).isEmpty && flagged(text, .hypothetical).isEmpty)
    }
}
