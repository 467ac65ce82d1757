import ArgumentParser

@main
struct EssayGrader: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "essay-grader",
        abstract: "Grade essays against XML rubrics, offline."
    )
}
