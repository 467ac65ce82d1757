import BundledRubrics
import Foundation
import XMLSupport

/// Loads a rubric set from its folder: parses each file safely, validates it against
/// `rubric-set.xsd`, builds the model, and lints what a schema cannot check.
public struct RubricSetLoader: Sendable {
    /// The name of the file that ties a set together.
    public static let assignmentFileName = "assignment.xml"

    private let schemaURL: URL
    /// Exact start-tag columns in element locations (see `XMLParseOptions.locatesColumns`).
    private let locatesColumns: Bool

    public init(schema: URL = BundledRubrics.schemaDirectory.appendingPathComponent("rubric-set.xsd")) {
        self.init(schema: schema, locatesColumns: true)
    }

    private init(schema: URL, locatesColumns: Bool) {
        self.schemaURL = schema
        self.locatesColumns = locatesColumns
    }

    /// Loads a set from its folder, or from any file whose root is `<assignment>`. Throws every problem found.
    public func load(_ url: URL) throws(RubricLoadError) -> RubricSet {
        let outcome = check(url)
        if let set = outcome.set, outcome.problems.isEmpty { return set }
        throw RubricLoadError(outcome.problems.isEmpty
            ? [RubricProblem(SourceLocation(file: url.path), "not a rubric set")] : outcome.problems)
    }

    /// Loads a set to grade with: quickly, with element lines but no columns; only when
    /// the set has problems is it read again to report them with exact columns. Model
    /// locations of a set loaded this way may lack columns.
    public func loadForGrading(_ url: URL) throws(RubricLoadError) -> RubricSet {
        let quick = RubricSetLoader(schema: schemaURL, locatesColumns: false).check(url)
        if let set = quick.set, quick.problems.isEmpty { return set }
        return try load(url)
    }

    /// What checking a path found: the files read, every problem, and the set when it could be built.
    public struct CheckOutcome: Sendable {
        public var files: [String]
        public var problems: [RubricProblem]
        public var set: RubricSet?
    }

    /// Checks a set folder, its assignment file, or one rubric file on its own
    /// (schema and the checks that need no other file).
    public func check(_ url: URL) -> CheckOutcome {
        let schema: XMLSchema
        do {
            schema = try SchemaCache.shared.schema(at: schemaURL)
        } catch {
            return CheckOutcome(files: [], problems: error.diagnostics.map(RubricProblem.init), set: nil)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return CheckOutcome(files: [], problems: [RubricProblem(SourceLocation(file: url.path), "no such file or folder")], set: nil)
        }
        if isDirectory.boolValue {
            return loadSet(assignment: url.appendingPathComponent(Self.assignmentFileName), schema: schema)
        }
        if url.lastPathComponent == Self.assignmentFileName || isAssignment(url) {
            return loadSet(assignment: url, schema: schema)
        }
        return checkSingleFile(url, schema: schema)
    }

    /// Whether a file's root element is <assignment> (so it names a whole set).
    private func isAssignment(_ url: URL) -> Bool {
        guard let document = try? ParsedXML.parse(file: url) else { return false }
        return document.root.name == "assignment"
    }

    // MARK: - A whole set

    private func loadSet(assignment: URL, schema: XMLSchema) -> CheckOutcome {
        let folder = assignment.deletingLastPathComponent()
        var files: [String] = []
        var problems: [RubricProblem] = []

        guard let assignmentRoot = read(assignment, folder: folder, schema: schema, expecting: "assignment", files: &files, problems: &problems) else {
            return CheckOutcome(files: files, problems: problems, set: nil)
        }
        var reader = TreeReader()
        var builder = RubricSetBuilder(
            id: assignmentRoot[attribute: "id"] ?? "",
            title: reader.text(assignmentRoot.firstElement(named: "title")),
            prompt: reader.text(assignmentRoot.firstElement(named: "prompt"))
        )
        for reference in assignmentRoot.elements where ["lexicon", "facts", "slips", "rubric"].contains(reference.name) {
            let href = reference[attribute: "href"] ?? ""
            guard let url = resolve(href, in: folder) else {
                reader.problem(reference, "\(href) is not a file inside the set's folder")
                continue
            }
            guard let root = read(url, folder: folder, schema: schema, expecting: reference.name, files: &files, problems: &problems) else {
                continue
            }
            builder.add(root, reader: &reader)
        }
        let set = builder.build(files: files, reader: &reader)
        problems += reader.problems
        problems += RubricLint.check(set)
        problems = deduplicatedInOrder(problems)
        return CheckOutcome(files: files, problems: problems, set: set)
    }

    // MARK: - One file

    private func checkSingleFile(_ url: URL, schema: XMLSchema) -> CheckOutcome {
        var files: [String] = []
        var problems: [RubricProblem] = []
        let folder = url.deletingLastPathComponent()
        guard let root = read(url, folder: folder, schema: schema, expecting: nil, files: &files, problems: &problems) else {
            return CheckOutcome(files: files, problems: problems, set: nil)
        }
        var reader = TreeReader()
        var builder = RubricSetBuilder(id: "", title: "", prompt: "")
        builder.add(root, reader: &reader)
        let set = builder.build(files: files, reader: &reader)
        problems += reader.problems
        problems += RubricLint.check(set, resolvingReferences: false)
        return CheckOutcome(files: files, problems: deduplicatedInOrder(problems), set: nil)
    }

    // MARK: - Reading files

    /// Parses and validates one file; nil (with problems) when it cannot be used.
    private func read(
        _ url: URL, folder: URL, schema: XMLSchema, expecting rootName: String?,
        files: inout [String], problems: inout [RubricProblem]
    ) -> XMLTree.Element? {
        let name = url.path
        files.append(name)
        let document: ParsedXML
        do {
            document = try ParsedXML.parse(file: url, displayName: name,
                                           options: XMLParseOptions(xincludeRoot: folder, locatesColumns: locatesColumns))
        } catch {
            problems += error.diagnostics.map(RubricProblem.init)
            return nil
        }
        let diagnostics = document.validate(against: schema)
        if !diagnostics.isEmpty {
            problems += diagnostics.map(RubricProblem.init)
            return nil
        }
        let root = document.root
        if let rootName, root.name != rootName {
            problems.append(RubricProblem(root.location.sourceLocation,
                "expected a <\(rootName)> file here (the assignment lists it as one), found <\(root.name)>"))
            return nil
        }
        return root
    }

    /// A file named by the assignment, only if it stays inside the set's folder.
    private func resolve(_ href: String, in folder: URL) -> URL? {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let candidate = folder.appendingPathComponent(href).standardizedFileURL.resolvingSymlinksInPath()
        guard candidate.path.hasPrefix(base + "/") else { return nil }
        return candidate
    }

    private func deduplicatedInOrder(_ problems: [RubricProblem]) -> [RubricProblem] {
        var seen = Set<RubricProblem>()
        return problems.filter { seen.insert($0).inserted }
    }
}

extension RubricProblem {
    init(_ diagnostic: XMLDiagnostic) {
        self.init(SourceLocation(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column), diagnostic.message)
    }
}

/// Compiled schemas, loaded once per process and shared by every thread.
final class SchemaCache: @unchecked Sendable {
    static let shared = SchemaCache()
    private let lock = NSLock()
    private var schemas: [URL: XMLSchema] = [:]

    func schema(at url: URL) throws(XMLFailure) -> XMLSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = schemas[url] { return schema }
        let schema = try XMLSchema(file: url)
        schemas[url] = schema
        return schema
    }
}
