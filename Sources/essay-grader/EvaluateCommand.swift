import ArgumentParser
import Foundation
import Grading

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the grader against labelled essays: precision, recall and F1 for points and slips.",
        discussion: """
            Grades every essay NAME.txt that has a NAME.labels beside it (lines 'point <id>' and
            'slip <id>'; anything not listed is absent) and compares.
            """
    )

    @Argument(help: ArgumentHelp("Folders of labelled essays.", valueName: "folder"))
    var folders: [String]

    @OptionGroup var rubricOptions: RubricOptions

    @Flag(help: "Print JSON for machines.")
    var json = false

    @Flag(help: "Show the sentence behind each point or slip found that the labels do not list.")
    var explain = false

    func run() throws {
        let grader = try rubricOptions.loadGrader()
        let essays = try LabelledEssays.load(folders)
        let result = GradingEvaluation.evaluate(grader, essays: essays)
        if json {
            print(EvaluationFormatting.json(result))
        } else {
            print(EvaluationFormatting.text(result, folders: folders, explain: explain))
        }
        if !result.unknownLabels.isEmpty {
            Console.error("warning: labels name ids the rubric set does not define: \(result.unknownLabels.joined(separator: ", "))")
        }
    }
}

/// Finds NAME.txt + NAME.labels pairs.
enum LabelledEssays {
    static func load(_ folders: [String]) throws -> [(name: String, text: String, labels: EssayLabels)] {
        var essays: [(name: String, text: String, labels: EssayLabels)] = []
        for folder in folders {
            let url = URL(fileURLWithPath: folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                Console.error("error: cannot read folder \(folder)")
                throw ExitCode(ExitCodes.usageOrRubric)
            }
            for name in names.sorted() where name.hasSuffix(".labels") {
                let stem = String(name.dropLast(".labels".count))
                let labelsURL = url.appendingPathComponent(name)
                let essayURL = url.appendingPathComponent(stem + ".txt")
                guard let text = try? String(contentsOf: essayURL, encoding: .utf8) else {
                    Console.error("warning: \(labelsURL.path) has no readable \(stem).txt beside it; skipped")
                    continue
                }
                do {
                    let labels = try EssayLabels(parsing: try String(contentsOf: labelsURL, encoding: .utf8))
                    essays.append((stem + ".txt", text, labels))
                } catch let error as EssayLabels.ParseError {
                    Console.error("\(labelsURL.path):\(error.line): \(error)")
                    throw ExitCode(ExitCodes.usageOrRubric)
                }
            }
        }
        return essays
    }
}

enum EvaluationFormatting {
    static func text(_ result: EvaluationResult, folders: [String], explain: Bool) -> String {
        func line(_ name: String, _ counts: AgreementCounts) -> String {
            let measures = String(format: "precision %.3f  recall %.3f  F1 %.3f", counts.precision, counts.recall, counts.f1)
            return "\(name.padding(toLength: 12, withPad: " ", startingAt: 0))\(measures)  "
                + "(tp \(counts.truePositives), fp \(counts.falsePositives), fn \(counts.falseNegatives))"
        }
        var lines = ["Evaluated \(result.essays) labelled essays in \(folders.joined(separator: ", "))", ""]
        lines.append(line("points", result.points))
        lines.append(line("slips", result.slips))
        lines.append(line("  errors", result.errorSlips))
        lines.append(line("  cautions", result.cautionSlips))
        lines.append("")
        lines.append("per point (tp/fp/fn):")
        for (id, counts) in result.byPoint.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + id.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "P %.2f  R %.2f  F1 %.2f", counts.precision, counts.recall, counts.f1)
                + "  (\(counts.truePositives)/\(counts.falsePositives)/\(counts.falseNegatives))")
        }
        lines.append("per slip (tp/fp/fn):")
        for (id, counts) in result.bySlip.sorted(by: { $0.key < $1.key }) {
            lines.append("  " + id.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "P %.2f  R %.2f  F1 %.2f", counts.precision, counts.recall, counts.f1)
                + "  (\(counts.truePositives)/\(counts.falsePositives)/\(counts.falseNegatives))")
        }
        lines.append("")
        lines.append(result.disagreements.isEmpty ? "No disagreements with the labels." : "Disagreements per essay:")
        for essay in result.disagreements {
            lines.append("  \(essay.essay):")
            if !essay.missedPoints.isEmpty { lines.append("    missed points: " + essay.missedPoints.joined(separator: ", ")) }
            if !essay.extraPoints.isEmpty { lines.append("    extra points:  " + essay.extraPoints.joined(separator: ", ")) }
            if !essay.missedSlips.isEmpty { lines.append("    missed slips:  " + essay.missedSlips.joined(separator: ", ")) }
            if !essay.extraSlips.isEmpty { lines.append("    extra slips:   " + essay.extraSlips.joined(separator: ", ")) }
            if explain {
                for (id, sentence) in essay.extraEvidence.sorted(by: { $0.key < $1.key }) {
                    lines.append("      \(id) <- \"\(sentence)\"")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ result: EvaluationResult) -> String {
        func counts(_ counts: AgreementCounts) -> [String: Any] {
            ["precision": counts.precision, "recall": counts.recall, "f1": counts.f1,
             "truePositives": counts.truePositives, "falsePositives": counts.falsePositives,
             "falseNegatives": counts.falseNegatives]
        }
        let object: [String: Any] = [
            "essays": result.essays,
            "points": counts(result.points),
            "slips": counts(result.slips),
            "errorSlips": counts(result.errorSlips),
            "cautionSlips": counts(result.cautionSlips),
            "byPoint": result.byPoint.mapValues(counts),
            "bySlip": result.bySlip.mapValues(counts),
            "disagreements": result.disagreements.map {
                ["essay": $0.essay, "missedPoints": $0.missedPoints, "extraPoints": $0.extraPoints,
                 "missedSlips": $0.missedSlips, "extraSlips": $0.extraSlips, "extraEvidence": $0.extraEvidence]
            },
            "unknownLabels": result.unknownLabels,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
