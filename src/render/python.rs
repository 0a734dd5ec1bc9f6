//! The Python (asyncio) listing of a demo: a complete, black-style program
//! whose output, run on a virtual clock, is the engine's transcript.
//!
//! Iterators and resources become classes whose fields are `self.name`.
//! `__aenter__` is the `enter` block as written: like the engine, `as`
//! receives what it returns, or `None` when it returns nothing.

use super::Listing;
use crate::demo::ast::{Block, Call, Calls, Demo, Function, FunctionKind, Stmt, StmtKind, walk};
use crate::demo::expr::{BinaryOp, Expr, ExprKind, Part, Template, UnaryOp};
use crate::demo::value::{Value, python_float_repr};
use std::collections::HashSet;

/// Black's line length.
const WIDTH: usize = 88;

/// Renders `demo` as a complete asyncio program.
pub fn render(demo: &Demo) -> Listing {
    let mut w = Writer {
        listing: Listing::default(),
        fields: Vec::new(),
        in_generator: false,
        names: used_names(demo),
        handlers: handlers(demo),
        servers: servers(demo),
    };
    w.push(0, "import asyncio");
    if uses_blocking(demo) {
        w.push(0, "import time");
    }
    for f in &demo.functions {
        w.blank();
        w.blank();
        w.function(f);
    }
    w.blank();
    w.blank();
    w.push(0, &format!("asyncio.run({}())", demo.entry));
    w.listing
}

/// The coroutines that `serve` runs per connection: their parameter is
/// the connection, a `(reader, writer)` pair.
fn handlers(demo: &Demo) -> HashSet<String> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                if let StmtKind::Serve { handler, .. } = &s.kind {
                    out.insert(handler.name.clone());
                }
            });
        }
    }
    out
}

/// The variables `serve` binds.
fn servers(demo: &Demo) -> HashSet<String> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                if let StmtKind::Serve { into, .. } = &s.kind {
                    out.insert(into.clone());
                }
            });
        }
    }
    out
}

/// The stream pair a connection variable stands for: `reader, writer` for
/// `conn`, `NAME_reader, NAME_writer` for any other name.
fn stream_pair(name: &str) -> (String, String) {
    if name == "conn" {
        ("reader".into(), "writer".into())
    } else {
        (format!("{name}_reader"), format!("{name}_writer"))
    }
}

fn uses_blocking(demo: &Demo) -> bool {
    let mut found = false;
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                if matches!(s.kind, StmtKind::Block(_) | StmtKind::Compute(_)) {
                    found = true;
                }
            });
        }
    }
    found
}

/// Every name the demo defines or binds, so helper names never clash.
fn used_names(demo: &Demo) -> HashSet<String> {
    let mut names = HashSet::new();
    for f in &demo.functions {
        names.insert(f.name.clone());
        names.extend(f.params.iter().cloned());
        names.extend(f.fields.iter().map(|(n, _)| n.clone()));
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                let bound: Vec<&String> = match &s.kind {
                    StmtKind::Await { into, .. }
                    | StmtKind::Join { into, .. }
                    | StmtKind::Gather { into, .. }
                    | StmtKind::WaitFor { into, .. } => into.iter().collect(),
                    StmtKind::Make { into, .. }
                    | StmtKind::Spawn { into, .. }
                    | StmtKind::Collect { into, .. } => vec![into],
                    StmtKind::AsCompleted { var, .. }
                    | StmtKind::AsyncFor { var, .. }
                    | StmtKind::For { var, .. }
                    | StmtKind::Set { var, .. } => vec![var],
                    StmtKind::AsyncWith { var, .. } => var.iter().collect(),
                    StmtKind::Future { name } => vec![name],
                    StmtKind::Serve { into, .. } | StmtKind::Receive { into, .. } => vec![into],
                    _ => Vec::new(),
                };
                names.extend(bound.into_iter().cloned());
            });
        }
    }
    names
}

