//! Programs whose Rust form would print something other than Python:
//! the translator refuses them at the construct, with the reason.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

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
