//! When the program's timed wake-ups happen and its timers are due, as far
//! as a reading of the source can tell: the entry coroutine's statements
//! are followed from instant 0, adding the number of each
//! `await asyncio.sleep(n)` as a statement of its own, until an await of
//! another kind (whose end depends on other tasks). Every other timed
//! construct of the program (a sleep elsewhere, a timeout, a thread) wakes
//! at an instant the reading cannot tell.

use super::{Planner, module_stmts};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name, StmtKind as P, UnaryOp};
use std::collections::HashMap;
use std::ops::Range;

/// The words of a construct that wakes a task after some time.
const TIMED: [&str; 6] = [
    "sleep(",
    "wait_for(",
    "timeout",
    "to_thread(",
    "run_in_executor(",
    "run_coroutine_threadsafe(",
];

/// One timer whose instants the reading tells.
#[derive(Clone, Copy, Debug)]
pub(super) struct Timer {
    /// When the program makes it.
    pub(super) made: f64,
    /// When it is due (before `made` for a time already past).
    pub(super) due: f64,
}

/// The program's timed wake-ups and the timers it can place.
#[derive(Debug, Default)]
pub(super) struct Timeline {
    /// The instants at which a sleep of the entry coroutine ends (its
    /// `sleep(0)` and negative sleeps end where they begin).
    pub(super) wakes: Vec<f64>,
    /// A timed construct wakes at an instant the reading cannot tell.
    pub(super) unknown: bool,
    /// The timers the reading places, by the start of their call.
    pub(super) timers: HashMap<usize, Timer>,
}

/// Seconds of a number literal, negative ones included.
pub(super) fn seconds(e: &py::Expr) -> Option<f64> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some(*n as f64),
        E::Literal(Literal::Float(x)) => Some(*x),
        E::UnaryOp(UnaryOp::Neg, inner) => seconds(inner).map(|x| -x),
        _ => None,
    }
}

/// The one positional argument of a call.
fn one_positional(args: &[Arg]) -> Option<&py::Expr> {
    match args {
        [Arg::Positional(a)] => Some(a),
        _ => None,
    }
}

/// `x.time()`: a read of the loop's clock.
fn is_clock_read(e: &py::Expr) -> bool {
    matches!(&e.kind, E::Call(f, args)
        if args.is_empty() && matches!(&f.kind, E::Attr(_, m) if &**m == "time"))
}

/// The name a plain variable is read by (`local` for a local one only).
fn plain_name(e: &py::Expr, local: bool) -> Option<&str> {
    match &e.kind {
        E::Name(n @ Name::Local(..)) => Some(n.ident()),
        E::Name(n @ Name::Global(..)) if !local => Some(n.ident()),
        _ => None,
    }
}

/// The walk of the entry coroutine: its clock (`None` once unknown), the
/// variables holding a read of the loop's clock, and the spans of the
/// sleeps it placed.
struct Walk {
    clock: Option<f64>,
    reads: HashMap<String, f64>,
    placed: Vec<Range<usize>>,
    line: Timeline,
}

impl Walk {
    /// The instant `e` names, read at a known clock: a number, the loop's
    /// clock, a variable holding a read of it, and sums and differences of
    /// those with numbers.
    fn instant(&self, e: &py::Expr, now: f64) -> Option<f64> {
        if let Some(x) = seconds(e) {
            return Some(x);
        }
        if is_clock_read(e) {
            return Some(now);
        }
        if let Some(n) = plain_name(e, true) {
            return self.reads.get(n).copied();
        }
        match &e.kind {
            E::BinOp(py::BinOp::Add, a, b) => Some(self.instant(a, now)? + self.instant(b, now)?),
            E::BinOp(py::BinOp::Sub, a, b) => Some(self.instant(a, now)? - self.instant(b, now)?),
            _ => None,
        }
    }

    /// Places `x.call_later(delay, ...)` or `x.call_at(when, ...)` made now.
    fn timer(&mut self, e: &py::Expr) {
        let (Some(now), E::Call(f, args)) = (self.clock, &e.kind) else {
            return;
        };
        let (E::Attr(_, m), Some(Arg::Positional(first))) = (&f.kind, args.first()) else {
            return;
        };
        let due = match &**m {
            "call_later" => seconds(first).map(|d| now + d),
            "call_at" => self.instant(first, now),
            _ => None,
        };
        if let Some(due) = due {
            self.line
                .timers
                .insert(e.span.start, Timer { made: now, due });
        }
    }
}

impl Planner<'_> {
    /// `await asyncio.sleep(n)`'s `n`, when `s` is that statement.
    fn sleep_stmt<'e>(&self, s: &'e py::Stmt) -> Option<&'e py::Expr> {
        let P::Expr(e) = &s.kind else {
            return None;
        };
        let E::Await(inner) = &e.kind else {
            return None;
        };
        let E::Call(f, args) = &inner.kind else {
            return None;
        };
        if !self.is_member(f, py::Module::Asyncio, "sleep") {
            return None;
        }
        one_positional(args)
    }

    /// The coroutine `asyncio.run(name())` runs at the module's level.
    fn entry_code(&self) -> Option<&py::Code> {
        let stmts = module_stmts(&self.program.module.body);
        let entry = stmts.iter().find_map(|s| {
            let P::Expr(e) = &s.kind else {
                return None;
            };
            let E::Call(f, args) = &e.kind else {
                return None;
            };
            if !self.is_member(f, py::Module::Asyncio, "run") {
                return None;
            }
            let E::Call(callee, _) = &one_positional(args)?.kind else {
                return None;
            };
            plain_name(callee, false)
        })?;
        stmts.iter().find_map(|s| match &s.kind {
            P::Def { code, name, .. } if &**name.ident() == entry && code.is_async => Some(&**code),
            _ => None,
        })
    }

    /// The program's timeline (see the module's documentation).
    pub(super) fn timeline(&self) -> Timeline {
        let mut walk = Walk {
            clock: Some(0.0),
            reads: HashMap::new(),
            placed: Vec::new(),
            line: Timeline::default(),
        };
        if let Some(code) = self.entry_code() {
            for s in &code.body {
                self.walk_stmt(&mut walk, s);
            }
        }
        let source = &*self.program.source;
        walk.line.unknown |= TIMED.iter().any(|word| {
            source
                .match_indices(word)
                .any(|(at, _)| !walk.placed.iter().any(|p| p.start <= at && at < p.end))
        });
        walk.line
    }

    /// One statement of the entry coroutine's body.
    fn walk_stmt(&self, walk: &mut Walk, s: &py::Stmt) {
        if let Some(n) = self.sleep_stmt(s) {
            match (walk.clock, seconds(n)) {
                (Some(now), Some(d)) => {
                    let end = now + d.max(0.0);
                    walk.line.wakes.push(end);
                    walk.clock = Some(end);
                    walk.placed.push(s.span.clone());
                }
                _ => walk.clock = None,
            }
            return;
        }
        match &s.kind {
            P::Expr(e) => walk.timer(e),
            P::Assign { targets, value } => {
                walk.timer(value);
                match (targets.as_slice(), walk.clock) {
                    ([py::Target::Name(n)], Some(now)) if is_clock_read(value) => {
                        walk.reads.insert(n.ident().to_string(), now);
                    }
                    ([py::Target::Name(n)], _) => {
                        walk.reads.remove(&**n.ident());
                    }
                    _ => walk.reads.clear(),
                }
            }
            _ => walk.reads.clear(),
        }
        let text = self.text(&s.span);
        if ["await", "async ", "yield"]
            .iter()
            .any(|w| text.contains(w))
        {
            walk.clock = None;
        }
    }
}
