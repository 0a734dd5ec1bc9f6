//! Single inheritance from a class the program uses only as a base: the
//! class based on it is written as one class holding the base's methods
//! and class attributes (those it does not define itself), and its
//! `super().__init__(...)` is replaced by the base's `__init__` body, its
//! parameters given the call's arguments. Python's lookup then finds
//! what the one class has: the listing's struct holds the base's fields
//! and its `impl` the methods, inherited ones included, and a base's
//! method calling one the class overrides calls the override, as in
//! Python. A base made or named elsewhere (its objects beside the
//! derived ones, `isinstance`, a second derived class) is left as it is.

use crate::program::visit_mut::{self, VisitMut};
use crate::program::{
    Arg, Code, Expr, ExprKind as E, Literal, Name, Program, Stmt, StmtKind as P, Target,
};
use std::sync::Arc;

/// The program with each class based on a class used nowhere else
/// written as one class; `None` when it has none.
pub(super) fn flatten(program: &Program) -> Option<Program> {
    let mut body = program.module.body.clone();
    let mut changed = false;
    while let Some((base, derived, merged)) = next_merge(&body) {
        body[derived] = merged;
        body.remove(base);
        changed = true;
    }
    changed.then(|| Program {
        file: program.file.clone(),
        source: program.source.clone(),
        docstring: program.docstring.clone(),
        module: Arc::new(Code {
            body,
            ..(*program.module).clone()
        }),
        statement_count: program.statement_count,
    })
}

/// The first class of `body` based on a class it can take in: the base's
/// place, the derived class's place and the derived class as one.
fn next_merge(body: &[Stmt]) -> Option<(usize, usize, Stmt)> {
    (0..body.len()).find_map(|i| {
        let (b, stmt) = take_in(body, i).ok()?;
        Some((b, i, stmt))
    })
}

/// Why the listing keeps the base of the class statement `s` of `body`
/// (a module's statements, its bases taken in where they could be).
pub(super) fn kept_reason(body: &[Stmt], s: &Stmt) -> String {
    let i = body.iter().position(|t| t.span == s.span);
    match i.map(|i| take_in(body, i)) {
        Some(Err(why)) => why,
        _ => NOT_OF_THE_PROGRAM.into(),
    }
}

/// The reason for a base that is no class of the program.
const NOT_OF_THE_PROGRAM: &str = "the Rust listing turns a class into a struct, and Rust \
    structs do not inherit: the listing takes into a class only a base class of the program \
    defined without a base or a decorator";

/// The class statement `body[i]` with its one base taken in, and the
/// base's place; else why not.
fn take_in(body: &[Stmt], i: usize) -> Result<(usize, Stmt), String> {
    let s = &body[i];
    let P::Class {
        code,
        name,
        bases,
        decorators,
    } = &s.kind
    else {
        return Err(NOT_OF_THE_PROGRAM.into());
    };
    let [base] = bases.as_slice() else {
        return Err(
            "the Rust listing turns a class into a struct, and Rust structs do not \
                    inherit: the listing takes in one base class, not several"
                .into(),
        );
    };
    let E::Name(Name::Global(base_name)) = &base.kind else {
        return Err(NOT_OF_THE_PROGRAM.into());
    };
    let b = body
        .iter()
        .position(|t| matches!(&t.kind, P::Class { name, .. } if name.ident() == base_name))
        .ok_or(NOT_OF_THE_PROGRAM)?;
    let P::Class {
        code: base_code,
        bases: base_bases,
        decorators: base_decorators,
        ..
    } = &body[b].kind
    else {
        return Err(NOT_OF_THE_PROGRAM.into());
    };
    let defined_once = body
        .iter()
        .filter(|t| bound_name(t).is_some_and(|n| n == &**base_name))
        .count()
        == 1;
    // A base defined below the class is Python's `NameError`.
    if !base_bases.is_empty() || !base_decorators.is_empty() || !defined_once || b > i {
        return Err(NOT_OF_THE_PROGRAM.into());
    }
    if mentions(body, base_name) != 1 {
        return Err(format!(
            "the program uses `{base_name}` beside the class based on it (its objects, \
             `isinstance`, another class based on it): Rust has no inheritance, and the \
             listing takes a base into the one class based on it only when nothing else \
             names the base; objects of several classes in one place would be an `enum` \
             of the classes"
        ));
    }
    if uses_super(&base_code.body) {
        return Err(SUPER.into());
    }
    let merged = merge(base_code, code)?;
    let stmt = Stmt {
        kind: P::Class {
            code: Arc::new(merged),
            name: name.clone(),
            bases: Vec::new(),
            decorators: decorators.clone(),
        },
        ..s.clone()
    };
    Ok((b, stmt))
}

