//! The program's own exception classes (`class QuotaError(Exception)`): a
//! variant of the listing's `Error` enum each, holding the text Python's
//! `str(e)` gives. An `__init__` may pass that text to
//! `super().__init__(text)` and set fields of its own; the listing then
//! makes the text with a plain function of the `__init__`'s parameters
//! (`quota_error_message(user, used)`), called where the class is raised.
//! An `except` of a class takes its subclasses: the handler lists them.

use super::scope::Scope;
use super::stmt::EXCEPTIONS;
use super::{Planner, Result, methods, module_stmts, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Literal, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Call, Function, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// The name of a class's only base, written as a plain name.
fn base_name(bases: &[py::Expr]) -> Option<&str> {
    match bases {
        [b] => match &b.kind {
            E::Name(Name::Global(n)) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// The plain function that makes the text of an exception class.
fn message_fn(class: &str) -> String {
    let mut out = String::new();
    for (i, c) in class.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out + "_message"
}

/// `super().__init__(args)`: its arguments.
fn super_init(s: &py::Stmt) -> Option<&[Arg]> {
    let P::Expr(e) = &s.kind else { return None };
    let E::Call(f, args) = &e.kind else {
        return None;
    };
    let E::Attr(obj, attr) = &f.kind else {
        return None;
    };
    let E::Call(sup, none) = &obj.kind else {
        return None;
    };
    (&**attr == "__init__"
        && none.is_empty()
        && matches!(&sup.kind, E::Name(Name::Global(n)) if &**n == "super"))
    .then_some(args.as_slice())
}

/// `self.x = value`.
fn sets_field(s: &py::Stmt) -> bool {
    matches!(&s.kind, P::Assign { targets, .. } if matches!(targets.as_slice(),
        [Target::Attr(obj, _)] if matches!(&obj.kind, E::Name(Name::Local(_, n)) if &**n == "self")))
}

fn is_docstring(s: &py::Stmt) -> bool {
    matches!(&s.kind, P::Expr(e) if matches!(&e.kind, E::Literal(Literal::Str(_))))
}

impl Planner<'_> {
    /// The class statement of the program's class `name`, with its bases.
    pub(super) fn class_def(&self, name: &str) -> Option<(&Code, &[py::Expr])> {
        module_stmts(&self.program.module.body)
            .into_iter()
            .find_map(|s| match &s.kind {
                P::Class {
                    code,
                    name: n,
                    bases,
                    ..
                } if &**n.ident() == name => Some((&**code, bases.as_slice())),
                _ => None,
            })
    }

    /// The base of `name` when it is an exception class of the program:
    /// a built-in exception class or another of the program's.
    pub(super) fn exception_base(&self, name: &str) -> Option<String> {
        let direct = base_name(self.class_def(name)?.1)?.to_string();
        let mut class = direct.clone();
        // A chain of bases ends at a built-in class (a loop cannot be written).
        for _ in 0..32 {
            let Some((_, bases)) = self.class_def(&class) else {
                // Every class of `EXCEPTIONS` derives from `Exception`.
                return EXCEPTIONS.contains(&&*class).then_some(direct);
            };
            class = base_name(bases)?.to_string();
        }
        None
    }

    /// The program's exception classes that `of` takes (its subclasses,
    /// at any depth), less `of` itself.
    pub(super) fn exception_subclasses(&self, of: &str) -> Vec<String> {
        let mut out = Vec::new();
        for s in module_stmts(&self.program.module.body) {
            let P::Class { name, .. } = &s.kind else {
                continue;
            };
            let mut class = name.ident().to_string();
            while let Some(base) = self.exception_base(&class) {
                if base == of {
                    out.push(name.ident().to_string());
                    break;
                }
                class = base;
            }
        }
        out
    }

    /// An exception class of the program: the function that makes its
    /// text (none when it has no `__init__`).
    pub(super) fn exception_class(
        &self,
        code: &Code,
        name: &str,
        s: &py::Stmt,
    ) -> Result<Option<Function>> {
        let mut init = None;
        for m in &code.body {
            match &m.kind {
                P::Pass => {}
                _ if is_docstring(m) => {}
                P::Def { name: n, .. } if &**n.ident() == "__init__" => {}
                _ => {
                    return refuse(
                        &m.span,
                        "this statement of an exception class",
                        "the Rust listing gives an exception class of the program a variant \
                         of its `Error` enum, with the text of `str(e)`: the class may have \
                         an `__init__` that calls `super().__init__(text)`",
                    );
                }
            }
        }
        for (m, c, def) in methods(code) {
            if m == "__init__" {
                init = Some((c, def));
            }
        }
        let Some((c, def)) = init else {
            return Ok(None);
        };
        if !self.raises_from(name) {
            // Nothing raises it: its text is never made.
            return Ok(None);
        }
        let params = self.params(c, name, 1, &def.span)?;
        let mut text = None;
        for st in &c.body {
            if let Some(args) = super_init(st)
                && text.is_none()
            {
                text = Some(match args {
                    [] => None,
                    [Arg::Positional(a)] => Some(a),
                    _ => {
                        return refuse(
                            &st.span,
                            "this `super().__init__(...)`",
                            "the Rust listing's exception holds one text: \
                             `super().__init__(text)`",
                        );
                    }
                });
            } else if !sets_field(st) && !is_docstring(st) && !matches!(st.kind, P::Pass) {
                return refuse(
                    &st.span,
                    "this statement of an exception's `__init__`",
                    "the Rust listing makes an exception's text from `super().__init__(text)`; \
                     the `__init__` may also set fields, which its `Error` variant does not keep",
                );
            }
        }
        let Some(text) = text else {
            return refuse(
                &def.span,
                "an exception's `__init__` without `super().__init__(...)`",
                "Python's exception then keeps the arguments of its call as its `args`, \
                 whatever `__init__` does with them; the Rust listing's exception holds the \
                 text `super().__init__(text)` gives it",
            );
        };
        let scope = Scope::new(FunctionKind::Blocking, Vec::new());
        let value = match text {
            Some(t) => self.expr(&scope, t)?,
            None => Expr {
                kind: ExprKind::Lit(crate::render::plan::ir::value::Value::Str("".into())),
                span: def.span.clone(),
            },
        };
        let mut params = params;
        if self.exception_struct(name).as_deref() == Some(name) {
            // A struct of the text and the fields the program reads.
            let mut fields = vec![("message".to_string(), value)];
            let set: Vec<String> = c
                .body
                .iter()
                .filter_map(|st| match &st.kind {
                    P::Assign { targets, .. } => match targets.as_slice() {
                        [Target::Attr(_, a)] => Some(a.to_string()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            let read = self.read_exception_fields(name, &set);
            for st in &c.body {
                if let P::Assign { targets, value } = &st.kind
                    && let [Target::Attr(_, a)] = targets.as_slice()
                    && read.iter().any(|r| r == &**a)
                {
                    if &**a == "message" {
                        return refuse(
                            &st.span,
                            "an exception's field `message`",
                            "the Rust listing's exception keeps the text `str(e)` gives as \
                             its field `message`: name the field otherwise",
                        );
                    }
                    fields.push((a.to_string(), self.expr(&scope, value)?));
                }
            }
            let used: Vec<&Expr> = fields.iter().map(|(_, e)| e).collect();
            super::exc_fields::mark_unused(&mut params, &used);
            return Ok(Some(Function {
                kind: FunctionKind::Object,
                name: name.to_string(),
                params,
                fields,
                body: Vec::new(),
                exit: Vec::new(),
                span: s.span.clone(),
            }));
        }
        super::exc_fields::mark_unused(&mut params, &[&value]);
        Ok(Some(Function {
            kind: FunctionKind::Blocking,
            name: message_fn(name),
            params,
            fields: Vec::new(),
            body: vec![Stmt {
                id: s.id,
                span: def.span.clone(),
                kind: StmtKind::Return(Some(value)),
            }],
            exit: Vec::new(),
            span: s.span.clone(),
        }))
    }

    /// The class whose `__init__` an exception class of the program runs:
    /// its own, or the nearest of its bases of the program's.
    pub(super) fn init_owner(&self, class: &str) -> Option<String> {
        let mut class = class.to_string();
        for _ in 0..32 {
            let (code, bases) = self.class_def(&class)?;
            if methods(code).any(|(m, _, _)| m == "__init__") {
                return Some(class);
            }
            class = base_name(bases)?.to_string();
        }
        None
    }

    /// Whether `raise e` raises an exception class of the program.
    pub(super) fn raises_own(&self, e: &py::Expr) -> bool {
        let class = match &e.kind {
            E::Name(Name::Global(n)) => n,
            E::Call(f, _) => match &f.kind {
                E::Name(Name::Global(n)) => n,
                _ => return false,
            },
            _ => return false,
        };
        self.exception_base(class).is_some()
    }

    /// `raise Class(args)` of an exception class of the program (see
    /// [`Self::raises_own`]): its class and text.
    pub(super) fn own_raise(&self, sc: &Scope, e: &py::Expr) -> Result<(String, Option<Expr>)> {
        let (class, args): (&str, &[Arg]) = match &e.kind {
            E::Call(f, args) => match &f.kind {
                E::Name(Name::Global(n)) => (n, args),
                _ => unreachable!("checked by raises_own"),
            },
            E::Name(Name::Global(n)) => (n, &[]),
            _ => unreachable!("checked by raises_own"),
        };
        let mut planned = Vec::new();
        for a in args {
            match a {
                Arg::Positional(x) => planned.push(self.expr(sc, x)?),
                _ => {
                    return refuse(
                        &e.span,
                        "these arguments of an exception class",
                        "the Rust listing passes an exception's arguments by position",
                    );
                }
            }
        }
        if let Some(owner) = self.init_owner(class)
            && let Some((code, _)) = self.class_def(&owner)
            && let Some((_, init, _)) = methods(code).find(|(m, _, _)| *m == "__init__")
            && init.params.positional.len() != planned.len() + 1
        {
            return refuse(
                &e.span,
                format!("`{class}` called with these arguments"),
                "the Rust listing passes each parameter of the exception's `__init__` by \
                 position, and Python raises `TypeError` for a call that does not",
            );
        }
        if let Some(owner) = self.exception_struct(class) {
            let call = Call {
                name: owner,
                args: planned,
                span: e.span.clone(),
            };
            let fields = Expr {
                kind: ExprKind::New(call),
                span: e.span.clone(),
            };
            return Ok((class.to_string(), Some(fields)));
        }
        if let Some(owner) = self.init_owner(class) {
            let call = Call {
                name: message_fn(&owner),
                args: planned,
                span: e.span.clone(),
            };
            let text = Expr {
                kind: ExprKind::Await(call),
                span: e.span.clone(),
            };
            return Ok((class.to_string(), Some(text)));
        }
        if planned.len() > 1 {
            return refuse(
                &e.span,
                "an exception of several arguments",
                "the Rust listing's exception holds one text",
            );
        }
        Ok((class.to_string(), planned.pop()))
    }
}
