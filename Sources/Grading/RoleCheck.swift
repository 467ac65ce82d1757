import Rubrics
import TextAnalysis

/// Finds people named with a role they did not hold at the time the sentence is about.
///
/// An attribution is a person mention (pronouns included) and a role mention tied by one
/// of a few patterns, within one sentence and never across "and" or another person:
///
/// - title before name: "Secretary of State Robert McNamara", "the Secretary of State,
///   Dean Rusk, said" (title, comma, name at the start of a clause), "As Secretary of
///   State, McNamara argued";
/// - apposition: "McNamara, the Secretary of State", "Rusk, Kennedy's Secretary of Defense"
///   (the possessor is not the holder);
/// - relative clause: "McNamara, who was Secretary of State", "Rusk, who as Secretary of Defense";
/// - copula: "McNamara was (Kennedy's) Secretary of State", "he served as", "McNamara as
///   Secretary of State"; and "the Secretary of State was McNamara".
///
/// The time is the sentence's own: its years and the events it names (a year either side),
/// else the focus period (with the previous sentence's years, if any, as another chance to
/// be right). A clause that moves in time ("later", "former", "became", "until") is skipped,
/// as is a sentence placed at a time the fact base cannot date ("when the CIA planned it").
/// A person who held the role, or a narrower one, at any of those times is fine.
struct RoleCheck {
    let facts: FactBase
    let reader: TokenReader
    let compiled: CompiledRubricSet
    let index: EssayIndex
    let eventSpans: [[Span]]

    struct Mention {
        var span: Span
        /// Person or role indices named by this span.
        var id: Int
        var isPronoun: Bool
    }

    private var people: [Mention] = []
    private var roles: [Mention] = []
    private var personAt: [Int: Mention] = [:]
    private var personEndingAt: [Int: Mention] = [:]
    private var roleAt: [Int: Mention] = [:]
    private var roleEndingAt: [Int: Mention] = [:]
    private var roleIndexByID: [String: Int] = [:]
    /// Starts of the mentions "he" or "she" could stand for, with their phrases, in text order.
    private var personLikeMentions: [(start: Int32, phrase: Int32)] = []
    /// `people` in text order.
    private var peopleInOrder: [Mention] = []

    init(facts: FactBase, reader: TokenReader, compiled: CompiledRubricSet, index: EssayIndex, eventSpans: [[Span]]) {
        self.facts = facts
        self.reader = reader
        self.compiled = compiled
        self.index = index
        self.eventSpans = eventSpans
        for (position, role) in facts.roles.enumerated() where roleIndexByID[role.id] == nil {
            roleIndexByID[role.id] = position
        }
        findMentions()
        let heOrShe = PhraseTables.bit(.he) | PhraseTables.bit(.she)
        for (phrase, bits) in compiled.tables.referentBits.enumerated() where bits & heOrShe != 0 {
            for span in index.spans(of: Int32(phrase)) { personLikeMentions.append((span.start, Int32(phrase))) }
        }
        personLikeMentions.sort { $0.start < $1.start }
        peopleInOrder = people.sorted { $0.span.start < $1.span.start }
    }

    // MARK: - Mentions

    private mutating func findMentions() {
        var roleIDs: [Span: [Int]] = [:]
        for (position, role) in facts.roles.enumerated() {
            for span in conceptSpans(role.concept, compiled: compiled, index: index) { roleIDs[span, default: []].append(position) }
        }
        let roleSpans = longestOnly(Array(roleIDs.keys))
        roles = roleSpans.map { Mention(span: $0, id: roleIDs[$0]![0], isPronoun: false) }

        var personIDs: [Span: Set<Int>] = [:]
        for (position, person) in facts.people.enumerated() {
            for span in conceptSpans(person.concept, compiled: compiled, index: index) {
                personIDs[span, default: []].insert(position)
            }
        }
        // A title inside a person's terms ("the President" for Kennedy) is a role here.
        let personSpans = longestOnly(Array(personIDs.keys)).filter { span in
            personIDs[span]!.count == 1 && !roleSpans.contains { $0.overlaps(span) }
        }
        people = personSpans.map { span in
            let isPronoun = span.end - span.start == 1 && !reader.wordClass(Int(span.start)).isDisjoint(with: .anyPronoun)
            return Mention(span: span, id: personIDs[span]!.first!, isPronoun: isPronoun)
        }
        for mention in people {
            personAt[Int(mention.span.start)] = mention
            personEndingAt[Int(mention.span.end)] = mention
        }
        for mention in roles {
            roleAt[Int(mention.span.start)] = mention
            roleEndingAt[Int(mention.span.end)] = mention
        }
    }

