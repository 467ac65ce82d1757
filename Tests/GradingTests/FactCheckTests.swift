import Foundation
import Testing
import Grading
import Rubrics

/// A tiny invented rubric set, so that the fact checks are tested on data that has nothing
/// to do with the bundled set: a republic with a President, ministers and two crises.
enum TinyFactSet {
    static let lexicon = """
        <lexicon>
          <concept id="alder" refer="he"><term>Alder</term><term>Tom Alder</term></concept>
          <concept id="birch" refer="he"><term>Birch</term><term>Anna Birch</term></concept>
          <concept id="cedar" refer="he"><term>Cedar</term></concept>
          <concept id="dunmore" refer="he"><term>Dunmore</term></concept>
          <concept id="fir" refer="he"><term>Fir</term></concept>
          <concept id="harbour"><term>Harbour Crisis</term></concept>
          <concept id="strike"><term>Canal Strike</term></concept>
          <concept id="elm"><term>Treaty of Elm</term><term>Elm Treaty</term></concept>
        </lexicon>
        """

    static let facts = """
        <facts>
          <concepts>
            <concept id="title-president"><term stem="no">President</term></concept>
            <concept id="title-republic-president"><term stem="no">Republic President</term><term stem="no">President of the Republic</term></concept>
            <concept id="title-vice-president"><term stem="no">Vice President</term></concept>
            <concept id="title-defence"><term stem="no">Minister of Defence</term><term stem="no">Defence Minister</term></concept>
            <concept id="title-foreign"><term stem="no">Foreign Minister</term></concept>
          </concepts>
          <focus name="the Harbour Crisis" from="1952-03-01" to="1952-05-31"/>
          <source id="annals">Annals of the Republic, volume 2.</source>
          <role id="president" name="President" concept="title-president"/>
          <role id="republic-president" name="President of the Republic" concept="title-republic-president" broader="president"/>
          <role id="vice-president" name="Vice President" concept="title-vice-president"/>
          <role id="defence" name="Minister of Defence" concept="title-defence"/>
          <role id="foreign" name="Foreign Minister" concept="title-foreign"/>
          <person id="alder" name="Tom Alder" concept="alder"><held role="defence" from="1950" to="1955"/></person>
          <person id="birch" name="Anna Birch" concept="birch"><held role="foreign" from="1950-01" to="1960-12"/></person>
          <person id="cedar" name="Karl Cedar" concept="cedar"><held role="republic-president" from="1948" to="1956-06"/></person>
          <person id="dunmore" name="Lea Dunmore" concept="dunmore">
            <held role="vice-president" from="1950" to="1956-06"/>
            <held role="republic-president" from="1956-06" to="1962"/>
          </person>
          <person id="fir" name="Ola Fir" concept="fir"/>
          <event id="harbour" name="the Harbour Crisis" from="1952-03-01" to="1952-05-31">
            <match><concept ref="harbour"/></match>
          </event>
          <event id="strike" name="the Canal Strike" from="1958-02"><match><concept ref="strike"/></match></event>
          <event id="elm" name="the Treaty of Elm" from="1954-06-01"><match><concept ref="elm"/></match></event>
        </facts>
        """

    static let slips = """
        <slips>
          <slip id="alder-title" severity="error">
            <message>{person} was Minister of Defence, not {claimed}.</message>
            <correction>{person} held {held} in {date}.</correction>
            <source ref="annals"/>
            <check kind="role" person="alder"/>
            <example><m>Foreign Minister Alder</m> spoke.</example>
            <counterexample>Defence Minister Alder spoke.</counterexample>
          </slip>
          <slip id="birch-title" severity="error">
            <message>Birch was Foreign Minister.</message>
            <correction>Anna Birch was Foreign Minister from 1950 to 1960.</correction>
            <source ref="annals"/>
            <check kind="role" person="birch"/>
            <example><m>Defence Minister Birch</m> spoke.</example>
            <counterexample>Foreign Minister Birch spoke.</counterexample>
          </slip>
          <slip id="head-of-state" severity="error">
            <message>{person} was not {claimed} in {date}.</message>
            <correction>Karl Cedar was President until June 1956.</correction>
            <source ref="annals"/>
            <check kind="role" role="republic-president"/>
            <example>In 1952 <m>President Dunmore</m> spoke.</example>
            <counterexample>In 1952 President Cedar spoke.</counterexample>
          </slip>
          <slip id="any-post" severity="caution">
            <message>{person} did not hold that post.</message>
            <correction>Check the post.</correction>
            <source ref="annals"/>
            <check kind="role"/>
            <example><m>Defence Minister Fir</m> spoke.</example>
            <counterexample>Fir spoke.</counterexample>
          </slip>
          <slip id="harbour-year" severity="error">
            <message>{event} was in 1952, not {year}.</message>
            <correction>{event}: {date}.</correction>
            <source ref="annals"/>
            <check kind="date" event="harbour"/>
            <example>The <m>Harbour Crisis was in 1953</m>.</example>
            <counterexample>The Harbour Crisis was in 1952.</counterexample>
          </slip>
          <slip id="any-date" severity="caution">
            <message>{event} is misdated.</message>
            <correction>{event}: {date}.</correction>
            <source ref="annals"/>
            <check kind="date"/>
            <example>The <m>Treaty of Elm of 1956</m> mattered.</example>
            <counterexample>The Treaty of Elm of 1954 mattered.</counterexample>
          </slip>
        </slips>
        """

