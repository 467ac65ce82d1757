import Grading
import Rubrics

/// One essay in a class summary: its scores and counts, without its text, points or
/// evidence, so a summary of 50,000 essays fits in a few megabytes.
public struct ClassRow: Sendable, Hashable {
    public struct QuestionScore: Sendable, Hashable {
        public var id: String
        public var score: Double
    }

    public var essay: String
    /// Given name, or the file name without folder and extension.
    public var student: String
    /// A learning platform's user id, when known.
    public var platformID: String
    /// Relative link to the essay's HTML report, if there is one.
    public var link: String?
    public var rubricSetTitle: String
    public var score: Double
    public var maximum: Double
    public var percentage: Double
    public var questions: [QuestionScore]
    public var errors: Int
    public var cautions: Int
    public var words: Int

    public init(_ report: GradeReport, student: String? = nil, platformID: String? = nil, link: String? = nil) {
        essay = report.essay
        let given = student?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.student = given.isEmpty ? CSVSummaryRenderer.studentName(fromFile: report.essay) : (student ?? given)
        self.platformID = platformID ?? ""
        self.link = link
        rubricSetTitle = report.rubricSetTitle.isEmpty ? report.rubricSetID : report.rubricSetTitle
        score = report.score
        maximum = report.maximum
        percentage = report.percentage
        questions = report.questions.map { QuestionScore(id: $0.id, score: $0.score) }
        errors = report.errors.count
        cautions = report.cautions.count
        words = report.wordCount
    }
}

/// Running counts over a class: how many essays met each point, how often each slip
/// was made. Add reports one at a time; nothing of an essay is kept but the counts.
public struct ClassTally: Sendable {
    private var pointOrder: [String] = []
    private var questionOrder: [String] = []
    private var pointStats: [String: ClassStatistics.PointStat] = [:]
    private var slipStats: [String: ClassStatistics.SlipStat] = [:]

    public init() {}

    public mutating func add(_ report: GradeReport) {
        for question in report.questions {
            if !questionOrder.contains(question.id) { questionOrder.append(question.id) }
            for point in question.points {
                let key = question.id + "\u{0}" + point.id
                if pointStats[key] == nil {
                    pointOrder.append(key)
                    pointStats[key] = ClassStatistics.PointStat(
                        questionID: question.id, questionTitle: question.title, pointID: point.id,
                        description: point.description, kind: point.kind, met: 0, graded: 0)
                }
                pointStats[key]!.graded += 1
                if point.status == .met { pointStats[key]!.met += 1 }
            }
        }
        var seen = Set<String>()
        for slip in report.slips {
            if slipStats[slip.id] == nil {
                slipStats[slip.id] = ClassStatistics.SlipStat(id: slip.id, severity: slip.severity, message: slip.message,
                                                              correction: slip.correction, essays: 0, occurrences: 0)
            }
            slipStats[slip.id]!.occurrences += 1
            if seen.insert(slip.id).inserted { slipStats[slip.id]!.essays += 1 }
        }
    }

    /// Per point, grouped by question (in order of first appearance), in rubric order.
    public var points: [ClassStatistics.PointStat] {
        questionOrder.flatMap { questionID in
            pointOrder.compactMap { pointStats[$0] }.filter { $0.questionID == questionID }
        }
    }

    /// Most common first (by essays, then occurrences, then id): the same whatever order
    /// the reports came in.
    public var slips: [ClassStatistics.SlipStat] {
        slipStats.values.sorted { ($1.essays, $1.occurrences, $0.id) < ($0.essays, $0.occurrences, $1.id) }
    }
}

/// Builds `summary.csv` and `summary.html` from reports added one at a time (in any
/// order, each with its position), keeping only a `ClassRow` per essay and the tally.
public struct ClassSummaryBuilder: Sendable {
    private var rows: [(index: Int, row: ClassRow)] = []
    private var tally = ClassTally()

    public init() {}

    public mutating func add(_ report: GradeReport, at index: Int, student: String? = nil, platformID: String? = nil,
                             link: String? = nil) {
        rows.append((index, ClassRow(report, student: student, platformID: platformID, link: link)))
        tally.add(report)
    }

    /// The rows in the order of their positions.
    public var orderedRows: [ClassRow] { rows.sorted { $0.index < $1.index }.map(\.row) }

    public func csv(byteOrderMark: Bool = true) -> String {
        CSVSummaryRenderer.render(rows: orderedRows, byteOrderMark: byteOrderMark)
    }

    public func html() -> String {
        HTMLSummaryRenderer.render(rows: orderedRows, statistics: ClassStatistics(rows: orderedRows, tally: tally))
    }
}
