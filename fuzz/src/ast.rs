//! Python programs built from structured input: an [`Arbitrary`] tree of
//! statements and expressions from the supported subset (async functions,
//! `await`, tasks, `gather`, `wait_for`, task groups, generators, classes,
//! `try`/`except`), printed as source that parses. Byte mutations rarely
//! get past the parser; these programs reach the lowering and the engine.
//!
//! The printer keeps the program well formed where the tree alone cannot:
//! `await` only inside `async def`, `break`/`continue` only in a loop,
//! `return` only in a function, calls with the callee's own arity, and a
//! nesting depth of at most [`MAX_DEPTH`].

use arbitrary::Arbitrary;
use std::fmt::Write;

/// Deeper expressions and blocks are cut to a leaf.
pub const MAX_DEPTH: usize = 8;

const VARS: [&str; 4] = ["a", "b", "c", "d"];
const FUNCS: usize = 4;

/// A whole program: helper functions, a class, and `main`'s body, run by
/// `asyncio.run(main())`.
#[derive(Arbitrary, Debug)]
pub struct Module {
    funcs: [Func; FUNCS],
    class_methods: Vec<Method>,
    main: Vec<Stmt>,
}

#[derive(Arbitrary, Debug)]
struct Func {
    is_async: bool,
    /// 0, 1 or 2 parameters (taken modulo 3).
    arity: u8,
    body: Vec<Stmt>,
}

