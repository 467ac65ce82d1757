import Rubrics

/// A question's score and level, as its rubric's levels say.
enum Scoring {
    static func score(_ rubric: Rubric, points: [PointResult]) -> (score: Double, level: Level?) {
        let met = points.filter { $0.status == .met }
        let raw = met.reduce(0) { $0 + $1.weight }
        // Bonus points make up for missed core points, never beyond the core total.
        let pointsScore = min(raw, rubric.coreWeight)
        let coreMet = met.filter { $0.kind == .core }.count
        let level = rubric.levels.first { pointsScore >= $0.minScore && coreMet >= $0.minCore }
        switch rubric.scoreBasis {
        case .points: return (rounded(pointsScore), level)
        case .level: return (Double(level?.mark ?? 0), level)
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
