//! The fields of the program's exception classes (`self.status = status`
//! in an `__init__` that calls `super().__init__(text)`) and the `args` of
//! a caught exception. A class whose fields a handler reads (`e.status`)
//! gets a struct of its own holding the text `str(e)` gives and those
//! fields; the `Error` variants of the class and of its subclasses that
//! run the same `__init__` hold it, and the handler binds it.

use super::try_stmt::Caught;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, ExprKind as E, FormatPart, StmtKind as P, Target};
use crate::render::plan::ir::ast::{args_var, fields_var};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::ops::Range;

/// The attributes read on a name (`name.attr`) in a block.
pub(super) struct AttrReads<'a> {
    pub(super) name: &'a str,
    pub(super) out: Vec<String>,
}

impl VisitMut for AttrReads<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Attr(obj, attr) = &e.kind
            && matches!(&obj.kind, E::Name(n) if &**n.ident() == self.name)
        {
            self.out.push(attr.to_string());
        }
    }
}

/// Every block of the program: the module's and those of its functions
/// and classes, at any depth.
pub(super) fn blocks(body: &[py::Stmt]) -> Vec<&[py::Stmt]> {
    let mut out = vec![body];
    py::walk(body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            out.extend(blocks(&code.body));
        }
    });
    out
}

/// `name.args` and `name.__cause__` written where `print` shows them: an
/// argument of `print`, or a field of an f-string without a spec or
/// conversion.
fn shown_args(name: &str, handler: &[py::Stmt]) -> Vec<Range<usize>> {
    let is_args = |e: &py::Expr| {
        matches!(&e.kind, E::Attr(obj, attr)
            if matches!(&**attr, "args" | "__cause__")
                && matches!(&obj.kind, E::Name(n) if &**n.ident() == name))
    };
    let mut out = Vec::new();
    let mut shown = |e: &py::Expr| {
        if is_args(e) {
            out.push(e.span.clone());
        }
        if let E::FString(parts) = &e.kind {
            for p in parts {
                if let FormatPart::Field {
                    value,
                    conversion: None,
                    spec,
                    debug: None,
                } = p
                    && spec.is_empty()
                    && is_args(value)
                {
                    out.push(value.span.clone());
                }
            }
        }
    };
    py::walk(handler, &mut |s| {
        if let P::Expr(e) = &s.kind
            && let E::Call(f, args) = &e.kind
            && matches!(&f.kind, E::Name(py::Name::Global(g)) if &**g == "print")
        {
            for a in args {
                if let Arg::Positional(x) = a {
                    shown(x);
                }
            }
        }
    });
    out
}

