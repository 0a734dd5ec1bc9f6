//! The Rust listing of the program's own exception classes, `try ...
//! except ... else`, `return await asyncio.wait_for(...)` inside `try`, and
//! `asyncio.sleep` of a float read from text: what the listing says for
//! each (the corpus programs `errors__own_hierarchy`,
//! `errors__custom_exception` and `asyncio__sleep_nan` are built and run
//! by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{RUN, has_all, listing, refusal};

const CLASSES: &str = "import asyncio


class StoreError(Exception):
    pass


class NotFound(StoreError):
    def __init__(self, key, shelf):
        super().__init__(f\"{key} is not on shelf {shelf}\")
        self.key = key


class Gone(NotFound):
    pass


async def lookup(key):
    await asyncio.sleep(1)
    if key == \"pear\":
        raise NotFound(key, 3)
    if key == \"plum\":
        raise Gone(key, 7)
    return len(key)


";

/// A class of the program's is a variant of `Error`; its `__init__`'s
/// text is made by a function, which a subclass without `__init__` uses.
#[test]
fn an_exception_class_of_the_program_is_a_variant_with_its_text() {
    let src = format!(
        "{CLASSES}async def main():\n    try:\n        await lookup(\"pear\")\n    except StoreError as e:\n        print(\"caught\", e)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "enum Error {\n    NotFound(String),\n    Gone(String),\n}",
            "fn not_found_message(key: &str, shelf: i64) -> String {\n    format!(\"{key} is not on shelf {shelf}\")\n}",
            "return Err(Error::NotFound(not_found_message(key, 3)));",
            "return Err(Error::Gone(not_found_message(key, 7)));",
        ],
    );
}

/// `except` of a class of the program takes its subclasses too, and
/// `else:` runs when the block raised nothing.
#[test]
fn except_of_a_base_class_takes_its_subclasses_and_else_runs_without_one() {
    let src = format!(
        "{CLASSES}async def main():\n    for key in [\"fig\", \"plum\"]:\n        try:\n            size = await lookup(key)\n        except NotFound as e:\n            print(\"missing:\", e, type(e).__name__)\n        else:\n            print(\"found\", size)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "err @ (Error::NotFound(_) | Error::Gone(_)) => {",
            "let e_class = err.class_name().to_string();",
            "} else {\n            println!(\"found {size}\");\n        }",
        ],
    );
}

/// `return await asyncio.wait_for(...)` inside `try`: the value returned
/// from the `Ok` arm of Tokio's `timeout`; a parameter named `timeout`
/// leaves Tokio's function called by its path.
#[test]
fn a_returned_wait_for_is_the_ok_arm_of_timeout() {
    let src = "import asyncio\n\n\nasync def slow(n):\n    await asyncio.sleep(n)\n    return n * 10\n\n\nasync def within(n, timeout):\n    try:\n        return await asyncio.wait_for(slow(n), timeout=timeout)\n    except asyncio.TimeoutError:\n        print(\"too slow\")\n        return -1\n\n\nasync def main():\n    print(await within(1, 2), await within(3, 2))\n\n\nasyncio.run(main())\n";
    let text = listing(src);
    has_all(
        &text,
        &[
            "match tokio::time::timeout(\n        Duration::from_secs(timeout.try_into().unwrap_or(0)),\n        slow(n),\n    )\n    .await\n    {\n        Ok(value) => {\n            return value;\n        }\n        Err(_) => {\n            println!(\"too slow\");\n            return -1;",
        ],
    );
    assert!(
        !text.contains("use tokio::time::{sleep, timeout}"),
        "{text}"
    );
}

/// `asyncio.sleep(float("nan"))` waits no time, as a negative delay does:
/// the `except` around it never runs.
#[test]
fn a_sleep_of_a_float_read_from_text_waits_no_time_for_nan() {
    let src = "import asyncio\n\n\nasync def main():\n    try:\n        await asyncio.sleep(float(\"nan\"))\n    except ValueError as e:\n        print(e)\n    print(\"ok\")\n\n\nasyncio.run(main())\n";
    has_all(
        &listing(src),
        &[
            "// Nothing here raises what the `except` takes: it never runs.",
            "sleep(Duration::try_from_secs_f64(\"nan\".parse::<f64>().unwrap()).unwrap_or_default()).await;",
        ],
    );
}

/// An exception class with other statements has no variant, and an
/// exception of the program's kept as a value has no struct.
#[test]
fn what_has_no_counterpart_is_refused_at_its_place() {
    let method = "import asyncio\n\n\nclass Odd(Exception):\n    def hint(self):\n        return 1\n\n\nasync def main():\n    raise Odd(\"x\")\n\n\nasyncio.run(main())\n";
    assert!(
        refusal(method).contains("this statement of an exception class"),
        "{}",
        refusal(method)
    );
    let value = "import asyncio\n\n\nclass Busy(Exception):\n    pass\n\n\nasync def main():\n    e = Busy(\"x\")\n    print(e)\n\n\nasyncio.run(main())\n";
    assert_eq!(refusal(value), "`Busy(...)` here");
}
