//! A plain generator that only filters and maps one iterable,
//! `for x in xs: if c: yield e`, makes the items the generator expression
//! `(e for x in xs if c)` makes, in the same order: where each of its
//! calls is read whole where it is made (by `for`, a comprehension,
//! `list`, `sum`, `sorted`, ..., or such a generator's loop), the program
//! is planned as if the function returned that expression, whose items
//! the listing builds at once as it builds any generator expression's
//! (and refuses where making an item shows something while a caller reads
//! them one by one: see `lazy_items`). A generator kept in a variable,
//! printed or passed elsewhere is used up by its first reading, which a
//! list is not: such a generator stays refused, as does one read item by
//! item whose items can raise (see `gen_lists`).

use super::captures::with_module_defs;
use crate::program::visit_mut::{VisitMut, block_mut, expr_mut};
use crate::program::{
    self as py, Arg, Code, CompKind, Comprehension, ExprKind as E, Name, Program, Stmt,
    StmtKind as P, walk,
};
use std::collections::HashMap;
use std::sync::Arc;

/// The built-ins that read every item of their one argument at once.
const WHOLE_READERS: &[&str] = &[
    "list", "tuple", "set", "dict", "sum", "sorted", "min", "max", "any", "all",
];

/// The program with each plain generator of the module that filters and
/// maps one iterable, and whose every call is read whole where it is made,
/// written as the `return` of its generator expression; `None` when it
/// has none.
pub(super) fn as_returns(program: &Program) -> Option<Program> {
    let mut fed: HashMap<Arc<str>, Option<usize>> = HashMap::new();
    let unsafe_reads = super::gen_lists::read_unsafely(program);
    for s in &program.module.body {
        if let P::Def { code, name, .. } = &s.kind
            && matches!(name, Name::Global(_))
            && !unsafe_reads.contains(name.ident())
            && adapter(code).is_some()
        {
            fed.insert(name.ident().clone(), iterated_param(code));
        }
    }
    if fed.is_empty() {
        return None;
    }
    let mut uses = Uses {
        fed: &fed,
        named: HashMap::new(),
        read: HashMap::new(),
        lambda: false,
    };
    uses.block(&program.module.body);
    if uses.lambda {
        return None;
    }
    let read_whole = |name: &Arc<str>| uses.named.get(name) == uses.read.get(name);
    with_module_defs(program, |code| {
        fed.keys()
            .find(|n| **n == code.name)
            .filter(|n| read_whole(n))
            .and_then(|_| adapter(code))
    })
}

/// The index of the parameter a generator's loop runs over, if it does.
fn iterated_param(code: &Code) -> Option<usize> {
    let [
        Stmt {
            kind: P::For { iter, .. },
            ..
        },
    ] = code.body.as_slice()
    else {
        return None;
    };
    let E::Name(n) = &iter.kind else {
        return None;
    };
    code.params
        .positional
        .iter()
        .position(|p| p.name == *n.ident())
}

/// How often each generator's name is written (`named`), and how often as
/// a call read whole where it is made (`read`).
struct Uses<'a> {
    fed: &'a HashMap<Arc<str>, Option<usize>>,
    named: HashMap<Arc<str>, usize>,
    read: HashMap<Arc<str>, usize>,
    /// A lambda's body is not visited: its calls are not counted.
    lambda: bool,
}

impl Uses<'_> {
    /// The generator `e` calls, if it is a call of one.
    fn called(&self, e: &py::Expr) -> Option<Arc<str>> {
        let E::Call(f, _) = &e.kind else {
            return None;
        };
        let E::Name(Name::Global(n)) = &f.kind else {
            return None;
        };
        self.fed.contains_key(n).then(|| n.clone())
    }

    fn read_whole(&mut self, e: &py::Expr) {
        if let Some(n) = self.called(e) {
            *self.read.entry(n).or_default() += 1;
        }
    }

    /// Counts the uses in `block`, and in the functions and classes it
    /// defines.
    fn block(&mut self, block: &[Stmt]) {
        let mut copy = block.to_vec();
        block_mut(&mut copy, self);
        let mut inner = Vec::new();
        walk(block, &mut |s| match &s.kind {
            P::For {
                is_async: false,
                iter,
                ..
            } => inner.push(Err(iter.clone())),
            P::Def { code, .. } | P::Class { code, .. } => inner.push(Ok(code.clone())),
            _ => {}
        });
        for x in inner {
            match x {
                Ok(code) => self.block(&code.body),
                Err(iter) => self.read_whole(&iter),
            }
        }
    }
}

