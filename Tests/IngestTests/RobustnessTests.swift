import Testing
@testable import Ingest

/// Random inputs built from the tokens that matter to each reader: nothing may crash or hang,
/// and structured text must keep its conventions.
@Suite struct RobustnessTests {
    /// SplitMix64: reproducible runs.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "<", ">", "</", "<p>", "</p>", "<li>", "<ul>", "</ul>", "<pre>", "</pre>", "<br>", "&", "&amp;", "&#", "&#x",
        "&#99999999999;", ";", "\"", "'", "=", " ", "\n", "\r", "\t", "<!--", "-->", "<!", "<?", "<script>", "</script>",
        "<head>", "<template>", "</template>", "<svg>", "<h1>", "</h1>", "<table>", "<td>", "x", "é", "\u{FFFD}", "*", "_",
        "~~", "`", "```", "[", "]", "(", ")", "![", "#", "- ", "1. ", "> ", "|", "---", "\\", "  \n", "[^", "]:", "<http://x>",
        "a@b", "    ", "\u{A0}",
    ]

    /// Paragraphs split by one blank line, no line starting or ending with a space or tab,
    /// no line break at either end.
    static func keepsConventions(_ text: String) -> Bool {
        !text.hasPrefix("\n") && !text.hasSuffix("\n") && !text.contains("\n\n\n")
            && !text.split(separator: "\n", omittingEmptySubsequences: false).contains {
                $0.hasPrefix(" ") || $0.hasSuffix(" ") || $0.hasPrefix("\t") || $0.hasSuffix("\t")
            }
    }

    @Test(arguments: [EssayFormat.html, .markdown])
    func markupSoup(format: EssayFormat) {
        var generator = SeededGenerator(state: 20_240_601)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...60, using: &generator)
            let source = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            guard let essay = try? EssayReader.read(bytes: Array(source.utf8), format: format, name: "f") else {
                Issue.record("refused \(String(reflecting: source))")
                continue
            }
            #expect(Self.keepsConventions(essay.text), "\(String(reflecting: essay.text)) from \(String(reflecting: source))")
        }
    }

    @Test(arguments: [EssayFormat.docx, .odt])
    func damagedPackages(format: EssayFormat) throws {
        var generator = SeededGenerator(state: 7)
        let original = format == .docx ? try DocxTests.docx() : try OdtTests.odt()
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                // Half the damage near the end, where the central directory lives.
                let index = Bool.random(using: &generator)
                    ? Int.random(in: 0..<bytes.count, using: &generator)
                    : bytes.count - Int.random(in: 1...min(300, bytes.count), using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            }
            if let essay = try? EssayReader.read(bytes: bytes, format: format, name: "f") {
                #expect(Self.keepsConventions(essay.text))
            }
        }
    }
}
