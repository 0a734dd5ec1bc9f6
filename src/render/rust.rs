//! The Rust (Tokio) listing of a program's translation plan.
//!
//! Python is dynamically typed, so rendering starts with a small
//! type inference (`Types`) over call sites, literals and returns, then
//! writes one idiomatic Tokio item per definition. Conventions:
//!
//! - the entry coroutine, when named `main`, becomes `#[tokio::main] async
//!   fn main()` itself; otherwise `main` calls it (and a non-entry `main`
//!   is renamed `main_coroutine`);
//! - ints are `i64` (`u64` for whole-second parameters only used as
//!   durations), floats `f64`, strings `&str` parameters and `String`
//!   values (`String` parameters when a spawned task needs to own them);
//! - values print like Python: floats and lists with `{:?}`, `None` as the
//!   text `None`, booleans as `True`/`False`;
//! - an async generator is `async_stream::stream!`; an iterator class is a
//!   hand-written `Stream::poll_next` when its `__anext__` is "guards, one
//!   sleep, plain statements", else an `async fn next_item` behind
//!   `futures::stream::unfold`; a resource is a struct with explicit
//!   `open`/`close` (no async drop);
//! - `try`/`except CancelledError`/`finally`: Tokio cancels by dropping the
//!   future, so the cleanup runs from a drop guard (`OnDrop`), and cannot
//!   await; awaiting an aborted task matches `JoinError::is_cancelled`;
//! - a future is a `oneshot` channel (`Shared` when awaited in several
//!   places).

use super::Listing;
use crate::render::plan::ir::ast::{
    Block, Call, Calls, Demo, Function, FunctionKind, Stmt, StmtKind,
};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, Template, UnaryOp};
use crate::render::plan::ir::value::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Renders `demo` as a complete Tokio program.
/// The Rust listing of a Python program, translated through its plan; a
/// program with no faithful translation gets a listing that says which
/// construct stops it, where, and why.
pub fn render_program(program: &crate::program::Program) -> Listing {
    match super::plan::plan(program) {
        Ok(demo) => render(&demo),
        Err(u) => {
            let line = program.line_of(u.span.start);
            let mut lines = vec![
                "// No faithful Tokio translation of this program:".to_string(),
                format!("// line {line}: {}", u.construct),
            ];
            lines.extend(wrap_comment(&u.reason, 76));
            lines.push(format!("//     {}", program.line_text(line).trim()));
            Listing {
                lines,
                ..Listing::default()
            }
        }
    }
}

/// `text` as `// ` comment lines of at most `width` characters.
fn wrap_comment(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::from("//");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > width && line.len() > 2 {
            out.push(std::mem::replace(&mut line, String::from("//")));
        }
        line.push(' ');
        line.push_str(word);
    }
    if line.len() > 2 {
        out.push(line);
    }
    out
}

pub fn render(demo: &Demo) -> Listing {
    let types = Types::infer(demo);
    let mut r = Renderer::new(demo, &types);
    r.program();
    r.finish()
}

// ---------------------------------------------------------------------------
// Types

/// The Rust type a demo value ends up with.
#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Unknown,
    Unit,
    Bool,
    Int,
    Float,
    Str,
    List(Box<Ty>),
    Task(Box<Ty>),
    Future(Box<Ty>),
    Coro(Box<Ty>),
    /// A server's address (`serve`).
    Server,
    /// A connection (`connect`, a handler's parameter).
    Conn,
}

impl Ty {
    fn is_copy(&self) -> bool {
        matches!(
            self,
            Ty::Int | Ty::Float | Ty::Bool | Ty::Unknown | Ty::Unit | Ty::Server
        )
    }

    fn elem(&self) -> Ty {
        match self {
            Ty::List(t) => (**t).clone(),
            Ty::Str => Ty::Str,
            _ => Ty::Unknown,
        }
    }

    fn inner(&self) -> Ty {
        match self {
            Ty::Task(t) | Ty::Future(t) | Ty::Coro(t) => (**t).clone(),
            _ => Ty::Unknown,
        }
    }

    /// The type as written in a signature (strings owned).
    fn rust(&self) -> String {
        match self {
            Ty::Unknown | Ty::Int => "i64".into(),
            Ty::Unit => "()".into(),
            Ty::Bool => "bool".into(),
            Ty::Float => "f64".into(),
            Ty::Str => "String".into(),
            Ty::List(t) => format!("Vec<{}>", t.rust()),
            Ty::Task(t) => format!("tokio::task::JoinHandle<{}>", t.rust()),
            Ty::Future(t) => format!("oneshot::Receiver<{}>", t.rust()),
            Ty::Coro(t) => format!("impl Future<Output = {}>", t.rust()),
            Ty::Server => "SocketAddr".into(),
            Ty::Conn => "BufReader<TcpStream>".into(),
        }
    }
}

/// Widens `slot` with what `new` tells; true if it changed.
fn unify(slot: &mut Ty, new: &Ty) -> bool {
    match (&mut *slot, new) {
        (_, Ty::Unknown) => false,
        (Ty::Unknown, n) => {
            *slot = n.clone();
            true
        }
        (Ty::Int, Ty::Float) => {
            *slot = Ty::Float;
            true
        }
        (Ty::List(a), Ty::List(b))
        | (Ty::Task(a), Ty::Task(b))
        | (Ty::Future(a), Ty::Future(b))
        | (Ty::Coro(a), Ty::Coro(b)) => unify(a, b),
        _ => false,
    }
}

/// What inference found out about the demo's names.
#[derive(Default)]
struct Types {
    params: HashMap<String, Vec<Ty>>,
    ret: HashMap<String, Ty>,
    /// Item type of a generator.
    item: HashMap<String, Ty>,
    /// Variables (parameters and fields included) of each function.
    vars: HashMap<String, HashMap<String, Ty>>,
    /// Functions whose futures outlive the statement that calls them
    /// (spawned, stored, mapped in a closure): string arguments that are not
    /// literals must be owned.
    spawned: HashSet<String>,
    /// (function, parameter index) given a non-literal string somewhere.
    owned_str: HashSet<(String, usize)>,
    /// (function, parameter) futures the function resolves: oneshot senders.
    senders: HashSet<(String, String)>,
    /// (function, parameter index) given a computed list of strings.
    owned_list: HashSet<(String, usize)>,
    /// Inside `on_cancel` or `finally` while inferring.
    in_cleanup: bool,
}

