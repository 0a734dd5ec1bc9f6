//! `async with` and `wait_for`: a resource is opened and closed
//! explicitly (Rust has no async `Drop`), and a resource used by a timed
//! coroutine is owned by the caller, which closes it after the timeout: a
//! future dropped by `timeout` runs no async cleanup.

use super::Renderer;
use super::names::{fn_name, ident, snake};
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// A name for the resource `source` makes: its string argument when
    /// that is a free identifier (`Connection("db")` is `db`), else the
    /// class's name, numbered only if both are taken.
    pub(super) fn resource_name(&self, source: &Call) -> String {
        let taken = |r: &Self, n: &str| {
            r.declared.contains(n) || r.used.contains(n) || r.assigned.contains_key(n)
        };
        if let [arg] = source.args.as_slice()
            && let ExprKind::Lit(Value::Str(text)) = &arg.kind
            && text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && ident(text) == **text
            && !taken(self, text)
        {
            return text.to_string();
        }
        let base = snake(&source.name);
        let mut obj = base.clone();
        let mut n = 1;
        while taken(self, &obj) {
            n += 1;
            obj = format!("{base}_{n}");
        }
        obj
    }

    /// Whether the resource `source` makes is what its `__aenter__` returns.
    fn enters_self(&self, source: &Call) -> bool {
        (self.demo.function(&source.name)).is_some_and(crate::render::plan::enters_self)
    }

    pub(super) fn async_with(
        &mut self,
        id: u32,
        source: &Call,
        var: Option<&str>,
        body: &Block,
        tail: bool,
    ) {
        let opened = self.types.ret_of(&source.name);
        let has_value = !matches!(opened, Ty::Unit | Ty::Unknown);
        // `as v` of an `__aenter__` returning nothing is None: `v` is then
        // printed as `None` and needs no binding.
        let by_caller = self
            .demo
            .function(&self.func)
            .is_some_and(|f| f.body.first().is_some_and(|s| s.id == id))
            && self.caller_closes.contains_key(&self.func);
        let obj = if by_caller {
            let obj = self.resource_name(source);
            self.line(format!(
                "// The caller owns `{obj}` and closes it: `timeout` drops this future."
            ));
            obj
        } else {
            // `as v` of an `__aenter__` that returns `self` names the object.
            let obj = match var {
                Some(v) if self.enters_self(source) => ident(v),
                _ => self.resource_name(source),
            };
            let c = self.call(source);
            if !std::mem::replace(&mut self.said_no_async_drop, true) {
                self.line(self.manager(&source.name).note);
            }
            self.line(format!("let mut {obj} = {c};"));
            obj
        };
        self.declared.insert(obj.clone());
        let m = self.manager(&source.name);
        let open = format!("{obj}.{}(){}", m.enter, m.awaited);
        match var {
            Some(_) if self.enters_self(source) => self.line(format!("{open};")),
            Some(v) if has_value => {
                let b = self.bind(v);
                self.line(format!("{b}{open};"));
            }
            _ => self.line(format!("{open};")),
        }
        if by_caller {
            // The function's one statement: its body ends the function.
            self.body(body, tail);
            return;
        }
        let resource = self
            .demo
            .function(&source.name)
            .expect("the resource class");
        self.with_block(resource, &obj, body);
        // Closed (moved): a later resource may take the name again.
        self.declared.remove(&obj);
    }

    pub(super) fn wait_for(
        &mut self,
        call: &Call,
        timeout: &Expr,
        into: Option<&str>,
        body: &Block,
        on_timeout: &Block,
    ) {
        if body.is_empty() && super::timeout::raises_timeout(on_timeout) {
            return self.wait_for_raising(call, timeout, into, on_timeout);
        }
        let d = self.duration(timeout);
        // A variable bound before the `try` is assigned from the arm's value;
        // one first bound here lives only in the arm.
        let (pat, assign, arm_only) = match into {
            Some(v) if self.used.contains(v) && self.var_ty(v) != Ty::Unit => {
                if self.declared.contains(v) {
                    let mut fresh = format!("new_{v}");
                    while self.declared.contains(&fresh) || self.used.contains(&fresh) {
                        fresh.insert_str(0, "new_");
                    }
                    let assign = format!("{} = {fresh};", ident(v));
                    (fresh, Some(assign), None)
                } else {
                    self.declared.insert(v.to_string());
                    (ident(v), None, Some(v))
                }
            }
            _ => ("_".into(), None, None),
        };
        // Nothing to do with a value: only the timeout matters.
        let only_timeout = pat == "_" && body.is_empty();
        let scrutinee = match self.caller_closes.get(&call.name).cloned() {
            Some(source) => {
                let obj = self.resource_name(&source);
                self.declared.insert(obj.clone());
                let made = self.call(&source);
                let mut args = self.call_args(call);
                args.push(format!("&mut {obj}"));
                let c = format!("{}({})", fn_name(&call.name), args.join(", "));
                self.line("// A future dropped by `timeout` runs no async cleanup: the resource");
                self.line("// lives out here, and is closed whether the call finished or not.");
                self.line(format!("let mut {obj} = {made};"));
                let result = if self.declared.contains("result") {
                    "outcome"
                } else {
                    "result"
                };
                self.declared.insert(result.to_string());
                self.timed_line(&format!("let {result} = "), &d, &c, ";");
                self.line(format!("{obj}.close().await;"));
                if only_timeout {
                    self.line(format!("if {result}.is_err() {{"));
                    self.nested(on_timeout);
                    self.line("}");
                    return;
                }
                self.line(format!("match {result} {{"));
                None
            }
            None => Some(self.call(call)),
        };
        if let Some(c) = scrutinee {
            self.timed_line("match ", &d, &c, " {");
        }
        self.indent += 1;
        self.line(format!("Ok({pat}) => {{"));
        if let Some(assign) = assign {
            self.indent += 1;
            self.line(assign);
            self.indent -= 1;
        }
        self.nested(body);
        self.line("}");
        self.line("Err(_) => {");
        self.nested(on_timeout);
        self.line("}");
        self.indent -= 1;
        self.line("}");
        if let Some(v) = arm_only {
            self.declared.remove(v);
        }
    }

    /// `{head}timeout(d, c).await{tail}`, as rustfmt lays it out.
    pub(super) fn timed_line(&mut self, head: &str, d: &str, c: &str, tail: &str) {
        let timeout = self.timeout_fn();
        let head = format!("{head}{timeout}");
        let one = format!("{head}({d}, {c}).await{tail}");
        if format!("{d}, {c}").len() <= 60 && one.len() + 4 * self.indent <= 100 {
            self.line(one);
            return;
        }
        self.line(format!("{head}("));
        self.line(format!("    {d},"));
        self.line(format!("    {c},"));
        if tail == " {" {
            // A long scrutinee.
            self.line(")");
            self.line(".await");
            self.line("{");
        } else {
            self.line(format!(").await{tail}"));
        }
    }
}
