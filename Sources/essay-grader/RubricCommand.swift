import ArgumentParser

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check rubric sets: validate the XML, run the examples.",
        subcommands: [RubricValidateCommand.self, RubricTestCommand.self]
    )
}
