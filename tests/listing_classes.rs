//! The Rust listing of classes beyond the plain struct: a class body's
//! calls, enums, inheritance and exception fields: what the listing says
//! for each (the corpus programs `classes__class_body_call` and
//! `logging__error_stack_plain` are built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refusal, refused};

/// A call in a class body runs where the class statement runs; a class
/// only read through its attributes needs no struct.
#[test]
fn a_class_body_call_runs_where_the_class_is_defined() {
    let src = format!(
        "{HEADER}print(\"before\")\n\n\nclass Limits:\n    print(\"defining\", 2 * 3)\n    retries = 3\n\n\nasync def main():\n    print(Limits.retries)\n\n\nprint(\"after\"){RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    println!(\"before\");\n    println!(\"defining {}\", 2 * 3);\n    println!(\"after\");",
            "println!(\"{}\", 3);",
        ],
    );
    assert!(!text.contains("struct Limits"), "{text}");
}

/// A class made as an object keeps its struct, even without methods.
#[test]
fn a_class_made_as_an_object_keeps_its_struct() {
    let src = format!(
        "{HEADER}class Marker:\n    print(\"defining\")\n\n\nasync def main():\n    m = Marker()\n    print(\"made\")\n{RUN}"
    );
    has_all(&listing(&src), &["struct Marker;", "Marker::new()"]);
}

/// A class body's call that reads a name of the class is refused at
/// the call: outside the class, the name means something else.
#[test]
fn a_class_body_call_reading_the_class_names_is_refused() {
    let src = format!(
        "{HEADER}class Limits:\n    retries = 3\n    print(retries)\n\n\nasync def main():\n    print(Limits.retries)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a class-level statement");
    assert!(reason.contains("reads only the module's names"), "{reason}");
    assert_eq!(at, "print(retries)");
}

const ENUMS: &str = "import asyncio
from enum import Enum, auto


class Color(Enum):
    RED = 1
    DARK_BLUE = 4
    GREEN = 7


class State(Enum):
    PENDING = auto()
    DONE = auto()


class Mode(Enum):
    FAST = \"fast\"
    SAFE = \"careful\"


";

/// An `Enum` is a Rust `enum` with Python's `.name`, `.value`, `str` and
/// `repr`; members compare with `==` (`is` too: members are singletons).
#[test]
fn an_enum_is_a_rust_enum_printed_as_python_prints_it() {
    let src = format!(
        "{ENUMS}async def main():\n    c = Color.DARK_BLUE\n    print(c, repr(c), c.name, c.value, c is Color.RED, c != Color.RED)\n    print(Mode.SAFE, repr(Mode.FAST), Mode.SAFE.value)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "#[derive(Clone, Copy, PartialEq, Eq, Hash)]\nenum Color {\n    Red = 1,\n    DarkBlue = 4,\n}",
            "    fn name(self) -> &'static str {\n        match self {\n            Color::Red => \"RED\",\n            Color::DarkBlue => \"DARK_BLUE\",\n        }\n    }",
            "    fn value(self) -> i64 {\n        self as i64\n    }",
            "f.pad(&format!(\"Color.{}\", self.name()))",
            "write!(f, \"<Color.{}: {}>\", self.name(), self.value())",
            "    fn value(self) -> &'static str {\n        match self {\n            Mode::Fast => \"fast\",\n            Mode::Safe => \"careful\",\n        }\n    }",
            "write!(f, \"<Mode.{}: '{}'>\", self.name(), self.value())",
            "let c = Color::DarkBlue;",
            "c.name()",
            "c.value()",
            "if c == Color::Red {",
            "c != Color::Red",
        ],
    );
    // Members the program never names, and enums it never uses, are left out.
    assert!(!text.contains("Green"), "{text}");
    assert!(!text.contains("enum State"), "{text}");
}

/// Iterating over the class goes through `ALL`, every member in order;
/// `auto()` numbers the members from 1.
#[test]
fn iterating_over_an_enum_goes_through_all_its_members() {
    let src = format!(
        "{ENUMS}async def main():\n    for s in State:\n        print(s.name, s.value)\n    print(list(State), len(State))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "enum State {\n    Pending = 1,\n    Done = 2,\n}",
            "const ALL: [State; 2] = [State::Pending, State::Done];",
            "State::ALL",
        ],
    );
}

