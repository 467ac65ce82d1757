import Testing
@testable import Grading

@Suite struct MatchingTests {
    @Test func termsMatchByStemAndPhrasesWordByWord() throws {
        let rubric = try InlineRubric(match: "<term>remove the missile</term>")
        #expect(rubric.evidence("They removed the missiles.") == "removed the missiles")
        #expect(rubric.evidence("They removed all the missiles.") == nil)
    }

    @Test func aGapTakesUpToThreeWords() throws {
        let rubric = try InlineRubric(match: "<term>took ... home</term>")
        #expect(rubric.evidence("They took the old rockets home.") == "took the old rockets home")
        #expect(rubric.evidence("They took all of the old rockets home.") == nil)
        #expect(rubric.evidence("They took, in the end, everything home.") == nil)
    }

    @Test func withinCountsWordsFromFirstToLast() throws {
        let rubric = try InlineRubric(match: "<all within=\"4\"><term>soviet</term><term>missile</term></all>")
        #expect(rubric.evidence("The Soviet medium-range missiles.") == "Soviet medium-range missiles")
        #expect(rubric.evidence("The Soviet army had, by then, missiles.") == nil)
    }

    @Test func allStaysInOneSentenceUnlessAdjacent() throws {
        let sentence = try InlineRubric(match: "<all><term>Turkey</term><term>secret</term></all>")
        let adjacent = try InlineRubric(match: "<all scope=\"adjacent\"><term>Turkey</term><term>secret</term></all>")
        let text = "The missiles in Turkey were the key. It was all kept secret."
        #expect(sentence.evidence(text) == nil)
        #expect(adjacent.evidence(text) == "Turkey were the key. It was all kept secret")
        #expect(adjacent.evidence("Turkey mattered. Nothing else. It was secret.") == nil)
    }

    @Test func orderedAndWithout() throws {
        let ordered = try InlineRubric(match: "<all ordered=\"yes\"><term>pledge</term><term polarity=\"any\">invade</term></all>")
        #expect(ordered.evidence("A pledge not to invade.") != nil)
        #expect(ordered.evidence("To invade was to break the pledge.") == nil)
        let held = try InlineRubric(match: "<all ordered=\"yes\"><term>tore ... apart</term><term>Moscow</term></all>")
        #expect(held.evidence("It tore Moscow and Beijing apart.") == "tore Moscow and Beijing apart")
        let without = try InlineRubric(match: """
            <all within="8"><term>remove</term><term>missile</term><without within="3"><term>Turkey</term></without></all>
            """)
        #expect(without.evidence("They removed the missiles from Cuba.") == "removed the missiles")
        #expect(without.evidence("They removed the missiles from Turkey.") == nil)
        #expect(without.evidence("They removed the missiles from Cuba, and much later, long after it all, Turkey too.") != nil)
    }

    @Test func aShorterPhraseIsTriedWhenTheLongestClashes() throws {
        let rubric = try InlineRubric(concepts: """
            <concept id="us"><term>American</term><term>American troops</term></concept>
            """, match: "<all><concept ref=\"us\"/><term>troops went into</term></all>")
        #expect(rubric.evidence("American troops went into Cuba.") == "American troops went into")
        let whole = try InlineRubric(concepts: "<concept id=\"s\"><term>Soviet</term><term>Soviet Union</term></concept>",
                                     match: "<concept ref=\"s\"/>")
        #expect(whole.evidence("The Soviet Union agreed.") == "Soviet Union")
    }

    @Test func oneWordCannotServeTwoChildren() throws {
        let rubric = try InlineRubric(match: "<all><term>withdrawal</term><term>withdraw</term></all>")
        #expect(rubric.evidence("The withdrawal came.") == nil)
    }

    @Test func polarity() throws {
        let affirmed = try InlineRubric(match: "<term>remove the missiles</term>")
        #expect(affirmed.evidence("They did not remove the missiles.") == nil)
        #expect(affirmed.evidence("It is a myth that they remove the missiles.") == nil)
        #expect(affirmed.evidence("Kennedy demanded that they remove the missiles.") == nil)
        #expect(affirmed.evidence("Would they remove the missiles?") == nil)
        let negated = try InlineRubric(match: "<term polarity=\"negated\">war</term>")
        #expect(negated.evidence("Nuclear war was avoided.") == "war")
        #expect(negated.evidence("It ended without war.") == "war")
        #expect(negated.evidence("It ended in war.") == nil)
        let any = try InlineRubric(match: "<term polarity=\"any\">invade</term>")
        #expect(any.evidence("He threatened to invade.") == "invade")
    }

