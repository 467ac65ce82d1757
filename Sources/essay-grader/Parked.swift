import ArgumentParser
struct CheckCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "check") }
struct GradeCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "grade") }
