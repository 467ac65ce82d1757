/// `error`: plainly false. `caution`: an overstatement worth a teacher's look.
public enum Severity: String, Sendable, Hashable {
    case error, caution
}

/// A check against the fact base, driven by data rather than one rule per name.
public enum FactCheck: Sendable, Hashable {
    /// A person named with a role they did not hold at the time. `person` or `role`
    /// narrow it to one person or one role; neither means any.
    case role(person: String?, role: String?)
    /// An event given a year it did not happen in; `event` narrows it to one event.
    case date(event: String?)
}

/// A factual slip: a statement that contradicts the record.
public struct Slip: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var message: String
    public var correction: String
    /// The citation text (resolved from the fact base when given by `ref`).
    public var source: String
    public var checks: [FactCheck]
    /// The slip triggers when any of these matches (an empty list means fact checks only).
    public var match: [MatchExpression]
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(
        id: String, severity: Severity, message: String, correction: String, source: String,
        checks: [FactCheck] = [], match: [MatchExpression] = [], examples: [RuleExample] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.correction = correction
        self.source = source
        self.checks = checks
        self.match = match
        self.examples = examples
        self.location = location
    }
}
