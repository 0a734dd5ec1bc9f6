//! Control flow and compound statements: `else` chains, returns,
//! assignments, `gather`, `try` with its drop guards.

use super::Renderer;
use super::analysis::{assigned_in, read_in};
use super::durations::scale_of;
use super::names::{fn_name, ident, split_chain};
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, Calls, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

impl Renderer<'_> {
    /// The `else` of an `if`: a lone nested `if` becomes `} else if`.
    pub(super) fn else_chain(&mut self, otherwise: &Block, tail: bool) {
        if let [inner] = otherwise.as_slice()
            && let StmtKind::If {
                cond,
                then,
                otherwise,
            } = &inner.kind
        {
            let start = self.lines.len();
            if let Some((x, head)) = self.list_let(cond) {
                // `elif isinstance(x, list):` of a `PyValue`.
                self.line(format!("}} else {head} {{"));
                self.narrowed_block(&x, then, tail);
            } else {
                let c = self.test(cond);
                self.line(format!("}} else if {} {{", c.text));
                self.nested_tail(then, tail);
            }
            self.else_chain(otherwise, tail);
            self.spans.insert(inner.id, start..self.lines.len());
            return;
        }
        if !otherwise.is_empty() {
            self.line("} else {");
            self.nested_tail(otherwise, tail);
        }
    }

    pub(super) fn nested(&mut self, block: &Block) {
        self.indent += 1;
        self.body(block, false);
        self.indent -= 1;
    }

    pub(super) fn nested_tail(&mut self, block: &Block, tail: bool) {
        self.indent += 1;
        self.body(block, tail);
        self.indent -= 1;
    }

    pub(super) fn stream(&mut self, source: &Call) -> String {
        let c = self.call(source);
        match self.demo.function(&source.name) {
            Some(f) if f.kind == FunctionKind::Iterator && !Self::simple_iterator(f) => {
                format!("{c}.into_stream()")
            }
            _ => c,
        }
    }

    pub(super) fn ret(&mut self, e: Option<&Expr>, tail: bool) {
        if self.exit_bool {
            return self.exit_return(e, tail);
        }
        // A generic function gives its `T` as the call makes it.
        if self.types.generic.contains_key(&self.func)
            && let Some(e) = e
        {
            let c = self.expr(e);
            return match tail {
                true => self.tail_line(c.text),
                false => self.line(format!("return {};", c.text)),
            };
        }
        if let Ty::Option(_) = self.types.ret_of(&self.func) {
            return self.ret_option(e, tail);
        }
        // `return f()` of a call that gives `None`: the call still runs.
        let unit = matches!(self.types.ret_of(&self.func), Ty::Unit | Ty::Unknown);
        if unit
            && matches!(self.kind, FunctionKind::Coroutine | FunctionKind::Blocking)
            && let Some(x) = e.filter(|x| matches!(x.kind, ExprKind::Await(_)))
        {
            let c = self.expr(x);
            self.line(format!("{};", c.text));
        }
        let value = e.map(|e| {
            let c = self.expr(e);
            let ret = self.types.ret_of(&self.func);
            // A local `String` is moved out, not copied.
            let owned_local = self.moves_out(e, &c, tail)
                || matches!(e.kind, ExprKind::Var(_))
                && c.ty == Ty::Str
                && !c.str_ref
                && c.prec == 10
                && !c.text.contains('.')
                // A local of `poll_next` is moved out too.
                || self.poll_mode
                    && matches!(e.kind, ExprKind::Var(_))
                    && matches!(c.ty, Ty::List(_) | Ty::Dict(..) | Ty::Tuple(_))
                    && c.prec == 10
                    && !c.text.contains('.');
            if ret == Ty::Float && c.ty == Ty::Int {
                c.as_f64().text
            } else if ret == Ty::BigInt {
                self.as_big(c).text
            } else if ret == Ty::Number {
                super::numbers::number(&c)
            } else if ret == Ty::Mixed && c.ty != Ty::Mixed {
                super::mixed::py_value(&c)
            } else if owned_local {
                c.text
            } else {
                c.owned()
            }
        });
        let value = match (self.kind, value) {
            (FunctionKind::Iterator, Some(v)) if self.poll_mode => {
                Some(format!("Poll::Ready(Some({v}))"))
            }
            (FunctionKind::Iterator, Some(v)) => Some(format!("Some({v})")),
            (FunctionKind::Generator, _) => None,
            (FunctionKind::Coroutine | FunctionKind::Blocking, _)
                if matches!(self.types.ret_of(&self.func), Ty::Unit | Ty::Unknown) =>
            {
                None
            }
            (_, v) if self.entry_main => {
                let _ = v;
                None
            }
            (_, v) => v,
        };
        let value = match value {
            _ if !self.fallible.contains(&self.func) => value,
            // `a.floor_div(b)?` is already the function's `Result`.
            Some(v) if let Some(result) = super::number_ops::unchecked(&v) => Some(result),
            Some(v) => Some(format!("Ok({v})")),
            None => Some("Ok(())".into()),
        };
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        match (value, tail) {
            (Some(v), true) if self.map_lines("", &v, "") => {}
            (Some(v), false) if self.map_lines("return ", &v, ";") => {}
            // An `if`-`else if` chain, laid out as rustfmt lays it out.
            (Some(v), true) if let Some(lines) = super::wrap::if_else_lines(&v) => {
                lines.into_iter().for_each(|l| self.line(l));
            }
            (Some(v), true) => self.tail_line(v),
            (Some(v), false) => self.line(format!("return {v};")),
            (None, _) => self.line("return;"),
        }
    }

    pub(super) fn set(&mut self, var: &str, value: &Expr) {
        if self.tokened_list_set(var, value) {
            return;
        }
        // The tasks of a shared list are spawned `Shared`.
        let shared = self.shared_list(var);
        let before = std::mem::replace(&mut self.spawning_shared, shared);
        self.set_value(var, value);
        self.spawning_shared = before;
    }

    /// `var = value`, once the spawning of a shared list's tasks is set.
    fn set_value(&mut self, var: &str, value: &Expr) {
        if self.is_static(var) {
            return self.static_set(var, value);
        }
        if self.locked_binding(var, value) {
            return;
        }
        if self.mixed_gathered(var, value) {
            return;
        }
        // A call made for what it does (`xs.append(x)`).
        if var == "_" {
            if let Some(message) = self.exit_message(value) {
                self.line(message);
            }
            if let Some(line) = self.dict_method_stmt(value) {
                self.line(line);
                return;
            }
            let c = self.expr(value);
            // An operation kept for the exception it may raise.
            // (`xs.remove(x)` gives nothing to keep.)
            let keep = if self.checked.contains_key(&value.span) && c.ty != Ty::Unit {
                "let _ = "
            } else {
                ""
            };
            self.line(format!("{keep}{};", c.text));
            return;
        }
        if self
            .duration_vars
            .contains(&(self.func.clone(), var.to_string()))
        {
            match scale_of(value, var) {
                Some(k) => self.line(format!("{} *= {k};", ident(var))),
                None => {
                    let d = self.duration(value);
                    let b = self.bind(var);
                    self.line(format!("{b}{d};"));
                }
            }
            return;
        }
        if self.sleeps_gathered(var, value) || self.unpack_list(var, value) {
            return;
        }
        let target_ty = self.var_ty(var);
        // `x = x + 1` reads better as `x += 1`.
        if let ExprKind::Binary(op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul), a, b) =
            &value.kind
            && matches!(&a.kind, ExprKind::Var(n) if n == var)
            && matches!(target_ty, Ty::Int | Ty::Float | Ty::BigInt)
            && (self.declared.contains(var) || self.fields.contains(var))
        {
            let rhs = self.expr(b);
            let rhs = if target_ty == Ty::Float {
                rhs.as_f64()
            } else if rhs.ty == Ty::BigInt {
                super::big_ints::borrowed_operand(&rhs)
            } else {
                rhs
            };
            let target = self.var_code(var).text;
            self.line(format!("{target} {}= {};", op.python(), rhs.text));
            return;
        }
        if let Some(empty) = self
            .empty_list(var, value)
            .or_else(|| self.none_set(var, value).map(String::from))
        {
            let b = self.bind(var);
            self.line(format!("{b}{empty};"));
            return;
        }
        let c = match self.tree_value(value, &target_ty) {
            Some(tree) => tree,
            None => self.expr(value),
        };
        let value_ty = c.ty.clone();
        let rhs = if target_ty == Ty::Float && c.ty == Ty::Int {
            c.as_f64().text
        } else if target_ty == Ty::BigInt {
            self.as_big(c).text
        } else {
            c.owned()
        };
        let b = super::trees::tree_pattern(self.bind(var), &value_ty);
        if let Ty::Tree(_) = value_ty
            && let Some(lines) = super::nested_layout::nested_lines(&b, &rhs, ";", self.indent)
        {
            for l in lines {
                self.line(l);
            }
            return;
        }
        let listed_comp = matches!(&value.kind, ExprKind::Call(Builtin::List, args)
            if matches!(args.as_slice(), [x] if matches!(x.kind, ExprKind::Comp { .. })));
        if matches!(
            value.kind,
            ExprKind::Comp { .. } | ExprKind::Flat(_) | ExprKind::Call(Builtin::Slice, _)
        ) || listed_comp
            || super::dicts::collects_pairs(value)
            || (matches!(value.kind, ExprKind::Binary(BinaryOp::Or, ..)) && !rhs.starts_with("if "))
        {
            // An iterator chain, broken one call per line as rustfmt does.
            self.chain_line(&b, &rhs, &[], ";");
            return;
        }
        if self.vec_lines(&b, &rhs, ";") || self.map_lines(&b, &rhs, ";") {
            return;
        }
        if let Some(lines) = super::wrap::if_else_value_lines(&rhs)
            .or_else(|| super::wrap::closure_block_lines(&rhs))
        {
            let last = lines.len() - 1;
            for (i, l) in lines.into_iter().enumerate() {
                match i {
                    0 => self.line(format!("{b}{l}")),
                    _ if i == last => self.line(format!("{l};")),
                    _ => self.line(l),
                }
            }
            return;
        }
        self.line(format!("{b}{rhs};"));
    }

    pub(super) fn gather(&mut self, calls: &Calls, into: Option<&str>) {
        let unit = matches!(self.types.calls_ret(calls), Ty::Unit | Ty::Unknown);
        // `gather()` of nothing is an empty list, whatever it would hold.
        let none = matches!(calls, Calls::List(list) if list.is_empty());
        let unpacked = into.is_some_and(|v| super::tuples::pattern_names(v).is_some());
        let into = into.filter(|_| !unit || none || unpacked);
        if let Calls::List(list) = calls
            && list.iter().any(|c| self.fallible.contains(&c.name))
        {
            return self.gather_failing(list, into);
        }
        match calls {
            Calls::List(list) => {
                let codes: Vec<String> = list.iter().map(|c| self.call(c)).collect();
                match (into, codes.len()) {
                    (None, 0) => {
                        self.line("// `gather()` of nothing: done at once, with no await.")
                    }
                    (_, 0) => self.assign(into, "Vec::<()>::new()"),
                    (into, 1) => {
                        let rhs = format!("vec![{}.await]", codes[0]);
                        self.assign(into, &rhs);
                    }
                    (None, _) => self.join_line("", &codes),
                    (Some(v), _) if self.join_unpacked(v, &codes) => {}
                    (Some(v), n) => {
                        let names: Vec<String> = (0..n)
                            .map(|i| {
                                if i < 26 {
                                    char::from(b'a' + i as u8).to_string()
                                } else {
                                    format!("r{i}")
                                }
                            })
                            .collect();
                        self.join_line(&format!("let ({}) = ", names.join(", ")), &codes);
                        let b = self.bind(v);
                        self.line(format!("{b}vec![{}];", names.join(", ")));
                    }
                }
            }
            Calls::Each { call, var, over } => {
                self.use_("futures::future", "join_all");
                let (iter, pat) = self.iter_of(over, var);
                let c = self.call(call);
                let mapped = if c == format!("{}({pat})", fn_name(&call.name)) {
                    format!("{iter}.map({})", fn_name(&call.name))
                } else {
                    format!("{iter}.map(|{pat}| {c})")
                };
                // rustfmt breaks a chain of two calls or more past 60
                // characters; one call stays on its line while it fits.
                let one_call = split_chain(&mapped).1.len() == 1;
                let width = 4 * self.indent + into.map_or(0, |n| n.len() + 7) + mapped.len() + 17;
                if mapped.len() <= 60 || (one_call && width <= 100) {
                    self.assign(into, &format!("join_all({mapped}).await"));
                    return;
                }
                // rustfmt's layout of a long argument chain.
                let into = into.filter(|n| self.used.contains(*n) || self.declared.contains(*n));
                let b = into.map(|n| self.bind(n)).unwrap_or_default();
                let (base, calls) = split_chain(&mapped);
                self.line(format!("{b}join_all("));
                self.indent += 1;
                self.line(base);
                self.indent += 1;
                let n = calls.len();
                for (i, c) in calls.iter().enumerate() {
                    self.line(if i + 1 == n {
                        format!("{c},")
                    } else {
                        c.clone()
                    });
                }
                self.indent -= 2;
                self.line(")");
                self.line(".await;");
            }
        }
    }

    /// `tokio::join!(biased; ...)`: polled in the order written, so futures
    /// that wake at the same instant resume in asyncio's order (an unbiased
    /// `join!` rotates which one it polls first).
    pub(super) fn join_line(&mut self, binding: &str, codes: &[String]) {
        let one = format!(
            "{}{binding}tokio::join!(biased; {});",
            "    ".repeat(self.indent),
            codes.join(", ")
        );
        if one.len() <= 100 {
            self.lines.push(one);
            return;
        }
        self.line(format!("{binding}tokio::join!("));
        self.indent += 1;
        self.line("biased;");
        for c in codes {
            self.line(format!("{c},"));
        }
        self.indent -= 1;
        self.line(");");
    }

    pub(super) fn try_(&mut self, body: &Block, on_cancel: &Block, finally: &Block, tail: bool) {
        if self.generator_finally(body, on_cancel, finally, tail) {
            return;
        }
        if self.has_token() {
            return self.token_select(body, on_cancel, finally, tail);
        }
        if finally.is_empty() && self.ended_join(body, on_cancel) {
            return;
        }
        // `try: await task / except CancelledError` around an aborted task
        // (its handler may be a bare `pass`): the JoinError says it was
        // cancelled.
        if let [join] = body.as_slice()
            && let StmtKind::Join { target, into: None } = &join.kind
            && matches!(self.var_ty(target), Ty::Task(_))
        {
            if !finally.is_empty() {
                self.use_("scopeguard", "guard");
                self.line("{");
                self.indent += 1;
                self.line("let _finally = guard((), |_| {");
                let sync = std::mem::replace(&mut self.sync, true);
                self.nested(finally);
                self.sync = sync;
                self.line("});");
            }
            let start = self.lines.len();
            let demo = self.demo;
            let whole = demo.function(&self.func).map_or(body, |f| &f.body);
            let handle = match super::analysis::joined_then_read(body, on_cancel, whole) {
                Some(_) if self.task_loop_item(target) => format!("(&mut *{})", ident(target)),
                Some(_) => format!("(&mut {})", ident(target)),
                None => self.handed_handle(target, ident(target)),
            };
            self.line(format!("match {handle}.await {{"));
            self.line("    Ok(_) => {}");
            self.spans.insert(join.id, start..self.lines.len());
            self.indent += 1;
            self.line("// Aborted: Tokio reports it as a `JoinError`, not an exception.");
            if on_cancel.is_empty() {
                self.line("Err(e) if e.is_cancelled() => {}");
            } else {
                self.line("Err(e) if e.is_cancelled() => {");
                self.nested(on_cancel);
                self.line("}");
            }
            self.line("Err(e) => std::panic::resume_unwind(e.into_panic()),");
            self.indent -= 1;
            self.line("}");
            if !finally.is_empty() {
                self.indent -= 1;
                self.line("}");
            }
            return;
        }
        if on_cancel.is_empty() && finally.is_empty() {
            self.body(body, false);
            return;
        }
        // The guards drop at the end of the `try`: a block of their own,
        // unless the function ends there anyway.
        if !tail {
            self.line("{");
            self.indent += 1;
        }
        self.line("// Tokio cancels a task by dropping its future: cleanup runs in `Drop`.");
        let sync = self.sync;
        // A variable the body changes and the cleanup reads cannot be
        // borrowed by the closure: the guard holds it (`Guarded`).
        let changed = assigned_in(body);
        let mut held = Vec::new();
        let mut hold = |r: &mut Self, block: &Block| {
            let vars: Vec<String> = read_in(block)
                .into_iter()
                .filter(|v| {
                    changed.contains(v)
                        && r.declared.contains(v)
                        && !r.fields.contains(v)
                        && !r.held.iter().any(|(h, _)| h == v)
                        && !held.contains(v)
                })
                .collect();
            held.extend(vars.iter().cloned());
            vars
        };
        let finally_holds = hold(self, finally);
        let cancel_holds = hold(self, on_cancel);
        let mut places = Vec::new();
        if !finally.is_empty() {
            self.guard_line("_finally", &finally_holds, &mut places);
            self.sync = true;
            self.nested(finally);
            self.sync = sync;
            self.line("});");
        }
        let guard = match self.guards.len() {
            0 => "on_cancel".to_string(),
            n => format!("on_cancel{}", n + 1),
        };
        if !on_cancel.is_empty() {
            let guard = self.guard_line(&guard, &cancel_holds, &mut places);
            self.sync = true;
            self.nested(on_cancel);
            self.sync = sync;
            self.line("});");
            self.guards.push(guard);
        }
        self.held.extend(places);
        let ends_in_return = matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return(_)));
        self.body(body, tail && ends_in_return);
        self.held.retain(|(v, _)| !held.contains(v));
        if !on_cancel.is_empty() {
            let guard = self.guards.pop().unwrap_or(guard);
            let returns = matches!(
                body.last().map(|s| &s.kind),
                Some(StmtKind::Return(_) | StmtKind::Stop)
            );
            if !returns {
                self.disarm(&guard);
            }
        }
        if !tail {
            self.indent -= 1;
            self.line("}");
        }
    }
}
