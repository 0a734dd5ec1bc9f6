//! `@dataclass` classes: the fields are the class body's annotated names
//! (`name: str`, `retries: int = 2`), in order; the generated `__init__`
//! takes them as parameters (a default where the class gives one), the
//! generated `__repr__` prints `Job(name='build', retries=2)` and the
//! generated `__eq__` compares the fields in order (the struct derives
//! `PartialEq`). Methods are a plain class's.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Module, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::ast::{self, Call, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, Template};
use std::ops::Range;

/// A dataclass field: its name and its default value.
pub(super) type DataField<'p> = (&'p str, Option<&'p py::Expr>);

/// The name of the plan function that marks a dataclass's generated
/// `__eq__`: its objects compare by their fields (`#[derive(PartialEq)]`).
pub fn eq_marker(class: &str) -> String {
    format!("{class}.__eq__")
}

impl<'p> Planner<'p> {
    /// Whether `e` names `dataclasses.dataclass`.
    fn is_dataclass_decorator(&self, e: &py::Expr) -> bool {
        self.is_member(e, Module::Dataclasses, "dataclass")
    }

    /// The class decorators the plan takes: `@dataclass` (or
    /// `@dataclass()`), nothing else.
    pub(super) fn class_decorators(&self, decorators: &[py::Expr]) -> Result<()> {
        for d in decorators {
            match &d.kind {
                _ if self.is_dataclass_decorator(d) && decorators.len() == 1 => {}
                E::Call(f, args) if self.is_dataclass_decorator(f) && decorators.len() == 1 => {
                    if let Some(a) = args.first() {
                        let span = match a {
                            Arg::Positional(e) | Arg::Keyword(_, e) => &e.span,
                            _ => &d.span,
                        };
                        return refuse(
                            span,
                            "this option of `@dataclass`",
                            "the Rust listing translates `@dataclass` without options: a \
                             struct deriving `PartialEq`, with a `Debug` printed as Python's \
                             repr",
                        );
                    }
                }
                _ => return super::no_decorators(decorators),
            }
        }
        Ok(())
    }

