//! Local lists of string literals that must hold `String`s. The listing
//! writes `names = ["a", "b"]` as `vec!["a", "b"]`, a `Vec<&str>`, where
//! the list is only read in place: printed, measured, iterated, searched,
//! joined, sorted or indexed (an item read is made a `String` where it is
//! kept). Anywhere else (given to a function or a constructor, returned,
//! kept in a field, another variable or a container, grown, tested with
//! `in`, its item popped) the rest of the listing takes a `Vec<String>`, so
//! the literal is written `vec!["a".to_string(), "b".to_string()]`.

use super::analysis::{binds, stmt_calls, stmt_exprs};
use super::tuples::pattern_names;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Calls, Demo, Function, Stmt, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod, UnaryOp};
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The spans of the lists of string literals that the listing writes as
/// lists of `String`s.
pub(super) fn owned_str_lists(demo: &Demo, types: &Types) -> HashSet<Range<usize>> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        let (lists, reads) = function_reads(f, types);
        out.extend(reads.owned);
        for name in &reads.escaping {
            out.extend(lists[name].iter().cloned());
        }
    }
    // A lookup dict's lists are read out of it as the lists they are.
    for (_, value) in &demo.statics {
        if let ExprKind::Call(Builtin::Dict, _) = &value.kind {
            super::expr_walk::each_expr(value, &mut |x| {
                if str_literals(x) {
                    out.insert(x.span.clone());
                }
            });
        }
    }
    out
}

/// The local variables, by function, that the listing keeps as lists of
/// `&str`s: their items are `&str`s too, and a copy of one is no `String`.
pub(super) fn borrowed_str_lists(demo: &Demo, types: &Types) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        let (lists, reads) = function_reads(f, types);
        let borrowed = lists.keys().filter(|n| !reads.escaping.contains(*n));
        out.extend(borrowed.map(|n| (f.name.clone(), n.clone())));
    }
    out
}

/// What one function's statements do with its lists of string literals,
/// once nothing more changes.
struct Found {
    /// The variables read other than in place.
    escaping: HashSet<String>,
    /// The other lists of string literals read other than in place.
    owned: HashSet<Range<usize>>,
}

/// The lists of string literals of `f`, and what its statements do with
/// them.
fn function_reads(f: &Function, types: &Types) -> (HashMap<String, Vec<Range<usize>>>, Found) {
    let lists = literal_lists(f, types);
    let (escaping, owned) = {
        let mut reads = Reads {
            func: &f.name,
            types,
            lists: &lists,
            escaping: HashSet::new(),
            owned: HashSet::new(),
        };
        // A list made owned can make owned what it is joined with: until
        // nothing changes.
        loop {
            let before = (reads.escaping.len(), reads.owned.len());
            f.walk(&mut |s| reads.statement(s));
            for (_, e) in &f.fields {
                reads.visit(e, false);
            }
            if (reads.escaping.len(), reads.owned.len()) == before {
                break;
            }
        }
        (reads.escaping, reads.owned)
    };
    (lists, Found { escaping, owned })
}

/// The local variables of `f` only ever set to lists of string literals,
/// with the spans of those literals.
fn literal_lists(f: &Function, types: &Types) -> HashMap<String, Vec<Range<usize>>> {
    let mut lists: HashMap<String, Vec<Range<usize>>> = HashMap::new();
    let mut other = HashSet::new();
    f.walk(&mut |s| match &s.kind {
        StmtKind::Set { var, value } if str_literals(value) => {
            lists
                .entry(var.clone())
                .or_default()
                .push(value.span.clone());
        }
        StmtKind::For { var, .. } => {
            other.extend(pattern_names(var).map_or_else(
                || vec![var.clone()],
                |names| names.iter().map(|n| n.to_string()).collect(),
            ));
        }
        _ => other.extend(binds(s).cloned()),
    });
    other.extend(f.params.iter().cloned());
    other.extend(f.fields.iter().map(|(n, _)| n.clone()));
    lists.retain(|name, _| !other.contains(name) && !types.statics.contains(name));
    lists
}

