import Testing
@testable import Reports

@Suite struct ReportRendererTests {
    let report = Fixtures.report()

    @Test func rendererFacadeAndFormats() {
        #expect(ReportRenderer.render(report, as: .text) == TextReportRenderer.render(report))
        #expect(ReportRenderer.render(report, as: .xml) == XMLReportRenderer.render(report))
        #expect(ReportRenderer.render(report, as: .json) == JSONReportRenderer.render(report))
        #expect(ReportRenderer.render(report, as: .html) == HTMLReportRenderer.render(report))
        #expect(ReportFormat.allCases.map(\.fileExtension) == ["txt", "xml", "json", "html"])
        #expect(ReportRenderOptions(lineWidth: 10).lineWidth == 40)
    }
}
