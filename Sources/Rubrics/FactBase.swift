/// A date known to a year, a month or a day.
public struct FactDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `1962`, `1962-10` or `1962-10-28`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        year = parts[0]!
        month = parts.count > 1 ? parts[1] : nil
        day = parts.count > 2 ? parts[2] : nil
    }

    /// Days since year 0 of the first day this date may mean (a month means its 1st).
    public var earliestOrdinal: Int { Self.ordinal(year, month ?? 1, day ?? 1) }
    /// Days since year 0 of the last day this date may mean (a month means its last day).
    public var latestOrdinal: Int { Self.ordinal(year, month ?? 12, day ?? 31) }

    static func ordinal(_ year: Int, _ month: Int, _ day: Int) -> Int { year * 372 + (month - 1) * 31 + (day - 1) }

    public static func < (lhs: FactDate, rhs: FactDate) -> Bool { lhs.earliestOrdinal < rhs.earliestOrdinal }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }
}

/// A span of time from one fact date to another, both included.
public struct FactPeriod: Sendable, Hashable {
    public var from: FactDate
    public var to: FactDate

    public init(from: FactDate, to: FactDate) {
        self.from = from
        self.to = to
    }

    public func contains(year: Int) -> Bool { from.year <= year && year <= to.year }

    public func overlaps(_ other: FactPeriod) -> Bool {
        from.earliestOrdinal <= other.to.latestOrdinal && other.from.earliestOrdinal <= to.latestOrdinal
    }
}

/// A citable source.
public struct FactSource: Sendable, Hashable {
    public var id: String
    public var text: String
    public var url: String?

    public init(id: String, text: String, url: String? = nil) {
        self.id = id
        self.text = text
        self.url = url
    }
}

/// A post a person can hold ("Secretary of Defense"), named in essays by a concept's terms.
public struct Role: Sendable, Hashable {
    public var id: String
    public var name: String
    public var concept: String
    /// A wider role this is a kind of: `us-president` is a kind of `president`.
    public var broader: String?
    public var location: SourceLocation

    public init(id: String, name: String, concept: String, broader: String? = nil, location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.name = name
        self.concept = concept
        self.broader = broader
        self.location = location
    }
}

/// A role held for a period.
public struct RoleTenure: Sendable, Hashable {
    public var role: String
    public var period: FactPeriod

    public init(role: String, period: FactPeriod) {
        self.role = role
        self.period = period
    }
}

public struct Person: Sendable, Hashable {
    public var id: String
    public var name: String
    public var concept: String
    public var held: [RoleTenure]
    public var location: SourceLocation

    public init(id: String, name: String, concept: String, held: [RoleTenure], location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.name = name
        self.concept = concept
        self.held = held
        self.location = location
    }
}

/// Something that happened, recognised in essays by a match expression.
public struct Event: Sendable, Hashable {
    public var id: String
    public var name: String
    public var period: FactPeriod
    public var match: [MatchExpression]
    public var location: SourceLocation

    public init(id: String, name: String, period: FactPeriod, match: [MatchExpression], location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.name = name
        self.period = period
        self.match = match
        self.location = location
    }
}

/// People, roles and events with dates: what fact checks compare essays against.
public struct FactBase: Sendable, Hashable {
    public var focusName: String
    /// The time an essay is about unless a sentence says otherwise.
    public var focus: FactPeriod
    public var sources: [FactSource]
    public var roles: [Role]
    public var people: [Person]
    public var events: [Event]

    public init(
        focusName: String, focus: FactPeriod, sources: [FactSource] = [], roles: [Role] = [],
        people: [Person] = [], events: [Event] = []
    ) {
        self.focusName = focusName
        self.focus = focus
        self.sources = sources
        self.roles = roles
        self.people = people
        self.events = events
    }
}