impl Types {
    fn infer(demo: &Demo) -> Types {
        let mut t = Types::default();
        for f in &demo.functions {
            t.params
                .insert(f.name.clone(), vec![Ty::Unknown; f.params.len()]);
            t.ret.insert(f.name.clone(), Ty::Unknown);
            t.item.insert(f.name.clone(), Ty::Unknown);
            t.vars.insert(f.name.clone(), HashMap::new());
            let mut resolved = Vec::new();
            for block in [&f.body, &f.exit] {
                crate::render::plan::ir::ast::walk(block, &mut |s| {
                    if let StmtKind::Resolve { future, .. } = &s.kind {
                        resolved.push(future.clone());
                    }
                });
            }
            for p in &f.params {
                if resolved.contains(p) {
                    t.senders.insert((f.name.clone(), p.clone()));
                }
            }
        }
        for round in 0..2 {
            for _ in 0..8 {
                let mut changed = false;
                for f in &demo.functions {
                    changed |= t.pass(demo, f);
                }
                if !changed {
                    break;
                }
            }
            if round == 0 {
                // A coroutine that never returns a value returns `()`, and
                // an `__anext__` that falls off its end gives `None`.
                for f in &demo.functions {
                    let ends = matches!(
                        f.body.last().map(|s| &s.kind),
                        Some(StmtKind::Return(_) | StmtKind::Stop)
                    );
                    if f.kind == FunctionKind::Iterator
                        && !ends
                        && let Some(r) = t.ret.get_mut(&f.name)
                    {
                        unify(r, &Ty::Unit);
                    }
                    if matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Resource)
                        && let Some(r) = t.ret.get_mut(&f.name)
                    {
                        unify(r, &Ty::Unit);
                    }
                }
            }
        }
        t
    }

    fn pass(&mut self, demo: &Demo, f: &Function) -> bool {
        let mut changed = false;
        let params = self.params[&f.name].clone();
        {
            let vars = self.vars.get_mut(&f.name).expect("every function");
            for (p, ty) in f.params.iter().zip(&params) {
                changed |= unify(vars.entry(p.clone()).or_insert(Ty::Unknown), ty);
            }
        }
        // Fields are typed from the parameters.
        for (name, e) in &f.fields {
            let ty = self.expr_ty(&f.name, e);
            let vars = self.vars.get_mut(&f.name).expect("every function");
            changed |= unify(vars.entry(name.clone()).or_insert(Ty::Unknown), &ty);
        }
        changed |= self.block(demo, f, &f.body);
        changed |= self.block(demo, f, &f.exit);
        let vars = &self.vars[&f.name];
        let back: Vec<Ty> = f
            .params
            .iter()
            .map(|p| vars.get(p).cloned().unwrap_or(Ty::Unknown))
            .collect();
        let slots = self.params.get_mut(&f.name).expect("every function");
        for (slot, ty) in slots.iter_mut().zip(&back) {
            changed |= unify(slot, ty);
        }
        changed
    }

    fn var(&self, f: &str, name: &str) -> Ty {
        self.vars
            .get(f)
            .and_then(|v| v.get(name))
            .cloned()
            .unwrap_or(Ty::Unknown)
    }

    fn set(&mut self, f: &str, name: &str, ty: &Ty) -> bool {
        let vars = self.vars.get_mut(f).expect("every function");
        unify(vars.entry(name.to_string()).or_insert(Ty::Unknown), ty)
    }

    fn ret_of(&self, name: &str) -> Ty {
        self.ret.get(name).cloned().unwrap_or(Ty::Unknown)
    }

    /// The item type of a generator or iterator.
    fn item_of(&self, demo: &Demo, name: &str) -> Ty {
        match demo.function(name).map(|f| f.kind) {
            Some(FunctionKind::Iterator) => self.ret_of(name),
            _ => self.item.get(name).cloned().unwrap_or(Ty::Unknown),
        }
    }

    fn expr_ty(&self, f: &str, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::Lit(v) => value_ty(v),
            ExprKind::Var(n) => self.var(f, n),
            ExprKind::List(items) => {
                let mut t = Ty::Unknown;
                for i in items {
                    unify(&mut t, &self.expr_ty(f, i));
                }
                Ty::List(Box::new(t))
            }
            ExprKind::Unary(UnaryOp::Neg, x) => self.expr_ty(f, x),
            ExprKind::Unary(UnaryOp::Not, _) => Ty::Bool,
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr_ty(f, a), self.expr_ty(f, b));
                match op {
                    BinaryOp::Eq
                    | BinaryOp::Ne
                    | BinaryOp::Lt
                    | BinaryOp::Le
                    | BinaryOp::Gt
                    | BinaryOp::Ge
                    | BinaryOp::And
                    | BinaryOp::Or => Ty::Bool,
                    BinaryOp::Div => Ty::Float,
                    _ if a == Ty::Float || b == Ty::Float => Ty::Float,
                    _ if a == Ty::Str || b == Ty::Str => Ty::Str,
                    _ if matches!(a, Ty::List(_)) => a,
                    _ => Ty::Int,
                }
            }
            ExprKind::Call(b, args) => {
                let first = args
                    .first()
                    .map(|a| self.expr_ty(f, a))
                    .unwrap_or(Ty::Unknown);
                match b {
                    Builtin::Range => Ty::List(Box::new(Ty::Int)),
                    Builtin::Len | Builtin::Int => Ty::Int,
                    Builtin::Str => Ty::Str,
                    Builtin::Float => Ty::Float,
                    Builtin::Abs => first,
                    Builtin::Min | Builtin::Max | Builtin::Sum => {
                        if args.len() == 1 {
                            first.elem()
                        } else {
                            let mut t = Ty::Unknown;
                            for a in args {
                                unify(&mut t, &self.expr_ty(f, a));
                            }
                            t
                        }
                    }
                }
            }
            ExprKind::Template(_) => Ty::Str,
        }
    }

    fn call(&mut self, demo: &Demo, f: &str, call: &Call, spawn: bool) -> bool {
        let mut changed = false;
        if spawn {
            changed |= self.spawned.insert(call.name.clone());
        }
        let Some(callee) = demo.function(&call.name) else {
            return changed;
        };
        for (i, arg) in call.args.iter().enumerate() {
            let ty = self.expr_ty(f, arg);
            if ty == Ty::Str && !matches!(arg.kind, ExprKind::Lit(_)) {
                changed |= self.owned_str.insert((call.name.clone(), i));
            }
            // Lists of literal strings stay `Vec<&str>` unless some caller
            // passes a list it computed.
            let borrowed_list = match &arg.kind {
                ExprKind::List(_) => true,
                ExprKind::Var(n) => demo.function(f).is_some_and(|func| {
                    func.params
                        .iter()
                        .position(|p| p == n)
                        .is_some_and(|j| !self.owned_list.contains(&(f.to_string(), j)))
                }),
                _ => false,
            };
            if ty == Ty::List(Box::new(Ty::Str)) && !borrowed_list {
                changed |= self.owned_list.insert((call.name.clone(), i));
            }
            if let Some(slot) = self.params.get_mut(&call.name).and_then(|p| p.get_mut(i)) {
                changed |= unify(slot, &ty);
                let back = slot.clone();
                if let ExprKind::Var(n) = &arg.kind {
                    changed |= self.set(f, n, &back);
                }
            }
        }
        let _ = callee;
        changed
    }

    fn calls(&mut self, demo: &Demo, f: &str, calls: &Calls, spawn: bool) -> bool {
        match calls {
            Calls::List(list) => list
                .iter()
                .fold(false, |c, call| self.call(demo, f, call, spawn) | c),
            Calls::Each { call, var, over } => {
                let elem = self.expr_ty(f, over).elem();
                self.set(f, var, &elem) | self.call(demo, f, call, spawn)
            }
        }
    }

    fn calls_ret(&self, calls: &Calls) -> Ty {
        let mut t = Ty::Unknown;
        match calls {
            Calls::List(list) => {
                for c in list {
                    unify(&mut t, &self.ret_of(&c.name));
                }
            }
            Calls::Each { call, .. } => {
                unify(&mut t, &self.ret_of(&call.name));
            }
        }
        t
    }

    fn block(&mut self, demo: &Demo, f: &Function, block: &Block) -> bool {
        let mut changed = false;
        let name = f.name.as_str();
        for s in block {
            match &s.kind {
                StmtKind::Set { var, value } => {
                    let ty = self.expr_ty(name, value);
                    changed |= self.set(name, var, &ty);
                }
                // A return in cleanup code cannot happen in Rust's `Drop`.
                StmtKind::Return(Some(_)) if self.in_cleanup => {}
                StmtKind::Return(Some(e)) => {
                    let ty = self.expr_ty(name, e);
                    let slot = self.ret.get_mut(name).expect("every function");
                    changed |= unify(slot, &ty);
                }
                StmtKind::Return(None) => {
                    if f.kind == FunctionKind::Coroutine {
                        let slot = self.ret.get_mut(name).expect("every function");
                        changed |= unify(slot, &Ty::Unit);
                    }
                }
                StmtKind::Yield(e) => {
                    let ty = self.expr_ty(name, e);
                    let slot = self.item.get_mut(name).expect("every function");
                    changed |= unify(slot, &ty);
                }
                StmtKind::Await { call, into } => {
                    changed |= self.call(demo, name, call, false);
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Make { call, into } => {
                    changed |= self.call(demo, name, call, true);
                    let ty = Ty::Coro(Box::new(self.ret_of(&call.name)));
                    changed |= self.set(name, into, &ty);
                }
                StmtKind::Spawn { call, into } => {
                    changed |= self.call(demo, name, call, true);
                    let ty = Ty::Task(Box::new(self.ret_of(&call.name)));
                    changed |= self.set(name, into, &ty);
                }
                StmtKind::Join { target, into } => {
                    if let Some(v) = into {
                        let ty = self.var(name, target).inner();
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Gather { calls, into } => {
                    changed |= self.calls(demo, name, calls, matches!(calls, Calls::Each { .. }));
                    if let Some(v) = into {
                        let ty = Ty::List(Box::new(self.calls_ret(calls)));
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::AsCompleted { calls, var, body } => {
                    changed |= self.calls(demo, name, calls, true);
                    let ty = self.calls_ret(calls);
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                }
                StmtKind::WaitFor {
                    call,
                    into,
                    body,
                    on_timeout,
                    ..
                } => {
                    changed |= self.call(demo, name, call, false);
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                    changed |= self.block(demo, f, body);
                    changed |= self.block(demo, f, on_timeout);
                }
                StmtKind::AsyncFor { source, var, body } => {
                    changed |= self.call(demo, name, source, true);
                    let ty = self.item_of(demo, &source.name);
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                }
                StmtKind::Collect {
                    source,
                    var,
                    value,
                    into,
                    ..
                } => {
                    changed |= self.call(demo, name, source, false);
                    let ty = self.item_of(demo, &source.name);
                    changed |= self.set(name, var, &ty);
                    let out = match value {
                        Some(v) => self.expr_ty(name, v),
                        None => ty,
                    };
                    changed |= self.set(name, into, &Ty::List(Box::new(out)));
                }
                StmtKind::AsyncWith { source, var, body } => {
                    changed |= self.call(demo, name, source, false);
                    if let Some(v) = var {
                        let ty = self.ret_of(&source.name);
                        changed |= self.set(name, v, &ty);
                    }
                    changed |= self.block(demo, f, body);
                }
                StmtKind::For { var, over, body } => {
                    let ty = self.expr_ty(name, over).elem();
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                }
                StmtKind::While { body, .. } => changed |= self.block(demo, f, body),
                StmtKind::If {
                    then, otherwise, ..
                } => {
                    changed |= self.block(demo, f, then);
                    changed |= self.block(demo, f, otherwise);
                }
                StmtKind::Try {
                    body,
                    on_cancel,
                    finally,
                } => {
                    changed |= self.block(demo, f, body);
                    let outer = std::mem::replace(&mut self.in_cleanup, true);
                    changed |= self.block(demo, f, on_cancel);
                    changed |= self.block(demo, f, finally);
                    self.in_cleanup = outer;
                }
                StmtKind::Future { name: fut } => {
                    changed |= self.set(name, fut, &Ty::Future(Box::new(Ty::Unknown)));
                }
                StmtKind::Resolve { future, value } => {
                    let ty = Ty::Future(Box::new(self.expr_ty(name, value)));
                    changed |= self.set(name, future, &ty);
                }
                StmtKind::Serve { handler, into } => {
                    changed |= self.set(name, into, &Ty::Server);
                    if let Some(first) = self
                        .params
                        .get_mut(&handler.name)
                        .and_then(|p| p.first_mut())
                    {
                        changed |= unify(first, &Ty::Conn);
                    }
                }
                StmtKind::Connect { into, .. } => changed |= self.set(name, into, &Ty::Conn),
                StmtKind::Receive { into, .. } => changed |= self.set(name, into, &Ty::Str),
                StmtKind::Print(_)
                | StmtKind::Sleep(_)
                | StmtKind::Block(_)
                | StmtKind::Compute(_)
                | StmtKind::Cancel { .. }
                | StmtKind::Send { .. }
                | StmtKind::Close { .. }
                | StmtKind::Stop => {}
            }
        }
        changed
    }
}

fn value_ty(v: &Value) -> Ty {
    match v {
        Value::None => Ty::Unit,
        Value::Bool(_) => Ty::Bool,
        Value::Int(_) => Ty::Int,
        Value::Float(_) => Ty::Float,
        Value::Str(_) => Ty::Str,
        Value::List(items) => Ty::List(Box::new(items.first().map_or(Ty::Unknown, value_ty))),
    }
}

// ---------------------------------------------------------------------------
// Names

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use", "where",
    "while", "yield", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
    "typeof", "unsized", "virtual",
];

fn ident(name: &str) -> String {
    match name {
        "self" | "Self" | "super" | "crate" => format!("{name}_"),
        n if KEYWORDS.contains(&n) => format!("r#{n}"),
        n => n.to_string(),
    }
}

/// A coroutine's or generator's name: `main` is Tokio's entry point, so a
/// `main` that is not the demo's entry becomes `main_coroutine`.
fn fn_name(name: &str) -> String {
    if name == "main" {
        // Only reached for a non-entry `main` (the entry `main` is inlined).
        "main_coroutine".into()
    } else {
        ident(name)
    }
}

fn camel(name: &str) -> String {
    name.split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    ident(&out)
}

// ---------------------------------------------------------------------------
// Expressions

/// Rendered expression: text, type and binding strength.
#[derive(Clone, Debug)]
struct Code {
    text: String,
    ty: Ty,
    /// 0 range, 1 `||`, 2 `&&`, 4 comparison, 5 `+ -`, 6 `* / %`,
    /// 7 unary, 8 `as`, 10 atom.
    prec: u8,
    /// A string that is already a `&str` (literal or borrowed parameter).
    str_ref: bool,
    /// An owned `String` made fresh (no need to clone).
    fresh: bool,
    /// A `range(...)`: an iterator, not a list.
    range: bool,
}

impl Code {
    fn new(text: impl Into<String>, ty: Ty, prec: u8) -> Code {
        Code {
            text: text.into(),
            ty,
            prec,
            str_ref: false,
            fresh: false,
            range: false,
        }
    }

    fn wrap(&self, min: u8) -> String {
        // A method call on a bare number literal needs its type spelled out.
        let numeric = !self.text.is_empty()
            && !self.range
            && !self.text.contains("..")
            && self
                .text
                .trim_start_matches('-')
                .starts_with(|c: char| c.is_ascii_digit())
            && self
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || ".-e".contains(c));
        if min == 10 && numeric {
            let suffix = if self.ty == Ty::Float { "_f64" } else { "_i64" };
            if self.text.starts_with('-') {
                return format!("({}{suffix})", self.text);
            }
            return format!("{}{suffix}", self.text);
        }
        if self.prec < min {
            format!("({})", self.text)
        } else {
            self.text.clone()
        }
    }

    fn as_f64(&self) -> Code {
        if self.ty == Ty::Int {
            if self.prec == 10 && self.text.chars().all(|c| c.is_ascii_digit()) {
                return Code::new(format!("{}.0", self.text), Ty::Float, 10);
            }
            return Code::new(format!("{} as f64", self.wrap(8)), Ty::Float, 8);
        }
        self.clone()
    }

    /// The value as a boolean condition (Python truthiness).
    fn truthy(&self) -> Code {
        match self.ty {
            Ty::Int => Code::new(format!("{} != 0", self.wrap(5)), Ty::Bool, 4),
            Ty::Float => Code::new(format!("{} != 0.0", self.wrap(5)), Ty::Bool, 4),
            Ty::Str | Ty::List(_) => {
                Code::new(format!("!{}.is_empty()", self.wrap(10)), Ty::Bool, 7)
            }
            _ => self.clone(),
        }
    }

    /// An owned value (strings become `String`).
    fn owned(&self) -> String {
        if self.text == "\"\"" {
            "String::new()".into()
        } else if self.ty == Ty::Str && !self.fresh {
            format!("{}.to_string()", self.wrap(10))
        } else if self.range {
            format!("{}.collect::<Vec<_>>()", self.wrap(10))
        } else if matches!(self.ty, Ty::List(_)) && !self.fresh {
            format!("{}.clone()", self.wrap(10))
        } else {
            self.text.clone()
        }
    }

    /// A `&str` for a string parameter.
    fn borrowed(&self) -> String {
        if self.ty == Ty::Str && !self.str_ref {
            format!("&{}", self.wrap(7))
        } else {
            self.text.clone()
        }
    }
}

fn escape_fmt(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The renderer

struct Renderer<'a> {
    demo: &'a Demo,
    types: &'a Types,
    lines: Vec<String>,
    spans: HashMap<u32, std::ops::Range<usize>>,
    functions: HashMap<String, std::ops::Range<usize>>,
    /// module path -> imported names
    uses: BTreeMap<&'static str, Vec<&'static str>>,
    indent: usize,
    needs_on_drop: bool,
    /// Whether the `receive` helper is used.
    needs_receive: bool,
    /// Whole-second parameters only used as durations (and printed): `u64`.
    secs: HashSet<(String, String)>,
    /// Names the current function reads.
    used: HashSet<String>,
    /// Inside a hand-written `poll_next`.
    poll_mode: bool,
    /// `on_cancel` guards of the enclosing `try`s, to disarm on `return`.
    guards: Vec<String>,
    /// Futures awaited in more than one place: `Shared` receivers.
    shared: HashSet<(String, String)>,
    /// The arguments of the last `format`-style call, for wrapping.
    last_format_args: Vec<String>,
    // The function being rendered.
    func: String,
    kind: FunctionKind,
    declared: HashSet<String>,
    assigned: HashMap<String, usize>,
    fields: HashSet<String>,
    self_name: &'static str,
    /// `&str` parameters of the current function.
    str_params: HashSet<String>,
    /// Futures created here: their sender is `NAME_tx`.
    local_futures: HashSet<String>,
    /// Inside a `Drop` closure: no awaiting.
    sync: bool,
    entry_main: bool,
}

impl<'a> Renderer<'a> {
    fn new(demo: &'a Demo, types: &'a Types) -> Renderer<'a> {
        Renderer {
            demo,
            types,
            lines: Vec::new(),
            spans: HashMap::new(),
            functions: HashMap::new(),
            uses: BTreeMap::new(),
            indent: 0,
            needs_on_drop: false,
            needs_receive: false,
            last_format_args: Vec::new(),
            guards: Vec::new(),
            poll_mode: false,
            used: HashSet::new(),
            secs: seconds_params(demo),
            shared: shared_futures(demo, types),
            func: String::new(),
            kind: FunctionKind::Coroutine,
            declared: HashSet::new(),
            assigned: HashMap::new(),
            fields: HashSet::new(),
            self_name: "self",
            str_params: HashSet::new(),
            local_futures: HashSet::new(),
            sync: false,
            entry_main: false,
        }
    }

    fn use_(&mut self, module: &'static str, name: &'static str) {
        let names = self.uses.entry(module).or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        // An empty block is written `{}`.
        if text == "}"
            && let Some(last) = self.lines.last_mut()
            && last.ends_with(" {")
        {
            last.push('}');
            return;
        }
        if text.is_empty() {
            self.lines.push(String::new());
        } else {
            self.lines
                .push(format!("{}{}", "    ".repeat(self.indent), text));
        }
    }

    /// A statement line that rustfmt would wrap at 100 columns: a call whose
    /// arguments go one per line.
    fn call_line(&mut self, head: &str, args: &[String], tail: &str) {
        self.args_line(head, args, tail, true);
    }

    /// As [`Self::call_line`] for a macro: rustfmt adds no trailing comma.
    fn macro_line(&mut self, head: &str, args: &[String], tail: &str) {
        self.args_line(head, args, tail, false);
    }

    fn args_line(&mut self, head: &str, args: &[String], tail: &str, comma: bool) {
        let inner = args.join(", ");
        let one = format!("{}{head}{inner}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 && (inner.len() <= 60 || args.len() == 1) {
            self.lines.push(one);
            return;
        }
        self.line(head);
        self.indent += 1;
        for (i, a) in args.iter().enumerate() {
            if comma || i + 1 < args.len() {
                self.line(format!("{a},"));
            } else {
                self.line(a);
            }
        }
        self.indent -= 1;
        self.line(tail);
    }

    /// `head` + a method chain + `tail`, one call per line when rustfmt
    /// would break it (longer than 60 columns or the line longer than 100).
    fn chain_line(&mut self, head: &str, base: &str, calls: &[String], tail: &str) {
        let (base, mut first) = split_chain(base);
        first.extend(calls.iter().cloned());
        let calls = first;
        let base = base.as_str();
        let chain = format!("{base}{}", calls.concat());
        let one = format!("{}{head}{chain}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 && chain.len() <= 60 {
            self.lines.push(one);
            return;
        }
        self.line(format!("{head}{base}"));
        self.indent += 1;
        let n = calls.len();
        for (i, c) in calls.iter().enumerate() {
            if i + 1 == n {
                self.line(format!("{c}{tail}"));
            } else {
                self.line(c);
            }
        }
        self.indent -= 1;
    }

    fn finish(mut self) -> Listing {
        let mut head = Vec::new();
        // rustfmt's order: paths compared segment by segment.
        for (module, names) in &self.uses {
            let mut names = names.clone();
            names.sort_by(|a, b| version_cmp(a, b));
            if names.len() == 1 {
                head.push(format!("use {module}::{};", names[0]));
            } else {
                head.push(format!("use {module}::{{{}}};", names.join(", ")));
            }
        }
        head.sort();
        if !head.is_empty() {
            head.push(String::new());
        }
        let shift = head.len();
        head.append(&mut self.lines);
        while head.last().is_some_and(|l| l.is_empty()) {
            head.pop();
        }
        let spans = self
            .spans
            .into_iter()
            .map(|(k, r)| (k, r.start + shift..r.end + shift))
            .collect();
        let functions = self
            .functions
            .into_iter()
            .map(|(k, r)| (k, r.start + shift..r.end + shift))
            .collect();
        Listing {
            lines: head,
            spans,
            functions,
        }
    }

    fn program(&mut self) {
        let entry_is_main = self.demo.entry == "main";
        for f in &self.demo.functions {
            let start = self.lines.len();
            match f.kind {
                FunctionKind::Coroutine => self.coroutine(f, entry_is_main && f.name == "main"),
                FunctionKind::Generator => self.generator(f),
                FunctionKind::Iterator => self.iterator(f),
                FunctionKind::Resource => self.resource(f),
            }
            self.functions
                .insert(f.name.clone(), start..self.lines.len());
            self.line("");
        }
        if !entry_is_main {
            self.line("#[tokio::main]");
            self.line("async fn main() {");
            self.line(format!("    {}().await;", fn_name(&self.demo.entry)));
            self.line("}");
            self.line("");
        }
        if self.needs_receive {
            for l in RECEIVE {
                self.line(l);
            }
            self.line("");
        }
        if self.needs_on_drop {
            let disarmed = self.lines.iter().any(|l| l.ends_with(".disarm();"));
            let mut skip = false;
            for l in ON_DROP {
                // `disarm` only when some guard is disarmed.
                if !disarmed && l.trim_start().starts_with("fn disarm") {
                    skip = true;
                    self.lines.pop();
                }
                if !skip {
                    self.line(l);
                }
                if skip && l.trim() == "}" {
                    skip = false;
                }
            }
        }
    }

    /// Prepares per-function state.
    fn enter(&mut self, f: &Function, self_name: &'static str, with_fields: bool) {
        self.func = f.name.clone();
        self.kind = f.kind;
        self.declared = f.params.iter().cloned().collect();
        self.assigned.clear();
        for block in [&f.body, &f.exit] {
            crate::render::plan::ir::ast::walk(block, &mut |s| {
                let names: Vec<&String> = match &s.kind {
                    StmtKind::Set { var, .. } => vec![var],
                    StmtKind::Await { into: Some(v), .. }
                    | StmtKind::Join { into: Some(v), .. }
                    | StmtKind::Gather { into: Some(v), .. }
                    | StmtKind::WaitFor { into: Some(v), .. } => vec![v],
                    StmtKind::Collect { into, .. } | StmtKind::Receive { into, .. } => vec![into],
                    _ => vec![],
                };
                for n in names {
                    *self.assigned.entry(n.clone()).or_default() += 1;
                }
            });
        }
        // A variable set inside a loop is set again on each turn.
        for block in [&f.body, &f.exit] {
            crate::render::plan::ir::ast::walk(block, &mut |s| {
                if let StmtKind::While { body, .. } = &s.kind {
                    crate::render::plan::ir::ast::walk(body, &mut |inner| {
                        if let StmtKind::Set { var: v, .. } | StmtKind::Receive { into: v, .. } =
                            &inner.kind
                        {
                            *self.assigned.entry(v.clone()).or_default() += 1;
                        }
                    });
                }
            });
        }
        self.used.clear();
        for block in [&f.body, &f.exit] {
            crate::render::plan::ir::ast::walk(block, &mut |s| {
                let mut vars = Vec::new();
                for (e, _) in stmt_exprs(s) {
                    e.variables(&mut vars);
                }
                self.used.extend(vars.into_iter().map(|(v, _)| v));
                match &s.kind {
                    StmtKind::Join { target, .. } => {
                        self.used.insert(target.clone());
                    }
                    StmtKind::Cancel { task } => {
                        self.used.insert(task.clone());
                    }
                    StmtKind::Resolve { future, .. } => {
                        self.used.insert(future.clone());
                    }
                    StmtKind::Connect { server: n, .. }
                    | StmtKind::Send { conn: n, .. }
                    | StmtKind::Receive { conn: n, .. } => {
                        self.used.insert(n.clone());
                    }
                    StmtKind::Close { target } => {
                        self.used.insert(target.clone());
                        self.used.insert(format!("{target} (closed)"));
                    }
                    _ => {}
                }
            });
        }
        self.fields = if with_fields {
            f.fields.iter().map(|(n, _)| n.clone()).collect()
        } else {
            HashSet::new()
        };
        self.self_name = self_name;
        self.local_futures.clear();
        self.str_params = f
            .params
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.types.var(&f.name, p) == Ty::Str && !self.param_owned(&f.name, *i)
            })
            .map(|(_, p)| p.clone())
            .collect();
    }

    /// A `Vec<&str>` parameter (only ever given lists of literals).
    fn list_borrowed(&self, func: &str, i: usize) -> bool {
        let kind = self.demo.function(func).map(|f| f.kind);
        matches!(
            kind,
            Some(FunctionKind::Coroutine | FunctionKind::Generator)
        ) && !self.types.owned_list.contains(&(func.to_string(), i))
    }

    fn param_owned(&self, func: &str, i: usize) -> bool {
        let kind = self.demo.function(func).map(|f| f.kind);
        matches!(kind, Some(FunctionKind::Iterator | FunctionKind::Resource))
            || (self.types.spawned.contains(func)
                && self.types.owned_str.contains(&(func.to_string(), i)))
    }

    /// A function signature, its parameters one per line when rustfmt
    /// would break it (longer than 100 columns).
    fn signature(&mut self, head: &str, params: &str, tail: &str) {
        let one = format!("{}{head}{params}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 || params.is_empty() {
            self.lines.push(one);
            return;
        }
        self.line(head);
        for p in params.split(", ") {
            self.line(format!("    {p},"));
        }
        self.line(tail);
    }

    fn param_list(&mut self, f: &Function) -> String {
        if f.params
            .iter()
            .any(|p| self.shared.contains(&(f.name.clone(), p.clone())))
        {
            self.use_("futures::future", "Shared");
        }
        f.params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ty = self.types.var(&f.name, p);
                let written = match &ty {
                    Ty::Str if !self.param_owned(&f.name, i) => "&str".to_string(),
                    Ty::List(t) if **t == Ty::Str && self.list_borrowed(&f.name, i) => {
                        "Vec<&str>".to_string()
                    }
                    Ty::Future(t) if self.types.senders.contains(&(f.name.clone(), p.clone())) => {
                        format!("oneshot::Sender<{}>", t.rust())
                    }
                    Ty::Future(t) if self.shared.contains(&(f.name.clone(), p.clone())) => {
                        format!("Shared<oneshot::Receiver<{}>>", t.rust())
                    }
                    Ty::Int if self.secs.contains(&(f.name.clone(), p.clone())) => {
                        "u64".to_string()
                    }
                    t => t.rust(),
                };
                match ty {
                    Ty::Conn => {
                        self.use_("tokio::io", "BufReader");
                        self.use_("tokio::net", "TcpStream");
                    }
                    Ty::Server => self.use_("std::net", "SocketAddr"),
                    _ => {}
                }
                let m = if (self.assigned.contains_key(p) || ty == Ty::Conn)
                    && !self.fields.contains(p)
                {
                    "mut "
                } else {
                    ""
                };
                format!("{m}{}: {written}", ident(p))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn ret_suffix(&self, name: &str) -> String {
        match self.types.ret_of(name) {
            Ty::Unit | Ty::Unknown => String::new(),
            t => format!(" -> {}", t.rust()),
        }
    }

    fn coroutine(&mut self, f: &Function, is_entry_main: bool) {
        self.enter(f, "self", false);
        self.entry_main = is_entry_main;
        if is_entry_main {
            self.line("#[tokio::main]");
            self.line("async fn main() {");
        } else {
            let params = self.param_list(f);
            let ret = self.ret_suffix(&f.name);
            let head = format!("async fn {}(", fn_name(&f.name));
            self.signature(&head, &params, &format!("){ret} {{"));
        }
        self.indent += 1;
        self.body(&f.body, true);
        self.indent -= 1;
        self.line("}");
        self.entry_main = false;
    }

    fn generator(&mut self, f: &Function) {
        self.enter(f, "self", false);
        self.use_("futures", "Stream");
        self.use_("async_stream", "stream");
        let params = self.param_list(f);
        let item = self.types.item.get(&f.name).cloned().unwrap_or(Ty::Unknown);
        let head = format!("fn {}(", fn_name(&f.name));
        let tail = format!(") -> impl Stream<Item = {}> {{", item.rust());
        self.signature(&head, &params, &tail);
        self.indent += 1;
        self.line("stream! {");
        self.indent += 1;
        self.body(&f.body, false);
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }

    fn struct_def(&mut self, f: &Function, doc: &[&str]) -> String {
        self.struct_with(f, doc, None)
    }

    /// The struct of an iterator or resource, with an extra field
    /// (name, type; starts as `None`), and its `impl` opened with `new`.
    fn struct_with(&mut self, f: &Function, doc: &[&str], extra: Option<(&str, &str)>) -> String {
        let name = camel(&f.name);
        for d in doc {
            self.line(format!("/// {d}"));
        }
        if f.fields.is_empty() && extra.is_none() {
            self.line(format!("struct {name};"));
        } else {
            self.line(format!("struct {name} {{"));
            for (field, _) in &f.fields {
                let ty = self.types.var(&f.name, field);
                self.line(format!("    {}: {},", ident(field), ty.rust()));
            }
            if let Some((field, ty)) = extra {
                self.line(format!("    {field}: {ty},"));
            }
            self.line("}");
        }
        self.line("");
        self.line(format!("impl {name} {{"));
        self.indent += 1;
        // The constructor: fields from the parameters.
        self.enter(f, "self", false);
        let params = self.param_list(f);
        self.line(format!("fn new({params}) -> Self {{"));
        self.indent += 1;
        if f.fields.is_empty() && extra.is_none() {
            self.line(&name);
        } else {
            let mut inits: Vec<String> = f
                .fields
                .iter()
                .map(|(field, e)| {
                    let code = self.expr(e);
                    let ty = self.types.var(&f.name, field);
                    let value = if ty == Ty::Float && code.ty == Ty::Int {
                        code.as_f64().text
                    } else if matches!(&e.kind, ExprKind::Var(p) if f.params.contains(p)) {
                        // Parameters move into the struct.
                        code.text
                    } else {
                        code.owned()
                    };
                    if value == ident(field) {
                        value
                    } else {
                        format!("{}: {value}", ident(field))
                    }
                })
                .collect();
            if let Some((field, _)) = extra {
                inits.push(format!("{field}: None"));
            }
            let one = inits.join(", ");
            if one.len() <= 18 {
                self.line(format!("Self {{ {one} }}"));
            } else {
                self.line("Self {");
                for i in &inits {
                    self.line(format!("    {i},"));
                }
                self.line("}");
            }
        }
        self.indent -= 1;
        self.line("}");
        name
    }

    /// An iterator whose `__anext__` is "guards that stop, one sleep, then
    /// plain statements" becomes a hand-written `Stream::poll_next` that
    /// keeps its pending `Sleep` in the struct.
    fn simple_iterator(f: &Function) -> bool {
        let is_guard = |s: &Stmt| {
            matches!(&s.kind, StmtKind::If { then, otherwise, .. }
                if otherwise.is_empty() && matches!(then.as_slice(), [Stmt { kind: StmtKind::Stop, .. }]))
        };
        let Some(sleep) = f
            .body
            .iter()
            .position(|s| matches!(s.kind, StmtKind::Sleep(_)))
        else {
            return false;
        };
        let fields: Vec<&String> = f.fields.iter().map(|(n, _)| n).collect();
        let StmtKind::Sleep(d) = &f.body[sleep].kind else {
            return false;
        };
        let mut vars = Vec::new();
        d.variables(&mut vars);
        if vars.iter().any(|(v, _)| fields.contains(&v))
            || f.fields.iter().any(|(n, _)| n == "delay")
        {
            return false;
        }
        let sync = |s: &Stmt| {
            let mut ok = true;
            crate::render::plan::ir::ast::walk(&vec![s.clone()], &mut |inner| {
                ok &= matches!(
                    inner.kind,
                    StmtKind::Print(_)
                        | StmtKind::Set { .. }
                        | StmtKind::If { .. }
                        | StmtKind::Return(Some(_))
                        | StmtKind::Stop
                );
            });
            ok
        };
        f.body[..sleep].iter().all(is_guard)
            && f.body[sleep + 1..].iter().all(sync)
            && matches!(
                f.body.last().map(|s| &s.kind),
                Some(StmtKind::Return(Some(_)))
            )
    }

    fn poll_iterator(&mut self, f: &Function) {
        self.use_("futures", "Stream");
        self.use_("std::pin", "Pin");
        self.use_("std::task", "Context");
        self.use_("std::task", "Poll");
        self.use_("std::task", "ready");
        self.use_("tokio::time", "Sleep");
        let name = self.struct_with(f, &[], Some(("delay", "Option<Pin<Box<Sleep>>>")));
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.enter(f, "self", true);
        self.poll_mode = true;
        let item = self.types.ret_of(&f.name).rust();
        self.line("/// Python's `__aiter__`/`__anext__`: Tokio polls for the next item.");
        self.line(format!("impl Stream for {name} {{"));
        self.indent += 1;
        self.line(format!("type Item = {item};"));
        self.line("");
        self.line(format!(
            "fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<{item}>> {{"
        ));
        self.indent += 1;
        self.body(&f.body, true);
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.poll_mode = false;
    }

    fn iterator(&mut self, f: &Function) {
        if Self::simple_iterator(f) {
            self.poll_iterator(f);
            return;
        }
        self.use_("futures", "Stream");
        self.use_("futures::stream", "unfold");
        self.struct_def(f, &[]);
        self.enter(f, "self", true);
        let item = self.types.ret_of(&f.name);
        self.line("");
        self.line("/// Python's `__anext__`: the next item, or `None` to stop.");
        self.line(format!(
            "async fn next_item(&mut self) -> Option<{}> {{",
            item.rust()
        ));
        self.indent += 1;
        self.body(&f.body, true);
        let ends = matches!(
            f.body.last().map(|s| &s.kind),
            Some(StmtKind::Return(_) | StmtKind::Stop)
        );
        if !ends {
            self.line("Some(())");
        }
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.line("/// The items as a `Stream`: `__aiter__`.");
        self.line(format!(
            "fn into_stream(self) -> impl Stream<Item = {}> {{",
            item.rust()
        ));
        self.line("    unfold(self, |mut it| async move {");
        self.line("        let item = it.next_item().await?;");
        self.line("        Some((item, it))");
        self.line("    })");
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }

    fn resource(&mut self, f: &Function) {
        self.struct_def(
            f,
            &["Rust has no async `Drop`: `open` and `close` are called explicitly."],
        );
        self.enter(f, "self", true);
        let ret = self.ret_suffix(&f.name);
        self.line("");
        self.line("/// Python's `__aenter__`.");
        self.line(format!("async fn open(&mut self){ret} {{"));
        self.indent += 1;
        self.body(&f.body, true);
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.line("/// Python's `__aexit__`.");
        let mut sets_field = false;
        crate::render::plan::ir::ast::walk(&f.exit, &mut |s| {
            if let StmtKind::Set { var, .. } = &s.kind {
                sets_field |= f.fields.iter().any(|(n, _)| n == var);
            }
        });
        let recv = if sets_field { "mut self" } else { "self" };
        self.line(format!("async fn close({recv}) {{"));
        self.indent += 1;
        let kind = self.kind;
        self.kind = FunctionKind::Coroutine;
        self.body(&f.exit, false);
        self.kind = kind;
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }

    fn body(&mut self, block: &Block, tail: bool) {
        let n = block.len();
        for (i, s) in block.iter().enumerate() {
            self.stmt(s, tail && i + 1 == n);
        }
    }

    // -- expressions ------------------------------------------------------

    fn var_ty(&self, name: &str) -> Ty {
        self.types.var(&self.func, name)
    }

    fn var_code(&self, name: &str) -> Code {
        let ty = self.var_ty(name);
        let text = if self.fields.contains(name) {
            format!("{}.{}", self.self_name, ident(name))
        } else {
            ident(name)
        };
        let mut c = Code::new(text, ty, 10);
        c.str_ref = self.str_params.contains(name);
        c
    }

    fn expr(&mut self, e: &Expr) -> Code {
        match &e.kind {
            ExprKind::Lit(v) => lit(v),
            ExprKind::Var(n) => self.var_code(n),
            ExprKind::List(items) => {
                let codes: Vec<Code> = items.iter().map(|i| self.expr(i)).collect();
                let mut t = Ty::Unknown;
                for c in &codes {
                    unify(&mut t, &c.ty);
                }
                let parts: Vec<String> = codes
                    .iter()
                    .map(|c| {
                        if t == Ty::Float {
                            c.as_f64().text
                        } else {
                            c.text.clone()
                        }
                    })
                    .collect();
                let mut c = Code::new(
                    format!("vec![{}]", parts.join(", ")),
                    Ty::List(Box::new(t)),
                    10,
                );
                c.fresh = true;
                c
            }
            ExprKind::Unary(UnaryOp::Neg, x) => {
                let x = self.expr(x);
                Code::new(format!("-{}", x.wrap(7)), x.ty, 7)
            }
            ExprKind::Unary(UnaryOp::Not, x) => {
                let x = self.expr(x).truthy();
                Code::new(format!("!{}", x.wrap(7)), Ty::Bool, 7)
            }
            ExprKind::Binary(BinaryOp::Add, _, _)
                if self.types.expr_ty(&self.func, e) == Ty::Str =>
            {
                // `a + "!" + b` is one `format!("{a}!{b}")`.
                let mut leaves = Vec::new();
                str_leaves(e, &mut leaves);
                let mut fmt = String::new();
                let mut args = Vec::new();
                for leaf in leaves {
                    if let ExprKind::Lit(Value::Str(t)) = &leaf.kind {
                        fmt.push_str(&escape_fmt(t));
                        continue;
                    }
                    let c = self.expr(leaf);
                    self.hole(&c, &mut fmt, &mut args);
                }
                let (text, fresh) = self.format_tail(fmt, args, "format!");
                let mut c = Code::new(text, Ty::Str, 10);
                c.fresh = fresh;
                c.str_ref = !fresh;
                c
            }
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                self.binary(*op, a, b)
            }
            ExprKind::Call(f, args) => {
                let codes: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
                builtin(*f, codes)
            }
            ExprKind::Template(t) => {
                let (text, fresh) = self.format(t, "format!");
                let mut c = Code::new(text, Ty::Str, 10);
                c.fresh = fresh;
                c.str_ref = !fresh;
                c
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, a: Code, b: Code) -> Code {
        use BinaryOp::*;
        let prec = match op {
            Or => 1,
            And => 2,
            Eq | Ne | Lt | Le | Gt | Ge => 4,
            Add | Sub => 5,
            Mul | Div | FloorDiv | Mod => 6,
        };
        let sym = match op {
            Or => "||",
            And => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            FloorDiv => "/",
            Mod => "%",
        };
        let float = a.ty == Ty::Float || b.ty == Ty::Float;
        let (a, b) = if float || op == Div {
            (a.as_f64(), b.as_f64())
        } else {
            (a, b)
        };
        let join = |a: &Code, b: &Code, ty: Ty| {
            let right_min = if matches!(op, Sub | Div | Mod | Eq | Ne | Lt | Le | Gt | Ge) {
                prec + 1
            } else {
                prec
            };
            let left_min = if prec == 4 { 5 } else { prec };
            Code::new(
                format!("{} {sym} {}", a.wrap(left_min), b.wrap(right_min)),
                ty,
                prec,
            )
        };
        match op {
            And | Or => join(&a.truthy(), &b.truthy(), Ty::Bool),
            Eq | Ne | Lt | Le | Gt | Ge => join(&a, &b, Ty::Bool),
            Add if a.ty == Ty::Str || b.ty == Ty::Str => {
                let mut c = Code::new(
                    format!("format!(\"{{}}{{}}\", {}, {})", a.text, b.text),
                    Ty::Str,
                    10,
                );
                c.fresh = true;
                c
            }
            Mul if a.ty == Ty::Str => {
                let mut c = Code::new(
                    format!("{}.repeat({} as usize)", a.wrap(10), b.wrap(8)),
                    Ty::Str,
                    10,
                );
                c.fresh = true;
                c
            }
            FloorDiv if float => Code::new(
                format!("({}).floor()", join(&a, &b, Ty::Float).text),
                Ty::Float,
                10,
            ),
            FloorDiv => Code::new(
                format!("{}.div_euclid({})", a.wrap(10), b.text),
                Ty::Int,
                10,
            ),
            Mod => Code::new(
                format!("{}.rem_euclid({})", a.wrap(10), b.text),
                if float { Ty::Float } else { Ty::Int },
                10,
            ),
            Div => join(&a, &b, Ty::Float),
            _ => {
                let ty = if float {
                    Ty::Float
                } else if matches!(a.ty, Ty::List(_)) {
                    a.ty.clone()
                } else {
                    Ty::Int
                };
                join(&a, &b, ty)
            }
        }
    }

    /// A `format!`-style macro call for a template; true if it makes a
    /// fresh `String` (false: a plain literal).
    fn format(&mut self, t: &Template, mac: &str) -> (String, bool) {
        let mut fmt = String::new();
        let mut args = Vec::new();
        for part in &t.parts {
            match part {
                Part::Text(s) => fmt.push_str(&escape_fmt(s)),
                Part::Hole(e) => {
                    let c = self.expr(e);
                    self.hole(&c, &mut fmt, &mut args);
                }
            }
        }
        self.format_tail(fmt, args, mac)
    }

    /// Appends one printed value to a format string and its arguments.
    fn hole(&mut self, c: &Code, fmt: &mut String, args: &mut Vec<String>) {
        let debug = matches!(c.ty, Ty::Float | Ty::List(_) | Ty::Unit);
        let spec = if debug { ":?" } else { "" };
        if c.ty == Ty::Unit {
            fmt.push_str("None");
        } else if c.ty == Ty::Bool {
            fmt.push_str("{}");
            args.push(format!("if {} {{ \"True\" }} else {{ \"False\" }}", c.text));
        } else if c.prec == 10
            && c.text.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            && !c.text.chars().next().is_some_and(|ch| ch.is_ascii_digit())
        {
            fmt.push_str(&format!("{{{}{spec}}}", c.text));
        } else {
            fmt.push_str(&format!("{{{spec}}}"));
            args.push(c.text.clone());
        }
    }

    fn format_tail(&mut self, fmt: String, args: Vec<String>, mac: &str) -> (String, bool) {
        if mac == "format!" && args.is_empty() && !fmt.contains('{') && !fmt.contains('}') {
            return (format!("\"{fmt}\""), false);
        }
        let mut all = vec![format!("\"{fmt}\"")];
        all.extend(args);
        self.last_format_args = all.clone();
        (format!("{mac}({})", all.join(", ")), true)
    }

    fn duration(&mut self, e: &Expr) -> String {
        self.use_("std::time", "Duration");
        if let ExprKind::Lit(v) = &e.kind {
            match v {
                Value::Int(n) if *n >= 0 => return format!("Duration::from_secs({n})"),
                Value::Float(x) if *x >= 0.0 => {
                    let ms = x * 1000.0;
                    if ms.fract() == 0.0 && ms < 1e15 {
                        if ms % 1000.0 == 0.0 {
                            return format!("Duration::from_secs({})", ms as u64 / 1000);
                        }
                        return format!("Duration::from_millis({})", ms as u64);
                    }
                    return format!("Duration::from_secs_f64({x:?})");
                }
                _ => {}
            }
        }
        if let ExprKind::Var(n) = &e.kind
            && self.secs.contains(&(self.func.clone(), n.clone()))
        {
            return format!("Duration::from_secs({})", ident(n));
        }
        let c = self.expr(e);
        match c.ty {
            Ty::Int => format!("Duration::from_secs({} as u64)", c.wrap(8)),
            _ => format!("Duration::from_secs_f64({})", c.as_f64().text),
        }
    }

    /// Arguments of a call of a demo function, converted to its parameters.
    fn call_args(&mut self, call: &Call) -> Vec<String> {
        let callee = self.demo.function(&call.name);
        let mut out = Vec::new();
        for (i, arg) in call.args.iter().enumerate() {
            let pname = callee
                .and_then(|f| f.params.get(i))
                .cloned()
                .unwrap_or_default();
            let pty = self.types.var(&call.name, &pname);
            let c = self.expr(arg);
            let text = match &pty {
                Ty::Str if self.param_owned(&call.name, i) => c.owned(),
                Ty::Str => c.borrowed(),
                Ty::Float if c.ty == Ty::Int => c.as_f64().text,
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
                Ty::List(_) => c.owned(),
                _ => c.text,
            };
            out.push(text);
        }
        out
    }

    fn call(&mut self, call: &Call) -> String {
        let args = self.call_args(call).join(", ");
        match self.demo.function(&call.name).map(|f| f.kind) {
            Some(FunctionKind::Iterator | FunctionKind::Resource) => {
                format!("{}::new({args})", camel(&call.name))
            }
            _ => format!("{}({args})", fn_name(&call.name)),
        }
    }

    /// `let x = `, `let mut x = `, `x = ` or `self.x = `.
    fn bind(&mut self, name: &str) -> String {
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
        } else {
            format!("{} = ", ident(name))
        }
    }

    /// A binding's name, `_`-prefixed if nothing reads it.
    fn pat(&self, name: &str) -> String {
        // `()` values are printed as the text `None`, never read.
        if self.used.contains(name) && self.var_ty(name) != Ty::Unit {
            ident(name)
        } else {
            format!("_{name}")
        }
    }

    fn assign(&mut self, into: Option<&str>, rhs: &str) {
        // A value nobody reads needs no name.
        let into = into.filter(|n| self.used.contains(*n) || self.declared.contains(*n));
        match into {
            Some(name) => {
                let b = self.bind(name);
                self.line(format!("{b}{rhs};"));
            }
            None => self.line(format!("{rhs};")),
        }
    }

    /// An iterator over `over` for closures and loops, with the closure
    /// pattern for its items.
    fn iter_of(&mut self, over: &Expr, var: &str) -> (String, String) {
        let c = self.expr(over);
        let pat = ident(var);
        if c.range {
            return (c.wrap(10), pat);
        }
        if let ExprKind::List(_) = over.kind {
            let text = c.text.trim_start_matches("vec!").to_string();
            return (format!("{text}.into_iter()"), pat);
        }
        if c.ty.elem().is_copy() {
            (format!("{}.iter().copied()", c.wrap(10)), pat)
        } else {
            (format!("{}.iter()", c.wrap(10)), pat)
        }
    }

    // -- statements -------------------------------------------------------

    fn stmt(&mut self, s: &Stmt, tail: bool) {
        let start = self.lines.len();
        self.stmt_inner(s, tail);
        if self.lines.len() == start {
            self.line("// (nothing to do in Rust)");
        }
        self.spans.insert(s.id, start..self.lines.len());
    }

    fn no_await(&mut self, what: &str) {
        self.line(format!(
            "// `{what}` would await here, but `Drop` cannot await."
        ));
    }

    fn stmt_inner(&mut self, s: &Stmt, tail: bool) {
        if self.sync
            && !matches!(
                s.kind,
                StmtKind::Print(_)
                    | StmtKind::Set { .. }
                    | StmtKind::If { .. }
                    | StmtKind::For { .. }
                    | StmtKind::While { .. }
                    | StmtKind::Block(_)
                    | StmtKind::Compute(_)
                    | StmtKind::Cancel { .. }
                    | StmtKind::Resolve { .. }
            )
        {
            let what = match &s.kind {
                StmtKind::Sleep(_) => "sleep",
                StmtKind::Return(_) => "return",
                _ => "this statement",
            };
            self.no_await(what);
            return;
        }
        match &s.kind {
            StmtKind::Print(t) => {
                let (text, fresh) = self.format(t, "println!");
                if fresh {
                    let args = std::mem::take(&mut self.last_format_args);
                    if args == ["\"\""] {
                        self.line("println!();");
                    } else {
                        self.macro_line("println!(", &args, ");");
                    }
                } else {
                    self.line(format!("{text};"));
                }
            }
            StmtKind::Sleep(e) => {
                if let ExprKind::Lit(v) = &e.kind
                    && v.as_seconds() == Some(0.0)
                {
                    self.line("tokio::task::yield_now().await;");
                    return;
                }
                self.use_("tokio::time", "sleep");
                let d = self.duration(e);
                if self.poll_mode {
                    self.line("let delay = self");
                    self.line("    .delay");
                    self.line(format!("    .get_or_insert_with(|| Box::pin(sleep({d})));"));
                    self.line("ready!(delay.as_mut().poll(cx));");
                    self.line("self.delay = None;");
                } else {
                    self.line(format!("sleep({d}).await;"));
                }
            }
            StmtKind::Block(e) => {
                let d = self.duration(e);
                self.line(
                    "// Blocks the runtime's thread: no other task runs meanwhile (the mistake).",
                );
                self.line(format!("std::thread::sleep({d});"));
            }
            StmtKind::Compute(e) => {
                let d = self.duration(e);
                self.line("// CPU-bound work: holds the thread just like a blocking call.");
                self.line(format!("std::thread::sleep({d});"));
            }
            StmtKind::Return(e) => self.ret(e.as_ref(), tail),
            StmtKind::Stop if self.poll_mode => {
                if tail {
                    self.line("Poll::Ready(None)");
                } else {
                    self.line("return Poll::Ready(None);");
                }
            }
            StmtKind::Stop => {
                if tail {
                    self.line("None");
                } else {
                    for g in self.guards.clone().iter().rev() {
                        self.line(format!("{g}.disarm();"));
                    }
                    self.line("return None;");
                }
            }
            StmtKind::Await { call, into } => {
                let c = self.call(call);
                let ret = self.types.ret_of(&call.name);
                let into = into
                    .as_deref()
                    .filter(|_| ret != Ty::Unit && ret != Ty::Unknown);
                self.assign(into, &format!("{c}.await"));
            }
            StmtKind::Make { call, into } => {
                let c = self.call(call);
                if self.used.contains(into) {
                    self.line("// Not started yet: a Rust future runs only when awaited.");
                } else {
                    self.line("// Never awaited, so it never runs.");
                }
                let b = self.bind(into);
                self.line(format!("{b}{c};"));
            }
            StmtKind::Spawn { call, into } => {
                let c = self.call(call);
                if !self.used.contains(into) {
                    self.line("// Never awaited: dropping a JoinHandle detaches the task.");
                }
                self.assign(Some(into), &format!("tokio::spawn({c})"));
            }
            StmtKind::Join { target, into } => {
                let ty = self.var_ty(target);
                let t = ident(target);
                let rhs = match ty {
                    Ty::Task(_) => format!("{t}.await.unwrap()"),
                    Ty::Future(_) => format!("{t}.await.unwrap()"),
                    _ => format!("{t}.await"),
                };
                let into = into
                    .as_deref()
                    .filter(|_| !matches!(ty.inner(), Ty::Unit | Ty::Unknown));
                self.assign(into, &rhs);
            }
            StmtKind::Cancel { task } => {
                self.line("// Tokio cancels by dropping the task's future at its next await.");
                self.line(format!("{}.abort();", ident(task)));
            }
            StmtKind::Gather { calls, into } => self.gather(calls, into.as_deref()),
            StmtKind::AsCompleted { calls, var, body } => {
                self.use_("futures::stream", "FuturesUnordered");
                self.use_("futures", "StreamExt");
                match calls {
                    Calls::List(list) => {
                        let same = list.windows(2).all(|w| w[0].name == w[1].name);
                        if !same {
                            self.use_("futures", "FutureExt");
                        }
                        self.line("let mut pending = FuturesUnordered::new();");
                        for c in list {
                            let code = self.call(c);
                            let code = if same {
                                code
                            } else {
                                format!("{code}.boxed()")
                            };
                            self.line(format!("pending.push({code});"));
                        }
                    }
                    Calls::Each { call, var, over } => {
                        let (iter, pat) = self.iter_of(over, var);
                        let c = self.call(call);
                        let calls = [format!(".map(|{pat}| {c})"), ".collect()".to_string()];
                        self.chain_line(
                            "let mut pending: FuturesUnordered<_> = ",
                            &iter,
                            &calls,
                            ";",
                        );
                    }
                }
                self.declared.insert(var.clone());
                self.line(format!(
                    "while let Some({}) = pending.next().await {{",
                    self.pat(var)
                ));
                self.nested(body);
                self.line("}");
            }
            StmtKind::WaitFor {
                call,
                timeout,
                into,
                body,
                on_timeout,
            } => {
                self.use_("tokio::time", "timeout");
                let d = self.duration(timeout);
                let c = self.call(call);
                let one = format!("match timeout({d}, {c}).await {{");
                if format!("{d}, {c}").len() <= 60 && one.len() + 4 * self.indent <= 100 {
                    self.line(one);
                } else {
                    // rustfmt's layout of a long scrutinee.
                    self.line("match timeout(");
                    self.line(format!("    {d},"));
                    self.line(format!("    {c},"));
                    self.line(")");
                    self.line(".await");
                    self.line("{");
                }
                self.indent += 1;
                let pat = match into {
                    Some(v) if self.used.contains(v) && self.var_ty(v) != Ty::Unit => {
                        self.declared.insert(v.clone());
                        ident(v)
                    }
                    _ => "_".into(),
                };
                self.line(format!("Ok({pat}) => {{"));
                self.nested(body);
                self.line("}");
                self.line("Err(_) => {");
                self.nested(on_timeout);
                self.line("}");
                self.indent -= 1;
                self.line("}");
            }
            StmtKind::AsyncFor { source, var, body } => {
                self.use_("std::pin", "pin");
                self.use_("futures", "StreamExt");
                let stream = self.stream(source);
                let items = format!("{}_items", snake(&source.name).trim_start_matches("r#"));
                self.line(format!("let mut {items} = pin!({stream});"));
                self.declared.insert(var.clone());
                self.line(format!(
                    "while let Some({}) = {items}.next().await {{",
                    self.pat(var)
                ));
                self.nested(body);
                self.line("}");
            }
            StmtKind::Yield(e) => {
                let c = self.expr(e);
                self.line(format!("yield {};", c.owned()));
            }
            StmtKind::AsyncWith { source, var, body } => {
                let opened = self.types.ret_of(&source.name);
                let has_value = !matches!(opened, Ty::Unit | Ty::Unknown);
                // `as v` of an `__aenter__` returning nothing is None: `v`
                // is then printed as `None` and needs no binding.
                let base = snake(&source.name);
                let mut obj = base.clone();
                let mut n = 1;
                while self.declared.contains(&obj) {
                    n += 1;
                    obj = format!("{base}{n}");
                }
                self.declared.insert(obj.clone());
                let c = self.call(source);
                self.line("// No async drop in Rust: open and close explicitly.");
                self.line(format!("let mut {obj} = {c};"));
                match var {
                    Some(v) if has_value => {
                        let b = self.bind(v);
                        self.line(format!("{b}{obj}.open().await;"));
                    }
                    _ => self.line(format!("{obj}.open().await;")),
                }
                self.body(body, false);
                if !self.entry_main {
                    self.line("// Never reached if this future is dropped (timeout, abort) first.");
                }
                self.line(format!("{obj}.close().await;"));
            }
            StmtKind::Collect {
                source,
                var,
                value,
                filter,
                into,
            } => {
                self.use_("futures", "StreamExt");
                let stream = self.stream(source);
                let item = self.types.item_of(self.demo, &source.name);
                let pat = ident(var);
                let mut chain = Vec::new();
                if let Some(f) = filter {
                    let c = self.expr(f).truthy();
                    let p = if item.is_copy() {
                        format!("&{pat}")
                    } else {
                        pat.clone()
                    };
                    chain.push(format!(".filter(|{p}| std::future::ready({}))", c.text));
                }
                if let Some(v) = value {
                    let c = self.expr(v);
                    if c.text != pat {
                        chain.push(format!(".map(|{pat}| {})", c.owned()));
                    }
                }
                let b = self.bind(into);
                chain.push(".collect::<Vec<_>>()".into());
                chain.push(".await".into());
                self.chain_line(&b, &stream, &chain, ";");
            }
            StmtKind::For { var, over, body } => {
                let c = self.expr(over);
                let head = if c.range {
                    c.text.clone()
                } else if let ExprKind::List(_) = over.kind {
                    c.text.trim_start_matches("vec!").to_string()
                } else if c.ty == Ty::Str {
                    format!("{}.chars()", c.wrap(10))
                } else if c.ty.elem().is_copy() {
                    format!("{}.iter().copied()", c.wrap(10))
                } else {
                    format!("&{}", c.wrap(7))
                };
                self.declared.insert(var.clone());
                let pat = if self.used.contains(var) {
                    ident(var)
                } else {
                    "_".into()
                };
                self.line(format!("for {pat} in {head} {{"));
                self.nested(body);
                self.line("}");
            }
            StmtKind::While { cond, body } => {
                let c = self.expr(cond).truthy();
                if c.text == "true" {
                    self.line("loop {");
                } else {
                    self.line(format!("while {} {{", c.text));
                }
                self.nested(body);
                self.line("}");
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                let c = self.expr(cond).truthy();
                self.line(format!("if {} {{", c.text));
                self.nested_tail(then, tail);
                self.else_chain(otherwise, tail);
                self.line("}");
            }
            StmtKind::Set { var, value } => self.set(var, value),
            StmtKind::Try {
                body,
                on_cancel,
                finally,
            } => self.try_(body, on_cancel, finally, tail),
            StmtKind::Future { name } => {
                self.use_("tokio::sync", "oneshot");
                self.local_futures.insert(name.clone());
                self.declared.insert(name.clone());
                self.line(format!(
                    "let ({}_tx, {}) = oneshot::channel();",
                    name,
                    ident(name)
                ));
                if self.shared.contains(&(self.func.clone(), name.clone())) {
                    self.use_("futures", "FutureExt");
                    self.line("// Awaited in several places: a cloneable, shared future.");
                    self.line(format!("let {} = {}.shared();", ident(name), ident(name)));
                }
            }
            StmtKind::Resolve { future, value } => {
                let c = self.expr(value);
                let sender = if self.local_futures.contains(future) {
                    format!("{future}_tx")
                } else {
                    ident(future)
                };
                self.line(format!("let _ = {sender}.send({});", c.owned()));
            }
            StmtKind::Serve { handler, into } => {
                self.use_("tokio::io", "BufReader");
                self.use_("tokio::net", "TcpListener");
                let listener = format!("{into}_listener");
                self.line(format!(
                    "let {listener} = TcpListener::bind(\"127.0.0.1:0\").await.unwrap();"
                ));
                self.declared.insert(into.clone());
                let addr = self.pat(into);
                self.line(format!("let {addr} = {listener}.local_addr().unwrap();"));
                let accept = if self.used.contains(&format!("{into} (closed)")) {
                    format!("{into}_accept")
                } else {
                    format!("_{into}_accept")
                };
                self.line(format!("let {accept} = tokio::spawn(async move {{"));
                self.line("    loop {");
                self.line(format!(
                    "        let (stream, _) = {listener}.accept().await.unwrap();"
                ));
                self.line(format!(
                    "        tokio::spawn({}(BufReader::new(stream)));",
                    fn_name(&handler.name)
                ));
                self.line("    }");
                self.line("});");
            }
            StmtKind::Connect { server, into } => {
                self.use_("tokio::io", "BufReader");
                self.use_("tokio::net", "TcpStream");
                self.declared.insert(into.clone());
                self.line(format!(
                    "let mut {} = BufReader::new(TcpStream::connect({}).await.unwrap());",
                    ident(into),
                    ident(server)
                ));
            }
            StmtKind::Send { conn, value } => {
                self.use_("tokio::io", "AsyncWriteExt");
                let t = value.line_template();
                let (text, _) = self.format(&t, "format!");
                self.last_format_args.clear();
                let bytes = match text.strip_prefix("format!(") {
                    Some(_) => format!("{text}.as_bytes()"),
                    None => format!("{}.as_bytes()", text.trim_end_matches(".to_string()")),
                };
                let head = format!("{}.write_all({bytes})", ident(conn));
                // rustfmt breaks a chain longer than 60 columns.
                if head.len() + ".await.unwrap()".len() <= 60 {
                    self.line(format!("{head}.await.unwrap();"));
                } else {
                    self.line(head);
                    self.line("    .await");
                    self.line("    .unwrap();");
                }
            }
            StmtKind::Receive { conn, into } => {
                self.needs_receive = true;
                self.use_("tokio::io", "AsyncBufReadExt");
                self.use_("tokio::io", "BufReader");
                self.use_("tokio::net", "TcpStream");
                let rhs = format!("receive(&mut {}).await", ident(conn));
                self.assign(Some(into), &rhs);
            }
            StmtKind::Close { target } => {
                if self.var_ty(target) == Ty::Server {
                    self.line(format!("{target}_accept.abort();"));
                } else {
                    self.use_("tokio::io", "AsyncWriteExt");
                    self.line(format!("{}.shutdown().await.unwrap();", ident(target)));
                }
            }
        }
    }

    /// The `else` of an `if`: a lone nested `if` becomes `} else if`.
    fn else_chain(&mut self, otherwise: &Block, tail: bool) {
        if let [inner] = otherwise.as_slice()
            && let StmtKind::If {
                cond,
                then,
                otherwise,
            } = &inner.kind
        {
            let start = self.lines.len();
            let c = self.expr(cond).truthy();
            self.line(format!("}} else if {} {{", c.text));
            self.nested_tail(then, tail);
            self.else_chain(otherwise, tail);
            self.spans.insert(inner.id, start..self.lines.len());
            return;
        }
        if !otherwise.is_empty() {
            self.line("} else {");
            self.nested_tail(otherwise, tail);
        }
    }

    fn nested(&mut self, block: &Block) {
        self.indent += 1;
        self.body(block, false);
        self.indent -= 1;
    }

    fn nested_tail(&mut self, block: &Block, tail: bool) {
        self.indent += 1;
        self.body(block, tail);
        self.indent -= 1;
    }

    fn stream(&mut self, source: &Call) -> String {
        let c = self.call(source);
        match self.demo.function(&source.name) {
            Some(f) if f.kind == FunctionKind::Iterator && !Self::simple_iterator(f) => {
                format!("{c}.into_stream()")
            }
            _ => c,
        }
    }

    fn ret(&mut self, e: Option<&Expr>, tail: bool) {
        let value = e.map(|e| {
            let c = self.expr(e);
            let ret = self.types.ret_of(&self.func);
            if ret == Ty::Float && c.ty == Ty::Int {
                c.as_f64().text
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
            (FunctionKind::Coroutine, _)
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
        for g in self.guards.clone().iter().rev() {
            self.line(format!("{g}.disarm();"));
        }
        match (value, tail) {
            (Some(v), true) => self.line(v),
            (Some(v), false) => self.line(format!("return {v};")),
            (None, _) => self.line("return;"),
        }
    }

    fn set(&mut self, var: &str, value: &Expr) {
        let target_ty = self.var_ty(var);
        // `x = x + 1` reads better as `x += 1`.
        if let ExprKind::Binary(op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul), a, b) =
            &value.kind
            && matches!(&a.kind, ExprKind::Var(n) if n == var)
            && matches!(target_ty, Ty::Int | Ty::Float)
            && (self.declared.contains(var) || self.fields.contains(var))
        {
            let rhs = self.expr(b);
            let rhs = if target_ty == Ty::Float {
                rhs.as_f64()
            } else {
                rhs
            };
            let target = self.var_code(var).text;
            self.line(format!("{target} {}= {};", op.python(), rhs.text));
            return;
        }
        let c = self.expr(value);
        let rhs = if target_ty == Ty::Float && c.ty == Ty::Int {
            c.as_f64().text
        } else {
            c.owned()
        };
        let b = self.bind(var);
        self.line(format!("{b}{rhs};"));
    }

    fn gather(&mut self, calls: &Calls, into: Option<&str>) {
        let unit = matches!(self.types.calls_ret(calls), Ty::Unit | Ty::Unknown);
        let into = into.filter(|_| !unit);
        match calls {
            Calls::List(list) => {
                let codes: Vec<String> = list.iter().map(|c| self.call(c)).collect();
                match (into, codes.len()) {
                    (_, 0) => self.assign(into, "Vec::<()>::new()"),
                    (into, 1) => {
                        let rhs = format!("vec![{}.await]", codes[0]);
                        self.assign(into, &rhs);
                    }
                    (None, _) => self.call_line("tokio::join!(", &codes, ");"),
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
                        let head = format!("let ({}) = tokio::join!(", names.join(", "));
                        self.call_line(&head, &codes, ");");
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
                self.assign(into, &format!("join_all({mapped}).await"));
            }
        }
    }

    fn try_(&mut self, body: &Block, on_cancel: &Block, finally: &Block, tail: bool) {
        if on_cancel.is_empty() && finally.is_empty() {
            self.body(body, false);
            return;
        }
        // `try: await task / except CancelledError` around an aborted task:
        // the JoinError says it was cancelled.
        if let [join] = body.as_slice()
            && let StmtKind::Join { target, into: None } = &join.kind
            && matches!(self.var_ty(target), Ty::Task(_))
            && !on_cancel.is_empty()
        {
            if !finally.is_empty() {
                self.needs_on_drop = true;
                self.line("{");
                self.indent += 1;
                self.line("let _finally = OnDrop::new(|| {");
                let sync = std::mem::replace(&mut self.sync, true);
                self.nested(finally);
                self.sync = sync;
                self.line("});");
            }
            let start = self.lines.len();
            self.line(format!("match {}.await {{", ident(target)));
            self.line("    Ok(_) => {}");
            self.spans.insert(join.id, start..self.lines.len());
            self.indent += 1;
            self.line("// Aborted: Tokio reports it as a `JoinError`, not an exception.");
            self.line("Err(e) if e.is_cancelled() => {");
            self.nested(on_cancel);
            self.line("}");
            self.line("Err(e) => std::panic::resume_unwind(e.into_panic()),");
            self.indent -= 1;
            self.line("}");
            if !finally.is_empty() {
                self.indent -= 1;
                self.line("}");
            }
            return;
        }
        self.needs_on_drop = true;
        self.line("{");
        self.indent += 1;
        self.line("// Tokio cancels a task by dropping its future: cleanup runs in `Drop`.");
        let sync = self.sync;
        if !finally.is_empty() {
            self.line("let _finally = OnDrop::new(|| {");
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
            self.line(format!("let {guard} = OnDrop::new(|| {{"));
            self.sync = true;
            self.nested(on_cancel);
            self.sync = sync;
            self.line("});");
            self.guards.push(guard.clone());
        }
        let ends_in_return = matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return(_)));
        self.body(body, tail && ends_in_return);
        if !on_cancel.is_empty() {
            self.guards.pop();
            let returns = matches!(
                body.last().map(|s| &s.kind),
                Some(StmtKind::Return(_) | StmtKind::Stop)
            );
            if !returns {
                self.line(format!("{guard}.disarm();"));
            }
        }
        self.indent -= 1;
        self.line("}");
    }
}

fn lit(v: &Value) -> Code {
    match v {
        Value::None => Code::new("()", Ty::Unit, 10),
        Value::Bool(b) => Code::new(b.to_string(), Ty::Bool, 10),
        Value::Int(n) if *n < 0 => Code::new(n.to_string(), Ty::Int, 7),
        Value::Int(n) => Code::new(n.to_string(), Ty::Int, 10),
        Value::Float(x) => Code::new(format!("{x:?}"), Ty::Float, if *x < 0.0 { 7 } else { 10 }),
        Value::Str(s) => {
            let mut c = Code::new(format!("{:?}", s.as_ref()), Ty::Str, 10);
            c.str_ref = true;
            c
        }
        Value::List(items) => {
            let parts: Vec<String> = items.iter().map(|i| lit(i).text).collect();
            let mut c = Code::new(format!("vec![{}]", parts.join(", ")), value_ty(v), 10);
            c.fresh = true;
            c
        }
    }
}

fn builtin(f: Builtin, args: Vec<Code>) -> Code {
    let first = args.first().cloned().unwrap_or(Code::new("0", Ty::Int, 10));
    match f {
        Builtin::Range => {
            let (lo, hi) = match args.get(1) {
                None => ("0".to_string(), first.wrap(1)),
                Some(end) => (first.wrap(1), end.wrap(1)),
            };
            let mut c = if let Some(step) = args.get(2) {
                Code::new(
                    format!("({lo}..{hi}).step_by({} as usize)", step.wrap(8)),
                    Ty::List(Box::new(Ty::Int)),
                    10,
                )
            } else {
                Code::new(format!("{lo}..{hi}"), Ty::List(Box::new(Ty::Int)), 0)
            };
            c.range = true;
            c
        }
        Builtin::Len => Code::new(format!("{}.len() as i64", first.wrap(10)), Ty::Int, 8),
        Builtin::Str => {
            let text = match first.ty {
                Ty::Float | Ty::List(_) => format!("format!(\"{{:?}}\", {})", first.text),
                _ => format!("{}.to_string()", first.wrap(10)),
            };
            let mut c = Code::new(text, Ty::Str, 10);
            c.fresh = true;
            c
        }
        Builtin::Int => match first.ty {
            Ty::Float => Code::new(format!("{} as i64", first.wrap(8)), Ty::Int, 8),
            Ty::Str => Code::new(
                format!("{}.parse::<i64>().unwrap()", first.wrap(10)),
                Ty::Int,
                10,
            ),
            _ => Code {
                ty: Ty::Int,
                ..first
            },
        },
        Builtin::Float => match first.ty {
            Ty::Str => Code::new(
                format!("{}.parse::<f64>().unwrap()", first.wrap(10)),
                Ty::Float,
                10,
            ),
            _ => first.as_f64(),
        },
        Builtin::Abs => Code::new(format!("{}.abs()", first.wrap(10)), first.ty.clone(), 10),
        Builtin::Min | Builtin::Max if args.len() > 1 => {
            let m = if f == Builtin::Min { "min" } else { "max" };
            let float = args.iter().any(|a| a.ty == Ty::Float);
            let mut text = if float {
                first.as_f64().wrap(10)
            } else {
                first.wrap(10)
            };
            for a in &args[1..] {
                let a = if float { a.as_f64() } else { a.clone() };
                text = format!("{text}.{m}({})", a.text);
            }
            Code::new(text, if float { Ty::Float } else { first.ty.clone() }, 10)
        }
        Builtin::Min | Builtin::Max => {
            let m = if f == Builtin::Min { "min" } else { "max" };
            let elem = first.ty.elem();
            let iter = if first.range {
                first.wrap(10)
            } else {
                format!("{}.iter().copied()", first.wrap(10))
            };
            if elem == Ty::Float {
                let (init, fold) = if m == "min" {
                    ("f64::INFINITY", "f64::min")
                } else {
                    ("f64::NEG_INFINITY", "f64::max")
                };
                Code::new(format!("{iter}.fold({init}, {fold})"), Ty::Float, 10)
            } else {
                Code::new(format!("{iter}.{m}().unwrap()"), elem, 10)
            }
        }
        Builtin::Sum => {
            let elem = first.ty.elem();
            let t = if elem == Ty::Float { "f64" } else { "i64" };
            let iter = if first.range {
                first.wrap(10)
            } else {
                format!("{}.iter()", first.wrap(10))
            };
            Code::new(
                format!("{iter}.sum::<{t}>()"),
                if elem == Ty::Float {
                    Ty::Float
                } else {
                    Ty::Int
                },
                10,
            )
        }
    }
}

/// rustfmt's "version sort" for names in a `use` list, enough for
/// identifiers: uppercase (types) before lowercase (functions).
fn version_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.cmp(b)
}

