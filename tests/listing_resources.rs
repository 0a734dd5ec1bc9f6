//! The Rust listing of async context manager classes: their own methods,
//! the object `async with ... as conn` binds when `__aenter__` returns
//! `self`, a block that can raise handed to `close` as an `async` block's
//! `Result`, and an `__aexit__` that looks at the exception and swallows
//! it by returning `True` (the corpus program `classes__async_context` is
//! built and run by `tests/rust_listings.rs`); and the refusals of what
//! `close` cannot see or do.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, refused};

/// A resource class `Conn` whose `__aexit__` is `exit` (indented by eight
/// spaces), with a method `query` that raises on "bad".
fn program(exit: &str, main: &str) -> String {
    format!(
        "{HEADER}class Conn:\n    def __init__(self, host, swallow):\n        self.host = host\n        self.swallow = swallow\n\n    async def __aenter__(self):\n        await asyncio.sleep(1)\n        return self\n\n    async def __aexit__(self, exc_type, exc, tb):\n{exit}\n    async def query(self, q):\n        await asyncio.sleep(1)\n        if q == \"bad\":\n            raise ValueError(\"bad query\")\n        return q.upper()\n\n\nasync def main():\n{main}{RUN}"
    )
}

const SEES: &str = "        if exc_type is None:\n            print(\"clean\")\n            return False\n        print(\"closing after\", type(exc).__name__, exc.args, exc)\n        return self.swallow\n";

#[test]
fn the_object_aenter_returns_is_named_by_as_and_its_methods_are_the_struct_s() {
    let text = listing(&program(
        "        print(\"closed\", self.host)\n",
        "    async with Conn(\"db\", False) as conn:\n        print(await conn.query(\"select\"), conn.host)\n",
    ));
    has_all(
        &text,
        &[
            "    async fn open(&mut self) {\n        sleep(Duration::from_secs(1)).await;\n    }\n",
            "    async fn query(&self, q: &str) -> Result<String, Error> {",
            "    let mut conn = Conn::new(\"db\", false);\n    conn.open().await;\n",
            // The block can raise: `close` runs before the `Err` goes on.
            "    let raised: Result<(), Error> = async {\n        println!(\"{} {}\", conn.query(\"select\").await?, conn.host);\n        Ok(())\n    }\n    .await;\n    conn.close().await;\n    raised?;\n",
        ],
    );
}

#[test]
fn aexit_sees_the_exception_and_swallows_it_by_returning_true() {
    let text = listing(&program(
        SEES,
        "    async with Conn(\"db\", True) as conn:\n        await conn.query(\"bad\")\n    print(\"after\")\n",
    ));
    has_all(
        &text,
        &[
            "    async fn close(self, exc: Option<&Error>) -> bool {",
            "        let Some(err) = exc else {\n            println!(\"clean\");\n            return false;\n        };\n",
            "        let exc = err.to_string();\n        let exc_class = err.class_name();\n        let exc_args = err.args_repr();\n",
            "        println!(\"closing after {exc_class} {exc_args} {exc}\");\n        self.swallow\n    }",
            "    if !conn.close(raised.as_ref().err()).await {\n        raised?;\n    }\n    println!(\"after\");",
            "    fn class_name(&self) -> &'static str {",
            "    fn args_repr(&self) -> String {",
        ],
    );
}

#[test]
fn a_block_that_cannot_raise_gives_close_no_exception() {
    let text = listing(&program(
        SEES,
        "    async with Conn(\"db\", True) as conn:\n        print(conn.host)\n",
    ));
    has_all(
        &text,
        &["    println!(\"{}\", conn.host);\n    conn.close(None).await;\n"],
    );
    assert!(!text.contains("raised"), "{text}");
}