/// The reason for a `super()` the listing does not take.
const SUPER: &str = "the listing writes the base's methods into the class based on it, \
    where an override replaces the base's own: it takes `super()` only as a \
    `super().__init__(...)` statement of `__init__`";

/// The name a module statement binds, when it binds one.
fn bound_name(s: &Stmt) -> Option<&str> {
    match &s.kind {
        P::Class { name, .. } | P::Def { name, .. } | P::Import { name, .. } => Some(name.ident()),
        P::Assign { targets, .. } => targets.iter().find_map(|t| match t {
            Target::Name(n) => Some(&**n.ident()),
            _ => None,
        }),
        _ => None,
    }
}

/// The class `derived` with what it inherits from `base`; `None` when
/// the base's body holds more than methods, class attributes and a
/// docstring, or `derived` uses `super()` otherwise than in one
/// `super().__init__(...)` statement of its `__init__`.
fn merge(base: &Code, derived: &Code) -> Result<Code, String> {
    let own: Vec<&str> = derived.body.iter().filter_map(class_name).collect();
    let mut body = Vec::new();
    for s in &base.body {
        match &s.kind {
            P::Pass => {}
            P::Expr(e) if matches!(e.kind, E::Literal(Literal::Str(_))) => {}
            P::Def { .. } | P::Assign { .. } => {
                let name = class_name(s).ok_or(BASE_BODY)?;
                if !own.contains(&name) {
                    body.push(s.clone());
                }
            }
            _ => return Err(BASE_BODY.into()),
        }
    }
    let base_init = base.body.iter().find_map(|s| match &s.kind {
        P::Def {
            name,
            code,
            defaults,
            ..
        } if &**name.ident() == "__init__" => Some((&**code, defaults.as_slice())),
        _ => None,
    });
    for s in &derived.body {
        match &s.kind {
            P::Def {
                name,
                code,
                defaults,
                decorators,
                annotations,
            } if &**name.ident() == "__init__" => {
                let init = with_base_init(code, base_init).ok_or(SUPER_INIT)?;
                body.push(Stmt {
                    kind: P::Def {
                        code: Arc::new(init),
                        name: name.clone(),
                        defaults: defaults.clone(),
                        decorators: decorators.clone(),
                        annotations: annotations.clone(),
                    },
                    ..s.clone()
                });
            }
            P::Def { code, .. } if uses_super(&code.body) => return Err(SUPER.into()),
            _ => body.push(s.clone()),
        }
    }
    Ok(Code {
        body,
        ..derived.clone()
    })
}

/// The reason for a base whose body the listing does not take in.
const BASE_BODY: &str = "the listing writes the base's methods and class attributes (`name = \
    value`) into the class based on it; other statements of the base's body it does not take in";

/// The reason for a `super().__init__(...)` the listing does not take in.
const SUPER_INIT: &str = "the listing writes the base's `__init__` in place of \
    `super().__init__(...)`, a statement of `__init__`, when the base's `__init__` only sets \
    fields (`self.name = value`) and each argument is a literal or a variable";

/// The name a class-level `def` or single assignment binds.
fn class_name(s: &Stmt) -> Option<&str> {
    match &s.kind {
        P::Def { name, .. } => Some(name.ident()),
        P::Assign { targets, .. } => match targets.as_slice() {
            [Target::Name(n)] => Some(n.ident()),
            _ => None,
        },
        _ => None,
    }
}

