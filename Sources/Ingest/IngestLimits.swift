/// Bounds on what reading one essay may cost. The defaults suit real class submissions
/// (a long .docx with images is a few MiB; its `word/document.xml` rarely passes 5 MiB).
public struct IngestLimits: Sendable, Hashable {
    /// Files larger than this are refused before being read. Default 64 MiB.
    public var maxFileBytes: Int
    /// A zip entry (.docx `word/document.xml`, .odt `content.xml`, metadata parts) whose
    /// declared or actual uncompressed size is larger than this is refused: the declared
    /// size is checked before inflating, the actual size while inflating. Default 64 MiB.
    public var maxUncompressedBytes: Int
    /// A zip entry that inflates to more than this many times its compressed size is
    /// refused (checked on the declared sizes before inflating and on the bytes seen while
    /// inflating), once it is larger than `ratioCheckFloor`. Default 500: real .docx XML
    /// compresses 5 to 30 times, very repetitive markup (a long table of identical rows) a few
    /// hundred times, and deflate's own maximum is about 1,032. 0 turns the check off.
    public var maxCompressionRatio: Int
    /// Entries smaller than this (uncompressed) are never refused for their ratio: a
    /// small entry cannot hurt, and tiny XML parts compress extremely well. Default 1 MiB.
    public var ratioCheckFloor: Int

    public init(
        maxFileBytes: Int = 64 << 20,
        maxUncompressedBytes: Int = 64 << 20,
        maxCompressionRatio: Int = 500,
        ratioCheckFloor: Int = 1 << 20
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFloor = ratioCheckFloor
    }
}
