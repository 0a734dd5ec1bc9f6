//! The Rust listing of a `try` that ends its function, whose block ends in
//! `return` and whose handlers all raise: the `async` block gives the
//! function's value as its `Ok` (the corpus program `exceptions__reraise`
//! has two).

#[path = "support/listing.rs"]
mod support;

use support::{RUN, has_all, listing, refused};

const CLASS: &str = "import asyncio


class ConfigError(Exception):
    pass


";

/// The block's value is the function's, and each handler raises.
#[test]
fn a_try_returning_its_value_gives_it_as_the_blocks_ok() {
    let src = format!(
        "{CLASS}async def read_port(text):\n    await asyncio.sleep(1)\n    try:\n        return int(text)\n    except ValueError:\n        raise ConfigError(\"bad port\")\n\n\nasync def main():\n    try:\n        print(await read_port(\"80\"))\n    except ConfigError as e:\n        print(e)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "let caught: Result<i64, Error> = async { py_int(text) }.await;",
            "    match caught {\n        Ok(value) => Ok(value),\n        Err(err) => match err {\n            Error::ValueError(_) => {\n                return Err(Error::ConfigError(\"bad port\".to_string()));\n            }",
            "        },\n    }\n}",
        ],
    );
}

/// A bare `raise` in the handler passes the `Err` on.
#[test]
fn a_handler_raising_again_passes_the_err_on() {
    let src = format!(
        "{CLASS}async def read_port(text):\n    await asyncio.sleep(1)\n    if text == \"\":\n        raise ConfigError(\"empty\")\n    return 80\n\n\nasync def logged(text):\n    try:\n        return await read_port(text)\n    except ConfigError:\n        print(\"logging\")\n        raise\n\n\nasync def main():\n    print(await logged(\"80\"))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "let caught: Result<i64, Error> = async { read_port(text).await }.await;",
            "err @ Error::ConfigError(_) => {\n                println!(\"logging\");\n                return Err(err);\n            }",
        ],
    );
}

/// A handler that goes on would leave the function without its value.
#[test]
fn a_return_in_a_try_whose_handler_goes_on_is_refused() {
    let src = format!(
        "{CLASS}async def read_port(text):\n    await asyncio.sleep(1)\n    try:\n        return int(text)\n    except ValueError:\n        print(\"bad\")\n    return 0\n\n\nasync def main():\n    print(await read_port(\"80\"))\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a `return` inside a `try` with `except`");
    assert_eq!(at, "return int(text)");
}

/// A `return` before the block's end is refused too.
#[test]
fn a_return_before_the_blocks_end_is_refused() {
    let src = format!(
        "{CLASS}async def read_port(text):\n    await asyncio.sleep(1)\n    try:\n        if text == \"\":\n            return 0\n        return int(text)\n    except ValueError:\n        raise ConfigError(\"bad port\")\n\n\nasync def main():\n    print(await read_port(\"80\"))\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a `return` inside a `try` with `except`");
    assert_eq!(at, "return 0");
}

/// A value made of several fallible calls keeps its `Ok(...)`.
#[test]
fn a_value_of_several_calls_keeps_its_ok() {
    let src = format!(
        "{CLASS}async def add(a, b):\n    await asyncio.sleep(1)\n    try:\n        return int(a) + int(b)\n    except ValueError:\n        raise ConfigError(\"bad number\")\n\n\nasync def main():\n    try:\n        print(await add(\"1\", \"2\"))\n    except ConfigError as e:\n        print(e)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &["let caught: Result<i64, Error> = async { Ok(py_int(a)? + py_int(b)?) }.await;"],
    );
}

/// A plain function cannot await: its `try` block is a closure it calls.
#[test]
fn a_plain_functions_try_block_is_a_closure_it_calls() {
    let src = format!(
        "{CLASS}def parse(text):\n    try:\n        n = int(text)\n    except ValueError:\n        raise ConfigError(\"bad\")\n    return n\n\n\ndef port(text):\n    try:\n        return int(text)\n    except ValueError:\n        raise ConfigError(\"bad port\")\n\n\nasync def main():\n    try:\n        print(parse(\"80\"), port(\"81\"))\n    except ConfigError as e:\n        print(e)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "    let caught: Result<(), Error> = (|| {\n        n = py_int(text)?;\n        Ok(())\n    })();",
            "    let caught: Result<i64, Error> = (|| py_int(text))();",
        ],
    );
}

/// What a `try` with `finally` sets for later is declared before the
/// scope of its drop guard, where the rest of the function reads it.
#[test]
fn a_variable_a_try_with_finally_sets_is_declared_before_the_guard() {
    let src = format!(
        "{CLASS}async def parse(text):\n    try:\n        n = int(text)\n    except ValueError:\n        n = -1\n    finally:\n        print(\"parsed\", text)\n    return n\n\n\nasync def main():\n    print(await parse(\"80\"))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &["    let mut n: i64 = Default::default(); // set in the `try` block\n    {\n"],
    );
}
