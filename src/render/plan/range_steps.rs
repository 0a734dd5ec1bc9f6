//! The step of `range(start, stop, step)`: Rust's `step_by` takes a
//! positive `usize`, so a step the listing cannot see the sign of is
//! refused. A literal step is written as it is (a negative one counts
//! down), and so is the variable of a loop over a `range` that starts at
//! a positive literal and counts up, which the loop's body does not set
//! (`for i in range(2, n): ... range(i * i, n, i)`).

use super::scope::Scope;
use super::{Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name, Target, UnaryOp};

/// Refuses the step of a `range` call of three arguments (`args`) whose
/// sign the listing cannot see, and a step of zero, which Python refuses
/// with a `ValueError`.
pub(super) fn check_step(sc: &Scope, args: &[Arg]) -> Result<()> {
    let [_, _, Arg::Positional(step)] = args else {
        return Ok(());
    };
    match literal(step) {
        Some(0) => refuse(
            &step.span,
            "`range` with a step of 0",
            "Python raises `ValueError: range() arg 3 must not be zero` here; the Rust \
             listing translates a step other than 0",
        ),
        Some(_) => Ok(()),
        None if matches!(&step.kind, E::Name(n @ Name::Local(..))
            if sc.counting_up.iter().any(|v| **v == **n.ident())) =>
        {
            Ok(())
        }
        None => refuse(
            &step.span,
            "a `range` step whose sign is known only when the program runs",
            "Rust's `step_by` counts up by a positive `usize`, and a range counting down is \
             `(stop + 1..=start).rev()`: write the step as a literal, or make it the variable \
             of a loop over a `range` that starts at a positive literal",
        ),
    }
}

/// The variable of the loop `for target in iter: body` when it counts up
/// from a positive literal and the body does not set it: each of its
/// values is a positive step.
pub(super) fn counting_up(target: &Target, iter: &py::Expr, body: &[py::Stmt]) -> Option<String> {
    // A global or a captured variable may be set by a function the body calls.
    let Target::Name(var @ Name::Local(..)) = target else {
        return None;
    };
    let E::Call(f, args) = &iter.kind else {
        return None;
    };
    if !matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "range") {
        return None;
    }
    let positive = |a: &Arg| matches!(a, Arg::Positional(e) if literal(e).is_some_and(|n| n > 0));
    let counts_up = match args.as_slice() {
        [start, _] => positive(start),
        [start, _, step] => positive(start) && positive(step),
        _ => false,
    };
    let mut sets = Sets {
        name: var.ident().to_string(),
        found: false,
    };
    block_mut(&mut body.to_vec(), &mut sets);
    (counts_up && !sets.found).then_some(sets.name)
}

/// The value of an integer literal, negative ones included.
fn literal(e: &py::Expr) -> Option<i64> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some(*n),
        E::UnaryOp(UnaryOp::Neg, x) => match &x.kind {
            E::Literal(Literal::Int(n)) => n.checked_neg(),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a block binds the name `name` (its comprehensions bind
/// theirs apart).
struct Sets {
    name: String,
    found: bool,
}

impl VisitMut for Sets {
    fn bound(&mut self, n: &mut Name) {
        self.found |= **n.ident() == *self.name;
    }

    fn whole_comprehensions(&self) -> bool {
        false
    }
}
