import Rubrics

/// Gold labels for one essay: `point <id>` and `slip <id>` lines; `#` starts a comment.
public struct EssayLabels: Sendable, Hashable {
    public var points: Set<String>
    public var slips: Set<String>

    public init(points: Set<String> = [], slips: Set<String> = []) {
        self.points = points
        self.slips = slips
    }

    /// A line that is neither a comment, blank, `point ID` nor `slip ID`.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var text: String
        public var description: String { "line \(line): expected 'point <id>' or 'slip <id>', found '\(text)'" }
    }

    public init(parsing text: String) throws(ParseError) {
        var points = Set<String>()
        var slips = Set<String>()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: " \t\r")
            if line.isEmpty { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2 else { throw ParseError(line: number + 1, text: String(rawLine)) }
            switch words[0] {
            case "point": points.insert(String(words[1]))
            case "slip": slips.insert(String(words[1]))
            default: throw ParseError(line: number + 1, text: String(rawLine))
            }
        }
        self.points = points
        self.slips = slips
    }
}

/// Counts of agreement with gold labels, and the measures made of them.
public struct AgreementCounts: Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// 1 when nothing was predicted (no false claim was made).
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// 1 when there was nothing to find.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    mutating func add(predicted: Set<String>, gold: Set<String>) {
        truePositives += predicted.intersection(gold).count
        falsePositives += predicted.subtracting(gold).count
        falseNegatives += gold.subtracting(predicted).count
    }
}

/// How one essay's grading differed from its labels.
public struct EssayDisagreement: Sendable, Hashable {
    public var essay: String
    /// Labelled but not found.
    public var missedPoints: [String]
    /// Found but not labelled.
    public var extraPoints: [String]
    public var missedSlips: [String]
    public var extraSlips: [String]
    /// For each extra point or slip, the sentence that triggered it.
    public var extraEvidence: [String: String] = [:]

    public var isEmpty: Bool { missedPoints.isEmpty && extraPoints.isEmpty && missedSlips.isEmpty && extraSlips.isEmpty }
}

/// Precision, recall and F1 of a grader against labelled essays.
public struct EvaluationResult: Sendable {
    public var essays: Int
    public var points = AgreementCounts()
    public var slips = AgreementCounts()
    public var errorSlips = AgreementCounts()
    public var cautionSlips = AgreementCounts()
    public var byPoint: [String: AgreementCounts] = [:]
    public var bySlip: [String: AgreementCounts] = [:]
    public var disagreements: [EssayDisagreement] = []
    /// Label ids the rubric set does not define (typos in a labels file).
    public var unknownLabels: [String] = []
}

public enum GradingEvaluation {
    /// Grades each essay and compares with its labels.
    public static func evaluate(
        _ grader: Grader, essays: [(name: String, text: String, labels: EssayLabels)]
    ) -> EvaluationResult {
        let session = grader.makeSession()
        let pointIDs = Set(grader.set.points.map(\.id))
        let severities = Dictionary(grader.set.slips.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        var result = EvaluationResult(essays: essays.count)
        var unknown = Set<String>()
        for essay in essays {
            let report = session.grade(essay.text, essay: essay.name)
            let foundPoints = Set(report.metPoints.map(\.id))
            let foundSlips = Set(report.slips.map(\.id))
            unknown.formUnion(essay.labels.points.subtracting(pointIDs))
            unknown.formUnion(essay.labels.slips.filter { severities[$0] == nil })

            result.points.add(predicted: foundPoints, gold: essay.labels.points)
            result.slips.add(predicted: foundSlips, gold: essay.labels.slips)
            for severity in [Severity.error, .caution] {
                let predicted = foundSlips.filter { severities[$0] == severity }
                let gold = essay.labels.slips.filter { severities[$0] == severity }
                if severity == .error { result.errorSlips.add(predicted: predicted, gold: gold) }
                else { result.cautionSlips.add(predicted: predicted, gold: gold) }
            }
            for id in pointIDs {
                result.byPoint[id, default: AgreementCounts()].add(
                    predicted: foundPoints.contains(id) ? [id] : [], gold: essay.labels.points.contains(id) ? [id] : [])
            }
            for id in severities.keys {
                result.bySlip[id, default: AgreementCounts()].add(
                    predicted: foundSlips.contains(id) ? [id] : [], gold: essay.labels.slips.contains(id) ? [id] : [])
            }
            let disagreement = EssayDisagreement(
                essay: essay.name,
                missedPoints: essay.labels.points.subtracting(foundPoints).sorted(),
                extraPoints: foundPoints.subtracting(essay.labels.points).sorted(),
                missedSlips: essay.labels.slips.subtracting(foundSlips).sorted(),
                extraSlips: foundSlips.subtracting(essay.labels.slips).sorted()
            )
            var explained = disagreement
            for point in report.metPoints where disagreement.extraPoints.contains(point.id) {
                explained.extraEvidence[point.id] = point.evidence?.sentenceText
            }
            for slip in report.slips where disagreement.extraSlips.contains(slip.id) {
                explained.extraEvidence[slip.id] = slip.evidence.sentenceText
            }
            if !disagreement.isEmpty { result.disagreements.append(explained) }
        }
        result.unknownLabels = unknown.sorted()
        return result
    }
}

private extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
