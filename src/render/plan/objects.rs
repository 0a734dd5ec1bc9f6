//! Plain classes (no base class, no `__aiter__`/`__aenter__`): a struct
//! with its fields from `__init__` and its methods, plain and `async`;
//! objects made (`Class(...)`), their fields read (`obj.name`) and their
//! methods called and awaited (`obj.m(...)`, `await obj.m(...)`).

use super::class_attrs::{AttrUse, check_body, class_attrs};
use super::scope::Scope;
use super::{Def, Planner, Result, methods, module_stmts, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Name, Stmt, StmtKind as P};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::{
    self,
    ast::{Call, Function, FunctionKind, StmtKind},
};

/// A struct's fields: name and first value.
type Fields = Vec<(String, Expr)>;

/// The name of the plan function of `class`'s method `m`.
pub(crate) fn method_name(class: &str, m: &str) -> String {
    format!("{class}.{m}")
}

impl<'p> Planner<'p> {
    /// The program's plain classes: name and body.
    pub(super) fn plain_classes(&self) -> Vec<(&'p str, &'p Code)> {
        module_stmts(&self.program.module.body)
            .into_iter()
            .filter_map(|s| match &s.kind {
                // The program's exception classes are `Error` variants.
                P::Class { code, name, .. }
                    if self
                        .defs
                        .get(&**name.ident())
                        .is_some_and(|d| d.kind.is_none())
                        && self.exception_base(name.ident()).is_none()
                        && !self.is_enum(name.ident()) =>
                {
                    Some((&**name.ident(), &**code))
                }
                _ => None,
            })
            .collect()
    }

    /// The plain class `name`: its name and body.
    pub(super) fn plain_class_code(&self, name: &str) -> Option<(&'p str, &'p Code)> {
        self.plain_classes().into_iter().find(|(c, _)| *c == name)
    }

    /// Whether `name` is a plain class of the program.
    pub(super) fn is_plain_class(&self, name: &str) -> bool {
        self.plain_classes().iter().any(|(c, _)| *c == name)
    }

    /// The one plain class with the method `m`: the class and the method's
    /// `def` statement.
    pub(super) fn method_owner(&self, m: &str) -> Option<(&'p str, &'p Stmt)> {
        let enums = module_stmts(&self.program.module.body)
            .into_iter()
            .filter_map(|s| match &s.kind {
                P::Class { name, code, .. } if self.is_enum(name.ident()) => {
                    Some((&**name.ident(), &**code))
                }
                _ => None,
            });
        let mut found = self
            .plain_classes()
            .into_iter()
            .chain(enums)
            .chain(self.resource_classes())
            .filter_map(|(class, code)| {
                methods(code)
                    .find(|(n, _, _)| *n == m)
                    .map(|(_, _, s)| (class, s))
            });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// Whether `attr` is a field that `__init__` of one plain class sets.
    fn object_field(&self, attr: &str) -> bool {
        self.object_fields(attr) == 1
    }

    /// Whether `e` is `var.field` of a local variable, outside the class,
    /// `field` a field of one plain class: a list the listing may change
    /// in place (`var.items.append(x)`).
    pub(super) fn local_object_field(&self, sc: &Scope, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Attr(obj, attr)
            if !is_self(obj)
                && sc.field(obj, attr).is_none()
                && matches!(obj.kind, E::Name(Name::Local(..)))
                && self.object_field(attr))
    }

    /// How many plain classes have the field `attr`.
    pub(super) fn object_fields(&self, attr: &str) -> usize {
        let sets = |class: &str, code: &Code| {
            self.dataclass_fields(class)
                .is_some_and(|fs| fs.iter().any(|(f, _)| *f == attr))
                || methods(code)
                .find(|(n, _, _)| *n == "__init__")
                .is_some_and(|(_, init, _)| {
                    init.body.iter().any(|s| {
                        matches!(&s.kind, P::Assign { targets, .. }
                            if matches!(targets.as_slice(), [py::Target::Attr(_, a)] if &**a == attr))
                    })
                })
        };
        let shadowed = |(class, code): &(&str, &Code)| {
            class_attrs(code).iter().any(|(a, _)| *a == attr)
                && self.attr_use(class, attr) == AttrUse::Field
        };
        let resources = self
            .resource_classes()
            .into_iter()
            .filter(|c| sets(c.0, c.1));
        self.plain_classes()
            .into_iter()
            .filter(|c| sets(c.0, c.1) || shadowed(c))
            .count()
            + resources.count()
    }

