import ArgumentParser
import Foundation
import Grading
import Ingest
import Reports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Self-check one essay: what it covers, what it misses, what it gets wrong.",
        discussion: "Reads .txt, .md, .docx, .odt and .html files; '-' reads plain text from standard input."
    )

    @Argument(help: ArgumentHelp("The essay file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "Report format: text, xml, json or html.")
    var format: ReportFormat = .text

    @Option(help: "Colour the text report: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let grader = try rubricOptions.loadGrader()
        let essay: Essay
        do {
            essay = try readEssay()
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(ExitCodes.someFailed)
        }
        let report = grader.makeSession().grade(essay.text, essay: essay.name, warnings: essay.warnings)
        let options = ReportRenderOptions(color: format == .text && color.enabled)
        print(ReportRenderer.render(report, as: format, options: options), terminator: "")
    }

    private func readEssay() throws(IngestError) -> Essay {
        if file == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            return try EssayReader.read(bytes: bytes, format: .text, name: "stdin")
        }
        let url = URL(fileURLWithPath: file)
        return try EssayReader.read(url, displayName: url.lastPathComponent)
    }
}
