/// Whether a matched phrase must be stated as true, negated, or either.
public enum Polarity: String, Sendable, Hashable {
    /// Stated as having happened: not negated, not called a myth or asked as a question,
    /// not a condition or an intention ("if they had", "threatened to").
    case affirmed
    /// Inside a negation: "no war", "war was avoided".
    case negated
    case any
}

/// How far an `all` may reach.
public enum MatchScope: String, Sendable, Hashable {
    case sentence
    /// The sentence and the one after it.
    case adjacent
}

/// A word or phrase to find in an essay.
public struct TermPattern: Sendable, Hashable {
    public var text: String
    public var caseSensitive: Bool
    public var stemmed: Bool
    public var fuzzy: Bool
    public var polarity: Polarity?
    public var location: SourceLocation

    public init(
        _ text: String, caseSensitive: Bool = false, stemmed: Bool = true, fuzzy: Bool = true,
        polarity: Polarity? = nil, location: SourceLocation = SourceLocation(file: "")
    ) {
        self.text = text
        self.caseSensitive = caseSensitive
        self.stemmed = stemmed
        self.fuzzy = fuzzy
        self.polarity = polarity
        self.location = location
    }
}

/// A use of a lexicon concept inside a match.
public struct ConceptReference: Sendable, Hashable {
    public var id: String
    public var polarity: Polarity?
    public var location: SourceLocation

    public init(_ id: String, polarity: Polarity? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.polarity = polarity
        self.location = location
    }
}

/// Every child must occur together; see `rubric-set.xsd` (`AllOf`).
public struct AllOf: Sendable, Hashable {
    public var children: [MatchExpression]
    public var without: [Exclusion]
    /// All children within this many words, when set.
    public var within: Int?
    public var scope: MatchScope
    public var ordered: Bool
    public var polarity: Polarity?
    public var location: SourceLocation

    public init(
        _ children: [MatchExpression], without: [Exclusion] = [], within: Int? = nil,
        scope: MatchScope = .sentence, ordered: Bool = false, polarity: Polarity? = nil,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.children = children
        self.without = without
        self.within = within
        self.scope = scope
        self.ordered = ordered
        self.polarity = polarity
        self.location = location
    }
}

/// Something whose presence near a match cancels it.
public struct Exclusion: Sendable, Hashable {
    public var children: [MatchExpression]
    /// Within this many words of the match; when nil, anywhere in its sentence(s).
    public var within: Int?
    public var polarity: Polarity?

    public init(_ children: [MatchExpression], within: Int? = nil, polarity: Polarity? = nil) {
        self.children = children
        self.within = within
        self.polarity = polarity
    }
}

/// A match expression over terms and concepts.
public indirect enum MatchExpression: Sendable, Hashable {
    case term(TermPattern)
    case concept(ConceptReference)
    case any([MatchExpression], polarity: Polarity?)
    case all(AllOf)

    /// Every concept id this expression refers to, with where.
    public var conceptReferences: [ConceptReference] {
        switch self {
        case .term: return []
        case .concept(let reference): return [reference]
        case .any(let children, _): return children.flatMap(\.conceptReferences)
        case .all(let all):
            return all.children.flatMap(\.conceptReferences)
                + all.without.flatMap { $0.children.flatMap(\.conceptReferences) }
        }
    }

    /// Every term written directly in this expression.
    public var terms: [TermPattern] {
        switch self {
        case .term(let term): return [term]
        case .concept: return []
        case .any(let children, _): return children.flatMap(\.terms)
        case .all(let all):
            return all.children.flatMap(\.terms) + all.without.flatMap { $0.children.flatMap(\.terms) }
        }
    }
}
