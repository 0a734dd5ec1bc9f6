//! Programs whose Rust form would print something other than Python:
//! the translator refuses them at the construct, with the reason.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, main_of, refused};

#[test]
fn a_class_body_calling_a_function_defined_below_is_refused() {
    let source = format!(
        "{HEADER}class Box:\n    print(double(2))\n\n\ndef double(x):\n    return x * 2\n\n\n\
         async def main():\n    print(\"ok\")\n{RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(construct, "a name defined after the class");
    assert_eq!(at, "double");
    assert!(reason.contains("NameError"), "{reason}");
}

#[test]
fn a_class_body_calling_a_function_defined_above_translates() {
    let source = format!(
        "{HEADER}def double(x):\n    return x * 2\n\n\nclass Box:\n    print(double(2))\n\n\n\
         async def main():\n    print(\"ok\")\n{RUN}"
    );
    let text = listing(&source);
    assert!(text.contains("println!(\"{}\", double(2));"), "{text}");
}

/// The listing of `source` as the Rust pane shows it, refusal included.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

#[test]
fn a_printed_max_of_an_int_beside_a_float_is_refused_at_the_call() {
    let text = shown(&main_of("    print(max(-1, -2.5))\n"));
    assert!(
        text.contains("// x.py:5:11: `max`/`min` of integers beside floats"),
        "{text}"
    );
    assert!(text.contains("//     print(max(-1, -2.5))"), "{text}");
}

#[test]
fn a_kept_min_of_an_int_beside_a_float_is_refused() {
    let text = shown(&main_of("    low = min(3, 2.5, 4)\n    print(low)\n"));
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    assert!(
        text.contains("`max`/`min` of integers beside floats"),
        "{text}"
    );
}

#[test]
fn a_max_of_floats_only_still_translates() {
    let text = listing(&main_of("    print(max(1.5, -2.5))\n"));
    assert!(
        text.contains("println!(\"{:?}\", 1.5_f64.max(-2.5));"),
        "{text}"
    );
}