    // MARK: - Attributions

    func violations() -> [FactViolation] {
        var found: [FactViolation] = []
        var seen = Set<Span>()
        for (person, role, span) in attributions() where seen.insert(span).inserted {
            if let violation = judge(person: person, role: role, span: span) { found.append(violation) }
        }
        return found
    }

    /// Every (person, role, whole span) the patterns tie together.
    private func attributions() -> [(Mention, Mention, Span)] {
        var result: [(Mention, Mention, Span)] = []
        func add(_ person: Mention, _ role: Mention) {
            let span = Span(start: min(person.span.start, role.span.start), end: max(person.span.end, role.span.end))
            result.append((person, role, span))
        }
        for role in roles {
            if let person = titleBeforeName(role) { add(person, role) }
            if let person = reverseCopula(role) { add(person, role) }
        }
        for person in people {
            if !person.isPronoun, let role = apposition(person) { add(person, role) }
            if let role = copula(person) { add(person, role) }
        }
        return result
    }

    /// "Secretary of State (Robert S.) McNamara"; "[As] the Secretary of State, McNamara ...".
    private func titleBeforeName(_ role: Mention) -> Mention? {
        let end = Int(role.span.end)
        let sentence = sentenceRange(of: end - 1)
        guard end < sentence.upperBound, !reader.isPossessive(end) else { return nil }
        var position = end
        var fillers = 0
        let allCaps = reader.isAllCaps(sentence: reader.sentence(of: end - 1))
        while position < sentence.upperBound, personAt[position] == nil, fillers < 3,
              isNameFiller(position, allCaps: allCaps) {
            position += 1
            fillers += 1
        }
        if let person = personAt[position], !person.isPronoun, !containsPossessive(person.span) {
            return person
        }
        // Title, comma, name: "The Secretary of State (at the time), Dean Rusk, said" at the
        // start of a clause; elsewhere only when the name ends there too ("Kennedy relied on
        // his Secretary of State, Dean Rusk."), since "After meeting the Secretary of State,
        // McNamara decided" makes the name the subject of what follows.
        let comma = skipAdverbs(from: end, in: sentence)
        guard fillers == 0, comma < sentence.upperBound, reader.isComma(comma), comma + 1 < sentence.upperBound,
              let person = personAt[comma + 1], !person.isPronoun, !containsPossessive(person.span),
              !isListItem(after: person, in: sentence) else { return nil }
        if isClauseStart(nounPhraseStart(before: Int(role.span.start), in: sentence), in: sentence) { return person }
        let after = Int(person.span.end)
        guard after >= sentence.upperBound || reader.isPunctuation(after, [.comma, .period, .semicolon, .exclamation, .closeBracket])
        else { return nil }
        return person
    }

    /// "The Secretary of State (at the time) was (Dean) Rusk."
    private func reverseCopula(_ role: Mention) -> Mention? {
        var position = Int(role.span.end)
        let sentence = sentenceRange(of: position - 1)
        guard isClauseStart(nounPhraseStart(before: Int(role.span.start), in: sentence), in: sentence) else { return nil }
        position = skipTimePhrase(from: skipAdverbs(from: position, in: sentence), in: sentence)
        guard position < sentence.upperBound, let verb = reader.word(position), FactCues.copulas.contains(verb) else {
            return nil
        }
        position = skipAdverbs(from: position + 1, in: sentence)
        let allCaps = reader.isAllCaps(sentence: reader.sentence(of: position - 1))
        var fillers = 0
        while position < sentence.upperBound, personAt[position] == nil, fillers < 3,
              isNameFiller(position, allCaps: allCaps) {
            position += 1
            fillers += 1
        }
        guard let person = personAt[position], !person.isPronoun, !containsPossessive(person.span),
              Int(person.span.end) >= sentence.upperBound || !reader.isPossessive(Int(person.span.end)) else { return nil }
        return person
    }

