import BundledRubrics
import Foundation
import Testing
@testable import Rubrics

@Suite struct RubricLoadingTests {
    @Test func theExampleSetLoadsIntoTheModel() throws {
        let set = try RubricSetLoader().load(RubricSetFixture.exampleSet)
        #expect(set.id == "photosynthesis")
        #expect(set.rubrics.map(\.id) == ["process"])
        #expect(set.points.map(\.id) == ["process.needs-light", "process.makes-glucose"])
        #expect(set.slips.map(\.id) == ["oxygen-in", "discovery-date"])
        #expect(set.slips[0].source == "Campbell Biology, 12th edition, chapter 10.")
        #expect(set.facts?.people.first?.held.first?.period.from == FactDate(year: 1760))
        let example = try #require(set.points[0].examples.first)
        #expect(example.text == "The leaves capture sunlight in their chloroplasts.")
        #expect(example.markedText == "leaves capture sunlight")
        #expect(example.location.line > 0)
        #expect(set.rubrics[0].levels.map(\.name) == ["Complete", "Partial", "Missing"])
    }

    @Test func loadingForGradingSkipsColumnsButReportsProblemsExactly() throws {
        let quick = try RubricSetLoader().loadForGrading(RubricSetFixture.exampleSet)
        #expect(quick.points.map(\.id) == ["process.needs-light", "process.makes-glucose"])
        #expect(quick.points[0].location.column == 0)
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<concept ref=\"carbon-dioxide\"/>", with: "<concept ref=\"carbon-monoxide\"/>")
        do {
            _ = try RubricSetLoader().loadForGrading(fixture.folder)
            Issue.record("a broken set must not load")
        } catch {
            let problem = try #require(error.problems.first { $0.message == "undefined concept 'carbon-monoxide'" })
            #expect(problem.location.line == (try fixture.line(of: "carbon-monoxide", in: "process.xml")))
            #expect(problem.location.column > 0)
        }
    }

    @Test func anExampleSpanningLinesIsCollapsedAndItsMarkStaysRight() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<example>A <m>plant uses light</m> as its energy source.</example>",
                            with: "<example>\n      A   <m>plant\n   uses light</m>\n  as its energy source.</example>")
        let set = try RubricSetLoader().load(fixture.folder)
        let example = set.points[0].examples[1]
        #expect(example.text == "A plant uses light as its energy source.")
        #expect(example.markedText == "plant uses light")
    }

    @Test func malformedXMLNamesFileLineAndColumn() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<title>The process</title>", with: "<title>The process</titel>")
        let problems = fixture.check().problems
        let line = try fixture.line(of: "</titel>", in: "process.xml")
        #expect(problems.contains { $0.location.file.hasSuffix("process.xml") && $0.location.line == line && $0.location.column > 0 })
    }

    @Test func aWrongElementIsASchemaErrorAtItsLine() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<feedback>What source", with: "<hint>x</hint><feedback>What source")
        let problems = fixture.check().problems
        let line = try fixture.line(of: "<hint>", in: "process.xml")
        let problem = try #require(problems.first)
        #expect(problem.location.file.hasSuffix("process.xml"))
        #expect(problem.location.line == line)
        #expect(problem.message.contains("hint"))
        #expect(problem.description.hasPrefix("\(problem.location.file):\(line):"))
    }

    @Test(arguments: [
        ("kind=\"core\">", "kind=\"maybe\">", "maybe"),
        ("<level name=\"Partial\" mark=\"1\" min-score=\"1\"/>", "<level name=\"Partial\" min-score=\"1\"/>", "mark"),
        ("<point id=\"process.needs-light\"", "<point id=\"Process Needs Light\"", "id"),
    ])
    func eachSchemaRuleRejectsABrokenFileAtTheRightLine(old: String, new: String, mentions: String) throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", old, with: new)
        let line = try fixture.line(of: new, in: "process.xml")
        let problems = fixture.check().problems
        #expect(problems.contains { $0.location.line == line && $0.message.contains(mentions) }, "\(problems)")
    }

    @Test func aDuplicateIDIsReportedWhereItIsRedefined() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<point id=\"process.makes-glucose\"", with: "<point id=\"process.needs-light\"")
        let problems = fixture.check().problems
        let line = try fixture.line(of: "Carbon dioxide is used", in: "process.xml")
        let duplicate = try #require(problems.first { $0.message.contains("duplicate point id 'process.needs-light'") })
        #expect(duplicate.location.file.hasSuffix("process.xml"))
        #expect(duplicate.location.line < line && duplicate.location.line > 20)
        #expect(duplicate.message.contains("first defined at"))
    }

    @Test func anUndefinedConceptIsReportedAtItsReference() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<concept ref=\"carbon-dioxide\"/>", with: "<concept ref=\"carbon-monoxide\"/>")
        let problems = fixture.check().problems
        let line = try fixture.line(of: "carbon-monoxide", in: "process.xml")
        #expect(problems.contains { $0.location.line == line && $0.message == "undefined concept 'carbon-monoxide'" }, "\(problems)")
    }

    @Test func undefinedFactsAndSourcesAreReported() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "slips.xml", "<check kind=\"date\" event=\"light-discovery\"/>", with: "<check kind=\"date\" event=\"moon-landing\"/>")
        try fixture.replace(in: "slips.xml", "<source ref=\"textbook\"/>\n    <match>", with: "<source ref=\"encyclopedia\"/>\n    <match>")
        let messages = fixture.check().problems.map(\.message)
        #expect(messages.contains("slip discovery-date checks undefined event 'moon-landing'"))
        #expect(messages.contains("slip oxygen-in cites source 'encyclopedia', which the fact base does not define"))
    }

    @Test func includeCyclesAreReported() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "lexicon.xml", "<term>sunlight</term>", with: "<term>sunlight</term><include ref=\"glucose\"/>")
        try fixture.replace(in: "lexicon.xml", "<term>sugar</term>", with: "<term>sugar</term><include ref=\"light\"/>")
        let problems = fixture.check().problems
        #expect(problems.contains { $0.message.hasPrefix("concepts include each other in a cycle:") })
    }

    @Test func rulesWithoutExamplesAndUnmarkedExamplesAreReported() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        var text = try fixture.read("process.xml")
        text = text.replacingOccurrences(of: #"<counterexample>[^<]*</counterexample>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<example>The <m>leaves capture sunlight</m>", with: "<example>The leaves capture sunlight")
        try fixture.write("process.xml", text)
        let messages = fixture.check().problems.map(\.message)
        #expect(messages.contains("point process.needs-light has no <counterexample> that must not match"))
        #expect(messages.contains("mark the expected evidence in this example with <m>...</m>"))
    }

    @Test func aLevelNoEssayCanReachAndAMissingFloorAreReported() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "process.xml", "<level name=\"Missing\" mark=\"0\" min-score=\"0\"/>", with: "")
        try fixture.replace(in: "process.xml", "<level name=\"Complete\" mark=\"2\" min-score=\"2\"/>",
                            with: "<level name=\"Complete\" mark=\"2\" min-score=\"7\"/>")
        let messages = fixture.check().problems.map(\.message)
        #expect(messages.contains { $0.contains("needs a level with min-score=\"0\"") })
        #expect(messages.contains { $0.contains("needs a score of 7.0, above the most") })
    }

    @Test func anAssignmentMayNotReachOutsideItsFolder() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "assignment.xml", "<rubric href=\"process.xml\"/>", with: "<rubric href=\"sub/../../process.xml\"/>")
        let problems = fixture.check().problems
        #expect(problems.contains { $0.message.contains("is not a file inside the set's folder") })
    }

    @Test func aFileOfTheWrongKindIsReported() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "assignment.xml", "<rubric href=\"process.xml\"/>", with: "<rubric href=\"lexicon.xml\"/>")
        #expect(fixture.check().problems.contains { $0.message.contains("expected a <rubric> file here") })
    }

    @Test func oneFileCanBeCheckedOnItsOwn() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        let outcome = RubricSetLoader().check(fixture.url("process.xml"))
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        try fixture.replace(in: "process.xml", "kind=\"core\">", with: "kind=\"central\">")
        #expect(!RubricSetLoader().check(fixture.url("process.xml")).problems.isEmpty)
    }

    @Test func entityDeclarationsAndXIncludeOutsideTheFolderAreRefused() throws {
        let fixture = try RubricSetFixture()
        defer { fixture.remove() }
        try fixture.replace(in: "lexicon.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE lexicon [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
        let problems = fixture.check().problems
        #expect(problems.contains { $0.location.file.hasSuffix("lexicon.xml") && $0.message.contains("entit") })
        #expect(!problems.contains { $0.description.contains("root:") })

        let other = try RubricSetFixture()
        defer { other.remove() }
        try other.replace(in: "lexicon.xml", "<concept id=\"scientist\">",
                          with: "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"../../../etc/hosts\" parse=\"text\"/><concept id=\"scientist\">")
        #expect(!other.check().problems.isEmpty)
    }
}