struct Writer {
    listing: Listing,
    /// Fields of the class being written: names read and written as `self.name`.
    fields: Vec<String>,
    /// Inside an async generator, where `return` takes no value.
    in_generator: bool,
    names: HashSet<String>,
    /// Coroutines run per connection by `serve`.
    handlers: HashSet<String>,
    /// Variables bound by `serve`: `close` closes a server there.
    servers: HashSet<String>,
}

impl Writer {
    fn push(&mut self, indent: usize, text: &str) {
        self.listing
            .lines
            .push(format!("{}{}", "    ".repeat(indent), text));
    }

    fn blank(&mut self) {
        self.listing.lines.push(String::new());
    }

    fn len(&self) -> usize {
        self.listing.lines.len()
    }

    /// A name not used by the demo, based on `base`.
    fn fresh(&self, base: &str) -> String {
        let mut name = base.to_string();
        while self.names.contains(&name) {
            name.push('_');
        }
        name
    }

    fn function(&mut self, f: &Function) {
        let start = self.len();
        match f.kind {
            FunctionKind::Coroutine | FunctionKind::Generator => {
                self.in_generator = f.kind == FunctionKind::Generator;
                let params = if self.handlers.contains(&f.name) {
                    let pairs: Vec<String> = f
                        .params
                        .iter()
                        .map(|p| {
                            let (r, w) = stream_pair(p);
                            format!("{r}, {w}")
                        })
                        .collect();
                    pairs.join(", ")
                } else {
                    f.params.join(", ")
                };
                self.push(0, &format!("async def {}({params}):", f.name));
                self.block(1, &f.body);
                self.in_generator = false;
            }
            FunctionKind::Iterator | FunctionKind::Resource => {
                self.push(0, &format!("class {}:", f.name));
                let mut first = true;
                if !f.params.is_empty() || !f.fields.is_empty() {
                    let params: Vec<&str> = std::iter::once("self")
                        .chain(f.params.iter().map(String::as_str))
                        .collect();
                    self.push(1, &format!("def __init__({}):", params.join(", ")));
                    for (name, value) in &f.fields {
                        let value = self.expr(value);
                        self.push(2, &format!("self.{name} = {value}"));
                    }
                    if f.fields.is_empty() {
                        self.push(2, "pass");
                    }
                    first = false;
                }
                self.fields = f.fields.iter().map(|(n, _)| n.clone()).collect();
                if f.kind == FunctionKind::Iterator {
                    self.method(&mut first, "def __aiter__(self):", None);
                    self.push(2, "return self");
                    self.method(&mut first, "async def __anext__(self):", Some(&f.body));
                } else {
                    self.method(&mut first, "async def __aenter__(self):", Some(&f.body));
                    self.method(
                        &mut first,
                        "async def __aexit__(self, exc_type, exc, tb):",
                        Some(&f.exit),
                    );
                }
                self.fields.clear();
            }
        }
        let end = self.len();
        self.listing.functions.insert(f.name.clone(), start..end);
    }

    /// A method of a class, after a blank line unless it comes first.
    fn method(&mut self, first: &mut bool, header: &str, body: Option<&Block>) {
        if !*first {
            self.blank();
        }
        *first = false;
        self.push(1, header);
        if let Some(body) = body {
            self.block(2, body);
        }
    }

    fn block(&mut self, indent: usize, block: &Block) {
        if block.is_empty() {
            self.push(indent, "pass");
        }
        for stmt in block {
            self.stmt(indent, stmt, false);
        }
    }

    /// A variable as written in this scope: fields of the object are `self.name`.
    fn var(&self, name: &str) -> String {
        if self.fields.iter().any(|f| f == name) {
            format!("self.{name}")
        } else {
            name.to_string()
        }
    }

    fn assign(&self, into: &Option<String>) -> String {
        match into {
            Some(name) => format!("{} = ", self.var(name)),
            None => String::new(),
        }
    }

    fn call(&self, call: &Call) -> String {
        let args: Vec<String> = call.args.iter().map(|a| self.expr(a)).collect();
        format!("{}({})", call.name, args.join(", "))
    }

