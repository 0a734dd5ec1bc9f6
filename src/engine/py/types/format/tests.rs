//! Tests of `format`: expected values printed by CPython 3.11.
use super::*;
use num_bigint::BigInt;
use std::rc::Rc;

fn big(s: &str) -> Value {
    ops::int(s.parse::<BigInt>().expect("big int literal"))
}

fn fmt(v: Value, spec: &str) -> String {
    match format_value(&v, spec) {
        Ok(s) => s,
        Err(super::super::exc::Unwind::Exc(e)) => super::super::exc::summary(&e),
        Err(_) => "abort".into(),
    }
}

fn s(text: &str) -> Value {
    Value::Str(Rc::from(text))
}

use Value::{Bool as B, Float as F, Int as I};

// Every expected string below was printed by CPython 3.11:
// `python3 -c 'print(repr(format(VALUE, SPEC)))'` (errors as
// `Type: message`).
#[test]
fn floats() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    let cases: &[(f64, &str, &str)] = &[
        (1234567.891, ",.2f", "1,234,567.89"),
        (0.5, ".0f", "0"),
        (1.5, ".0f", "2"),
        (2.5, ".0f", "2"),
        (0.125, ".2f", "0.12"),
        (0.375, ".2f", "0.38"),
        (2.675, ".2f", "2.67"),
        (-0.0, ".1f", "-0.0"),
        (1e16, "g", "1e+16"),
        (12.0, "08.3f", "0012.000"),
        (-12.0, "08.3f", "-012.000"),
        (0.1234, ".1%", "12.3%"),
        (1.0 / 3.0, ".3e", "3.333e-01"),
        (1.0, ".1", "1e+00"),
        (1.0, ".0", "1e+00"),
        (1.0, ".2", "1.0"),
        (1234.5, ".2", "1.2e+03"),
        (1.0, "", "1.0"),
        (10.0, ".2", "1e+01"),
        (1e16, "#", "1.e+16"),
        (1.5, "#", "1.5"),
        (123.0, "#.3", "1.23e+02"),
        (0.0, ".3", "0.0"),
        (-0.0, "+z", "+0.0"),
        (-0.0, "z", "0.0"),
        (-0.0, "z.0f", "0"),
        (-0.4, "z.0f", "0"),
        (-0.4, "z.0e", "-4e-01"),
        (-1e-10, "zg", "-1e-10"),
        (-1e-10, "z.3", "-1e-10"),
        (-inf, "z", "-inf"),
        (nan, "z", "nan"),
        (-0.0, "z%", "0.000000%"),
        (-6.402418342694801e+307, "^ z#_%", "-inf%"),
        (1.5, ".0%", "150%"),
        (0.125, ".2%", "12.50%"),
        (1e22, "f", "10000000000000000000000.000000"),
        (1e-7, "", "1e-07"),
        (1e-7, "g", "1e-07"),
        (1e-5, ".3g", "1e-05"),
        (0.0001, "g", "0.0001"),
        (0.00001, "g", "1e-05"),
        (1234567.0, ".7g", "1234567"),
        (999999.5, "g", "1e+06"),
        (9.9999995, "g", "10"),
        (0.1, ".1", "0.1"),
        (0.15, ".1", "0.1"),
        (1e100, ",", "1e+100"),
        (123456789.0, ",", "123,456,789.0"),
        (123456789.0, ",g", "1.23457e+08"),
        (1234567.0, "_", "1_234_567.0"),
        (-1234.5, "=+12,.1f", "-    1,234.5"),
        (1234.5, "^+12,.1f", "  +1,234.5  "),
        (1234.5, " 012,.1f", " 0,001,234.5"),
        (12345.678, "015,.2f", "0,000,012,345.68"),
        (12345.678, ",e", "1.234568e+04"),
        (1e16, "10", "     1e+16"),
        (1e16, ".0", "1e+16"),
        (5e-324, "", "5e-324"),
        (5e-324, "e", "4.940656e-324"),
        (1.7976931348623157e308, "e", "1.797693e+308"),
        (1.0, "n", "1"),
        (1234.5, "n", "1234.5"),
        (1e-5, "n", "1e-05"),
        (1.5, "E", "1.500000E+00"),
        (1e20, "G", "1E+20"),
        (inf, "E", "INF"),
        (nan, "F", "NAN"),
        (inf, "+", "+inf"),
        (inf, " ", " inf"),
        (-inf, "08", "-0000inf"),
        (inf, "010", "0000000inf"),
        (inf, "010f", "0000000inf"),
        (-nan, "f", "nan"),
        (nan, "+f", "+nan"),
        (nan, "=8", "     nan"),
        (2.71835, "010.2f", "0000002.72"),
        (2.71835, "+.3", "+2.72"),
        (1e5, "g", "100000"),
        (1e6, "g", "1e+06"),
        (1e-4, "e", "1.000000e-04"),
        (12345.6789, ".2e", "1.23e+04"),
        (12345.6789, ".10g", "12345.6789"),
        (12345.6789, "#.10g", "12345.67890"),
        (12345.6789, "#.2g", "1.2e+04"),
        (0.00001234, ".2g", "1.2e-05"),
        (0.1, ".17g", "0.10000000000000001"),
        (0.1, ".25g", "0.1000000000000000055511151"),
        (0.1, ".20f", "0.10000000000000000555"),
        (1.0, "#.0g", "1."),
        (1.0, "#.1", "1.e+00"),
        (1.0, "#.0f", "1."),
        (1.0, "#.0e", "1.e+00"),
        (1.0, "#g", "1.00000"),
        (100.0, "#.3", "1.00e+02"),
        (1e5, "#.3", "1.00e+05"),
        (100.0, ".3", "1e+02"),
        (0.0, "#", "0.0"),
        (0.0, "e", "0.000000e+00"),
        (0.0, ".0e", "0e+00"),
        (-0.0, "e", "-0.000000e+00"),
        (-0.0, "", "-0.0"),
        (-0.0, "g", "-0"),
        (0.0, "%", "0.000000%"),
        (3.5, "", "3.5"),
        (-745021818796929.2, "", "-745021818796929.2"),
        (-745021818796929.2, "-z0,", "-745,021,818,796,929.2"),
    ];
    for (x, spec, want) in cases {
        assert_eq!(fmt(F(*x), spec), *want, "format({x:?}, {spec:?})");
    }
    assert_eq!(
        fmt(F(1e300), "f"),
        "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"
    );
    assert_eq!(
        fmt(F(1e100), ",.2f"),
        "10,000,000,000,000,000,159,028,911,097,599,180,468,360,808,563,945,281,389,781,327,557,747,838,772,170,381,060,813,469,985,856,815,104.00"
    );
}

