/// Checks a schema cannot make: unique ids, references that resolve, include
/// cycles, rules without examples, levels that every essay can reach.
public enum RubricLint {
    /// Every problem found in `set`. With `resolvingReferences` false (one file checked
    /// on its own), references to things defined in other files are not checked.
    public static func check(_ set: RubricSet, resolvingReferences: Bool = true) -> [RubricProblem] {
        var problems: [RubricProblem] = []
        checkUniqueIDs(set, &problems)
        checkExamples(set, &problems)
        checkLevels(set, &problems)
        checkExpressions(set, &problems)
        if resolvingReferences {
            checkReferences(set, &problems)
            checkIncludeCycles(set, &problems)
        }
        return problems
    }

    // MARK: - Ids

    private static func checkUniqueIDs(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        func unique(_ kind: String, _ items: [(id: String, location: SourceLocation)]) {
            var first: [String: SourceLocation] = [:]
            for item in items {
                if let earlier = first[item.id] {
                    problems.append(RubricProblem(item.location, "duplicate \(kind) id '\(item.id)' (first defined at \(earlier))"))
                } else {
                    first[item.id] = item.location
                }
            }
        }
        unique("rubric", set.rubrics.map { ($0.id, $0.location) })
        unique("point", set.points.map { ($0.id, $0.location) })
        unique("slip", set.slips.map { ($0.id, $0.location) })
        unique("concept", set.concepts.map { ($0.id, $0.location) })
        if let facts = set.facts {
            unique("person", facts.people.map { ($0.id, $0.location) })
            unique("role", facts.roles.map { ($0.id, $0.location) })
            unique("event", facts.events.map { ($0.id, $0.location) })
        }
    }

    // MARK: - Examples

    private static func checkExamples(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        func check(_ what: String, _ id: String, _ examples: [RuleExample], at location: SourceLocation) {
            if !examples.contains(where: \.expectsMatch) {
                problems.append(RubricProblem(location, "\(what) \(id) has no <example> that must match"))
            }
            if !examples.contains(where: { !$0.expectsMatch }) {
                problems.append(RubricProblem(location, "\(what) \(id) has no <counterexample> that must not match"))
            }
            for example in examples where example.expectsMatch && example.mark == nil {
                problems.append(RubricProblem(example.location, "mark the expected evidence in this example with <m>...</m>"))
            }
            for example in examples where example.expectsMatch {
                if let mark = example.mark, mark.isEmpty {
                    problems.append(RubricProblem(example.location, "the <m> span in this example is empty"))
                }
            }
        }
        for point in set.points { check("point", point.id, point.examples, at: point.location) }
        for slip in set.slips { check("slip", slip.id, slip.examples, at: slip.location) }
    }

    // MARK: - Levels

    private static func checkLevels(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        for rubric in set.rubrics {
            if !rubric.levels.contains(where: { $0.minScore <= 0 && $0.minCore == 0 }) {
                problems.append(RubricProblem(rubric.location,
                    "rubric \(rubric.id) needs a level with min-score=\"0\" (and no min-core) so that every essay gets one"))
            }
            let coreCount = rubric.points.filter { $0.kind == .core }.count
            for level in rubric.levels {
                if level.minCore > coreCount {
                    problems.append(RubricProblem(rubric.location,
                        "level '\(level.name)' asks for \(level.minCore) core points but rubric \(rubric.id) has \(coreCount)"))
                }
                if rubric.scoreBasis == .points, level.minScore > rubric.coreWeight {
                    problems.append(RubricProblem(rubric.location,
                        "level '\(level.name)' needs a score of \(level.minScore), above the most rubric \(rubric.id) can score (\(rubric.coreWeight))"))
                }
            }
            var marks = Set<Int>()
            for level in rubric.levels where !marks.insert(level.mark).inserted {
                problems.append(RubricProblem(rubric.location, "two levels of rubric \(rubric.id) share mark \(level.mark)"))
            }
            if !rubric.points.contains(where: { $0.kind == .core }) {
                problems.append(RubricProblem(rubric.location, "rubric \(rubric.id) has no core point, so it cannot score"))
            }
        }
    }

    // MARK: - Expressions