    /// `head(items)tail` on one line if it fits, else split the way black does.
    fn wrapped(&mut self, indent: usize, head: &str, items: &[String], tail: &str) {
        let joined = items.join(", ");
        let one = format!("{head}{joined}{tail}");
        if indent * 4 + one.len() <= WIDTH {
            self.push(indent, &one);
        } else if (indent + 1) * 4 + joined.len() <= WIDTH {
            self.push(indent, head);
            self.push(indent + 1, &joined);
            self.push(indent, tail);
        } else {
            self.push(indent, head);
            for item in items {
                self.push(indent + 1, &format!("{item},"));
            }
            self.push(indent, tail);
        }
    }

    fn stmt(&mut self, indent: usize, stmt: &Stmt, elif: bool) {
        let start = self.len();
        match &stmt.kind {
            StmtKind::Print(t) => {
                let line = format!("print({})", self.print_args(t));
                self.push(indent, &line);
            }
            StmtKind::Sleep(e) => {
                let line = format!("await asyncio.sleep({})", self.expr(e));
                self.push(indent, &line);
            }
            StmtKind::Block(e) => {
                let line = format!("time.sleep({})", self.expr(e));
                self.push(indent, &line);
            }
            StmtKind::Compute(e) => {
                let line = format!(
                    "time.sleep({})  # stands in for CPU-bound work",
                    self.expr(e)
                );
                self.push(indent, &line);
            }
            StmtKind::Return(value) => {
                let line = match value {
                    _ if self.in_generator => "return".to_string(),
                    None
                    | Some(Expr {
                        kind: ExprKind::Lit(Value::None),
                        ..
                    }) => "return".to_string(),
                    Some(e) => format!("return {}", self.expr(e)),
                };
                self.push(indent, &line);
            }
            StmtKind::Await { call, into } => {
                let line = format!("{}await {}", self.assign(into), self.call(call));
                self.push(indent, &line);
            }
            StmtKind::Make { call, into } => {
                let line = format!("{} = {}", self.var(into), self.call(call));
                self.push(indent, &line);
            }
            StmtKind::Spawn { call, into } => {
                let line = format!(
                    "{} = asyncio.create_task({})",
                    self.var(into),
                    self.call(call)
                );
                self.push(indent, &line);
            }
            StmtKind::Join { target, into } => {
                let line = format!("{}await {}", self.assign(into), self.var(target));
                self.push(indent, &line);
            }
            StmtKind::Cancel { task } => {
                let line = format!("{}.cancel()", self.var(task));
                self.push(indent, &line);
            }
            StmtKind::Gather { calls, into } => {
                let head = format!("{}await asyncio.gather(", self.assign(into));
                match calls {
                    Calls::List(list) => {
                        let items: Vec<String> = list.iter().map(|c| self.call(c)).collect();
                        self.wrapped(indent, &head, &items, ")");
                    }
                    Calls::Each { call, var, over } => {
                        let line = format!(
                            "{head}*({} for {} in {}))",
                            self.call(call),
                            self.var(var),
                            self.expr(over)
                        );
                        self.push(indent, &line);
                    }
                }
            }
            StmtKind::AsCompleted { calls, var, body } => {
                // The tasks are created in order first: `as_completed` itself
                // would start bare coroutines in the order of a set.
                let fut = self.fresh("fut");
                let tasks = self.fresh("tasks");
                match calls {
                    Calls::List(list) => {
                        let items: Vec<String> = list
                            .iter()
                            .map(|c| format!("asyncio.create_task({})", self.call(c)))
                            .collect();
                        self.wrapped(indent, &format!("{tasks} = ["), &items, "]");
                    }
                    Calls::Each {
                        call,
                        var: each,
                        over,
                    } => {
                        let line = format!(
                            "{tasks} = [asyncio.create_task({}) for {} in {}]",
                            self.call(call),
                            self.var(each),
                            self.expr(over)
                        );
                        self.push(indent, &line);
                    }
                }
                let line = format!("for {fut} in asyncio.as_completed({tasks}):");
                self.push(indent, &line);
                let line = format!("{} = await {fut}", self.var(var));
                self.push(indent + 1, &line);
                for s in body {
                    self.stmt(indent + 1, s, false);
                }
            }
            StmtKind::WaitFor {
                call,
                timeout,
                into,
                body,
                on_timeout,
            } => {
                self.push(indent, "try:");
                let line = format!(
                    "{}await asyncio.wait_for({}, timeout={})",
                    self.assign(into),
                    self.call(call),
                    self.expr(timeout)
                );
                self.push(indent + 1, &line);
                for s in body {
                    self.stmt(indent + 1, s, false);
                }
                self.push(indent, "except TimeoutError:");
                self.block(indent + 1, on_timeout);
            }
            StmtKind::AsyncFor { source, var, body } => {
                let line = format!("async for {} in {}:", self.var(var), self.call(source));
                self.push(indent, &line);
                self.block(indent + 1, body);
            }
            StmtKind::Yield(e) => {
                let line = format!("yield {}", self.expr(e));
                self.push(indent, &line);
            }
            StmtKind::Stop => self.push(indent, "raise StopAsyncIteration"),
            StmtKind::AsyncWith { source, var, body } => {
                let line = match var {
                    Some(v) => format!("async with {} as {}:", self.call(source), self.var(v)),
                    None => format!("async with {}:", self.call(source)),
                };
                self.push(indent, &line);
                self.block(indent + 1, body);
            }
            StmtKind::Collect {
                source,
                var,
                value,
                filter,
                into,
            } => {
                let value = match value {
                    Some(v) => self.expr(v),
                    None => self.var(var),
                };
                let filter = match filter {
                    Some(c) => format!(" if {}", self.expr(c)),
                    None => String::new(),
                };
                let line = format!(
                    "{} = [{value} async for {} in {}{filter}]",
                    self.var(into),
                    self.var(var),
                    self.call(source)
                );
                self.push(indent, &line);
            }
            StmtKind::For { var, over, body } => {
                let line = format!("for {} in {}:", self.var(var), self.expr(over));
                self.push(indent, &line);
                self.block(indent + 1, body);
            }
            StmtKind::While { cond, body } => {
                let line = format!("while {}:", self.expr(cond));
                self.push(indent, &line);
                self.block(indent + 1, body);
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let keyword = if elif { "elif" } else { "if" };
                let line = format!("{keyword} {}:", self.expr(cond));
                self.push(indent, &line);
                self.block(indent + 1, then);
                match otherwise.as_slice() {
                    [] => {}
                    [
                        nested @ Stmt {
                            kind: StmtKind::If { .. },
                            ..
                        },
                    ] => self.stmt(indent, nested, true),
                    _ => {
                        self.push(indent, "else:");
                        self.block(indent + 1, otherwise);
                    }
                }
            }
            StmtKind::Set { var, value } => {
                let line = self.set(var, value);
                self.push(indent, &line);
            }
            StmtKind::Try {
                body,
                on_cancel,
                finally,
            } => {
                self.push(indent, "try:");
                self.block(indent + 1, body);
                if !on_cancel.is_empty() {
                    self.push(indent, "except asyncio.CancelledError:");
                    self.block(indent + 1, on_cancel);
                    let returns = matches!(
                        on_cancel.last(),
                        Some(Stmt {
                            kind: StmtKind::Return(_),
                            ..
                        })
                    );
                    if !returns {
                        self.push(indent + 1, "raise");
                    }
                }
                if !finally.is_empty() || on_cancel.is_empty() {
                    self.push(indent, "finally:");
                    self.block(indent + 1, finally);
                }
            }
            StmtKind::Future { name } => {
                let line = format!(
                    "{} = asyncio.get_running_loop().create_future()",
                    self.var(name)
                );
                self.push(indent, &line);
            }
            StmtKind::Resolve { future, value } => {
                let line = format!("{}.set_result({})", self.var(future), self.expr(value));
                self.push(indent, &line);
            }
            StmtKind::Serve { handler, into } => {
                let line = format!(
                    "{} = await asyncio.start_server({}, \"127.0.0.1\", 0)",
                    self.var(into),
                    handler.name
                );
                self.push(indent, &line);
            }
            StmtKind::Connect { server, into } => {
                let (r, w) = stream_pair(into);
                let line = format!(
                    "{r}, {w} = await asyncio.open_connection(*{}.sockets[0].getsockname())",
                    self.var(server)
                );
                self.push(indent, &line);
            }
            StmtKind::Send { conn, value } => {
                let (_, w) = stream_pair(conn);
                let line = format!("{w}.write({}.encode())", self.line_text(value));
                self.push(indent, &line);
                self.push(indent, &format!("await {w}.drain()"));
            }
            StmtKind::Receive { conn, into } => {
                let (r, _) = stream_pair(conn);
                let line = format!(
                    "{} = (await {r}.readline()).decode().strip()",
                    self.var(into)
                );
                self.push(indent, &line);
            }
            StmtKind::Close { target } => {
                let closed = if self.servers.contains(target) {
                    self.var(target)
                } else {
                    stream_pair(target).1
                };
                self.push(indent, &format!("{closed}.close()"));
                self.push(indent, &format!("await {closed}.wait_closed()"));
            }
        }
        let end = self.len();
        self.listing.spans.insert(stmt.id, start..end);
    }