    /// "McNamara, the Secretary of State"; "Dean Rusk, Kennedy's Secretary of Defense";
    /// "McNamara (Sec. of State)".
    private func apposition(_ person: Mention) -> Mention? {
        let end = Int(person.span.end)
        let sentence = sentenceRange(of: end - 1)
        guard end < sentence.upperBound, reader.isComma(end) || reader.isPunctuation(end, [.openBracket]),
              !containsPossessive(person.span),
              !isListItem(before: person, in: sentence) else { return nil }
        let position = skipTitleFillers(from: end + 1, in: sentence)
        guard let role = roleAt[position], !isListedWith(role, in: sentence) else { return nil }
        // After an opening phrase ("Unlike Rusk, the Secretary of Defense wanted ...") the
        // title starts the main clause, unless a comma closes it as an apposition ("With
        // McNamara, the Attorney General, arguing for ...").
        if opensWithPreposition(person, in: sentence) {
            let after = Int(role.span.end)
            guard after >= sentence.upperBound || reader.isComma(after) else { return nil }
        }
        return role
    }

    /// "McNamara was (Kennedy's) Secretary of State", "he served as", "McNamara, who was",
    /// "Rusk, who as Secretary of Defense", "McNamara, as Secretary of State,", "McNamara as".
    private func copula(_ person: Mention) -> Mention? {
        let end = Int(person.span.end)
        let sentence = sentenceRange(of: end - 1)
        guard end < sentence.upperBound, !containsPossessive(person.span) else { return nil }
        // A bare copula needs the person as its subject, not the object of a preposition:
        // "the brother of Kennedy was ..." ("..., who was" and "..., as" may follow any mention).
        let before = Int(person.span.start) - 1
        let objectOfPreposition = before >= sentence.lowerBound
            && reader.word(before).map(FactCues.prepositions.contains) == true
        if person.isPronoun {
            // Only a subject pronoun opening its clause, and only when it can mean one person.
            guard let word = reader.word(Int(person.span.start)), word == "he" || word == "she",
                  isClauseStart(Int(person.span.start), in: sentence), !isAmbiguous(person) else { return nil }
        }
        var position = end
        if reader.isComma(position), position + 1 < sentence.upperBound {
            // "McNamara, who was ..." / "McNamara, as Secretary of State, ..."
            guard !person.isPronoun else { return nil }
            position += 1
            if let word = reader.word(position), FactCues.relativePronouns.contains(word) {
                position += 1
            } else if reader.word(position) != "as" {
                return nil
            }
        }
        // "Robert McNamara who was Secretary of State": a relative clause without its comma.
        if position == end, !person.isPronoun, let word = reader.word(position), FactCues.relativePronouns.contains(word) {
            position += 1
        }
        if position == end && objectOfPreposition { return nil }
        position = skipAdverbs(from: position, in: sentence)
        guard position < sentence.upperBound, let verb = reader.word(position) else { return nil }
        // "'s" is "is" only after a pronoun ("he's"); after a name it is a possessive.
        if FactCues.copulas.contains(verb) && (verb != "'s" || person.isPronoun) {
            position += 1
            if position < sentence.upperBound, reader.word(position) == "as" { position += 1 }
        } else if FactCues.asVerbs.contains(verb), position + 1 < sentence.upperBound, reader.word(position + 1) == "as" {
            position += 2
        } else if verb == "as" {
            position += 1
        } else {
            return nil
        }
        position = skipTitleFillers(from: skipAdverbs(from: position, in: sentence), in: sentence)
        guard let role = roleAt[position], !isListedWith(role, in: sentence, afterComma: false) else { return nil }
        return role
    }

    // MARK: - Judging one attribution

