/// The score distribution as an inline SVG bar chart: essays per 10-point band of
/// percentage, axes labelled, one bar per non-empty band, accessible through
/// `role="img"`, `<title>` and `<desc>` (each bar also has its own `<title>`).
enum HistogramSVG {
    static let width = 640.0
    static let height = 290.0
    private static let left = 56.0, right = 624.0, top = 24.0, bottom = 236.0

    static func write(_ histogram: [Int], into html: inout HTMLBuilder) {
        let maxCount = histogram.max() ?? 0
        let step = tickStep(maxCount)
        let yTop = max(step, Int((Double(maxCount) / Double(step)).rounded(.up)) * step)
        let binWidth = (right - left) / Double(histogram.count)
        func y(_ count: Int) -> Double { bottom - (bottom - top) * Double(count) / Double(yTop) }

        let description = "Essays per band of percentage: "
            + histogram.enumerated().map { "\(ClassStatistics.binLabel($0.offset))%: \($0.element)" }.joined(separator: "; ")
            + "."
        html.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "role": "img",
            "viewBox": "0 0 \(n(width)) \(n(height))", "width": n(width), "height": n(height),
            "aria-labelledby": "histogram-title histogram-desc",
        ])
        html.element("title", ["id": "histogram-title"], text: "Score distribution")
        html.element("desc", ["id": "histogram-desc"], text: description)
        html.newline()
        // Grid lines and the y axis labels.
        for tick in stride(from: 0, through: yTop, by: step) {
            let ty = y(tick)
            if tick > 0 { html.void("line", ["class": "grid", "x1": n(left), "x2": n(right), "y1": n(ty), "y2": n(ty)]) }
            html.element("text", ["x": n(left - 8), "y": n(ty + 4), "text-anchor": "end"], text: String(tick))
        }
        html.newline()
        // Bars, only for bands with essays.
        for (bin, count) in histogram.enumerated() where count > 0 {
            let x = left + Double(bin) * binWidth + 4
            html.open("rect", ["class": "bar", "data-bin": String(bin), "x": n(x), "y": n(y(count)),
                               "width": n(binWidth - 8), "height": n(bottom - y(count))])
            html.element("title", text: "\(ClassStatistics.binLabel(bin))%: \(count) essay\(count == 1 ? "" : "s")")
            html.close()
            html.element("text", ["class": "count", "x": n(x + (binWidth - 8) / 2), "y": n(y(count) - 5),
                                  "text-anchor": "middle"], text: String(count))
            html.newline()
        }
        // Axes, x labels at band edges, axis titles.
        html.void("line", ["class": "axis", "x1": n(left), "x2": n(right), "y1": n(bottom), "y2": n(bottom)])
        html.void("line", ["class": "axis", "x1": n(left), "x2": n(left), "y1": n(top - 8), "y2": n(bottom)])
        for edge in 0...histogram.count {
            html.element("text", ["x": n(left + Double(edge) * binWidth), "y": n(bottom + 18), "text-anchor": "middle"],
                         text: String(edge * 10))
        }
        html.element("text", ["class": "axis-title", "x": n((left + right) / 2), "y": n(height - 8), "text-anchor": "middle"],
                     text: "Score (% of maximum)")
        html.element("text", ["class": "axis-title", "x": "16", "y": n((top + bottom) / 2), "text-anchor": "middle",
                              "transform": "rotate(-90 16 \(n((top + bottom) / 2)))"], text: "Essays")
        html.close()
    }

    /// 1, 2 or 5 times a power of ten, giving at most about six ticks.
    static func tickStep(_ maxCount: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maxCount <= factor * magnitude * 6 { return factor * magnitude }
            magnitude *= 10
        }
    }

    private static func n(_ value: Double) -> String { ReportNumber.format(value) }
}