    /// The text of `value` followed by a newline, as a `str` expression.
    fn line_text(&self, value: &Expr) -> String {
        let t = value.line_template();
        match t.as_plain() {
            Some(text) => string_literal(&text, None),
            None => self.fstring(&t),
        }
    }

    /// `x = value`, or `x -= 1` when the value updates `x` itself.
    fn set(&self, var: &str, value: &Expr) -> String {
        let target = self.var(var);
        if let ExprKind::Binary(op, lhs, rhs) = &value.kind
            && matches!(&lhs.kind, ExprKind::Var(n) if n == var)
        {
            // `+=` and `*=` change a list in place, which `x = x + y` does
            // not: use them only when the right side cannot be a list.
            let safe = match op {
                BinaryOp::Sub | BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod => true,
                BinaryOp::Add | BinaryOp::Mul => matches!(
                    &rhs.kind,
                    ExprKind::Lit(Value::Int(_) | Value::Float(_) | Value::Str(_))
                        | ExprKind::Template(_)
                ),
                _ => false,
            };
            if safe {
                let (text, _) = self.expr_prec(rhs, None);
                return format!("{target} {}= {text}", op.python());
            }
        }
        format!("{target} = {}", self.expr(value))
    }

    /// The arguments of `print(...)` for a template.
    fn print_args(&self, t: &Template) -> String {
        if let [Part::Hole(e)] = t.parts.as_slice() {
            return self.expr(e);
        }
        match t.as_plain() {
            Some(text) if text.is_empty() => String::new(),
            Some(text) => string_literal(&text, None),
            None => self.fstring(t),
        }
    }

