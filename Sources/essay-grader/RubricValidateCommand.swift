import ArgumentParser
import BundledRubrics
import Foundation
import Grading
import Rubrics

struct RubricValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a rubric set folder, or one rubric file, against the schema and the lint rules.",
        discussion: "Prints what it checked and exits 0, or lists each problem as file:line:column: message and exits 2."
    )

    @Argument(help: ArgumentHelp("A set folder or one file (default: the bundled set).", valueName: "path"))
    var path: String?

    func run() throws {
        let url = path.map { URL(fileURLWithPath: $0) } ?? BundledRubrics.defaultSet
        let outcome = RubricSetLoader().check(url)
        var problems = outcome.problems
        if let set = outcome.set, problems.isEmpty {
            // Compiling finds what loading cannot: terms with no words.
            do { _ = try Grader(set) } catch { problems += error.problems }
        }
        if !problems.isEmpty {
            for problem in problems { Console.error(problem.description) }
            Console.error("\(problems.count) problem(s) in \(outcome.files.count) file(s)")
            throw ExitCode(ExitCodes.usageOrRubric)
        }
        for file in outcome.files { print("ok  \(file)") }
        if let set = outcome.set {
            let examples = set.points.reduce(0) { $0 + $1.examples.count } + set.slips.reduce(0) { $0 + $1.examples.count }
            print("valid: rubric set '\(set.id)': \(set.rubrics.count) questions, \(set.points.count) points, "
                + "\(set.slips.count) slips, \(set.concepts.count) concepts, \(examples) examples")
        } else {
            print("valid: \(outcome.files.count) file(s)")
        }
    }
}
