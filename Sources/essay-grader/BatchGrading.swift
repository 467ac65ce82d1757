import Dispatch
import Foundation
import Grading
import Ingest
import Reports

/// Grades many essays on `jobs` threads with a fixed number in flight (one per
/// thread), so memory stays flat however many essays there are. Reports go to
/// files as soon as each essay is done, or to standard output in input order.
final class BatchGrading: @unchecked Sendable {
    struct Outcome {
        /// How many essays were graded.
        var graded: Int
        /// The class summary, built as essays finished: a compact row per essay.
        var summary: ClassSummaryBuilder
        var failures: [String]
    }

    private let grader: Grader
    private let files: [EssayFile]
    private let formats: [ReportFormat]
    private let outputFolder: URL?
    private let jobs: Int
    private let renderOptions: ReportRenderOptions
    private let reportPaths: [String]
    private let progress: ProgressBar?

    private let lock = NSLock()
    private var nextToStart = 0
    private var nextToPrint = 0
    private var pendingOutput: [Int: String] = [:]
    private var graded = 0
    private var summary = ClassSummaryBuilder()
    private var failures: [(Int, String)] = []

    init(grader: Grader, files: [EssayFile], formats: [ReportFormat], outputFolder: URL?, jobs: Int,
         renderOptions: ReportRenderOptions, showProgress: Bool) {
        self.grader = grader
        self.files = files
        self.formats = formats
        self.outputFolder = outputFolder
        self.jobs = max(1, min(jobs, files.count))
        self.renderOptions = renderOptions
        self.reportPaths = ClassSummary.reportPaths(forEssays: files.map(\.displayName))
        self.progress = showProgress ? ProgressBar(total: files.count) : nil
    }

    func run() -> Outcome {
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let session = grader.makeSession()
            while let index = takeNext() {
                grade(index, with: session)
                progress?.advance()
            }
        }
        progress?.finish()
        let orderedFailures = failures.sorted { $0.0 < $1.0 }.map(\.1)
        return Outcome(graded: graded, summary: summary, failures: orderedFailures)
    }

    private func takeNext() -> Int? {
        if Interruption.shared.isRequested { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard nextToStart < files.count else { return nil }
        nextToStart += 1
        return nextToStart - 1
    }

    private func grade(_ index: Int, with session: GradingSession) {
        let file = files[index]
        let essay: Essay
        do {
            essay = try EssayReader.read(file.url, displayName: file.displayName)
        } catch {
            record(failure: error.description, at: index)
            return
        }
        let report = session.grade(essay.text, essay: essay.name, warnings: essay.warnings)
        if let outputFolder {
            for format in formats {
                let url = outputFolder.appendingPathComponent(reportPaths[index] + "." + format.fileExtension)
                do {
                    try AtomicFile.write(ReportRenderer.render(report, as: format, options: renderOptions), to: url)
                } catch {
                    record(failure: error.description, at: index)
                    return
                }
            }
        } else {
            emitInOrder(ReportRenderer.render(report, as: formats[0], options: renderOptions), at: index)
        }
        let identity = SubmissionIdentity(displayName: file.displayName, author: essay.author)
        let link = formats.contains(.html) ? reportPaths[index] + ".html" : nil
        lock.lock()
        graded += 1
        summary.add(report, at: index, student: identity.student, platformID: identity.platformID, link: link)
        lock.unlock()
    }

    private func record(failure: String, at index: Int) {
        lock.lock()
        failures.append((index, failure))
        lock.unlock()
        emitInOrder(nil, at: index)
    }

    /// Prints reports in input order; a failed essay prints nothing but must not block the rest.
    private func emitInOrder(_ text: String?, at index: Int) {
        guard outputFolder == nil else { return }
        lock.lock()
        defer { lock.unlock() }
        pendingOutput[index] = text ?? ""
        while let next = pendingOutput.removeValue(forKey: nextToPrint) {
            if !next.isEmpty {
                if nextToPrint > 0, formats[0] == .text { FileHandle.standardOutput.write(Data("\n".utf8)) }
                FileHandle.standardOutput.write(Data(next.utf8))
            }
            nextToPrint += 1
        }
    }
}