    /// Text with holes: an f-string, or `"...".format(...)` when a hole
    /// holds strings that no f-string quote could carry in Python 3.11
    /// (which allows neither the outer quote nor backslashes in holes).
    fn fstring(&self, t: &Template) -> String {
        let mut strings = Vec::new();
        let mut nested = false;
        for part in &t.parts {
            if let Part::Hole(e) = part {
                strings_in(e, &mut strings, &mut nested);
            }
        }
        // In Python 3.11 a hole may hold neither quote of its f-string
        // nor a backslash.
        let plain = |s: &String| {
            !s.chars()
                .any(|c| c == '\'' || c == '"' || c == '\\' || c.is_control())
        };
        if nested || !strings.iter().all(plain) {
            return self.format_call(t);
        }
        let (outer, inner) = ('"', '\'');
        let mut out = format!("f{outer}");
        for part in &t.parts {
            match part {
                Part::Text(text) => {
                    for c in text.chars() {
                        match c {
                            '{' => out.push_str("{{"),
                            '}' => out.push_str("}}"),
                            c if c == outer => {
                                out.push('\\');
                                out.push(c);
                            }
                            c => push_escaped(&mut out, c),
                        }
                    }
                }
                Part::Hole(e) => {
                    let (text, _) = self.expr_prec(e, Some(inner));
                    out.push('{');
                    // `{{` would read as an escaped brace.
                    if text.starts_with('{') {
                        out.push(' ');
                    }
                    out.push_str(&text);
                    out.push('}');
                }
            }
        }
        out.push(outer);
        out
    }