    @Test func aTermOpeningWithItsOwnNegationIsAffirmedAsAWhole() throws {
        let rubric = try InlineRubric(match: "<term>without ... shot</term>")
        #expect(rubric.evidence("It ended without a single shot.") == "without a single shot")
        #expect(rubric.evidence("It did not end without a shot.") == nil)
    }

    @Test func caseExactTermsAndAllCapitalSentences() throws {
        let rubric = try InlineRubric(match: "<term case=\"exact\">US</term>")
        #expect(rubric.evidence("The U.S. agreed.") == "U.S.")
        #expect(rubric.evidence("The US agreed.") == "US")
        #expect(rubric.evidence("He told us so.") == nil)
        #expect(rubric.evidence("THE US AGREED TO IT.") == "US")
    }

    @Test func spellingToleranceForLongNonWordsOnly() throws {
        let rubric = try InlineRubric(match: "<any><term>Khrushchev</term><term>missiles</term><term>treaty</term></any>")
        #expect(rubric.evidence("Krushchev gave way.") == "Krushchev")
        #expect(rubric.evidence("The missels went home.") == "missels")
        #expect(rubric.evidence("Treat it with care.") == nil)
        let strict = try InlineRubric(match: "<term fuzzy=\"no\">Khrushchev</term>")
        #expect(strict.evidence("Krushchev gave way.") == nil)
    }

    @Test func conceptsIncludeOthersAndExceptLongerPhrases() throws {
        let rubric = try InlineRubric(concepts: """
            <concept id="kennedy" refer="he"><term>Kennedy</term><except>Robert Kennedy</except></concept>
            <concept id="us" refer="they"><term>America</term><include ref="kennedy"/></concept>
            """, match: "<all><concept ref=\"us\"/><term>assassinate</term></all>")
        #expect(rubric.evidence("Kennedy was assassinated in 1963.") == "Kennedy was assassinated")
        #expect(rubric.evidence("Robert Kennedy was assassinated in 1968.") == nil)
    }

    @Test func pronounsStandForTheLikelyMention() throws {
        let rubric = try InlineRubric(concepts: """
            <concept id="khrushchev" refer="he"><term>Khrushchev</term></concept>
            <concept id="kennedy" refer="he"><term>Kennedy</term><term>the President</term></concept>
            """, points: """
            <point id="k-ousted" kind="core"><description>d</description><feedback>f</feedback>
            <match><all><concept ref="khrushchev"/><term>ousted</term></all></match></point>
            <point id="j-praised" kind="core"><description>d</description><feedback>f</feedback>
            <match><all><concept ref="kennedy"/><term>praised</term></all></match></point>
            """)
        #expect(rubric.evidence("Khrushchev backed down. He was ousted in 1964.", point: "k-ousted") == "He was ousted")
        #expect(rubric.evidence("Khrushchev backed down while Kennedy watched. He was ousted in 1964.", point: "k-ousted")
            == "He was ousted")
        #expect(rubric.evidence("Kennedy won. Khrushchev thanked him, and he was ousted.", point: "k-ousted") == "he was ousted")
        #expect(rubric.evidence("Khrushchev backed down and the world praised him.", point: "j-praised") == nil)
        #expect(rubric.evidence("The President stood firm. Everyone praised him.", point: "j-praised") == "praised him")
        #expect(rubric.evidence("He was ousted in 1964.", point: "k-ousted") == nil)
        #expect(rubric.evidence("For Khrushchev it was a defeat that ousted him.", point: "k-ousted") == "ousted him")
        #expect(rubric.evidence("Kennedy and his brother were praised.", point: "j-praised") == "Kennedy and his brother were praised")
    }

    @Test func evidenceOffsetsPointAtTheWordsWhateverComesBefore() throws {
        let rubric = try InlineRubric(match: "<term>removed the missiles</term>")
        for prefix in ["", "Café — ", "😀👩‍👩‍👧 ", "\u{FEFF}", "日本語。"] {
            let text = prefix + "“Then” they removed the missiles."
            let report = rubric.grader.makeSession().grade(text, essay: "t")
            let evidence = try #require(report.metPoints.first?.evidence)
            #expect(String(decoding: Array(text.utf8)[evidence.byteRange], as: UTF8.self) == "removed the missiles")
        }
    }
}
