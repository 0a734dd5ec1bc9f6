//! `fut.add_done_callback(lambda _: ...)` of a future the function makes
//! and resolves itself, before it resolves it: asyncio schedules each
//! callback as the future resolves, to run once the running task awaits,
//! behind what was ready already. The Rust listing spawns the callbacks'
//! code as a task of its own just after it resolves the future (Tokio's
//! tasks run in the order they were spawned). A future the program only
//! resolves, for its callbacks, is no channel at all: resolving it is the
//! spawn of its callbacks.

use super::scope::Scope;
use super::stmt::{Step, local_name};
use super::task_state::words;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, StmtKind as P};
use crate::render::plan::ir::ast::{Stmt, StmtKind};

const CALLBACKS: &str = "the Rust listing runs a done callback `lambda _: ...` that reads only \
                         the module's variables, added at the top of the function that makes \
                         and awaits the future (or never reads it), before the one \
                         `set_result` there resolves it: the callbacks are a task spawned as \
                         the future resolves";

impl Planner<'_> {
    /// `fut.add_done_callback(lambda _: body)` as a statement: its body is
    /// kept for `fut.set_result(...)`; `None` for another statement.
    pub(super) fn done_callback(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        e: &py::Expr,
    ) -> Result<Option<Step>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(fut) = local_name(obj).filter(|f| sc.futures.contains_key(*f)) else {
            return Ok(None);
        };
        if &**m != "add_done_callback" {
            return Ok(None);
        }
        let [Arg::Positional(callback)] = args.as_slice() else {
            return refuse(&e.span, "this `add_done_callback`", CALLBACKS);
        };
        let E::Lambda { code, defaults } = &callback.kind else {
            return refuse(
                &callback.span,
                "a done callback that is not a `lambda`",
                CALLBACKS,
            );
        };
        // asyncio calls it with the future: one parameter.
        if code.locals.len() != 1 || !defaults.is_empty() {
            return refuse(&callback.span, "this done callback", CALLBACKS);
        }
        let [
            py::Stmt {
                kind: P::Return(Some(body)),
                ..
            },
        ] = code.body.as_slice()
        else {
            return refuse(&callback.span, "this done callback", CALLBACKS);
        };
        let source = &self.program.source;
        let param_read = code.locals.iter().any(|p| {
            let text = &source[body.span.clone()];
            words(text, p).next().is_some()
        });
        let (resolved, made_at) = sc.futures[fut];
        // Resolved, cancelled or failed anywhere else, or handed on.
        let elsewhere = words(source, fut).any(|(before, after)| {
            let before = before.trim_end_matches(' ');
            after.starts_with(".cancel(")
                || after.starts_with(".set_exception(")
                || before.ends_with('(')
                || before.ends_with(',')
        });
        // A future nothing awaits would be a receiver the listing never reads.
        let awaited = words(source, fut).any(|(before, _)| before.ends_with("await "))
            || sc.unread_futures.iter().any(|f| f == fut);
        let results = words(source, fut)
            .filter(|(_, after)| after.starts_with(".set_result("))
            .count();
        // Added in the block that makes the future: not under an `if`.
        let made_in_block = words(&source[..s.span.start], fut)
            .filter(|(_, after)| {
                let line = after.lines().next().unwrap_or("");
                line.trim_start().starts_with('=') && line.contains(".create_future(")
            })
            .last()
            .is_some_and(|(before, _)| {
                indent(source, before.len()) == indent(source, s.span.start)
            });
        if param_read
            || !made_in_block
            || resolved > 0
            || made_at > 0
            || sc.depth > 0
            || elsewhere
            || !awaited
            || results != 1
        {
            return refuse(&e.span, "this `add_done_callback`", CALLBACKS);
        }
        let value = self.expr(sc, body)?;
        let mut read = Vec::new();
        value.variables(&mut read);
        if read.iter().any(|(v, _)| {
            !self
                .statics
                .iter()
                .any(|(n, _)| self.shared(n).as_ref() == Some(v))
        }) {
            return refuse(
                &callback.span,
                "a done callback that reads a local",
                CALLBACKS,
            );
        }
        let kind = StmtKind::Set {
            var: "_".to_string(),
            value,
        };
        sc.done_callbacks
            .entry(fut.to_string())
            .or_default()
            .push(Stmt {
                id: self.current.get(),
                span: s.span.clone(),
                kind,
            });
        Ok(Some((None, 1)))
    }

    /// `fut.set_result(value)` (`resolve`) of a future with done
    /// callbacks: resolved first, then the callbacks spawned. Refused where
    /// a future nothing reads has no callbacks to run (the listing made no
    /// channel for it).
    pub(super) fn resolve_then_callbacks(
        &self,
        sc: &mut Scope,
        obj: &py::Expr,
        resolve: StmtKind,
    ) -> Result<StmtKind> {
        let unread = local_name(obj).is_some_and(|f| sc.unread_futures.iter().any(|u| u == f));
        match local_name(obj).and_then(|f| sc.done_callbacks.remove(f)) {
            Some(body) => {
                if !unread {
                    self.lifted.borrow_mut().push(resolve);
                }
                Ok(StmtKind::Soon(body))
            }
            None if unread => refuse(
                &obj.span,
                "resolving a future whose done callbacks are not translated",
                CALLBACKS,
            ),
            None => Ok(resolve),
        }
    }

    /// Whether the program does nothing with the future `name` but add done
    /// callbacks to it and resolve it once with a plain value, in the one
    /// assignment that makes it: the Rust listing makes no channel for it,
    /// and resolving it spawns its callbacks. The scan is of the whole
    /// source, so another use of the word anywhere keeps the channel.
    pub(super) fn future_only_resolved(&self, name: &str) -> bool {
        let (mut made, mut callbacks, mut results) = (0, 0, 0);
        for (_, after) in words(&self.program.source, name) {
            if after.starts_with(".add_done_callback(") {
                callbacks += 1;
            } else if let Some(value) = after.strip_prefix(".set_result(") {
                // A value that calls nothing: dropping it changes nothing.
                let plain = value
                    .split_once(')')
                    .is_some_and(|(v, _)| !v.contains('(') && !v.contains('['));
                if !plain {
                    return false;
                }
                results += 1;
            } else if after.trim_start().starts_with('=') && !after.trim_start().starts_with("==") {
                made += 1;
            } else {
                return false;
            }
        }
        made == 1 && callbacks > 0 && results == 1
    }
}

/// The indentation of the line that holds the byte `at` of `source`.
fn indent(source: &str, at: usize) -> usize {
    let start = source[..at.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    source[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count()
}