    /// A plain class: its struct (a [`FunctionKind::Object`] with the
    /// fields of `__init__`), then one function per method.
    pub(super) fn object_class(&self, code: &Code, name: &str, s: &Stmt) -> Result<Vec<Function>> {
        let data = self.dataclass_fields(name);
        if data.is_none() {
            check_body(code)?;
            let module = module_stmts(&self.program.module.body);
            if let Some((n, span)) = super::class_stmts::read_too_early(&module, s, code) {
                return refuse(
                    &span,
                    "a name defined after the class",
                    format!(
                        "Python runs the class body when the class statement runs, before \
                         `{n}` is defined, and raises NameError; a Rust function is known \
                         everywhere in its module, so the listing would run it: define `{n}` \
                         above the class"
                    ),
                );
            }
            if self.annotations_only(name, s) {
                return Ok(Vec::new());
            }
            // A namespace of class attributes: no struct.
            if methods(code).next().is_none()
                && super::class_stmts::only_attributes_read(&self.program.module.body, name)
            {
                return Ok(Vec::new());
            }
        }
        let mut params = Vec::new();
        let mut fields = Vec::new();
        let mut init = Vec::new();
        let mut out = Vec::new();
        for (m, c, def) in methods(code) {
            if self.static_binding_of(def) {
                continue;
            }
            takes_self(m, c, def)?;
            if m == "__init__" && data.is_some() {
                return refuse(
                    &def.span,
                    "a dataclass's own `__init__`",
                    "the Rust listing's `new` of a dataclass takes its fields",
                );
            }
            if m == "__init__" {
                params = self.params(c, name, 1, &def.span)?;
                (fields, init) = self.object_init(c)?;
                continue;
            }
            if matches!(m, "__str__" | "__repr__") {
                let body: Vec<&Stmt> = c.body.iter().filter(|s| !is_docstring(s)).collect();
                let returns = matches!(
                    body.as_slice(),
                    [Stmt {
                        kind: P::Return(Some(_)),
                        ..
                    }]
                );
                if c.is_async || c.params.positional.len() != 1 || !returns {
                    return refuse(
                        &def.span,
                        format!("this `{m}`"),
                        format!(
                            "the Rust listing writes `{m}` as a `fmt` trait of the struct: \
                             `def {m}(self): return text`"
                        ),
                    );
                }
            } else if matches!(m, "__iter__" | "__next__") {
                if let Some(kind) = self.iter_method(code, m, c, def)? {
                    out.push((m, c, def, kind));
                }
                continue;
            } else if let Some(rust) = super::dunders::rust_name(m) {
                let names: Vec<&str> = methods(code).map(|(n, _, _)| n).collect();
                super::dunders::check(m, c, def, &names, data.is_some())?;
                out.push((rust, c, def, FunctionKind::Blocking));
                continue;
            } else if m.starts_with("__") {
                let why = match m {
                    "__enter__" | "__exit__" => {
                        "a context manager class defines both `__enter__` and `__exit__`"
                    }
                    _ => "other special methods have no counterpart in the plan",
                };
                return refuse(
                    &def.span,
                    format!("a class with `{m}`"),
                    format!(
                        "the Rust listing translates a plain class's `__init__`, `__str__`, \
                         `__repr__` and named methods; {why}"
                    ),
                );
            }
            let kind = method_kind(m, c, def)?;
            out.push((m, c, def, kind));
        }
        // A class attribute that objects set is a field of each.
        for (attr, value) in class_attrs(code) {
            if self.attr_use(name, attr) == AttrUse::Field && !fields.iter().any(|(f, _)| f == attr)
            {
                fields.push((attr.to_string(), self.expr(&Scope::init(), value)?));
            }
        }
        let mut functions = match &data {
            Some(data) => self.dataclass_object(code, name, s, data)?,
            None => vec![Function {
                kind: FunctionKind::Object,
                name: name.to_string(),
                params,
                fields,
                body: init,
                exit: Vec::new(),
                span: s.span.clone(),
            }],
        };
        functions.extend(self.static_method_defs(name, code)?);
        let fields = functions[0].fields.clone();
        let names: Vec<String> = fields
            .iter()
            .map(|(n, _): &(String, Expr)| n.clone())
            .collect();
        for (m, c, def, kind) in out {
            let full = method_name(name, m);
            let params = self.params(c, &full, 1, &def.span)?;
            let mut scope = Scope::new(kind, names.clone());
            scope.sync_next = m == "__next__";
            let body = self.block(&mut scope, &c.body)?;
            functions.push(Function {
                kind,
                name: full,
                params,
                fields: fields.clone(),
                body,
                exit: Vec::new(),
                span: def.span.clone(),
            });
        }
        Ok(functions)
    }

