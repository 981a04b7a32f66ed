extension String {
    /// `utf8.allSatisfy(predicate)`, over the string's contiguous UTF-8 storage when it has one (every native
    /// string): `utf8.allSatisfy` goes through the generic collection witnesses a byte at a time, which showed in
    /// large documents' presenting (the ASCII checks of doc comment lines and source lines).
    @inline(__always)
    func utf8AllSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        let scanned = utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where !predicate(byte) { return false }
            return true
        }
        return scanned ?? utf8.allSatisfy(predicate)
    }
}
