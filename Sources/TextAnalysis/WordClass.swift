/// What a function word does for sentence splitting, negation and pronouns.
/// Content words have no class; the rubric's lexicon gives them meaning.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let pronounHe = WordClass(rawValue: 1 << 0)
    public static let pronounShe = WordClass(rawValue: 1 << 1)
    public static let pronounThey = WordClass(rawValue: 1 << 2)
    public static let pronounIt = WordClass(rawValue: 1 << 3)
    /// not, n't, never, no, without...: negates what follows in its clause.
    public static let negation = WordClass(rawValue: 1 << 4)
    /// avoid, avert, prevent: negates its object ("avoided war").
    public static let negatingVerb = WordClass(rawValue: 1 << 5)
    /// fail, refuse, decline: negates the verb after "to".
    public static let negatingVerbBeforeTo = WordClass(rawValue: 1 << 6)
    /// avoided, averted, prevented after a form of "be": negates the subject ("war was avoided").
    public static let negatingParticiple = WordClass(rawValue: 1 << 7)
    /// happen, occur, exist: "never happened" negates the subject too.
    public static let occurrenceVerb = WordClass(rawValue: 1 << 8)
    public static let beVerb = WordClass(rawValue: 1 << 9)
    /// but, although, which, because...: starts a new clause.
    public static let clauseBoundary = WordClass(rawValue: 1 << 10)
    /// and, or: a clause boundary only when a new subject follows.
    public static let coordinator = WordClass(rawValue: 1 << 11)
    /// the, this, his, he, they...: what starts a new subject.
    public static let subjectStart = WordClass(rawValue: 1 << 12)
    /// "not only", "no doubt": the word after "not"/"no" that cancels the negation.
    public static let cancelsNegation = WordClass(rawValue: 1 << 13)
    /// myth, misconception, wrongly, supposedly: what follows is not the writer's claim.
    public static let disputeCue = WordClass(rawValue: 1 << 14)
    /// popular, common, famous: with a `disputeNoun`, "the popular image of".
    public static let disputeAdjective = WordClass(rawValue: 1 << 15)
    public static let disputeNoun = WordClass(rawValue: 1 << 16)
    /// said, claimed, believed: in "it is often said that".
    public static let reportingVerb = WordClass(rawValue: 1 << 17)
    /// wrong, false, untrue: "..., but that is wrong".
    public static let falsehood = WordClass(rawValue: 1 << 18)
    /// if, unless: a condition, not a claim.
    public static let conditional = WordClass(rawValue: 1 << 19)
    /// would, could, might: "would have invaded".
    public static let modal = WordClass(rawValue: 1 << 20)
    /// threatened, planned, wanted: what follows "to" did not (yet) happen.
    public static let intentionVerb = WordClass(rawValue: 1 << 21)
    /// Abbreviations whose period does not end a sentence: Mr., Oct., Gen.
    public static let abbreviation = WordClass(rawValue: 1 << 22)
    /// Words that commonly start a sentence: decide "the U.S. The ..." is a break.
    public static let sentenceStarter = WordClass(rawValue: 1 << 23)
    /// this, that, it: the subject of "that is wrong".
    public static let anaphor = WordClass(rawValue: 1 << 24)
    public static let reflexive = WordClass(rawValue: 1 << 25)
    /// almost, nearly: before a past verb, what follows did not happen ("almost went to war").
    public static let nearMiss = WordClass(rawValue: 1 << 26)
    /// Irregular or common past verbs a near miss can govern, besides any "-ed" form.
    public static let pastEventVerb = WordClass(rawValue: 1 << 27)
    /// hoped, feared, wanted: what they govern, with or without "that", did not (yet) happen.
    public static let wishVerb = WordClass(rawValue: 1 << 28)
    /// brother, wife: "his brother" is someone else, not the man "his" stands for.
    public static let familyNoun = WordClass(rawValue: 1 << 29)

    public static let anyPronoun: WordClass = [.pronounHe, .pronounShe, .pronounThey, .pronounIt]

    /// Every classified word, by its normalized form.
    static let table: [(String, WordClass)] = {
        var classes: [String: WordClass] = [:]
        func add(_ words: String, _ wordClass: WordClass) {
            for word in words.split(separator: " ") { classes[String(word), default: []].formUnion(wordClass) }
        }
        add("he him his himself", .pronounHe)
        add("she her hers herself", .pronounShe)
        add("they them their theirs themselves", .pronounThey)
        add("it its itself", .pronounIt)
        add("himself herself themselves itself", .reflexive)
        add("not n't never no non nor neither none nobody nothing nowhere cannot without noone "
            // Written without the apostrophe, as students often do.
            + "didnt dont doesnt wasnt werent isnt arent hasnt havent hadnt couldnt wouldnt shouldnt wont cant",
            .negation)
        add("avoid avoids avoided avoiding avert averts averted averting prevent prevents prevented preventing",
            .negatingVerb)
        add("fail fails failed failing refuse refuses refused refusing decline declines declined declining",
            .negatingVerbBeforeTo)
        add("avoided averted prevented", .negatingParticiple)
        add("happen happens happened occur occurs occurred exist exists existed materialise materialised "
            + "materialize materialized came come comes", .occurrenceVerb)
        add("be is was were are been being am", .beVerb)
        add("but although though whereas while whilst however because which who whom whose where when until "
            + "unless instead meanwhile nevertheless therefore thus hence "
            // Misspellings common enough in student writing to miss a clause break for.
            + "becuase becasue beacuse becouse bcause becaus cuz coz altough althought allthough", .clauseBoundary)
        add("and or", .coordinator)
        add("the a an this that these those his her its their our my your he she they it we i you there",
            .subjectStart)
        add("only just merely simply least doubt less sooner surprisingly until", .cancelsNegation)
        add("myth myths misconception misconceptions legend legends fallacy wrongly mistakenly falsely "
            + "erroneously incorrectly supposedly allegedly so-called", .disputeCue)
        add("popular common famous widespread persistent mistaken false romantic hollywood", .disputeAdjective)
        add("image images idea ideas belief beliefs notion notions story stories impression picture claim claims "
            + "view", .disputeNoun)
        add("said claimed believed thought assumed stated suggested argued asserted", .reportingVerb)
        add("wrong false untrue incorrect mistaken inaccurate myth misconception legend nonsense", .falsehood)
        add("if unless whether", .conditional)
        add("would could might may should", .modal)
        add("threaten threatens threatened threatening plan plans planned planning prepare prepares prepared "
            + "preparing consider considers considered considering propose proposes proposed want wants wanted "
            + "hope hopes hoped intend intends intended demand demanded urge urged expect expected fear feared "
            + "ready going", .intentionVerb)
        add("almost nearly", .nearMiss)
        add("hope hopes hoped fear fears feared want wants wanted wish wishes wished expect expects expected "
            + "worried", .wishVerb)
        add("brother sister wife husband son daughter father mother widow family children", .familyNoun)
        add("went came led began broke brought fell gave took caused triggered sparked started",
            .pastEventVerb)
        add("mr mrs ms dr st gen col lt capt adm gov sen rep pres jan feb mar apr jun jul aug sep sept oct "
            + "nov dec vs approx vol fig cf c ca jr sr prof esp incl dept govt sec secy def amb min asst", .abbreviation)
        add("the this that these those it he she they we i in however after before but and so then when as "
            + "on by at although there his their its our a an meanwhile finally first second third also "
            + "today even yet while since because what why how", .sentenceStarter)
        add("this that it which", .anaphor)
        return classes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }()
}
