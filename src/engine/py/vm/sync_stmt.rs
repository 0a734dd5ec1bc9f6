//! Statements that cannot suspend, run by plain recursion. A statement
//! qualifies when none of its expressions can suspend and every statement
//! of its blocks qualifies; it then runs exactly as `exec` runs it (the
//! same step, the same marks, the same limits) but builds and boxes no
//! future. Whether a statement qualifies is worked out once per statement.

use super::interp::{Flow, Frame, Interp};
use crate::engine::py::types::exc::{PyResult, Unwind, error};
use crate::engine::py::types::value::{self, Value};
use crate::program::{Stmt, StmtKind, Target};
use std::cell::Cell;

/// What is known of each statement (by id): not yet looked at, runs now,
/// may suspend.
pub struct SyncStmts(Box<[Cell<u8>]>);

const UNKNOWN: u8 = 0;
const NOW: u8 = 1;
const SUSPENDS: u8 = 2;

impl SyncStmts {
    /// Room for a program of `count` statements.
    pub fn new(count: u32) -> SyncStmts {
        SyncStmts((0..count).map(|_| Cell::new(UNKNOWN)).collect())
    }

    /// Whether `s` cannot suspend, remembered by its id.
    pub fn runs_now(&self, s: &Stmt) -> bool {
        let Some(slot) = self.0.get(s.id as usize) else {
            return cannot_suspend(s);
        };
        match slot.get() {
            NOW => true,
            SUSPENDS => false,
            _ => {
                let now = cannot_suspend(s);
                slot.set(if now { NOW } else { SUSPENDS });
                now
            }
        }
    }
}

fn cannot_suspend(s: &Stmt) -> bool {
    let block = |b: &[Stmt]| b.iter().all(cannot_suspend);
    match &s.kind {
        StmtKind::Expr(e) => !e.suspends,
        StmtKind::Assign { targets, value } => {
            !value.suspends && targets.iter().all(target_cannot_suspend)
        }
        StmtKind::AugAssign { target, value, .. } => {
            !value.suspends
                && !matches!(target, Target::Unpack(..))
                && target_cannot_suspend(target)
        }
        StmtKind::Return(v) => v.as_ref().is_none_or(|e| !e.suspends),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            !test.suspends && block(body) && block(orelse)
        }
        StmtKind::For {
            is_async: false,
            target,
            iter,
            body,
            orelse,
        } => !iter.suspends && target_cannot_suspend(target) && block(body) && block(orelse),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => true,
        _ => false,
    }
}

fn target_cannot_suspend(t: &Target) -> bool {
    match t {
        Target::Name(_) => true,
        Target::Attr(obj, _) => !obj.suspends,
        Target::Subscript(obj, index) => !obj.suspends && !index.suspends,
        Target::Unpack(targets, _) => targets.iter().all(target_cannot_suspend),
    }
}

/// A `for` loop's items: a range counted as it goes (CPython's range
/// iterator holds no list either), anything else through `iter`/`next`.
pub(super) enum Items {
    Range { next: i64, step: i64, left: i64 },
    Iter(Value),
}

impl Interp {
    /// Whether `s` can run by [`Interp::exec_now`].
    pub(super) fn runs_now(&self, s: &Stmt) -> bool {
        self.sync_stmts.runs_now(s)
    }

    /// Runs a block of statements that all cannot suspend.
    pub(super) fn block_now(&self, f: &Frame, block: &[Stmt]) -> PyResult<Flow> {
        for s in block {
            match self.exec_now(f, s)? {
                Flow::Normal => {}
                flow => return Ok(flow),
            }
        }
        Ok(Flow::Normal)
    }

    /// Runs a statement that cannot suspend (see [`Interp::runs_now`]).
    pub(super) fn exec_now(&self, f: &Frame, s: &Stmt) -> PyResult<Flow> {
        match self.stmt_now(f, s) {
            Err(Unwind::Limit(reason)) => {
                // The innermost statement that sees the limit is the one
                // that reached it.
                self.shared.at_stmt(s.id);
                Err(self.abort(reason))
            }
            other => other,
        }
    }

    fn stmt_now(&self, f: &Frame, s: &Stmt) -> PyResult<Flow> {
        self.shared.at_stmt(s.id);
        self.step()?;
        f.stmt.set(s.id);
        f.mark(&s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(f, value)?;
                for t in targets {
                    self.assign_now(f, t, v.clone())?;
                }
            }
            StmtKind::AugAssign { target, op, value } => match target {
                Target::Name(n) => {
                    let cur = self.load(f, n)?;
                    let rhs = self.eval(f, value)?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.store(f, n, v);
                }
                Target::Attr(obj, name) => {
                    let o = self.eval(f, obj)?;
                    let cur = self.getattr(f, &o, name)?;
                    let rhs = self.eval(f, value)?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.setattr(f, &o, name, v)?;
                }
                Target::Subscript(obj, index) => {
                    let o = self.eval(f, obj)?;
                    let i = self.eval(f, index)?;
                    let cur = self.getitem(f, &o, &i)?;
                    let rhs = self.eval(f, value)?;
                    let v = self.binop(f, *op, &cur, &rhs, true)?;
                    self.setitem(f, &o, &i, v)?;
                }
                Target::Unpack(..) => {
                    return Err(error(
                        "SyntaxError",
                        "illegal expression for augmented assignment",
                    ));
                }
            },
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(f, test)?;
                let block = if self.truthy(f, &t)? { body } else { orelse };
                return self.block_now(f, block);
            }
            StmtKind::While { test, body, orelse } => loop {
                let t = self.eval(f, test)?;
                if !self.truthy(f, &t)? {
                    return self.block_now(f, orelse);
                }
                match self.block_now(f, body)? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                let source = self.eval(f, iter)?;
                let mut items = self.for_items(f, &source)?;
                loop {
                    let Some(item) = self.next_for_item(f, &mut items)? else {
                        return self.block_now(f, orelse);
                    };
                    self.assign_now(f, target, item)?;
                    match self.block_now(f, body)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            _ => {
                return Err(error(
                    "RuntimeError",
                    "internal error: a statement that may suspend was run without suspending",
                ));
            }
        }
        Ok(Flow::Normal)
    }

    /// Binds a value to a target none of whose expressions suspends.
    pub(super) fn assign_now(&self, f: &Frame, t: &Target, v: Value) -> PyResult<()> {
        match t {
            Target::Name(n) => {
                self.store(f, n, v);
                Ok(())
            }
            Target::Attr(obj, name) => {
                let o = self.eval(f, obj)?;
                self.setattr(f, &o, name, v)
            }
            Target::Subscript(obj, index) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, index)?;
                self.setitem(f, &o, &i, v)
            }
            Target::Unpack(..) => super::interp::run_now(self.assign(f, t, v)),
        }
    }

    /// The items a `for` loop walks.
    pub(super) fn for_items(&self, f: &Frame, source: &Value) -> PyResult<Items> {
        Ok(match source {
            Value::Range(start, stop, step) => Items::Range {
                next: *start,
                step: *step,
                left: value::range_len(*start, *stop, *step),
            },
            other => Items::Iter(self.iter(f, other)?),
        })
    }

    /// The next item of a `for` loop, or `None` at the end.
    pub(super) fn next_for_item(&self, f: &Frame, items: &mut Items) -> PyResult<Option<Value>> {
        match items {
            Items::Range { next, step, left } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let item = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(item)))
            }
            Items::Iter(it) => self.next(f, it),
        }
    }
}