/// The enums the Rust `enum` cannot stand for are refused where they are.
#[test]
fn enums_a_rust_enum_cannot_stand_for_are_refused() {
    let with = |class: &str, body: &str| {
        format!(
            "import asyncio\nfrom enum import Enum, StrEnum\n\n\n{class}\n\nasync def main():\n{body}{RUN}"
        )
    };
    let use_red = "    print(Color.RED)\n";
    let (construct, _, at) = refused(&with(
        "class Color(Enum):\n    RED = 1\n    ROUGE = 1\n",
        use_red,
    ));
    assert_eq!(
        (construct.as_str(), at.as_str()),
        ("the enum alias `ROUGE`", "ROUGE = 1")
    );
    assert_eq!(
        refusal(&with(
            "class Color(Enum):\n    RED = 1\n\n    def __hash__(self):\n        return 1\n",
            use_red
        )),
        "the method `__hash__` of an enum"
    );
    assert_eq!(
        refusal(&with("class Color(StrEnum):\n    RED = 'red'\n", use_red)),
        "an enum based on `StrEnum`"
    );
    assert_eq!(
        refusal(&with(
            "class Color(Enum):\n    RED = 1\n",
            "    print(Color(1))\n"
        )),
        "looking a member up by its value"
    );
    let (construct, reason, _) = refused(&with(
        "class Color(Enum):\n    RED = 1\n",
        "    print(Color.RED == 1)\n",
    ));
    assert_eq!(construct, "an enum member compared with a literal");
    assert!(reason.contains("write `.value`"), "{reason}");
    assert_eq!(
        refusal(&with(
            "class Color(Enum):\n    RED = 1\n    BLUE = 2\n",
            "    print(Color.RED < Color.BLUE)\n"
        )),
        "the comparison `<` of enum members"
    );
    assert_eq!(
        refusal(&with(
            "class Color(Enum):\n    RED = 1\n\n    def value(self):\n        return 2\n",
            use_red
        )),
        "the method `value` of an enum"
    );
    // `.name` of a member's name is no member's.
    assert_eq!(
        refusal(&with(
            "class Color(Enum):\n    RED = 1\n",
            "    print(Color.RED.name.name)\n"
        )),
        "this attribute"
    );
    for value in ["Color[\"RED\"]", "sorted(Color)", "Color"] {
        assert_eq!(
            refusal(&with(
                "class Color(Enum):\n    RED = 1\n",
                &format!("    print({value})\n")
            )),
            "the enum `Color` used as a value",
            "{value}"
        );
    }
    assert_eq!(
        refusal(&with("class Color(Enum):\n    RED = 1.5\n", use_red)),
        "this enum value"
    );
}

/// An enum's named methods are methods of its `impl`, reading `self.name`
/// and `self.value` through `name()` and `value()`.
#[test]
fn an_enums_methods_are_in_its_impl() {
    let src = format!(
        "{ENUMS}class Size(Enum):\n    SMALL = 1\n    LARGE = 3\n\n    def label(self, unit):\n        return f\"{{self.name.lower()}}: {{self.value}} {{unit}}\"\n\n\nasync def main():\n    print(Size.LARGE.label(\"kg\"))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "    fn label(&self, unit: &str) -> String {\n        format!(\"{}: {} {unit}\", self.name().to_lowercase(), self.value())\n    }\n}",
            "Size::Large.label(\"kg\")",
        ],
    );
}

const MONEY: &str = "class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __abs__(self):
        return Money(abs(self.cents))


";

/// `__eq__` is the struct's `impl PartialEq` (so `==`, `!=` and `in` use
/// it), `__abs__` its method `abs`, which `abs(x)` calls.
#[test]
fn eq_is_partial_eq_and_abs_is_a_method() {
    let src = format!(
        "{HEADER}{MONEY}async def main():\n    m = Money(-5)\n    print(abs(m) == Money(5), m != Money(5), m in [Money(-5)])\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    fn abs(&self) -> Money {\n        Money::new(self.cents.abs())\n    }",
            "impl PartialEq for Money {\n    fn eq(&self, other: &Self) -> bool {\n        self.cents == other.cents\n    }\n}",
            "if m.abs() == Money::new(5) {",
            "if m != Money::new(5) {",
            "vec![Money::new(-5)].contains(&m)",
        ],
    );
    assert!(!text.contains("derive(PartialEq)"), "{text}");
}

