import Foundation

/// Numbers as every format prints them: a dot as decimal separator, never an exponent,
/// at most two decimals, and no trailing zeros (`3`, `2.5`, `0.33`).
enum ReportNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let whole = Int64(rounded)
            return whole == 0 ? "0" : String(whole)
        }
        // Hundredths as an integer, written by hand: String(format:) with a locale costs
        // a number-formatter set-up per call.
        guard abs(rounded) < 1e15 else {
            var text = String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), rounded)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        let hundredths = Int64((rounded * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        var text = sign + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A percentage with one decimal at most (`68.8`, `100`).
    static func percentage(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return format((value * 10).rounded() / 10)
    }
}
