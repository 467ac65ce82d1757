import ArgumentParser
import Foundation

@main
struct EssayGrader: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "essay-grader",
        abstract: "Grade essays against XML rubrics, offline.",
        discussion: """
            Teachers grade a folder of essays; students self-check a draft. Rubrics are
            XML data: the bundled set is the Cuban Missile Crisis prompt.

            Exit codes: 0 all done; 1 some essays could not be graded (the others were);
            2 a usage error or a rubric error; 130 interrupted (reports written are complete).
            """,
        subcommands: [CheckCommand.self, GradeCommand.self, EvaluateCommand.self, RubricCommand.self]
    )

    /// Runs the command, mapping argument errors to exit code 2 (as documented)
    /// instead of ArgumentParser's 64.
    static func main() {
        // A write past a file-size limit (or a full quota) should fail with an error we
        // report, not kill the process with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(code == .validationFailure ? ExitCodes.usageOrRubric : code.rawValue)
        }
    }
}

enum ExitCodes {
    static let someFailed: Int32 = 1
    static let usageOrRubric: Int32 = 2
    /// Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
    static let interrupted: Int32 = 130
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