/// The special methods the listing writes take one form; others are
/// refused where they are.
#[test]
fn special_methods_of_another_form_are_refused() {
    let class = |method: &str| {
        format!(
            "{HEADER}class Money:\n    def __init__(self, cents):\n        self.cents = cents\n\n{method}\n\nasync def main():\n    print(Money(1) == Money(1))\n{RUN}"
        )
    };
    let (construct, reason, _) = refused(&class(
        "    def __eq__(self, other):\n        same = self.cents == other.cents\n        return same\n",
    ));
    assert_eq!(construct, "this `__eq__`");
    assert!(
        reason.contains("def __eq__(self, other): return value"),
        "{reason}"
    );
    assert_eq!(
        refusal(&class(
            "    async def __abs__(self):\n        return self.cents\n"
        )),
        "this `__abs__`"
    );
    assert_eq!(
        refusal(&class(
            "    def __abs__(self):\n        return self\n\n    def abs(self):\n        return self\n"
        )),
        "`__abs__` beside a method `abs`"
    );
    assert_eq!(
        refusal(&format!(
            "import asyncio\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    x: int\n\n    def __eq__(self, other):\n        return True\n\n\nasync def main():\n    print(P(1) == P(2))\n{RUN}"
        )),
        "a dataclass's own `__eq__`"
    );
}

/// An `IntEnum` prints as its value and its members are ordered by it;
/// a plain `Enum`'s are not, and ordering them is refused.
#[test]
fn an_int_enum_prints_its_value_and_orders_by_it() {
    let src = format!(
        "import asyncio\nfrom enum import IntEnum\n\n\nclass Level(IntEnum):\n    LOW = 1\n    HIGH = 5\n\n\nasync def main():\n    print(Level.HIGH, Level.HIGH > Level.LOW, repr(Level.LOW))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\nenum Level {\n    Low = 1,\n    High = 5,\n}",
            "impl fmt::Display for Level {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        fmt::Display::fmt(&self.value(), f)\n    }\n}",
            "if Level::High > Level::Low {",
        ],
    );
    assert_eq!(
        refusal(&format!(
            "import asyncio\nfrom enum import IntEnum\n\n\nclass Level(IntEnum):\n    LOW = \"low\"\n    HIGH = \"high\"\n\n\nasync def main():\n    print(Level.LOW)\n{RUN}"
        )),
        "the `IntEnum` member `LOW` of another value than an integer"
    );
}

/// A class body's call may format, compare and index module values.
#[test]
fn a_class_body_call_may_format_and_compare() {
    let src = format!(
        "{HEADER}LIMIT = 3\n\n\nclass Limits:\n    print(f\"limit {{LIMIT * 2}}\", LIMIT > 2, [1, 2][0])\n\n\nasync def main():\n    print(\"main\")\n{RUN}"
    );
    has_all(
        &listing(&src),
        &["println!(\n        \"limit {} {} {}\",\n        3 * 2,"],
    );
}

/// An enum's own `__str__` and `__repr__` are its `Display` and `Debug`,
/// padded as a format spec asks.
#[test]
fn an_enums_own_str_and_repr_are_its_fmt_traits() {
    let src = format!(
        "{ENUMS}class Suit(Enum):\n    HEARTS = 1\n\n    def __str__(self):\n        return self.name.lower()\n\n    def __repr__(self):\n        return f\"Suit({{self.value}})\"\n\n\nasync def main():\n    print(Suit.HEARTS, repr(Suit.HEARTS))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "impl fmt::Display for Suit {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        f.pad(&self.name().to_lowercase())\n    }\n}",
            "impl fmt::Debug for Suit {\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n        f.pad(&format!(\"Suit({})\", self.value()))\n    }\n}",
        ],
    );
    assert_eq!(
        refusal(&format!(
            "{ENUMS}class Suit(Enum):\n    HEARTS = 1\n\n    def __str__(self):\n        text = self.name\n        return text\n\n\nasync def main():\n    print(Suit.HEARTS)\n{RUN}"
        )),
        "this `__str__`"
    );
}

/// A negative number is a class attribute as a literal is.
#[test]
fn a_negative_class_attribute_is_its_value() {
    let src = format!(
        "{HEADER}class Gauge:\n    floor = -1\n\n    def __init__(self, name):\n        self.name = name\n\n    def clamp(self, x):\n        return max(self.floor, x)\n\n\nasync def main():\n    print(Gauge(\"g\").clamp(-3), Gauge.floor)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &["(-1_i64).max(x)", "Gauge::new(\"g\").clamp(-3), -1"],
    );
}

/// A member is a module constant and a default value as a literal is: it
/// is one object, the same at every call.
#[test]
fn a_member_is_a_module_constant_and_a_default() {
    let src = format!(
        "{ENUMS}FALLBACK = Color.RED\n\n\ndef paint(c=Color.DARK_BLUE):\n    return c.name\n\n\nasync def main():\n    print(paint(), paint(FALLBACK))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "fn paint(c: Color) -> String {",
            "paint(Color::DarkBlue), paint(Color::Red)",
        ],
    );
}
