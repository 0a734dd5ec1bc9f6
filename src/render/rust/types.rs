//! The Rust types demo values end up with, and what inference found out.

use super::statics::STATICS;
use crate::render::plan::ir::ast::{Calls, Demo, FunctionKind};
use crate::render::plan::ir::expr::{
    BinaryOp, Builtin, Expr, ExprKind, StrMethod, TaskOp, UnaryOp, map_call,
};
use crate::render::plan::ir::primitive::PrimOp;
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};

/// The Rust type a demo value ends up with.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    Unknown,
    Unit,
    Bool,
    Int,
    /// An integer beyond 64 bits: a `num_bigint::BigInt` (see `big_ints`).
    BigInt,
    Float,
    Str,
    List(Box<Ty>),
    /// A tuple: `(String, i64)`.
    Tuple(Vec<Ty>),
    /// A dict: an `IndexMap`, in insertion order as Python's.
    Dict(Box<Ty>, Box<Ty>),
    /// A set of small ints: a `BTreeSet`, sorted as CPython keeps it.
    Set(Box<Ty>),
    Task(Box<Ty>),
    Future(Box<Ty>),
    Coro(Box<Ty>),
    /// A server's address (`serve`).
    Server,
    /// The port of a server's address: a `u16`.
    Port,
    /// A connection (`connect`, a handler's parameter).
    Conn,
    /// A `Semaphore`, or (`true`) a lock: a `Mutex<()>`.
    Sync(bool),
    /// An `asyncio.Event`: a `watch::Sender<bool>`.
    Event,
    /// An `asyncio.Queue` of items of the type: an `async_channel`.
    Queue(Box<Ty>),
    /// An `asyncio.Barrier`: Tokio's `Barrier`.
    Barrier,
    /// An object of the program's plain class of that name: its struct.
    Object(String),
    /// A member of the program's enum of that name: a Rust `enum`.
    Enum(String),
    /// An `asyncio.Condition`: Tokio's `Notify`.
    Condition,
    /// A task's `CancellationToken` (see `plan::cancel_token`).
    Token,
    /// A value that may be `None`: the items of a queue that carries `None`
    /// to stop its consumers (see `plan::sentinel`).
    Option(Box<Ty>),
    /// A child's result or exception, of `gather(..., return_exceptions=True)`:
    /// a `Result<T, Error>`.
    Outcome(Box<Ty>),
    /// A dict's value that is a string here and a number there: the
    /// listing's `PyValue` enum (see `mixed`).
    Mixed,
    /// A dict's value that is an integer here and a float there: the
    /// listing's `Number` enum (see `numbers`).
    Number,
    /// A built-in exception made as a value (`KeyError("k")`): the
    /// listing's `Error` (see `plan::exc_values`).
    Exception,
    /// A function of the program given as a value: its parameters' and
    /// result's types, and whether it is a coroutine (see `fn_values`).
    Fn(Vec<Ty>, Box<Ty>, bool),
    /// A tree of tuples: the struct of that name (see `trees`).
    Tree(String),
}

impl Ty {
    pub(super) fn is_copy(&self) -> bool {
        match self {
            Ty::Tuple(items) => items.iter().all(Ty::is_copy),
            _ => matches!(
                self,
                Ty::Int
                    | Ty::Float
                    | Ty::Number
                    | Ty::Bool
                    | Ty::Unknown
                    | Ty::Unit
                    | Ty::Server
                    | Ty::Port
                    | Ty::Enum(_)
            ),
        }
    }

    pub(super) fn elem(&self) -> Ty {
        match self {
            Ty::List(t) | Ty::Dict(t, _) | Ty::Set(t) => (**t).clone(),
            Ty::Str => Ty::Str,
            _ => Ty::Unknown,
        }
    }

    pub(super) fn inner(&self) -> Ty {
        match self {
            Ty::Task(t) | Ty::Future(t) | Ty::Coro(t) => (**t).clone(),
            _ => Ty::Unknown,
        }
    }