/// The drop guard used for `try`'s cleanup.
const ON_DROP: &[&str] = &[
    "/// Runs a closure when dropped, unless disarmed: Tokio cancels a task by",
    "/// dropping its future, so cleanup that must run on cancellation lives in `Drop`.",
    "struct OnDrop<F: FnOnce()>(Option<F>);",
    "",
    "impl<F: FnOnce()> OnDrop<F> {",
    "    fn new(f: F) -> Self {",
    "        OnDrop(Some(f))",
    "    }",
    "",
    "    fn disarm(mut self) {",
    "        self.0 = None;",
    "    }",
    "}",
    "",
    "impl<F: FnOnce()> Drop for OnDrop<F> {",
    "    fn drop(&mut self) {",
    "        if let Some(f) = self.0.take() {",
    "            f();",
    "        }",
    "    }",
    "}",
];

/// The calls a statement makes itself (not those of nested blocks).
/// The `receive` statement's helper: asyncio's
/// `(await reader.readline()).decode().strip()`.
const RECEIVE: &[&str] = &[
    "/// Reads one line, without its line break: `\"\"` at the end of the stream.",
    "async fn receive(conn: &mut BufReader<TcpStream>) -> String {",
    "    let mut line = String::new();",
    "    conn.read_line(&mut line).await.unwrap();",
    "    line.trim().to_string()",
    "}",
];

