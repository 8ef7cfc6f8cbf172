import Testing
@testable import FrontMatter

/// Plain scalars under the YAML 1.2 core schema (spec 1.2.2, section 10.3.2 "Tag
/// Resolution") and under YAML 1.1's types (yaml.org/type), and where the two differ.
@Suite struct ScalarResolverTests {
    typealias R = ScalarResolver.Reading

    /// The core schema's table: every row of 10.3.2, plus the spec's example 10.9 values.
    @Test(arguments: [
        ("null", R(.null, "null")), ("Null", R(.null, "null")), ("NULL", R(.null, "null")), ("~", R(.null, "null")), ("", R(.null, "null")),
        ("true", R(.bool, "true")), ("True", R(.bool, "true")), ("TRUE", R(.bool, "true")),
        ("false", R(.bool, "false")), ("False", R(.bool, "false")), ("FALSE", R(.bool, "false")),
        ("0", R(.int, "0")), ("12", R(.int, "12")), ("-19", R(.int, "-19")), ("+12", R(.int, "12")), ("0012", R(.int, "12")),
        ("0o14", R(.int, "12")), ("0x1A", R(.int, "26")), ("0xC", R(.int, "12")),
        ("1.", R(.float, "1.0")), ("-1.5", R(.float, "-1.5")), (".5", R(.float, "0.5")), ("+.5", R(.float, "0.5")),
        ("1e3", R(.float, "1000.0")), ("2.3e4", R(.float, "23000.0")), ("1E-2", R(.float, "0.01")),
        (".inf", R(.float, ".inf")), ("-.Inf", R(.float, "-.inf")), ("+.INF", R(.float, ".inf")), (".NaN", R(.float, ".nan")),
        // Strings in the core schema.
        ("_", R(.str, "_")), ("1_000", R(.str, "1_000")), ("yes", R(.str, "yes")), ("on", R(.str, "on")), ("y", R(.str, "y")),
        ("12:30", R(.str, "12:30")), ("0b101", R(.str, "0b101")), ("-0x1A", R(.str, "-0x1A")), ("1e", R(.str, "1e")),
        (".", R(.str, ".")), ("e3", R(.str, "e3")), ("0x", R(.str, "0x")), ("1.2.3", R(.str, "1.2.3")), ("nan", R(.str, "nan")),
        ("2024-05-01", R(.str, "2024-05-01")), ("Docker: the basics", R(.str, "Docker: the basics")),
    ])
    func core(_ text: String, _ expected: R) {
        #expect(ScalarResolver.read(text, as: .core) == expected)
    }

    @Test(arguments: [
        ("yes", R(.bool, "true")), ("No", R(.bool, "false")), ("on", R(.bool, "true")), ("OFF", R(.bool, "false")),
        ("y", R(.bool, "true")), ("n", R(.bool, "false")), ("true", R(.bool, "true")),
        ("0777", R(.int, "511")), ("0b1010", R(.int, "10")), ("0x_0A_74_AE", R(.int, "685230")), ("685_230", R(.int, "685230")),
        ("+685230", R(.int, "685230")), ("190:20:30", R(.int, "685230")), ("-0", R(.int, "0")), ("0", R(.int, "0")),
        ("6.8523015e+5", R(.float, "685230.15")), ("685.230_15e+03", R(.float, "685230.15")), ("190:20:30.15", R(.float, "685230.15")),
        (".5", R(.float, "0.5")), ("1.", R(.float, "1.0")), ("-.inf", R(.float, "-.inf")), (".NaN", R(.float, ".nan")),
        // Strings in YAML 1.1: no exponent without a dot and a sign, no `0o`, no leading zeros in decimals.
        ("1e3", R(.str, "1e3")), ("1.0e3", R(.str, "1.0e3")), ("0o14", R(.str, "0o14")), ("08", R(.str, "08")), ("_", R(.str, "_")),
        ("12:60", R(.str, "12:60")), ("2024-05-01", R(.str, "2024-05-01")), ("Yess", R(.str, "Yess")),
    ])
    func yaml11(_ text: String, _ expected: R) {
        #expect(ScalarResolver.read(text, as: .yaml11) == expected)
    }

    /// The values whose two readings differ, which galley reports instead of choosing.
    @Test func theReadingsDifferExactlyWhereTheSchemasDo() {
        let differ = ["yes", "no", "on", "off", "y", "N", "0777", "1_000", "1e3", "0o17", "12:30", "08", "0b11"]
        let agree = ["true", "False", "12", "-3", "0x1F", "1.5", ".inf", "~", "", "null", "hello", "2024-05-01", "_"]
        for text in differ {
            let r = ScalarResolver.readings(text)
            #expect(r.core != r.yaml11, "`\(text)` should read differently")
        }
        for text in agree {
            let r = ScalarResolver.readings(text)
            #expect(r.core == r.yaml11, "`\(text)`: \(r.core) vs \(r.yaml11)")
        }
    }

    @Test func hugeIntegersKeepTheirDigits() {
        #expect(ScalarResolver.read("123456789012345678901234567890", as: .core) == R(.int, "123456789012345678901234567890"))
        #expect(ScalarResolver.read("000123456789012345678901234567890", as: .core) == R(.int, "123456789012345678901234567890"))
    }
}
