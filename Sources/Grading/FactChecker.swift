import Rubrics
import TextAnalysis

/// A statement that contradicts the fact base, and what to say about it.
struct FactViolation {
    var span: Span
    /// Values for the slip's message and correction placeholders: {person}, {claimed},
    /// {held}, {event}, {year}, {date}.
    var details: [String: String]
}

/// Checks an essay against the fact base: people given roles they did not hold,
/// events given years they did not happen in. Driven by the data, not by one rule per name.
struct FactChecker {
    let compiled: CompiledRubricSet
    let index: EssayIndex
    let forms: FormTable

    init(compiled: CompiledRubricSet, index: EssayIndex, forms: FormTable) {
        self.compiled = compiled
        self.index = index
        self.forms = forms
    }

    /// Every place the essay breaks `check`, for the slip at `slipIndex`.
    mutating func violations(of check: FactCheck, slipIndex: Int) -> [FactViolation] {
        []
    }
}