    /// `"text {} text".format(value)`: what `fstring` falls back to.
    fn format_call(&self, t: &Template) -> String {
        let mut pattern = String::new();
        let mut args = Vec::new();
        for part in &t.parts {
            match part {
                Part::Text(text) => {
                    pattern.push_str(&text.replace('{', "{{").replace('}', "}}"));
                }
                Part::Hole(e) => {
                    pattern.push_str("{}");
                    args.push(self.expr(e));
                }
            }
        }
        format!(
            "{}.format({})",
            string_literal(&pattern, None),
            args.join(", ")
        )
    }

    fn expr(&self, e: &Expr) -> String {
        self.expr_prec(e, None).0
    }

    /// An expression and how tightly it binds (Python's order: `or` 1,
    /// `and` 2, `not` 3, comparisons 4, `+` 5, `*` 6, unary minus 7, atoms 9).
    /// `quote`: inside an f-string's hole, the quote string literals take.
    fn expr_prec(&self, e: &Expr, quote: Option<char>) -> (String, u8) {
        let sub = |x: &Expr| self.expr_prec(x, quote);
        let paren = |(text, p): (String, u8), min: u8| {
            if p < min { format!("({text})") } else { text }
        };
        match &e.kind {
            ExprKind::Lit(v) => literal(v, quote),
            ExprKind::Var(name) => (self.var(name), 9),
            ExprKind::List(items) => {
                let items: Vec<String> = items.iter().map(|x| sub(x).0).collect();
                (format!("[{}]", items.join(", ")), 9)
            }
            ExprKind::Call(f, args) => {
                let args: Vec<String> = args.iter().map(|x| sub(x).0).collect();
                (format!("{}({})", f.name(), args.join(", ")), 9)
            }
            // Never inside an f-string's hole: `fstring` falls back to
            // `.format` for nested templates.
            ExprKind::Template(t) => (self.fstring(t), 9),
            ExprKind::Unary(UnaryOp::Neg, x) => (format!("-{}", paren(sub(x), 7)), 7),
            ExprKind::Unary(UnaryOp::Not, x) => (format!("not {}", paren(sub(x), 3)), 3),
            ExprKind::Binary(op, a, b) => {
                let p = op.precedence();
                // Left-associative; comparisons would chain, so they never nest bare.
                let left_min = if p == 4 { 5 } else { p };
                let left = paren(sub(a), left_min);
                let right = paren(sub(b), p + 1);
                (format!("{left} {} {right}", op.python()), p)
            }
        }
    }
}

/// Every string literal in `e`; `nested` is set when it holds a template.
fn strings_in(e: &Expr, out: &mut Vec<String>, nested: &mut bool) {
    match &e.kind {
        ExprKind::Lit(v) => value_strings(v, out),
        ExprKind::Var(_) => {}
        ExprKind::List(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|x| strings_in(x, out, nested))
        }
        ExprKind::Unary(_, x) => strings_in(x, out, nested),
        ExprKind::Binary(_, a, b) => {
            strings_in(a, out, nested);
            strings_in(b, out, nested);
        }
        ExprKind::Template(_) => *nested = true,
    }
}

fn value_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Str(s) => out.push(s.to_string()),
        // Written `float("inf")`.
        Value::Float(x) if !x.is_finite() => out.push("inf".into()),
        Value::List(items) => items.iter().for_each(|x| value_strings(x, out)),
        _ => {}
    }
}

fn literal(v: &Value, quote: Option<char>) -> (String, u8) {
    match v {
        Value::None => ("None".into(), 9),
        Value::Bool(b) => (if *b { "True" } else { "False" }.into(), 9),
        Value::Int(i) => (i.to_string(), if *i < 0 { 7 } else { 9 }),
        Value::Float(x) if !x.is_finite() => {
            let s = if x.is_nan() {
                "nan"
            } else if *x > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            (format!("float({})", string_literal(s, quote)), 9)
        }
        Value::Float(x) => {
            let p = if x.is_sign_negative() { 7 } else { 9 };
            (python_float_repr(*x), p)
        }
        Value::Str(s) => (string_literal(s, quote), 9),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|x| literal(x, quote).0).collect();
            (format!("[{}]", items.join(", ")), 9)
        }
    }
}

