//! Expressions: a program's expressions as the plan writes them (literals,
//! variables, lists, arithmetic, comparisons, `and`/`or`/`not`, the
//! built-ins of [`Builtin`]; calls in `call_expr`, f-strings as templates in
//! `templates`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, BinOp, BoolOp, CmpOp, ExprKind as E, Literal, Name};
use crate::render::plan::ir::ast::{Call, FunctionKind};
use crate::render::plan::ir::expr::{
    BinaryOp, Builtin, Expr, ExprKind, Part, Spec, Template, UnaryOp,
};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// What a literal value is, as far as Rust's types go: ints and floats are
/// both numbers (the listing widens ints to floats).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Str,
    Bool,
    None,
    List,
}

impl Kind {
    pub(super) fn noun(self) -> &'static str {
        match self {
            Kind::Number => "a number",
            Kind::Str => "a string",
            Kind::Bool => "a boolean",
            Kind::None => "`None`",
            Kind::List => "a list",
        }
    }
}

/// The kind of a literal (or f-string) expression; `None` when only the
/// listing's type inference could tell.
pub(super) fn kind_of(e: &Expr) -> Option<Kind> {
    match &e.kind {
        ExprKind::Lit(Value::Int(_) | Value::Float(_)) => Some(Kind::Number),
        ExprKind::Lit(Value::Str(_)) | ExprKind::Template(_) => Some(Kind::Str),
        ExprKind::Lit(Value::Bool(_)) => Some(Kind::Bool),
        ExprKind::Lit(Value::None) => Some(Kind::None),
        ExprKind::Lit(Value::List(_)) | ExprKind::List(_) => Some(Kind::List),
        _ => None,
    }
}

/// The Rust form of a Python format spec (`[[fill]align][sign][0][width]
/// [.precision][type]`), when `format!` writes values the same way: types
/// `f`, `d`, `s`, `x`, `X`, `o`, `b` or none (precision only with `f` or
/// `s`, as Python's general format differs).
pub(super) fn rust_spec(text: &str) -> Option<Spec> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut out = String::new();
    let is_align = |c: char| matches!(c, '<' | '>' | '^');
    if chars.len() >= 2 && is_align(chars[1]) && !matches!(chars[0], '{' | '}') {
        out.extend(&chars[..2]);
        i = 2;
    } else if chars.first().is_some_and(|c| is_align(*c)) {
        out.push(chars[0]);
        i = 1;
    }
    let fill_given = i == 2;
    let aligned = i > 0;
    if chars.get(i) == Some(&'+') {
        out.push('+');
        i += 1;
    }
    let alternate = chars.get(i) == Some(&'#');
    if alternate {
        out.push('#');
        i += 1;
    }
    let digits = |i: &mut usize, out: &mut String| {
        while let Some(c) = chars.get(*i).filter(|c| c.is_ascii_digit()) {
            out.push(*c);
            *i += 1;
        }
    };
    // After an alignment Python's `0` is the fill, when none is given (else
    // nothing), where `format!` would pad with zeros after the sign.
    if aligned && chars.get(i) == Some(&'0') {
        i += 1;
        if !fill_given {
            out.insert(0, '0');
        }
    }
    digits(&mut i, &mut out);
    let mut precision = false;
    if chars.get(i) == Some(&'.') {
        out.push('.');
        i += 1;
        let before = out.len();
        digits(&mut i, &mut out);
        precision = out.len() > before;
        if !precision {
            return None;
        }
    }
    let ty = match &chars[i..] {
        [] => None,
        [c] => Some(*c),
        _ => return None,
    };
    let float = match ty {
        Some('f' | 'F') => {
            if !precision {
                out.push_str(".6");
            }
            true
        }
        None | Some('d' | 's') if !precision || ty == Some('s') => false,
        Some(c @ ('x' | 'X' | 'o' | 'b')) if !precision => {
            out.push(c);
            false
        }
        _ => return None,
    };
    if alternate && !matches!(ty, Some('x' | 'X' | 'o' | 'b')) {
        return None;
    }
    Some(Spec {
        rust: out,
        float,
        python: None,
        nested: Vec::new(),
        kind: ty,
    })
}

