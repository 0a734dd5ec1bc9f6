//! The Rust listing of a class based on another of the program: the base
//! taken into the one class based on it (its fields, methods and class
//! attributes, `super().__init__(...)` written in place), and the bases
//! the listing keeps, refused at the class with the reason (the corpus
//! program `classes__base_class_taken_in` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A base with `__init__`, a method that calls one the derived class
/// overrides, and a class attribute the derived class sets again.
const BASE: &str = "class Shape:
    unit = \"cm\"

    def __init__(self, name, scale=1):
        self.name = name
        self.scale = scale

    def area(self):
        return 0

    def describe(self):
        return f\"{self.name}: {self.area()} {self.unit}\"


";

/// The derived class's struct holds the base's fields, set as
/// `super().__init__(...)` gives them (a parameter, a default), and its
/// `impl` the inherited method, which calls the override.
#[test]
fn a_base_used_only_as_a_base_is_taken_into_its_class() {
    let src = format!(
        "{HEADER}{BASE}class Square(Shape):
    def __init__(self, label, side):
        super().__init__(label)
        self.side = side

    def area(self):
        return self.side * self.side


async def main():
    sq = Square(\"sq\", 3)
    print(sq.describe(), sq.scale)
{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "struct Square {\n    name: String,\n    scale: i64,\n    side: i64,\n}",
            "fn new(label: &str, side: i64) -> Self {\n        Self {\n            name: label.to_string(),\n            scale: 1,\n            side,\n        }",
            "fn describe(&self) -> String {",
            "self.area()",
            "fn area(&self) -> i64 {\n        self.side * self.side\n    }",
        ],
    );
    assert!(!text.contains("Shape"), "{text}");
    assert_eq!(text.matches("fn area").count(), 1, "{text}");
}

/// A derived class without `__init__` is made with the base's.
#[test]
fn a_class_without_init_is_made_with_the_bases() {
    let src = format!(
        "{HEADER}{BASE}class Dot(Shape):
    unit = \"mm\"


async def main():
    d = Dot(\"dot\", 2)
    print(d.describe())
{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "struct Dot {\n    name: String,\n    scale: i64,\n}",
            "fn new(name: &str, scale: i64) -> Self {",
            "format!(\"{}: {} mm\", self.name, self.area())",
            "fn area(&self) -> i64 {\n        0\n    }",
        ],
    );
}

/// A method appending to a list field of its own object changes it in
/// place, through `&mut self`.
#[test]
fn a_method_appends_to_its_own_list_field() {
    let src = format!(
        "{HEADER}class Log:
    def __init__(self):
        self.lines = []

    def add(self, line):
        self.lines.append(line)


async def main():
    log = Log()
    log.add(\"a\")
    log.add(\"b\")
    print(log.lines)
{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "fn add(&mut self, line: &str) {\n        self.lines.push(line.to_string());\n    }",
            "let mut log = Log::new();",
        ],
    );
}

/// The class whose base the program names elsewhere (`isinstance`, its
/// own objects): one variable could hold either, which Rust has no
/// inheritance for.
#[test]
fn a_base_named_elsewhere_is_refused_at_the_class() {
    let src = format!(
        "{HEADER}{BASE}class Square(Shape):
    pass


async def main():
    sq = Square(\"sq\")
    print(isinstance(sq, Shape))
{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a class with a base class");
    assert!(
        reason.contains("the program uses `Shape` beside the class based on it"),
        "{reason}"
    );
    assert_eq!(at, "Shape");
}

/// `super()` outside `super().__init__(...)` in `__init__` is refused:
/// the inherited method the override calls is not kept beside it.
#[test]
fn super_of_another_method_is_refused() {
    let src = format!(
        "{HEADER}{BASE}class Square(Shape):
    def describe(self):
        return \"square \" + super().describe()


async def main():
    print(Square(\"sq\").describe())
{RUN}"
    );
    let (construct, reason, _) = refused(&src);
    assert_eq!(construct, "a class with a base class");
    assert!(
        reason.contains("only as a `super().__init__(...)` statement of `__init__`"),
        "{reason}"
    );
}

/// An argument of `super().__init__(...)` that is a call would be read
/// wherever the base's `__init__` reads its parameter: refused.
#[test]
fn super_init_given_a_call_is_refused() {
    let src = format!(
        "{HEADER}{BASE}class Square(Shape):
    def __init__(self, name):
        super().__init__(name.upper())


async def main():
    print(Square(\"sq\").describe())
{RUN}"
    );
    let (construct, reason, _) = refused(&src);
    assert_eq!(construct, "a class with a base class");
    assert!(
        reason.contains("each argument is a literal or a variable"),
        "{reason}"
    );
}

/// A base of a library (here `dict`) is no class of the program.
#[test]
fn a_library_base_is_refused() {
    let src = format!(
        "{HEADER}class Table(dict):
    pass


async def main():
    print(Table())
{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a class with a base class");
    assert!(
        reason.contains("only a base class of the program"),
        "{reason}"
    );
    assert_eq!(at, "dict");
}

/// A base defined below the class is Python's `NameError`: not taken in.
#[test]
fn a_base_defined_below_is_not_taken_in() {
    let src = format!(
        "{HEADER}class Dot(Shape):
    pass


{BASE}async def main():
    print(Dot(\"dot\").describe())
{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a class with a base class");
    assert_eq!(at, "Shape");
}

/// `super().__init__()` of a base without `__init__` runs nothing.
#[test]
fn super_init_of_a_base_without_init_runs_nothing() {
    let src = format!(
        "{HEADER}class Named:
    def greet(self):
        return \"hi \" + self.name


class Person(Named):
    def __init__(self, name):
        super().__init__()
        self.name = name


async def main():
    print(Person(\"ada\").greet())
{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "struct Person {\n    name: String,\n}",
            "fn new(name: &str) -> Self {\n        Self {\n            name: name.to_string(),\n        }\n    }",
            "fn greet(&self) -> String {",
        ],
    );
}