    private func judge(person: Mention, role: Mention, span: Span) -> FactViolation? {
        let sentenceIndex = reader.sentence(of: Int(span.start))
        let sentence = reader.range(ofSentence: sentenceIndex)
        let region = Int(span.start)..<Int(span.end)
        // Negated, disowned, hypothetical: no claim.
        guard !reader.anyUnasserted(region), !reader.anyUnasserted(Int(role.span.start)..<Int(role.span.end)) else { return nil }
        // "the Secretary of State's adviser": the title belongs to someone else.
        if Int(role.span.end) < sentence.upperBound, reader.isPossessive(Int(role.span.end)) { return nil }
        // "Vice President Johnson", "former President Eisenhower": another post or time.
        let before = Int(role.span.start) - 1
        if before >= sentence.lowerBound, let word = reader.word(before), FactCues.titleModifiers.contains(word) { return nil }
        if movesInTime(region, in: sentence) { return nil }

        let holder = facts.people[person.id]
        let named = role.id
        let claimed = meant(named, by: holder)
        let heldEver = holder.held.contains { tenure in
            roleIndexByID[tenure.role].map { facts.role($0, isWithin: facts.roles[named].id) } ?? false
        }
        // A broad title ("President", "Ambassador") for someone who never held any post of
        // that kind here may be a post the fact base does not know: "Rusk, president of the
        // Rockefeller Foundation".
        if isBroad(named) && !heldEver { return nil }
        // A post they never held is wrong at any time; one they held at some time is wrong
        // only when the sentence is plainly about another time than their tenure.
        let windows: [TimeWindow]
        if let found = timeWindows(sentence: sentenceIndex) {
            windows = found
        } else if !heldEver {
            windows = [TimeWindow(facts.focus, label: facts.focusName)]
        } else {
            return nil
        }
        if windows.contains(where: { holds(holder, named, in: $0) }) { return nil }
        if heldEver && !isAboutFocus(sentence: sentenceIndex) { return nil }

        let heldThen = holder.held.filter { tenure in windows.contains { $0.overlaps(tenure.period) } }
        let heldText = heldThen.isEmpty
            ? holder.held.map { tenure in roleName(tenure.role) + " (" + years(tenure.period) + ")" }.joined(separator: " and ")
            : heldThen.map { roleName($0.role) }.joined(separator: " and ")
        return FactViolation(
            span: span,
            details: ["person": holder.name, "claimed": facts.roles[claimed].name,
                      "held": heldText.isEmpty ? "no such post" : heldText, "date": windows[0].label],
            subject: .role(person: person.id, claimed: claimed)
        )
    }

    /// Whether `person` held `role` (or a narrower one) at some point of `window`.
    private func holds(_ person: Person, _ role: Int, in window: TimeWindow) -> Bool {
        person.held.contains { tenure in
            guard let held = roleIndexByID[tenure.role] else { return false }
            return facts.role(held, isWithin: facts.roles[role].id) && window.overlaps(tenure.period)
        }
    }

    /// The role a broad title means for this person: "President Eisenhower" means the
    /// one kind of president he ever was.
    private func meant(_ role: Int, by person: Person) -> Int {
        let narrower = Set(person.held.compactMap { roleIndexByID[$0.role] }.filter {
            $0 != role && facts.role($0, isWithin: facts.roles[role].id)
        })
        return narrower.count == 1 ? narrower.first! : role
    }

    private func roleName(_ id: String) -> String { roleIndexByID[id].map { facts.roles[$0].name } ?? id }

    private func years(_ period: FactPeriod) -> String {
        period.from.year == period.to.year ? String(period.from.year) : "\(period.from.year)–\(period.to.year)"
    }

    /// From the start of the sentence to the end of the attribution's clause: a word that
    /// moves the time ("later", "former", "became", "until", "had been").
    private func movesInTime(_ region: Range<Int>, in sentence: Range<Int>) -> Bool {
        var end = region.upperBound
        while end < sentence.upperBound, !reader.isClausePunctuation(end), !reader.isClauseWord(end) { end += 1 }
        for position in sentence.lowerBound..<end {
            guard let word = reader.word(position) else { continue }
            if FactCues.timeShift.contains(word) { return true }
            if word == "had", position + 1 < end, reader.word(position + 1) == "been" { return true }
            // "went on to become", "would go on to lead"
            if ["went", "go", "goes", "going"].contains(word), position + 2 < end, reader.word(position + 1) == "on",
               reader.word(position + 2) == "to" {
                return true
            }
        }
        return false
    }

    /// Whether some role names this one as its `broader`: "President", "Ambassador".
    private func isBroad(_ role: Int) -> Bool {
        let id = facts.roles[role].id
        return facts.roles.contains { $0.broader == id }
    }

