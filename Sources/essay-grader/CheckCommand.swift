import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Self-check one essay.")
    func run() throws { throw ExitCode(ExitCodes.usageOrRubric) }
}

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade", abstract: "Grade essays.")
    func run() throws { throw ExitCode(ExitCodes.usageOrRubric) }
}
