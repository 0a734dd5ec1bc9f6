//! `class Color(Enum)` of members with distinct integer or string values
//! (`RED = 1`, `GREEN = auto()`, `FAST = "fast"`): a Rust `enum` whose
//! `name()` and `value()` give Python's `.name` and `.value`, printed as
//! Python prints a member (`Color.RED`, and `<Color.RED: 1>` for `repr`).
//! `Color.RED` is a variant, `for c in Color` goes through `Color::ALL`,
//! and `is` / `==` between members compare them. The enum's named methods
//! are methods of its `impl`, reading `self.name` and `self.value`; its
//! `__str__` and `__repr__` are its `Display` and `Debug`.

use super::objects::method_name;
use super::scope::Scope;
use super::{Planner, Result, methods, module_stmts, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, CmpOp, Code, ExprKind as E, Literal, Module, Name, Stmt};
use crate::program::{StmtKind as P, Target};
use crate::render::plan::ir::ast::{Function, FunctionKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::sync::Arc;

/// The base an `IntEnum`'s [`FunctionKind::Enum`] names in its `params`.
pub const INT_ENUM: &str = "IntEnum";

/// Why the listing refuses an enum it cannot write as a Rust `enum`.
const ENUM_FORM: &str = "the Rust listing writes an `Enum` as a Rust `enum` whose members have \
                         distinct integer (or `auto()`) or string values, one `NAME = value` a line";

impl<'p> Planner<'p> {
    /// The class body of `name` when it is an `enum.Enum` of the program.
    pub(super) fn enum_code(&self, name: &str) -> Option<&'p Code> {
        module_stmts(&self.program.module.body)
            .into_iter()
            .find_map(|s| match &s.kind {
                P::Class {
                    code,
                    name: n,
                    bases,
                    ..
                } if &**n.ident() == name
                    && matches!(bases.as_slice(), [b]
                        if matches!(self.member(b),
                            Some((Module::Enum, "Enum" | "IntEnum" | "Flag")))) =>
                {
                    Some(&**code)
                }
                _ => None,
            })
    }

    /// Whether `name` is an `enum.Enum` class of the program.
    pub(super) fn is_enum(&self, name: &str) -> bool {
        self.enum_code(name).is_some()
    }

    /// Whether `name` is an `IntEnum` class of the program: its members
    /// are also integers, printed as their values and ordered by them.
    fn is_int_enum(&self, name: &str) -> bool {
        module_stmts(&self.program.module.body)
            .into_iter()
            .any(|s| {
                matches!(&s.kind, P::Class { name: n, bases, .. }
                if &**n.ident() == name
                    && matches!(bases.as_slice(), [b]
                        if self.member(b) == Some((Module::Enum, "IntEnum"))))
            })
    }

    /// Whether `e` names the class of an enum whose members are its values.
    fn enum_named(&self, e: &py::Expr) -> Option<&'p str> {
        let E::Name(Name::Global(n)) = &e.kind else {
            return None;
        };
        module_stmts(&self.program.module.body)
            .into_iter()
            .find_map(|s| match &s.kind {
                P::Class { name, .. } if name.ident() == n && self.is_enum(n) => {
                    Some(&**name.ident())
                }
                _ => None,
            })
    }

    /// The members of the enum `code` (named `class`), with their values,
    /// or the refusal of the statement that is not a member.
    fn enum_members(&self, code: &Code, flag: bool) -> Result<Vec<(String, Value)>> {
        let mut out: Vec<(String, Value)> = Vec::new();
        for s in &code.body {
            let member = match &s.kind {
                P::Pass | P::Def { .. } => continue,
                P::Expr(e) if matches!(&e.kind, E::Literal(Literal::Str(_))) => continue,
                P::Assign { targets, value } => match targets.as_slice() {
                    [Target::Name(n)] => Some((n.ident().to_string(), value)),
                    _ => None,
                },
                _ => None,
            };
            let Some((name, value)) = member else {
                return refuse(&s.span, "this statement in an enum", ENUM_FORM);
            };
            if name.starts_with('_') {
                return refuse(&s.span, "a private name in an enum", ENUM_FORM);
            }
            let value = match &value.kind {
                E::Literal(Literal::Int(n)) if *n >= 0 => Value::Int(*n),
                E::Literal(Literal::Str(t)) if plain_text(t) => Value::Str(t.clone()),
                E::Call(f, args)
                    if args.is_empty() && self.member(f) == Some((Module::Enum, "auto")) =>
                {
                    // `auto()` is one more than the last value, from 1 (a
                    // flag's the next bit).
                    match out.last() {
                        _ if flag => super::flags::next_bit(&out, &value.span)?,
                        None => Value::Int(1),
                        Some((_, Value::Int(n))) if let Some(next) = n.checked_add(1) => {
                            Value::Int(next)
                        }
                        Some(_) => {
                            return refuse(
                                &value.span,
                                "`auto()` after a string member or the largest integer",
                                ENUM_FORM,
                            );
                        }
                    }
                }
                _ => return refuse(&value.span, "this enum value", ENUM_FORM),
            };
            if flag {
                super::flags::check_member(&out, &name, &value, &s.span)?;
            }
            if out.iter().any(|(m, _)| variant(m) == variant(&name))
                || matches!(variant(&name).as_str(), "" | "Self")
            {
                return refuse(
                    &s.span,
                    format!("the enum member `{name}`"),
                    "the Rust listing names a member's variant in CamelCase, which would \
                     not tell this member from another",
                );
            }
            if out.iter().any(|(_, v)| *v == value) {
                return refuse(
                    &s.span,
                    format!("the enum alias `{name}`"),
                    "Python makes a member with another's value a second name of that \
                     member; a Rust `enum`'s variants are distinct: name the member once",
                );
            }
            if out
                .first()
                .is_some_and(|(_, v)| matches!(v, Value::Int(_)) != matches!(value, Value::Int(_)))
            {
                return refuse(&s.span, "an enum of integers and strings", ENUM_FORM);
            }
            out.push((name, value));
        }
        if out.is_empty() {
            return refuse(
                &code.body.first().map_or(0..0, |s| s.span.clone()),
                "an enum without members",
                "a Rust `enum` without variants has no value to give",
            );
        }
        Ok(out)
    }

    /// `class Color(Enum)`: a [`FunctionKind::Enum`] whose fields are the
    /// members and their values.
    pub(super) fn enum_class(&self, code: &Code, name: &str, s: &Stmt) -> Result<Vec<Function>> {
        let flag = self.is_flag(name);
        let members = self.enum_members(code, flag)?;
        let int = self.is_int_enum(name);
        if int && let Some((m, _)) = members.iter().find(|(_, v)| !matches!(v, Value::Int(_))) {
            return refuse(
                &s.span,
                format!("the `IntEnum` member `{m}` of another value than an integer"),
                "an `IntEnum`'s members are integers",
            );
        }
        let fields = members
            .into_iter()
            .map(|(m, v)| {
                let value = Expr {
                    kind: ExprKind::Lit(v),
                    span: s.span.clone(),
                };
                (m, value)
            })
            .collect();
        let mut out = vec![Function {
            kind: FunctionKind::Enum,
            name: name.to_string(),
            params: if int {
                vec![INT_ENUM.to_string()]
            } else if flag {
                vec![super::flags::FLAG.to_string()]
            } else {
                Vec::new()
            },
            fields,
            body: Vec::new(),
            exit: Vec::new(),
            span: s.span.clone(),
        }];
        for (m, c, def) in methods(code) {
            if flag {
                return refuse(
                    &def.span,
                    format!("the method `{m}` of a `Flag` enum"),
                    "the Rust listing writes a `Flag` as a struct of its bits that prints \
                     as Python prints one; its own methods are not translated yet",
                );
            }
            let self_first = c
                .params
                .positional
                .first()
                .is_some_and(|p| &*p.name == "self");
            let kind = match (c.is_async, c.is_generator) {
                (true, false) => FunctionKind::Coroutine,
                (false, false) => FunctionKind::Blocking,
                _ => FunctionKind::Generator,
            };
            let text = matches!(m, "__str__" | "__repr__");
            let returns = matches!(
                c.body.as_slice(),
                [Stmt {
                    kind: P::Return(Some(_)),
                    ..
                }]
            );
            if text
                && (kind != FunctionKind::Blocking || c.params.positional.len() != 1 || !returns)
            {
                return refuse(
                    &def.span,
                    format!("this `{m}`"),
                    format!(
                        "the Rust listing writes an enum's `{m}` as a `fmt` trait: \
                         `def {m}(self): return text`"
                    ),
                );
            }
            if matches!(m, "name" | "value" | "ALL") {
                return refuse(
                    &def.span,
                    format!("the method `{m}` of an enum"),
                    format!("the Rust listing's enum has its own `{m}`, Python's `.{m}`"),
                );
            }
            if (m.starts_with("__") && !text) || !self_first || kind == FunctionKind::Generator {
                return refuse(
                    &def.span,
                    format!("the method `{m}` of an enum"),
                    "the Rust listing gives an enum's `impl` its named methods, plain or \
                     `async`, that take `self` first, and its `__str__` and `__repr__`",
                );
            }
            let full = method_name(name, m);
            let params = self.params(c, &full, 1, &def.span)?;
            let mut scope = Scope::new(kind, Vec::new());
            let body = self.block(&mut scope, &c.body)?;
            out.push(Function {
                kind,
                name: full,
                params,
                fields: Vec::new(),
                body,
                exit: Vec::new(),
                span: def.span.clone(),
            });
        }
        Ok(out)
    }

    /// `Color.RED`: the member, as a variant.
    pub(super) fn enum_member(&self, e: &py::Expr) -> Option<(&'p str, String)> {
        let E::Attr(obj, attr) = &e.kind else {
            return None;
        };
        let class = self.enum_named(obj)?;
        let code = self.enum_code(class)?;
        let members = self.enum_members(code, self.is_flag(class)).ok()?;
        members
            .iter()
            .any(|(m, _)| **m == **attr)
            .then(|| (class, attr.to_string()))
    }

    /// An expression on enums: `Color.RED`, `Color` iterated (`for c in
    /// Color`, `list(Color)`, `len(Color)`), and `.name` / `.value` of a
    /// member.
    pub(super) fn enum_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some((class, member)) = self.enum_member(e) {
            return Ok(Some(ExprKind::Member(class.to_string(), member)));
        }
        match &e.kind {
            E::Name(_) if let Some(class) = self.enum_named(e) => {
                if !iterated_at(&self.program.module.body, &e.span) {
                    return refuse(
                        &e.span,
                        format!("the enum `{class}` used as a value"),
                        "the Rust listing iterates over an enum's members (`for m in Enum`, \
                         `list(Enum)`, `len(Enum)`) through `ALL`; the class itself has no \
                         Rust value",
                    );
                }
                Ok(Some(ExprKind::Members(class.to_string())))
            }
            E::Attr(obj, attr)
                if matches!(&**attr, "name" | "value")
                    && self.has_enums()
                    && sc.field(obj, attr).is_none()
                    && self.enum_named(obj).is_none()
                    && self.object_fields(attr) == 0
                    && !matches!(&obj.kind, E::Literal(_) | E::Attr(_, _)
                        if self.enum_member(obj).is_none()) =>
            {
                let obj = match &obj.kind {
                    E::Name(Name::Local(_, n)) if &**n == "self" => Expr {
                        kind: ExprKind::Var("self".into()),
                        span: obj.span.clone(),
                    },
                    _ => self.expr(sc, obj)?,
                };
                Ok(Some(ExprKind::Field(Box::new(obj), attr.to_string())))
            }
            E::Call(f, args)
                if let E::Name(Name::Global(n)) = &f.kind
                    && self.is_flag(n) =>
            {
                self.flag_of_value(n, args, &e.span).map(Some)
            }
            E::Call(f, _) if matches!(&f.kind, E::Name(Name::Global(n)) if self.is_enum(n)) => {
                refuse(
                    &e.span,
                    "looking a member up by its value",
                    "the Rust listing names each member (`Color.RED`); a lookup that may raise \
                     `ValueError` has no counterpart here",
                )
            }
            _ => Ok(None),
        }
    }

    /// Refuses a class based on one of `enum`'s classes other than `Enum`.
    pub(super) fn other_enum(&self, bases: &[py::Expr]) -> Result<()> {
        for b in bases {
            if let Some((Module::Enum, kind)) = self.member(b) {
                return refuse(
                    &b.span,
                    format!("an enum based on `{kind}`"),
                    format!(
                        "the Rust listing writes a class based on `Enum` as a Rust `enum`; \
                         `{kind}` members are also numbers, strings or sets of flags, which a \
                         Rust `enum` is not"
                    ),
                );
            }
        }
        Ok(())
    }

    /// Whether the program has an enum class.
    fn has_enums(&self) -> bool {
        module_stmts(&self.program.module.body)
            .into_iter()
            .any(|s| matches!(&s.kind, P::Class { name, .. } if self.is_enum(name.ident())))
    }

    /// `a is b` (`op` is `None`), `a == b` (and their negations) where one
    /// side is a member: Rust's `==` of the enum's values, as members are
    /// singletons; a member compared with a literal is refused (Python says
    /// they differ, Rust compares values of one type), and so is an order
    /// between members (Python raises `TypeError`).
    pub(super) fn enum_compare(
        &self,
        a: &py::Expr,
        op: Option<CmpOp>,
        b: &py::Expr,
        span: &std::ops::Range<usize>,
    ) -> Result<bool> {
        let member = |e: &py::Expr| self.enum_member(e).is_some() || self.flag_call(e);
        if !member(a) && !member(b) {
            return Ok(false);
        }
        let int = |e: &py::Expr| {
            self.enum_member(e)
                .is_some_and(|(class, _)| self.is_int_enum(class))
        };
        if let Some(CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) = op
            && int(a)
            && int(b)
        {
            return Ok(true);
        }
        if let Some(op @ (CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge)) = op {
            return refuse(
                span,
                format!("the comparison `{}` of enum members", op.symbol()),
                "Python's `Enum` members have no order (it raises `TypeError`), and the \
                 listing orders only two members of one `IntEnum`; compare their `.value`s",
            );
        }
        if matches!(op, Some(CmpOp::In | CmpOp::NotIn)) {
            return Ok(false);
        }
        if matches!(a.kind, E::Literal(_)) || matches!(b.kind, E::Literal(_)) {
            return refuse(
                span,
                "an enum member compared with a literal",
                "Python's `Enum` member is never equal to a plain value (`Color.RED == 1` is \
                 False), an `IntEnum`'s is; the Rust listing compares `.value` with it: \
                 write `.value`",
            );
        }
        Ok(true)
    }
}

