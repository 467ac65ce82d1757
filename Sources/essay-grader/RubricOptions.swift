import ArgumentParser
import BundledRubrics
import Foundation
import Grading
import Rubrics

/// `--rubrics`: shared by every command that grades.
struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A rubric set folder (default: the bundled Cuban Missile Crisis set).", valueName: "dir"))
    var rubrics: String?

    var rubricSetURL: URL { rubrics.map { URL(fileURLWithPath: $0) } ?? BundledRubrics.defaultSet }

    /// Loads and compiles the set; on any problem prints each as file:line:column and exits 2.
    /// `precise`: exact columns in the model (for commands that report on the rubrics).
    func loadGrader(precise: Bool = false) throws -> Grader {
        do {
            let loader = RubricSetLoader()
            let set = try precise ? loader.load(rubricSetURL) : loader.loadForGrading(rubricSetURL)
            return try Grader(set)
        } catch {
            for problem in error.problems { Console.error(problem.description) }
            Console.error("error: the rubric set at \(rubricSetURL.path) has \(error.problems.count) problem(s)")
            throw ExitCode(ExitCodes.usageOrRubric)
        }
    }
}