#[test]
fn ints() {
    let cases: &[(Value, &str, &str)] = &[
        (I(255), "#x", "0xff"),
        (I(3), "+d", "+3"),
        (I(3), " d", " 3"),
        (I(-3), " d", "-3"),
        (I(1234), "08,", "0,001,234"),
        (I(1234), "09,", "0,001,234"),
        (I(1234), "0=8,", "0,001,234"),
        (I(1234), "*=8,", "***1,234"),
        (I(1234), "0=+10", "+000001234"),
        (I(1234), "^010", "0001234000"),
        (I(1234), "<010", "1234000000"),
        (I(1234), "x<010", "1234xxxxxx"),
        (I(-1234), "010", "-000001234"),
        (I(-1234), "010,", "-0,001,234"),
        (I(1234), "012_b", "100_1101_0010"),
        (I(1234), "#012_b", "0b100_1101_0010"),
        (I(255), "#o", "0o377"),
        (I(255), "#b", "0b11111111"),
        (I(-255), "#X", "-0XFF"),
        (I(255), "#X", "0XFF"),
        (I(255), "#010x", "0x000000ff"),
        (I(255), "_b", "1111_1111"),
        (I(-255), "#_x", "-0xff"),
        (I(0), "#x", "0x0"),
        (I(65), "c", "A"),
        (I(65), "10c", "         A"),
        (I(65), "<5c", "A    "),
        (I(0x1F600), "c", "😀"),
        (I(1), "0", "1"),
        (I(1), "00", "1"),
        (I(1), "010", "0000000001"),
        (I(1), "^", "1"),
        (I(1), "#10", "         1"),
        (I(-1), "+010_d", "-0_000_001"),
        (I(1), "=", "1"),
        (I(1234), "n", "1234"),
        (I(100), ".2f", "100.00"),
        (I(100), "g", "100"),
        (I(123), ".3%", "12300.000%"),
        (I(1), "%", "100.000000%"),
        (I(1), "#%", "100.000000%"),
        (I(1), "ze", "1.000000e+00"),
        (I(1), "z.1f", "1.0"),
        (B(true), "", "True"),
        (B(true), ">6", "     1"),
        (B(true), "6", "     1"),
        (B(true), "d", "1"),
        (B(true), "x", "1"),
        (B(true), ".2f", "1.00"),
        (B(true), "^5", "  1  "),
        (B(false), "+", "+0"),
        (B(true), "c", "\u{1}"),
        (big("18446744073709551616"), "x", "10000000000000000"),
        (
            big("-18446744073709551616"),
            "#_o",
            "-0o20_0000_0000_0000_0000_0000",
        ),
        (
            big("18446744073709551616"),
            ",d",
            "18,446,744,073,709,551,616",
        ),
        (big("18446744073709551616"), ".2e", "1.84e+19"),
        (
            big("1180591620717411303424"),
            ",",
            "1,180,591,620,717,411,303,424",
        ),
    ];
    for (v, spec, want) in cases {
        assert_eq!(
            fmt(v.clone(), spec),
            *want,
            "format({}, {spec:?})",
            v.repr()
        );
    }
}

