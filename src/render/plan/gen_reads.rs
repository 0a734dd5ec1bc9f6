//! How the module's plain generators are read: where each is named, where
//! each call is read whole or item by item, and which can raise (see
//! `gen_lists`).

use super::gen_quiet::{names_in, quiet_body};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{
    self as py, Arg, Code, ExprKind as E, Name, Program, Stmt, StmtKind as P, Target, walk,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The built-ins that read every item of their one argument at once.
const WHOLE_READERS: &[&str] = &[
    "list", "tuple", "set", "dict", "sum", "sorted", "min", "max",
];

/// The built-ins that read their arguments' items one by one.
const ITEM_READERS: &[&str] = &["enumerate", "zip", "any", "all"];

/// What the module's plain generators do and how they are read.
pub(super) struct Analysis {
    /// Those whose bodies qualify (see the module's doc).
    pub(super) quiet: HashSet<Arc<str>>,
    /// Whether each may raise (a call of the program's functions aside).
    pub(super) raises: HashMap<Arc<str>, bool>,
    /// How often each generator's name is written.
    pub(super) named: HashMap<Arc<str>, usize>,
    /// Each call read where it is made.
    pub(super) reads: HashMap<Arc<str>, Vec<Read>>,
}

/// How a call of a generator is read.
#[derive(Clone, Copy)]
pub(super) struct Read {
    /// Every item at once.
    pub(super) whole: bool,
    /// By a `for` that changes in place what the call was given.
    pub(super) changes: bool,
}

pub(super) fn analyse(program: &Program) -> Option<Analysis> {
    let mut gens: HashMap<Arc<str>, Arc<Code>> = HashMap::new();
    for s in &program.module.body {
        if let P::Def { code, name, .. } = &s.kind
            && let Name::Global(n) = name
            && code.is_generator
            && !code.is_async
        {
            gens.insert(n.clone(), code.clone());
        }
    }
    if gens.is_empty() {
        return None;
    }
    let names: HashSet<Arc<str>> = gens.keys().cloned().collect();
    let mut quiet = HashSet::new();
    let mut raises: HashMap<Arc<str>, bool> = HashMap::new();
    for (n, code) in &gens {
        let (ok, r) = quiet_body(code, &names);
        if ok {
            quiet.insert(n.clone());
        }
        raises.insert(n.clone(), r);
    }
    let iterated = iterated_params(program);
    let mut sites = Sites {
        gens: &gens,
        iterated: &iterated,
        named: HashMap::new(),
        reads: HashMap::new(),
        current: None,
        feeds: Vec::new(),
        changes: false,
    };
    sites.block(&program.module.body);
    // A generator raises what the generators it reads whole raise.
    loop {
        let mut changed = false;
        for (outer, inner) in &sites.feeds {
            if raises.get(inner) == Some(&true) && raises.get(outer) == Some(&false) {
                raises.insert(outer.clone(), true);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Some(Analysis {
        quiet,
        raises,
        named: sites.named,
        reads: sites.reads,
    })
}

/// For each module function, the indexes of its positional parameters that
/// its body reads once, as the iterable of a `for`, a `yield from` or a
/// comprehension.
fn iterated_params(program: &Program) -> HashMap<Arc<str>, Vec<usize>> {
    let mut out = HashMap::new();
    for s in &program.module.body {
        let P::Def { code, name, .. } = &s.kind else {
            continue;
        };
        let mut reads = Reads::default();
        let mut body = code.body.clone();
        block_mut(&mut body, &mut reads);
        let Reads {
            counts,
            mut iterated,
        } = reads;
        walk(&code.body, &mut |s| {
            let iter = match &s.kind {
                P::For {
                    is_async: false,
                    iter,
                    ..
                } => iter,
                P::Expr(py::Expr {
                    kind: E::YieldFrom(iter),
                    ..
                }) => &**iter,
                _ => return,
            };
            if let E::Name(n @ Name::Local(..)) = &iter.kind {
                iterated.insert(n.ident().clone());
            }
        });
        let nested = !code.cells.is_empty();
        let idx: Vec<usize> = code
            .params
            .positional
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !nested && iterated.contains(&p.name) && counts.get(&p.name) == Some(&1)
            })
            .map(|(i, _)| i)
            .collect();
        out.insert(name.ident().clone(), idx);
    }
    out
}

/// How often a function's body reads each name (a name bound again
/// counting twice), and the names a comprehension runs over first.
#[derive(Default)]
struct Reads {
    counts: HashMap<Arc<str>, usize>,
    iterated: HashSet<Arc<str>>,
}

impl VisitMut for Reads {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Name(n) => *self.counts.entry(n.ident().clone()).or_default() += 1,
            E::Comprehension(c) if !c.is_async => {
                if let Some(g) = c.generators.first()
                    && let E::Name(n @ Name::Local(..)) = &g.iter.kind
                {
                    self.iterated.insert(n.ident().clone());
                }
            }
            _ => {}
        }
    }

    fn bound(&mut self, n: &mut Name) {
        // A parameter bound again is not only iterated.
        *self.counts.entry(n.ident().clone()).or_default() += 2;
    }
}

