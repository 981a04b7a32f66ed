/// "Did you mean …?" for a name that matches nothing: the closest candidate by edit distance.
enum Suggestion {
    /// The candidate nearest to `name`, when it is near enough to be a plausible typo: at most one edit for
    /// names up to 4 characters, then one more for every 4 characters, compared case-insensitively (a case
    /// difference alone counts as the nearest possible miss).
    /// - Returns: `nil` when no candidate is close, or when `name` itself is a candidate.
    static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, (name.count + 3) / 4)
        guard name.count <= 256 else { return nil }  // no one mistypes a name that long; keeps the cost bounded
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if candidate == name { return nil }
            guard abs(candidate.count - name.count) <= limit else { continue }
            let distance =
                candidate.lowercased() == name.lowercased()
                ? 0 : editDistance(name.lowercased(), candidate.lowercased())
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `; did you mean 'X'?` when a candidate is close, otherwise the empty string.
    static func clause(for name: String, among candidates: some Sequence<String>) -> String {
        nearest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// ` (did you mean 'X'?)` when a candidate is close, otherwise the empty string; for messages that go on.
    static func parenthetical(for name: String, among candidates: some Sequence<String>) -> String {
        nearest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The optimal string alignment distance (Levenshtein with adjacent transpositions) over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
