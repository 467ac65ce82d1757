/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
/// giving up once it exceeds `limit`. On bytes: "krushchev" vs "khrushchev" is 1,
/// "missels" vs "missiles" is 2.
public func boundedEditDistance(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, limit: Int) -> Int? {
    let a = Array(a), b = Array(b)
    if abs(a.count - b.count) > limit { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
    let width = b.count + 1
    var previousPrevious = [Int](repeating: 0, count: width)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = current[0]
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previousPrevious[j - 2] + 1)
            }
            current[j] = value
            rowMinimum = min(rowMinimum, value)
        }
        if rowMinimum > limit { return nil }
        swap(&previousPrevious, &previous)
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