    /// The type as written in a signature (strings owned).
    pub(super) fn rust(&self) -> String {
        match self {
            Ty::Unknown | Ty::Int => "i64".into(),
            Ty::Unit => "()".into(),
            Ty::BigInt => "BigInt".into(),
            Ty::Bool => "bool".into(),
            Ty::Float => "f64".into(),
            Ty::Str => "String".into(),
            Ty::List(t) => format!("Vec<{}>", t.rust()),
            Ty::Dict(k, v) => format!("IndexMap<{}, {}>", k.rust(), v.rust()),
            Ty::Set(t) => format!("BTreeSet<{}>", t.rust()),
            Ty::Tuple(items) => {
                let items: Vec<String> = items.iter().map(Ty::rust).collect();
                match items.as_slice() {
                    [one] => format!("({one},)"),
                    _ => format!("({})", items.join(", ")),
                }
            }
            Ty::Task(t) => format!("tokio::task::JoinHandle<{}>", t.rust()),
            Ty::Future(t) => format!("oneshot::Receiver<{}>", t.rust()),
            Ty::Coro(t) => format!("impl Future<Output = {}>", t.rust()),
            Ty::Server => "SocketAddr".into(),
            Ty::Port => "u16".into(),
            Ty::Conn => "BufReader<TcpStream>".into(),
            Ty::Sync(false) => "Semaphore".into(),
            Ty::Sync(true) => "Mutex<()>".into(),
            Ty::Event => "watch::Sender<bool>".into(),
            Ty::Barrier => "Barrier".into(),
            Ty::Condition => "Notify".into(),
            Ty::Token => "CancellationToken".into(),
            Ty::Queue(t) => format!("async_channel::Sender<{}>", t.rust()),
            Ty::Object(class) | Ty::Enum(class) => super::names::camel(class),
            Ty::Tree(name) => name.clone(),
            Ty::Option(t) => format!("Option<{}>", t.rust()),
            Ty::Outcome(t) => format!("Result<{}, Error>", t.rust()),
            Ty::Mixed => "PyValue".into(),
            Ty::Number => "Number".into(),
            Ty::Exception => "Error".into(),
            Ty::Fn(params, ret, is_async) => super::fn_values::written(params, ret, *is_async),
        }
    }
}

/// Widens `slot` with what `new` tells; true if it changed.
pub(super) fn unify(slot: &mut Ty, new: &Ty) -> bool {
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
        (Ty::Int, Ty::BigInt) => {
            *slot = Ty::BigInt;
            true
        }
        (Ty::Int | Ty::Float, Ty::Number) => {
            *slot = Ty::Number;
            true
        }
        (Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Number, Ty::Mixed) => {
            *slot = Ty::Mixed;
            true
        }
        (Ty::Option(a), Ty::Option(b)) => unify(a, b),
        (Ty::Option(a), n) => unify(a, n),
        (_, Ty::Option(b)) => {
            let mut inner = (**b).clone();
            unify(&mut inner, &slot.clone());
            *slot = Ty::Option(Box::new(inner));
            true
        }
        (Ty::List(a), Ty::List(b))
        | (Ty::Set(a), Ty::Set(b))
        | (Ty::Task(a), Ty::Task(b))
        | (Ty::Future(a), Ty::Future(b))
        | (Ty::Coro(a), Ty::Coro(b))
        | (Ty::Queue(a), Ty::Queue(b)) => unify(a, b),
        (Ty::Dict(k, v), Ty::Dict(k2, v2)) => unify(k, k2) | unify(v, v2),
        (Ty::Fn(a, r, _), Ty::Fn(b, r2, _)) if a.len() == b.len() => a
            .iter_mut()
            .zip(b)
            .fold(unify(r, r2), |changed, (a, b)| unify(a, b) | changed),
        (Ty::Tuple(a), Ty::Tuple(b)) if a.len() == b.len() => a
            .iter_mut()
            .zip(b)
            .fold(false, |changed, (a, b)| unify(a, b) | changed),
        _ => false,
    }
}

