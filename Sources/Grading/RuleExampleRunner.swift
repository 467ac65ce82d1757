import Rubrics
import TextAnalysis

/// An example that did not behave as its rubric says.
public struct RuleExampleFailure: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    /// "point outcome.soviet-withdrawal" or "slip mcnamara-title".
    public var rule: String
    public var variant: NoiseVariant
    public var message: String

    public var description: String {
        "\(location): \(rule)" + (variant == .asWritten ? "" : " (\(variant.label))") + ": \(message)"
    }
}

/// What running a set's examples found.
public struct RuleExampleReport: Sendable {
    public var examples: Int
    public var runs: Int
    public var failures: [RuleExampleFailure]
}

/// Runs every example of every point and slip, each as written and again with noise
/// that must not change the result: the same match, at the same evidence span.
public enum RuleExampleRunner {
    public static func run(_ grader: Grader, variants: [NoiseVariant] = NoiseVariant.allCases) -> RuleExampleReport {
        let session = grader.makeSession()
        var report = RuleExampleReport(examples: 0, runs: 0, failures: [])
        for (index, point) in grader.compiled.points.enumerated() {
            for example in point.point.examples {
                report.examples += 1
                for variant in variants {
                    report.runs += 1
                    let noisy = variant.apply(to: example)
                    let evidence = session.firstMatch(ofPoint: index, in: session.makeIndex(session.analyzer.analyze(noisy.text)))
                    if let failure = judge(example, noisy, found: evidence.map { [$0] } ?? [], rule: "point \(point.point.id)", variant) {
                        report.failures.append(failure)
                    }
                }
            }
        }
        for (index, slip) in grader.compiled.slips.enumerated() {
            for example in slip.slip.examples {
                report.examples += 1
                for variant in variants {
                    report.runs += 1
                    let noisy = variant.apply(to: example)
                    let findings = session.findSlips(session.makeIndex(session.analyzer.analyze(noisy.text)), only: index)
                    if let failure = judge(example, noisy, found: findings.map(\.evidence), rule: "slip \(slip.slip.id)", variant) {
                        report.failures.append(failure)
                    }
                }
            }
        }
        return report
    }

    /// Nil when the example behaved: a match at exactly the marked span, or no match.
    private static func judge(
        _ example: RuleExample, _ noisy: NoiseVariant.NoisyExample, found: [Evidence], rule: String, _ variant: NoiseVariant
    ) -> RuleExampleFailure? {
        func failure(_ message: String) -> RuleExampleFailure {
            RuleExampleFailure(location: example.location, rule: rule, variant: variant, message: message)
        }
        if !example.expectsMatch {
            guard let first = found.first else { return nil }
            return failure("should not match \"\(example.text)\" but matched \"\(first.text)\"")
        }
        guard !found.isEmpty else { return failure("should match \"\(example.text)\" but did not") }
        guard let mark = noisy.mark else { return nil }
        if found.contains(where: { $0.byteRange == mark }) { return nil }
        let expected = String(decoding: Array(noisy.text.utf8)[mark], as: UTF8.self)
        return failure("matched \"\(found[0].text)\", expected the evidence \"\(expected)\"")
    }
}

/// A change to an example that must not change whether or where it matches.
public enum NoiseVariant: String, CaseIterable, Sendable {
    case asWritten
    case curlyQuotes
    case crlf
    case upperCase
    case emojiInFront
    case accentedWordInFront

    public var label: String {
        switch self {
        case .asWritten: return "as written"
        case .curlyQuotes: return "curly quotes"
        case .crlf: return "CRLF line endings"
        case .upperCase: return "upper case"
        case .emojiInFront: return "emoji in front"
        case .accentedWordInFront: return "accented word in front"
        }
    }

    public struct NoisyExample: Sendable {
        public var text: String
        /// The marked span, moved to where it now is.
        public var mark: Range<Int>?
    }

    /// Applies the noise to the text before, inside and after the mark separately,
    /// so the mark's new byte offsets are exact.
    public func apply(to example: RuleExample) -> NoisyExample {
        let bytes = Array(example.text.utf8)
        let mark = example.mark ?? bytes.count..<bytes.count
        let parts = [bytes[..<mark.lowerBound], bytes[mark], bytes[mark.upperBound...]]
            .map { String(decoding: $0, as: UTF8.self) }
        var quoteIsOpen = false
        var changed = parts.map { transform($0, quoteIsOpen: &quoteIsOpen) }
        changed[0] = prefix + changed[0]
        let start = changed[0].utf8.count
        let end = start + changed[1].utf8.count
        return NoisyExample(text: changed.joined(), mark: example.mark == nil ? nil : start..<end)
    }

    private var prefix: String {
        switch self {
        case .crlf: return "Draft\r\n\r\n"
        case .emojiInFront: return "😀 "
        case .accentedWordInFront: return "Déjà vu: "
        default: return ""
        }
    }

    private func transform(_ text: String, quoteIsOpen: inout Bool) -> String {
        switch self {
        case .curlyQuotes:
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "'": result.unicodeScalars.append("\u{2019}")
                case "\"":
                    result.unicodeScalars.append(quoteIsOpen ? "\u{201D}" : "\u{201C}")
                    quoteIsOpen.toggle()
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        case .crlf:
            return text.replacingOccurrences(of: "\n", with: "\r\n")
        case .upperCase:
            return text.uppercased()
        case .asWritten, .emojiInFront, .accentedWordInFront:
            return text
        }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
