//! A definition planned as a function: its parameters (a connection
//! handler's `reader, writer` pair as one connection) and its body.

use super::scope::Scope;
use super::{Planner, Result, calls, cancel_token, refuse, streams};
use crate::program::{Code, Name, Stmt};
use crate::render::plan::ir::ast::{Function, FunctionKind};
use crate::render::plan::ir::primitive::PrimitiveKind;
use std::ops::Range;

impl<'p> Planner<'p> {
    /// The parameters of a coroutine or `__init__` (less `self`). A
    /// connection handler's `reader, writer` pairs are one connection each.
    pub(super) fn params(
        &self,
        code: &Code,
        name: &str,
        skip: usize,
        span: &Range<usize>,
    ) -> Result<Vec<String>> {
        let p = &code.params;
        let varargs = self.defs.get(name).is_some_and(|d| d.varargs);
        let keyword_only = self.defs.get(name).map_or(&[][..], |d| d.keyword_only);
        if (p.varargs.is_some() && !varargs)
            || p.varkw.is_some()
            || p.keyword_only.len() != keyword_only.len()
        {
            return refuse(
                span,
                format!("the `*args`, `**kwargs` or keyword-only parameters of `{name}`"),
                "a Rust function takes a fixed list of positional parameters",
            );
        }
        // Rust functions have no default arguments: each call passes them
        // all (`call_of`), so a default must mean the same at every call.
        let defaults = self.defs.get(name).map_or(&[][..], |d| d.defaults);
        if let Some(d) = defaults
            .iter()
            .find(|d| !calls::is_constant(d) && self.enum_member(d).is_none())
        {
            return refuse(
                &d.span,
                format!("the default value `{}` of `{name}`", self.text(&d.span)),
                "a Rust call passes every argument, so the listing writes a default at each \
                 call: it must be a number, string, boolean, `None` or an enum member, which \
                 Python's one evaluation at the definition does not change",
            );
        }
        let names: Vec<String> = p
            .positional
            .iter()
            .skip(skip)
            .chain(p.varargs.iter().filter(|_| varargs))
            .chain(keyword_only)
            .map(|p| p.name.to_string())
            .collect();
        if let Some(conn) = self.conn_param(name) {
            return Ok(std::iter::once(conn)
                .chain(names.into_iter().skip(2))
                .collect());
        }
        if !self.handlers.contains(name) {
            return Ok(names);
        }
        let mut out = Vec::new();
        for pair in names.chunks(2) {
            match pair {
                [r, w]
                    if streams::stream(r) == Some((streams::conn_name(r), false))
                        && streams::stream(w) == Some((streams::conn_name(r), true)) =>
                {
                    out.push(streams::conn_name(r));
                }
                _ => {
                    return refuse(
                        span,
                        format!("the parameters of the connection handler `{name}`"),
                        "the Rust listing gives a handler one connection: write its \
                         parameters `reader, writer` (or `NAME_reader, NAME_writer`)",
                    );
                }
            }
        }
        Ok(out)
    }

    pub(super) fn function(&self, code: &Code, name: &Name, s: &Stmt) -> Result<Function> {
        let name = name.ident().to_string();
        let kind = match (code.is_async, code.is_generator) {
            (true, true) => FunctionKind::Generator,
            (true, false) => FunctionKind::Coroutine,
            (false, false) => FunctionKind::Blocking,
            (false, true) => {
                return refuse(
                    &s.span,
                    format!("the plain generator `{name}`"),
                    "the Rust listing translates coroutines, async generators, plain \
                     functions that block, and a plain generator whose items can be made \
                     at once: it prints, awaits and changes nothing but its own variables, \
                     its loops end (a `for`, or `while n > k` lowering `n` by a literal), \
                     and each call is read where it is made (by `list`, `sum`, `sorted`, \
                     ..., or, where no item can raise, by `for` or a comprehension): Rust \
                     builds its items at once, and a generator kept, printed or passed on \
                     is used up by its first reading, which a list is not",
                );
            }
        };
        let mut params = self.params(code, &name, 0, &s.span)?;
        let mut scope = Scope::new(kind, Vec::new());
        if self.cancellable.contains(&name) {
            params.push(cancel_token::TOKEN.to_string());
            scope
                .prims
                .insert(cancel_token::TOKEN.to_string(), PrimitiveKind::Token);
        }
        if self.takes_task_name(&name) {
            params.push(super::task_numbers::TASK_NAME.to_string());
        }
        let syncs = self.given_syncs(&name);
        for (i, p) in params.iter().enumerate() {
            if let Some(kind) = syncs.get(&i) {
                scope.syncs.push(p.clone());
                scope.sync_kinds.insert(p.clone(), *kind);
            }
            if self.resolves(&name, i) {
                scope.made_future(p);
            }
            if let Some(kind) = self.primitives.get(&(name.clone(), i)) {
                scope.prims.insert(p.clone(), *kind);
            }
            if let Some(given) = self.fn_params.get(&(name.clone(), i)) {
                scope.fn_values.insert(p.clone(), given.clone());
            }
        }
        if self.handlers.contains(&name) {
            for conn in &params {
                scope.streams.extend(streams::stream_names(conn));
            }
        }
        if let Some(conn) = self.conn_param(&name) {
            scope.streams.extend(streams::stream_names(&conn));
        }
        let params = self.loops_as_context(&name, params, &mut scope);
        scope.job_futures = self.job_future_params(&name);
        scope.threadsafe.extend(scope.job_futures.iter().cloned());
        let hoisting = self.calling_hoisted(&code.body);
        let code_body = hoisting.as_deref().unwrap_or(&code.body);
        let kept = super::kept_items::kept_items(&params, code_body);
        scope.kept_loops = super::kept_items::kept_loops(&kept);
        scope.fn_dicts = super::fn_dicts::fn_dicts(code);
        let mut body = self.block(&mut scope, code_body)?;
        super::kept_items::keep_items(&mut body, &kept)?;
        self.end_run(&name, &mut body);
        if self.takes_task_name(&name) {
            super::task_numbers::note_task_name(&mut body);
        }
        Ok(Function {
            kind,
            name,
            params,
            fields: Vec::new(),
            body,
            exit: Vec::new(),
            span: s.span.clone(),
        })
    }
}