/// The Rust variant of an enum's member: `DARK_RED` is `DarkRed`.
pub fn variant(member: &str) -> String {
    member
        .split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Whether a string value prints the same between Python's quotes and
/// Rust's: no quote, backslash or control character.
fn plain_text(t: &str) -> bool {
    t.chars()
        .all(|c| !c.is_control() && c != '\'' && c != '"' && c != '\\')
}

/// Whether the name at `span` is iterated over: the iterable of a `for` or
/// of a comprehension's first clause, or the argument of `list`, `len` or
/// `enumerate` (`sorted` raises `TypeError`: members have no order).
fn iterated_at(body: &[Stmt], span: &std::ops::Range<usize>) -> bool {
    struct Iterables<'a> {
        span: &'a std::ops::Range<usize>,
        found: bool,
        inner: Vec<Arc<Code>>,
    }
    impl VisitMut for Iterables<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            let at = |x: &py::Expr| x.span == *self.span;
            match &e.kind {
                E::Comprehension(c) => {
                    self.found |= c.generators.first().is_some_and(|g| at(&g.iter))
                }
                E::Call(f, args) => {
                    self.found |= matches!(&f.kind, E::Name(Name::Global(n))
                        if matches!(&**n, "list" | "len" | "enumerate"))
                        && matches!(args.as_slice(), [py::Arg::Positional(x)] if at(x))
                }
                E::Lambda { code, .. } => self.inner.push(code.clone()),
                _ => {}
            }
        }
    }
    let mut v = Iterables {
        span,
        found: false,
        inner: Vec::new(),
    };
    let mut blocks = vec![body.to_vec()];
    while let Some(mut block) = blocks.pop() {
        py::walk(&block, &mut |s| match &s.kind {
            P::Def { code, .. } | P::Class { code, .. } => v.inner.push(code.clone()),
            P::For { iter, .. } => v.found |= iter.span == *span,
            _ => {}
        });
        block_mut(&mut block, &mut v);
        blocks.extend(v.inner.drain(..).map(|c| c.body.clone()));
    }
    v.found
}
