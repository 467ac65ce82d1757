import Rubrics

/// A stretch of time a statement is about, as `FactDate` ordinals (both ends included).
struct TimeWindow: Hashable {
    var from: Int
    var to: Int
    /// How a message names it: "1962", "the crisis", "the Bay of Pigs invasion".
    var label: String

    init(_ period: FactPeriod, widenedBy slack: Int = 0, label: String) {
        from = period.from.earliestOrdinal - slack
        to = period.to.latestOrdinal + slack
        self.label = label
    }

    init(year: Int) {
        self.init(FactPeriod(from: FactDate(year: year), to: FactDate(year: year)), label: String(year))
    }

    /// "the 1960s".
    init(decade: Int) {
        self.init(FactPeriod(from: FactDate(year: decade), to: FactDate(year: decade + 9)), label: "the \(decade)s")
    }

    func overlaps(_ period: FactPeriod) -> Bool {
        period.from.earliestOrdinal <= to && from <= period.to.latestOrdinal
    }

    /// One year in `FactDate` ordinals (a date's year is 372 ordinal days).
    static let oneYear = 372
}

/// English words the fact checks read time and attribution from. Only ordinary English:
/// everything about a topic comes from the fact base.
enum FactCues {
    /// A clause holding one of these is about another time than the one it names:
    /// "the *later* Secretary of State", "Brezhnev, who *replaced* Khrushchev", "*former* President".
    static let timeShift: Set<String> = [
        "later", "latter", "former", "formerly", "future", "eventually", "subsequently", "afterwards", "afterward",
        "after", "became", "become", "becomes", "becoming", "until", "till", "successor", "successors", "succeeded",
        "succeed", "succeeds", "succeeding", "replaced", "replace", "replaces", "replacing", "predecessor",
        "predecessors", "preceded", "previous", "previously", "earlier", "once", "ex", "elect", "new", "next",
        "still", "retired", "since", "before", "prior", "ago", "onwards", "onward",
        "thereafter", "anymore", "longer", "outgoing", "incoming", "ousted", "removed", "resigned", "died",
        "death",
    ]

    /// Words that tie a year to something other than the event beside it: "two years
    /// *before* the crisis", "*by* 1963", "the *anniversary* of", "his 1969 *memoir*".
    static let relational: Set<String> = [
        "before", "after", "since", "until", "till", "later", "earlier", "following", "followed", "ago",
        "prior", "previous", "previously", "preceding", "preceded", "afterwards", "afterward", "subsequent",
        "subsequently", "than", "year", "years", "month", "months", "decade", "decades", "week", "weeks", "day",
        "days", "anniversary", "from", "between", "within", "onwards", "onward", "throughout", "book", "books",
        "memoir", "memoirs", "film", "films", "movie", "movies", "documentary", "novel", "article", "articles",
        "study", "report", "speech", "interview", "published", "written", "wrote", "released", "recalled",
        "remembered", "described", "elected", "election", "born", "died", "death", "aged", "age", "again",
    ]

    /// Words just before an event that make a year after it the date of a telling, a study
    /// or a memory of it: "reassessed the crisis in 1992", "a film about the crisis in 2000".
    static let tellingWords: Set<String> = [
        "about", "studied", "study", "studies", "reassessed", "reassess", "revisited", "discussed", "debated",
        "remembered", "remember", "commemorated", "commemorate", "commemoration", "marked", "recalled", "recall",
        "documents", "conference", "papers", "archives", "revealed", "declassified", "released", "published",
        "wrote", "written", "described", "describe", "admitted", "learned", "learnt", "reflected", "memoir",
        "memoirs", "book", "film", "article", "lecture", "interview", "speech", "talked", "spoke", "mentioned",
        "analysed", "analyzed", "researched", "taught", "anniversary",
    ]

    /// After an event whose date opens the sentence: words that speak of it at a later
    /// time ("In 1963 the crisis *was still* fresh", "the crisis *had* long ended").
    static let laterState: Set<String> = [
        "still", "already", "had", "remembered", "fresh", "memory", "memories", "lesson", "lessons", "legacy",
        "aftermath", "effects", "shadow", "haunted", "haunting", "over", "long", "behind", "forgotten", "influenced",
        "shaped", "echoed", "continued", "loomed", "lingered", "seemed", "looked", "felt", "appeared",
    ]

