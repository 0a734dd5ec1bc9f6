//! Lambdas held in a dict, list or tuple (`{"add": lambda a, b: a + b}`,
//! `[("few", lambda: ...)]`), and the calls of functions read back from
//! such a container (`ops[name](10, 4)`) or from a variable a loop binds
//! (`for label, make in cases: make()`). Each Rust closure has a type of
//! its own, so such a container would hold `fn` pointers (or boxed
//! closures) typed from the calls that read them, which the listing does
//! not write: each is refused at its place, naming the container, rather
//! than with the list of places a lambda is written. (A dict of lambdas
//! only called by key is one of `fn` pointers: see `fn_dicts`.)

use super::{Result, refuse};
use crate::program::{self as py, ExprKind as E, Name};
use std::ops::Range;

/// Refuses `item` when it is a lambda held in a `container` (`"dict"`,
/// `"list"` or `"tuple"`).
pub(super) fn check_item(item: &py::Expr, container: &str) -> Result<()> {
    if !matches!(item.kind, E::Lambda { .. }) {
        return Ok(());
    }
    let dict = if container == "dict" {
        ", and a dict of lambdas that capture nothing, of one number of parameters, \
         kept in a variable that is only read to call its items, iterated, measured or \
         asked `in` (`fn` pointers)"
    } else {
        ""
    };
    refuse(
        &item.span,
        format!("a `lambda` held in a {container}"),
        format!(
            "each Rust closure has a type of its own, so a {container} of them would hold \
             `fn` pointers typed from the calls that read them, which the Rust listing does \
             not write; it writes a lambda kept in a variable and only called, or passed to \
             a parameter that is only called{dict}"
        ),
    )
}

/// Refuses the call `span` of `callee` when it calls an item of a
/// container (`ops[name](...)`) or a local variable (a parameter too)
/// that is neither a function the listing hoists nor a parameter it
/// calls (those shapes are taken before this is asked).
pub(super) fn check_callee(callee: &py::Expr, span: &Range<usize>, text: &str) -> Result<()> {
    let (construct, read) = match &callee.kind {
        E::Subscript(..) => (
            format!("the call `{text}` of an item of a container"),
            "a function read from a container",
        ),
        E::Name(Name::Local(..) | Name::Cell(..)) => (
            format!("the call `{text}` of a value kept in a variable"),
            "any other function held in a variable (bound by a loop, returned by a call, a \
             lambda also used as a value)",
        ),
        _ => return Ok(()),
    };
    refuse(
        span,
        construct,
        format!(
            "the Rust listing calls the program's functions, a lambda kept in a variable and \
             only called, and a parameter that only takes functions of one signature, each \
             call of it alike (awaited for coroutines); each Rust \
             closure has a type of its own, so {read} would be an `fn` pointer or a boxed \
             closure, which the listing does not write"
        ),
    )
}

/// Refuses `element`, the value of a list comprehension or generator
/// expression, when it is a lambda: a list of closures, each of its own
/// type. One that captures reads what it captures as it stands when it
/// is called, which the refusal says, as a Rust `move` closure would
/// copy it when made.
pub(super) fn check_comp_element(element: &py::Expr) -> Result<()> {
    let E::Lambda { code, .. } = &element.kind else {
        return Ok(());
    };
    let late = if code.captures.is_empty() {
        ""
    } else {
        "; and this lambda reads the variables around it as they stand when it is called (the \
         comprehension's variable: its last value), not when it is made, as a Rust `move` \
         closure would copy them"
    };
    refuse(
        &element.span,
        "a `lambda` made in a comprehension",
        format!(
            "each Rust closure has a type of its own, so a list of them would hold `fn` \
             pointers or boxed closures, which the Rust listing does not write{late}"
        ),
    )
}