/// A Python string literal: in the given quote, else double quotes
/// (black's choice) unless the text holds a double quote and no single quote.
fn string_literal(s: &str, quote: Option<char>) -> String {
    let quote = quote.unwrap_or(if s.contains('"') && !s.contains('\'') {
        '\''
    } else {
        '"'
    });
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        if c == quote {
            out.push('\\');
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    out.push(quote);
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::expr::{parse_expr, parse_template};

    fn show(src: &str) -> String {
        let w = Writer {
            listing: Listing::default(),
            fields: vec!["current".into()],
            in_generator: false,
            names: HashSet::new(),
            handlers: HashSet::new(),
            servers: HashSet::new(),
        };
        w.expr(&parse_expr(src).unwrap())
    }

    #[test]
    fn expressions_keep_python_precedence_with_few_parentheses() {
        assert_eq!(show("a + b * 2"), "a + b * 2");
        assert_eq!(show("(a + b) * 2"), "(a + b) * 2");
        assert_eq!(show("a - (b - c)"), "a - (b - c)");
        assert_eq!(show("a - b - c"), "a - b - c");
        assert_eq!(show("(a < b) == c"), "(a < b) == c");
        assert_eq!(show("not (a or b)"), "not (a or b)");
        assert_eq!(show("not a == b"), "not a == b");
        assert_eq!(show("-(a + 1)"), "-(a + 1)");
        assert_eq!(show("current <= 0"), "self.current <= 0");
        assert_eq!(show("x == 'it\"s'"), "x == 'it\"s'");
        assert_eq!(show("[1, 'a', 2.5, -1]"), "[1, \"a\", 2.5, -1]");
        assert_eq!(show("a and b or c"), "a and b or c");
        assert_eq!(show("a and (b or c)"), "a and (b or c)");
    }

    #[test]
    fn fstrings_escape_braces_and_quote_inner_strings() {
        let w = Writer {
            listing: Listing::default(),
            fields: Vec::new(),
            in_generator: false,
            names: HashSet::new(),
            handlers: HashSet::new(),
            servers: HashSet::new(),
        };
        let t = parse_template("{name} said \"hi\" {{x}} {name + '!'}").unwrap();
        assert_eq!(
            w.fstring(&t),
            "f\"{name} said \\\"hi\\\" {{x}} {name + '!'}\""
        );
        let t = parse_template("{a + \"it's\"} {{b}}").unwrap();
        assert_eq!(w.fstring(&t), "\"{} {{b}}\".format(a + \"it's\")");
    }
}

/// The Python listing of a program: its source, byte for byte, with the
/// line range of every statement and definition taken from the parser's
/// ranges.
pub fn source_listing(program: &crate::program::Program) -> Listing {
    let source = &program.source;
    let mut listing = Listing {
        lines: source.lines().map(str::to_string).collect(),
        ..Listing::default()
    };
    let line_range = |span: &std::ops::Range<usize>| {
        let start = program.line_of(span.start) - 1;
        let end = program.line_of(span.end.saturating_sub(1).max(span.start));
        start..end
    };
    fn visit(
        block: &[crate::program::Stmt],
        listing: &mut Listing,
        line_range: &dyn Fn(&std::ops::Range<usize>) -> std::ops::Range<usize>,
    ) {
        use crate::program::StmtKind;
        crate::program::walk(block, &mut |s| {
            listing.spans.insert(s.id, line_range(&s.span));
            if let StmtKind::Def { code, .. } | StmtKind::Class { code, .. } = &s.kind {
                listing
                    .functions
                    .insert(code.name.to_string(), line_range(&s.span));
                visit(&code.body, listing, line_range);
            }
        });
    }
    visit(&program.module.body, &mut listing, &line_range);
    listing
}