    /// Whether the sentence places itself in the focus period: by its own years or events,
    /// or by "at the time" after a sentence that does.
    private func isAboutFocus(sentence: Int) -> Bool {
        let own = anchors(sentence: sentence)
        if !own.isEmpty { return own.contains { $0.overlaps(facts.focus) } }
        let range = reader.range(ofSentence: sentence)
        guard sentence > 0, !reader.tokens[range.lowerBound].flags.contains(.paragraphStart),
              refersToTimeBefore(range) else { return false }
        return anchors(sentence: sentence - 1).contains { $0.overlaps(facts.focus) }
    }

    /// "at the time", "at that time", "back then", "the then": the time the text has just named.
    private func refersToTimeBefore(_ range: Range<Int>) -> Bool {
        for position in range {
            guard let word = reader.word(position) else { continue }
            if word == "then", position > range.lowerBound, let previous = reader.word(position - 1),
               previous == "back" || previous == "the" {
                return true
            }
            if word == "time", position >= range.lowerBound + 2,
               let previous = reader.word(position - 1), ["the", "that"].contains(previous), reader.word(position - 2) == "at" {
                return true
            }
        }
        return false
    }

    /// The times a sentence is about; nil when it places itself at a time the fact base cannot date.
    private func timeWindows(sentence: Int) -> [TimeWindow]? {
        let own = anchors(sentence: sentence)
        if !own.isEmpty { return own }
        let range = reader.range(ofSentence: sentence)
        if range.contains(where: { reader.word($0).map(FactCues.temporalCues.contains) ?? false }) { return nil }
        var windows = [TimeWindow(facts.focus, label: facts.focusName)]
        if sentence > 0, !reader.tokens[range.lowerBound].flags.contains(.paragraphStart) {
            windows += anchors(sentence: sentence - 1)
        }
        return windows
    }

    /// Years, decades and dated events named in a sentence.
    private func anchors(sentence: Int) -> [TimeWindow] {
        var windows: [TimeWindow] = []
        for position in reader.range(ofSentence: sentence) {
            if let year = reader.year(at: position) { windows.append(TimeWindow(year: year)) }
            else if let decade = reader.decade(at: position) { windows.append(TimeWindow(decade: decade)) }
        }
        for (event, spans) in eventSpans.enumerated() where spans.contains(where: { reader.sentence(of: Int($0.start)) == sentence }) {
            let fact = facts.events[event]
            windows.append(TimeWindow(fact.period, widenedBy: TimeWindow.oneYear, label: fact.name))
        }
        return windows
    }

    // MARK: - Pattern pieces

    private func sentenceRange(of token: Int) -> Range<Int> { reader.range(ofSentence: reader.sentence(of: token)) }

    private func containsPossessive(_ span: Span) -> Bool {
        (Int(span.start)..<Int(span.end)).contains { reader.isPossessive($0) }
    }

    /// Initials and, in ordinary case, capitalised words between a title and a surname:
    /// "President *John F.* Kennedy".
    private func isNameFiller(_ position: Int, allCaps: Bool) -> Bool {
        if reader.isInitial(position) { return true }
        guard !allCaps, reader.tokens[position].kind == .word, reader.tokens[position].flags.contains(.capitalized),
              reader.wordClass(position).isEmpty, roleAt[position] == nil else { return false }
        return true
    }

