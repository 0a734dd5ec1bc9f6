//! Expressions of the translation plan: literals, variables, arithmetic,
//! comparisons, `and`/`or`/`not`, lists and a few built-in calls, with
//! Python's precedence. Text with `{expr}` holes is a [`Template`].

pub use super::template::{Part, PySpec, Spec, Template};
use super::value::Value;
use std::ops::Range;

/// An expression, with its byte range inside the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Lit(Value),
    Var(String),
    List(Vec<Expr>),
    /// `(a, b)`: a Rust tuple.
    Tuple(Vec<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// A built-in function: `range`, `len`, `str`, `int`, `float`, `abs`,
    /// `min`, `max`, `sum`, `repr`, `round`, `sorted`, `list`.
    Call(Builtin, Vec<Expr>),
    /// Text with holes, as a Python f-string.
    Template(Template),
    /// `[value for var in over if filter]` (a generator expression too):
    /// a `Vec`; `var` may be a tuple pattern, `(a, b)`.
    Comp {
        value: Box<Expr>,
        var: String,
        over: Box<Expr>,
        filter: Option<Box<Expr>>,
    },
    /// `a if cond else b`: cond, a, b.
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `await f(...)` of a coroutine of the program, inside an expression,
    /// or `f(...)` of a plain function of the program.
    Await(super::ast::Call),
    /// `task.done()` of a task kept in a variable.
    Done(String),
    /// `task.cancelled()` of a task kept in a variable.
    Cancelled(String),
    /// `await x` of a task, future or coroutine kept in a variable, inside
    /// an expression.
    Join(String),
    /// `await xs[i]` or (`true`) `xs[i].result()` of a task of a list kept
    /// in a variable: the output of the task the index (a
    /// [`Builtin::Index`] of the list) picks.
    ItemOutput(Box<Expr>, bool),
    /// `asyncio.create_task(f(...))` as a value: a `JoinHandle`.
    Spawn(super::ast::Call),
    /// `loop.run_in_executor(pool, f, *args)` as a value, of a plain
    /// function `f`: a `JoinHandle` (`pool` is `None` for the default
    /// executor).
    Job(super::ast::Call, Option<String>),
    /// `pool.map(f, xs)` of a plain function `f` and a pool of a `with`:
    /// its jobs, a [`ExprKind::Comp`] of one [`ExprKind::Job`] an item (the
    /// items of several iterables zipped), read in order; and its
    /// `timeout=` in seconds, from the call.
    MapJobs(Box<Expr>, Option<Box<Expr>>),
    /// `f(...)` of a coroutine of the program, not awaited: a future.
    Coro(super::ast::Call),
    /// `g = f(...)` of an async generator of the program, read by hand
    /// (see `plan::kept_stream`): its stream, pinned.
    Stream(super::ast::Call),
    /// `await anext(g)` of such a stream: its next item (the stream's
    /// variable, and its generator).
    NextItem(String, String),
    /// `asyncio.sleep(delay, result=value)` not awaited (the item of a
    /// list gathered): a future that sleeps, then gives `value`.
    Slept(Box<Expr>, Box<Expr>),
    /// `await asyncio.gather(*xs)` of a list of tasks or coroutines, or
    /// `await asyncio.gather(f(a), f(b))` of one coroutine (a list of
    /// [`ExprKind::Coro`]): their results in order.
    GatherAll(Box<Expr>),
    /// `await asyncio.gather(f(a), f(b), return_exceptions=True)` of a
    /// coroutine that can raise (a list of [`ExprKind::Coro`]): each
    /// child's result or exception, in order.
    Outcomes(Box<Expr>),
    /// `[value for a in xs for b in ys]`: the items of the lists an outer
    /// [`ExprKind::Comp`] gives (its value the inner comprehension), in order.
    Flat(Box<Expr>),
    /// A method of a task kept in a variable that gives a value:
    /// `task.result()`, `task.cancel()`.
    Task(TaskOp, String),
    /// `sync.locked()` of a semaphore or lock.
    Locked(String),
    /// A method of a string or list: `s.upper()`, `xs.append(x)`.
    StrMethod(StrMethod, Box<Expr>, Vec<Expr>),
    /// `loop.time()`: seconds on the event loop's clock.
    Now,
    /// A method of an event or a queue that gives a value, without
    /// arguments: `event.is_set()`, `await queue.get()`, `queue.qsize()`.
    Prim(String, super::primitive::PrimOp),
    /// An object of a plain class of the program: `Class(args)`.
    New(super::ast::Call),
    /// `obj.field` of an object of a plain class, read outside its class.
    Field(Box<Expr>, String),
    /// `obj.m(args)` of a method of a plain class (`call.name` is
    /// `Class.m`), awaited when `m` is `async`.
    Method(Box<Expr>, super::ast::Call),
    /// `Color.RED`: a member of an enum of the program (class, member).
    Member(String, String),
    /// `Color` iterated: the enum's members in order.
    Members(String),
    /// A function of one parameter given as a value, as the `key=` of
    /// `sorted`, `min`, `max` and `list.sort`: a Rust closure.
    Lambda(Box<Lambda>),
    /// A function of the program named as a value, given to a parameter
    /// that is only called (see `plan::fn_values`): `square`.
    Function(String),
    /// `f(args)` (or `await f(args)`) of such a parameter `f`
    /// (`call.name`), and the functions the calls of its function pass
    /// there, which share one signature: the call of an `impl Fn` (or
    /// `impl AsyncFn`) parameter.
    CallParam(super::ast::Call, Vec<String>),
    /// A dict display of lambdas that capture nothing (see
    /// `plan::fn_dicts`): a dict of `fn` pointers.
    FnDict(Vec<FnItem>),
    /// `d[k](args)` of such a dict: the item (a [`Builtin::Index`] of the
    /// dict), the arguments, and the parameters of each lambda the dict
    /// holds, which take the arguments' types.
    CallItem(Box<Expr>, Vec<Expr>, Vec<Vec<String>>),
    /// `KeyError("k")`: a built-in exception made as a value (its class
    /// and its argument), which a `raise` of its variable raises (see
    /// `plan::exc_values`).
    Exception(String, Option<Box<Expr>>),
    /// `group.exceptions` of an exception group read from a caught one
    /// (see `plan::group_parts`): its exceptions, borrowed.
    GroupParts(Box<Expr>),
}