@Suite struct BundledRubricSetTests {
    @Test func theBundledSetValidates() {
        let outcome = RubricSetLoader().check(BundledRubrics.defaultSet)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.description).joined(separator: "\n"))")
        #expect(outcome.set?.rubrics.map(\.id) == ["outcome", "balance", "relations", "politics"])
    }

    /// The marking scheme's ids are a contract: reports must use exactly these.
    @Test func everyPointAndSlipOfTheMarkingSchemeIsThere() throws {
        let set = try RubricSetLoader().load(BundledRubrics.defaultSet)
        let points: Set<String> = [
            "outcome.peaceful-resolution", "outcome.soviet-withdrawal", "outcome.no-invasion-pledge",
            "outcome.turkey-secret-deal", "outcome.perceived-us-victory", "outcome.quarantine-pressure",
            "balance.us-superiority", "balance.cuba-missiles-marginal", "balance.soviet-buildup",
            "balance.arms-control", "balance.deterrence-mad", "balance.jupiters-obsolete",
            "relations.hotline", "relations.detente-thaw", "relations.castro-betrayed",
            "relations.sino-soviet-split", "relations.nato-allies-doubts", "relations.castro-distrust-us",
            "politics.kennedy-prestige", "politics.khrushchev-humiliated", "politics.khrushchev-ousted",
            "politics.secret-deal-asymmetry", "politics.kennedy-assassinated", "politics.midterms",
        ]
        let bonus: Set<String> = ["outcome.quarantine-pressure", "balance.deterrence-mad", "balance.jupiters-obsolete",
                                  "relations.castro-distrust-us", "politics.kennedy-assassinated", "politics.midterms"]
        #expect(Set(set.points.map(\.id)) == points)
        #expect(Set(set.points.filter { $0.kind == .bonus }.map(\.id)) == bonus)
        let slips: Set<String> = [
            "mcnamara-title", "rusk-title", "hotline-telephone", "hotline-date", "crisis-year", "bay-of-pigs-year",
            "us-president", "soviet-leader", "khrushchev-ouster-date", "khrushchev-fate", "turkey-missiles-owner",
            "turkey-deal-public", "castro-consulted", "test-ban-scope", "us-invaded-cuba", "eyeball-quote",
            "shoe-banging", "kennedy-fate", "no-invasion-pledge-formal", "sino-soviet-split-origin",
        ]
        #expect(Set(set.slips.map(\.id)) == slips)
        #expect(Set(set.slips.filter { $0.severity == .caution }.map(\.id)) == ["no-invasion-pledge-formal", "sino-soviet-split-origin"])
    }

    /// The issue's floor: 4 examples and 3 counterexamples per point; 2 and 3 per slip.
    @Test func everyRuleCarriesEnoughExamples() throws {
        let set = try RubricSetLoader().load(BundledRubrics.defaultSet)
        for point in set.points {
            #expect(point.examples.filter(\.expectsMatch).count >= 4, "\(point.id)")
            #expect(point.examples.filter { !$0.expectsMatch }.count >= 3, "\(point.id)")
        }
        for slip in set.slips {
            #expect(slip.examples.filter(\.expectsMatch).count >= 2, "\(slip.id)")
            #expect(slip.examples.filter { !$0.expectsMatch }.count >= 3, "\(slip.id)")
        }
    }
}
