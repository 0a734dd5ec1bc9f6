//! `try` statements: `except`, `except*`, `else`, `finally`, and how a
//! caught exception is chained to the one being handled.

use super::interp::{Flow, Frame, Interp};
use crate::engine::py::types::exc::{self, PyResult, Unwind, type_error};
use crate::engine::py::types::groups;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::Value;
use crate::program::Stmt;
use std::rc::Rc;

impl Interp {
    /// A `try` statement: its handlers, `else` and `finally`.
    pub(super) async fn try_stmt(
        &self,
        f: &Frame,
        body: &[Stmt],
        handlers: &[crate::program::Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> PyResult<Flow> {
        let mut result = self.exec_block(f, body).await;
        if let Err(Unwind::Exc(e)) = &result
            && handlers.first().is_some_and(|h| h.star)
        {
            result = self.except_star(f, e.clone(), handlers).await;
        } else if let Err(Unwind::Exc(e)) = &result {
            let e = e.clone();
            for h in handlers {
                let matched = match &h.class {
                    None => true,
                    Some(c) => {
                        let class = self.value(f, c).await?;
                        self.matches(&e, &class)?
                    }
                };
                if !matched {
                    continue;
                }
                f.stmt.set(f.stmt.get());
                self.caught(f, &e);
                if let Some(n) = &h.name {
                    self.store(f, n, e.clone());
                }
                f.handling.borrow_mut().push(e.clone());
                let r = self.exec_block(f, &h.body).await;
                f.handling.borrow_mut().pop();
                Self::handled(&e, &r);
                if let Some(n) = &h.name {
                    let _ = self.delete(f, n);
                }
                result = r;
                break;
            }
        } else if let Ok(Flow::Normal) = result {
            result = self.exec_block(f, orelse).await;
        }
        if finalbody.is_empty() {
            return result;
        }
        if let Err(Unwind::Exc(e)) = &result {
            f.handling.borrow_mut().push(e.clone());
        }
        let at = f.marked();
        let fin = self.exec_block(f, finalbody).await;
        if let (Err(_), Ok(Flow::Normal)) = (&result, &fin) {
            // The exception goes on from where it was raised.
            f.mark(&at);
        }
        if let Err(Unwind::Exc(e)) = &result {
            f.handling.borrow_mut().pop();
            if let Err(Unwind::Exc(raised)) = &fin {
                exc::chain_handled(raised, e);
            }
        }
        match fin? {
            Flow::Normal => result,
            flow => Ok(flow),
        }
    }

    /// The `except*` handlers of a `try` whose body raised `orig`: each takes
    /// the part of the group it matches (an exception that is no group
    /// arrives wrapped in one); what is left, re-raised or newly raised,
    /// goes on as CPython 3.11 combines it.
    async fn except_star(
        &self,
        f: &Frame,
        orig: Value,
        handlers: &[crate::program::Handler],
    ) -> PyResult<Flow> {
        // A part re-raised as it came keeps the line that raised it.
        let raised_at = (f.stmt.get(), f.marked());
        let mut rest = Some(orig.clone());
        let mut raised = Vec::new();
        for h in handlers {
            let Some(left) = rest.take() else { break };
            let Some(class) = &h.class else {
                rest = Some(left);
                continue;
            };
            let class = self.value(f, class).await?;
            self.matches(&orig, &class)?;
            let is_group_class =
                |c: &Value| matches!(c, Value::Class(k) if k.derives_from("BaseExceptionGroup"));
            let names_group = match &class {
                Value::Tuple(items) => items.iter().any(is_group_class),
                other => is_group_class(other),
            };
            if names_group {
                return Err(type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
            let (matched, left) = if groups::is_group(&left) {
                groups::split(&left, &mut |e| self.matches(e, &class))?
            } else if self.matches(&left, &class)? {
                (Some(groups::wrap(&left)), None)
            } else {
                (None, Some(left))
            };
            rest = left;
            let Some(m) = matched else { continue };
            if let Some(n) = &h.name {
                self.store(f, n, m.clone());
            }
            f.handling.borrow_mut().push(m.clone());
            let r = self.exec_block(f, &h.body).await;
            f.handling.borrow_mut().pop();
            if let Some(n) = &h.name {
                let _ = self.delete(f, n);
            }
            match r {
                Ok(_) => {}
                Err(Unwind::Exc(e)) => {
                    // Only a bare `raise` re-raises the part: `raise eg`
                    // gives it a new traceback, which makes it new.
                    let again = value::is_same(&e, &m) && self.bare_raise.get();
                    raised.push((e, again));
                }
                Err(other) => return Err(other),
            }
        }
        raised.extend(rest.map(|r| (r, true)));
        if raised.iter().all(|(_, again)| *again) {
            f.stmt.set(raised_at.0);
            f.mark(&raised_at.1);
        }
        match groups::reraise_star(&orig, raised) {
            Some(e) => Err(Unwind::Exc(e)),
            None => Ok(Flow::Normal),
        }
    }

    /// The exception a `raise` raises: an instance, or a class to call.
    pub fn exception_value(&self, f: &Frame, v: Value) -> PyResult<Value> {
        match &v {
            Value::Class(c) if c.derives_from("BaseException") => {
                self.instantiate(f, c, Args::default())
            }
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    /// Sets `__context__` to the exception being handled, as raising inside
    /// an `except` block does.
    pub fn set_context(&self, f: &Frame, e: &Value) {
        if let Some(current) = f.handling.borrow().last() {
            exc::chain_context(e, current, true);
        }
    }

    /// An `except` clause of this frame caught `e`: the frame joins its
    /// traceback (once), and an exception being handled becomes its context.
    fn caught(&self, f: &Frame, e: &Value) {
        if let Some(state) = exc::state(e) {
            let here = f as *const Frame as usize;
            if state.caught_in.get() != here {
                state
                    .traceback
                    .borrow_mut()
                    .push((f.marked(), Rc::from(&*f.code.name)));
                state.caught_in.set(here);
            }
        }
        if let Some(current) = f.handling.borrow().last() {
            exc::chain_context(e, current, false);
        }
    }

    /// How an `except` block that handled `e` ended: an exception it raised
    /// has `e` as its context; `e` handled for good leaves the frame's mark.
    fn handled(e: &Value, r: &PyResult<Flow>) {
        match r {
            Err(Unwind::Exc(raised)) if value::is_same(raised, e) => {}
            Err(Unwind::Exc(raised)) => {
                exc::chain_handled(raised, e);
                if let Some(state) = exc::state(e) {
                    state.caught_in.set(0);
                }
            }
            _ => {
                if let Some(state) = exc::state(e) {
                    state.caught_in.set(0);
                }
            }
        }
    }
}
