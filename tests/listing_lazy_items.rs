//! A generator expression whose items call the program's functions: the
//! listing builds the items at once, so it is translated only where all
//! are read before anything else runs (`sum`, `list`, `join`, ...) or
//! where the listing stops as Python does (`any`, `all`); read one by one
//! elsewhere, it is refused at the call.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A function that prints as it makes a value.
const NOISY: &str = "def noisy(x):\n    print(\"make\", x)\n    return x\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{NOISY}async def main():\n{body}    await asyncio.sleep(0)\n{RUN}")
}

#[test]
fn items_read_whole_or_by_any_are_translated() {
    let text = listing(&program(
        "    print(sum(noisy(x) for x in range(3)), \"-\".join(str(noisy(x)) for x in range(2)))\n    \
         print(any(noisy(x) > 0 for x in range(3)))\n",
    ));
    has_all(
        &text,
        &[
            "(0..3).map(|x: i64| noisy(x)).sum::<i64>()",
            "(0..3).any(|x: i64| noisy(x) > 0)",
        ],
    );
}

#[test]
fn items_read_one_by_one_are_refused_at_the_call() {
    for (body, at) in [
        (
            "    for v in (noisy(x) for x in range(2)):\n        print(\"got\", v)\n",
            "noisy(x)",
        ),
        (
            "    for v in (x for x in range(2) if noisy(x)):\n        print(\"got\", v)\n",
            "noisy(x)",
        ),
        (
            "    for v in (print(x) for x in range(2)):\n        print(\"got\", v)\n",
            "print(x)",
        ),
    ] {
        let (construct, reason, found) = refused(&program(body));
        assert!(
            construct.ends_with("making the items of a generator expression"),
            "{construct}"
        );
        assert!(reason.contains("another order"), "{reason}");
        assert_eq!(found, at, "{body}");
    }
}

#[test]
fn a_function_returning_such_items_is_refused() {
    let source = format!(
        "{HEADER}{NOISY}def made(n):\n    return (noisy(x) for x in range(n))\n\n\n\
         async def main():\n    for v in made(2):\n        print(\"got\", v)\n    \
         await asyncio.sleep(0)\n{RUN}"
    );
    let (construct, _, found) = refused(&source);
    assert_eq!(
        construct,
        "a call of `noisy` making the items of a generator expression"
    );
    assert_eq!(found, "noisy(x)");
}

#[test]
fn items_of_two_fors_read_one_by_one_are_refused_at_the_call() {
    let (construct, _, found) = refused(&program(
        "    for v in (noisy(x) for row in [[1], [2]] for x in row):\n        print(\"got\", v)\n",
    ));
    assert_eq!(
        construct,
        "a call of `noisy` making the items of a generator expression"
    );
    assert_eq!(found, "noisy(x)");
    let text = listing(&program(
        "    print(sum(noisy(x) for row in [[1], [2]] for x in row))\n",
    ));
    assert!(text.contains("noisy(x)"), "{text}");
}
