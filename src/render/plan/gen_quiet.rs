//! Whether a plain generator's body makes its items quietly: it prints,
//! awaits and changes nothing but its own variables, its loops end, and
//! whether an item can raise (see `gen_lists`).

use crate::program::visit_mut::{VisitMut, block_mut, expr_mut};
use crate::program::{
    self as py, Arg, BinOp, CmpOp, Code, ExprKind as E, Literal, Name, Stmt, StmtKind as P, Target,
    walk,
};
use std::collections::HashSet;
use std::sync::Arc;

/// The built-ins a generator's body may call: they show nothing.
const QUIET_BUILTINS: &[&str] = &[
    "len",
    "range",
    "isinstance",
    "int",
    "str",
    "float",
    "abs",
    "min",
    "max",
    "sum",
    "sorted",
    "list",
    "tuple",
    "enumerate",
    "zip",
    "reversed",
    "bool",
    "round",
    "repr",
];

/// Those of [`QUIET_BUILTINS`] that raise nothing on the values the
/// listing can hold.
const SAFE_BUILTINS: &[&str] = &[
    "len",
    "isinstance",
    "str",
    "list",
    "tuple",
    "enumerate",
    "zip",
    "reversed",
    "bool",
    "repr",
];

/// The string methods a generator's body may call, without arguments.
const BARE_METHODS: &[&str] = &[
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "title",
    "splitlines",
    "isdigit",
    "isalpha",
    "isspace",
];

/// The string methods a generator's body may call with non-empty literal
/// strings.
const LITERAL_METHODS: &[&str] = &[
    "strip",
    "lstrip",
    "rstrip",
    "partition",
    "rpartition",
    "split",
    "startswith",
    "endswith",
    "replace",
];

/// Whether `code`'s body qualifies (see the module's doc), and whether it
/// may raise an exception (its calls of the program's functions aside).
pub(super) fn quiet_body(code: &Code, gens: &HashSet<Arc<str>>) -> (bool, bool) {
    let mut check = Quiet {
        gens,
        ok: true,
        raises: false,
        yield_stmts: 0,
        yields: 0,
        callees: HashSet::new(),
        yielded: HashSet::new(),
    };
    check.stmts(&code.body, false);
    let mut body = code.body.clone();
    block_mut(&mut body, &mut check);
    // A name yielded and then changed in place would be seen changed; a
    // number is never changed in place.
    let numbers = numbers(code);
    walk(&code.body, &mut |s| {
        if let P::AugAssign {
            target: Target::Name(n),
            value,
            ..
        } = &s.kind
            && check.yielded.contains(n.ident())
            && !numbers.contains(n.ident())
            && !matches!(value.kind, E::Literal(Literal::Int(_) | Literal::Float(_)))
        {
            check.ok = false;
        }
    });
    (check.ok && check.yields == check.yield_stmts, check.raises)
}

/// The locals of `code` that only a number literal binds (then changed by
/// `+=` and the like): they always hold a number, which no operator
/// changes in place.
fn numbers(code: &Code) -> HashSet<Arc<str>> {
    let mut literal = HashSet::new();
    let mut other = HashSet::new();
    walk(&code.body, &mut |s| match &s.kind {
        P::Assign { targets, value } => {
            let number = matches!(value.kind, E::Literal(Literal::Int(_) | Literal::Float(_)));
            for t in targets {
                match t {
                    Target::Name(n) if number => {
                        literal.insert(n.ident().clone());
                    }
                    t => other.extend(names_bound(t)),
                }
            }
        }
        P::For { target, .. } => other.extend(names_bound(target)),
        _ => {}
    });
    other.extend(code.params.all().map(|p| p.name.clone()));
    literal.retain(|n| !other.contains(n));
    literal
}

struct Quiet<'a> {
    gens: &'a HashSet<Arc<str>>,
    ok: bool,
    raises: bool,
    /// How many `yield`s are statements, and how many there are.
    yield_stmts: usize,
    yields: usize,
    /// The methods called: the only attributes read.
    callees: HashSet<py::Span>,
    /// The names read by the yielded values.
    yielded: HashSet<Arc<str>>,
}

impl Quiet<'_> {
    /// Checks the statements' kinds; `in_while`: inside a `while` whose
    /// end depends on every turn reaching its step.
    fn stmts(&mut self, block: &[Stmt], in_while: bool) {
        for s in block {
            match &s.kind {
                P::Expr(e) => match &e.kind {
                    E::Yield(Some(v)) | E::YieldFrom(v) => {
                        self.yield_stmts += 1;
                        self.ok &= !v.suspends;
                        names_in(v, &mut self.yielded);
                    }
                    E::Yield(None) => self.yield_stmts += 1,
                    _ => self.ok = false,
                },
                P::Assign { targets, .. } => {
                    self.ok &= targets.iter().all(local_target);
                }
                P::AugAssign { target, .. } => self.ok &= local_target(target),
                P::If { body, orelse, .. } => {
                    self.stmts(body, in_while);
                    self.stmts(orelse, in_while);
                }
                P::For {
                    is_async: false,
                    target,
                    body,
                    orelse,
                    ..
                } => {
                    self.ok &= local_target(target);
                    self.stmts(body, in_while);
                    self.stmts(orelse, in_while);
                }
                P::While { test, body, orelse } => {
                    self.ok &= orelse.is_empty() && ends(test, body);
                    self.stmts(body, true);
                }
                P::Continue => self.ok &= !in_while,
                P::Return(None) | P::Pass | P::Break => {}
                _ => self.ok = false,
            }
        }
    }
}