    /// An expression on the objects of plain classes: `Class(...)`,
    /// `obj.field`, `obj.m(...)` and `await obj.m(...)`.
    pub(super) fn object_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        match &e.kind {
            E::Call(f, _) if let Some(k) = self.enum_expr(sc, e)? => {
                let _ = f;
                Ok(Some(k))
            }
            E::Call(f, args) => {
                if let E::Name(Name::Global(n)) = &f.kind
                    && let Some(data) = self.dataclass_fields(n)
                    && self.is_plain_class(n)
                {
                    let call = self.dataclass_call(sc, n, &data, args, &e.span)?;
                    return Ok(Some(ExprKind::New(call)));
                }
                if let E::Name(Name::Global(n)) = &f.kind
                    && let Some(def) = self.defs.get(&**n).copied()
                    && def.kind.is_none()
                    && self.is_plain_class(n)
                {
                    let call = self.object_call(sc, n, def, args, &e.span)?;
                    return Ok(Some(ExprKind::New(call)));
                }
                self.method_expr(sc, e, false)
            }
            E::Await(inner) => self.method_expr(sc, inner, true),
            E::Attr(..) if let Some(k) = self.enum_expr(sc, e)? => Ok(Some(k)),
            E::Attr(..) if let Some(k) = self.property_read(sc, e)? => Ok(Some(k)),
            E::Attr(..) if let Some(k) = self.class_attr_expr(sc, e)? => Ok(Some(k)),
            E::Attr(obj, attr)
                if sc.field(obj, attr).is_none()
                    && !is_self(obj)
                    && matches!(
                        obj.kind,
                        E::Name(Name::Local(..)) | E::Attr(..) | E::Subscript(..)
                    )
                    && self.object_field(attr) =>
            {
                let obj = self.expr(sc, obj)?;
                Ok(Some(ExprKind::Field(Box::new(obj), attr.to_string())))
            }
            _ => self.enum_expr(sc, e),
        }
    }

    /// `obj.m(...)` of a method of a plain class; `awaited` when the
    /// program awaits it, as an `async` method must be.
    fn method_expr(&self, sc: &Scope, e: &py::Expr, awaited: bool) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        if let Some(k) = self.static_call(sc, e, awaited)? {
            return Ok(Some(k));
        }
        if matches!(&**m, "__next__" | "__iter__")
            && self.member(f).is_none()
            && self.method_owner(m).is_some()
        {
            return refuse(
                &e.span,
                format!("calling `{m}` of an iterator object"),
                "the Rust listing iterates an object of an iterator class where it is made: \
                 the head of a `for` loop or a comprehension, or the iterable given to \
                 `list`, `sorted`, `sum`, `min` or `max`",
            );
        }
        if self.member(f).is_some() || m.starts_with("__") {
            return Ok(None);
        }
        let Some((class, def)) = self.method_owner(m) else {
            return Ok(None);
        };
        let P::Def { code, defaults, .. } = &def.kind else {
            return Ok(None);
        };
        if code.is_async != awaited {
            let (construct, reason) = if awaited {
                (
                    "awaiting a plain method",
                    "only an `async` method gives a value to await",
                )
            } else {
                (
                    "an `async` method called without `await`",
                    "it would never run; the Rust listing awaits each call of an `async` method",
                )
            };
            return refuse(&e.span, construct, reason);
        }
        let obj = if is_self(obj) {
            Expr {
                kind: ExprKind::Var("self".into()),
                span: obj.span.clone(),
            }
        } else {
            self.expr(sc, obj)?
        };
        let names = code.params.positional.get(1..).unwrap_or_default();
        let def = Def {
            kind: Some(if awaited {
                FunctionKind::Coroutine
            } else {
                FunctionKind::Blocking
            }),
            params: names.len(),
            names,
            defaults,
            varargs: false,
            keyword_only: &[],
        };
        let call = self.object_call(sc, &method_name(class, m), def, args, &e.span)?;
        Ok(Some(ExprKind::Method(Box::new(obj), call)))
    }

    pub(super) fn object_call(
        &self,
        sc: &Scope,
        name: &str,
        def: Def<'_>,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Call> {
        let call = Call {
            name: name.to_string(),
            args: self.args_of(sc, name, def, args, span)?,
            span: span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
        }
        Ok(call)
    }
}

