import ArgumentParser
import Foundation
import Reports

extension ReportFormat: ExpressibleByArgument {}

/// When to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto`: only on a terminal, and not when NO_COLOR is set or TERM is dumb.
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return Console.standardOutputIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }
}