    static let assignment = """
        <assignment id="tiny"><title>Tiny</title><prompt>Tell the story of the republic.</prompt>
          <lexicon href="lexicon.xml"/><facts href="facts.xml"/><slips href="slips.xml"/></assignment>
        """

    /// Loaded once: the set written to a temporary folder, read back by the real loader.
    static let grader: Grader = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tiny-fact-set-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [("assignment.xml", assignment), ("lexicon.xml", lexicon), ("facts.xml", facts), ("slips.xml", slips)] {
            try! Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text).utf8).write(to: folder.appendingPathComponent(name))
        }
        do {
            return try Grader(try RubricSetLoader().load(folder))
        } catch let error as RubricLoadError {
            fatalError("tiny set: " + error.problems.map(\.description).joined(separator: "\n"))
        } catch {
            fatalError("tiny set: \(error)")
        }
    }()

    /// The slips found in `text`: (id, evidence text).
    static func slips(in text: String) -> [(id: String, evidence: String)] {
        grader.makeSession().grade(text, essay: "test").slips.map { ($0.id, $0.evidence.text) }
    }

    static func findings(in text: String) -> [SlipFinding] {
        grader.makeSession().grade(text, essay: "test").slips
    }
}

@Suite struct RoleCheckTests {
    func expectSlip(_ text: String, _ id: String, evidence: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = TinyFactSet.slips(in: text)
        #expect(found.count == 1, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.id == id, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.evidence == evidence, "\(text): \(found)", sourceLocation: sourceLocation)
    }

    func expectNone(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = TinyFactSet.slips(in: text)
        #expect(found.isEmpty, "\(text): \(found)", sourceLocation: sourceLocation)
    }

    @Test func titleBeforeName() {
        expectSlip("Foreign Minister Alder flew to the harbour.", "alder-title", evidence: "Foreign Minister Alder")
        expectSlip("The talks were led by Foreign Minister Tom Alder.", "alder-title", evidence: "Foreign Minister Tom Alder")
        expectNone("Defence Minister Alder flew to the harbour.")
        expectNone("Foreign Minister Birch flew to the harbour.")
    }

    @Test func titleCommaNameOpeningAClause() {
        expectSlip("Foreign Minister, Tom Alder stated that the port was safe.", "alder-title", evidence: "Foreign Minister, Tom Alder")
        expectSlip("The Cabinet met, and the Foreign Minister, Alder, spoke first.", "alder-title", evidence: "Foreign Minister, Alder")
        // Not at a clause start: "unlike" ties the title to someone else.
        expectNone("Unlike the Foreign Minister, Alder wanted to wait.")
        // Two correct appositions joined by "and".
        expectNone("The Foreign Minister, Anna Birch, and the Minister of Defence, Tom Alder, sat together.")
        // A list after the title: the title is not Alder's.
        expectNone("The Foreign Minister, Alder and Cedar met at noon.")
        // Elsewhere, only a name that ends there is in apposition.
        expectSlip("Cedar relied on his Foreign Minister, Tom Alder.", "alder-title", evidence: "Foreign Minister, Tom Alder")
        expectNone("After meeting the Foreign Minister, Alder changed his mind.")
        // A time opening the sentence without a comma still leaves the title at a clause start.
        expectSlip("In 1952 the Foreign Minister, Alder, flew to the harbour.", "alder-title", evidence: "Foreign Minister, Alder")
    }

    @Test func apposition() {
        expectSlip("Alder, the Foreign Minister, flew to the harbour.", "alder-title", evidence: "Alder, the Foreign Minister")
        // The possessor is not the holder.
        expectSlip("Birch, Cedar's Minister of Defence, gave the order.", "birch-title", evidence: "Birch, Cedar's Minister of Defence")
        expectNone("Alder, the Minister of Defence, flew to the harbour.")
        expectNone("Birch, Cedar's Foreign Minister, gave the order.")
        // A list of names, then a title: not an apposition to Alder.
        expectNone("Cedar met Birch, Alder, the Foreign Minister and the generals.")
        expectNone("Alder, the Foreign Minister and the generals met.")
        // An opening phrase, then the subject: no apposition.
        expectNone("Unlike Alder, the Foreign Minister wanted to wait.")
        expectNone("According to Alder, the Foreign Minister had lied.")
        expectSlip("The Cabinet was split, with Alder, the Foreign Minister, arguing for war.", "alder-title",
                   evidence: "Alder, the Foreign Minister")
        expectSlip("Cedar spoke to Alder, the Foreign Minister, at noon.", "alder-title", evidence: "Alder, the Foreign Minister")
    }

