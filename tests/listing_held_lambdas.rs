//! Lambdas held in a dict, list or tuple, and calls of functions read
//! back from a container or a variable: refused at their place, naming
//! the container, as each Rust closure has a type of its own.

#[path = "support/listing.rs"]
mod support;

use support::{listing, main_of, refused};

#[test]
fn a_lambda_held_in_a_dict_is_refused_at_the_lambda() {
    let src = main_of(
        "    ops = {\"add\": lambda a, b: a + b}\n    print(ops)\n    for name in ops:\n        \
print(name, ops[name](10, 4))\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a `lambda` held in a dict");
    assert!(reason.contains("`fn` pointers"), "{reason}");
    assert_eq!(at, "lambda a, b: a + b");
}

#[test]
fn a_lambda_held_in_a_tuple_of_a_list_is_refused_at_the_lambda() {
    let src = main_of("    cases = [(\"few\", lambda: 1 + 2)]\n    print(len(cases))\n");
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a `lambda` held in a tuple");
    assert_eq!(at, "lambda: 1 + 2");
    let src = main_of("    fs = [lambda: 1]\n    print(len(fs))\n");
    assert_eq!(refused(&src).0, "a `lambda` held in a list");
}

#[test]
fn calling_an_item_of_a_container_is_refused_at_the_call() {
    let src = main_of("    rows = [[1, 2]]\n    print(rows[0](3))\n");
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "the call `rows[0](3)` of an item of a container");
    assert!(
        reason.contains("a function read from a container"),
        "{reason}"
    );
    assert_eq!(at, "rows[0](3)");
}

#[test]
fn calling_a_loop_variable_is_refused_at_the_call() {
    let src = main_of("    for f in [1, 2]:\n        print(f(3))\n");
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "the call `f(3)` of a value kept in a variable");
    assert!(reason.contains("bound by a loop"), "{reason}");
    assert_eq!(at, "f(3)");
}

#[test]
fn a_lambda_kept_in_a_variable_and_only_called_still_translates() {
    let src = main_of("    square = lambda x: x * x\n    print(square(4))\n");
    let text = listing(&src);
    assert!(text.contains("fn square(x: i64) -> i64 {"), "{text}");
    assert!(text.contains("square(4)"), "{text}");
}

#[test]
fn a_lambda_made_in_a_comprehension_is_refused_and_late_binding_named() {
    let src = main_of("    late = [lambda x: x * k for k in range(3)]\n    print(len(late))\n");
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a `lambda` made in a comprehension");
    assert!(reason.contains("not when it is made"), "{reason}");
    assert_eq!(at, "lambda x: x * k");
    let src = main_of("    fs = [lambda x: x for k in range(3)]\n    print(len(fs))\n");
    let (construct, reason, _) = refused(&src);
    assert_eq!(construct, "a `lambda` made in a comprehension");
    assert!(!reason.contains("not when it is made"), "{reason}");
}