/// The derived class's `__init__` with its `super().__init__(...)`
/// replaced by the base's `__init__` body (nothing, without arguments, for
/// a base without `__init__`): only `self.name = value`
/// statements, each parameter given its argument, a literal or a name
/// (read where the call was); the default of a parameter the call leaves
/// out must be a literal.
fn with_base_init(init: &Code, base: Option<(&Code, &[Expr])>) -> Option<Code> {
    let at = init.body.iter().position(|s| super_init_args(s).is_some());
    let Some(at) = at else {
        // Python runs no base `__init__` then, and neither does the listing.
        return (!uses_super(&init.body)).then(|| init.clone());
    };
    let args = super_init_args(&init.body[at])?;
    let Some((base, defaults)) = base else {
        // `object.__init__()`: nothing to run.
        let mut body = init.body.clone();
        body.remove(at);
        return (args.is_empty() && !uses_super(&body)).then(|| Code {
            body,
            ..init.clone()
        });
    };
    let params = &base.params;
    if params.varargs.is_some() || params.varkw.is_some() || !params.keyword_only.is_empty() {
        return None;
    }
    let names: Vec<&str> = params.positional.iter().map(|p| &*p.name).collect();
    let (self_name, rest) = names.split_first()?;
    if args.len() > rest.len() || rest.len() - args.len() > defaults.len() {
        return None;
    }
    let mut given: Vec<(&str, Expr)> = Vec::new();
    for (i, p) in rest.iter().enumerate() {
        let value = match args.get(i) {
            Some(Arg::Positional(a)) if simple(a) => a.clone(),
            Some(_) => return None,
            None => defaults[defaults.len() - (rest.len() - i)].clone(),
        };
        if !simple(&value) {
            return None;
        }
        given.push((p, value));
    }
    let self_slot = init.locals.iter().position(|n| &**n == "self")?;
    let self_kind = E::Name(Name::Local(u32::try_from(self_slot).ok()?, "self".into()));
    let mut inlined = Vec::new();
    for s in &base.body {
        match &s.kind {
            P::Pass => continue,
            P::Expr(e) if matches!(e.kind, E::Literal(Literal::Str(_))) => continue,
            P::Assign { targets, .. } if sets_field(targets, self_name) => {}
            _ => return None,
        }
        let mut s = s.clone();
        let mut sub = Substitute {
            self_name,
            self_kind: &self_kind,
            given: &given,
            unknown: false,
        };
        visit_mut::stmt_mut(&mut s, &mut sub);
        if sub.unknown {
            return None;
        }
        inlined.push(s);
    }
    let mut body = init.body.clone();
    body.splice(at..=at, inlined);
    if uses_super(&body) {
        return None;
    }
    Some(Code {
        body,
        ..init.clone()
    })
}

/// Whether `targets` are one field of the object `self_name`.
fn sets_field(targets: &[Target], self_name: &str) -> bool {
    matches!(targets, [Target::Attr(o, _)]
        if matches!(&o.kind, E::Name(Name::Local(_, n)) if &**n == self_name))
}

/// A value the base's `__init__` may read in place of its parameter: a
/// literal, or a variable (read where the call was).
fn simple(e: &Expr) -> bool {
    matches!(
        e.kind,
        E::Literal(_) | E::Name(Name::Local(..) | Name::Global(_))
    )
}

/// The arguments of a `super().__init__(...)` statement.
fn super_init_args(s: &Stmt) -> Option<&[Arg]> {
    let P::Expr(e) = &s.kind else { return None };
    let E::Call(f, args) = &e.kind else {
        return None;
    };
    let E::Attr(obj, m) = &f.kind else {
        return None;
    };
    (&**m == "__init__" && is_super(obj)).then_some(args.as_slice())
}

/// `super()`.
fn is_super(e: &Expr) -> bool {
    matches!(&e.kind, E::Call(f, args)
        if args.is_empty() && matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "super"))
}

/// Whether `super` is named anywhere in `body`, nested definitions
/// included.
fn uses_super(body: &[Stmt]) -> bool {
    mentions(body, "super") > 0
}

/// How many times the global `name` is read in `body`, nested
/// definitions, lambdas and class bases included.
fn mentions(body: &[Stmt], name: &str) -> usize {
    let mut count = Mentions { name, count: 0 };
    let mut body = body.to_vec();
    visit_mut::block_mut(&mut body, &mut count);
    let mut total = count.count;
    crate::program::walk(&body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            total += mentions(&code.body, name);
        }
    });
    total
}

/// Counts the reads of one global name.
struct Mentions<'a> {
    name: &'a str,
    count: usize,
}

impl VisitMut for Mentions<'_> {
    fn expr(&mut self, e: &mut Expr) {
        match &e.kind {
            E::Name(Name::Global(n)) if &**n == self.name => self.count += 1,
            E::Lambda { code, .. } => self.count += mentions(&code.body, self.name),
            _ => {}
        }
    }
}

/// Gives the base's `__init__` statements the derived one's `self` and
/// the call's arguments for its parameters; `unknown` when they read
/// another local name or a cell.
struct Substitute<'a> {
    self_name: &'a str,
    self_kind: &'a E,
    given: &'a [(&'a str, Expr)],
    unknown: bool,
}

impl VisitMut for Substitute<'_> {
    fn expr(&mut self, e: &mut Expr) {
        match &e.kind {
            E::Name(Name::Local(_, n)) if &**n == self.self_name => {
                e.kind = self.self_kind.clone();
            }
            E::Name(Name::Local(_, n)) => match self.given.iter().find(|(p, _)| *p == &**n) {
                Some((_, value)) => e.kind = value.kind.clone(),
                None => self.unknown = true,
            },
            E::Name(Name::Cell(..)) | E::Lambda { .. } | E::Comprehension(_) => self.unknown = true,
            _ => {}
        }
    }

    fn whole_comprehensions(&self) -> bool {
        false
    }
}
