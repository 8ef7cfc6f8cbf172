/// Where a non-breaking space is typography, not debris.
enum NbspTypography {
    /// Before `: ; ! ? »` or after `«`, French typography wants a non-breaking space.
    static func isFrenchSpacing(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        let after = range.upperBound, before = range.lowerBound
        if after < b.count {
            let c = b[after]
            if c == 0x3A || c == 0x3B || c == 0x21 || c == 0x3F { return true }
            if c == 0xC2 && after + 1 < b.count && b[after + 1] == 0xBB { return true }  // »
        }
        return before >= 2 && b[before - 2] == 0xC2 && b[before - 1] == 0xAB  // «
    }

    /// Next to a digit: a number and its unit (`12 km`, `5 %`, `20 °C`), a number and what
    /// it counts (`page 12`, `n° 5`), or a thousands separator (`1 500`).
    static func joinsNumber(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        (range.lowerBound > 0 && isDigit(b[range.lowerBound - 1])) || (range.upperBound < b.count && isDigit(b[range.upperBound]))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