#[test]
fn strings() {
    let cases: &[(&str, &str, &str)] = &[
        ("ab", "*^7", "**ab***"),
        ("ab", "*^8", "***ab***"),
        ("ab", "05", "ab000"),
        ("ab", "<05", "ab000"),
        ("ab", "0>5", "000ab"),
        ("abc", ".0", ""),
        ("abc", "^6.2", "  ab  "),
        ("héllo", "*>8", "***héllo"),
        ("abc", "0", "abc"),
        ("abc", "010", "abc0000000"),
        ("", "5", "     "),
        ("ab", "s", "ab"),
        ("ab", "", "ab"),
        ("ab", ".1", "a"),
    ];
    for (v, spec, want) in cases {
        assert_eq!(fmt(s(v), spec), *want, "format({v:?}, {spec:?})");
    }
    assert_eq!(fmt(Value::None, ""), "None");
    assert_eq!(fmt(Value::list(vec![I(1)]), ""), "[1]");
}

#[test]
fn errors() {
    let cases: &[(Value, &str, &str)] = &[
        (
            s("a"),
            "d",
            "ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        (
            s("a"),
            "z",
            "ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        (
            s("a"),
            "+",
            "ValueError: Sign not allowed in string format specifier",
        ),
        (
            s("a"),
            "#",
            "ValueError: Alternate form (#) not allowed in string format specifier",
        ),
        (
            s("a"),
            "=5",
            "ValueError: '=' alignment not allowed in string format specifier",
        ),
        (
            s("a"),
            "+z",
            "ValueError: Sign not allowed in string format specifier",
        ),
        (
            s("a"),
            "z#",
            "ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        (s("a"), ",", "ValueError: Cannot specify ',' with 's'."),
        (
            s("a"),
            ",d",
            "ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        (
            I(1),
            "z",
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            I(1),
            "+z",
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            I(1),
            "zx",
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            I(1),
            "z+",
            "ValueError: Unknown format code '+' for object of type 'int'",
        ),
        (
            I(1),
            ".2",
            "ValueError: Precision not allowed in integer format specifier",
        ),
        (
            I(1),
            "xx",
            "ValueError: Invalid format specifier 'xx' for object of type 'int'",
        ),
        (I(1), ",x", "ValueError: Cannot specify ',' with 'x'."),
        (I(1), ",c", "ValueError: Cannot specify ',' with 'c'."),
        (I(1), ",n", "ValueError: Cannot specify ',' with 'n'."),
        (I(1), "_n", "ValueError: Cannot specify '_' with 'n'."),
        (I(1), ",_", "ValueError: Cannot specify both ',' and '_'."),
        (I(1), "_,", "ValueError: Cannot specify both ',' and '_'."),
        (F(1.5), ",_", "ValueError: Cannot specify both ',' and '_'."),
        (I(1), ".", "ValueError: Format specifier missing precision"),
        (
            I(1),
            "+c",
            "ValueError: Sign not allowed with integer format specifier 'c'",
        ),
        (I(-1), "c", "OverflowError: %c arg not in range(0x110000)"),
        (
            I(0x110000),
            "c",
            "OverflowError: %c arg not in range(0x110000)",
        ),
        (
            big("-11516561222653427431448"),
            "0c",
            "OverflowError: Python int too large to convert to C long",
        ),
        (
            I(1),
            "s",
            "ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            I(1),
            "<<<",
            "ValueError: Unknown format code '<' for object of type 'int'",
        ),
        (
            I(1),
            "é",
            "ValueError: Unknown format code '\\xe9' for object of type 'int'",
        ),
        (
            I(1),
            "9999999999999999999999999",
            "ValueError: Too many decimal digits in format string",
        ),
        (
            B(true),
            "s",
            "ValueError: Unknown format code 's' for object of type 'bool'",
        ),
        (
            F(1.0),
            "d",
            "ValueError: Unknown format code 'd' for object of type 'float'",
        ),
        (
            F(1.5),
            "c",
            "ValueError: Unknown format code 'c' for object of type 'float'",
        ),
        (
            F(1.5),
            "zd",
            "ValueError: Unknown format code 'd' for object of type 'float'",
        ),
        (
            Value::None,
            ">5",
            "TypeError: unsupported format string passed to NoneType.__format__",
        ),
        (
            Value::list(vec![]),
            "5",
            "TypeError: unsupported format string passed to list.__format__",
        ),
    ];
    for (v, spec, want) in cases {
        assert_eq!(
            fmt(v.clone(), spec),
            *want,
            "format({}, {spec:?})",
            v.repr()
        );
    }
    let huge = ops::int(num_traits::pow(BigInt::from(2), 1030));
    assert_eq!(
        fmt(huge, "e"),
        "OverflowError: int too large to convert to float"
    );
}
