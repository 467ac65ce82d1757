/// Who wrote an essay, as far as its file tells: the names learning platforms give
/// downloaded submissions, else the document's author, else the file name.
///
/// - Canvas ("Download submissions"): `smithjane_12345_67890_essay.docx`, or
///   `smithjane_LATE_12345_67890_essay.docx`: the student's login-style name and their
///   Canvas user id (what the Canvas gradebook import matches on, column "ID").
/// - Moodle ("Download all submissions"): `Jane Smith_123456_assignsubmission_file_/essay.docx`
///   (a folder per student) or the same prefix on the file: the student's full name.
public struct SubmissionIdentity: Sendable, Hashable {
    public var student: String
    /// The platform's user id, when the file name carries one (Canvas).
    public var platformID: String?

    public init(student: String, platformID: String? = nil) {
        self.student = student
        self.platformID = platformID
    }

    /// - Parameters:
    ///   - displayName: the essay's path relative to the folder graded ("period2/smithjane_1_2_essay.docx").
    ///   - author: the document's author metadata, if any.
    public init(displayName: String, author: String?) {
        let components = displayName.split(separator: "/").map(String.init)
        for component in components {
            if let range = component.range(of: "_assignsubmission_") {
                let prefix = component[..<range.lowerBound]
                if let underscore = prefix.lastIndex(of: "_"), prefix[prefix.index(after: underscore)...].allSatisfy(\.isNumber) {
                    let name = String(prefix[..<underscore])
                    if !name.isEmpty { self.init(student: name); return }
                }
            }
        }
        let file = components.last ?? displayName
        let parts = file.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 4 {
            let late = parts[1].uppercased() == "LATE"
            let userIndex = late ? 2 : 1
            if parts.count > userIndex + 2, !parts[0].isEmpty,
               parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
               !parts[userIndex].isEmpty, parts[userIndex].allSatisfy(\.isNumber),
               !parts[userIndex + 1].isEmpty, parts[userIndex + 1].allSatisfy(\.isNumber) {
                self.init(student: parts[0], platformID: parts[userIndex])
                return
            }
        }
        if let author = author?.trimmingCharacters(in: .whitespacesAndNewlines), !author.isEmpty {
            self.init(student: author)
            return
        }
        var stem = file
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        self.init(student: stem)
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

private extension Set where Element == Character {
    static let whitespacesAndNewlines: Set<Character> = [" ", "\t", "\n", "\r"]
}
