/// Writes the essay text as HTML with spans of it highlighted by `<mark>` elements.
///
/// Spans are UTF-8 byte ranges; each is clamped to the text and widened to whole
/// characters, so a multi-byte character is never split. Spans may nest or overlap:
/// where one crosses another's end, the inner one is closed and reopened after it, so
/// the markup always nests. Every piece of a span carries the same `data-span` number
/// (the first piece also `id="span-N"`, for links); the pieces together hold exactly
/// the span's text. Line breaks are kept as they are (CRLF and CR become LF), for a
/// container styled `white-space: pre-wrap`.
struct EssayHighlighter {
    struct Span {
        /// Unique per page; written as `data-span` and `id="span-N"`.
        var number: Int
        var byteRange: Range<Int>
        /// The `class` of the mark.
        var cssClass: String
        /// What the span is, such as a point id (`data-ref`).
        var reference: String
        /// Tooltip.
        var title: String
    }

    let bytes: [UInt8]
    /// The spans that survived clamping, by number.
    private(set) var spans: [Int: Span] = [:]

    init(text: String, spans: [Span]) {
        bytes = Array(text.utf8)
        for var span in spans {
            guard let range = EssaySpan.aligned(span.byteRange, in: bytes) else { continue }
            span.byteRange = range
            self.spans[span.number] = span
        }
    }

    /// Whether a span is drawn (its range was not empty after clamping).
    func contains(_ number: Int) -> Bool { spans[number] != nil }

    func write(to html: inout HTMLBuilder) {
        var boundaries = Set([0, bytes.count])
        for span in spans.values {
            boundaries.insert(span.byteRange.lowerBound)
            boundaries.insert(span.byteRange.upperBound)
        }
        let sorted = boundaries.sorted()
        // Outer spans first: those that end later, then by number.
        let starting = Dictionary(grouping: spans.values, by: \.byteRange.lowerBound).mapValues {
            $0.sorted { ($0.byteRange.upperBound, -$0.number) > ($1.byteRange.upperBound, -$1.number) }
        }
        let baseDepth = html.depth
        var open: [Span] = []
        var started = Set<Int>()
        for (index, boundary) in sorted.enumerated() {
            // Close what ends here; reopen what was closed only to keep nesting.
            if let deepest = open.firstIndex(where: { $0.byteRange.upperBound == boundary }) {
                let reopen = open[(deepest + 1)...].filter { $0.byteRange.upperBound != boundary }
                html.close(downTo: baseDepth + deepest)
                open.removeSubrange(deepest...)
                for span in reopen {
                    openMark(span, first: false, html: &html)
                    open.append(span)
                }
            }
            for span in starting[boundary] ?? [] where span.byteRange.upperBound > boundary {
                openMark(span, first: started.insert(span.number).inserted, html: &html)
                open.append(span)
            }
            if index + 1 < sorted.count {
                html.text(Self.text(bytes, sorted[index]..<sorted[index + 1]))
            }
        }
        html.close(downTo: baseDepth)
    }

    private func openMark(_ span: Span, first: Bool, html: inout HTMLBuilder) {
        html.open("mark", [
            "id": first ? "span-\(span.number)" : nil,
            "class": span.cssClass,
            "data-span": String(span.number),
            "data-ref": span.reference,
            "title": span.title,
        ])
    }

    /// The bytes as a string, with CRLF and lone CR as LF.
    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var piece: [UInt8] = []
        piece.reserveCapacity(range.count)
        for index in range {
            let byte = bytes[index]
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                piece.append(0x0A)
            } else {
                piece.append(byte)
            }
        }
        return String(decoding: piece, as: UTF8.self)
    }
}