impl VisitMut for Quiet<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Yield(_) | E::YieldFrom(_) => self.yields += 1,
            E::Literal(_) => {}
            // A global can change between two items: only the functions
            // called are read.
            E::Name(Name::Global(n)) => {
                self.ok &= self.gens.contains(n) || QUIET_BUILTINS.contains(&&**n);
            }
            E::Name(_) => {}
            E::Call(f, args) => {
                self.ok &= args.iter().all(|a| matches!(a, Arg::Positional(_)));
                match &f.kind {
                    E::Name(Name::Global(n)) if self.gens.contains(n) => {}
                    E::Name(Name::Global(n)) if QUIET_BUILTINS.contains(&&**n) => {
                        let safe = SAFE_BUILTINS.contains(&&**n)
                            || (&**n == "range"
                                && (args.len() < 3
                                    || matches!(&args[2], Arg::Positional(py::Expr {
                                        kind: E::Literal(Literal::Int(k)), ..
                                    }) if *k != 0)));
                        self.raises |= !safe;
                    }
                    E::Attr(_, m) if quiet_method(m, args) => {
                        self.callees.insert(f.span.clone());
                    }
                    E::Attr(..) => {
                        self.ok = false;
                        self.raises = true;
                    }
                    _ => self.ok = false,
                }
            }
            E::Attr(..) => self.ok &= self.callees.contains(&e.span),
            E::Subscript(_, i) => self.raises |= !matches!(i.kind, E::Slice(..)),
            E::BinOp(op, _, right) => {
                // Dividing by a literal other than zero, or shifting and
                // raising to a literal that is not negative, raises nothing.
                let by = match right.kind {
                    E::Literal(Literal::Int(k)) => Some(k),
                    _ => None,
                };
                self.raises |= match op {
                    BinOp::Div | BinOp::FloorDiv | BinOp::Mod => by.is_none_or(|k| k == 0),
                    BinOp::Pow | BinOp::LShift | BinOp::RShift => by.is_none_or(|k| k < 0),
                    BinOp::MatMul => true,
                    _ => false,
                };
            }
            E::Lambda { .. } | E::Await(_) | E::Named(..) => self.ok = false,
            E::Comprehension(c) => self.ok &= !c.is_async,
            _ => {}
        }
    }

    fn bound(&mut self, n: &mut Name) {
        self.ok &= !matches!(n, Name::Global(_));
    }
}

/// Whether calling method `m` with `args` shows nothing and raises nothing
/// on a string.
fn quiet_method(m: &str, args: &[Arg]) -> bool {
    if args.is_empty() {
        return BARE_METHODS.contains(&m);
    }
    LITERAL_METHODS.contains(&m)
        && args.iter().all(|a| {
            matches!(a, Arg::Positional(py::Expr {
                kind: E::Literal(Literal::Str(s)), ..
            }) if !s.is_empty())
        })
}

/// Whether `t` binds locals only.
fn local_target(t: &Target) -> bool {
    match t {
        Target::Name(n) => !matches!(n, Name::Global(_)),
        Target::Unpack(ts, _) => ts.iter().all(local_target),
        Target::Attr(..) | Target::Subscript(..) => false,
    }
}

/// Whether `while test: body` ends: `n > k` (or `>=`) with `n -= d`, or
/// `n < k` (or `<=`) with `n += d`, `k` a literal and `d` a positive
/// literal, the step at the top of the body and `n` bound nowhere else in
/// it.
fn ends(test: &py::Expr, body: &[Stmt]) -> bool {
    let E::Compare(left, ops) = &test.kind else {
        return false;
    };
    let (E::Name(Name::Local(_, n)), [(op, bound)]) = (&left.kind, ops.as_slice()) else {
        return false;
    };
    if !matches!(bound.kind, E::Literal(Literal::Int(_))) {
        return false;
    }
    let step = match op {
        CmpOp::Gt | CmpOp::Ge => BinOp::Sub,
        CmpOp::Lt | CmpOp::Le => BinOp::Add,
        _ => return false,
    };
    let steps = body.iter().any(|s| {
        matches!(&s.kind, P::AugAssign {
            target: Target::Name(t),
            op,
            value: py::Expr { kind: E::Literal(Literal::Int(d)), .. },
        } if t.ident() == n && *op == step && *d > 0)
    });
    let mut bound_elsewhere = 0;
    walk(body, &mut |s| {
        let binds = |t: &Target| names_bound(t).iter().any(|b| b == n);
        bound_elsewhere += match &s.kind {
            P::Assign { targets, .. } => usize::from(targets.iter().any(binds)),
            P::AugAssign { target, .. } => usize::from(binds(target)),
            P::For { target, .. } => usize::from(binds(target)),
            _ => 0,
        };
    });
    steps && bound_elsewhere == 1
}

fn names_bound(t: &Target) -> Vec<Arc<str>> {
    match t {
        Target::Name(n) => vec![n.ident().clone()],
        Target::Unpack(ts, _) => ts.iter().flat_map(names_bound).collect(),
        Target::Attr(..) | Target::Subscript(..) => Vec::new(),
    }
}

/// The names `e` reads.
pub(super) fn names_in(e: &py::Expr, out: &mut HashSet<Arc<str>>) {
    expr_mut(&mut e.clone(), &mut Names(out));
}

/// Gathers the names an expression reads, or a statement reads and binds.
pub(super) struct Names<'a>(pub(super) &'a mut HashSet<Arc<str>>);

impl VisitMut for Names<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Name(n) = &e.kind {
            self.0.insert(n.ident().clone());
        }
    }

    fn bound(&mut self, n: &mut Name) {
        self.0.insert(n.ident().clone());
    }
}