impl VisitMut for Uses<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Name(Name::Global(n)) if self.fed.contains_key(n) => {
                *self.named.entry(n.clone()).or_default() += 1;
            }
            E::Lambda { .. } => self.lambda = true,
            E::Comprehension(c) => {
                for g in c.generators.iter().filter(|g| !g.is_async) {
                    self.read_whole(&g.iter);
                }
            }
            E::Call(f, args) => {
                let E::Name(Name::Global(n)) = &f.kind else {
                    return;
                };
                let whole = match args.as_slice() {
                    [Arg::Positional(x)] if WHOLE_READERS.contains(&&**n) => Some(x),
                    _ => match self.fed.get(n) {
                        Some(Some(i)) => match args.get(*i) {
                            Some(Arg::Positional(x)) => Some(x),
                            _ => None,
                        },
                        _ => None,
                    },
                };
                if let Some(x) = whole {
                    self.read_whole(x);
                }
            }
            _ => {}
        }
    }
}

/// `code` as a function returning its generator expression, when it is a
/// plain generator whose body is one `for` loop (no `else`) yielding one
/// value, under one `if` at most.
fn adapter(code: &Code) -> Option<Code> {
    if code.is_async || !code.is_generator {
        return None;
    }
    let [s] = code.body.as_slice() else {
        return None;
    };
    let P::For {
        is_async: false,
        target,
        iter,
        body,
        orelse,
    } = &s.kind
    else {
        return None;
    };
    if !orelse.is_empty() || !calm(iter) {
        return None;
    }
    let (ifs, element) = match body.as_slice() {
        [
            Stmt {
                kind:
                    P::If {
                        test,
                        body: inner,
                        orelse,
                    },
                ..
            },
        ] if orelse.is_empty() && !test.suspends => match inner.as_slice() {
            [y] => (vec![test.clone()], yielded(y)?),
            _ => return None,
        },
        [y] => (Vec::new(), yielded(y)?),
        _ => return None,
    };
    let comp = Comprehension {
        kind: CompKind::Generator,
        code: Arc::new(Code {
            is_generator: false,
            body: Vec::new(),
            ..code.clone()
        }),
        element,
        value: None,
        generators: vec![py::Generator {
            target: target.clone(),
            iter: iter.clone(),
            ifs,
            is_async: false,
        }],
        is_async: false,
    };
    let value = py::Expr {
        kind: E::Comprehension(Arc::new(comp)),
        span: s.span.clone(),
        suspends: false,
    };
    Some(Code {
        is_generator: false,
        body: vec![Stmt {
            id: s.id,
            span: s.span.clone(),
            kind: P::Return(Some(value)),
        }],
        ..code.clone()
    })
}

/// The value of `yield value` written as a statement, which neither
/// awaits nor yields again.
fn yielded(s: &Stmt) -> Option<py::Expr> {
    match &s.kind {
        P::Expr(py::Expr {
            kind: E::Yield(Some(v)),
            ..
        }) if !v.suspends => Some((**v).clone()),
        _ => None,
    }
}

/// Whether evaluating the iterable `e` shows nothing: it suspends nowhere
/// and calls only built-ins that make or reorder iterables. A generator
/// evaluates it at its first item, a generator expression where it is
/// made: a call of one of the program's functions there could print in
/// another order (`f(gen(noisy()), other())`).
fn calm(e: &py::Expr) -> bool {
    struct Calls(bool);
    impl VisitMut for Calls {
        fn expr(&mut self, e: &mut py::Expr) {
            if let E::Call(f, _) = &e.kind {
                let builtin = matches!(&f.kind, E::Name(Name::Global(n))
                    if ["range", "enumerate", "zip", "reversed", "sorted", "list"].contains(&&**n));
                self.0 &= builtin;
            }
            self.0 &= !matches!(e.kind, E::Lambda { .. });
        }
    }
    let mut calls = Calls(!e.suspends);
    expr_mut(&mut e.clone(), &mut calls);
    calls.0
}