#[test]
fn a_test_that_the_exception_is_not_none_is_an_if_let() {
    let text = listing(&program(
        "        if exc is not None:\n            print(\"failed:\", exc)\n        print(\"closed\")\n",
        "    try:\n        async with Conn(\"db\", True) as conn:\n            await conn.query(\"bad\")\n    except ValueError as e:\n        print(\"caught\", e)\n",
    ));
    has_all(
        &text,
        &[
            "    async fn close(self, exc: Option<&Error>) {",
            "        if let Some(err) = exc {\n            let exc = err.to_string();\n            println!(\"failed: {exc}\");\n        }\n        println!(\"closed\");\n",
            "        conn.close(raised.as_ref().err()).await;\n        raised?;\n",
        ],
    );
}

#[test]
fn other_reads_of_the_exception_parameters_are_refused() {
    let (construct, reason, at) = refused(&program(
        "        print(\"closing\", exc_type)\n",
        "    async with Conn(\"db\", True) as conn:\n        await conn.query(\"bad\")\n",
    ));
    assert_eq!(construct, "`exc_type` of `__aexit__` here");
    assert!(reason.contains("`if exc is None:`"), "{reason}");
    assert_eq!(at, "exc_type");
    let (construct, _, at) = refused(&program(
        "        if exc is not None:\n            print(\"failed:\", tb)\n",
        "    async with Conn(\"db\", True) as conn:\n        await conn.query(\"bad\")\n",
    ));
    assert_eq!(construct, "`tb` of `__aexit__` here");
    assert_eq!(at, "tb");
}

#[test]
fn a_returned_value_other_than_a_bool_is_refused() {
    let (construct, reason, at) = refused(&program(
        "        return 1\n",
        "    async with Conn(\"db\", True) as conn:\n        await conn.query(\"bad\")\n",
    ));
    assert_eq!(construct, "this value returned by `__aexit__`");
    assert!(reason.contains("returns a `bool`"), "{reason}");
    assert_eq!(at, "1");
}

#[test]
fn a_return_out_of_a_block_that_can_raise_is_refused() {
    let src = format!(
        "{HEADER}class Conn:\n    async def __aenter__(self):\n        return self\n\n    async def __aexit__(self, exc_type, exc, tb):\n        print(\"closed\")\n\n    async def query(self, q):\n        await asyncio.sleep(1)\n        if q == \"bad\":\n            raise ValueError(\"bad query\")\n        return q\n\n\nasync def get():\n    async with Conn() as conn:\n        return await conn.query(\"x\")\n\n\nasync def main():\n    print(await get())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "`return` inside this `async with` block");
    assert!(reason.contains("set a variable"), "{reason}");
    assert_eq!(at, "return await conn.query(\"x\")");
}

#[test]
fn a_block_ending_in_raise_gives_its_err_as_its_value() {
    let text = listing(&program(
        SEES,
        "    async with Conn(\"db\", True) as conn:\n        await asyncio.sleep(1)\n        raise KeyError(conn.host)\n",
    ));
    has_all(
        &text,
        &[
            "    let raised: Result<(), Error> = async {\n        sleep(Duration::from_secs(1)).await;\n        Err(Error::KeyError(",
            "    }\n    .await;\n    // `close` gives `true` where `__aexit__` swallows the exception.\n    if !conn.close(raised.as_ref().err()).await {\n",
        ],
    );
    assert!(!text.contains("Ok(())\n    }\n    .await"), "{text}");
}

#[test]
fn the_object_read_after_its_block_is_refused_until_the_name_is_bound_again() {
    let (construct, reason, at) = refused(&program(
        "        print(\"closed\")\n",
        "    async with Conn(\"db\", False) as conn:\n        print(conn.host)\n    print(\"after\", conn.host)\n",
    ));
    assert_eq!(construct, "`conn` after its `async with` block");
    assert!(reason.contains("`close` takes the object"), "{reason}");
    assert_eq!(at, "print(\"after\", conn.host)");
    let text = listing(&program(
        "        print(\"closed\")\n",
        "    async with Conn(\"a\", False) as conn:\n        print(conn.host)\n    async with Conn(\"b\", False) as conn:\n        print(conn.host)\n",
    ));
    has_all(
        &text,
        &["    conn.close().await;\n    let mut conn = Conn::new(\"b\", false);\n"],
    );
}
