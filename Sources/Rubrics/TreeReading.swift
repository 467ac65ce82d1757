import XMLSupport

/// Turns schema-valid element trees into the rubric model. The schema has already
/// checked the shape; whatever it cannot check is collected as problems, never trapped.
struct TreeReader {
    var problems: [RubricProblem] = []

    mutating func problem(_ element: XMLTree.Element, _ message: String) {
        problems.append(RubricProblem(element.location.sourceLocation, message))
    }

    // MARK: Text

    /// Element text with runs of white space collapsed, as written across lines in XML.
    func text(_ element: XMLTree.Element?) -> String {
        guard let element else { return "" }
        return collapseWhitespace(element.text)
    }

    // MARK: Expressions

    mutating func matchList(_ element: XMLTree.Element) -> [MatchExpression] {
        element.elements.compactMap { expression($0) }
    }

    mutating func expression(_ element: XMLTree.Element) -> MatchExpression? {
        let polarity = element[attribute: "polarity"].flatMap(Polarity.init(rawValue:))
        switch element.name {
        case "term":
            return .term(term(element))
        case "concept":
            let id = element[attribute: "ref"] ?? ""
            return .concept(ConceptReference(id, polarity: polarity, location: element.location.sourceLocation))
        case "any":
            return .any(element.elements.compactMap { expression($0) }, polarity: polarity)
        case "all":
            let children = element.elements.filter { $0.name != "without" }.compactMap { expression($0) }
            let without = element.elements(named: "without").map { exclusion in
                Exclusion(
                    exclusion.elements.compactMap { expression($0) },
                    within: exclusion[attribute: "within"].flatMap { Int($0) },
                    polarity: exclusion[attribute: "polarity"].flatMap(Polarity.init(rawValue:))
                )
            }
            return .all(AllOf(
                children, without: without,
                within: element[attribute: "within"].flatMap { Int($0) },
                scope: element[attribute: "scope"].flatMap(MatchScope.init(rawValue:)) ?? .sentence,
                ordered: element[attribute: "ordered"] == "yes",
                polarity: polarity,
                location: element.location.sourceLocation
            ))
        default:
            problem(element, "unknown match element <\(element.name)>")
            return nil
        }
    }

    func term(_ element: XMLTree.Element) -> TermPattern {
        TermPattern(
            collapseWhitespace(element.text),
            caseSensitive: element[attribute: "case"] == "exact",
            stemmed: element[attribute: "stem"] != "no",
            fuzzy: element[attribute: "fuzzy"] != "no",
            polarity: element[attribute: "polarity"].flatMap(Polarity.init(rawValue:)),
            location: element.location.sourceLocation
        )
    }

    // MARK: Examples

    /// `<example>` and `<counterexample>` children, in document order.
    mutating func examples(in element: XMLTree.Element) -> [RuleExample] {
        element.elements.compactMap { child -> RuleExample? in
            switch child.name {
            case "example": return example(child, expectsMatch: true)
            case "counterexample": return example(child, expectsMatch: false)
            default: return nil
            }
        }
    }

    /// Builds the example's text with white space collapsed, keeping the byte
    /// offsets of the `<m>` span right in the collapsed text.
    mutating func example(_ element: XMLTree.Element, expectsMatch: Bool) -> RuleExample? {
        var builder = CollapsingTextBuilder()
        var mark: Range<Int>?
        for node in element.children {
            switch node {
            case .text(let text):
                builder.append(text)
            case .element(let child) where child.name == "m":
                let start = builder.byteCountForMark()
                builder.append(child.text)
                mark = start..<builder.byteCountTrimmingTrailingSpace()
            case .element(let child):
                problem(child, "unexpected <\(child.name)> inside an example")
            }
        }
        let text = builder.finish()
        if let span = mark {
            // Leading spaces dropped by the trim shift nothing: marks are built after them.
            mark = min(span.lowerBound, text.utf8.count)..<min(span.upperBound, text.utf8.count)
        }
        if text.isEmpty {
            problem(element, "an example needs some text")
            return nil
        }
        return RuleExample(text: text, expectsMatch: expectsMatch, mark: mark, location: element.location.sourceLocation)
    }

    // MARK: Concepts

    mutating func concept(_ element: XMLTree.Element) -> Concept {
        let refer = (element[attribute: "refer"] ?? "")
            .split(separator: " ").compactMap { PronounClass(rawValue: String($0)) }
        return Concept(
            id: element[attribute: "id"] ?? "",
            terms: element.elements(named: "term").map { term($0) },
            includes: element.elements(named: "include").compactMap { $0[attribute: "ref"] },
            exceptions: element.elements(named: "except").map { term($0) },
            refer: Set(refer),
            location: element.location.sourceLocation
        )
    }
}

extension XMLTree.Location {
    var sourceLocation: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

/// Collapses white space runs to one space and trims both ends, as it appends.
struct CollapsingTextBuilder {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func append(_ text: String) {
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
    }

    /// Where a mark starting now begins: after any pending space.
    mutating func byteCountForMark() -> Int {
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
        return bytes.count
    }

    /// Where a mark ending now ends: before any pending space.
    func byteCountTrimmingTrailingSpace() -> Int { bytes.count }

    func finish() -> String { String(decoding: bytes, as: UTF8.self) }
}

func collapseWhitespace(_ text: String) -> String {
    var builder = CollapsingTextBuilder()
    builder.append(text)
    return builder.finish()
}
