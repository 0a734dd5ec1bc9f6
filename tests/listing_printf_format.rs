//! `"%-8s took %5.2f s" % (name, secs)`: printf-style formatting of a
//! literal pattern is written with `format!`, each conversion as the spec
//! that writes its value as Python does; the conversions, flags and values
//! whose output would differ are refused at their place.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn conversions_with_flags_widths_and_precisions_are_format_specs() {
    let text = listing(&main_of(
        "    name = \"fetch\"\n    secs = 1.5\n    n = 42\n    \
         print(\"%-8s took %5.2f s (%3d%%)\" % (name, secs, n))\n    \
         print(\"%05d|%+d|%-6d|%10s|%r\" % (n, n, n, name, name))\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{name:<8} took {secs:5.2} s ({n:3}%)\");",
            "println!(\"{n:05}|{n:+}|{n:<6}|{name:>10}|{}\", py_repr(&name));",
        ],
    );
}

#[test]
fn literal_values_are_written_into_the_text() {
    let text = listing(&main_of(
        "    print(\"%s is %d, %c%c %ld\" % (\"answer\", 42, 72, \"i\", 7))\n",
    ));
    has_all(&text, &["println!(\"answer is 42, Hi 7\");"]);
}

#[test]
fn python_number_forms_and_star_counts_are_written() {
    let text = listing(&main_of(
        "    x = 12345.678\n    print(\"%.2e %g %*.*f\" % (x, x, 9, 2, x))\n",
    ));
    has_all(
        &text,
        &[
            "\"{} {} {x:9.2}\",",
            "py_exp(x, 2),",
            "py_g(x, 6)",
            "fn py_g(",
        ],
    );
}

#[test]
fn keys_are_read_from_a_dict_display() {
    let text = listing(&main_of(
        "    count = 7\n    print(\"%(name)s has %(count)03d items\" % {\"name\": \"queue\", \"count\": count})\n",
    ));
    has_all(&text, &["println!(\"queue has {count:03} items\");"]);
}

#[test]
fn a_single_value_that_may_be_a_tuple_is_refused() {
    let (construct, reason, at) = refused(&main_of("    v = 3\n    print(\"%s\" % v)\n"));
    assert_eq!(
        construct,
        "a `%` format of one value that is not a tuple display"
    );
    assert!(reason.contains("`\"%s\" % (value,)`"), "{reason}");
    assert_eq!(at, "v");
}

#[test]
fn hex_of_a_value_that_may_be_negative_is_refused() {
    let (construct, reason, at) = refused(&main_of("    v = -5\n    print(\"%x\" % (v,))\n"));
    assert_eq!(
        construct,
        "the conversion `%x` of a value other than a literal integer of 0 or more"
    );
    assert!(reason.contains("two's complement"), "{reason}");
    assert_eq!(at, "v");
}

#[test]
fn conversions_whose_output_differs_are_refused() {
    for (body, want) in [
        (
            "print(\"% d\" % (4,))",
            "the `%` flag ` ` (a space before a number)",
        ),
        ("print(\"%#X\" % (255,))", "the `%` conversion `%#X`"),
        ("print(\"%a\" % (\"x\",))", "the `%` conversion `%a` here"),
        ("print(\"%.3d\" % (7,))", "the `%` conversion `%.3d`"),
        (
            "print(\"%s %s\" % (1,))",
            "a `%` format with fewer values than conversions",
        ),
        (
            "print(\"%s\" % (1, 2))",
            "a `%` format with more values than conversions",
        ),
        (
            "print(\"%-5\" % (1,))",
            "a `%` conversion cut off at the pattern's end",
        ),
        (
            "print(\"%99999999999999999999d\" % (1,))",
            "a `%` width or precision past 1000",
        ),
    ] {
        let (construct, _, _) = refused(&main_of(&format!("    {body}\n")));
        assert_eq!(construct, want, "{body}");
    }
    let (construct, _, at) = refused(&main_of("    w = 5\n    print(\"%*d\" % (w, 3))\n"));
    assert_eq!(
        construct,
        "a `*` width or precision that is not a literal count"
    );
    assert_eq!(at, "w");
}

#[test]
fn percent_d_of_a_float_is_refused_at_the_value() {
    let (construct, reason, at) = refused(&main_of("    x = 2.5\n    print(\"%d\" % (x,))\n"));
    assert_eq!(construct, "this format spec of a float");
    assert!(reason.contains("`%d` cuts it to an integer"), "{reason}");
    assert_eq!(at, "x");
}
