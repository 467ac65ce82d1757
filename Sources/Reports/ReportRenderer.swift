import Grading

/// Renders one essay's `GradeReport` in any format.
public enum ReportRenderer {
    public static func render(_ report: GradeReport, as format: ReportFormat, options: ReportRenderOptions = .init()) -> String {
        switch format {
        case .text: return TextReportRenderer.render(report, options: options)
        case .xml: return XMLReportRenderer.render(report)
        case .json: return JSONReportRenderer.render(report)
        case .html: return HTMLReportRenderer.render(report)
        }
    }
}