fn stmt_calls(s: &Stmt) -> Vec<&Call> {
    match &s.kind {
        StmtKind::Await { call, .. }
        | StmtKind::Make { call, .. }
        | StmtKind::Spawn { call, .. }
        | StmtKind::WaitFor { call, .. } => vec![call],
        StmtKind::AsyncFor { source, .. }
        | StmtKind::AsyncWith { source, .. }
        | StmtKind::Collect { source, .. } => vec![source],
        StmtKind::Gather { calls, .. } | StmtKind::AsCompleted { calls, .. } => match calls {
            Calls::List(list) => list.iter().collect(),
            Calls::Each { call, .. } => vec![call],
        },
        _ => Vec::new(),
    }
}

/// Futures (and the parameters they are passed to) awaited in more than one
/// place: a oneshot receiver has one owner, so these become `Shared`.
fn shared_futures(demo: &Demo, types: &Types) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        let mut futures = Vec::new();
        crate::render::plan::ir::ast::walk(&f.body, &mut |s| {
            if let StmtKind::Future { name } = &s.kind {
                futures.push(name.clone());
            }
        });
        for fut in futures {
            let mut uses = 0;
            let mut params = Vec::new();
            crate::render::plan::ir::ast::walk(&f.body, &mut |s| {
                if let StmtKind::Join { target, .. } = &s.kind
                    && *target == fut
                {
                    uses += 1;
                }
                for call in stmt_calls(s) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (arg, p) in call.args.iter().zip(&callee.params) {
                        if matches!(&arg.kind, ExprKind::Var(n) if *n == fut)
                            && !types.senders.contains(&(call.name.clone(), p.clone()))
                        {
                            uses += 1;
                            params.push((call.name.clone(), p.clone()));
                        }
                    }
                }
            });
            if uses > 1 {
                out.insert((f.name.clone(), fut));
                out.extend(params);
            }
        }
    }
    out
}

