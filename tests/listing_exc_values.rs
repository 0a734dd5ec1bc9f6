//! Built-in exceptions made as values, `KeyError("k")`, kept in a list or
//! a variable, passed to a coroutine and raised there by `raise exc`: the
//! listing's `Error` values, moved to the `Err` the coroutine returns; one
//! read twice, read by a loop that did not make it, or used otherwise, is
//! refused at its place. (`tests/rust_listings.rs` builds and runs
//! `exceptions__hierarchy.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A program whose `fail(exc)` raises its parameter and whose `main` runs
/// `body` (indented by four spaces).
fn fail_program(body: &str) -> String {
    format!(
        "{HEADER}async def fail(exc):\n    await asyncio.sleep(0.1)\n    raise exc\n\n\n\
async def main():\n{body}{RUN}"
    )
}

#[test]
fn a_list_of_exceptions_is_raised_one_by_one() {
    let text = listing(&fail_program(
        "    cases = [KeyError(\"k\"), ZeroDivisionError(\"z\"), TimeoutError(\"t\")]\n    \
for exc in cases:\n        try:\n            await fail(exc)\n        \
except LookupError as e:\n            print(\"lookup\", type(e).__name__, e)\n        \
except Exception as e:\n            print(\"other\", type(e).__name__, e)\n",
    ));
    has_all(
        &text,
        &[
            "async fn fail(exc: Error) -> Result<(), Error> {\n    \
sleep(Duration::from_millis(100)).await;\n    Err(exc)\n}",
            "    let cases = vec![\n        Error::KeyError(\"'k'\".to_string()),\n        \
Error::ZeroDivisionError(\"z\".to_string()),\n        Error::TimeoutError(\"t\".to_string()),\n    ];",
            "    for exc in cases {",
            "fail(exc).await?;",
            "err @ Error::KeyError(_) => {",
            "err @ (Error::ZeroDivisionError(_) | Error::TimeoutError(_)) => {",
        ],
    );
}

#[test]
fn an_exception_made_in_the_call_is_raised_there() {
    let text = listing(&fail_program(
        "    try:\n        await fail(BaseException(\"base\"))\n    except Exception:\n        \
print(\"no\")\n    except BaseException as e:\n        print(repr(e))\n",
    ));
    has_all(
        &text,
        &[
            "fail(Error::BaseException(\"base\".to_string())).await?;",
            "err @ Error::BaseException(_) => {\n                let e_repr = err.to_repr();",
            "Error::BaseException(message) => format!(\"BaseException({})\", py_repr(message)),",
        ],
    );
}

#[test]
fn an_exception_printed_or_read_twice_is_refused_at_the_read() {
    for (body, at) in [
        (
            "    err = ValueError(\"bad\")\n    print(err)\n    try:\n        await fail(err)\n    \
except ValueError:\n        print(\"no\")\n",
            "err",
        ),
        (
            "    err = ValueError(\"bad\")\n    for i in range(2):\n        try:\n            \
await fail(err)\n        except ValueError:\n            print(i)\n",
            "err",
        ),
    ] {
        let (construct, _, text) = refused(&fail_program(body));
        assert_eq!(
            (construct.as_str(), text.as_str()),
            ("an exception made as a value, used here", at),
            "{body}"
        );
    }
}

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

#[test]
fn a_raise_of_another_value_is_refused() {
    let text = shown(&fail_program("    await fail(3)\n"));
    has_all(
        &text,
        &["// x.py:6:11: a `raise` of a value not made an exception here"],
    );
}

/// `str(KeyError(key))` is the key's `repr`, whose quotes Python picks by
/// the key's text: worked out for a literal, `py_repr` for a variable.
#[test]
fn a_key_error_holds_its_key_s_repr() {
    let text = listing(&format!(
        "{HEADER}async def look(name):\n    await asyncio.sleep(0.1)\n    if name == \"a\":\n        \
raise KeyError(\"it's\")\n    raise KeyError(name)\n\n\nasync def main():\n    try:\n        \
await look(\"b\")\n    except KeyError as e:\n        print(e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "return Err(Error::KeyError(\"\\\"it's\\\"\".to_string()));",
            "Err(Error::KeyError(py_repr(name)))",
        ],
    );
}

/// Exceptions made in the calls a gather awaits are the variants its
/// outcomes hold.
#[test]
fn exceptions_made_for_gathered_calls_are_variants() {
    let text = listing(&fail_program(
        "    results = await asyncio.gather(fail(ValueError(\"a\")), fail(KeyError(\"b\")), \
return_exceptions=True)\n    print(results)\n",
    ));
    has_all(
        &text,
        &[
            "enum Error {\n    ValueError(String),\n    KeyError(String),\n}",
            "fail(Error::ValueError(\"a\".to_string())),",
            "fail(Error::KeyError(\"'b'\".to_string())),",
        ],
    );
}
