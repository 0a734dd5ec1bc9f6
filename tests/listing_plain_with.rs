//! The Rust listing of a plain `with` over a context manager class of the
//! program (`__enter__`/`__exit__`): its struct's `enter` and `exit` are
//! plain methods called explicitly, `exit` handed the block's `Err` and
//! giving whether it swallows it (the corpus program
//! `classes__plain_with` is built and run by `tests/rust_listings.rs`);
//! and the refusals of a manager entered the wrong way.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, refused};

/// A plain manager class `Section` whose `__exit__` is `exit` (indented
/// by eight spaces), and a coroutine `check` that raises on 3.
fn program(exit: &str, main: &str) -> String {
    format!(
        "{HEADER}class Section:\n    def __init__(self, title, lenient):\n        self.title = title\n        self.lenient = lenient\n\n    def __enter__(self):\n        print(\"begin\", self.title)\n        return self\n\n    def __exit__(self, exc_type, exc, tb):\n{exit}\n\nasync def check(n):\n    await asyncio.sleep(1)\n    if n == 3:\n        raise ValueError(\"three\")\n    return n\n\n\nasync def main():\n{main}{RUN}"
    )
}

const SEES: &str = "        if exc is None:\n            print(\"end\", self.title)\n            return False\n        print(\"abandon\", self.title, type(exc).__name__, exc)\n        return self.lenient\n";

#[test]
fn enter_and_exit_are_plain_methods_called_around_the_block() {
    let text = listing(&program(
        "        print(\"end\", self.title)\n",
        "    with Section(\"intro\", False) as s:\n        print(s.title, await check(1))\n",
    ));
    has_all(
        &text,
        &[
            "/// Rust's `Drop` cannot see an error: `enter` and `exit` are called explicitly.\nstruct Section {",
            "    /// Python's `__enter__`.\n    fn enter(&mut self) {\n        println!(\"begin {}\", self.title);\n    }\n",
            "    /// Python's `__exit__`.\n    fn exit(self) {\n        println!(\"end {}\", self.title);\n    }\n",
            "    let mut s = Section::new(\"intro\", false);\n    s.enter();\n",
            // The block can raise: `exit` runs before the `Err` goes on.
            "    .await;\n    s.exit();\n    raised?;\n",
        ],
    );
    assert!(!text.contains("open"), "{text}");
}

#[test]
fn exit_sees_the_exception_and_swallows_it_by_returning_true() {
    let text = listing(&program(
        SEES,
        "    with Section(\"draft\", True) as s:\n        await check(3)\n    print(\"after\")\n",
    ));
    has_all(
        &text,
        &[
            "    fn exit(self, exc: Option<&Error>) -> bool {",
            "        let Some(err) = exc else {\n            println!(\"end {}\", self.title);\n            return false;\n        };\n",
            "        self.lenient\n    }",
            "    let raised: Result<(), Error> = async {\n        check(3).await?;\n        Ok(())\n    }\n    .await;\n",
            "    // `exit` gives `true` where `__exit__` swallows the exception.\n    if !s.exit(raised.as_ref().err()) {\n        raised?;\n    }\n    println!(\"after\");",
        ],
    );
}

#[test]
fn a_block_that_cannot_raise_gives_exit_no_exception() {
    let text = listing(&program(
        SEES,
        "    with Section(\"intro\", True) as s:\n        print(s.title)\n",
    ));
    has_all(
        &text,
        &["    println!(\"{}\", s.title);\n    s.exit(None);\n"],
    );
    assert!(!text.contains("raised"), "{text}");
}

