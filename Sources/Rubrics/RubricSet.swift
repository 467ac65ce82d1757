import Foundation

/// A prompt's complete marking scheme: question rubrics, lexicon, facts and slips.
public struct RubricSet: Sendable, Hashable {
    public var id: String
    public var title: String
    public var prompt: String
    public var rubrics: [Rubric]
    /// The lexicon's concepts and those defined inside rubrics.
    public var concepts: [Concept]
    public var facts: FactBase?
    public var slips: [Slip]
    /// The files that make up the set, as displayed in messages.
    public var files: [String]

    public init(
        id: String, title: String, prompt: String, rubrics: [Rubric], concepts: [Concept],
        facts: FactBase? = nil, slips: [Slip] = [], files: [String] = []
    ) {
        self.id = id
        self.title = title
        self.prompt = prompt
        self.rubrics = rubrics
        self.concepts = concepts
        self.facts = facts
        self.slips = slips
        self.files = files
    }

    public var points: [Point] { rubrics.flatMap(\.points) }
}