impl Planner<'_> {
    /// The fields of the exception class `owner` (one whose `__init__`
    /// sets them) that a handler of the program reads, in the order
    /// `__init__` sets them.
    pub(super) fn read_exception_fields(&self, owner: &str, set: &[String]) -> Vec<String> {
        let mut read = Vec::new();
        for block in blocks(&self.program.module.body) {
            py::walk(block, &mut |s| {
                let P::Try { handlers, .. } = &s.kind else {
                    return;
                };
                for h in handlers {
                    let (Some(n), Some(c)) = (&h.name, &h.class) else {
                        continue;
                    };
                    if !self.takes_from(c, owner) {
                        continue;
                    }
                    let mut reads = AttrReads {
                        name: n.ident(),
                        out: Vec::new(),
                    };
                    let mut body = h.body.clone();
                    block_mut(&mut body, &mut reads);
                    read.extend(reads.out);
                }
            });
        }
        set.iter()
            .filter(|f| read.contains(f) && f.as_str() != "args")
            .cloned()
            .collect()
    }

    /// Whether the `except` classes `c` take an exception whose
    /// `__init__` is `owner`'s.
    fn takes_from(&self, c: &py::Expr, owner: &str) -> bool {
        let items: Vec<&py::Expr> = match &c.kind {
            E::Tuple(xs) => xs.iter().collect(),
            _ => vec![c],
        };
        items.into_iter().any(|x| {
            let E::Name(py::Name::Global(n)) = &x.kind else {
                return false;
            };
            std::iter::once(n.to_string())
                .chain(self.exception_subclasses(n))
                .any(|class| self.init_owner(&class).as_deref() == Some(owner))
        })
    }

    /// The struct holding the fields of an exception of `class`, if the
    /// program reads any: the class whose `__init__` it runs.
    pub(super) fn exception_struct(&self, class: &str) -> Option<String> {
        let owner = self.init_owner(class)?;
        let (code, _) = self.class_def(&owner)?;
        let init = super::methods(code).find(|(m, _, _)| *m == "__init__")?.1;
        let set: Vec<String> = init
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                P::Assign { targets, .. } => match targets.as_slice() {
                    [Target::Attr(_, a)] => Some(a.to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        (self.raises_from(&owner) && !self.read_exception_fields(&owner, &set).is_empty())
            .then_some(owner)
    }

    /// Whether the program raises an exception whose `__init__` is
    /// `owner`'s: what it defines for the class is used.
    pub(super) fn raises_from(&self, owner: &str) -> bool {
        let mut found = false;
        for block in blocks(&self.program.module.body) {
            py::walk(block, &mut |s| {
                let P::Raise { exc: Some(e), .. } = &s.kind else {
                    return;
                };
                let class = match &e.kind {
                    E::Call(f, _) => &f.kind,
                    k => k,
                };
                if let E::Name(py::Name::Global(n)) = class {
                    found |= self.init_owner(n).as_deref() == Some(owner);
                }
            });
        }
        found
    }

    /// `e.field` or `e.args` of the exception caught as `e`.
    pub(super) fn caught_attr(
        &self,
        c: &Caught,
        name: &str,
        attr: &str,
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        if c.class.as_deref() == Some(GROUP) && matches!(attr, "exceptions" | "message") {
            return self.caught_parts(c, name, attr, span);
        }
        if c.class.as_deref() == Some(GROUP) {
            return refuse(
                span,
                format!("the attribute `{attr}` of an exception group's part"),
                "the Rust listing's `except*` takes the text of each exception of the group",
            );
        }
        if attr == "args" && c.args_shown.contains(span) {
            return Ok(ExprKind::Var(args_var(name)));
        }
        if attr == "__cause__" {
            return self.caught_cause(c, name, span);
        }
        if attr == "args" {
            return refuse(
                span,
                "the attribute `args` of a caught exception",
                "the Rust listing shows a caught exception's `args` as `print` writes the \
                 tuple: as an argument of `print` or in an f-string",
            );
        }
        let owners: Vec<Option<String>> =
            c.classes.iter().map(|k| self.exception_struct(k)).collect();
        if let Some(Some(owner)) = owners.first()
            && owners.iter().all(|o| o.as_ref() == Some(owner))
        {
            if c.reraised {
                return refuse(
                    span,
                    format!("the attribute `{attr}` of an exception raised again"),
                    "the Rust listing's handler borrows the caught `Err` to read its fields, \
                     and a bare `raise` would move it",
                );
            }
            let fields = Expr {
                kind: ExprKind::Var(fields_var(name)),
                span: span.clone(),
            };
            return Ok(ExprKind::Field(Box::new(fields), attr.to_string()));
        }
        refuse(
            span,
            format!("the attribute `{attr}` of a caught exception"),
            "the Rust listing's exception is an `Error` variant holding its message, and the \
             fields its class's `__init__` sets when every class the `except` takes sets them: \
             `str(e)` and `type(e).__name__` translate",
        )
    }

    /// What a handler of `except ... as name` needs to know of its body.
    pub(super) fn caught(
        &self,
        name: Option<String>,
        classes: &[String],
        class: Option<String>,
        handler: &[py::Stmt],
    ) -> Caught {
        let mut reraised = false;
        py::walk(handler, &mut |s| {
            reraised |= matches!(s.kind, P::Raise { exc: None, .. });
        });
        Caught {
            args_shown: name
                .as_deref()
                .map(|n| shown_args(n, handler))
                .unwrap_or_default(),
            name,
            classes: classes.to_vec(),
            class,
            text: None,
            reraised,
        }
    }
}

/// The unused parameters of an exception's `__init__` start with `_`,
/// as Rust names a parameter it ignores.
pub(super) fn mark_unused(params: &mut [String], used: &[&Expr]) {
    let mut vars = Vec::new();
    for e in used {
        e.variables(&mut vars);
    }
    for p in params.iter_mut() {
        if !vars.iter().any(|(v, _)| v == p) {
            *p = format!("_{p}");
        }
    }
}