    @Test func relativeClauseAndCopula() {
        expectSlip("Cedar trusted Alder, who was Foreign Minister.", "alder-title", evidence: "Alder, who was Foreign Minister")
        expectSlip("Cedar trusted Alder, who as Foreign Minister had met everyone.", "alder-title", evidence: "Alder, who as Foreign Minister")
        expectSlip("Alder was Foreign Minister during those weeks.", "alder-title", evidence: "Alder was Foreign Minister")
        expectSlip("Alder was Cedar's Foreign Minister.", "alder-title", evidence: "Alder was Cedar's Foreign Minister")
        expectSlip("Alder served as Foreign Minister.", "alder-title", evidence: "Alder served as Foreign Minister")
        expectSlip("Cedar appointed Alder as Foreign Minister.", "alder-title", evidence: "Alder as Foreign Minister")
        expectSlip("The Foreign Minister was Alder.", "alder-title", evidence: "Foreign Minister was Alder")
        expectSlip("The Foreign Minister in those weeks was Tom Alder.", "alder-title",
                   evidence: "Foreign Minister in those weeks was Tom Alder")
        expectNone("Alder was the Foreign Minister's closest rival.")
        expectNone("Alder was more cautious than the Foreign Minister.")
        expectNone("The brother of Alder was Foreign Minister.")
    }

    @Test func pronounsOnlyWhenUnambiguous() {
        expectSlip("Alder ran the army. He was Foreign Minister too.", "alder-title", evidence: "He was Foreign Minister")
        // Two people could be meant.
        expectNone("Alder met Birch. He was Foreign Minister.")
    }

    @Test func negatedHedgedAndHypotheticalNeverCount() {
        expectNone("Alder was not Foreign Minister.")
        expectNone("It is a myth that Alder was Foreign Minister.")
        expectNone("It is often wrongly said that Alder was Foreign Minister.")
        expectNone("If Alder had been Foreign Minister, the talks would have failed.")
        expectNone("Was Alder the Foreign Minister?")
    }

    @Test func timeShiftsAndOtherTimes() {
        expectNone("Alder later became Foreign Minister.")
        expectNone("Alder went on to be Foreign Minister.")
        expectNone("The former Foreign Minister Alder retired to the coast.")
        expectNone("Vice President Dunmore stood beside Cedar.")
        // Dunmore was President from 1956: fine when the sentence says so or says nothing.
        expectNone("President Dunmore ended the Canal Strike in 1958.")
        expectNone("President Dunmore opened the new port.")
        expectNone("President Dunmore ended the Canal Strike.")
        expectNone("Dunmore, who replaced Cedar in 1956, was a popular President.")
        // ... but not when the sentence is about the focus.
        expectSlip("In 1952 President Dunmore closed the harbour.", "head-of-state", evidence: "President Dunmore")
        expectSlip("In 1952 the President of the Republic was Dunmore.", "head-of-state",
                   evidence: "President of the Republic was Dunmore")
        expectSlip("During the Harbour Crisis, President Dunmore closed the port.", "head-of-state", evidence: "President Dunmore")
        // "at the time" points back to the sentence before.
        expectSlip("The Harbour Crisis began in March. The President at the time, Dunmore, closed the port.",
                   "head-of-state", evidence: "President at the time, Dunmore")
    }

    @Test func narrowerRolesCountAsTheBroadOne() {
        expectNone("In 1952 President Cedar closed the harbour.")
        expectNone("Cedar, the President of the Republic, closed the harbour.")
        // A broad title the fact base cannot resolve for someone says nothing.
        expectNone("Birch, the President of the Chess Club, closed the harbour.")
    }

    @Test func theMostSpecificCheckWins() {
        // Person check beats role check: one statement, one slip.
        expectSlip("In 1952 Republic President Alder closed the port.", "alder-title", evidence: "Republic President Alder")
        // Role check beats the generic one.
        expectSlip("In 1952 Republic President Fir closed the port.", "head-of-state", evidence: "Republic President Fir")
        // Only the generic check covers this one.
        expectSlip("Defence Minister Fir closed the port.", "any-post", evidence: "Defence Minister Fir")
    }