/// Whether `e` is a list display of string literals, not empty.
fn str_literals(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::List(items) if !items.is_empty()
        && items.iter().all(|i| matches!(i.kind, ExprKind::Lit(Value::Str(_)))))
}

/// What one function's statements do with its lists of string literals.
struct Reads<'a> {
    func: &'a str,
    types: &'a Types,
    /// The variables only ever set to lists of string literals.
    lists: &'a HashMap<String, Vec<Range<usize>>>,
    /// Those of them read other than in place.
    escaping: HashSet<String>,
    /// The other lists of string literals read other than in place.
    owned: HashSet<Range<usize>>,
}

impl Reads<'_> {
    /// Notes what statement `s` (not the statements it holds) reads other
    /// than in place.
    fn statement(&mut self, s: &Stmt) {
        match &s.kind {
            // The variable's own literal: owned where the variable is.
            StmtKind::Set { var, .. } if self.lists.contains_key(var) => return,
            // The names given to tasks, which the listing keeps beside them.
            StmtKind::GivenNames { names, .. } => return self.visit(names, str_literals(names)),
            _ => {}
        }
        // The statements whose expressions are read where they are:
        // printed, iterated, tested, or computed and dropped.
        let in_place = matches!(
            s.kind,
            StmtKind::Print(_)
                | StmtKind::Eprint(_)
                | StmtKind::If { .. }
                | StmtKind::While { .. }
                | StmtKind::Compute(_)
        );
        let calls = stmt_calls(s);
        let argument = |e: &Expr| {
            calls
                .iter()
                .flat_map(|c| &c.args)
                .any(|a| std::ptr::eq(a, e))
        };
        // One call for each item of a list: iterated in place.
        let each = |e: &Expr| match &s.kind {
            StmtKind::Gather { calls, .. }
            | StmtKind::AsCompleted { calls, .. }
            | StmtKind::Wait { calls, .. } => {
                matches!(calls, Calls::Each { over, .. } if std::ptr::eq(over, e))
            }
            _ => false,
        };
        for (e, _) in stmt_exprs(s) {
            if argument(e) {
                self.arguments(std::slice::from_ref(e));
            } else if matches!(&s.kind, StmtKind::For { over, .. } if std::ptr::eq(over, e))
                || each(e)
            {
                self.visit(e, self.items_in_place(e));
            } else {
                self.visit(e, in_place);
            }
        }
    }

    /// Walks `e`, which is read in place when `ok`, noting each list of
    /// string literals (or variable holding one) read where its value is
    /// kept, grown, or joined with a list of `String`s.
    fn visit(&mut self, e: &Expr, ok: bool) {
        match &e.kind {
            ExprKind::Var(v) => {
                if !ok && self.lists.contains_key(v) {
                    self.escaping.insert(v.clone());
                }
            }
            ExprKind::List(_) if str_literals(e) => {
                if !ok {
                    self.owned.insert(e.span.clone());
                }
            }
            ExprKind::List(items) => self.joined(items.iter().collect(), ok),
            ExprKind::Tuple(items) => items.iter().for_each(|i| self.visit(i, ok)),
            ExprKind::Call(Builtin::Dict, items)
                if items
                    .iter()
                    .all(|i| matches!(&i.kind, ExprKind::Tuple(kv) if kv.len() == 2)) =>
            {
                let part = |n: usize| -> Vec<&Expr> {
                    items
                        .iter()
                        .filter_map(|i| match &i.kind {
                            ExprKind::Tuple(kv) => kv.get(n),
                            _ => None,
                        })
                        .collect()
                };
                let (keys, values) = (part(0), part(1));
                self.joined(keys, ok);
                self.joined(values, ok);
            }
            // An item that is a list is read as the list would be.
            ExprKind::Call(Builtin::Index, args) if str_list(&self.types.expr_ty(self.func, e)) => {
                for (i, a) in args.iter().enumerate() {
                    self.visit(a, i == 0 && ok);
                }
            }
            ExprKind::Call(f, args) => {
                for (i, a) in args.iter().enumerate() {
                    self.visit(a, call_reads(*f, i, ok));
                }
            }
            ExprKind::Template(t) => {
                for p in &t.parts {
                    match p {
                        Part::Hole(h) => self.visit(h, true),
                        Part::Spec(h, spec) => {
                            self.visit(h, true);
                            spec.nested.iter().for_each(|n| self.visit(n, true));
                        }
                        Part::Text(_) => {}
                    }
                }
            }
            ExprKind::Comp {
                value,
                var,
                over,
                filter,
            } => {
                // `[x for x in xs]` gives the items as they are.
                let same = matches!(&value.kind, ExprKind::Var(v) if v == var);
                self.visit(over, (!same || ok) && self.items_in_place(over));
                self.visit(value, false);
                if let Some(x) = filter {
                    self.visit(x, true);
                }
            }
            ExprKind::IfElse(c, a, b) => {
                self.visit(c, true);
                self.joined(vec![a, b], ok);
            }
            ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, a, b) => {
                // A literal's items compare with `&str`s; a variable's do not.
                self.visit(a, false);
                self.visit(b, str_literals(b));
            }
            ExprKind::Binary(
                BinaryOp::Eq
                | BinaryOp::Ne
                | BinaryOp::Lt
                | BinaryOp::Le
                | BinaryOp::Gt
                | BinaryOp::Ge,
                a,
                b,
            ) => {
                self.visit(a, true);
                self.visit(b, true);
            }
            ExprKind::Binary(_, a, b) => self.joined(vec![a, b], ok),
            ExprKind::Unary(op, x) => self.visit(x, *op == UnaryOp::Not),
            ExprKind::StrMethod(m, on, args) => {
                let on_ok = match m {
                    StrMethod::Index
                    | StrMethod::Count
                    | StrMethod::Sort
                    | StrMethod::Reverse
                    | StrMethod::Remove
                    | StrMethod::Clear
                    | StrMethod::Del => true,
                    StrMethod::Pop | StrMethod::Copy => ok,
                    _ => false,
                };
                self.visit(on, on_ok);
                for a in args {
                    // `extend` makes a literal's items `String`s itself.
                    let ok = *m == StrMethod::Join || (*m == StrMethod::Extend && str_literals(a));
                    self.visit(a, ok);
                }
            }
            ExprKind::Flat(x) => self.visit(x, ok),
            ExprKind::MapJobs(jobs, timeout) => {
                self.visit(jobs, ok);
                timeout.iter().for_each(|t| self.visit(t, true));
            }
            ExprKind::Await(call)
            | ExprKind::Spawn(call)
            | ExprKind::Coro(call)
            | ExprKind::New(call)
            | ExprKind::Job(call, _)
            | ExprKind::Stream(call)
            | ExprKind::CallParam(call, _) => self.arguments(&call.args),
            ExprKind::Method(on, call) => {
                self.visit(on, false);
                self.arguments(&call.args);
            }
            ExprKind::Slept(a, b) => {
                self.visit(a, false);
                self.visit(b, false);
            }
            ExprKind::GatherAll(x)
            | ExprKind::Outcomes(x)
            | ExprKind::ItemOutput(x, _)
            | ExprKind::Field(x, _) => self.visit(x, false),
            ExprKind::Exception(_, m) => m.iter().for_each(|x| self.visit(x, false)),
            ExprKind::GroupParts(x) => self.visit(x, false),
            ExprKind::Lambda(l) => self.visit(&l.body, false),
            ExprKind::FnDict(items) => items.iter().for_each(|i| {
                self.visit(&i.key, false);
                self.visit(&i.body, false);
            }),
            ExprKind::CallItem(item, args, _) => {
                self.visit(item, false);
                self.arguments(args);
            }
            ExprKind::Lit(_)
            | ExprKind::Done(_)
            | ExprKind::Cancelled(_)
            | ExprKind::Join(_)
            | ExprKind::NextItem(..)
            | ExprKind::Task(..)
            | ExprKind::Locked(_)
            | ExprKind::Prim(..)
            | ExprKind::Member(..)
            | ExprKind::Members(_)
            | ExprKind::Function(_)
            | ExprKind::Now => {}
        }
    }

    /// Whether the items of `over`, iterated, are read in place: strings,
    /// whose reads the listing makes `String`s where they are kept, and
    /// not lists, which a loop's variable would keep as they are.
    fn items_in_place(&self, over: &Expr) -> bool {
        !holds_str_list(&self.types.expr_ty(self.func, over).elem())
    }

    /// The arguments of a call of the program's function: a list of
    /// literals given there is written as the parameter takes it.
    fn arguments(&mut self, args: &[Expr]) {
        for a in args {
            self.visit(a, str_literals(a));
        }
    }

    /// Visits `xs`, values of one Rust type (the items of a list, the
    /// branches of an `if`, the operands of `+`), read in place when `ok`:
    /// beside a list of `String`s, none is read in place.
    fn joined(&mut self, xs: Vec<&Expr>, ok: bool) {
        let owned = xs.iter().any(|x| self.holds_strings(x));
        for x in xs {
            self.visit(x, ok && !owned);
        }
    }

    /// Whether `e` is a list of `String`s (or holds one): of such a type,
    /// and not a list of literals read in place.
    fn holds_strings(&self, e: &Expr) -> bool {
        str_list(&self.types.expr_ty(self.func, e)) && !self.borrowed(e)
    }

    /// Whether `e` is, as far as is known now, a list of `&str`s: a list
    /// of literals, a variable holding one, or a list made of such one's
    /// items as they are.
    fn borrowed(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var(v) => self.lists.contains_key(v) && !self.escaping.contains(v),
            ExprKind::List(_) if str_literals(e) => !self.owned.contains(&e.span),
            ExprKind::List(items) => !items.is_empty() && items.iter().all(|i| self.borrowed(i)),
            ExprKind::Call(
                Builtin::Sorted | Builtin::Reversed | Builtin::Slice | Builtin::List,
                args,
            ) => args.first().is_some_and(|x| self.borrowed(x)),
            ExprKind::StrMethod(StrMethod::Copy, x, _) => self.borrowed(x),
            ExprKind::Binary(_, a, b) | ExprKind::IfElse(_, a, b) => [a, b]
                .iter()
                .filter(|x| str_list(&self.types.expr_ty(self.func, x)))
                .all(|x| self.borrowed(x)),
            ExprKind::Comp {
                value, var, over, ..
            } => matches!(&value.kind, ExprKind::Var(v) if v == var) && self.borrowed(over),
            _ => false,
        }
    }
}