    /// The fields of the class `name` when it is a `@dataclass`.
    pub(super) fn dataclass_fields(&self, name: &str) -> Option<Vec<DataField<'p>>> {
        let (_, code, decorators) = super::module_stmts(&self.program.module.body)
            .into_iter()
            .find_map(|s| match &s.kind {
                P::Class {
                    code,
                    name: n,
                    decorators,
                    ..
                } if &**n.ident() == name => Some((s, &**code, decorators)),
                _ => None,
            })?;
        let is_data = decorators.iter().any(|d| match &d.kind {
            E::Call(f, _) => self.is_dataclass_decorator(f),
            _ => self.is_dataclass_decorator(d),
        });
        is_data.then(|| fields_of(code))
    }

    /// A dataclass's struct: its fields are `new`'s parameters, in order;
    /// its generated `__repr__` and the marker of its generated `__eq__`.
    pub(super) fn dataclass_object(
        &self,
        code: &Code,
        name: &str,
        s: &Stmt,
        fields: &[DataField<'p>],
    ) -> Result<Vec<Function>> {
        for m in &code.body {
            let ok = match &m.kind {
                P::Def { .. } | P::Pass | P::Annotate { .. } => true,
                P::Expr(e) => super::stmt::is_docstring(e),
                P::Assign { targets, .. } => matches!(targets.as_slice(),
                    [py::Target::Name(n)] if fields.iter().any(|(f, _)| *f == &**n.ident())),
                _ => false,
            };
            if !ok {
                return refuse(
                    &m.span,
                    "a class-level statement in a dataclass",
                    "the Rust listing turns a dataclass into a struct: its body holds \
                     annotated fields (`name: str`, `retries: int = 2`) and methods",
                );
            }
        }
        for (f, default) in fields {
            if let Some(d) = default
                && !super::calls::is_constant(d)
            {
                return refuse(
                    &d.span,
                    format!("the default value of `{f}`"),
                    "a Rust call passes every argument, so the listing writes a default at \
                     each call: it must be a number, string, boolean or `None`",
                );
            }
        }
        let span = |e: Option<&py::Expr>| e.map_or(s.span.clone(), |e| e.span.clone());
        let var = |f: &str, at: Range<usize>| Expr {
            kind: ExprKind::Var(f.to_string()),
            span: at,
        };
        let object = Function {
            kind: FunctionKind::Object,
            name: name.to_string(),
            params: fields.iter().map(|(f, _)| f.to_string()).collect(),
            fields: fields
                .iter()
                .map(|(f, d)| (f.to_string(), var(f, span(*d))))
                .collect(),
            body: Vec::new(),
            exit: Vec::new(),
            span: s.span.clone(),
        };
        let mut out = vec![object];
        let own = |m: &str| super::methods(code).any(|(n, _, _)| n == m);
        if !own("__repr__") {
            out.push(self.dataclass_repr(name, fields, s));
        }
        out.push(Function {
            kind: FunctionKind::Blocking,
            name: eq_marker(name),
            params: Vec::new(),
            fields: Vec::new(),
            body: Vec::new(),
            exit: Vec::new(),
            span: s.span.clone(),
        });
        Ok(out)
    }

    /// The generated `__repr__`: `return f"Job(name={self.name!r}, ...)"`.
    fn dataclass_repr(&self, name: &str, fields: &[DataField<'p>], s: &Stmt) -> Function {
        let at = s.span.clone();
        let mut parts = vec![Part::Text(format!("{name}("))];
        for (i, (f, _)) in fields.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            parts.push(Part::Text(format!("{sep}{f}=")));
            let field = Expr {
                kind: ExprKind::Var(f.to_string()),
                span: at.clone(),
            };
            parts.push(Part::Hole(Expr {
                kind: ExprKind::Call(Builtin::Repr, vec![field]),
                span: at.clone(),
            }));
        }
        parts.push(Part::Text(")".into()));
        let text = Expr {
            kind: ExprKind::Template(Template { parts }),
            span: at.clone(),
        };
        Function {
            kind: FunctionKind::Blocking,
            name: super::objects::method_name(name, "__repr__"),
            params: Vec::new(),
            fields: fields
                .iter()
                .map(|(f, _)| {
                    let v = Expr {
                        kind: ExprKind::Var(f.to_string()),
                        span: at.clone(),
                    };
                    (f.to_string(), v)
                })
                .collect(),
            body: vec![ast::Stmt {
                id: s.id,
                span: at.clone(),
                kind: StmtKind::Return(Some(text)),
            }],
            exit: Vec::new(),
            span: at,
        }
    }

    /// `Job("build", 1.5, retries=0)`: the generated `__init__` called with
    /// every field, the defaults written out.
    pub(super) fn dataclass_call(
        &self,
        sc: &Scope,
        name: &str,
        fields: &[DataField<'p>],
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Call> {
        let bad = || {
            refuse(
                span,
                format!("`{name}` called with these arguments"),
                format!(
                    "`{name}` takes its fields ({}): a Rust function is called with all of \
                     its parameters, in order",
                    fields
                        .iter()
                        .map(|(f, _)| *f)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        };
        let mut given: Vec<Option<&py::Expr>> = vec![None; fields.len()];
        for (i, a) in args.iter().enumerate() {
            let (slot, e) = match a {
                Arg::Positional(e) => (i, e),
                Arg::Keyword(k, e) => match fields.iter().position(|(f, _)| *f == &**k) {
                    Some(slot) => (slot, e),
                    None => return bad(),
                },
                _ => return bad(),
            };
            match given.get_mut(slot) {
                Some(g @ None) => *g = Some(e),
                _ => return bad(),
            }
        }
        let mut out = Vec::new();
        for (g, (_, default)) in given.into_iter().zip(fields) {
            match g.or(*default) {
                Some(e) => out.push(self.expr(sc, e)?),
                None => return bad(),
            }
        }
        let call = Call {
            name: name.to_string(),
            args: out,
            span: span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
        }
        Ok(call)
    }
}

/// The annotated names of a dataclass body, with the value each is given.
fn fields_of(code: &Code) -> Vec<DataField<'_>> {
    let mut out: Vec<DataField<'_>> = Vec::new();
    for (i, s) in code.body.iter().enumerate() {
        let P::Annotate { name, annotation } = &s.kind else {
            continue;
        };
        if is_class_var(annotation) {
            continue;
        }
        // `x: int = 0` is the assignment, then the annotation.
        let default = i.checked_sub(1).and_then(|j| match &code.body[j].kind {
            P::Assign { targets, value } => match targets.as_slice() {
                [py::Target::Name(n)] if n.ident() == name => Some(value),
                _ => None,
            },
            _ => None,
        });
        out.push((name, default));
    }
    out
}

/// `ClassVar[...]`: a class attribute, not a field.
fn is_class_var(annotation: &py::Expr) -> bool {
    let head = match &annotation.kind {
        E::Subscript(h, _) => h,
        _ => annotation,
    };
    match &head.kind {
        E::Name(Name::Global(n)) => &**n == "ClassVar",
        E::Attr(_, a) => &**a == "ClassVar",
        _ => false,
    }
}