/// Where each generator is named, and where it is called and read.
struct Sites<'a> {
    gens: &'a HashMap<Arc<str>, Arc<Code>>,
    iterated: &'a HashMap<Arc<str>, Vec<usize>>,
    /// How often each generator's name is written.
    named: HashMap<Arc<str>, usize>,
    /// Each call read where it is made.
    reads: HashMap<Arc<str>, Vec<Read>>,
    /// The generator whose body is visited.
    current: Option<Arc<str>>,
    /// (outer, inner): `outer` reads the items of `inner` whole.
    feeds: Vec<(Arc<str>, Arc<str>)>,
    /// The `for` being read changes what its call was given.
    changes: bool,
}

impl Sites<'_> {
    /// The generator `e` calls, if it is a call of one with positional
    /// arguments only.
    fn called(&self, e: &py::Expr) -> Option<Arc<str>> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let E::Name(Name::Global(n)) = &f.kind else {
            return None;
        };
        (self.gens.contains_key(n) && args.iter().all(|a| matches!(a, Arg::Positional(_))))
            .then(|| n.clone())
    }

    fn read(&mut self, e: &py::Expr, whole: bool) {
        if let Some(n) = self.called(e) {
            let changes = self.changes;
            self.reads
                .entry(n.clone())
                .or_default()
                .push(Read { whole, changes });
            if whole && let Some(outer) = &self.current {
                self.feeds.push((outer.clone(), n));
            }
        }
    }

    /// Counts the uses in `block`, and in the functions, lambdas and
    /// classes it defines.
    fn block(&mut self, block: &[Stmt]) {
        let mut copy = block.to_vec();
        block_mut(&mut copy, self);
        let mut inner = Vec::new();
        walk(block, &mut |s| match &s.kind {
            P::For {
                is_async: false,
                iter,
                body,
                ..
            } => inner.push(Err((iter.clone(), body.clone()))),
            P::Def { code, name, .. } => {
                let generator = match self.gens.get(name.ident()) {
                    Some(g) if Arc::ptr_eq(g, code) => Some(name.ident().clone()),
                    _ => None,
                };
                inner.push(Ok((code.clone(), generator)));
            }
            P::Class { code, .. } => inner.push(Ok((code.clone(), None))),
            _ => {}
        });
        for x in inner {
            match x {
                Ok((code, generator)) => {
                    let current = std::mem::replace(&mut self.current, generator);
                    self.block(&code.body);
                    self.current = current;
                }
                Err((iter, body)) => {
                    self.changes = changes_args(&iter, &body);
                    self.read(&iter, false);
                    self.changes = false;
                }
            }
        }
    }
}

impl VisitMut for Sites<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Name(Name::Global(n)) if self.gens.contains_key(n) => {
                *self.named.entry(n.clone()).or_default() += 1;
            }
            E::Lambda { code, .. } => {
                let current = self.current.take();
                self.block(&code.body);
                self.current = current;
            }
            E::YieldFrom(x) if self.current.is_some() => self.read(x, true),
            E::Comprehension(c) => {
                for g in c.generators.iter().filter(|g| !g.is_async) {
                    self.read(&g.iter, false);
                }
            }
            E::Call(f, args) => {
                let E::Name(Name::Global(n)) = &f.kind else {
                    return;
                };
                let builtin = !self.iterated.contains_key(n);
                if let [Arg::Positional(x)] = args.as_slice()
                    && builtin
                    && WHOLE_READERS.contains(&&**n)
                {
                    self.read(x, true);
                    return;
                }
                if builtin && ITEM_READERS.contains(&&**n) {
                    for a in args {
                        if let Arg::Positional(x) = a {
                            self.read(x, false);
                        }
                    }
                    return;
                }
                if let Some(idx) = self.iterated.get(n) {
                    for i in idx {
                        if let Some(Arg::Positional(x)) = args.get(*i) {
                            self.read(x, false);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether the body of a `for` over `iter` changes in place a variable the
/// call `iter` was given (`xs.append(...)`, `xs[i] = ...`).
fn changes_args(iter: &py::Expr, body: &[Stmt]) -> bool {
    let E::Call(_, args) = &iter.kind else {
        return false;
    };
    let mut given = HashSet::new();
    for a in args {
        if let Arg::Positional(x) = a {
            names_in(x, &mut given);
        }
    }
    struct Changes<'a>(&'a HashSet<Arc<str>>, bool);
    impl VisitMut for Changes<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            if let E::Call(f, _) = &e.kind
                && let E::Attr(x, _) = &f.kind
                && let E::Name(n) = &x.kind
                && self.0.contains(n.ident())
            {
                self.1 = true;
            }
        }
    }
    let mut changes = Changes(&given, false);
    let mut copy = body.to_vec();
    block_mut(&mut copy, &mut changes);
    walk(body, &mut |s| {
        let targets: Vec<&Target> = match &s.kind {
            P::Assign { targets, .. } => targets.iter().collect(),
            P::AugAssign { target, .. } => vec![target],
            _ => Vec::new(),
        };
        for t in targets {
            if let Target::Attr(x, _) | Target::Subscript(x, _) = t
                && let E::Name(n) = &x.kind
                && given.contains(n.ident())
            {
                changes.1 = true;
            }
        }
    });
    changes.1
}