/// The call each job of a [`ExprKind::MapJobs`] makes.
pub fn map_call(jobs: &Expr) -> Option<&super::ast::Call> {
    match &jobs.kind {
        ExprKind::Comp { value, .. } => match &value.kind {
            ExprKind::Job(call, _) => Some(call),
            _ => None,
        },
        _ => None,
    }
}

/// `lambda var: body` (or `key=len`, `key=d.get`, written that way).
#[derive(Clone, Debug, PartialEq)]
pub struct Lambda {
    pub var: String,
    pub body: Expr,
}

/// One item of an [`ExprKind::FnDict`]: `key: lambda params: body`.
#[derive(Clone, Debug, PartialEq)]
pub struct FnItem {
    pub key: Expr,
    pub params: Vec<String>,
    pub body: Expr,
}

/// The methods of a task, inside an expression (see [`ExprKind::Task`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskOp {
    /// `task.result()` of a finished task.
    Result,
    /// `task.result()` of a task that may still run: its output if it has
    /// finished, else asyncio's `InvalidStateError` (see `plan::task_poll`).
    ResultNow,
    /// `task.cancel()`: whether the task was still running.
    Cancel,
    /// `task.get_name()` of a task of a list made without `name=`: the
    /// name asyncio numbers it by, the list's first task having the
    /// number given.
    Name(u32),
    /// `task.get_name()` of a task of a list made with `name=`: the name
    /// it was given.
    GivenName,
    /// `repr(future.exception())` of a future of
    /// `asyncio.run_coroutine_threadsafe`: its exception's `repr`, or `None`.
    ExceptionRepr,
}

/// The methods of `str` and `list` the plan translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrMethod {
    Upper,
    Lower,
    /// `s.strip()` or `s.strip(chars)`.
    Strip,
    /// `s.lstrip()` or `s.lstrip(chars)`.
    LStrip,
    /// `s.rstrip()` or `s.rstrip(chars)`.
    RStrip,
    /// `s.splitlines()`.
    SplitLines,
    StartsWith,
    EndsWith,
    /// `sep.join(items)`.
    Join,
    /// `s.split()` (on runs of whitespace), `s.split(sep)` or
    /// `s.split(sep, maxsplit)`.
    Split,
    Replace,
    Append,
    Extend,
    Insert,
    /// `xs.pop()`, `xs.pop(i)` or `d.pop(k, default)`.
    Pop,
    /// `xs[i] = v` or `d[k] = v`.
    SetItem,
    Items,
    Keys,
    Values,
    /// `d.get(k)` (the value or `None`) or `d.get(k, default)`.
    Get,
    Remove,
    Sort,
    Reverse,
    Clear,
    Copy,
    /// `s.title()`.
    Title,
    /// `s.capitalize()`.
    Capitalize,
    /// `s.zfill(width)`.
    Zfill,
    /// `s.center(width)` or `s.center(width, fill)`.
    Center,
    /// `s.ljust(width)` or `s.ljust(width, fill)`.
    Ljust,
    /// `s.rjust(width)` or `s.rjust(width, fill)`.
    Rjust,
    /// `s.isdigit()`.
    IsDigit,
    /// `s.isalpha()`.
    IsAlpha,
    /// `d.setdefault(k, [])`, changed in place at once (`.append(x)`): the
    /// entry's list, made empty if the key is new; or `d.setdefault(k, v)`:
    /// the key's value, `v` set first if the key is new.
    SetDefault,
    /// `d.update(other)` of a dict.
    Update,
    /// `s.find(sub)` or `s.find(sub, start)`: where, or -1.
    Find,
    /// `s.index(sub)` or `xs.index(x)` (and a start): where, or `ValueError`.
    Index,
    /// `s.count(sub)` or `xs.count(x)`.
    Count,
    /// `s.partition(sep)`: before, separator, after.
    Partition,
    /// `del xs[i]` or `del d[k]`.
    Del,
    /// `s.add(x)` of a set.
    Add,
    /// `s.discard(x)` of a set: `x` taken out if there.
    Discard,
}

