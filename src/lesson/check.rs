//! Checks a parsed demo for mistakes the TOML layout cannot catch: names
//! that are not defined, calls of the wrong kind or arity, `yield` outside a
//! generator, duplicate definitions.

use super::diagnostic::did_you_mean;
use crate::demo::ast::{Block, Call, Calls, Demo, Function, FunctionKind, StmtKind};
use crate::demo::expr::{Expr, Part, Template};
use std::collections::HashMap;
use std::ops::Range;

/// Reports one problem: where, what, how to fix it.
pub type Report<'a> = dyn FnMut(Range<usize>, String, Option<String>) + 'a;

/// Runs every check on `demo`, reporting each problem found.
pub fn check_demo(demo: &Demo, report: &mut Report<'_>) {
    check_demo_in(demo, None, report);
}

/// Runs every check on `demo`, read from `source` (the lesson file's text,
/// when known: it lets reports point at the very name that is wrong inside
/// a statement, and name the line of an earlier definition).
pub fn check_demo_in(demo: &Demo, source: Option<&str>, report: &mut Report<'_>) {
    let mut seen: HashMap<&str, &Function> = HashMap::new();
    for f in &demo.functions {
        if let Some(first) = seen.get(f.name.as_str()) {
            let place = match source {
                Some(text) => format!(
                    "the first `{}` is the {} at line {}",
                    f.name,
                    first.kind.noun(),
                    super::diagnostic::line_col(text, first.span.start).0
                ),
                None => format!("the first `{}` is a {}", f.name, first.kind.noun()),
            };
            report(
                name_span(source, &f.span, &f.name),
                format!("`{}` is defined twice ({place})", f.name),
                Some(
                    "each coroutine, generator, iterator and resource needs its own name: rename or remove one"
                        .into(),
                ),
            );
        } else {
            seen.insert(f.name.as_str(), f);
        }
    }
    if let Some(entry) = demo.function(&demo.entry) {
        if entry.kind != FunctionKind::Coroutine {
            report(
                entry.span.clone(),
                format!(
                    "the demo starts at `{}`, which is a {}, not a coroutine",
                    entry.name,
                    entry.kind.noun()
                ),
                Some("the entry point must be a [[demo.coroutine]]".into()),
            );
        } else if !entry.params.is_empty() {
            report(
                entry.span.clone(),
                format!(
                    "the entry coroutine `{}` cannot take parameters",
                    entry.name
                ),
                Some(format!(
                    "remove `params` from `{}`: asyncio.run({}()) calls it with no arguments",
                    entry.name, entry.name
                )),
            );
        }
    }
    for f in &demo.functions {
        let mut checker = Checker {
            demo,
            function: f,
            source,
            scope: f
                .params
                .iter()
                .chain(f.fields.iter().map(|(n, _)| n))
                .cloned()
                .collect(),
            report,
            servers: Vec::new(),
            conns: Vec::new(),
        };
        for (_, init) in &f.fields {
            let mut vars = Vec::new();
            init.variables(&mut vars);
            for (name, span) in vars {
                if !f.params.contains(&name) {
                    checker.undefined(&name, span);
                }
            }
        }
        checker.block(&f.body);
        checker.block(&f.exit);
    }
}

struct Checker<'d, 'r, 'a> {
    demo: &'d Demo,
    source: Option<&'d str>,
    function: &'d Function,
    scope: Vec<String>,
    report: &'r mut Report<'a>,
    /// Variables bound by `serve` and by `connect` in this function.
    servers: Vec<String>,
    conns: Vec<String>,
}

