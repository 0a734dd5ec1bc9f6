//! The `f`, `e`, `g`, `%` and `,` specs of a float that may be NaN: the
//! listing spells it `nan` (and `+nan` under a `+`) as Python does, and
//! keeps the plain `format!` spec where the value cannot be NaN.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A program whose `show(value)` prints `line` for each of `values`.
fn shown(line: &str, values: &str) -> String {
    format!(
        "{HEADER}def show(value):\n    print({line})\n\n\nasync def main():\n    \
         for value in [{values}]:\n        show(value)\n{RUN}"
    )
}

#[test]
fn fixed_spec_of_a_float_that_may_be_nan_spells_it_nan() {
    let rust = listing(&shown(
        "f\"[{value:.2f}] [{value:8.1f}] [{value:08.2f}]\"",
        "float(\"nan\"), 2.5",
    ));
    has_all(
        &rust,
        &[
            "\"[{}] [{}] [{}]\",",
            "format!(\"{value:.2}\").replace(\"NaN\", \"nan\"),",
            "format!(\"{value:8.1}\").replace(\"NaN\", \"nan\"),",
            "format!(\"{value:08.2}\").replace(\"NaN\", \"nan\")",
        ],
    );
}

#[test]
fn plus_sign_of_a_float_that_may_be_nan_is_padded_outside() {
    let rust = listing(&shown(
        "f\"[{value:+8.2f}] [{value:*<+9.1f}]\"",
        "float(\"nan\"), 2.5",
    ));
    has_all(
        &rust,
        &[
            "\"[{:>8}] [{:*<9}]\",",
            "format!(\"{value:+.2}\").replace(\"NaN\", \"+nan\"),",
            "format!(\"{value:+.1}\").replace(\"NaN\", \"+nan\")",
        ],
    );
}

#[test]
fn fixed_spec_of_a_float_that_is_never_nan_stays_plain() {
    let infinite = listing(&shown("f\"[{value:.2f}]\"", "float(\"inf\"), 2.5"));
    has_all(&infinite, &["println!(\"[{value:.2}]\");"]);
    let rust = listing(&shown("f\"[{value / 3:8.1f}]\"", "1.5, 2.5"));
    has_all(&rust, &["println!(\"[{:8.1}]\", value / 3.0);"]);
    let quotient = listing(&shown("f\"{value / 4:.2f}\"", "1, 7"));
    has_all(&quotient, &["println!(\"{:.2}\", value as f64 / 4.0);"]);
}

#[test]
fn nested_width_of_a_float_that_may_be_nan_is_formatted_apart() {
    let source = shown("f\"[{value:>{W + 4}.{P}f}]\"", "float(\"nan\"), 2.5")
        .replace("def show", "W = 4\nP = 2\n\n\ndef show");
    let rust = listing(&source);
    has_all(
        &rust,
        &[
            "        format!(\n            \"{:>width$.precision$}\",\n            value,",
            "        )\n        .replace(\"NaN\", \"nan\")\n",
        ],
    );
}

#[test]
fn python_number_forms_spell_nan_as_python_does() {
    let rust = listing(&shown(
        "f\"{value:.1%} {value:,.2f} {value:e} {value:g}\"",
        "float(\"nan\"), 2.5",
    ));
    has_all(
        &rust,
        &[
            "format!(\"{:.1}%\", value * 100.0).replace(\"NaN\", \"nan\"),",
            "py_group(&format!(\"{:.2}\", value), ',').replace(\"NaN\", \"nan\"),",
            "py_exp(value, 6),",
            "py_g(value, 6)",
            "        return text.replace(\"NaN\", \"nan\");",
            "        return sci.replace(\"NaN\", \"nan\");",
        ],
    );
}

#[test]
fn plus_and_zero_padding_of_a_float_that_may_be_nan_is_refused() {
    let (construct, reason, place) =
        refused(&shown("f\"[{value:+08.2f}]\"", "float(\"nan\"), 2.5"));
    assert_eq!(construct, "the format type `f` of this number");
    assert!(reason.contains("`+0000nan`"), "{reason}");
    assert_eq!(place, "value");
}