/// Whether `s` is a docstring.
pub(super) fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, P::Expr(e) if matches!(&e.kind, E::Literal(py::Literal::Str(_))))
}

fn is_self(e: &py::Expr) -> bool {
    matches!(&e.kind, E::Name(Name::Local(_, n)) if &**n == "self")
}

impl Planner<'_> {
    /// `[into =] await obj.m(...)` of an `async` method, as a statement.
    pub(super) fn awaited_method(
        &self,
        sc: &Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let Some(kind) = self.method_expr(sc, inner, true)? else {
            return Ok(None);
        };
        Ok(Some(StmtKind::Set {
            var: into.unwrap_or_else(|| "_".into()),
            value: Expr {
                kind,
                span: inner.span.clone(),
            },
        }))
    }
}

impl Planner<'_> {
    /// `obj.field = value` (or `obj.field op= value`) of an object of a
    /// plain class, outside its class.
    pub(super) fn set_field(
        &self,
        sc: &Scope,
        target: &py::Target,
        op: Option<BinaryOp>,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        if let Some(k) = self.set_class_attr(sc, target, op, value)? {
            return Ok(Some(k));
        }
        let py::Target::Attr(obj, attr) = target else {
            return Ok(None);
        };
        if self.frozen_field(attr) {
            return refuse(
                &obj.span,
                format!("setting the field `{attr}` of a frozen dataclass"),
                "Python raises `FrozenInstanceError` there; the Rust listing's struct has \
                 no setter to refuse: make a new object instead",
            );
        }
        if sc.field(obj, attr).is_some()
            || is_self(obj)
            || !matches!(obj.kind, E::Name(Name::Local(..)))
            || !self.object_field(attr)
        {
            return Ok(None);
        }
        let object = self.expr(sc, obj)?;
        let mut value = self.expr(sc, value)?;
        if let Some(op) = op {
            let span = value.span.clone();
            let field = Expr {
                kind: ExprKind::Field(Box::new(object.clone()), attr.to_string()),
                span: span.clone(),
            };
            value = Expr {
                kind: ExprKind::Binary(op, Box::new(field), Box::new(value)),
                span,
            };
        }
        Ok(Some(StmtKind::SetField {
            object,
            field: attr.to_string(),
            value,
        }))
    }
}

impl Planner<'_> {
    /// `__init__` of a plain class: its fields (`self.name = value`), and
    /// the statements that `new` runs first (`Class.count += 1`).
    fn object_init(&self, init: &Code) -> Result<(Fields, ir::ast::Block)> {
        let (sets, others): (Vec<&Stmt>, Vec<&Stmt>) = init.body.iter().partition(|s| {
            matches!(&s.kind, P::Assign { targets, .. }
                if matches!(targets.as_slice(), [py::Target::Attr(o, _)] if is_self(o)))
        });
        let fields = self.fields(sets)?;
        let others: Vec<Stmt> = others.into_iter().cloned().collect();
        let mut scope = Scope::init();
        let body = self.block(&mut scope, &others)?;
        Ok((fields, body))
    }
}

/// A method the listing writes takes `self` first; one that does not is
/// refused at its definition.
pub(super) fn takes_self(m: &str, c: &Code, def: &Stmt) -> Result<()> {
    let self_first = c
        .params
        .positional
        .first()
        .is_some_and(|p| &*p.name == "self");
    if !self_first {
        return refuse(
            &def.span,
            format!("the method `{m}` without `self`"),
            "the Rust listing's methods take `&self` (or `&mut self`) first",
        );
    }
    Ok(())
}

/// A named method is a plain or an `async` function; a generator method is
/// refused at its definition.
pub(super) fn method_kind(m: &str, c: &Code, def: &Stmt) -> Result<FunctionKind> {
    match (c.is_async, c.is_generator) {
        (true, false) => Ok(FunctionKind::Coroutine),
        (false, false) => Ok(FunctionKind::Blocking),
        _ => refuse(
            &def.span,
            format!("the generator method `{m}`"),
            "the Rust listing's methods are plain or `async` functions",
        ),
    }
}