/// Every expression of a statement (not of nested blocks), with whether
/// it stands where a duration is expected.
fn stmt_exprs(s: &Stmt) -> Vec<(&Expr, bool)> {
    let mut out: Vec<(&Expr, bool)> = Vec::new();
    match &s.kind {
        StmtKind::Print(t) => {
            for part in &t.parts {
                if let Part::Hole(e) = part {
                    // A hole that is just the name prints the same for u64.
                    out.push((e, matches!(e.kind, ExprKind::Var(_))));
                }
            }
        }
        StmtKind::Sleep(e) | StmtKind::Block(e) | StmtKind::Compute(e) => out.push((e, true)),
        StmtKind::WaitFor { timeout, .. } => out.push((timeout, true)),
        StmtKind::Return(Some(e)) | StmtKind::Yield(e) => out.push((e, false)),
        StmtKind::Collect { value, filter, .. } => {
            out.extend(value.iter().chain(filter.iter()).map(|e| (e, false)));
        }
        StmtKind::For { over, .. } => out.push((over, false)),
        StmtKind::While { cond, .. } | StmtKind::If { cond, .. } => out.push((cond, false)),
        StmtKind::Set { value, .. }
        | StmtKind::Resolve { value, .. }
        | StmtKind::Send { value, .. } => out.push((value, false)),
        StmtKind::Gather {
            calls: Calls::Each { over, .. },
            ..
        }
        | StmtKind::AsCompleted {
            calls: Calls::Each { over, .. },
            ..
        } => out.push((over, false)),
        _ => {}
    }
    for call in stmt_calls(s) {
        out.extend(call.args.iter().map(|a| (a, false)));
    }
    out
}

