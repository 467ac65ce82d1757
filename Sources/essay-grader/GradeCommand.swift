import ArgumentParser
import Foundation
import Grading
import Ingest
import Reports

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade essays: files and folders (read recursively) of .txt, .md, .docx, .odt and .html.",
        discussion: """
            Without --output, prints each report to standard output in input order. With
            --output DIR, writes DIR/NAME.<ext> per essay and format (keeping sub-folders),
            plus summary.csv and summary.html for the class. Reports are written atomically:
            an interrupted run never leaves a half-written report.
            Exit codes: 0 all graded; 1 some could not be read (the others were graded);
            2 a usage or rubric error.
            """
    )

    @Argument(help: ArgumentHelp("Essay files and folders.", valueName: "path"))
    var paths: [String]

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .long, help: "Report format: text, xml, json or html. Repeat for several (with --output).")
    var format: [ReportFormat] = []

    @Option(name: .long, help: ArgumentHelp("Write reports and the class summary into this folder.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: "Essays graded at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "No progress bar and no notes about skipped files.")
    var quiet = false

    @Option(help: "Colour text reports printed to a terminal: auto, always or never.")
    var color: ColorChoice = .auto

    var formats: [ReportFormat] { format.isEmpty ? [.text] : format }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard Set(formats).count == formats.count else { throw ValidationError("each --format may be given once") }
        if output == nil, formats.count > 1 {
            throw ValidationError("several formats need --output DIR (standard output takes one)")
        }
    }

    func run() throws {
        let grader = try rubricOptions.loadGrader()
        let outputFolder = try output.map(prepareOutputFolder)
        let collection = EssayCollector.collect(paths.map { URL(fileURLWithPath: $0) })
        if !quiet {
            for skipped in collection.skipped { Console.error("note: skipped \(skipped.displayName): \(skipped.reason)") }
        }
        for error in collection.errors { Console.error("error: \(error)") }
        guard !collection.files.isEmpty else {
            Console.error("error: no essays to grade in \(paths.joined(separator: ", "))")
            throw ExitCode(ExitCodes.someFailed)
        }
        if output == nil, formats == [.html], collection.files.count > 1 {
            Console.error("error: HTML reports of several essays need --output DIR")
            throw ExitCode(ExitCodes.usageOrRubric)
        }

        if let outputFolder { AtomicFile.removeLeftovers(under: outputFolder) }
        Interruption.shared.watch()
        let batch = BatchGrading(
            grader: grader, files: collection.files, formats: formats, outputFolder: outputFolder, jobs: jobs,
            renderOptions: ReportRenderOptions(color: outputFolder == nil && formats == [.text] && color.enabled),
            showProgress: !quiet && Console.standardErrorIsTerminal
        )
        let outcome = batch.run()
        var failures = collection.errors.count + outcome.failures.count
        for failure in outcome.failures { Console.error("error: \(failure)") }
        if Interruption.shared.isRequested {
            Console.error("interrupted after \(outcome.graded) of \(collection.files.count) essays: every report written is "
                + "complete; run the same command again to finish (the class summary was not written)")
            throw ExitCode(ExitCodes.interrupted)
        }

        if let outputFolder {
            failures += writeSummaries(outcome, to: outputFolder)
            if !quiet {
                Console.error("graded \(outcome.graded) of \(collection.files.count + collection.errors.count) essays into \(outputFolder.path)")
            }
        }
        if failures > 0 { throw ExitCode(ExitCodes.someFailed) }
    }

    /// The output folder, created if missing. A path that is a file is a usage error.
    private func prepareOutputFolder(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                Console.error("error: --output \(path) is a file, not a folder")
                throw ExitCode(ExitCodes.usageOrRubric)
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                Console.error("error: cannot create the output folder \(path): \((error as NSError).localizedDescription)")
                throw ExitCode(ExitCodes.usageOrRubric)
            }
        }
        guard access(url.path, W_OK) == 0 else {
            Console.error("error: the output folder \(path) is not writable")
            throw ExitCode(ExitCodes.usageOrRubric)
        }
        return url
    }

    /// summary.csv and summary.html; returns how many could not be written.
    private func writeSummaries(_ outcome: BatchGrading.Outcome, to folder: URL) -> Int {
        var failures = 0
        for (name, text) in [(ClassSummary.csvFileName, outcome.summary.csv()),
                             (ClassSummary.htmlFileName, outcome.summary.html())] {
            do {
                try AtomicFile.write(text, to: folder.appendingPathComponent(name))
            } catch {
                Console.error("error: \(error)")
                failures += 1
            }
        }
        return failures
    }
}
