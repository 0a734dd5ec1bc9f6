//! An exception of one of the program's own classes made in place with
//! literal arguments (`QuietError("a", 2)`), as [`super::exc_made`] takes
//! one of a built-in class: the class's chain of bases, up to the built-in
//! class it ends at, answers `isinstance`, and a class that keeps
//! `BaseException`'s `__init__`, `__str__` and `__repr__` gives Python's
//! text for `str`, `repr` and `.args`.

use super::{methods, module_stmts};
use crate::program::{self as py, Arg, Code, ExprKind as E, Literal, Name, Stmt, StmtKind as P};

/// A class of the program that derives from a built-in exception class.
pub(super) struct OwnClass<'p> {
    /// The class and its bases of the program, the class first.
    pub chain: Vec<&'p str>,
    /// The built-in class the chain ends at.
    pub builtin: &'p str,
    /// Whether each class of the chain has no body but `pass` or a
    /// docstring: Python's own `__init__`, `__str__` and `__repr__`.
    pub plain: bool,
    /// The nearest `__init__` of the chain, with its `def` statement.
    init: Option<(&'p Code, &'p Stmt)>,
}

impl OwnClass<'_> {
    /// Whether making one with `args` runs nothing but its fields: the
    /// arguments fit, and each `__init__` of the chain only sets fields
    /// of plain values and passes them to `super().__init__(...)`.
    pub(super) fn made_quietly(&self, body: &[Stmt], args: &[Arg]) -> bool {
        let positional = args.iter().all(|a| matches!(a, Arg::Positional(_)));
        let Some((init, def)) = self.init else {
            return positional;
        };
        let P::Def { defaults, .. } = &def.kind else {
            return false;
        };
        let params = &init.params;
        let most = params.positional.len().saturating_sub(1);
        let least = most.saturating_sub(defaults.len());
        let fits = params.varargs.is_none()
            && params.keyword_only.is_empty()
            && params.varkw.is_none()
            && (least..=most).contains(&args.len());
        positional
            && fits
            && self.chain.iter().all(|c| {
                class_code(body, c).is_some_and(|code| {
                    methods(code).all(|(m, c, _)| m == "__init__" && quiet_init(c))
                })
            })
    }
}

/// The program's class `name` when it derives from a built-in exception
/// class (one of `builtins`), each class of its chain defined once at
/// the module's top level with one base and no decorator.
pub(super) fn own_class<'p>(
    body: &'p [Stmt],
    name: &'p str,
    builtins: &[&'p str],
) -> Option<OwnClass<'p>> {
    let mut chain: Vec<&str> = Vec::new();
    let mut class = name;
    let mut init = None;
    // A chain of bases is short; a loop cannot be written.
    for _ in 0..32 {
        if let Some(builtin) = builtins.iter().copied().find(|b| *b == class) {
            let plain = chain.iter().all(|c| {
                class_code(body, c).is_some_and(|code| code.body.iter().all(is_empty_stmt))
            });
            return (!chain.is_empty()).then_some(OwnClass {
                chain,
                builtin,
                plain,
                init,
            });
        }
        let (code, base) = class_def(body, class)?;
        if init.is_none() {
            init = methods(code)
                .find(|(m, _, _)| *m == "__init__")
                .map(|(_, c, s)| (c, s));
        }
        chain.push(class);
        class = base;
    }
    None
}

/// The body of the class `name` and its one base, when the module defines
/// it once, at its top level, without a decorator.
fn class_def<'p>(body: &'p [Stmt], name: &str) -> Option<(&'p Code, &'p str)> {
    let mut found = module_stmts(body)
        .into_iter()
        .filter_map(|s| match &s.kind {
            P::Class {
                code,
                name: n,
                bases,
                decorators,
            } if &**n.ident() == name => Some((code, bases, decorators)),
            _ => None,
        });
    let (code, bases, decorators) = found.next()?;
    if found.next().is_some() || !decorators.is_empty() {
        return None;
    }
    match bases.as_slice() {
        [
            py::Expr {
                kind: E::Name(Name::Global(b)),
                ..
            },
        ] => Some((&**code, &**b)),
        _ => None,
    }
}

fn class_code<'p>(body: &'p [Stmt], name: &str) -> Option<&'p Code> {
    class_def(body, name).map(|(code, _)| code)
}

fn is_empty_stmt(s: &Stmt) -> bool {
    matches!(&s.kind, P::Pass)
        || matches!(&s.kind, P::Expr(e) if matches!(&e.kind, E::Literal(Literal::Str(_))))
}

/// An `__init__` whose statements only set `self.name` to a parameter or
/// a literal and pass such values, or f-strings of them, to
/// `super().__init__(...)`.
fn quiet_init(init: &Code) -> bool {
    let plain = |e: &py::Expr| matches!(&e.kind, E::Name(Name::Local(..)) | E::Literal(_));
    let value = |e: &py::Expr| {
        plain(e)
            || matches!(&e.kind, E::FString(parts) if parts.iter().all(|p| match p {
                py::FormatPart::Literal(_) => true,
                py::FormatPart::Field {
                    value,
                    conversion,
                    spec,
                    ..
                } => {
                    plain(value) && conversion.is_none() && spec.is_empty()
                }
            }))
    };
    init.body.iter().all(|s| match &s.kind {
        P::Assign { targets, value: v } => {
            matches!(targets.as_slice(), [py::Target::Attr(obj, _)]
                if matches!(&obj.kind, E::Name(Name::Local(_, n)) if &**n == "self"))
                && plain(v)
        }
        P::Expr(e) => {
            let E::Call(f, args) = &e.kind else {
                return is_empty_stmt(s);
            };
            let E::Attr(obj, attr) = &f.kind else {
                return false;
            };
            &**attr == "__init__"
                && matches!(&obj.kind, E::Call(sup, none)
                    if none.is_empty()
                        && matches!(&sup.kind, E::Name(Name::Global(n)) if &**n == "super"))
                && args
                    .iter()
                    .all(|a| matches!(a, Arg::Positional(v) if value(v)))
        }
        _ => is_empty_stmt(s),
    })
}
