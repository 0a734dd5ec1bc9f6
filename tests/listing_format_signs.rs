//! The Rust listing of format specs whose plain `format!` form prints
//! otherwise than Python: an integer in base 16, 8 or 2 that may be
//! negative (its sign written apart from its magnitude), the `#X` prefix
//! (`0X`), the `F` type of a float that may be NaN or infinite (the text
//! upper-cased), and `0` after an alignment (the fill); and the refusals
//! of the forms that have no faithful `format!` spelling.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

/// A program whose plain function `show(n)` prints `line`, called with
/// each of `values`.
fn shown(line: &str, values: &str) -> String {
    format!(
        "{HEADER}def show(n):\n    print(f\"{line}\")\n\n\nasync def main():\n    for n in [{values}]:\n        show(n)\n{RUN}"
    )
}

#[test]
fn a_negative_integer_in_hex_has_its_sign_apart() {
    let text = listing(&shown("{n:x} {n:#o} {n:+b}", "-255, 255"));
    has_all(
        &text,
        &[
            "\"{}{:x} {}0o{:o} {}{:b}\",",
            "py_sign(n, \"\"),",
            "n.unsigned_abs(),",
            "py_sign(n, \"+\"),",
            "fn py_sign(n: i64, plus: &'static str) -> &'static str {",
            "    if n < 0 { \"-\" } else { plus }",
        ],
    );
}

#[test]
fn a_padded_negative_hex_pads_the_signed_text() {
    let text = listing(&shown("[{n:8x}] [{n:*<8X}]", "-255"));
    has_all(
        &text,
        &[
            "\"[{:>8}] [{:*<8}]\",",
            "format!(\"{}{:x}\", py_sign(n, \"\"), n.unsigned_abs()),",
            "format!(\"{}{:X}\", py_sign(n, \"\"), n.unsigned_abs())",
        ],
    );
}

#[test]
fn a_literal_negative_writes_its_sign_as_text() {
    let text = listing(&main_of("    print(f\"{-255:x}\")\n"));
    has_all(&text, &["println!(\"-{:x}\", 255);"]);
    assert!(!text.contains("py_sign"), "{text}");
}

#[test]
fn an_integer_known_not_negative_keeps_the_plain_spec() {
    let text = listing(&main_of(
        "    for n in [0, 255]:\n        print(f\"{n:x} {n:#b}\")\n",
    ));
    has_all(&text, &["println!(\"{n:x} {n:#b}\");"]);
    assert!(!text.contains("py_sign"), "{text}");
}

#[test]
fn the_prefix_of_upper_hex_is_written_0x_upper() {
    let text = listing(&main_of(
        "    n = 255\n    print(f\"{n:#X} [{n:#08X}] [{n:>+#7X}]\")\n",
    ));
    has_all(
        &text,
        &["\"0X{:X} [0X{:06X}] [{:>7}]\",", "format!(\"+0X{:X}\", n)"],
    );
}

#[test]
fn upper_f_of_a_float_that_may_be_nan_is_upper_cased() {
    let text = listing(&shown(
        "{n:F} [{n:10.2F}] [{n:-<9.1F}] [{n:08.1F}]",
        "float(\"nan\"), 2.5",
    ));
    has_all(
        &text,
        &[
            "\"{} [{}] [{:-<9}] [{}]\",",
            "format!(\"{n:.6}\").to_uppercase(),",
            "format!(\"{n:10.2}\").to_uppercase(),",
            "format!(\"{n:.1}\").to_uppercase(),",
            "format!(\"{n:08.1}\").to_uppercase()",
        ],
    );
}

#[test]
fn upper_f_of_a_known_finite_float_keeps_the_plain_spec() {
    let text = listing(&main_of("    x = 2.5\n    print(f\"{x:.2F}\")\n"));
    has_all(&text, &["println!(\"{x:.2}\");"]);
}

#[test]
fn a_zero_after_an_alignment_is_the_fill() {
    let text = listing(&main_of(
        "    for n in [7, -7]:\n        print(f\"[{n:<05d}] [{n:^05}] [{n:*<05}]\")\n",
    ));
    has_all(&text, &["println!(\"[{n:0<5}] [{n:0^5}] [{n:*<5}]\");"]);
}

#[test]
fn zero_padding_of_a_hex_that_may_be_negative_is_refused() {
    let (construct, reason, at) = refused(&shown("{n:08x}", "-255"));
    assert_eq!(construct, "the format type `x` of this number");
    assert!(
        reason.contains("pads it with zeros after the sign"),
        "{reason}"
    );
    assert_eq!(at, "n");
}

#[test]
fn a_hex_of_a_call_that_may_be_negative_is_refused() {
    let source = format!(
        "{HEADER}def offset():\n    return -3\n\n\nasync def main():\n    print(f\"{{offset():x}}\")\n{RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(construct, "the format type `x` of this number");
    assert!(reason.contains("bind it to a name first"), "{reason}");
    assert_eq!(at, "offset()");
}

#[test]
fn a_plus_sign_on_upper_f_of_a_float_that_may_be_nan_is_refused() {
    let (construct, reason, at) = refused(&shown("{n:+F}", "float(\"nan\")"));
    assert_eq!(construct, "the format type `F` of this number");
    assert!(reason.contains("`+NAN`"), "{reason}");
    assert_eq!(at, "n");
}
