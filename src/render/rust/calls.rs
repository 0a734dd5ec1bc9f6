//! Calls of the demo's functions (their arguments converted to the
//! parameters' types), and the names statements bind and loop over.

use super::Renderer;
use super::names::{camel, fn_name, ident};
use super::types::Ty;
use crate::render::plan::ir::ast::{Call, FunctionKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Renderer<'_> {
    /// Arguments of a call of a demo function, converted to its parameters.
    pub(super) fn call_args(&mut self, call: &Call) -> Vec<String> {
        let callee = self.demo.function(&call.name);
        let mut out = Vec::new();
        for (i, arg) in call.args.iter().enumerate() {
            if let Some(a) = self.generic_arg(&call.name, i, arg) {
                out.push(a);
                continue;
            }
            let pname = callee
                .and_then(|f| f.params.get(i))
                .cloned()
                .unwrap_or_default();
            if let Some(senders) = self.senders_arg(&call.name, &pname, arg) {
                out.push(senders);
                continue;
            }
            if self
                .durations
                .contains_key(&(call.name.clone(), pname.clone()))
            {
                out.push(self.duration(arg));
                continue;
            }
            if self.mut_params.contains(&(call.name.clone(), i))
                && let ExprKind::Var(v) = &arg.kind
            {
                out.push(self.lent_arg(v));
                continue;
            }
            if let ExprKind::Var(v) = &arg.kind
                && let Some(lent) = self.locked_arg(&call.name, i, v)
            {
                out.push(lent);
                continue;
            }
            // A list display given to a list of `PyValue`s holds them.
            let mixed = Ty::List(Box::new(Ty::Mixed));
            if self.types.var(&call.name, &pname) == mixed
                && let Some(items) = super::mixed_nest::display_items(arg)
            {
                let list = self.mixed_items(items);
                out.push(match self.ref_params.contains(&(call.name.clone(), i)) {
                    true => format!("&[{list}]"),
                    false => format!("vec![{list}]"),
                });
                continue;
            }
            if self.ref_params.contains(&(call.name.clone(), i)) {
                out.push(self.ref_arg(arg));
                continue;
            }
            if super::generic_iters::generic_list(self.demo, self.types, &call.name)
                .is_some_and(|g| g.param == i)
            {
                out.push(self.owned_deep(arg));
                continue;
            }
            let pty = self.types.var(&call.name, &pname);
            if let Some(tree) = self.tree_value(arg, &pty) {
                out.push(tree.text);
                continue;
            }
            let c = self.expr(arg);
            let text = match &pty {
                Ty::Str if self.param_owned(&call.name, i) => c.owned(),
                Ty::Str => c.borrowed(),
                Ty::Float if c.ty == Ty::Int => c.as_f64().text,
                Ty::BigInt => self.as_big(c).text,
                Ty::Number => super::numbers::number(&c),
                Ty::List(t)
                    if **t == Ty::Float
                        && let ExprKind::List(items) = &arg.kind =>
                {
                    let items: Vec<String> =
                        items.iter().map(|i| self.expr(i).as_f64().text).collect();
                    format!("vec![{}]", items.join(", "))
                }
                Ty::Future(_) => {
                    let sender = self.types.senders.contains(&(call.name.clone(), pname));
                    match &arg.kind {
                        ExprKind::Var(n) if sender && self.local_futures.contains(n) => {
                            format!("{}_tx", n)
                        }
                        ExprKind::Var(n)
                            if !sender && self.shared.contains(&(self.func.clone(), n.clone())) =>
                        {
                            format!("{}.clone()", ident(n))
                        }
                        _ => c.text,
                    }
                }
                Ty::List(t) if **t == Ty::Str && self.list_borrowed(&call.name, i) => c.owned(),
                Ty::List(t) if **t == Ty::Str => match &arg.kind {
                    ExprKind::List(items) => {
                        let items: Vec<String> =
                            items.iter().map(|i| self.expr(i).owned()).collect();
                        format!("vec![{}]", items.join(", "))
                    }
                    _ => c.owned(),
                },
                Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_) | Ty::Tree(_) => c.owned(),
                Ty::Queue(_) => match &arg.kind {
                    ExprKind::Var(v) => self.queue_args(&call.name, &pname, v),
                    _ => c.text,
                },
                Ty::Token => format!("{}.clone()", c.text),
                Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition if self.sync_shared() => {
                    self.use_("std::sync", "Arc");
                    format!("Arc::clone(&{})", c.text)
                }
                // A parameter is already a reference.
                Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition if self.is_param(arg) => {
                    c.text
                }
                Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition => format!("&{}", c.text),
                Ty::Object(_) => self.object_arg(arg, c, call),
                _ => c.text,
            };
            out.push(text);
        }
        out
    }

    /// Whether `e` is a parameter of the function being rendered.
    fn is_param(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Var(v)
            if self.demo.function(&self.func).is_some_and(|f| f.params.contains(v)))
    }

    pub(super) fn call(&mut self, call: &Call) -> String {
        let args = self.call_args(call).join(", ");
        if self.demo.static_methods.contains(&call.name)
            && let Some((class, m)) = call.name.split_once('.')
        {
            return format!("{}::{}({args})", camel(class), ident(m));
        }
        match self.demo.function(&call.name).map(|f| f.kind) {
            Some(FunctionKind::Iterator | FunctionKind::Resource | FunctionKind::Object) => {
                format!("{}::new({args})", camel(&call.name))
            }
            // A coroutine calling itself: its future holds its own, so it
            // is boxed to have a size.
            Some(FunctionKind::Coroutine) if call.name == self.func => {
                format!("Box::pin({}({args}))", fn_name(&call.name))
            }
            _ => format!("{}({args})", fn_name(&call.name)),
        }
    }

    /// `let x = `, `let mut x = `, `x = ` or `self.x = `.
    pub(super) fn bind(&mut self, name: &str) -> String {
        if let Some(names) = super::tuples::pattern_names(name) {
            return self.bind_pattern(&names);
        }
        if self.fields.contains(name) && !self.declared.contains(name) {
            return format!("{}.{} = ", self.self_name, ident(name));
        }
        if self.declared.insert(name.to_string()) {
            let m = if self.assigned.get(name).copied().unwrap_or(0) > 1 {
                "mut "
            } else {
                ""
            };
            format!("let {m}{} = ", self.pat(name))
        } else if let Some(place) = self.held_place(name) {
            format!("{place} = ")
        } else {
            format!("{} = ", ident(name))
        }
    }

    /// Where the guarded code reaches a variable a `Guarded` holds
    /// (outside the cleanup, which gets the variable itself).
    pub(super) fn held_place(&self, name: &str) -> Option<String> {
        if self.sync {
            return None;
        }
        self.held
            .iter()
            .find(|(v, _)| v == name)
            .map(|(_, place)| place.clone())
    }

    /// A binding's name, `_`-prefixed if nothing reads it.
    pub(super) fn pat(&self, name: &str) -> String {
        if let Some(names) = super::tuples::pattern_names(name) {
            return self.pattern_text(&names);
        }
        // `()` values are printed as the text `None`, never read.
        if self.used.contains(name) && self.var_ty(name) != Ty::Unit {
            ident(name)
        } else {
            format!("_{name}")
        }
    }

    pub(super) fn assign(&mut self, into: Option<&str>, rhs: &str) {
        // A value nobody reads needs no name.
        let into = into.filter(|n| self.pattern_used(n) || self.declared.contains(*n));
        match into {
            Some(name) => {
                let b = self.bind(name);
                self.line(format!("{b}{rhs};"));
            }
            None => {
                if !self.nested_call_lines("", rhs, ";") {
                    self.line(format!("{rhs};"));
                }
            }
        }
    }

    /// An iterator over `over` for closures and loops, with the closure
    /// pattern for its items.
    pub(super) fn iter_of(&mut self, over: &Expr, var: &str) -> (String, String) {
        let c = self.expr(over);
        let pat = match super::tuples::pattern_names(var) {
            Some(_) => self.loop_pat(var),
            None => ident(var),
        };
        if c.range {
            return (c.wrap(10), pat);
        }
        if let ExprKind::List(_) = over.kind {
            let text = c.text.trim_start_matches("vec!").to_string();
            return (format!("{text}.into_iter()"), pat);
        }
        if matches!(c.ty.elem(), Ty::Tuple(_)) && pat.starts_with('(') {
            // Tuples taken apart by value: those of a list made here, or copies.
            let by_value = if c.fresh {
                "into_iter()"
            } else {
                "iter().cloned()"
            };
            (format!("{}.{by_value}", c.wrap(10)), pat)
        } else if c.ty.elem().is_copy() {
            (format!("{}.iter().copied()", c.wrap(10)), pat)
        } else {
            (format!("{}.iter()", c.wrap(10)), pat)
        }
    }
}
