//! The Rust listing of the fields of the program's exception classes
//! (`e.status`) and of the `args` of a caught exception: what the listing
//! says for each, and where it refuses (the corpus program
//! `exceptions__fields` is built and run by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{RUN, has_all, listing, main_of, refused};

const CLASSES: &str = "import asyncio


class HttpError(Exception):
    def __init__(self, url, status):
        super().__init__(f\"{url} returned {status}\")
        self.url = url
        self.status = status


class NotFound(HttpError):
    pass


async def fetch(url):
    await asyncio.sleep(1)
    if url == \"/gone\":
        raise NotFound(url, 404)
    raise HttpError(url, 500)


";

fn with_main(body: &str) -> String {
    format!("{CLASSES}async def main():\n{body}{RUN}")
}

/// The fields a handler reads make a struct with the text, which the
/// variants of the class and of its subclass hold; the handler binds it.
#[test]
fn the_fields_a_handler_reads_are_a_struct_the_variants_hold() {
    let src = with_main(
        "    try:\n        await fetch(\"/gone\")\n    except NotFound as e:\n        print(\"not found:\", e.url, e.status)\n",
    );
    has_all(
        &listing(&src),
        &[
            "enum Error {\n    NotFound(HttpError),\n    HttpError(HttpError),\n}",
            "Error::NotFound(HttpError { message, .. }) => write!(f, \"{message}\"),",
            "struct HttpError {\n    message: String,\n    url: String,\n    status: i64,\n}",
            "fn new(url: &str, status: i64) -> Self {",
            "message: format!(\"{url} returned {status}\"),",
            "return Err(Error::NotFound(HttpError::new(url, 404)));",
            "Error::NotFound(e_fields) => {",
            "println!(\"not found: {} {}\", e_fields.url, e_fields.status);",
        ],
    );
}

/// A handler that also needs the exception itself borrows both.
#[test]
fn a_handler_reading_the_text_and_a_field_borrows_both() {
    let src = with_main(
        "    try:\n        await fetch(\"/down\")\n    except HttpError as e:\n        print(\"failed:\", e, e.status)\n",
    );
    has_all(
        &listing(&src),
        &[
            "ref err @ (Error::NotFound(ref e_fields) | Error::HttpError(ref e_fields)) => {",
            "let e = err.to_string();",
            "println!(\"failed: {e} {}\", e_fields.status);",
        ],
    );
}

/// A field no handler reads is left out, and the parameter only it takes
/// is marked unused.
#[test]
fn a_field_no_handler_reads_is_left_out() {
    let src = with_main("    try:\n        await fetch(\"/gone\")\n    except NotFound as e:\n        print(e.status)\n")
        .replace("f\"{url} returned {status}\"", "\"request failed\"");
    let text = listing(&src);
    has_all(
        &text,
        &[
            "struct HttpError {\n    message: String,\n    status: i64,\n}",
            "fn new(_url: &str, status: i64) -> Self {",
        ],
    );
    assert!(!text.contains("url: String"), "{text}");
}

/// `e.args` that `print` shows is the tuple Python writes.
#[test]
fn the_args_print_shows_are_the_tuple_python_writes() {
    let src = main_of(
        "    try:\n        raise ValueError(\"bad\")\n    except ValueError as e:\n        print(e.args, f\"({e.args})\")\n",
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "fn args_repr(&self) -> String {",
            "Error::ValueError(message) => format!(\"({},)\", py_repr(message)),",
            "let e_args = err.args_repr();",
            "println!(\"{e_args} ({e_args})\");",
        ],
    );
    // Raised only with a message: never the empty tuple.
    assert!(!text.contains("\"()\".to_string()"), "{text}");
}

/// `e.args` used otherwise than shown is refused at its place.
#[test]
fn args_used_otherwise_are_refused() {
    let src = main_of(
        "    try:\n        raise ValueError(\"bad\")\n    except ValueError as e:\n        print(e.args[0])\n",
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "the attribute `args` of a caught exception");
    assert!(reason.contains("as an argument of `print`"), "{reason}");
    assert_eq!(at, "e.args");
}

/// A field read where the `except` also takes classes without it.
#[test]
fn a_field_of_an_except_taking_other_classes_is_refused() {
    let src = with_main(
        "    try:\n        await fetch(\"/gone\")\n    except Exception as e:\n        print(e.status)\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "the attribute `status` of a caught exception");
    assert_eq!(at, "e.status");
}

/// A handler raising the exception again cannot lend its fields.
#[test]
fn a_field_of_an_exception_raised_again_is_refused() {
    let src = format!(
        "{CLASSES}async def relay(url):\n    try:\n        await fetch(url)\n    except HttpError as e:\n        print(e.status)\n        raise\n\n\nasync def main():\n    await relay(\"/gone\")\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "the attribute `status` of an exception raised again"
    );
    assert_eq!(at, "e.status");
}

/// An `__init__` that passes nothing to `super().__init__` leaves Python's
/// `args` the call's arguments: refused, as the listing's text would be
/// empty.
#[test]
fn an_init_without_super_init_is_refused() {
    let src = "import asyncio


class Oops(Exception):
    def __init__(self, x):
        self.x = x


async def main():
    try:
        raise Oops(\"five\")
    except Oops as e:
        print(\"caught\", e)


asyncio.run(main())
";
    let (construct, _, at) = refused(src);
    assert_eq!(
        construct,
        "an exception's `__init__` without `super().__init__(...)`"
    );
    assert!(at.starts_with("def __init__"), "{at}");
}

/// A class nothing raises has no text function: nothing would call it.
#[test]
fn a_class_nothing_raises_has_no_struct() {
    let src = with_main("    try:\n        print(len(\"x\"))\n    except HttpError as e:\n        print(e)\n")
        .replace("    if url == \"/gone\":\n        raise NotFound(url, 404)\n    raise HttpError(url, 500)\n", "    return url\n");
    let text = listing(&src);
    assert!(!text.contains("struct HttpError"), "{text}");
    assert!(!text.contains("fn http_error_message"), "{text}");
}

/// `except*` names a group of the exceptions it takes, whose `args` the
/// listing does not keep.
#[test]
fn the_args_of_an_except_star_group_are_refused() {
    let src = "import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError(\"bad\")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
    except* ValueError as eg:
        print(\"caught\", eg.args)


asyncio.run(main())
";
    let (construct, _, at) = refused(src);
    assert_eq!(
        construct,
        "the attribute `args` of an exception group's part"
    );
    assert_eq!(at, "eg.args");
}