/// What inference found out about the demo's names.
#[derive(Default)]
pub(super) struct Types {
    /// The functions written generic over the value they hand on (see
    /// `generic_fns`).
    pub(super) generic: HashMap<String, super::generic_fns::Generic>,
    pub(super) params: HashMap<String, Vec<Ty>>,
    /// The recursive tuple types of the demo (see `trees`).
    pub(super) trees: Vec<super::trees::Tree>,
    pub(super) ret: HashMap<String, Ty>,
    /// Item type of a generator.
    pub(super) item: HashMap<String, Ty>,
    /// Variables (parameters and fields included) of each function.
    pub(super) vars: HashMap<String, HashMap<String, Ty>>,
    /// Functions whose futures outlive the statement that calls them
    /// (spawned, stored, mapped in a closure): string arguments that are not
    /// literals must be owned.
    pub(super) spawned: HashSet<String>,
    /// Functions run as tasks of their own (`tokio::spawn`, a `JoinSet`,
    /// `spawn_blocking`): what they are given must be `'static`.
    pub(super) tasked: HashSet<String>,
    /// (function, parameter index) given a non-literal string somewhere.
    pub(super) owned_str: HashSet<(String, usize)>,
    /// (function, parameter) futures the function resolves: oneshot senders.
    pub(super) senders: HashSet<(String, String)>,
    /// (function, parameter index) given a computed list of strings.
    pub(super) owned_list: HashSet<(String, usize)>,
    /// Inside `on_cancel` or `finally` while inferring.
    pub(super) in_cleanup: bool,
    /// The module's shared variables, typed under [`STATICS`].
    pub(super) statics: HashSet<String>,
    /// List displays of integers beside floats that the program prints:
    /// lists of `Number`s (see `numbers`).
    pub(super) number_lists: HashSet<std::ops::Range<usize>>,
    /// List displays of tuples whose places, by index, are `Number`s (see
    /// `number_ops`).
    pub(super) number_tuples: HashMap<std::ops::Range<usize>, Vec<usize>>,
    /// The `isinstance(x, list)` tests that narrow a `PyValue` (see
    /// `mixed_narrow`).
    pub(super) narrowing: super::mixed_narrow::Narrowing,
    /// Lists of string literals kept in variables whose `String`s the
    /// listing needs (see `str_lists`).
    pub(super) owned_str_lists: HashSet<std::ops::Range<usize>>,
    /// The variables, by function, kept as lists of `&str`s (see
    /// `str_lists`).
    pub(super) borrowed_str_lists: HashSet<(String, String)>,
    /// The demo's coroutines, whose values are `AsyncFn`s (see `fn_values`).
    pub(super) coroutines: HashSet<String>,
    /// Lambdas given to a function's parameter that takes functions: the
    /// function they are written in, the function called and the
    /// parameter's index (see `fn_values`).
    pub(super) lambdas_given: Vec<(
        String,
        String,
        usize,
        crate::render::plan::ir::expr::Lambda,
        std::ops::Range<usize>,
    )>,
}

impl Types {
    pub(super) fn var(&self, f: &str, name: &str) -> Ty {
        let f = if self.statics.contains(name) {
            STATICS
        } else {
            f
        };
        self.vars
            .get(f)
            .and_then(|v| v.get(name))
            .cloned()
            .unwrap_or(Ty::Unknown)
    }

    /// Widens a variable's type; a tuple pattern `(a, b)` widens each name.
    pub(super) fn set(&mut self, f: &str, name: &str, ty: &Ty) -> bool {
        if let Some(names) = super::tuples::pattern_names(name) {
            // `a, b = line.split()`: each name an item of the list.
            if let Ty::List(item) = ty {
                return names
                    .iter()
                    .fold(false, |changed, n| self.set(f, n, item) | changed);
            }
            let Ty::Tuple(items) = ty else { return false };
            return names
                .iter()
                .zip(items)
                .fold(false, |changed, (n, t)| self.set(f, n, t) | changed);
        }
        let f = if self.statics.contains(name) {
            STATICS
        } else {
            f
        };
        let vars = self.vars.get_mut(f).expect("every function");
        unify(vars.entry(name.to_string()).or_insert(Ty::Unknown), ty)
    }

    pub(super) fn ret_of(&self, name: &str) -> Ty {
        self.ret.get(name).cloned().unwrap_or(Ty::Unknown)
    }

    /// The item type of a generator or iterator.
    pub(super) fn item_of(&self, demo: &Demo, name: &str) -> Ty {
        match demo.function(name).map(|f| f.kind) {
            Some(FunctionKind::Iterator) => self.ret_of(name),
            _ => self.item.get(name).cloned().unwrap_or(Ty::Unknown),
        }
    }