    /// Skips "at the time", "then", "also" and the like.
    private func skipAdverbs(from start: Int, in sentence: Range<Int>) -> Int {
        var position = start
        while position < sentence.upperBound {
            if reader.word(position) == "at", position + 2 < sentence.upperBound, reader.word(position + 1) == "the",
               reader.word(position + 2) == "time" {
                position += 3
            } else if let word = reader.word(position), ["then", "also", "indeed", "really", "actually"].contains(word) {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// Skips a short phrase of time before a verb: "(the President) during the crisis (was)",
    /// "in October 1962", "throughout those days". Words only, at most five.
    private func skipTimePhrase(from start: Int, in sentence: Range<Int>) -> Int {
        guard start < sentence.upperBound, let first = reader.word(start),
              ["during", "in", "throughout", "at"].contains(first) else { return start }
        var position = start + 1
        while position < sentence.upperBound, position - start <= 5, let word = reader.word(position),
              !FactCues.copulas.contains(word), !reader.isClauseWord(position) {
            position += 1
        }
        guard position < sentence.upperBound, let word = reader.word(position), FactCues.copulas.contains(word) else {
            return start
        }
        return position
    }

    /// Skips what may stand between a comma or verb and a title: "the (then)", "his",
    /// "Kennedy's", "America's".
    private func skipTitleFillers(from start: Int, in sentence: Range<Int>) -> Int {
        var position = start
        var steps = 0
        while position < sentence.upperBound, steps < 6, roleAt[position] == nil {
            steps += 1
            if let person = personAt[position], !person.isPronoun {
                let after = Int(person.span.end)
                guard after < sentence.upperBound, reader.isPossessive(after) else { return position }
                position = after + 1
            } else if position + 1 < sentence.upperBound, reader.isWord(position), reader.isPossessive(position + 1) {
                position += 2
            } else if let word = reader.word(position), FactCues.titleFillers.contains(word) {
                position += 1
            } else {
                return position
            }
        }
        return position
    }

    /// Walks back over what may open a noun phrase before a title: "the", "his", "Kennedy's".
    private func nounPhraseStart(before start: Int, in sentence: Range<Int>) -> Int {
        var position = start
        while position > sentence.lowerBound {
            let previous = position - 1
            if reader.isPossessive(previous) {
                if let owner = personEndingAt[previous] ?? roleEndingAt[previous] {
                    position = Int(owner.span.start)
                } else if previous - 1 >= sentence.lowerBound, reader.isWord(previous - 1) {
                    position = previous - 1
                } else {
                    return position
                }
            } else if let role = roleEndingAt[position] {
                // "President Kennedy's Secretary of Defense": the possessor's own title.
                position = Int(role.span.start)
            } else if let word = reader.word(previous), FactCues.determiners.contains(word) {
                position = previous
            } else {
                return position
            }
        }
        return position
    }

    /// The first token of a clause: the sentence start, after a comma or colon, or after
    /// "and", "but", "that"... ("as" counts only opening a clause itself: "As Secretary, ...").
    private func isClauseStart(_ position: Int, in sentence: Range<Int>) -> Bool {
        var previous = position - 1
        // Emoji and other symbols say nothing about clauses.
        while previous >= sentence.lowerBound, reader.tokens[previous].kind == .symbol { previous -= 1 }
        if previous < sentence.lowerBound { return true }
        var opening = position
        while opening > sentence.lowerBound,
              !reader.isPunctuation(opening - 1, [.colon, .semicolon, .dash, .bullet, .heading, .openBracket, .quote]) {
            opening -= 1
        }
        if opensWithTime(opening..<position) { return true }
        if reader.isPunctuation(previous, [.comma, .semicolon, .colon, .dash, .openBracket, .bullet, .heading, .quote]) {
            return true
        }
        guard let word = reader.word(previous) else { return false }
        if word == "as" { return isClauseStart(previous, in: sentence) }
        return FactCues.clauseOpeners.contains(word)
    }

    /// A sentence opening with a time and no comma: "In 1962 (the Soviet leader ...)",
    /// "During the crisis (the US President ...)", "In October 1962".
    private func opensWithTime(_ range: Range<Int>) -> Bool {
        let words = range.filter { reader.tokens[$0].kind != .symbol && reader.tokens[$0].kind != .punctuation }
        guard words.count >= 2, words.count <= 6, let first = reader.word(words[0]),
              ["in", "during", "throughout", "at", "on"].contains(first) else { return false }
        var sawTime = false
        for position in words.dropFirst() {
            guard let word = reader.word(position) else { return false }
            if reader.year(at: position) != nil || reader.decade(at: position) != nil || FactCues.months[word] != nil
                || isEventWord(position) {
                sawTime = true
            } else if !["the", "this", "that", "those", "these", "early", "late", "mid", "of"].contains(word),
                      reader.tokens[position].kind != .number {
                return false
            }
        }
        return sawTime
    }

    private func isEventWord(_ position: Int) -> Bool {
        eventSpans.contains { spans in spans.contains { Int($0.start) <= position && position < Int($0.end) } }
    }

    /// "Unlike Rusk, the Secretary of Defense wanted...", "According to Rusk, ...": the comma
    /// closes an opening phrase; what follows is the clause's subject, not an apposition.
    private func opensWithPreposition(_ person: Mention, in sentence: Range<Int>) -> Bool {
        var position = Int(person.span.start) - 1
        var steps = 0
        while position >= sentence.lowerBound, steps < 2, let word = reader.word(position),
              FactCues.prepositions.contains(word) || FactCues.phraseOpeners.contains(word) {
            if isClauseStart(position, in: sentence) { return true }
            position -= 1
            steps += 1
        }
        return false
    }

    /// "Bundy, McNamara, the Secretary of State": a name in a list, not in apposition.
    private func isListItem(before person: Mention, in sentence: Range<Int>) -> Bool {
        let start = Int(person.span.start)
        guard start - 1 > sentence.lowerBound, reader.isComma(start - 1) else { return false }
        return personEndingAt[start - 1] != nil
    }

    /// "the Secretary of State, McNamara and Bundy": a list after the name.
    private func isListItem(after person: Mention, in sentence: Range<Int>) -> Bool {
        var position = Int(person.span.end)
        guard position < sentence.upperBound else { return false }
        if reader.isComma(position) { position += 1 }
        if position < sentence.upperBound, let word = reader.word(position), word == "and" || word == "or" { position += 1 }
        guard position < sentence.upperBound, position > Int(person.span.end) else { return false }
        return personAt[position].map { !$0.isPronoun } ?? false
    }

    /// "Rusk, the Secretary of Defense and the Attorney General", "Rusk, the Secretary of
    /// Defense, and McNamara": the title may be one item of a list, not Rusk's. After a
    /// comma, any "and" without a comma closing the title first reads as a list; after a
    /// verb ("was Secretary of State and a close adviser") only another post or person does.
    private func isListedWith(_ role: Mention, in sentence: Range<Int>, afterComma: Bool = true) -> Bool {
        var position = Int(role.span.end)
        guard position < sentence.upperBound else { return false }
        let comma = reader.isComma(position)
        if comma { position += 1 }
        guard position < sentence.upperBound, let word = reader.word(position), word == "and" || word == "or" else {
            return false
        }
        if afterComma && !comma { return true }
        position += 1
        if let person = personAt[position], !person.isPronoun { return true }
        if comma { return false }  // "..., and the Secretary of Defense, McNamara": a new apposition
        while position < sentence.upperBound, let word = reader.word(position), FactCues.determiners.contains(word) {
            position += 1
        }
        return position < sentence.upperBound && roleAt[position] != nil
    }

    /// A pronoun that could stand for more than one person: another person is named in
    /// its sentence before it, or in the sentence before.
    /// The first index whose key is at least `value`, keys ascending.
    private static func firstIndex(in count: Int, atOrAfter value: Int, key: (Int) -> Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if key(middle) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func isAmbiguous(_ pronoun: Mention) -> Bool {
        let position = Int(pronoun.span.start)
        let sentence = reader.sentence(of: position)
        let from = reader.range(ofSentence: max(0, sentence - 1)).lowerBound
        let ownPhrases = compiled.conceptPhrases[facts.people[pronoun.id].concept] ?? []
        // Both lists are in text order: start at `from` by binary search.
        var cursor = Self.firstIndex(in: personLikeMentions.count, atOrAfter: from) { Int(personLikeMentions[$0].start) }
        while cursor < personLikeMentions.count, Int(personLikeMentions[cursor].start) < position {
            // Concept phrase lists are sorted.
            if !ownPhrases.binarySearchContains(personLikeMentions[cursor].phrase) { return true }
            cursor += 1
        }
        cursor = Self.firstIndex(in: peopleInOrder.count, atOrAfter: from) { Int(peopleInOrder[$0].span.start) }
        while cursor < peopleInOrder.count, Int(peopleInOrder[cursor].span.start) < position {
            if peopleInOrder[cursor].id != pronoun.id { return true }
            cursor += 1
        }
        return false
    }
}

private extension Array where Element == Int32 {
    func binarySearchContains(_ value: Int32) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] == value { return true }
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
