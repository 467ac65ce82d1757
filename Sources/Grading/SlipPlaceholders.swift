import Rubrics

/// Fills `{person}`, `{claimed}`, `{held}`, `{event}`, `{year}` and `{date}` in a slip's
/// message and correction. Text without placeholders stays as written.
enum SlipPlaceholders {
    static let names: Set<String> = ["person", "claimed", "held", "event", "year", "date"]

    /// Replaces each known `{name}` that has a value; anything else stays as written.
    static func fill(_ text: String, with values: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if names.contains(name), let value = values[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Values known from the slip's own checks, for a finding its pattern made: the person
    /// or event it names and the event's date.
    static func defaults(for slip: Slip, facts: FactBase?) -> [String: String] {
        guard let facts else { return [:] }
        var values: [String: String] = [:]
        for check in slip.checks {
            switch check {
            case .role(let person, _):
                if let person, let found = facts.people.first(where: { $0.id == person }) {
                    values["person"] = values["person"] ?? found.name
                }
            case .date(let event):
                if let event, let found = facts.events.first(where: { $0.id == event }) {
                    values["event"] = values["event"] ?? found.name
                    values["date"] = values["date"] ?? FactDateText.describe(found.period)
                }
            }
        }
        return values
    }
}
