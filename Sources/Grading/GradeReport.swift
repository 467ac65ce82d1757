import Rubrics

/// The text that proves a met point or shows a slip.
public struct Evidence: Sendable, Hashable {
    /// 0-based index of the sentence where the evidence starts.
    public var sentence: Int
    /// UTF-8 byte offsets into the essay text.
    public var byteRange: Range<Int>
    /// The matched words, as written.
    public var text: String
    /// The whole sentence (or two, for a point that spans adjacent sentences).
    public var sentenceText: String
    public var sentenceByteRange: Range<Int>

    public init(sentence: Int, byteRange: Range<Int>, text: String, sentenceText: String, sentenceByteRange: Range<Int>) {
        self.sentence = sentence
        self.byteRange = byteRange
        self.text = text
        self.sentenceText = sentenceText
        self.sentenceByteRange = sentenceByteRange
    }
}

public enum PointStatus: String, Sendable {
    case met, missed
}

public struct PointResult: Sendable, Hashable {
    public var id: String
    public var kind: PointKind
    public var weight: Double
    public var description: String
    public var feedback: String
    public var status: PointStatus
    /// Present when met.
    public var evidence: Evidence?

    public init(id: String, kind: PointKind, weight: Double, description: String, feedback: String,
                status: PointStatus, evidence: Evidence? = nil) {
        self.id = id
        self.kind = kind
        self.weight = weight
        self.description = description
        self.feedback = feedback
        self.status = status
        self.evidence = evidence
    }
}

public struct QuestionResult: Sendable, Hashable {
    public var id: String
    public var title: String
    public var question: String
    public var score: Double
    public var maximum: Double
    public var level: Level?
    public var points: [PointResult]

    public init(id: String, title: String, question: String, score: Double, maximum: Double, level: Level?, points: [PointResult]) {
        self.id = id
        self.title = title
        self.question = question
        self.score = score
        self.maximum = maximum
        self.level = level
        self.points = points
    }

    public var coreMet: Int { points.filter { $0.kind == .core && $0.status == .met }.count }
}

public struct SlipFinding: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    /// What is wrong, for a student.
    public var message: String
    public var correction: String
    public var source: String
    public var evidence: Evidence

    public init(id: String, severity: Severity, message: String, correction: String, source: String, evidence: Evidence) {
        self.id = id
        self.severity = severity
        self.message = message
        self.correction = correction
        self.source = source
        self.evidence = evidence
    }
}

/// Everything known about one graded essay: the report contract every format carries.
public struct GradeReport: Sendable {
    /// The essay's name as given (usually its file name).
    public var essay: String
    public var rubricSetID: String
    public var rubricSetTitle: String
    public var wordCount: Int
    public var questions: [QuestionResult]
    public var slips: [SlipFinding]
    /// Notes about the input, such as invalid UTF-8 that was replaced.
    public var warnings: [String]
    /// The essay text the offsets refer to.
    public var text: String

    public init(essay: String, rubricSetID: String, rubricSetTitle: String, wordCount: Int, questions: [QuestionResult],
                slips: [SlipFinding], warnings: [String] = [], text: String) {
        self.essay = essay
        self.rubricSetID = rubricSetID
        self.rubricSetTitle = rubricSetTitle
        self.wordCount = wordCount
        self.questions = questions
        self.slips = slips
        self.warnings = warnings
        self.text = text
    }

    public var score: Double { questions.reduce(0) { $0 + $1.score } }
    public var maximum: Double { questions.reduce(0) { $0 + $1.maximum } }
    public var percentage: Double { maximum > 0 ? (score / maximum * 1000).rounded() / 10 : 0 }

    public var metPoints: [PointResult] { questions.flatMap(\.points).filter { $0.status == .met } }
    public var errors: [SlipFinding] { slips.filter { $0.severity == .error } }
    public var cautions: [SlipFinding] { slips.filter { $0.severity == .caution } }
}