/// Whether `ty` is a list of strings, or of lists of them.
fn str_list(ty: &Ty) -> bool {
    match ty {
        Ty::List(t) => **t == Ty::Str || str_list(t),
        _ => false,
    }
}

/// Whether `ty` is or holds a list of strings.
fn holds_str_list(ty: &Ty) -> bool {
    match ty {
        Ty::List(t) => **t == Ty::Str || holds_str_list(t),
        Ty::Tuple(ts) => ts.iter().any(holds_str_list),
        Ty::Dict(k, v) => holds_str_list(k) || holds_str_list(v),
        _ => false,
    }
}

/// Whether argument `i` of built-in `f` is read in place, when the call
/// itself is read in place when `ok`: measured, printed, compared or
/// indexed, or a list made of its items (`sorted`, a slice, `zip`) that
/// is read in place too.
fn call_reads(f: Builtin, i: usize, ok: bool) -> bool {
    match f {
        Builtin::Len
        | Builtin::Str
        | Builtin::Repr
        | Builtin::Bool
        | Builtin::IsInstance
        | Builtin::TypeName
        | Builtin::Min
        | Builtin::Max
        | Builtin::Any
        | Builtin::All => true,
        Builtin::Index => i == 0,
        Builtin::Sorted
        | Builtin::Reversed
        | Builtin::Slice
        | Builtin::List
        | Builtin::Enumerate
        | Builtin::Zip
        | Builtin::Dict
        | Builtin::Kept
        | Builtin::Rest => ok,
        _ => false,
    }
}