#[derive(Arbitrary, Debug)]
struct Method {
    kind: MethodKind,
    body: Vec<Stmt>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum MethodKind {
    Str,
    Len,
    Aenter,
    Aexit,
    Iter,
    Anext,
    Plain,
    AsyncPlain,
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Assign(u8, Expr),
    AugAssign(u8, BinOp, Expr),
    Unpack(u8, u8, Expr),
    SetItem(Expr, Expr, Expr),
    SetAttr(u8, Expr),
    Print(Vec<Expr>),
    Expr(Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    For(u8, Expr, Vec<Stmt>),
    AsyncFor(u8, Expr, Vec<Stmt>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<(Exc, bool, Vec<Stmt>)>,
        star: bool,
        orelse: Vec<Stmt>,
        finally: Vec<Stmt>,
    },
    Raise(Exc, Expr),
    ReRaise,
    Return(Option<Expr>),
    Yield(Expr),
    Break,
    Continue,
    Pass,
    Assert(Expr),
    Del(u8),
    Global(u8),
    TaskGroup(Vec<Call>, Vec<Stmt>),
    AsyncWithObj(Vec<Stmt>),
    TimeSleep(u8),
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Int(i64),
    BigInt(u8),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Bool(bool),
    None,
    Var(u8),
    Param(u8),
    Attr(u8),
    Bin(Box<Expr>, BinOp, Box<Expr>),
    Cmp(Box<Expr>, CmpOp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<i8>, Option<i8>, Option<i8>),
    Builtin(Builtin, Vec<Expr>),
    Method(Box<Expr>, StrMethod, Vec<Expr>),
    FString(Vec<FPart>),
    Lambda(Box<Expr>),
    ListComp(Box<Expr>, Box<Expr>, Option<Box<Expr>>),
    GenExp(Box<Expr>, Box<Expr>),
    Walrus(u8, Box<Expr>),
    Call(Call),
    Await(Call),
    Sleep(Box<Expr>),
    CreateTask(Call),
    Gather(Vec<Call>),
    WaitFor(Call, Box<Expr>),
    AsCompleted(Vec<Call>),
    Future,
    CurrentTask,
    LoopTime,
    Executor(u8, Box<Expr>),
    New(Box<Expr>),
}

#[derive(Arbitrary, Debug)]
struct Call {
    func: u8,
    args: Vec<Expr>,
}

#[derive(Arbitrary, Debug)]
enum FPart {
    Text(String),
    Value(Expr, Conv, FormatSpec),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Conv {
    None,
    Repr,
    Str,
    Ascii,
    Debug,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum FormatSpec {
    None,
    Width(u8),
    Fixed(u8),
    Hex,
    Comma,
    Center(u8),
    Percent,
    Exp,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Builtin {
    Len,
    Str,
    Repr,
    Int,
    Float,
    Bool,
    List,
    Tuple,
    Dict,
    Set,
    Sorted,
    Reversed,
    Min,
    Max,
    Sum,
    Abs,
    Round,
    Range,
    Enumerate,
    Zip,
    Any,
    All,
    Isinstance,
    Chr,
    Ord,
    Hex,
    Divmod,
    Pow,
    Iter,
    Next,
    Type,
    Format,
    Map,
    Filter,
    Frozenset,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum StrMethod {
    Upper,
    Split,
    Join,
    Replace,
    Append,
    Pop,
    Get,
    Keys,
    Items,
    Insert,
    Find,
    Strip,
    Count,
    Index,
    Startswith,
    Format,
    Result,
    Cancel,
    Done,
    SetResult,
    GetName,
    Update,
    Add,
    Sort,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Exc {
    Exception,
    ValueError,
    TypeError,
    KeyError,
    RuntimeError,
    ZeroDivisionError,
    CancelledError,
    TimeoutError,
    StopIteration,
    Own,
}

/// Where the printer is: what the surrounding code allows.
#[derive(Clone, Copy)]
struct Ctx {
    depth: usize,
    in_async: bool,
    in_func: bool,
    in_loop: bool,
    /// Parameters of the function being printed.
    params: usize,
}

struct Printer<'m> {
    out: String,
    module: &'m Module,
}

impl Module {
    /// The program's source text.
    pub fn to_source(&self) -> String {
        let mut p = Printer {
            out: String::from("import asyncio\nimport time\n\n"),
            module: self,
        };
        p.out.push_str("a = 0\nb = 1\nc = 'x'\nd = [1, 2]\n\n");
        p.class();
        for (i, f) in self.funcs.iter().enumerate() {
            let arity = usize::from(f.arity % 3);
            let params: Vec<String> = (0..arity).map(|k| format!("p{k}")).collect();
            let kw = if f.is_async { "async def" } else { "def" };
            let _ = writeln!(p.out, "{kw} f{i}({}):", params.join(", "));
            let ctx = Ctx {
                depth: 1,
                in_async: f.is_async,
                in_func: true,
                in_loop: false,
                params: arity,
            };
            p.block(&f.body, ctx);
            p.out.push('\n');
        }
        p.out.push_str("async def main():\n");
        let ctx = Ctx {
            depth: 1,
            in_async: true,
            in_func: true,
            in_loop: false,
            params: 0,
        };
        p.block(&self.main, ctx);
        p.out.push_str("\nasyncio.run(main())\n");
        p.out
    }
}

impl Printer<'_> {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("    ");
        }
    }

    fn class(&mut self) {
        self.out.push_str("class Own(Exception):\n    pass\n\n");
        self.out
            .push_str("class Thing:\n    def __init__(self, v=0):\n        self.v = v\n");
        for m in &self.module.class_methods {
            let (head, is_async) = match m.kind {
                MethodKind::Str => ("def __str__(self):", false),
                MethodKind::Len => ("def __len__(self):", false),
                MethodKind::Aenter => ("async def __aenter__(self):", true),
                MethodKind::Aexit => ("async def __aexit__(self, t, e, tb):", true),
                MethodKind::Iter => ("def __iter__(self):", false),
                MethodKind::Anext => ("async def __anext__(self):", true),
                MethodKind::Plain => ("def m(self, p0=1):", false),
                MethodKind::AsyncPlain => ("async def am(self, p0=1):", true),
            };
            let _ = writeln!(self.out, "    {head}");
            let ctx = Ctx {
                depth: 2,
                in_async: is_async,
                in_func: true,
                in_loop: false,
                params: 1,
            };
            self.block(&m.body, ctx);
        }
        self.out.push('\n');
    }

    fn block(&mut self, stmts: &[Stmt], ctx: Ctx) {
        if stmts.is_empty() || ctx.depth > MAX_DEPTH {
            self.indent(ctx.depth);
            self.out.push_str("pass\n");
            return;
        }
        for s in stmts {
            self.stmt(s, ctx);
        }
    }

    fn stmt(&mut self, s: &Stmt, ctx: Ctx) {
        let inner = Ctx {
            depth: ctx.depth + 1,
            ..ctx
        };
        let looped = Ctx {
            in_loop: true,
            ..inner
        };
        self.indent(ctx.depth);
        match s {
            Stmt::Assign(v, e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "{} = {e}", var(*v));
            }
            Stmt::AugAssign(v, op, e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "{} {}= {e}", var(*v), op.text());
            }
            Stmt::Unpack(x, y, e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "{}, *{} = {e}", var(*x), var(*y));
            }
            Stmt::SetItem(t, k, v) => {
                let (t, k, v) = (
                    self.expr(t, ctx, 0),
                    self.expr(k, ctx, 0),
                    self.expr(v, ctx, 0),
                );
                let _ = writeln!(self.out, "({t})[{k}] = {v}");
            }
            Stmt::SetAttr(v, e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "{}.v = {e}", var(*v));
            }
            Stmt::Print(args) => {
                let args = self.list(args, ctx, 0);
                let _ = writeln!(self.out, "print({args})");
            }
            Stmt::Expr(e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "{e}");
            }
            Stmt::If(c, then, orelse) => {
                let c = self.expr(c, ctx, 0);
                let _ = writeln!(self.out, "if {c}:");
                self.block(then, inner);
                if !orelse.is_empty() {
                    self.indent(ctx.depth);
                    self.out.push_str("else:\n");
                    self.block(orelse, inner);
                }
            }
            Stmt::While(c, body) => {
                let c = self.expr(c, ctx, 0);
                let _ = writeln!(self.out, "while {c}:");
                self.block(body, looped);
            }
            Stmt::For(v, it, body) => {
                let it = self.expr(it, ctx, 0);
                let _ = writeln!(self.out, "for {} in {it}:", var(*v));
                self.block(body, looped);
            }
            Stmt::AsyncFor(v, it, body) => {
                let it = self.expr(it, ctx, 0);
                let kw = if ctx.in_async { "async for" } else { "for" };
                let _ = writeln!(self.out, "{kw} {} in {it}:", var(*v));
                self.block(body, looped);
            }
            Stmt::Try {
                body,
                handlers,
                star,
                orelse,
                finally,
            } => {
                self.out.push_str("try:\n");
                self.block(body, inner);
                // `except*` blocks may not hold break, continue or return.
                let handler = if *star {
                    Ctx {
                        in_loop: false,
                        in_func: false,
                        ..inner
                    }
                } else {
                    inner
                };
                for (exc, named, h) in handlers {
                    self.indent(ctx.depth);
                    let kw = if *star { "except*" } else { "except" };
                    let name = if *named { " as e" } else { "" };
                    let _ = writeln!(self.out, "{kw} {}{name}:", exc.text());
                    self.block(h, handler);
                }
                if handlers.is_empty() && finally.is_empty() {
                    self.indent(ctx.depth);
                    self.out.push_str("finally:\n");
                    self.block(&[], inner);
                } else {
                    if !handlers.is_empty() && !orelse.is_empty() {
                        self.indent(ctx.depth);
                        self.out.push_str("else:\n");
                        self.block(orelse, inner);
                    }
                    if !finally.is_empty() {
                        self.indent(ctx.depth);
                        self.out.push_str("finally:\n");
                        self.block(finally, inner);
                    }
                }
            }
            Stmt::Raise(exc, e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "raise {}({e})", exc.text());
            }
            Stmt::ReRaise => self.out.push_str("raise\n"),
            Stmt::Return(e) if ctx.in_func => match e {
                Some(e) => {
                    let e = self.expr(e, ctx, 0);
                    let _ = writeln!(self.out, "return {e}");
                }
                None => self.out.push_str("return\n"),
            },
            Stmt::Yield(e) if ctx.in_func => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "yield {e}");
            }
            Stmt::Break if ctx.in_loop => self.out.push_str("break\n"),
            Stmt::Continue if ctx.in_loop => self.out.push_str("continue\n"),
            Stmt::Assert(e) => {
                let e = self.expr(e, ctx, 0);
                let _ = writeln!(self.out, "assert {e}");
            }
            Stmt::Del(v) => {
                let _ = writeln!(self.out, "del {}", var(*v));
            }
            Stmt::Global(v) if ctx.in_func => {
                let _ = writeln!(self.out, "global {}", var(*v));
            }
            Stmt::TaskGroup(calls, body) if ctx.in_async => {
                self.out.push_str("async with asyncio.TaskGroup() as tg:\n");
                for call in calls {
                    let call = self.call(call, ctx, 0);
                    self.indent(ctx.depth + 1);
                    let _ = writeln!(self.out, "tg.create_task({call})");
                }
                self.block(body, inner);
            }
            Stmt::AsyncWithObj(body) if ctx.in_async => {
                self.out.push_str("async with Thing() as t:\n");
                self.block(body, inner);
            }
            Stmt::TimeSleep(n) => {
                let _ = writeln!(self.out, "time.sleep({})", f64::from(*n % 8) / 4.0);
            }
            Stmt::Return(_)
            | Stmt::Yield(_)
            | Stmt::Break
            | Stmt::Continue
            | Stmt::Global(_)
            | Stmt::TaskGroup(..)
            | Stmt::AsyncWithObj(_)
            | Stmt::Pass => self.out.push_str("pass\n"),
        }
    }

    fn list(&self, items: &[Expr], ctx: Ctx, depth: usize) -> String {
        items
            .iter()
            .map(|e| self.expr(e, ctx, depth + 1))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A call of one of the module's functions, with its own arity.
    fn call(&self, call: &Call, ctx: Ctx, depth: usize) -> String {
        let i = usize::from(call.func) % FUNCS;
        let arity = usize::from(self.module.funcs[i].arity % 3);
        let args: Vec<String> = (0..arity)
            .map(|k| match call.args.get(k) {
                Some(e) => self.expr(e, ctx, depth + 1),
                None => k.to_string(),
            })
            .collect();
        format!("f{i}({})", args.join(", "))
    }

    fn calls(&self, calls: &[Call], ctx: Ctx, depth: usize) -> String {
        calls
            .iter()
            .map(|c| self.call(c, ctx, depth + 1))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `await X` where awaiting is allowed, else `X`.
    fn awaited(&self, what: String, ctx: Ctx) -> String {
        if ctx.in_async {
            format!("(await {what})")
        } else {
            what
        }
    }

    fn expr(&self, e: &Expr, ctx: Ctx, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "1".into();
        }
        let d = depth + 1;
        let sub = |e: &Expr| self.expr(e, ctx, d);
        match e {
            Expr::Int(n) => format!("({n})"),
            Expr::BigInt(n) => format!("(2 ** {})", u32::from(*n) * 4),
            Expr::Float(f) if f.is_finite() => format!("({f:?})"),
            Expr::Float(f) if f.is_nan() => "float('nan')".into(),
            Expr::Float(f) => format!("float('{}inf')", if *f < 0.0 { "-" } else { "" }),
            Expr::Str(s) => py_str(s),
            Expr::Bytes(b) => py_bytes(b),
            Expr::Bool(b) => if *b { "True" } else { "False" }.into(),
            Expr::None => "None".into(),
            Expr::Var(v) => var(*v).into(),
            Expr::Param(k) if ctx.params > 0 => format!("p{}", usize::from(*k) % ctx.params),
            Expr::Param(_) => "a".into(),
            Expr::Attr(v) => format!("{}.v", var(*v)),
            Expr::Bin(l, op, r) => format!("({} {} {})", sub(l), op.text(), sub(r)),
            Expr::Cmp(l, op, r) => format!("({} {} {})", sub(l), op.text(), sub(r)),
            Expr::And(l, r) => format!("({} and {})", sub(l), sub(r)),
            Expr::Or(l, r) => format!("({} or {})", sub(l), sub(r)),
            Expr::Not(x) => format!("(not {})", sub(x)),
            Expr::Neg(x) => format!("(-{})", sub(x)),
            Expr::IfElse(a, c, b) => format!("({} if {} else {})", sub(a), sub(c), sub(b)),
            Expr::List(xs) => format!("[{}]", self.list(xs, ctx, d)),
            Expr::Tuple(xs) if xs.is_empty() => "()".into(),
            Expr::Tuple(xs) => format!("({},)", self.list(xs, ctx, d)),
            Expr::Set(xs) if xs.is_empty() => "set()".into(),
            Expr::Set(xs) => format!("{{{}}}", self.list(xs, ctx, d)),
            Expr::Dict(kv) => {
                let items: Vec<String> = kv
                    .iter()
                    .map(|(k, v)| format!("{}: {}", sub(k), sub(v)))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            Expr::Index(x, i) => format!("{}[{}]", sub(x), sub(i)),
            Expr::Slice(x, a, b, s) => {
                let show = |n: &Option<i8>| n.map(|n| n.to_string()).unwrap_or_default();
                let step = match s {
                    Some(0) | None => String::new(),
                    Some(s) => format!(":{s}"),
                };
                format!("{}[{}:{}{step}]", sub(x), show(a), show(b))
            }
            Expr::Builtin(b, args) => format!("{}({})", b.name(), self.list(args, ctx, d)),
            Expr::Method(x, m, args) => {
                format!("{}.{}({})", sub(x), m.name(), self.list(args, ctx, d))
            }
            Expr::FString(parts) => {
                let mut s = String::from("f'");
                for part in parts {
                    match part {
                        FPart::Text(t) => s.push_str(&fstring_text(t)),
                        FPart::Value(e, conv, spec) => {
                            // Quotes inside the braces are the other kind
                            // (3.11 has no nested same-quote f-strings).
                            let inner = sub(e).replace('\'', "\"");
                            let _ = write!(s, "{{{inner}{}{}}}", conv.text(), spec.text());
                        }
                    }
                }
                s.push('\'');
                s
            }
            Expr::Lambda(body) => {
                let inner = Ctx {
                    in_async: false,
                    params: 1,
                    ..ctx
                };
                format!("(lambda p0: {})", self.expr(body, inner, d))
            }
            Expr::ListComp(x, it, cond) => {
                let cond = cond
                    .as_ref()
                    .map(|c| format!(" if {}", sub(c)))
                    .unwrap_or_default();
                format!("[{} for a in {}{cond}]", sub(x), sub(it))
            }
            Expr::GenExp(x, it) => format!("({} for b in {})", sub(x), sub(it)),
            Expr::Walrus(v, x) => format!("({} := {})", var(*v), sub(x)),
            Expr::Call(c) => self.call(c, ctx, d),
            Expr::Await(c) => self.awaited(self.call(c, ctx, d), ctx),
            Expr::Sleep(x) => self.awaited(format!("asyncio.sleep({})", sub(x)), ctx),
            Expr::CreateTask(c) => format!("asyncio.create_task({})", self.call(c, ctx, d)),
            Expr::Gather(cs) => {
                self.awaited(format!("asyncio.gather({})", self.calls(cs, ctx, d)), ctx)
            }
            Expr::WaitFor(c, t) => self.awaited(
                format!(
                    "asyncio.wait_for({}, timeout={})",
                    self.call(c, ctx, d),
                    sub(t)
                ),
                ctx,
            ),
            Expr::AsCompleted(cs) => {
                format!(
                    "[x for x in asyncio.as_completed([{}])]",
                    self.calls(cs, ctx, d)
                )
            }
            Expr::Future => "asyncio.get_running_loop().create_future()".into(),
            Expr::CurrentTask => "asyncio.current_task()".into(),
            Expr::LoopTime => "asyncio.get_running_loop().time()".into(),
            Expr::Executor(f, x) => {
                let i = usize::from(*f) % FUNCS;
                let what = format!("asyncio.to_thread(f{i}, {})", sub(x));
                self.awaited(what, ctx)
            }
            Expr::New(x) => format!("Thing({})", sub(x)),
        }
    }
}

fn var(v: u8) -> &'static str {
    VARS[usize::from(v) % VARS.len()]
}