    pub(super) fn expr_ty(&self, f: &str, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::Lit(v) => value_ty(v),
            ExprKind::Var(n) => super::mixed_narrow::var_ty(self, f, n, &e.span),
            ExprKind::List(_) if self.number_lists.contains(&e.span) => {
                Ty::List(Box::new(Ty::Number))
            }
            ExprKind::List(items) => {
                let mut t = Ty::Unknown;
                let tys: Vec<Ty> = items.iter().map(|i| self.expr_ty(f, i)).collect();
                for i in &tys {
                    unify(&mut t, i);
                }
                if let Some(places) = self.number_tuples.get(&e.span) {
                    super::number_ops::with_numbers(&mut t, places);
                }
                Ty::List(Box::new(super::mixed::values_ty(&tys).unwrap_or(t)))
            }
            ExprKind::Tuple(items) => Ty::Tuple(items.iter().map(|i| self.expr_ty(f, i)).collect()),
            ExprKind::Unary(UnaryOp::Neg, x) => self.expr_ty(f, x),
            ExprKind::Unary(UnaryOp::Not, _) => Ty::Bool,
            ExprKind::Slept(_, value) => Ty::Coro(Box::new(self.expr_ty(f, value))),
            ExprKind::Binary(op, a, b) => {
                let (a_expr, b_expr) = (a, b);
                let (a, b) = (self.expr_ty(f, a), self.expr_ty(f, b));
                match op {
                    BinaryOp::Eq
                    | BinaryOp::Ne
                    | BinaryOp::Lt
                    | BinaryOp::Le
                    | BinaryOp::Gt
                    | BinaryOp::Ge
                    | BinaryOp::In
                    | BinaryOp::NotIn => Ty::Bool,
                    BinaryOp::And | BinaryOp::Or => super::bool_ops::value_ty(*op, a, b),
                    BinaryOp::Div => Ty::Float,
                    _ if a == Ty::BigInt
                        || b == Ty::BigInt
                        || *op == BinaryOp::Pow && super::big_ints::big_pow(a_expr, b_expr) =>
                    {
                        Ty::BigInt
                    }
                    _ if a == Ty::Number || b == Ty::Number => Ty::Number,
                    BinaryOp::Pow if negative(b_expr) => Ty::Float,
                    _ if a == Ty::Float || b == Ty::Float => Ty::Float,
                    _ if a == Ty::Str || b == Ty::Str => Ty::Str,
                    _ if matches!(a, Ty::List(_) | Ty::Set(_)) => a,
                    _ => Ty::Int,
                }
            }
            ExprKind::Call(b, args) => {
                let first = args
                    .first()
                    .map(|a| self.as_iterable(self.expr_ty(f, a)))
                    .unwrap_or(Ty::Unknown);
                match b {
                    Builtin::Range => Ty::List(Box::new(Ty::Int)),
                    Builtin::Len | Builtin::Int => Ty::Int,
                    Builtin::Str => Ty::Str,
                    Builtin::Float => Ty::Float,
                    Builtin::Abs => self.abs_ty(first),
                    Builtin::Index => match (&self.untree(&first), args.get(1).map(|a| &a.kind)) {
                        (Ty::Tuple(items), Some(ExprKind::Lit(Value::Int(k)))) => {
                            super::tuples::tuple_item(items.len(), *k)
                                .map_or(Ty::Unknown, |k| items[k].clone())
                        }
                        (Ty::Dict(_, v), _) => (**v).clone(),
                        // An item of a `PyValue` is one (see `mixed_index`).
                        (Ty::Mixed, _) => Ty::Mixed,
                        _ => first.elem(),
                    },
                    Builtin::Dict => {
                        let (mut k, mut v) = (Ty::Unknown, Ty::Unknown);
                        let mut values = Vec::new();
                        for a in args {
                            // `dict(pairs)`: the pairs' type.
                            let pairs = !matches!(a.kind, ExprKind::Tuple(_));
                            let ty = self.expr_ty(f, a);
                            if let Ty::Tuple(kv) = if pairs { ty.elem() } else { ty }
                                && let [kt, vt] = kv.as_slice()
                            {
                                unify(&mut k, kt);
                                unify(&mut v, vt);
                                values.push(vt.clone());
                            }
                        }
                        let v = if super::numbers::number_values(self, f, args) {
                            Ty::Number
                        } else {
                            super::mixed::values_ty(&values).unwrap_or(v)
                        };
                        if super::mixed_keys::mixed(self, f, args) {
                            k = Ty::Mixed;
                        }
                        Ty::Dict(Box::new(k), Box::new(v))
                    }
                    Builtin::Repr | Builtin::Bytes | Builtin::TypeName => Ty::Str,
                    Builtin::Bool | Builtin::IsInstance => Ty::Bool,
                    Builtin::Round if args.len() == 1 => Ty::Int,
                    Builtin::Round => first,
                    Builtin::Sorted | Builtin::List => Ty::List(Box::new(first.elem())),
                    Builtin::Kept | Builtin::Rest | Builtin::Slice => first,
                    Builtin::SmallSet => Ty::Set(Box::new(first.elem())),
                    Builtin::Set => Ty::Set(Box::new(first.elem())),
                    Builtin::Union | Builtin::Intersection | Builtin::Xor => match first {
                        Ty::Set(t) if *t == Ty::Unknown => {
                            args.get(1).map_or(Ty::Set(t), |b| self.expr_ty(f, b))
                        }
                        t => t,
                    },
                    Builtin::Enumerate
                    | Builtin::Zip
                    | Builtin::Reversed
                    | Builtin::Divmod
                    | Builtin::Any
                    | Builtin::All
                    | Builtin::Exit => {
                        let tys: Vec<Ty> = args.iter().map(|a| self.expr_ty(f, a)).collect();
                        super::iters::ty(*b, &tys)
                    }
                    // `sum(lists, start)` joins the lists.
                    Builtin::Sum if args.len() == 2 && matches!(first.elem(), Ty::List(_)) => {
                        first.elem()
                    }
                    Builtin::Min | Builtin::Max | Builtin::Sum => {
                        if args.len() == 1 || super::closures::keyed(args) {
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
            ExprKind::Exception(..) => Ty::Exception,
            ExprKind::GroupParts(_) => Ty::List(Box::new(Ty::Exception)),
            ExprKind::Done(_) | ExprKind::Cancelled(_) | ExprKind::Locked(_) => Ty::Bool,
            ExprKind::Prim(v, op) => match op {
                PrimOp::QSize | PrimOp::MaxSize => Ty::Int,
                PrimOp::Get | PrimOp::GetNowait => match self.var(f, v) {
                    Ty::Queue(t) => *t,
                    _ => Ty::Unknown,
                },
                _ => Ty::Bool,
            },
            ExprKind::Join(task) => self.var(f, task).awaited(),
            ExprKind::ItemOutput(x, _) => self.expr_ty(f, x).inner(),
            ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, task) => self.var(f, task).inner(),
            ExprKind::Task(TaskOp::Cancel, _) => Ty::Bool,
            ExprKind::Task(TaskOp::Name(_) | TaskOp::GivenName | TaskOp::ExceptionRepr, _) => {
                Ty::Str
            }
            ExprKind::Now => Ty::Float,
            ExprKind::IfElse(c, a, b)
                if let Some(t) = super::narrowed::if_some_ty(self, f, c, a, b) =>
            {
                t
            }
            ExprKind::IfElse(_, a, b) => {
                let mut t = self.expr_ty(f, a);
                unify(&mut t, &self.expr_ty(f, b));
                t
            }
            ExprKind::Await(call) if let Some(t) = self.generic_ret(f, call) => t,
            ExprKind::Await(call) => self.ret_of(&call.name),
            ExprKind::New(..) | ExprKind::Field(..) | ExprKind::Method(..) => self.object_ty(f, e),
            ExprKind::Member(..) | ExprKind::Members(_) => self.enum_ty(e),
            ExprKind::Spawn(call) | ExprKind::Job(call, _) => {
                Ty::Task(Box::new(self.ret_of(&call.name)))
            }
            ExprKind::Coro(call) => Ty::Coro(Box::new(self.ret_of(&call.name))),
            // The results of `map`'s jobs, in order.
            ExprKind::MapJobs(jobs, _) => match map_call(jobs) {
                Some(call) => Ty::List(Box::new(self.ret_of(&call.name))),
                None => Ty::Unknown,
            },
            // A stream has no type of its own here: its items have.
            ExprKind::Stream(_) => Ty::Unknown,
            ExprKind::NextItem(_, generator) => {
                self.item.get(generator).cloned().unwrap_or(Ty::Unknown)
            }
            ExprKind::GatherAll(x) if let Some(items) = super::gather_mixed::mixed_items(x) => {
                let tys: Vec<Ty> = items.iter().map(|i| self.expr_ty(f, i).inner()).collect();
                let mut t = Ty::Unknown;
                for i in &tys {
                    unify(&mut t, i);
                }
                Ty::List(Box::new(super::mixed::values_ty(&tys).unwrap_or(t)))
            }
            ExprKind::GatherAll(x) => Ty::List(Box::new(self.expr_ty(f, x).elem().inner())),
            ExprKind::Outcomes(x) => Ty::List(Box::new(Ty::Outcome(Box::new(
                self.expr_ty(f, x).elem().inner(),
            )))),
            ExprKind::Flat(x) => self.expr_ty(f, x).elem(),
            ExprKind::Lambda(_) => Ty::Unknown,
            ExprKind::Function(name) => self.fn_ty(name),
            ExprKind::CallParam(call, callees) => self.param_call_ty(f, call, callees),
            ExprKind::FnDict(items) => self.fn_dict_ty(f, items),
            ExprKind::CallItem(item, ..) => self.call_item_ty(f, item),
            ExprKind::StrMethod(m, x, args) => match m {
                StrMethod::StartsWith
                | StrMethod::EndsWith
                | StrMethod::IsDigit
                | StrMethod::IsAlpha => Ty::Bool,
                StrMethod::Split | StrMethod::SplitLines => Ty::List(Box::new(Ty::Str)),
                StrMethod::Find | StrMethod::Index | StrMethod::Count => Ty::Int,
                StrMethod::Partition => Ty::Tuple(vec![Ty::Str; 3]),
                StrMethod::Pop => match self.expr_ty(f, x) {
                    // `d.pop(key)`: the value.
                    Ty::Dict(_, v) => *v,
                    t => t.elem(),
                },
                StrMethod::Copy => self.expr_ty(f, x),
                // `d.setdefault(k, v)`: the value.
                StrMethod::SetDefault if args.len() == 2 => match self.expr_ty(f, x) {
                    Ty::Dict(_, v) => *v,
                    _ => Ty::Unknown,
                },
                StrMethod::Keys => Ty::List(Box::new(self.expr_ty(f, x).elem())),
                StrMethod::Values | StrMethod::Items | StrMethod::Get => match self.expr_ty(f, x) {
                    Ty::Dict(k, v) if *m == StrMethod::Items => {
                        Ty::List(Box::new(Ty::Tuple(vec![*k, *v])))
                    }
                    Ty::Dict(_, v) if *m == StrMethod::Values => Ty::List(v),
                    Ty::Dict(_, v) if args.len() == 1 => Ty::Option(v),
                    Ty::Dict(_, v) => *v,
                    _ => Ty::Unknown,
                },
                m if m.mutates() => Ty::Unit,
                _ => Ty::Str,
            },
            ExprKind::Comp { value, .. } => Ty::List(Box::new(self.expr_ty(f, value))),
        }
    }

    pub(super) fn calls_ret(&self, calls: &Calls) -> Ty {
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
}

pub(super) fn value_ty(v: &Value) -> Ty {
    match v {
        Value::None => Ty::Unit,
        Value::Bool(_) => Ty::Bool,
        Value::Int(_) => Ty::Int,
        Value::Float(_) => Ty::Float,
        Value::Str(_) => Ty::Str,
        Value::List(items) => Ty::List(Box::new(items.first().map_or(Ty::Unknown, value_ty))),
    }
}

/// Whether an expression is a negative number literal (`2 ** -1` is a float).
pub(super) fn negative(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::Int(n)) if n < 0)
}
