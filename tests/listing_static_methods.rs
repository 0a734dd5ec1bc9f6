//! The Rust listing of `@staticmethod` and `@classmethod` methods of a
//! plain class: associated functions without `self`, called
//! `Class::m(...)` through the class, an object or `self`, a class
//! method's `cls(...)` the class's `new` (the corpus program
//! `classes__static_methods` is built and run by `tests/rust_listings.rs`);
//! and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, refused};

/// A class `Box` with the method `m`, and a `main` that makes one.
fn program(m: &str) -> String {
    format!(
        "import asyncio\n\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n\n{m}\n\nasync def main():\n    b = Box(1)\n    print(b.v, b.doubled(), Box.twice(3))\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_static_method_is_an_associated_function() {
    let text = listing(&program(
        "    @staticmethod\n    def twice(n):\n        return n * 2\n\n    def doubled(self):\n        return self.twice(self.v)\n",
    ));
    has_all(
        &text,
        &[
            "    fn twice(n: i64) -> i64 {\n        n * 2\n    }",
            "Box::twice(self.v)",
            "println!(\"{} {} {}\", b.v, b.doubled(), Box::twice(3));",
        ],
    );
}

#[test]
fn a_class_method_makes_the_class_with_cls() {
    let text = listing(
        "import asyncio\n\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n\n    @classmethod\n    def empty(cls):\n        return cls(0)\n\n    @classmethod\n    async def fetched(cls, v):\n        await asyncio.sleep(v)\n        return cls(v)\n\n\nasync def main():\n    b = Box.empty()\n    c = await Box.fetched(2)\n    print(b.v, c.v)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    fn empty() -> Box {\n        Box::new(0)\n    }",
            "    async fn fetched(v: i64) -> Box {",
            "let b = Box::empty();",
            "let c = Box::fetched(2).await;",
        ],
    );
}

/// A generator, a class method without `cls`, and `cls` read as a value
/// have no associated function to be.
#[test]
fn a_static_method_the_listing_cannot_write_is_refused() {
    let (construct, _, text) = refused(&program(
        "    @staticmethod\n    def twice(n):\n        yield n\n\n    def doubled(self):\n        return 0\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("this static method", "staticmethod")
    );
    let (construct, _, text) = refused(&program(
        "    @classmethod\n    def twice(kind, n):\n        return n\n\n    def doubled(self):\n        return 0\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("this class method", "classmethod")
    );
    let (construct, _, text) = refused(&program(
        "    @classmethod\n    def twice(cls, n):\n        return cls\n\n    def doubled(self):\n        return 0\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("`Box` used as a value", "cls")
    );
}

/// Another decorator stays refused.
#[test]
fn another_decorator_of_a_method_is_refused() {
    let (construct, _, text) = refused(&program(
        "    @functools.cache\n    def twice(self, n):\n        return n\n\n    def doubled(self):\n        return 0\n",
    ));
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("a decorator", "functools.cache")
    );
}

/// Through an object, the call would leave the object unread: refused,
/// with the call through the class as the way.
#[test]
fn a_static_method_through_an_object_is_refused() {
    let source = program(
        "    @staticmethod\n    def twice(n):\n        return n * 2\n\n    def doubled(self):\n        return self.v\n",
    )
    .replace("b.doubled()", "b.twice(2)");
    let (construct, _, text) = refused(&source);
    assert_eq!(
        (construct.as_str(), text.as_str()),
        ("a static method called through an object", "b")
    );
}