/// Appends text to template parts, joining it to the text before.
pub(super) fn push_text(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(Part::Text(t)) => t.push_str(text),
        _ => parts.push(Part::Text(text.to_string())),
    }
}

/// A template as an expression: plain text is a string literal.
pub(super) fn template_expr(t: Template, span: &Range<usize>) -> Expr {
    let kind = match t.as_plain() {
        Some(text) => ExprKind::Lit(Value::Str(text.into())),
        None => ExprKind::Template(t),
    };
    Expr {
        kind,
        span: span.clone(),
    }
}

const VALUES: &str =
    "the Rust listing's values are numbers, strings, booleans, `None`, lists, tuples and dicts";

fn binary(op: BinOp, span: &Range<usize>) -> Result<BinaryOp> {
    Ok(match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::Div => BinaryOp::Div,
        BinOp::FloorDiv => BinaryOp::FloorDiv,
        BinOp::Mod => BinaryOp::Mod,
        BinOp::Pow => BinaryOp::Pow,
        other => {
            return refuse(
                span,
                format!("the operator `{}`", other.symbol()),
                "the Rust listing translates the arithmetic + - * / // % ** only",
            );
        }
    })
}

/// An augmented assignment's operator.
pub(super) fn aug_op(op: BinOp, span: &Range<usize>) -> Result<BinaryOp> {
    binary(op, span)
}

pub(super) fn compare(op: CmpOp, span: &Range<usize>) -> Result<BinaryOp> {
    Ok(match op {
        CmpOp::Eq => BinaryOp::Eq,
        CmpOp::Ne => BinaryOp::Ne,
        CmpOp::Lt => BinaryOp::Lt,
        CmpOp::Le => BinaryOp::Le,
        CmpOp::Gt => BinaryOp::Gt,
        CmpOp::Ge => BinaryOp::Ge,
        CmpOp::Is | CmpOp::IsNot => {
            return refuse(
                span,
                format!("the comparison `{}`", op.symbol()),
                "Rust compares values, not object identities: write `==` or `!=`",
            );
        }
        CmpOp::In => BinaryOp::In,
        CmpOp::NotIn => BinaryOp::NotIn,
    })
}

fn literal(l: &Literal, span: &Range<usize>) -> Result<Value> {
    Ok(match l {
        Literal::None => Value::None,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::Int(*i),
        Literal::Float(f) => Value::Float(*f),
        Literal::Str(s) => Value::Str(s.clone()),
        Literal::BigInt(digits) => {
            return super::big_ints::refuse_big(span, super::big_ints::fits_i128(digits));
        }
        Literal::Bytes(_) => return refuse(span, "a bytes literal", VALUES),
        Literal::Ellipsis => return refuse(span, "`...`", VALUES),
    })
}

fn describe(e: &E) -> (&'static str, &'static str) {
    match e {
        E::Lambda { .. } => (
            "a `lambda`",
            "the Rust listing writes a lambda as a closure where it is a `key=`, is mapped or \
             filtered, is kept in a variable and only called, or, of one parameter that the \
             code around it does not bind, is passed to a parameter that is only called",
        ),
        E::Set(_) => ("a set", VALUES),
        E::Subscript(..) | E::Slice(..) => (
            "indexing (`x[i]`)",
            "the plan reads lists whole: through `for`, `len`, `min`, `max` and `sum`",
        ),
        E::IfExp(..) => (
            "a conditional expression (`a if c else b`)",
            "the plan's expressions have no conditional: use an `if` statement",
        ),
        E::Comprehension(_) => (
            "a comprehension here",
            "the Rust listing translates `[... async for ...]` as an assignment, \
             and `asyncio.gather(*(f(n) for n in ...))`",
        ),
        E::Await(_) => (
            "an `await` inside an expression",
            "inside an expression, the Rust listing awaits a coroutine of the program, a \
             variable, or `asyncio.gather` of a list or of calls of one coroutine; write \
             other awaits as a statement of their own: `x = await ...`",
        ),
        E::Yield(_) | E::YieldFrom(_) => (
            "`yield` inside an expression",
            "the Rust listing's generators yield as a statement: `yield value`",
        ),
        E::Starred(_) => ("a starred expression", VALUES),
        E::Named(..) => (
            "an assignment expression (`:=`)",
            "the plan assigns in statements only",
        ),
        E::Attr(..) => (
            "this attribute",
            "the plan reads an object's fields as `self.name` inside its own class only",
        ),
        _ => ("this expression", VALUES),
    }
}