impl StrMethod {
    /// Python's name and number of arguments of each.
    pub const ALL: [(&'static str, usize, StrMethod); 52] = [
        ("upper", 0, StrMethod::Upper),
        ("lower", 0, StrMethod::Lower),
        ("strip", 0, StrMethod::Strip),
        ("strip", 1, StrMethod::Strip),
        ("lstrip", 0, StrMethod::LStrip),
        ("lstrip", 1, StrMethod::LStrip),
        ("rstrip", 0, StrMethod::RStrip),
        ("rstrip", 1, StrMethod::RStrip),
        ("splitlines", 0, StrMethod::SplitLines),
        ("startswith", 1, StrMethod::StartsWith),
        ("endswith", 1, StrMethod::EndsWith),
        ("join", 1, StrMethod::Join),
        ("split", 0, StrMethod::Split),
        ("split", 1, StrMethod::Split),
        ("split", 2, StrMethod::Split),
        ("replace", 2, StrMethod::Replace),
        ("replace", 3, StrMethod::Replace),
        ("append", 1, StrMethod::Append),
        ("extend", 1, StrMethod::Extend),
        ("insert", 2, StrMethod::Insert),
        ("pop", 0, StrMethod::Pop),
        ("pop", 1, StrMethod::Pop),
        ("pop", 2, StrMethod::Pop),
        ("setdefault", 2, StrMethod::SetDefault),
        ("update", 1, StrMethod::Update),
        ("remove", 1, StrMethod::Remove),
        ("sort", 0, StrMethod::Sort),
        ("reverse", 0, StrMethod::Reverse),
        ("clear", 0, StrMethod::Clear),
        ("copy", 0, StrMethod::Copy),
        ("items", 0, StrMethod::Items),
        ("keys", 0, StrMethod::Keys),
        ("values", 0, StrMethod::Values),
        ("get", 1, StrMethod::Get),
        ("get", 2, StrMethod::Get),
        ("title", 0, StrMethod::Title),
        ("capitalize", 0, StrMethod::Capitalize),
        ("zfill", 1, StrMethod::Zfill),
        ("center", 1, StrMethod::Center),
        ("center", 2, StrMethod::Center),
        ("ljust", 1, StrMethod::Ljust),
        ("ljust", 2, StrMethod::Ljust),
        ("rjust", 1, StrMethod::Rjust),
        ("rjust", 2, StrMethod::Rjust),
        ("isdigit", 0, StrMethod::IsDigit),
        ("isalpha", 0, StrMethod::IsAlpha),
        ("find", 1, StrMethod::Find),
        ("find", 2, StrMethod::Find),
        ("index", 1, StrMethod::Index),
        ("index", 2, StrMethod::Index),
        ("count", 1, StrMethod::Count),
        ("partition", 1, StrMethod::Partition),
    ];

    /// Whether the method changes the list it is called on.
    pub fn mutates(self) -> bool {
        matches!(
            self,
            StrMethod::Append
                | StrMethod::Extend
                | StrMethod::Insert
                | StrMethod::Pop
                | StrMethod::SetItem
                | StrMethod::Remove
                | StrMethod::Sort
                | StrMethod::Reverse
                | StrMethod::Clear
                | StrMethod::Del
                | StrMethod::Add
                | StrMethod::Discard
                | StrMethod::Update
                | StrMethod::SetDefault
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    /// `a ** b`.
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `x in xs`.
    In,
    NotIn,
    And,
    Or,
}

impl BinaryOp {
    /// Python's spelling.
    pub fn python(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "**",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::In => "in",
            BinaryOp::NotIn => "not in",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
        }
    }

    /// Binding strength, higher binds tighter (Python's order).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge
            | BinaryOp::In
            | BinaryOp::NotIn => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod => 6,
            BinaryOp::Pow => 8,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Range,
    Len,
    Str,
    Int,
    Float,
    Abs,
    Min,
    Max,
    Sum,
    /// `repr(x)`: a string quoted as Python quotes it.
    Repr,
    /// `round(x)` (an int, halves to even) or `round(x, n)`.
    Round,
    /// `sorted(xs)`: a new sorted list.
    Sorted,
    /// `list(xs)`: a new list of the items.
    List,
    /// `{k: v, ...}` (each argument a `(k, v)` tuple) or `dict()`: an
    /// `IndexMap`, which keeps Python's insertion order.
    Dict,
    /// `obj[index]` (Python's `operator.getitem`): an item of a list or a
    /// character of a string, a negative index counting from the end.
    Index,
    /// `enumerate(xs)` or `enumerate(xs, start)`: `(i, x)` pairs.
    Enumerate,
    /// `zip(a, b)`: pairs of items, as long as the shorter.
    Zip,
    /// `reversed(xs)`: the items from the last.
    Reversed,
    /// `divmod(a, b)`: `(a // b, a % b)`.
    Divmod,
    /// `any(xs)`: whether an item is true.
    Any,
    /// `bool(x)`: the value's truth, as `if x:` tests it.
    Bool,
    /// `all(xs)`: whether every item is true.
    All,
    /// `sys.exit()`, `sys.exit(status)` or `sys.exit(message)`.
    Exit,
    /// A generator expression kept in a variable: the iterator itself,
    /// which each [`Builtin::Rest`] of the variable uses up.
    Kept,
    /// `list(gen)` of a [`Builtin::Kept`] iterator: the items it has left,
    /// after which it is empty.
    Rest,
    /// `xs[start:stop:step]` of a list or string: the object, then each
    /// bound an int literal or `None`.
    Slice,
    /// A set comprehension of ints below 8 (`{n % 4 for n in xs}`), of its
    /// list comprehension: a `BTreeSet`, sorted as CPython keeps such a set.
    SmallSet,
    /// `set()`, `set(xs)` or `{a, b}` (of the list of its items): a
    /// `BTreeSet`.
    Set,
    /// `a | b` of two sets: their union.
    Union,
    /// `a & b` of two sets: their intersection.
    Intersection,
    /// `a ^ b` of two flags (see `plan::flags`): the bits in one only.
    Xor,
    /// `isinstance(x, cls)` of built-in classes, which the type of `x`
    /// decides: the value, then the classes' names as one string literal
    /// (`"int float"`).
    IsInstance,
    /// `type(x).__name__` of a variable, which its Rust type decides (see
    /// `rust::isinstance`).
    TypeName,
    /// A TCP line received whole, shown as text (`print(line)`,
    /// `f"{line}"`): Python's `repr` of its bytes, `b'...'`.
    Bytes,
}

impl Builtin {
    pub const ALL: [(&'static str, Builtin); 21] = [
        ("range", Builtin::Range),
        ("len", Builtin::Len),
        ("str", Builtin::Str),
        ("int", Builtin::Int),
        ("float", Builtin::Float),
        ("abs", Builtin::Abs),
        ("min", Builtin::Min),
        ("max", Builtin::Max),
        ("sum", Builtin::Sum),
        ("repr", Builtin::Repr),
        ("round", Builtin::Round),
        ("sorted", Builtin::Sorted),
        ("list", Builtin::List),
        ("dict", Builtin::Dict),
        ("enumerate", Builtin::Enumerate),
        ("zip", Builtin::Zip),
        ("reversed", Builtin::Reversed),
        ("divmod", Builtin::Divmod),
        ("any", Builtin::Any),
        ("all", Builtin::All),
        ("bool", Builtin::Bool),
    ];

    /// Whether the listing writes the built-in with iterator adapters
    /// (`enumerate`, `zip`, `reversed`, `any`, `all`), or it is `divmod`
    /// or `sys.exit`.
    pub fn is_adapter(self) -> bool {
        matches!(
            self,
            Builtin::Enumerate
                | Builtin::Zip
                | Builtin::Reversed
                | Builtin::Divmod
                | Builtin::Any
                | Builtin::All
                | Builtin::Exit
        )
    }

    pub fn name(self) -> &'static str {
        Builtin::ALL.iter().find(|(_, b)| *b == self).map_or(
            match self {
                Builtin::Exit => "sys.exit",
                Builtin::Kept => "iter",
                Builtin::Rest => "list",
                Builtin::Slice => "slice",
                Builtin::SmallSet | Builtin::Set => "set",
                Builtin::Union => "operator.or_",
                Builtin::Intersection => "operator.and_",
                Builtin::Xor => "operator.xor",
                Builtin::IsInstance => "isinstance",
                Builtin::TypeName => "type",
                Builtin::Bytes => "bytes.__repr__",
                _ => "operator.getitem",
            },
            |(n, _)| *n,
        )
    }
}

impl Expr {
    /// Every variable the expression reads, with its span.
    pub fn variables(&self, out: &mut Vec<(String, Range<usize>)>) {
        match &self.kind {
            ExprKind::Var(name)
            | ExprKind::Done(name)
            | ExprKind::Cancelled(name)
            | ExprKind::Join(name)
            | ExprKind::NextItem(name, _)
            | ExprKind::Task(_, name)
            | ExprKind::Locked(name)
            | ExprKind::Prim(name, _) => out.push((name.clone(), self.span.clone())),
            ExprKind::Lit(_)
            | ExprKind::Now
            | ExprKind::Member(..)
            | ExprKind::Members(_)
            | ExprKind::Function(_) => {}
            ExprKind::CallParam(call, _) => {
                out.push((call.name.clone(), self.span.clone()));
                call.args.iter().for_each(|x| x.variables(out));
            }
            ExprKind::FnDict(items) => items.iter().for_each(|i| {
                i.key.variables(out);
                i.body.variables(out);
            }),
            ExprKind::CallItem(item, args, _) => {
                item.variables(out);
                args.iter().for_each(|x| x.variables(out));
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
                items.iter().for_each(|x| x.variables(out))
            }
            ExprKind::Unary(_, x) => x.variables(out),
            ExprKind::Exception(_, m) => m.iter().for_each(|x| x.variables(out)),
            ExprKind::GroupParts(x) => x.variables(out),
            ExprKind::IfElse(c, a, b) => {
                c.variables(out);
                a.variables(out);
                b.variables(out);
            }
            ExprKind::Await(call)
            | ExprKind::Spawn(call)
            | ExprKind::Job(call, _)
            | ExprKind::Coro(call)
            | ExprKind::Stream(call) => call.args.iter().for_each(|x| x.variables(out)),
            ExprKind::GatherAll(x)
            | ExprKind::ItemOutput(x, _)
            | ExprKind::Outcomes(x)
            | ExprKind::Flat(x)
            | ExprKind::Field(x, _) => x.variables(out),
            ExprKind::MapJobs(jobs, timeout) => {
                jobs.variables(out);
                timeout.iter().for_each(|t| t.variables(out));
            }
            ExprKind::New(call) => call.args.iter().for_each(|x| x.variables(out)),
            ExprKind::Method(x, call) => {
                x.variables(out);
                call.args.iter().for_each(|a| a.variables(out));
            }
            ExprKind::Lambda(l) => l.body.variables(out),
            ExprKind::StrMethod(_, x, args) => {
                x.variables(out);
                args.iter().for_each(|a| a.variables(out));
            }
            ExprKind::Comp {
                value,
                over,
                filter,
                ..
            } => {
                value.variables(out);
                over.variables(out);
                filter.iter().for_each(|f| f.variables(out));
            }
            ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
                a.variables(out);
                b.variables(out);
            }
            ExprKind::Template(t) => {
                for part in &t.parts {
                    match part {
                        Part::Hole(x) => x.variables(out),
                        Part::Spec(x, spec) => {
                            x.variables(out);
                            spec.nested.iter().for_each(|n| n.variables(out));
                        }
                        Part::Text(_) => {}
                    }
                }
            }
        }
    }

    /// The value as a template followed by a newline: the line a `send`
    /// statement writes.
    pub fn line_template(&self) -> Template {
        let mut t = match &self.kind {
            ExprKind::Template(t) => t.clone(),
            ExprKind::Lit(Value::Str(s)) => Template {
                parts: vec![Part::Text(s.to_string())],
            },
            _ => Template {
                parts: vec![Part::Hole(self.clone())],
            },
        };
        match t.parts.last_mut() {
            Some(Part::Text(text)) => text.push('\n'),
            _ => t.parts.push(Part::Text("\n".into())),
        }
        t
    }

    /// A literal expression.
    pub fn lit(value: Value) -> Expr {
        Expr {
            kind: ExprKind::Lit(value),
            span: 0..0,
        }
    }
}
