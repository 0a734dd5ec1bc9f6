//! The calls on futures, callback handles and the loop that the Rust
//! listing does not translate, each refused at its place with what asyncio
//! does there that the listing's Tokio form would not: a future made
//! outside a variable of its own or a list made at once
//! (`plan::future_lists`), a future resolved through an expression, a
//! `concurrent.futures.Future` the program makes other than one its jobs
//! wait for (see `plan::job_futures`), a concurrent future's `running()`,
//! a task's `exception()`, a callback handed to the loop from a job's
//! thread, and a timer handle's `cancel()` read as a value.

use super::scope::Scope;
use super::stmt::local_name;
use super::task_state::words;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module};

const FUTURE_LISTS: &str = "the Rust listing makes a future as a oneshot channel kept in a \
                            variable of its own (`fut = loop.create_future()`), whose sender \
                            goes to the one place that resolves it, or a list of them made at \
                            once (`futs = [loop.create_future() for _ in range(n)]`), whose \
                            senders go to the one coroutine that resolves them in a loop and \
                            whose items are awaited or tested with `done()` where it was made";

impl Planner<'_> {
    /// Refuses the call `e` when it is one of the calls on futures that
    /// the listing does not translate; `Ok(())` for any other call, which
    /// the caller refuses or translates as it would.
    pub(super) fn refuse_future_call(&self, sc: &Scope, e: &py::Expr) -> Result<()> {
        let E::Call(f, _) = &e.kind else {
            return Ok(());
        };
        let made_here = matches!(&f.kind, E::Attr(obj, m)
            if &**m == "Future" && self.member(obj) == Some((Module::Concurrent, "futures")));
        if made_here || self.is_member(f, Module::Futures, "Future") {
            return refuse(
                &e.span,
                "a `concurrent.futures.Future()` the program makes",
                "a job's thread blocks on it (`result()`, `exception(timeout=...)`) while the \
                 loop goes on; in Rust that wait would be a `std::sync::mpsc` receiver, whose \
                 timeouts count the system's time where the listing's clock is Tokio's: not \
                 translated",
            );
        }
        let E::Attr(obj, m) = &f.kind else {
            return Ok(());
        };
        let source = &self.program.source;
        match &**m {
            "create_future" => refuse(
                &e.span,
                "`loop.create_future()` inside an expression",
                FUTURE_LISTS,
            ),
            "set_result" | "set_exception"
                if local_name(obj).is_none() && !source.contains(&format!("def {m}(")) =>
            {
                refuse(
                    &e.span,
                    format!("`{m}` of a future taken from an expression"),
                    FUTURE_LISTS,
                )
            }
            "done" | "result" | "set_result" | "exception"
                if local_name(obj).is_some_and(|v| {
                    self.iterates_futures(v) && !(&**m == "done" && self.future_item(sc, v))
                }) =>
            {
                refuse(
                    &e.span,
                    format!("`.{m}()` of a future of a list"),
                    FUTURE_LISTS,
                )
            }
            "exception" if local_name(obj).is_some_and(|v| sc.tasks.iter().any(|t| t == v)) => {
                refuse(
                    &e.span,
                    "`.exception()` of a task",
                    "a `JoinHandle` gives its task's output once, to the one `.await` of it: the \
                     Rust listing reads a task's exception as the `Err` that awaiting it gives \
                     (`try: await t` then `except ... as e:`)",
                )
            }
            "running" if local_name(obj).is_some() && !source.contains("def running(") => refuse(
                &e.span,
                "`.running()` of a concurrent future",
                "`running()` tells whether a pool's thread took up the future's job; the Rust \
                 listing keeps no such state for a job's handle or a future the program makes: \
                 not translated",
            ),
            "call_soon_threadsafe" => refuse(
                &e.span,
                "`call_soon_threadsafe` from a job's thread",
                "asyncio runs the callback on the loop's thread at its next step, in the order \
                 the calls came; the Rust listing does not translate a callback handed to the \
                 runtime from a job's thread (a task spawned through the runtime's `Handle`): \
                 return the value from the job and await the job instead",
            ),
            "cancel" if local_name(obj).is_some_and(|v| self.timer_handle(v)) => refuse(
                &e.span,
                "a timer handle's `cancel()` read as a value",
                "asyncio's `handle.cancel()` gives `None`, and `handle.cancelled()` is true at \
                 once; the listing's handle is the timer task's `JoinHandle`, whose `abort()` \
                 gives nothing and whose `is_finished()` turns true only once the runtime drops \
                 the task: the listing translates `handle.cancel()` as a statement of its own",
            ),
            _ => Ok(()),
        }
    }

    /// Whether `var` is bound (anywhere in the source) by
    /// `var = loop.call_later(...)`, `call_at` or `call_soon`.
    fn timer_handle(&self, var: &str) -> bool {
        words(&self.program.source, var).any(|(_, after)| {
            let line = after.lines().next().unwrap_or("");
            line.trim_start().starts_with('=')
                && [".call_later(", ".call_at(", ".call_soon("]
                    .iter()
                    .any(|c| line.contains(c))
        })
    }

    /// Whether `var` is the variable of a loop or comprehension over a list
    /// that a comprehension fills with `loop.create_future()` (the scan is
    /// of the whole source: `for var in futures` where some line reads
    /// `futures = [....create_future() for ...]`).
    fn iterates_futures(&self, var: &str) -> bool {
        let source = &self.program.source;
        let lists: Vec<&str> = source
            .lines()
            .filter_map(|l| {
                let (name, value) = l.split_once('=')?;
                let value = value.trim_start();
                (value.starts_with('[') && value.contains(".create_future() for "))
                    .then_some(name.trim())
            })
            .collect();
        words(source, var).any(|(_, after)| {
            let Some(rest) = after.strip_prefix(" in ") else {
                return false;
            };
            let rest = rest.strip_prefix("enumerate(").unwrap_or(rest);
            lists.iter().any(|list| {
                rest.strip_prefix(list)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            })
        })
    }
}
