//! Lowering expressions.

use super::Lowerer;
use super::stmt::placeholder;
use crate::program::expr::Literal;
use crate::program::{
    Arg, BinOp, BoolOp, CmpOp, CodeKind, CompKind, Comprehension, Expr, ExprKind, FormatPart,
    Generator, Module, Name, UnaryOp,
};
use crate::python::scope::ScopeKind;
use ruff_python_ast::{self as ast, Expr as E};
use ruff_text_size::Ranged;
use std::sync::Arc;

/// Builtins a demo may not call: they reach outside the program.
const FORBIDDEN: &[(&str, &str)] = &[
    ("open", "a demo has no file access"),
    ("eval", "a demo runs only its own code"),
    ("exec", "a demo runs only its own code"),
    ("compile", "a demo runs only its own code"),
    ("__import__", "a demo imports asyncio and time only"),
    ("input", "a demo runs without reading the keyboard"),
    ("globals", "a demo's names are resolved before it runs"),
    ("locals", "a demo's names are resolved before it runs"),
    ("getattr", "attributes are named in the code, not computed"),
    ("setattr", "attributes are named in the code, not computed"),
    ("delattr", "attributes are named in the code, not computed"),
    ("hasattr", "attributes are named in the code, not computed"),
    ("breakpoint", "a demo runs without a debugger"),
    ("exit", "a demo ends when its main coroutine returns"),
    ("quit", "a demo ends when its main coroutine returns"),
];

fn any_suspends<'a>(exprs: impl IntoIterator<Item = &'a Expr>) -> bool {
    exprs.into_iter().any(|e| e.suspends)
}

impl Lowerer {
    fn make(&self, node: &impl Ranged, kind: ExprKind, suspends: bool) -> Expr {
        Expr {
            kind,
            span: self.ranged(node),
            suspends,
        }
    }

    pub(super) fn binop(&self, op: ast::Operator) -> BinOp {
        match op {
            ast::Operator::Add => BinOp::Add,
            ast::Operator::Sub => BinOp::Sub,
            ast::Operator::Mult => BinOp::Mul,
            ast::Operator::MatMult => BinOp::MatMul,
            ast::Operator::Div => BinOp::Div,
            ast::Operator::Mod => BinOp::Mod,
            ast::Operator::Pow => BinOp::Pow,
            ast::Operator::LShift => BinOp::LShift,
            ast::Operator::RShift => BinOp::RShift,
            ast::Operator::BitOr => BinOp::BitOr,
            ast::Operator::BitXor => BinOp::BitXor,
            ast::Operator::BitAnd => BinOp::BitAnd,
            ast::Operator::FloorDiv => BinOp::FloorDiv,
        }
    }

