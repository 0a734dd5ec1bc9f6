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

/// The name of the plan function that marks a dataclass's generated
/// `__lt__` (and the other orderings): `#[derive(PartialOrd)]`.
pub fn order_marker(class: &str) -> String {
    format!("{class}.__lt__")
}

impl<'p> Planner<'p> {
    /// Whether `e` names `dataclasses.dataclass`.
    fn is_dataclass_decorator(&self, e: &py::Expr) -> bool {
        self.is_member(e, Module::Dataclasses, "dataclass")
    }

    /// The class decorators the plan takes: `@dataclass`, `@dataclass()`,
    /// or with `order=` and `frozen=` given `True` or `False`.
    pub(super) fn class_decorators(&self, decorators: &[py::Expr]) -> Result<()> {
        match decorators {
            [d] if self.is_dataclass_decorator(d) => Ok(()),
            [d] if let E::Call(f, args) = &d.kind
                && self.is_dataclass_decorator(f) =>
            {
                options(args).map(|_| ())
            }
            _ => super::no_decorators(decorators),
        }
    }

    /// The options of the class `name` when it is a `@dataclass`.
    pub(super) fn dataclass_options(&self, name: &str) -> Option<Options> {
        let (_, decorators) = self.class_stmt(name)?;
        match decorators {
            [d] if self.is_dataclass_decorator(d) => Some(Options::default()),
            [d] if let E::Call(f, args) = &d.kind
                && self.is_dataclass_decorator(f) =>
            {
                options(args).ok()
            }
            _ => None,
        }
    }

    /// The body and decorators of the module-level class `name`.
    fn class_stmt(&self, name: &str) -> Option<(&'p Code, &'p [py::Expr])> {
        super::module_stmts(&self.program.module.body)
            .into_iter()
            .find_map(|s| match &s.kind {
                P::Class {
                    code,
                    name: n,
                    decorators,
                    ..
                } if &**n.ident() == name => Some((&**code, &decorators[..])),
                _ => None,
            })
    }

    /// Whether `attr` is a field of a `frozen=True` dataclass.
    pub(super) fn frozen_field(&self, attr: &str) -> bool {
        self.plain_classes().into_iter().any(|(class, _)| {
            self.dataclass_options(class).is_some_and(|o| o.frozen)
                && self
                    .dataclass_fields(class)
                    .is_some_and(|fs| fs.iter().any(|(f, _)| *f == attr))
        })
    }

    /// The fields of the class `name` when it is a `@dataclass`.
    pub(super) fn dataclass_fields(&self, name: &str) -> Option<Vec<DataField<'p>>> {
        self.dataclass_options(name)?;
        let (code, _) = self.class_stmt(name)?;
        Some(fields_of(code))
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
        for (_, default) in fields {
            if let Some(d) = default {
                self.field_default(&Scope::init(), d)?;
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
        let order = self.dataclass_options(name).is_some_and(|o| o.order);
        let markers = [Some(eq_marker(name)), order.then(|| order_marker(name))];
        out.extend(markers.into_iter().flatten().map(|marker| Function {
            kind: FunctionKind::Blocking,
            name: marker,
            params: Vec::new(),
            fields: Vec::new(),
            body: Vec::new(),
            exit: Vec::new(),
            span: s.span.clone(),
        }));
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
            match (g, default) {
                (Some(e), _) => out.push(self.expr(sc, e)?),
                (None, Some(d)) => out.push(self.field_default(sc, d)?),
                (None, None) => return bad(),
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

impl Planner<'_> {
    /// A field's default as each call writes it: a constant, or a new
    /// empty list for `field(default_factory=list)`.
    fn field_default(&self, sc: &Scope, d: &py::Expr) -> Result<Expr> {
        let why = "a Rust call passes every argument, so the listing writes a default at each \
                   call: a number, string, boolean or `None`, or `field(default=...)` of one, \
                   or `field(default_factory=list)`";
        if super::calls::is_constant(d) {
            return self.expr(sc, d);
        }
        let E::Call(f, args) = &d.kind else {
            return refuse(&d.span, "this default value of a field", why);
        };
        if !self.is_member(f, Module::Dataclasses, "field") {
            return refuse(&d.span, "this default value of a field", why);
        }
        match args.as_slice() {
            [Arg::Keyword(k, v)] if &**k == "default" && super::calls::is_constant(v) => {
                self.expr(sc, v)
            }
            [Arg::Keyword(k, v)]
                if &**k == "default_factory"
                    && matches!(&v.kind, E::Name(Name::Global(n))
                        if &**n == "list" && !self.defs.contains_key(&**n)) =>
            {
                Ok(Expr {
                    kind: ExprKind::List(Vec::new()),
                    span: d.span.clone(),
                })
            }
            _ => refuse(&d.span, "these arguments of `dataclasses.field`", why),
        }
    }
}

/// The options of `@dataclass(...)` the plan takes.
#[derive(Clone, Copy, Default)]
pub(super) struct Options {
    /// `order=True`: `<`, `<=`, `>`, `>=` compare the fields in order.
    pub(super) order: bool,
    /// `frozen=True`: no field is set after `__init__`.
    pub(super) frozen: bool,
}

/// The options given to `@dataclass(...)`.
fn options(args: &[Arg]) -> Result<Options> {
    let mut out = Options::default();
    for a in args {
        let on = match a {
            Arg::Keyword(k, v) => match &v.kind {
                E::Literal(py::Literal::Bool(b)) => Some((&**k, *b)),
                _ => None,
            },
            _ => None,
        };
        match on {
            Some(("order", b)) => out.order = b,
            Some(("frozen", b)) => out.frozen = b,
            _ => {
                let (Arg::Positional(e) | Arg::Keyword(_, e) | Arg::Star(e) | Arg::StarStar(e)) = a;
                return refuse(
                    &e.span,
                    "this option of `@dataclass`",
                    "the Rust listing translates `@dataclass` with `order=` and `frozen=` \
                     (`True` or `False`): a struct deriving `PartialEq` (and `PartialOrd` for \
                     `order=True`), with a `Debug` printed as Python's repr",
                );
            }
        }
    }
    Ok(out)
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
