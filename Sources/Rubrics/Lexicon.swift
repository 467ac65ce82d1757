/// Pronouns that may stand for a concept: "he" for a leader, "they" for a side.
public enum PronounClass: String, Sendable, Hashable, CaseIterable {
    case he, she, they, it
}

/// A synonym group that match expressions refer to by id.
public struct Concept: Sendable, Hashable {
    public var id: String
    public var terms: [TermPattern]
    /// Concepts whose terms also count as this one.
    public var includes: [String]
    /// Longer phrases that contain a term but mean something else ("Robert Kennedy").
    public var exceptions: [TermPattern]
    public var refer: Set<PronounClass>
    public var location: SourceLocation

    public init(
        id: String, terms: [TermPattern], includes: [String] = [], exceptions: [TermPattern] = [],
        refer: Set<PronounClass> = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.terms = terms
        self.includes = includes
        self.exceptions = exceptions
        self.refer = refer
        self.location = location
    }
}