    pub(super) fn expr(&mut self, e: &E) -> Expr {
        match e {
            E::BoolOp(b) => {
                let values: Vec<Expr> = b.values.iter().map(|v| self.expr(v)).collect();
                let op = match b.op {
                    ast::BoolOp::And => BoolOp::And,
                    ast::BoolOp::Or => BoolOp::Or,
                };
                let s = any_suspends(&values);
                self.make(e, ExprKind::BoolOp(op, values), s)
            }
            E::Named(n) => {
                if self.frame().kind == ScopeKind::Comprehension {
                    self.refuse(
                        n.range,
                        "':=' inside a comprehension is not supported",
                        "it binds in the enclosing function: assign the value in a plain loop instead",
                    );
                }
                let target = self.target(&n.target);
                let value = self.expr(&n.value);
                let s = value.suspends;
                self.make(e, ExprKind::Named(Box::new(target), Box::new(value)), s)
            }
            E::BinOp(b) => {
                if b.op == ast::Operator::Mod && matches!(&*b.left, E::BytesLiteral(_)) {
                    self.refuse(
                        b.range,
                        "'%' formatting of bytes is not supported",
                        "format a str and encode it: `(\"%d\" % n).encode()`",
                    );
                }
                let l = self.expr(&b.left);
                let r = self.expr(&b.right);
                let s = l.suspends || r.suspends;
                let op = self.binop(b.op);
                self.make(e, ExprKind::BinOp(op, Box::new(l), Box::new(r)), s)
            }
            E::UnaryOp(u) => {
                let v = self.expr(&u.operand);
                let op = match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                };
                let s = v.suspends;
                self.make(e, ExprKind::UnaryOp(op, Box::new(v)), s)
            }
            E::Lambda(l) => {
                let defaults = l
                    .parameters
                    .as_ref()
                    .map(|p| self.defaults(p))
                    .unwrap_or_default();
                let code = self.code(
                    l.range,
                    "<lambda>",
                    CodeKind::Lambda,
                    false,
                    l.parameters.as_deref(),
                    |lw| {
                        let body = lw.expr(&l.body);
                        let id = lw.stmt_id();
                        vec![crate::program::Stmt {
                            id,
                            span: body.span.clone(),
                            kind: crate::program::StmtKind::Return(Some(body)),
                        }]
                    },
                );
                self.make(e, ExprKind::Lambda { code, defaults }, false)
            }
            E::If(i) => {
                let t = self.expr(&i.test);
                let b = self.expr(&i.body);
                let o = self.expr(&i.orelse);
                let s = t.suspends || b.suspends || o.suspends;
                self.make(e, ExprKind::IfExp(Box::new(t), Box::new(b), Box::new(o)), s)
            }
            E::Dict(d) => {
                let items: Vec<(Option<Expr>, Expr)> = d
                    .items
                    .iter()
                    .map(|item| {
                        (
                            item.key.as_ref().map(|k| self.expr(k)),
                            self.expr(&item.value),
                        )
                    })
                    .collect();
                let s = items
                    .iter()
                    .any(|(k, v)| k.as_ref().is_some_and(|k| k.suspends) || v.suspends);
                self.make(e, ExprKind::Dict(items), s)
            }
            E::Set(x) => {
                let items: Vec<Expr> = x.elts.iter().map(|v| self.expr(v)).collect();
                let s = any_suspends(&items);
                self.make(e, ExprKind::Set(items), s)
            }
            E::List(x) => {
                let items: Vec<Expr> = x.elts.iter().map(|v| self.expr(v)).collect();
                let s = any_suspends(&items);
                self.make(e, ExprKind::List(items), s)
            }
            E::Tuple(x) => {
                let items: Vec<Expr> = x.elts.iter().map(|v| self.expr(v)).collect();
                let s = any_suspends(&items);
                self.make(e, ExprKind::Tuple(items), s)
            }
            E::ListComp(c) => self.comprehension(e, CompKind::List, &c.generators, &c.elt, None),
            E::SetComp(c) => self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None),
            E::Generator(c) => {
                self.comprehension(e, CompKind::Generator, &c.generators, &c.elt, None)
            }
            E::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value)),
                None => {
                    self.refuse(c.range, "a dict comprehension needs a key", "");
                    placeholder(self.ranged(e))
                }
            },
            E::Await(a) => {
                if !self.in_async() {
                    self.refuse(
                        a.range,
                        "'await' outside async function",
                        "`await` can only be used inside an `async def`",
                    );
                }
                let v = self.expr(&a.value);
                self.make(e, ExprKind::Await(Box::new(v)), true)
            }
            E::Yield(y) => {
                if !self.in_function() {
                    self.refuse(y.range, "'yield' outside function", "");
                }
                let v = y.value.as_ref().map(|v| Box::new(self.expr(v)));
                self.make(e, ExprKind::Yield(v), true)
            }
            E::YieldFrom(y) => {
                if self.in_async() {
                    self.refuse(
                        y.range,
                        "'yield from' inside async function",
                        "an async generator yields its items one by one: `async for x in it: yield x`",
                    );
                }
                let v = self.expr(&y.value);
                self.make(e, ExprKind::YieldFrom(Box::new(v)), true)
            }
            E::Compare(c) => {
                let first = self.expr(&c.left);
                let mut s = first.suspends;
                let rest: Vec<(CmpOp, Expr)> = c
                    .ops
                    .iter()
                    .zip(c.comparators.iter())
                    .map(|(op, x)| {
                        let x = self.expr(x);
                        s |= x.suspends;
                        let op = match op {
                            ast::CmpOp::Eq => CmpOp::Eq,
                            ast::CmpOp::NotEq => CmpOp::Ne,
                            ast::CmpOp::Lt => CmpOp::Lt,
                            ast::CmpOp::LtE => CmpOp::Le,
                            ast::CmpOp::Gt => CmpOp::Gt,
                            ast::CmpOp::GtE => CmpOp::Ge,
                            ast::CmpOp::Is => CmpOp::Is,
                            ast::CmpOp::IsNot => CmpOp::IsNot,
                            ast::CmpOp::In => CmpOp::In,
                            ast::CmpOp::NotIn => CmpOp::NotIn,
                        };
                        (op, x)
                    })
                    .collect();
                self.make(e, ExprKind::Compare(Box::new(first), rest), s)
            }
            E::Call(c) => self.call(e, c),
            E::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            parts.push(FormatPart::Literal(Arc::from(&*l.value)))
                        }
                        ast::FStringPart::FString(fs) => {
                            let mut inner = self.fstring_elements(fs.elements.iter());
                            parts.append(&mut inner);
                        }
                    }
                }
                let s = parts.iter().any(part_suspends);
                self.make(e, ExprKind::FString(parts), s)
            }
            E::TString(t) => {
                self.refuse(
                    t.range,
                    "template strings are not supported",
                    "use an f-string",
                );
                placeholder(self.ranged(e))
            }
            E::StringLiteral(s) => self.make(
                e,
                ExprKind::Literal(Literal::Str(Arc::from(s.value.to_str()))),
                false,
            ),
            E::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.make(
                    e,
                    ExprKind::Literal(Literal::Bytes(Arc::from(bytes))),
                    false,
                )
            }
            E::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let lit = match i.as_i64() {
                        Some(v) => Literal::Int(v),
                        None => Literal::BigInt(Arc::from(i.to_string())),
                    };
                    self.make(e, ExprKind::Literal(lit), false)
                }
                ast::Number::Float(f) => self.make(e, ExprKind::Literal(Literal::Float(*f)), false),
                ast::Number::Complex { .. } => {
                    self.refuse(n.range, "complex numbers are not supported", "");
                    placeholder(self.ranged(e))
                }
            },
            E::BooleanLiteral(b) => self.make(e, ExprKind::Literal(Literal::Bool(b.value)), false),
            E::NoneLiteral(_) => self.make(e, ExprKind::Literal(Literal::None), false),
            E::EllipsisLiteral(_) => self.make(e, ExprKind::Literal(Literal::Ellipsis), false),
            E::Attribute(a) => {
                if let E::Name(n) = &*a.value
                    && let Name::Global(_) = self.name(n.id.as_str())
                    && let Some(m) = self.imports.get(n.id.as_str()).copied()
                {
                    self.check_member(m, a.attr.as_str(), a.attr.range);
                }
                // `concurrent.futures.ThreadPoolExecutor`
                if let E::Attribute(inner) = &*a.value
                    && inner.attr.as_str() == "futures"
                    && let E::Name(n) = &*inner.value
                    && let Name::Global(_) = self.name(n.id.as_str())
                    && self.imports.get(n.id.as_str()) == Some(&Module::Concurrent)
                {
                    self.check_member(Module::Futures, a.attr.as_str(), a.attr.range);
                }
                if matches!(
                    a.attr.as_str(),
                    "__globals__"
                        | "__code__"
                        | "__builtins__"
                        | "__closure__"
                        | "__subclasses__"
                        | "__mro__"
                        | "__bases__"
                        | "__traceback__"
                        | "__frame__"
                ) {
                    self.refuse(
                        a.attr.range,
                        format!("the attribute '{}' is not supported", a.attr.as_str()),
                        "a demo reaches its objects through their own attributes and methods",
                    );
                }
                let v = self.expr(&a.value);
                let s = v.suspends;
                self.make(
                    e,
                    ExprKind::Attr(Box::new(v), Arc::from(a.attr.as_str())),
                    s,
                )
            }
            E::Subscript(x) => {
                let v = self.expr(&x.value);
                let i = self.expr(&x.slice);
                let s = v.suspends || i.suspends;
                self.make(e, ExprKind::Subscript(Box::new(v), Box::new(i)), s)
            }
            E::Starred(x) => {
                let v = self.expr(&x.value);
                let s = v.suspends;
                self.make(e, ExprKind::Starred(Box::new(v)), s)
            }
            E::Name(n) => {
                let id = n.id.as_str();
                if !self.module_binds(id)
                    && matches!(self.name(id), Name::Global(_))
                    && let Some((_, why)) = FORBIDDEN.iter().find(|(f, _)| *f == id)
                {
                    self.refuse(
                        n.range,
                        format!("'{id}' is not supported: {why}"),
                        "a demo computes with its own values and prints what it finds",
                    );
                }
                let name = self.name(id);
                self.make(e, ExprKind::Name(name), false)
            }
            E::Slice(x) => {
                let lo = x.lower.as_ref().map(|v| Box::new(self.expr(v)));
                let hi = x.upper.as_ref().map(|v| Box::new(self.expr(v)));
                let st = x.step.as_ref().map(|v| Box::new(self.expr(v)));
                let s = [&lo, &hi, &st]
                    .iter()
                    .any(|v| v.as_ref().is_some_and(|v| v.suspends));
                self.make(e, ExprKind::Slice(lo, hi, st), s)
            }
            E::IpyEscapeCommand(c) => {
                self.refuse(c.range, "IPython escapes are not Python", "");
                placeholder(self.ranged(e))
            }
        }
    }

    fn call(&mut self, e: &E, c: &ast::ExprCall) -> Expr {
        self.refuse_call_form(c);
        let func = self.expr(&c.func);
        // `asyncio.run(...)` runs the event loop: the code calling it waits
        // there, as at `loop.run_until_complete(...)`, `loop.run_forever()`,
        // a `Runner`'s `runner.run(...)` and `runner.close()` (which runs
        // the clean-up of the tasks left). So does a call of a plain `def`
        // (or method) that runs a loop: see `python::loops`. Any code but a
        // coroutine's, a lambda's or a comprehension's may run a loop.
        let may_run_loop = !self.frame().is_async
            && match self.frame().kind {
                ScopeKind::Module => true,
                ScopeKind::Function => !self.frame().qualname.ends_with("<lambda>"),
                _ => false,
            };
        let runs_loop = self.names_member(&c.func, Module::Asyncio, "run")
            || may_run_loop
                && match &*c.func {
                    E::Attribute(a) => {
                        crate::python::loops::LOOP_METHODS.contains(&a.attr.as_str())
                            || self.loop_defs.contains(a.attr.as_str())
                    }
                    E::Name(n) => self.loop_defs.contains(n.id.as_str()),
                    _ => false,
                };
        let mut s = func.suspends || runs_loop;
        let mut args = Vec::new();
        for a in c.arguments.args.iter() {
            match a {
                E::Starred(st) => {
                    let v = self.expr(&st.value);
                    s |= v.suspends;
                    args.push(Arg::Star(v));
                }
                other => {
                    let v = self.expr(other);
                    s |= v.suspends;
                    args.push(Arg::Positional(v));
                }
            }
        }
        for k in c.arguments.keywords.iter() {
            let v = self.expr(&k.value);
            s |= v.suspends;
            match &k.arg {
                Some(name) => args.push(Arg::Keyword(Arc::from(name.as_str()), v)),
                None => args.push(Arg::StarStar(v)),
            }
        }
        self.make(e, ExprKind::Call(Box::new(func), args), s)
    }

    /// Whether `e` names `module.member` (`asyncio.run`, or `run` imported
    /// from asyncio).
    pub(super) fn names_member(&self, e: &E, module: Module, member: &str) -> bool {
        match e {
            E::Attribute(a) => {
                a.attr.as_str() == member
                    && matches!(&*a.value, E::Name(n)
                        if matches!(self.name(n.id.as_str()), Name::Global(_))
                            && self.imports.get(n.id.as_str()) == Some(&module))
            }
            E::Name(n) => {
                matches!(self.name(n.id.as_str()), Name::Global(_))
                    && self
                        .members
                        .get(n.id.as_str())
                        .is_some_and(|(m, x)| *m == module && x == member)
            }
            _ => false,
        }
    }

    fn fstring_elements<'a>(
        &mut self,
        elements: impl Iterator<Item = &'a ast::InterpolatedStringElement>,
    ) -> Vec<FormatPart> {
        let mut parts = Vec::new();
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    parts.push(FormatPart::Literal(Arc::from(&*l.value)))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let value = self.expr(&i.expression);
                    let conversion = match i.conversion {
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                    };
                    let spec = match &i.format_spec {
                        Some(spec) => self.fstring_elements(spec.elements.iter()),
                        None => Vec::new(),
                    };
                    let debug = i.debug_text.as_ref().map(|d| {
                        Arc::from(format!(
                            "{}{}{}",
                            d.leading(),
                            self.source_of(&*i.expression),
                            d.trailing()
                        ))
                    });
                    parts.push(FormatPart::Field {
                        value,
                        conversion,
                        spec,
                        debug,
                    });
                }
            }
        }
        parts
    }

    fn source_of(&self, node: &impl Ranged) -> &str {
        let span = self.ranged(node);
        &self.source[span]
    }

    fn comprehension(
        &mut self,
        e: &E,
        kind: CompKind,
        generators: &[ast::Comprehension],
        element: &E,
        value: Option<&E>,
    ) -> Expr {
        let Some(first) = generators.first() else {
            return placeholder(self.ranged(e));
        };
        let first_iter = self.expr(&first.iter);
        let mut lowered = Vec::new();
        let mut el = None;
        let mut val = None;
        let is_async_fn = self.in_async();
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let code = self.code(
            e.range(),
            name,
            CodeKind::Comprehension,
            is_async_fn,
            None,
            |l| {
                for (i, g) in generators.iter().enumerate() {
                    let iter = if i == 0 {
                        placeholder(l.ranged(&g.iter))
                    } else {
                        l.expr(&g.iter)
                    };
                    let target = l.target(&g.target);
                    let ifs = g.ifs.iter().map(|c| l.expr(c)).collect();
                    lowered.push(Generator {
                        target,
                        iter,
                        ifs,
                        is_async: g.is_async,
                    });
                }
                el = Some(l.expr(element));
                val = value.map(|v| l.expr(v));
                Vec::new()
            },
        );
        let element = el.expect("element lowered");
        let is_async = lowered
            .iter()
            .any(|g| g.is_async || g.iter.suspends || g.ifs.iter().any(|c| c.suspends))
            || element.suspends
            || val.as_ref().is_some_and(|v| v.suspends);
        if is_async && !is_async_fn {
            self.refuse(
                e.range(),
                "asynchronous comprehension outside of an asynchronous function",
                "use `async for` or `await` in a comprehension only inside an `async def`",
            );
        }
        let mut gens = lowered;
        gens[0].iter = first_iter;
        let suspends = gens[0].iter.suspends || (is_async && kind != CompKind::Generator);
        let comp = Comprehension {
            kind,
            code,
            element,
            value: val,
            generators: gens,
            is_async,
        };
        self.make(e, ExprKind::Comprehension(Arc::new(comp)), suspends)
    }
}

fn part_suspends(p: &FormatPart) -> bool {
    match p {
        FormatPart::Literal(_) => false,
        FormatPart::Field { value, spec, .. } => value.suspends || spec.iter().any(part_suspends),
    }
}
