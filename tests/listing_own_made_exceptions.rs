//! The Rust listing of an exception of the program's own class made in
//! place with literal arguments: `isinstance` of it is the `true` or
//! `false` its chain of bases gives, and, of a class that keeps
//! `BaseException`'s `__init__`, its `str`, `repr` and `.args` the text
//! Python gives; a variable bound to such an exception and only asked
//! those questions is the exception written where it is read (the corpus
//! program `exceptions__custom` is built and run by
//! `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, refusal, refused};

/// The classes the tests make: one keeping Python's own `__init__`, one
/// whose `__init__` only sets fields, one based on that, one that prints.
const CLASSES: &str = "import asyncio\n\n\nclass Quiet(LookupError):\n    \"\"\"Nothing of its own.\"\"\"\n\n\nclass FetchError(Exception):\n    def __init__(self, url, status=500):\n        super().__init__(f\"{url} returned {status}\")\n        self.url = url\n        self.status = status\n\n\nclass RetryableError(FetchError):\n    pass\n\n\nclass Loud(Exception):\n    def __init__(self):\n        print(\"made\")\n        super().__init__()\n\n\n";

fn program(body: &str) -> String {
    format!(
        "{CLASSES}async def main():\n{body}    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn the_chain_of_bases_decides_isinstance_of_an_own_exception() {
    let text = listing(&program(
        "    a = isinstance(RetryableError(\"u\", 1), (FetchError, KeyError))\n    b = isinstance(FetchError(\"u\"), RetryableError)\n    c = isinstance(Quiet(), (ValueError, LookupError))\n    d = isinstance(Quiet(1), BaseException)\n    print(a, b, c, d)\n",
    ));
    has_all(
        &text,
        &[
            "let a = true;",
            "let b = false;",
            "let c = true;",
            "let d = true;",
        ],
    );
}

#[test]
fn str_repr_and_args_of_an_own_exception_are_python_s_text() {
    let text = listing(&program(
        "    print(str(Quiet()), str(Quiet(\"k\")), repr(Quiet(\"a\", 2.5)), Quiet(\"a\", None).args, Quiet().args, ValueError(3).args)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\n        \" k Quiet('a', 2.5) {} () {}\",\n        (\"a\".to_string(), ()).repr(),\n        (3,).repr()\n    );",
        ],
    );
}

#[test]
fn a_variable_holding_a_made_exception_is_the_exception_where_it_is_read() {
    let text = listing(&program(
        "    e = Quiet(\"a\", 2)\n    print(repr(e), str(e), e.args, isinstance(e, Exception))\n    k = KeyError(\"k\")\n    print(str(k), k.args)\n    e = Quiet()\n    print(repr(e), e.args)\n",
    ));
    has_all(
        &text,
        &[
            "\"Quiet('a', 2) ('a', 2) {} True\",",
            "println!(\"'k' {}\", (\"k\".to_string(),).repr());",
            "println!(\"Quiet() ()\");",
        ],
    );
    assert!(!text.contains("let e"), "{text}");
    // Bound again to another value, the variable is that value after.
    let text = listing(&program(
        "    e = Quiet()\n    print(e.args)\n    e = 5\n    print(e)\n",
    ));
    has_all(&text, &["println!(\"()\");", "let e = 5;"]);
}

/// Making one that runs code of its own, or with arguments its
/// `__init__` does not take (Python's `TypeError`), is no such question;
/// nor is `str` of a class with its own `__init__`.
#[test]
fn an_exception_whose_making_does_more_is_refused() {
    assert_eq!(
        refusal(&program("    print(isinstance(Loud(), Exception))\n")),
        "the call `isinstance(Loud(), Exception)`"
    );
    assert_eq!(
        refusal(&program("    print(isinstance(FetchError(), Exception))\n")),
        "the call `isinstance(FetchError(), Exception)`"
    );
    assert_eq!(
        refusal(&program("    print(str(FetchError(\"u\", 1)))\n")),
        "a call of `FetchError` inside an expression"
    );
}

/// A variable read otherwise, or bound again where only some runs reach,
/// keeps the exception as a value, which stays refused.
#[test]
fn a_variable_read_otherwise_keeps_its_exception() {
    for body in [
        "    e = Quiet()\n    print(e)\n",
        "    e = Quiet()\n    if len(\"ab\") > 1:\n        e = Quiet(1)\n    print(e.args)\n",
    ] {
        let (construct, _, text) = refused(&program(body));
        assert_eq!(
            (construct.as_str(), text.as_str()),
            ("`Quiet(...)` here", "Quiet()")
        );
    }
}
