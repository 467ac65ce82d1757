/// Core points are expected in a good answer; bonus points add depth.
public enum PointKind: String, Sendable, Hashable {
    case core, bonus
}

/// One idea an answer should make, how to recognise it, and the examples that prove it.
public struct Point: Sendable, Hashable {
    public var id: String
    public var kind: PointKind
    public var weight: Double
    public var description: String
    /// Shown to a student who missed the point.
    public var feedback: String
    /// The point is met when any of these matches.
    public var match: [MatchExpression]
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(
        id: String, kind: PointKind, weight: Double = 1, description: String, feedback: String,
        match: [MatchExpression], examples: [RuleExample] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.kind = kind
        self.weight = weight
        self.description = description
        self.feedback = feedback
        self.match = match
        self.examples = examples
        self.location = location
    }
}

/// A named band of achievement, reached at a minimum score and number of core points.
public struct Level: Sendable, Hashable {
    public var name: String
    public var mark: Int
    public var minScore: Double
    public var minCore: Int

    public init(name: String, mark: Int, minScore: Double, minCore: Int = 0) {
        self.name = name
        self.mark = mark
        self.minScore = minScore
        self.minCore = minCore
    }
}

/// What a question's score is: the weights of its met points, or its level's mark.
public enum ScoreBasis: String, Sendable, Hashable {
    case points, level
}

/// One question of an assignment.
public struct Rubric: Sendable, Hashable {
    public var id: String
    public var title: String
    public var question: String
    /// Best first.
    public var levels: [Level]
    public var scoreBasis: ScoreBasis
    public var points: [Point]
    public var location: SourceLocation

    public init(
        id: String, title: String, question: String, levels: [Level], scoreBasis: ScoreBasis = .points,
        points: [Point], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.title = title
        self.question = question
        self.levels = levels.sorted { $0.minScore > $1.minScore || ($0.minScore == $1.minScore && $0.mark > $1.mark) }
        self.scoreBasis = scoreBasis
        self.points = points
        self.location = location
    }

    /// Sum of core weights (bonus points can make up for missed core points, not exceed this).
    public var coreWeight: Double {
        points.filter { $0.kind == .core }.reduce(0) { $0 + $1.weight }
    }

    /// The most a question can score.
    public var maximumScore: Double {
        switch scoreBasis {
        case .points: return coreWeight
        case .level: return Double(levels.map(\.mark).max() ?? 0)
        }
    }
}
