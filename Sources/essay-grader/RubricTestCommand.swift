import ArgumentParser
import Foundation
import Grading

struct RubricTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every example in a rubric set, as written and with noise that must not change the result.",
        discussion: """
            Noise: curly quotes, CRLF line endings, upper case, an emoji or an accented word in front.
            Each failure is printed with the rubric file and line of its example.
            """
    )

    @Argument(help: ArgumentHelp("A rubric set folder (default: the bundled set).", valueName: "dir"))
    var directory: String?

    func run() throws {
        let grader = try RubricOptions(rubrics: directory).loadGrader(precise: true)
        let report = RuleExampleRunner.run(grader)
        for failure in report.failures { print(failure.description) }
        let failedExamples = Set(report.failures.map { "\($0.location)\($0.rule)" }).count
        print("\(report.examples) examples, \(report.runs) runs with noise: "
            + (report.failures.isEmpty ? "all passed" : "\(report.failures.count) failures in \(failedExamples) examples"))
        if !report.failures.isEmpty { throw ExitCode.failure }
    }
}

extension RubricOptions {
    init(rubrics: String?) {
        self.init()
        self.rubrics = rubrics
    }
}