impl Planner<'_> {
    pub(super) fn expr(&self, sc: &Scope, e: &py::Expr) -> Result<Expr> {
        if let Some(kind) = self.timeout_cm_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.small_set(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.slice_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.kept_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.caught_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.prim_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.object_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.group_parts(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.annotations_expr(e).or_else(|| self.exception_args(e)) {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.pool_map(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.pool_call(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.log_query(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.log_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.line_expr(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        if let Some(kind) = self.type_name(sc, e)? {
            return Ok(Expr {
                kind,
                span: e.span.clone(),
            });
        }
        let kind = match &e.kind {
            E::Literal(l) => ExprKind::Lit(literal(l, &e.span)?),
            // A module constant reads as its value; `__name__` is `"__main__"`.
            E::Name(Name::Global(g)) if let Some(value) = self.consts.get(g) => {
                self.expr(sc, value)?.kind
            }
            E::Name(Name::Global(g)) if &**g == "__name__" => {
                ExprKind::Lit(Value::Str("__main__".into()))
            }
            E::Name(n) => ExprKind::Var(self.var(sc, n, &e.span)?),
            E::Attr(obj, attr) if sc.field(obj, attr).is_some() => ExprKind::Var(attr.to_string()),
            E::List(items) => {
                let items = items
                    .iter()
                    .map(|x| {
                        super::held_lambdas::check_item(x, "list")?;
                        self.expr(sc, x)
                    })
                    .collect::<Result<Vec<_>>>()?;
                let kinds: Vec<_> = items.iter().filter_map(kind_of).collect();
                // Literal strings, numbers, booleans and lists of them side
                // by side are one enum's values (see `rust::mixed`,
                // `rust::mixed_nest`).
                let scalars = kinds.len() == items.len()
                    && kinds
                        .iter()
                        .all(|k| matches!(k, Kind::Number | Kind::Str | Kind::Bool | Kind::List));
                if !scalars && let Some(k) = kinds.iter().find(|k| **k != kinds[0]) {
                    return refuse(
                        &e.span,
                        format!("a list holding {} and {}", kinds[0].noun(), k.noun()),
                        "a Rust `Vec` holds items of one type",
                    );
                }
                ExprKind::List(items)
            }
            E::Dict(pairs) => self.dict(sc, pairs, &e.span)?,
            E::Set(_) => self.set_display(sc, e)?,
            E::Tuple(items) if items.is_empty() => {
                return refuse(
                    &e.span,
                    "the empty tuple `()`",
                    "Rust's `()` is the listing's `None`, so an empty tuple kept, passed or held \
                     would print `None`; only `print(())` is written, as its text",
                );
            }
            E::Tuple(items) => ExprKind::Tuple(
                items
                    .iter()
                    .map(|x| {
                        super::held_lambdas::check_item(x, "tuple")?;
                        self.expr(sc, x)
                    })
                    .collect::<Result<Vec<_>>>()?,
            ),
            E::UnaryOp(py::UnaryOp::Neg, x) => {
                let x = self.expr(sc, x)?;
                match x.kind {
                    ExprKind::Lit(Value::Int(i)) if i != i64::MIN => ExprKind::Lit(Value::Int(-i)),
                    ExprKind::Lit(Value::Float(f)) => ExprKind::Lit(Value::Float(-f)),
                    _ => ExprKind::Unary(UnaryOp::Neg, Box::new(x)),
                }
            }
            E::UnaryOp(py::UnaryOp::Not, x) => super::bool_ops::not(self.expr(sc, x)?),
            E::UnaryOp(op, _) => {
                let sym = if *op == py::UnaryOp::Pos { "+" } else { "~" };
                return refuse(
                    &e.span,
                    format!("the unary `{sym}`"),
                    "the plan's unary operators are `-` and `not`",
                );
            }
            E::BinOp(op @ (py::BinOp::BitOr | py::BinOp::BitAnd), a, b) => {
                self.set_operator(sc, *op, a, b)?
            }
            E::BinOp(py::BinOp::BitXor, a, b) if let Some(k) = self.flag_xor(sc, a, b)? => k,
            E::BinOp(BinOp::Mod, a, b) if let E::Literal(Literal::Str(pattern)) = &a.kind => {
                let t = self.percent_format(sc, pattern, b, &e.span)?;
                return Ok(template_expr(t, &e.span));
            }
            E::BinOp(op, a, b) => {
                let (a, b) = (self.expr(sc, a)?, self.expr(sc, b)?);
                if *op == BinOp::Add {
                    super::one_type::add(&a, &b, &e.span)?;
                    if let Some(t) = super::str_concat::joined(&a, &b) {
                        return Ok(template_expr(t, &e.span));
                    }
                }
                ExprKind::Binary(binary(*op, &e.span)?, Box::new(a), Box::new(b))
            }
            E::BoolOp(op, values) => {
                let op = match op {
                    BoolOp::And => BinaryOp::And,
                    BoolOp::Or => BinaryOp::Or,
                };
                let planned = values
                    .iter()
                    .map(|v| self.expr(sc, v))
                    .collect::<Result<Vec<_>>>()?;
                super::bool_ops::chain(op, planned)
            }
            E::Compare(first, rest) => match rest.as_slice() {
                [(op @ (CmpOp::Is | CmpOp::IsNot), b)]
                    if let Some(k) = self.identity(sc, first, *op, b)? =>
                {
                    k
                }
                [(op, b)] if let Some(k) = self.float_vs_big_int(sc, first, *op, b)? => k,
                [(op, b)] if self.enum_compare(first, Some(*op), b, &e.span)? => ExprKind::Binary(
                    compare(*op, &e.span)?,
                    Box::new(self.expr(sc, first)?),
                    Box::new(self.expr(sc, b)?),
                ),
                [(op @ (CmpOp::In | CmpOp::NotIn), b)] => ExprKind::Binary(
                    compare(*op, &e.span)?,
                    Box::new(self.expr(sc, first)?),
                    Box::new(super::membership::container(self.expr(sc, b)?)),
                ),
                [(op, b)] => ExprKind::Binary(
                    compare(*op, &e.span)?,
                    Box::new(self.expr(sc, first)?),
                    Box::new(self.expr(sc, b)?),
                ),
                _ => self.chained(sc, first, rest, &e.span)?,
            },
            E::Call(f, args) => self.call_expr(sc, e, f, args)?,
            E::Comprehension(c)
                if !c.is_async
                    && matches!(c.kind, py::CompKind::List | py::CompKind::Generator)
                    && let [g] = c.generators.as_slice()
                    && g.ifs.len() <= 1 =>
            {
                super::held_lambdas::check_comp_element(&c.element)?;
                self.check_lazy_items(e, c)?;
                let var = self.loop_pattern(sc, &g.target, &e.span)?;
                self.note_future_item(sc, &g.target, &g.iter);
                let (value, filter) = self.over_tasks(sc, &g.target, &g.iter, || {
                    let filter = g.ifs.first().map(|f| self.expr(sc, f)).transpose();
                    (self.expr(sc, &c.element), filter)
                });
                ExprKind::Comp {
                    value: Box::new(value?),
                    var,
                    over: Box::new(super::jobs::tuple_as_list(self.expr(sc, &g.iter)?)),
                    filter: filter?.map(Box::new),
                }
            }
            E::Comprehension(c) if let Some(k) = self.comp_value(sc, e, c)? => k,
            E::IfExp(c, a, b) => ExprKind::IfElse(
                Box::new(self.expr(sc, c)?),
                Box::new(self.expr(sc, a)?),
                Box::new(self.expr(sc, b)?),
            ),
            E::Await(inner)
                if let Some(task) = super::stmt::local_name(inner)
                    && sc.tasks.iter().any(|t| t == task) =>
            {
                sc.after_timed_wait(task, &inner.span, &format!("await {task}"))?;
                ExprKind::Join(sc.local(task, &inner.span)?)
            }
            E::Await(inner)
                if let E::Call(f, args) = &inner.kind
                    && let E::Name(Name::Global(name)) = &f.kind
                    && let Some(def) = self.defs.get(&**name).copied()
                    && def.kind == Some(FunctionKind::Coroutine) =>
            {
                let args = self.args_of(sc, name, def, args, &inner.span)?;
                let call = Call {
                    name: name.to_string(),
                    args,
                    span: inner.span.clone(),
                };
                for (i, arg) in call.args.iter().enumerate() {
                    self.check_arg(&call, i, arg)?;
                    if self.resolves(&call.name, i) {
                        return refuse(
                            &arg.span,
                            "a future resolved by a call inside an expression",
                            "the Rust listing hands a future's sender to a call awaited as a \
                             statement of its own: `await f(fut)`",
                        );
                    }
                }
                ExprKind::Await(call)
            }
            E::Await(inner) if let Some(k) = self.param_await(sc, inner)? => k,
            E::Await(inner) if let Some(k) = self.await_value(sc, inner)? => k,
            E::Await(inner) if let Some(k) = self.awaited_item(sc, inner)? => k,
            E::Await(inner) if let Some(k) = self.wait_for_lifted(sc, e, inner)? => k,
            E::Await(inner) if let Some(k) = self.hoisted_await(sc, e, inner)? => k,
            E::Subscript(obj, index) if !matches!(index.kind, E::Slice(..)) => ExprKind::Call(
                Builtin::Index,
                vec![self.expr(sc, obj)?, self.expr(sc, index)?],
            ),
            E::FString(parts) => return Ok(template_expr(self.template(sc, parts)?, &e.span)),
            other => {
                let (what, why) = describe(other);
                return refuse(&e.span, what, why);
            }
        };
        Ok(Expr {
            kind,
            span: e.span.clone(),
        })
    }

    /// A variable read: a local of the function (fields are read as `self.name`).
    pub(super) fn var(&self, sc: &Scope, n: &Name, span: &Range<usize>) -> Result<String> {
        let id = n.ident();
        match n {
            Name::Local(..) | Name::Cell(..) => sc.local(id, span),
            Name::Global(g) if let Some(shared) = self.shared(g) => Ok(shared),
            Name::Global(g) if self.defs.contains_key(&**g) => refuse(
                span,
                format!("`{g}` used as a value"),
                "the Rust listing calls a definition where it is awaited, spawned, gathered, \
                 iterated or entered, and passes a function by name only to a parameter that \
                 is only called, where every call passes functions of the module, all plain or \
                 all coroutines",
            ),
            Name::Global(g) => refuse(
                span,
                format!("the global name `{g}`"),
                "the Rust listing's functions read their own variables and parameters, and the \
                 module's constants (a number, string or boolean bound once, or a list of numbers \
                 only indexed or measured); the module's other variables are locals of `main`",
            ),
        }
    }

    /// Positional arguments, converted.
    pub(super) fn positional(
        &self,
        sc: &Scope,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Vec<Expr>> {
        args.iter()
            .map(|a| match a {
                Arg::Positional(e) => self.expr(sc, e),
                _ => refuse(
                    span,
                    "a keyword or starred argument",
                    "the Rust listing passes arguments by position",
                ),
            })
            .collect()
    }
}
