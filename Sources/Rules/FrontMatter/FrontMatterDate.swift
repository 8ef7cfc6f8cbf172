/// Reads the dates `front-matter-fields` accepts, byte by byte:
///
///     YYYY-MM-DD [ (T | blanks) HH:MM [:SS [.fraction]] [blanks] [zone] ]
///     zone = Z | ±HH | ±HHMM | ±HH:MM
///
/// and checks that the date and time exist (month 1-12, the month's days in that year,
/// hour 0-23, minute and second 0-59, zone within ±23:59).
enum FrontMatterDate {
    enum Verdict: Equatable {
        case valid
        /// Not of the form at all.
        case malformed
        /// Of the form, but no such date or time; says why.
        case impossible(String)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func check(_ text: String) -> Verdict {
        var r = Reader(bytes: Array(text.utf8))
        guard let year = r.digits(4), r.take(0x2D), let month = r.digits(2), r.take(0x2D),
              let day = r.digits(2) else { return .malformed }
        if let problem = dateProblem(year: year, month: month, day: day) { return .impossible(problem) }
        if r.atEnd { return .valid }
        // The separator: `T`, or one or more spaces or tabs.
        if !r.take(0x54) && !r.take(0x74) {
            guard r.skipBlanks() > 0 else { return .malformed }
        }
        guard let hour = r.digits(2), r.take(0x3A), let minute = r.digits(2) else { return .malformed }
        var second = 0
        if r.take(0x3A) {
            guard let s = r.digits(2) else { return .malformed }
            second = s
            if r.take(0x2E) {
                guard r.skipDigits() > 0 else { return .malformed }
            }
        }
        if hour > 23 { return .impossible("hour \(hour) does not exist (00 to 23)") }
        if minute > 59 { return .impossible("minute \(minute) does not exist (00 to 59)") }
        if second > 59 { return .impossible("second \(second) does not exist (00 to 59)") }
        r.skipBlanks()
        if r.atEnd { return .valid }
        return zone(&r)
    }

    private static func zone(_ r: inout Reader) -> Verdict {
        if r.take(0x5A) || r.take(0x7A) { return r.atEnd ? .valid : .malformed }
        guard r.take(0x2B) || r.take(0x2D), let hours = r.digits(2) else { return .malformed }
        var minutes = 0
        if !r.atEnd {
            _ = r.take(0x3A)
            guard let m = r.digits(2), r.atEnd else { return .malformed }
            minutes = m
        }
        if hours > 23 || minutes > 59 { return .impossible("zone offset \(pad(hours)):\(pad(minutes)) does not exist") }
        return .valid
    }

    private static func dateProblem(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month) else { return "month \(month) does not exist (01 to 12)" }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            let name = monthNames[month - 1]
            if day == 0 { return "day 0 does not exist" }
            return month == 2 ? "\(name) \(year) has \(length) days" : "\(name) has \(length) days"
        }
        return nil
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func take(_ b: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }

        /// Exactly `n` ASCII digits as a number.
        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= bytes.count else { return nil }
            var value = 0
            for k in i..<(i + n) {
                let b = bytes[k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += n
            return value
        }

        @discardableResult
        mutating func skipDigits() -> Int {
            let start = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - start
        }

        @discardableResult
        mutating func skipBlanks() -> Int {
            let start = i
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            return i - start
        }
    }
}
