import Testing
import Ingest

@Suite struct SubmissionIdentityTests {
    @Test func canvasDownloadNamesGiveTheNameAndUserID() {
        #expect(SubmissionIdentity(displayName: "smithjane_12345_67890_essay.docx", author: "Word User")
            == SubmissionIdentity(student: "smithjane", platformID: "12345"))
        #expect(SubmissionIdentity(displayName: "period2/smithjane_LATE_12345_67890_my_essay.docx", author: nil)
            == SubmissionIdentity(student: "smithjane", platformID: "12345"))
    }

    @Test func moodleDownloadFoldersGiveTheFullName() {
        #expect(SubmissionIdentity(displayName: "Jane Smith_123456_assignsubmission_file_/essay.docx", author: "x")
            == SubmissionIdentity(student: "Jane Smith"))
        #expect(SubmissionIdentity(displayName: "Zoë Adams_77_assignsubmission_file_essay.odt", author: nil)
            == SubmissionIdentity(student: "Zoë Adams"))
    }

    @Test func otherwiseTheAuthorThenTheFileName() {
        #expect(SubmissionIdentity(displayName: "class/ana.docx", author: " Ana López ") == SubmissionIdentity(student: "Ana López"))
        #expect(SubmissionIdentity(displayName: "class/ana.docx", author: "") == SubmissionIdentity(student: "ana"))
        #expect(SubmissionIdentity(displayName: "my_final_essay_v2.txt", author: nil) == SubmissionIdentity(student: "my_final_essay_v2"))
    }
}