    private static func checkExpressions(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        func visit(_ expression: MatchExpression) {
            switch expression {
            case .term, .concept: break
            case .any(let children, _): children.forEach(visit)
            case .all(let all):
                if let within = all.within, within < all.children.count {
                    problems.append(RubricProblem(all.location,
                        "within=\"\(within)\" is fewer words than the \(all.children.count) things that must fit in it"))
                }
                all.children.forEach(visit)
                all.without.forEach { $0.children.forEach(visit) }
            }
        }
        for point in set.points {
            if point.match.isEmpty { problems.append(RubricProblem(point.location, "point \(point.id) has an empty <match>")) }
            point.match.forEach(visit)
        }
        for slip in set.slips {
            if slip.match.isEmpty && slip.checks.isEmpty {
                problems.append(RubricProblem(slip.location, "slip \(slip.id) needs a <match> or a <check>"))
            }
            slip.match.forEach(visit)
        }
        set.facts?.events.forEach { $0.match.forEach(visit) }
    }

    // MARK: - References

    private static func checkReferences(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        let concepts = Set(set.concepts.map(\.id))
        func checkConcepts(in expressions: [MatchExpression]) {
            for reference in expressions.flatMap(\.conceptReferences) where !concepts.contains(reference.id) {
                problems.append(RubricProblem(reference.location, "undefined concept '\(reference.id)'"))
            }
        }
        for concept in set.concepts {
            for include in concept.includes where !concepts.contains(include) {
                problems.append(RubricProblem(concept.location, "concept \(concept.id) includes undefined concept '\(include)'"))
            }
        }
        set.points.forEach { checkConcepts(in: $0.match) }
        set.slips.forEach { checkConcepts(in: $0.match) }

        let facts = set.facts
        let people = Set(facts?.people.map(\.id) ?? [])
        let roles = Set(facts?.roles.map(\.id) ?? [])
        let events = Set(facts?.events.map(\.id) ?? [])
        if let facts {
            facts.events.forEach { checkConcepts(in: $0.match) }
            for role in facts.roles {
                if !concepts.contains(role.concept) {
                    problems.append(RubricProblem(role.location, "role \(role.id) names undefined concept '\(role.concept)'"))
                }
                if let broader = role.broader, !roles.contains(broader) {
                    problems.append(RubricProblem(role.location, "role \(role.id) is a kind of undefined role '\(broader)'"))
                }
            }
            for person in facts.people {
                if !concepts.contains(person.concept) {
                    problems.append(RubricProblem(person.location, "person \(person.id) names undefined concept '\(person.concept)'"))
                }
                for tenure in person.held where !roles.contains(tenure.role) {
                    problems.append(RubricProblem(person.location, "person \(person.id) held undefined role '\(tenure.role)'"))
                }
            }
        }
        for slip in set.slips {
            for check in slip.checks {
                switch check {
                case .role(let person, let role):
                    if facts == nil {
                        problems.append(RubricProblem(slip.location, "slip \(slip.id) checks roles but the set has no fact base"))
                    }
                    if let person, !people.contains(person) {
                        problems.append(RubricProblem(slip.location, "slip \(slip.id) checks undefined person '\(person)'"))
                    }
                    if let role, !roles.contains(role) {
                        problems.append(RubricProblem(slip.location, "slip \(slip.id) checks undefined role '\(role)'"))
                    }
                case .date(let event):
                    if facts == nil {
                        problems.append(RubricProblem(slip.location, "slip \(slip.id) checks dates but the set has no fact base"))
                    }
                    if let event, !events.contains(event) {
                        problems.append(RubricProblem(slip.location, "slip \(slip.id) checks undefined event '\(event)'"))
                    }
                }
            }
        }
    }

    /// A concept that includes itself, directly or through others, has no finite meaning.
    private static func checkIncludeCycles(_ set: RubricSet, _ problems: inout [RubricProblem]) {
        let byID = Dictionary(set.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ id: String, path: [String]) {
            guard let concept = byID[id] else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = (path.drop(while: { $0 != id }) + [id]).joined(separator: " -> ")
                if reported.insert(id).inserted {
                    problems.append(RubricProblem(concept.location, "concepts include each other in a cycle: \(cycle)"))
                }
                return
            }
            state[id] = 1
            for include in concept.includes { visit(include, path: path + [id]) }
            state[id] = 2
        }
        for concept in set.concepts { visit(concept.id, path: []) }
    }
}