    /// Participles of later acts on something that already existed: "the treaty, *extended*
    /// in 1995".
    static let laterActs: Set<String> = [
        "extended", "replaced", "superseded", "expanded", "amended", "updated", "renewed", "revised", "modified",
        "broken", "violated", "cited", "ended", "abandoned", "abolished", "cancelled", "canceled", "upgraded",
        "reviewed", "joined", "ratified", "renounced", "suspended", "tested", "used", "studied",
    ]

    /// A date right after one of these is a bound or a comparison, not the date of what
    /// is beside it: "*by* 1963", "*after* October 1962", "*until* 1964", "*than* 1961".
    static let relationalBeforeDate: Set<String> = [
        "before", "after", "since", "until", "till", "by", "from", "between", "following", "within", "throughout",
        "than", "circa", "around", "about", "approximately", "roughly", "past", "beyond", "till", "up", "through",
        "to", "and", "or",
    ]

    /// A title with one of these right before it names another post or another time:
    /// "*Vice* President Johnson", "*Deputy* Premier Kosygin", "*former* President Eisenhower".
    static let titleModifiers: Set<String> = [
        "vice", "deputy", "assistant", "acting", "under", "former", "ex", "future", "elect", "interim", "late",
        "first-deputy", "associate", "junior", "shadow", "then-future", "outgoing", "incoming", "next", "new",
    ]

    /// Words that place a sentence at a time the fact base may not know: "*when* the CIA
    /// planned it", "*under* Eisenhower". Without a year or a known event, such a sentence
    /// is not assumed to be about the focus.
    static let temporalCues: Set<String> = ["when", "while", "whilst", "during", "under", "whenever"]

    /// Words allowed between a comma and a title in apposition, or after "was": "McNamara,
    /// *the then* Secretary of Defense", "was *also* Secretary".
    static let titleFillers: Set<String> = [
        "the", "then", "his", "her", "their", "its", "also", "own", "appointed", "named", "made", "serving",
        "acting",
    ]

    static let copulas: Set<String> = ["was", "is", "'s"]
    /// "served as", "acted as": a verb before "as" that states a post.
    static let asVerbs: Set<String> = [
        "served", "serves", "serving", "acted", "acts", "acting", "worked", "works", "working", "sat", "functioned",
    ]
    static let relativePronouns: Set<String> = ["who"]
    static let clauseOpeners: Set<String> = ["and", "or", "but", "that", "so", "yet", "then", "while", "because",
                                             "although", "though", "whereas", "when", "since", "as"]
    static let prepositions: Set<String> = [
        "of", "to", "for", "with", "by", "from", "than", "like", "about", "against", "unlike", "besides", "beside",
        "without", "toward", "towards", "between", "among", "including", "except",
    ]
    /// Words that open a phrase before a name: "*According* to Rusk, ...", "*Apart* from".
    static let phraseOpeners: Set<String> = [
        "according", "apart", "along", "together", "next", "after", "before", "unlike", "like", "besides", "beside",
        "for", "with", "under", "as", "despite", "except", "thanks", "due", "including", "behind", "beyond",
    ]
    static let determiners: Set<String> = ["the", "his", "her", "their", "its", "then", "our", "this", "that"]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// "In 1963, ...": prepositions that may open a sentence before a date and a comma.
    static let datePrepositions: Set<String> = ["in", "on", "during", "at"]
}

/// Human-readable dates for messages: "16–28 October 1962", "April 1961".
enum FactDateText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func describe(_ date: FactDate) -> String {
        guard let month = date.month, (1...12).contains(month) else { return String(date.year) }
        let monthYear = monthNames[month - 1] + " " + String(date.year)
        return date.day.map { "\($0) " + monthYear } ?? monthYear
    }

    static func describe(_ period: FactPeriod) -> String {
        let (from, to) = (period.from, period.to)
        if from == to { return describe(from) }
        if from.year == to.year, let fromMonth = from.month, fromMonth == to.month, let fromDay = from.day, let toDay = to.day {
            return "\(fromDay)–\(toDay) " + monthNames[fromMonth - 1] + " " + String(from.year)
        }
        if from.month == nil, to.month == nil { return "\(from.year)–\(to.year)" }
        if from.year == to.year, let fromMonth = from.month, to.month != nil {
            let start = from.day.map { "\($0) " } ?? ""
            return start + monthNames[fromMonth - 1] + " – " + describe(to)
        }
        return describe(from) + " – " + describe(to)
    }
}
