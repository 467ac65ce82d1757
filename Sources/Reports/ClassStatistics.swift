import Grading
import Rubrics

/// What a batch of reports says about a class: scores, how many met each point,
/// which slips were common. Computed once; the class summary renders it.
public struct ClassStatistics: Sendable {
    /// How many students met one point.
    public struct PointStat: Sendable, Hashable {
        public var questionID: String
        public var questionTitle: String
        public var pointID: String
        public var description: String
        public var kind: PointKind
        /// Essays that met the point.
        public var met: Int
        /// Essays graded on the point.
        public var graded: Int

        /// Met as a percentage of graded (0 when none were graded), one decimal.
        public var percentage: Double { graded > 0 ? (Double(met) / Double(graded) * 1000).rounded() / 10 : 0 }
    }

    /// How often one slip was made.
    public struct SlipStat: Sendable, Hashable {
        public var id: String
        public var severity: Severity
        public var message: String
        public var correction: String
        /// Essays with the slip at least once.
        public var essays: Int
        /// Findings in all essays.
        public var occurrences: Int
    }

    public var count: Int
    /// Mean and median of the essays' percentages (0 for an empty class).
    public var meanPercentage: Double
    public var medianPercentage: Double
    /// Mean and median score; `maximum` is the common maximum, nil when essays differ.
    public var meanScore: Double
    public var medianScore: Double
    public var maximum: Double?
    /// Essays per 10-point band of percentage: 0–9, 10–19, …, 90–100 (100 is in the last).
    public var histogram: [Int]
    /// Per point, grouped by question, in rubric order.
    public var points: [PointStat]
    /// Most common first (by essays, then occurrences, then id).
    public var slips: [SlipStat]

    public init(_ reports: [GradeReport]) {
        var tally = ClassTally()
        for report in reports { tally.add(report) }
        self.init(rows: reports.map { ClassRow($0) }, tally: tally)
    }

    public init(rows: [ClassRow], tally: ClassTally) {
        count = rows.count
        let percentages = rows.map(\.percentage)
        let scores = rows.map(\.score)
        meanPercentage = Self.mean(percentages)
        medianPercentage = Self.median(percentages)
        meanScore = Self.mean(scores)
        medianScore = Self.median(scores)
        let maxima = Set(rows.map(\.maximum))
        maximum = maxima.count == 1 ? maxima.first : nil
        histogram = Array(repeating: 0, count: 10)
        for percentage in percentages { histogram[Self.bin(percentage)] += 1 }
        points = tally.points
        slips = tally.slips
    }

    /// The histogram band of a percentage: 0 for 0–9.9, …, 9 for 90–100.
    public static func bin(_ percentage: Double) -> Int {
        guard percentage.isFinite else { return 0 }
        return min(9, max(0, Int((percentage / 10).rounded(.down))))
    }

    /// The label of a band: "0–9", …, "90–100".
    public static func binLabel(_ bin: Int) -> String {
        bin == 9 ? "90–100" : "\(bin * 10)–\(bin * 10 + 9)"
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