/// A Python string literal for any text.
fn py_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars().take(40) {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            ' '..='~' => out.push(c),
            _ => {
                let _ = write!(out, "\\U{:08x}", u32::from(c));
            }
        }
    }
    out.push('\'');
    out
}

/// The literal text of an f-string: escaped as [`py_str`], braces doubled.
fn fstring_text(s: &str) -> String {
    let lit = py_str(s);
    lit[1..lit.len() - 1].replace('{', "{{").replace('}', "}}")
}

fn py_bytes(b: &[u8]) -> String {
    let mut out = String::from("b'");
    for &byte in b.iter().take(40) {
        let _ = write!(out, "\\x{byte:02x}");
    }
    out.push('\'');
    out
}

impl BinOp {
    fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
        }
    }
}

impl CmpOp {
    fn text(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

impl Conv {
    fn text(self) -> &'static str {
        match self {
            Conv::None => "",
            Conv::Repr => "!r",
            Conv::Str => "!s",
            Conv::Ascii => "!a",
            Conv::Debug => "=",
        }
    }
}

impl FormatSpec {
    fn text(self) -> String {
        match self {
            FormatSpec::None => String::new(),
            FormatSpec::Width(w) => format!(":>{}", w % 20),
            FormatSpec::Fixed(p) => format!(":.{}f", p % 10),
            FormatSpec::Hex => ":#x".into(),
            FormatSpec::Comma => ":,".into(),
            FormatSpec::Center(w) => format!(":*^{}", w % 20),
            FormatSpec::Percent => ":.1%".into(),
            FormatSpec::Exp => ":e".into(),
        }
    }
}

impl Builtin {
    fn name(self) -> &'static str {
        match self {
            Builtin::Len => "len",
            Builtin::Str => "str",
            Builtin::Repr => "repr",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Bool => "bool",
            Builtin::List => "list",
            Builtin::Tuple => "tuple",
            Builtin::Dict => "dict",
            Builtin::Set => "set",
            Builtin::Sorted => "sorted",
            Builtin::Reversed => "reversed",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Sum => "sum",
            Builtin::Abs => "abs",
            Builtin::Round => "round",
            Builtin::Range => "range",
            Builtin::Enumerate => "enumerate",
            Builtin::Zip => "zip",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::Isinstance => "isinstance",
            Builtin::Chr => "chr",
            Builtin::Ord => "ord",
            Builtin::Hex => "hex",
            Builtin::Divmod => "divmod",
            Builtin::Pow => "pow",
            Builtin::Iter => "iter",
            Builtin::Next => "next",
            Builtin::Type => "type",
            Builtin::Format => "format",
            Builtin::Map => "map",
            Builtin::Filter => "filter",
            Builtin::Frozenset => "frozenset",
        }
    }
}