/// Integer parameters used only as whole seconds (and printed), given only
/// non-negative integer literals: they can be `u64`, as `Duration` wants.
fn seconds_params(demo: &Demo) -> HashSet<(String, String)> {
    let mut candidates: HashSet<(String, String)> = HashSet::new();
    for f in &demo.functions {
        if !matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Generator) {
            continue;
        }
        for p in &f.params {
            let (mut total, mut as_duration, mut other_ok) = (0, 0, 0);
            let mut assigned = false;
            crate::render::plan::ir::ast::walk(&f.body, &mut |s| {
                if let StmtKind::Set { var, .. } = &s.kind {
                    assigned |= var == p;
                }
                let duration_stmt = matches!(
                    s.kind,
                    StmtKind::Sleep(_)
                        | StmtKind::Block(_)
                        | StmtKind::Compute(_)
                        | StmtKind::WaitFor { .. }
                );
                for (e, allowed) in stmt_exprs(s) {
                    let mut vars = Vec::new();
                    e.variables(&mut vars);
                    total += vars.iter().filter(|(v, _)| v == p).count();
                    if allowed && matches!(&e.kind, ExprKind::Var(v) if v == p) {
                        if duration_stmt {
                            as_duration += 1;
                        } else {
                            other_ok += 1;
                        }
                    }
                }
            });
            if !assigned && as_duration > 0 && total == as_duration + other_ok {
                candidates.insert((f.name.clone(), p.clone()));
            }
        }
    }
    // Every call must pass a literal whole number of seconds.
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            crate::render::plan::ir::ast::walk(block, &mut |s| {
                for call in stmt_calls(s) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (i, p) in callee.params.iter().enumerate() {
                        let literal = matches!(
                            call.args.get(i).map(|a| &a.kind),
                            Some(ExprKind::Lit(Value::Int(n))) if *n >= 0
                        );
                        if !literal {
                            candidates.remove(&(call.name.clone(), p.clone()));
                        }
                    }
                }
            });
        }
    }
    candidates
}

/// Splits `a.b(x).c()` into `a` and its method calls `.b(x)`, `.c()`, at
/// the dots outside brackets and strings.
fn split_chain(text: &str) -> (String, Vec<String>) {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    let mut in_str = false;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => depth -= 1,
            '.' if !in_str
                && depth == 0
                && !prev.is_ascii_digit()
                && prev != '.'
                && chars.peek().is_some_and(|n| n.is_alphabetic() || *n == '_') =>
            {
                parts.push(String::new());
            }
            _ => {}
        }
        parts.last_mut().expect("never empty").push(c);
        prev = c;
    }
    let base = parts.remove(0);
    (base, parts)
}

/// The operands of a chain of string `+`, in order.
fn str_leaves<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Binary(BinaryOp::Add, a, b) => {
            str_leaves(a, out);
            str_leaves(b, out);
        }
        _ => out.push(e),
    }
}