impl Checker<'_, '_, '_> {
    fn undefined(&mut self, name: &str, span: Range<usize>) {
        let help = match did_you_mean(name, self.scope.iter().map(String::as_str)) {
            Some(best) => format!("did you mean `{best}`?"),
            None if self.scope.is_empty() => format!(
                "`{}` has no variables yet: assign one first with {{ set = \"{name}\", to = ... }}",
                self.function.name
            ),
            None => format!("variables here: {}", self.scope.join(", ")),
        };
        (self.report)(
            span,
            format!("`{name}` is not defined in `{}`", self.function.name),
            Some(help),
        );
    }

    fn expr(&mut self, e: &Expr) {
        let mut vars = Vec::new();
        e.variables(&mut vars);
        for (name, span) in vars {
            if !self.scope.contains(&name) {
                self.undefined(&name, span);
            }
        }
    }

    fn template(&mut self, t: &Template) {
        for part in &t.parts {
            if let Part::Hole(e) = part {
                self.expr(e);
            }
        }
    }

    fn define(&mut self, name: &str) {
        if !self.scope.iter().any(|s| s == name) {
            self.scope.push(name.to_string());
        }
    }

    fn variable(&mut self, name: &str, span: Range<usize>) {
        if !self.scope.iter().any(|s| s == name) {
            let span = name_span(self.source, &span, name);
            self.undefined(name, span);
        }
    }

    /// Reports `name` when it is a variable of this function (not a
    /// parameter) bound by neither `serve` nor `connect` as `want` needs.
    fn transport(&mut self, name: &str, span: Range<usize>, servers: bool, conns: bool) {
        if !self.scope.iter().any(|s| s == name) || self.function.params.iter().any(|p| p == name) {
            return;
        }
        let ok = (servers && self.servers.iter().any(|s| s == name))
            || (conns && self.conns.iter().any(|s| s == name));
        if ok {
            return;
        }
        let (what, help) = match (servers, conns) {
            (true, false) => (
                "a server",
                format!("make one with {{ serve = \"handler\", into = \"{name}\" }}"),
            ),
            (false, true) => (
                "a connection",
                format!("open one with {{ connect = \"server\", into = \"{name}\" }}"),
            ),
            _ => (
                "a connection or a server",
                "`close` takes what `connect` or `serve` made".to_string(),
            ),
        };
        let span = name_span(self.source, &span, name);
        (self.report)(span, format!("`{name}` is not {what}"), Some(help));
    }

    fn call(&mut self, call: &Call, wanted: &[FunctionKind], how: &str) {
        for a in &call.args {
            self.expr(a);
        }
        let Some(target) = self.demo.function(&call.name) else {
            let candidates = self
                .demo
                .functions
                .iter()
                .filter(|f| wanted.contains(&f.kind))
                .map(|f| f.name.as_str());
            let help = match did_you_mean(&call.name, candidates) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!(
                    "define it as a [[demo.{}]] with name = \"{}\"",
                    wanted[0].noun(),
                    call.name
                ),
            };
            (self.report)(
                call.span.clone(),
                format!("`{}` is not defined", call.name),
                Some(help),
            );
            return;
        };
        if !wanted.contains(&target.kind) {
            let nouns: Vec<_> = wanted.iter().map(|k| k.noun()).collect();
            let name = &call.name;
            let help = match target.kind {
                FunctionKind::Coroutine => format!(
                    "run a coroutine with {{ call = \"{name}\" }}, {{ spawn = \"{name}\", into = \"task\" }} or {{ gather = ... }}"
                ),
                FunctionKind::Generator | FunctionKind::Iterator => format!(
                    "iterate over it with {{ async_for = \"{name}\", as = \"item\", body = [ ... ] }}, or gather its items with {{ collect = \"{name}\", as = \"item\", into = \"items\" }}"
                ),
                FunctionKind::Resource => format!(
                    "use a resource with {{ async_with = \"{name}\", as = \"r\", body = [ ... ] }}"
                ),
            };
            (self.report)(
                call.span.clone(),
                format!(
                    "`{name}` is a {}, but {how} takes a {}",
                    target.kind.noun(),
                    nouns.join(" or ")
                ),
                Some(help),
            );
            return;
        }
        if target.params.len() != call.args.len() {
            (self.report)(
                call.span.clone(),
                format!(
                    "`{}` takes {} argument{} but is given {}",
                    call.name,
                    target.params.len(),
                    if target.params.len() == 1 { "" } else { "s" },
                    call.args.len()
                ),
                Some(if target.params.is_empty() {
                    "remove `args`".into()
                } else {
                    format!("its parameters are: {}", target.params.join(", "))
                }),
            );
        }
    }

    fn calls(&mut self, calls: &Calls, how: &str) {
        match calls {
            Calls::List(list) => {
                for c in list {
                    self.call(c, &[FunctionKind::Coroutine], how);
                }
            }
            Calls::Each { call, var, over } => {
                self.expr(over);
                let outer = self.scope.len();
                self.define(var);
                self.call(call, &[FunctionKind::Coroutine], how);
                // A comprehension's variable does not outlive it.
                self.scope.truncate(outer);
            }
        }
    }

    fn block(&mut self, block: &Block) {
        const COROUTINE: &[FunctionKind] = &[FunctionKind::Coroutine];
        const ITERABLE: &[FunctionKind] = &[FunctionKind::Generator, FunctionKind::Iterator];
        for stmt in block {
            match &stmt.kind {
                StmtKind::Print(t) => self.template(t),
                StmtKind::Sleep(e) | StmtKind::Block(e) | StmtKind::Compute(e) => self.expr(e),
                StmtKind::Return(value) => {
                    if self.function.kind == FunctionKind::Generator {
                        (self.report)(
                            key_span(self.source, &stmt.span, "return"),
                            "an async generator cannot return a value".into(),
                            Some("remove the `return` and `yield` the value instead; the generator ends when its body ends".into()),
                        );
                    }
                    if let Some(v) = value {
                        self.expr(v);
                    }
                }
                StmtKind::Await { call, into } => {
                    self.call(call, COROUTINE, "`call`");
                    if let Some(v) = into {
                        self.define(v);
                    }
                }
                StmtKind::Spawn { call, into } => {
                    self.call(call, COROUTINE, "`spawn`");
                    self.define(into);
                }
                StmtKind::Make { call, into } => {
                    self.call(call, COROUTINE, "`make`");
                    self.define(into);
                }
                StmtKind::Join { target, into } => {
                    self.variable(target, stmt.span.clone());
                    if let Some(v) = into {
                        self.define(v);
                    }
                }
                StmtKind::Cancel { task } => self.variable(task, stmt.span.clone()),
                StmtKind::Gather { calls, into } => {
                    self.calls(calls, "`gather`");
                    if let Some(v) = into {
                        self.define(v);
                    }
                }
                StmtKind::AsCompleted { calls, var, body } => {
                    self.calls(calls, "`as_completed`");
                    self.define(var);
                    self.block(body);
                }
                StmtKind::WaitFor {
                    call,
                    timeout,
                    into,
                    body,
                    on_timeout,
                } => {
                    self.call(call, COROUTINE, "`wait_for`");
                    self.expr(timeout);
                    if let Some(v) = into {
                        self.define(v);
                    }
                    self.block(body);
                    self.block(on_timeout);
                }
                StmtKind::AsyncFor { source, var, body } => {
                    self.call(source, ITERABLE, "`async_for`");
                    self.define(var);
                    self.block(body);
                }
                StmtKind::Yield(e) => {
                    if self.function.kind != FunctionKind::Generator {
                        (self.report)(
                            key_span(self.source, &stmt.span, "yield"),
                            format!(
                                "`yield` is only allowed in a generator, and `{}` is a {}",
                                self.function.name,
                                self.function.kind.noun()
                            ),
                            Some("move it into a [[demo.generator]]".into()),
                        );
                    }
                    self.expr(e);
                }
                StmtKind::Stop => {
                    if self.function.kind != FunctionKind::Iterator {
                        (self.report)(
                            key_span(self.source, &stmt.span, "stop"),
                            format!(
                                "`stop` is only allowed in an iterator's `next`, and `{}` is a {}",
                                self.function.name,
                                self.function.kind.noun()
                            ),
                            Some(
                                "remove it: a generator ends when its body ends, a coroutine with `return`"
                                    .into(),
                            ),
                        );
                    }
                }
                StmtKind::AsyncWith { source, var, body } => {
                    self.call(source, &[FunctionKind::Resource], "`async_with`");
                    if let Some(v) = var {
                        self.define(v);
                    }
                    self.block(body);
                }
                StmtKind::Collect {
                    source,
                    var,
                    value,
                    filter,
                    into,
                } => {
                    self.call(source, ITERABLE, "`collect`");
                    let outer = self.scope.len();
                    self.define(var);
                    if let Some(v) = value {
                        self.expr(v);
                    }
                    if let Some(f) = filter {
                        self.expr(f);
                    }
                    // A comprehension's variable does not outlive it.
                    self.scope.truncate(outer);
                    self.define(into);
                }
                StmtKind::For { var, over, body } => {
                    self.expr(over);
                    self.define(var);
                    self.block(body);
                }
                StmtKind::While { cond, body } => {
                    self.expr(cond);
                    self.block(body);
                }
                StmtKind::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    self.expr(cond);
                    self.block(then);
                    self.block(otherwise);
                }
                StmtKind::Set { var, value } => {
                    self.expr(value);
                    self.define(var);
                }
                StmtKind::Try {
                    body,
                    on_cancel,
                    finally,
                } => {
                    self.block(body);
                    self.block(on_cancel);
                    self.block(finally);
                }
                StmtKind::Future { name } => self.define(name),
                StmtKind::Resolve { future, value } => {
                    self.variable(future, stmt.span.clone());
                    self.expr(value);
                }
                StmtKind::Serve { handler, into } => {
                    match self.demo.function(&handler.name) {
                        Some(f) if f.kind == FunctionKind::Coroutine => {
                            if f.params.len() != 1 {
                                (self.report)(
                                    handler.span.clone(),
                                    format!(
                                        "`{}` takes {} parameters, but a connection handler takes one: the connection",
                                        handler.name,
                                        f.params.len()
                                    ),
                                    Some(format!("give `{}` params = [\"conn\"]", handler.name)),
                                );
                            }
                        }
                        _ => self.call(handler, COROUTINE, "`serve`"),
                    }
                    self.define(into);
                    self.servers.push(into.clone());
                }
                StmtKind::Connect { server, into } => {
                    self.variable(server, stmt.span.clone());
                    self.transport(server, stmt.span.clone(), true, false);
                    self.define(into);
                    self.conns.push(into.clone());
                }
                StmtKind::Send { conn, value } => {
                    self.variable(conn, stmt.span.clone());
                    self.transport(conn, stmt.span.clone(), false, true);
                    self.expr(value);
                }
                StmtKind::Receive { conn, into } => {
                    self.variable(conn, stmt.span.clone());
                    self.transport(conn, stmt.span.clone(), false, true);
                    self.define(into);
                }
                StmtKind::Close { target } => {
                    self.variable(target, stmt.span.clone());
                    self.transport(target, stmt.span.clone(), true, true);
                }
            }
        }
    }
}

/// The span of the quoted `name` inside `span` of `source`, when it occurs
/// there exactly once; `span` itself otherwise.
fn name_span(source: Option<&str>, span: &Range<usize>, name: &str) -> Range<usize> {
    let Some(text) = source.and_then(|s| s.get(span.clone())) else {
        return span.clone();
    };
    let mut found = None;
    for quote in ['"', '\''] {
        let quoted = format!("{quote}{name}{quote}");
        for (i, _) in text.match_indices(&quoted) {
            if found.is_some() {
                return span.clone();
            }
            found = Some(span.start + i..span.start + i + quoted.len());
        }
    }
    found.unwrap_or_else(|| span.clone())
}

/// The span of the key `key` (as in `key = ...`) inside `span` of `source`;
/// `span` itself when it cannot be found.
fn key_span(source: Option<&str>, span: &Range<usize>, key: &str) -> Range<usize> {
    let Some(text) = source.and_then(|s| s.get(span.clone())) else {
        return span.clone();
    };
    for (i, _) in text.match_indices(key) {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].trim_start();
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '"'));
        if starts_word && after.starts_with('=') {
            return span.start + i..span.start + i + key.len();
        }
    }
    span.clone()
}
