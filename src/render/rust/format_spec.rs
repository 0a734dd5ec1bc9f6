//! The number formats of f-strings that `format!` has no spec for
//! ([`PySpec`]): grouped thousands, percentages, Python's exponent form
//! and its general form, each written by a small helper the listing
//! carries.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::PySpec;

const PY_GROUP: &[&str] = &[
    "/// Python's `,` (or `_`) format option: `sep` between the thousands of",
    "/// the integer digits of a formatted number.",
    "fn py_group(text: &str, sep: char) -> String {",
    "    let (sign, rest) = match text.strip_prefix('-') {",
    "        Some(rest) => (\"-\", rest),",
    "        None => (\"\", text),",
    "    };",
    "    let end = rest",
    "        .find(|c: char| !c.is_ascii_digit())",
    "        .unwrap_or(rest.len());",
    "    let (digits, tail) = rest.split_at(end);",
    "    let mut out = String::from(sign);",
    "    for (i, c) in digits.chars().enumerate() {",
    "        if i > 0 && (digits.len() - i) % 3 == 0 {",
    "            out.push(sep);",
    "        }",
    "        out.push(c);",
    "    }",
    "    out + tail",
    "}",
];

const PY_EXP: &[&str] = &[
    "/// Python's `e` format: `places` digits after the point, and the",
    "/// exponent with its sign and at least two digits (`1.5e+03`).",
    "fn py_exp(x: f64, places: usize) -> String {",
    "    let text = format!(\"{x:.places$e}\");",
    "    let Some((mantissa, exp)) = text.split_once('e') else {",
    "        // NaN or infinity, which Python spells `nan` and `inf`.",
    "        return text.replace(\"NaN\", \"nan\");",
    "    };",
    "    let exp: i32 = exp.parse().unwrap();",
    "    let sign = if exp < 0 { '-' } else { '+' };",
    "    format!(\"{mantissa}e{sign}{:02}\", exp.abs())",
    "}",
];

const PY_G: &[&str] = &[
    "/// Python's `g` format: `digits` significant digits, written fixed when",
    "/// the exponent is from -4 to below `digits`, else as `py_exp`; trailing",
    "/// zeros dropped.",
    "fn py_g(x: f64, digits: usize) -> String {",
    "    let trim = |s: &str| {",
    "        if s.contains('.') {",
    "            s.trim_end_matches('0').trim_end_matches('.').to_string()",
    "        } else {",
    "            s.to_string()",
    "        }",
    "    };",
    "    let sci = format!(\"{x:.*e}\", digits - 1);",
    "    let Some((_, exp)) = sci.split_once('e') else {",
    "        return sci.replace(\"NaN\", \"nan\");",
    "    };",
    "    let exp: i32 = exp.parse().unwrap();",
    "    if (-4..digits as i32).contains(&exp) {",
    "        let places = (digits as i32 - 1 - exp) as usize;",
    "        return trim(&format!(\"{x:.places$}\"));",
    "    }",
    "    let text = py_exp(x, digits - 1);",
    "    let (mantissa, exp) = text.split_once('e').unwrap();",
    "    format!(\"{}e{exp}\", trim(mantissa))",
    "}",
];

const PY_SHORT: &[&str] = &[
    "/// Python's format of a float with a precision and no type: `py_g`, and",
    "/// `.0` after a whole number written without an exponent.",
    "fn py_short(x: f64, digits: usize) -> String {",
    "    let text = py_g(x, digits);",
    "    if text.contains(|c: char| !c.is_ascii_digit() && c != '-') {",
    "        text",
    "    } else {",
    "        text + \".0\"",
    "    }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("py_group(", PY_GROUP), ("py_short(", PY_SHORT)] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    if calls("py_g(") || calls("py_short(") {
        out.extend_from_slice(PY_G);
        out.push("");
    }
    if calls("py_exp(") || calls("py_g(") || calls("py_short(") {
        out.extend_from_slice(PY_EXP);
        out.push("");
    }
    out
}

/// The text of the value `c` in the format `spec`, a `String` expression;
/// `nan` when the value may be NaN, which `format!` spells `NaN`;
/// `ordinary` when a float's `{:?}` is known to be its Python `repr`.
pub(super) fn number(c: &Code, spec: PySpec, nan: bool, ordinary: bool) -> String {
    let python_nan = |text: String| {
        if nan {
            format!("{text}.replace(\"NaN\", \"nan\")")
        } else {
            text
        }
    };
    let upper = |text: String, up: bool| {
        if up {
            format!("{text}.to_uppercase()")
        } else {
            text
        }
    };
    match spec {
        // Python writes the float as its `repr` does (`1e+16`).
        PySpec::Group(sep, None) if c.ty == Ty::Float && !ordinary => {
            format!("py_group(&float_repr({}), {sep:?})", c.text)
        }
        PySpec::Group(sep, None) if c.ty == Ty::Float => python_nan(format!(
            "py_group(&format!(\"{{:?}}\", {}), {sep:?})",
            c.text
        )),
        PySpec::Group(sep, None) => format!("py_group(&{}.to_string(), {sep:?})", c.wrap(10)),
        PySpec::Group(sep, Some(places)) => python_nan(format!(
            "py_group(&format!(\"{{:.{places}}}\", {}), {sep:?})",
            c.as_f64().text
        )),
        PySpec::Percent(places) => python_nan(format!(
            "format!(\"{{:.{places}}}%\", {} * 100.0)",
            c.as_f64().wrap(6)
        )),
        PySpec::Exp(places, up) => upper(format!("py_exp({}, {places})", c.as_f64().text), up),
        PySpec::General(digits, up) => upper(format!("py_g({}, {digits})", c.as_f64().text), up),
        PySpec::Short(digits) => format!("py_short({}, {digits})", c.as_f64().text),
    }
}
