import XMLSupport

/// Gathers the parts of a set from its files' element trees.
struct RubricSetBuilder {
    let id: String
    let title: String
    let prompt: String
    private var rubrics: [Rubric] = []
    private var concepts: [Concept] = []
    private var facts: FactBase?
    /// Slips keep their `<source ref>` until the fact base (which holds sources) is read.
    private var slips: [(slip: Slip, sourceRef: String?, element: XMLTree.Element)] = []

    init(id: String, title: String, prompt: String) {
        self.id = id
        self.title = title
        self.prompt = prompt
    }

    mutating func add(_ root: XMLTree.Element, reader: inout TreeReader) {
        if root.name != "lexicon", let local = root.firstElement(named: "concepts") {
            concepts += local.elements(named: "concept").map { reader.concept($0) }
        }
        switch root.name {
        case "lexicon":
            concepts += root.elements(named: "concept").map { reader.concept($0) }
        case "rubric":
            addRubric(root, reader: &reader)
        case "facts":
            facts = readFacts(root, reader: &reader)
        case "slips":
            for element in root.elements(named: "slip") { addSlip(element, reader: &reader) }
        case "assignment":
            break
        default:
            reader.problem(root, "<\(root.name)> is not a rubric-set file")
        }
    }

    func build(files: [String], reader: inout TreeReader) -> RubricSet {
        let sources = Dictionary(facts?.sources.map { ($0.id, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let resolvedSlips = slips.map { entry -> Slip in
            var slip = entry.slip
            if let ref = entry.sourceRef {
                if let source = sources[ref] {
                    slip.source = source.text + (source.url.map { " <\($0)>" } ?? "")
                } else {
                    reader.problem(entry.element, "slip \(slip.id) cites source '\(ref)', which the fact base does not define")
                }
            }
            return slip
        }
        return RubricSet(
            id: id, title: title, prompt: prompt, rubrics: rubrics, concepts: concepts,
            facts: facts, slips: resolvedSlips, files: files
        )
    }

    // MARK: - Parts

    private mutating func addRubric(_ root: XMLTree.Element, reader: inout TreeReader) {
        let levelsElement = root.firstElement(named: "levels")
        let levels = levelsElement?.elements(named: "level").map { level in
            Level(
                name: level[attribute: "name"] ?? "",
                mark: Int(level[attribute: "mark"] ?? "") ?? 0,
                minScore: Double(level[attribute: "min-score"] ?? "") ?? 0,
                minCore: Int(level[attribute: "min-core"] ?? "") ?? 0
            )
        } ?? []
        let points = root.elements(named: "point").map { element in
            Point(
                id: element[attribute: "id"] ?? "",
                kind: PointKind(rawValue: element[attribute: "kind"] ?? "") ?? .core,
                weight: Double(element[attribute: "weight"] ?? "") ?? 1,
                description: reader.text(element.firstElement(named: "description")),
                feedback: reader.text(element.firstElement(named: "feedback")),
                match: element.firstElement(named: "match").map { reader.matchList($0) } ?? [],
                examples: reader.examples(in: element),
                location: element.location.sourceLocation
            )
        }
        rubrics.append(Rubric(
            id: root[attribute: "id"] ?? "",
            title: reader.text(root.firstElement(named: "title")),
            question: reader.text(root.firstElement(named: "question")),
            levels: levels,
            scoreBasis: ScoreBasis(rawValue: levelsElement?[attribute: "score-by"] ?? "") ?? .points,
            points: points,
            location: root.location.sourceLocation
        ))
    }

    private mutating func addSlip(_ element: XMLTree.Element, reader: inout TreeReader) {
        let sourceElement = element.firstElement(named: "source")
        let checks = element.elements(named: "check").compactMap { check -> FactCheck? in
            switch check[attribute: "kind"] {
            case "role": return .role(person: check[attribute: "person"], role: check[attribute: "role"])
            case "date": return .date(event: check[attribute: "event"])
            default: return nil
            }
        }
        let slip = Slip(
            id: element[attribute: "id"] ?? "",
            severity: Severity(rawValue: element[attribute: "severity"] ?? "") ?? .error,
            message: reader.text(element.firstElement(named: "message")),
            correction: reader.text(element.firstElement(named: "correction")),
            source: reader.text(sourceElement),
            checks: checks,
            match: element.firstElement(named: "match").map { reader.matchList($0) } ?? [],
            examples: reader.examples(in: element),
            location: element.location.sourceLocation
        )
        if let sourceElement, sourceElement[attribute: "ref"] == nil, slip.source.isEmpty {
            reader.problem(sourceElement, "slip \(slip.id) needs a source: text, or ref=\"...\" to a fact-base source")
        }
        slips.append((slip, sourceElement?[attribute: "ref"], element))
    }

    private func readFacts(_ root: XMLTree.Element, reader: inout TreeReader) -> FactBase {
        func period(_ element: XMLTree.Element, reader: inout TreeReader) -> FactPeriod {
            let from = FactDate(element[attribute: "from"] ?? "") ?? FactDate(year: 0)
            let to = element[attribute: "to"].flatMap(FactDate.init) ?? from
            if to < from { reader.problem(element, "the period ends (\(to)) before it starts (\(from))") }
            return FactPeriod(from: from, to: to)
        }
        let focusElement = root.firstElement(named: "focus")
        let focus = focusElement.map { period($0, reader: &reader) } ?? FactPeriod(from: FactDate(year: 0), to: FactDate(year: 0))
        return FactBase(
            focusName: focusElement?[attribute: "name"] ?? "",
            focus: focus,
            sources: root.elements(named: "source").map {
                FactSource(id: $0[attribute: "id"] ?? "", text: reader.text($0), url: $0[attribute: "url"])
            },
            roles: root.elements(named: "role").map {
                Role(id: $0[attribute: "id"] ?? "", name: $0[attribute: "name"] ?? "", concept: $0[attribute: "concept"] ?? "",
                     broader: $0[attribute: "broader"], location: $0.location.sourceLocation)
            },
            people: root.elements(named: "person").map { person in
                Person(
                    id: person[attribute: "id"] ?? "", name: person[attribute: "name"] ?? "",
                    concept: person[attribute: "concept"] ?? "",
                    held: person.elements(named: "held").map {
                        RoleTenure(role: $0[attribute: "role"] ?? "", period: period($0, reader: &reader))
                    },
                    location: person.location.sourceLocation
                )
            },
            events: root.elements(named: "event").map { event in
                Event(
                    id: event[attribute: "id"] ?? "", name: event[attribute: "name"] ?? "",
                    period: period(event, reader: &reader),
                    match: event.firstElement(named: "match").map { reader.matchList($0) } ?? [],
                    location: event.location.sourceLocation
                )
            }
        )
    }
}