    @Test func placeholdersAreFilled() {
        let finding = TinyFactSet.findings(in: "Alder, the Foreign Minister, flew to the harbour.")
        #expect(finding.first?.message == "Tom Alder was Minister of Defence, not Foreign Minister.")
        #expect(finding.first?.correction == "Tom Alder held Minister of Defence in the Harbour Crisis.")
        let dunmore = TinyFactSet.findings(in: "In 1952 President Dunmore closed the harbour.")
        #expect(dunmore.first?.message == "Lea Dunmore was not President of the Republic in 1952.")
        // Text without placeholders stays as written.
        let birch = TinyFactSet.findings(in: "Defence Minister Birch spoke.")
        #expect(birch.first?.message == "Birch was Foreign Minister.")
    }
}

@Suite struct DateCheckTests {
    func expectSlip(_ text: String, _ id: String, evidence: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = TinyFactSet.slips(in: text)
        #expect(found.count == 1, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.id == id, "\(text): \(found)", sourceLocation: sourceLocation)
        #expect(found.first?.evidence == evidence, "\(text): \(found)", sourceLocation: sourceLocation)
    }

    func expectNone(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = TinyFactSet.slips(in: text)
        #expect(found.isEmpty, "\(text): \(found)", sourceLocation: sourceLocation)
    }

    @Test func aYearTiedToTheEvent() {
        expectSlip("The Harbour Crisis was in 1953.", "harbour-year", evidence: "Harbour Crisis was in 1953")
        expectSlip("Everyone feared the 1953 Harbour Crisis.", "harbour-year", evidence: "1953 Harbour Crisis")
        expectSlip("The Harbour Crisis of March 1953 changed everything.", "harbour-year", evidence: "Harbour Crisis of March 1953")
        expectSlip("The Harbour Crisis (1950) was short.", "harbour-year", evidence: "Harbour Crisis (1950")
        expectSlip("In 1953, the Harbour Crisis closed the port.", "harbour-year", evidence: "1953, the Harbour Crisis")
        expectSlip("The Harbour Crisis began on May 3, 1953.", "harbour-year", evidence: "Harbour Crisis began on May 3, 1953")
        expectSlip("The Harbour Crisis of '53 was short.", "harbour-year", evidence: "Harbour Crisis of '53")
        expectNone("The Harbour Crisis was in 1952.")
        expectNone("The Harbour Crisis was in March 1952.")
        // A participle after a comma dates what it follows; a later act on it does not.
        expectSlip("The Treaty of Elm, signed in 1956, mattered.", "any-date", evidence: "Treaty of Elm, signed in 1956")
        expectNone("The Treaty of Elm, extended in 1960, mattered.")
    }

    @Test func relationalWordsRangesAndDecadesTieNothing() {
        expectNone("Two years before the Harbour Crisis, in 1950, Cedar was elected.")
        expectNone("In 1954, two years after the Harbour Crisis, the treaty was signed.")
        expectNone("The port stayed closed until 1953 after the Harbour Crisis.")
        expectNone("By 1953 the Harbour Crisis was forgotten.")
        expectNone("The Harbour Crisis of the 1950s was short.")
        expectNone("The Harbour Crisis, from 1952 to 1953, was long.")
        expectNone("The Harbour Crisis lasted 1952-1953 in some accounts.")
        expectNone("Historians reassessed the Harbour Crisis in 1990.")
        expectNone("A book about the Harbour Crisis in 1990 sold well.")
    }

    @Test func theYearGoesToTheNearestEvent() {
        // 1958 is the Canal Strike's year, not the crisis's.
        expectNone("The Harbour Crisis and the Canal Strike of 1958 were both costly.")
        expectNone("After the Harbour Crisis came the Canal Strike in 1958.")
        // The clause boundary keeps 1953 from the crisis.
        expectNone("The Harbour Crisis ended quickly, but in 1953 the strikes began.")
    }

    @Test func negatedHedgedAndHypotheticalNeverCount() {
        expectNone("The Harbour Crisis was not in 1953.")
        expectNone("It is a myth that the Harbour Crisis was in 1953.")
        expectNone("If the Harbour Crisis had come in 1953, Cedar would have lost.")
    }

    @Test func specificDateChecksWinAndGenericOnesCoverTheRest() {
        expectSlip("The Treaty of Elm of 1956 mattered.", "any-date", evidence: "Treaty of Elm of 1956")
        expectSlip("The Harbour Crisis was in 1951.", "harbour-year", evidence: "Harbour Crisis was in 1951")
    }

    @Test func placeholdersAreFilled() {
        let finding = TinyFactSet.findings(in: "The Harbour Crisis was in 1953.")
        #expect(finding.first?.message == "the Harbour Crisis was in 1952, not 1953.")
        #expect(finding.first?.correction == "the Harbour Crisis: 1 March – 31 May 1952.")
    }
}