#[test]
fn as_binds_what_enter_returns_when_it_is_not_self() {
    let text = listing(&format!(
        "{HEADER}class Banner:\n    def __enter__(self):\n        print(\"begin\")\n        return \"banner\"\n\n    def __exit__(self, exc_type, exc, tb):\n        print(\"end\")\n\n\nasync def main():\n    with Banner() as b:\n        print(\"inside\", b)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "    fn enter(&mut self) -> String {\n        println!(\"begin\");\n        \"banner\".to_string()\n    }\n",
            "    let mut banner = Banner::new();\n    let b = banner.enter();\n    println!(\"inside {b}\");\n    banner.exit();\n",
        ],
    );
}

/// A class `M` with the methods `methods`, entered in `main` by `with`.
fn entered(methods: &str, with: &str) -> String {
    format!(
        "{HEADER}class M:\n{methods}\n\nasync def main():\n    {with} M():\n        print(\"inside\")\n{RUN}"
    )
}

const PLAIN: &str = "    def __enter__(self):\n        return self\n\n    def __exit__(self, exc_type, exc, tb):\n        print(\"exit\")\n";
const ASYNC: &str = "    async def __aenter__(self):\n        return self\n\n    async def __aexit__(self, exc_type, exc, tb):\n        print(\"exit\")\n";

#[test]
fn a_plain_with_over_an_async_manager_is_refused_as_python_s_type_error() {
    let (construct, reason, at) = refused(&entered(ASYNC, "with"));
    assert_eq!(construct, "a plain `with` over the async manager `M`");
    assert!(reason.contains("`TypeError`"), "{reason}");
    assert_eq!(at, "M()");
}

#[test]
fn async_with_over_a_plain_manager_is_refused_as_python_s_type_error() {
    let (construct, reason, at) = refused(&entered(PLAIN, "async with"));
    assert_eq!(construct, "`async with` over the plain manager `M`");
    assert!(reason.contains("plain `with`"), "{reason}");
    assert_eq!(at, "M()");
}

#[test]
fn a_class_with_both_kinds_of_enter_is_refused_at_the_async_one() {
    let both = format!("{PLAIN}\n    async def __aenter__(self):\n        return self\n");
    let (construct, _, at) = refused(&entered(&both, "with"));
    assert_eq!(construct, "a class with `__aenter__`");
    assert!(at.starts_with("async def __aenter__"), "{at}");
}

#[test]
fn an_async_enter_is_refused_at_its_def() {
    let methods = PLAIN.replace("def __enter__", "async def __enter__");
    let (construct, reason, _) = refused(&entered(&methods, "with"));
    assert_eq!(construct, "this `__enter__`");
    assert!(reason.contains("`def __enter__(self)`"), "{reason}");
}

#[test]
fn in_a_plain_function_the_block_handed_to_exit_is_a_closure_called_at_once() {
    let text = listing(&program(
        SEES,
        "    print(checked(1))\n",
    ).replace(
        "async def main():",
        "def checked(n):\n    with Section(\"sync\", True) as s:\n        if n > 2:\n            raise ValueError(\"big\")\n        print(s.title)\n    return n\n\n\nasync def main():",
    ));
    has_all(
        &text,
        &[
            "fn checked(n: i64) -> Result<i64, Error> {",
            "    let raised: Result<(), Error> = (|| {\n        if n > 2 {\n            return Err(Error::ValueError(\"big\".to_string()));\n        }\n        println!(\"{}\", s.title);\n        Ok(())\n    })();\n    // `exit` gives `true` where `__exit__` swallows the exception.\n    if !s.exit(raised.as_ref().err()) {\n        raised?;\n    }\n    Ok(n)\n",
        ],
    );
    assert!(!text.contains("Never reached"), "{text}");
}

#[test]
fn refusals_inside_a_plain_manager_name_exit_and_the_plain_with() {
    let (construct, reason, at) = refused(&program(
        "        name = exc_type.__name__ if exc_type else None\n        print(name)\n",
        "    with Section(\"a\", True) as s:\n        await check(3)\n",
    ));
    assert_eq!(
        construct,
        "`exc_type.__name__ if exc_type else None` in `__exit__`"
    );
    assert!(reason.contains("`Option<&str>`"), "{reason}");
    assert!(
        reason.contains("`type(exc).__name__` in the other"),
        "{reason}"
    );
    assert_eq!(at, "exc_type.__name__ if exc_type else None");
    // Any other read of `exc_type` keeps the general refusal.
    let (construct, reason, at) = refused(&program(
        "        print(exc_type)\n",
        "    with Section(\"a\", True) as s:\n        await check(3)\n",
    ));
    assert_eq!(construct, "`exc_type` of `__exit__` here");
    assert!(reason.contains("`exit` takes the exception"), "{reason}");
    assert_eq!(at, "exc_type");
    let (construct, _, at) = refused(&program(
        "        name = exc.__name__ if exc_type else None\n        print(name)\n",
        "    with Section(\"a\", True) as s:\n        await check(3)\n",
    ));
    assert_eq!(construct, "`exc_type` of `__exit__` here");
    assert_eq!(at, "exc_type");
    let (construct, reason, _) = refused(&program(
        "        return 1\n",
        "    with Section(\"a\", True) as s:\n        await check(3)\n",
    ));
    assert_eq!(construct, "this value returned by `__exit__`");
    assert!(reason.contains("`exit` returns a `bool`"), "{reason}");
    let (construct, reason, at) = refused(&program(
        "        print(\"end\")\n",
        "    for n in [1, 3]:\n        with Section(\"a\", True) as s:\n            if await check(n) == 1:\n                break\n",
    ));
    assert_eq!(construct, "`break` inside this `with` block");
    assert!(reason.contains("hands to `exit`"), "{reason}");
    assert_eq!(at, "break");
}

#[test]
fn a_with_inside_exit_is_plain_and_the_object_read_after_its_block_is_refused() {
    let text = listing(&format!(
        "{HEADER}class Outer:\n    def __enter__(self):\n        return self\n\n    def __exit__(self, exc_type, exc, tb):\n        with Inner():\n            print(\"closing\")\n\n\nclass Inner:\n    def __enter__(self):\n        return 5\n\n    def __exit__(self, exc_type, exc, tb):\n        print(\"inner done\")\n\n\nasync def main():\n    with Outer():\n        print(\"inside\")\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "    fn exit(self) {\n        // `Drop` cannot see an error: enter and exit explicitly.\n        let mut inner = Inner::new();\n        inner.enter();\n        println!(\"closing\");\n        inner.exit();\n    }\n",
        ],
    );
    assert!(!text.contains("Never reached"), "{text}");
    let (construct, reason, at) = refused(&program(
        "        print(\"end\")\n",
        "    with Section(\"a\", True) as s:\n        print(\"in\")\n    print(s.title)\n",
    ));
    assert_eq!(construct, "`s` after its `with` block");
    assert!(
        reason.contains("`exit` takes the object `with` entered"),
        "{reason}"
    );
    assert_eq!(at, "print(s.title)");
}

#[test]
fn a_name_bound_in_the_test_of_the_exception_and_read_after_it_is_refused() {
    let (construct, reason, at) = refused(&program(
        "        if exc is not None:\n            name = type(exc).__name__\n        else:\n            name = None\n        print(\"end\", name)\n        return False\n",
        "    with Section(\"a\", True) as s:\n        await check(3)\n",
    ));
    assert_eq!(
        construct,
        "`name` bound in the test of `__exit__`'s exception"
    );
    assert!(reason.contains("`if let`"), "{reason}");
    assert_eq!(at, "name");
}

#[test]
fn a_field_first_set_in_enter_is_refused_at_its_setting() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}class Timer:\n    def __init__(self, label):\n        self.label = label\n\n    def __enter__(self):\n        self.start = asyncio.get_running_loop().time()\n        return self\n\n    def __exit__(self, exc_type, exc, tb):\n        print(self.label, asyncio.get_running_loop().time() - self.start)\n\n\nasync def main():\n    with Timer(\"t\"):\n        await asyncio.sleep(1)\n{RUN}"
    ));
    assert_eq!(construct, "`self.start`, which `__init__` does not set");
    assert!(reason.contains("an `Option` unwrapped"), "{reason}");
    assert!(
        reason.contains("give `self.start` its first value in `__init__`"),
        "{reason}"
    );
    assert_eq!(at, "self.start = asyncio.get_running_loop().time()");
}