impl StrMethod {
    fn name(self) -> &'static str {
        match self {
            StrMethod::Upper => "upper",
            StrMethod::Split => "split",
            StrMethod::Join => "join",
            StrMethod::Replace => "replace",
            StrMethod::Append => "append",
            StrMethod::Pop => "pop",
            StrMethod::Get => "get",
            StrMethod::Keys => "keys",
            StrMethod::Items => "items",
            StrMethod::Insert => "insert",
            StrMethod::Find => "find",
            StrMethod::Strip => "strip",
            StrMethod::Count => "count",
            StrMethod::Index => "index",
            StrMethod::Startswith => "startswith",
            StrMethod::Format => "format",
            StrMethod::Result => "result",
            StrMethod::Cancel => "cancel",
            StrMethod::Done => "done",
            StrMethod::SetResult => "set_result",
            StrMethod::GetName => "get_name",
            StrMethod::Update => "update",
            StrMethod::Add => "add",
            StrMethod::Sort => "sort",
        }
    }
}

impl Exc {
    fn text(self) -> &'static str {
        match self {
            Exc::Exception => "Exception",
            Exc::ValueError => "ValueError",
            Exc::TypeError => "TypeError",
            Exc::KeyError => "KeyError",
            Exc::RuntimeError => "RuntimeError",
            Exc::ZeroDivisionError => "ZeroDivisionError",
            Exc::CancelledError => "asyncio.CancelledError",
            Exc::TimeoutError => "TimeoutError",
            Exc::StopIteration => "StopIteration",
            Exc::Own => "Own",
        }
    }
}
