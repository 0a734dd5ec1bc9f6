//! Plain classes: a struct, its `new` and its methods in one `impl`
//! (`&mut self` where a method changes a field); objects made with
//! `Class::new(...)`, fields read as `obj.name`, methods called as
//! `obj.m(...)` (`.await`ed when `async`).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_block_expr;
use super::names::{camel, ident};
use super::types::{Ty, Types, unify};
use crate::render::plan::ir::ast::{Block, Call, Demo, Function, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};

/// Whether `f` is a method of a plain class (named `Class.method`),
/// rendered inside its class's `impl`.
pub(super) fn is_method(f: &Function) -> bool {
    f.name.contains('.')
}

/// The class and the method of a method's name.
fn split(name: &str) -> Option<(&str, &str)> {
    name.split_once('.')
}

/// Whether the method `name` changes a field of its object (itself, or
/// through another method of the object).
fn mutates_self(demo: &Demo, name: &str, depth: u8) -> bool {
    let Some(f) = demo.function(name) else {
        return false;
    };
    let fields: Vec<&String> = f.fields.iter().map(|(n, _)| n).collect();
    let mut found = super::analysis::mutated_lists(&f.body)
        .iter()
        .any(|n| fields.contains(&n));
    walk(&f.body, &mut |s| {
        if let StmtKind::Set { var, .. } = &s.kind {
            found |= fields.contains(&var);
        }
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                if let ExprKind::Method(obj, call) = &x.kind
                    && matches!(&obj.kind, ExprKind::Var(v) if v == "self")
                    && depth < 8
                {
                    found |= mutates_self(demo, &call.name, depth + 1);
                }
            });
        }
    });
    found
}

/// The variables of `block` holding objects whose methods change them:
/// they are `mut`.
pub(super) fn mutated_objects(demo: &Demo, block: &Block) -> Vec<String> {
    let mut out = Vec::new();
    walk(block, &mut |s| {
        if let StmtKind::SetField { object, .. } = &s.kind
            && let ExprKind::Var(v) = &object.kind
        {
            out.push(v.clone());
        }
        // A list whose objects a loop changes, through `&mut`.
        if let StmtKind::For { var, over, body } = &s.kind
            && let ExprKind::Var(list) = &over.kind
            && mutated_objects(demo, body).contains(var)
        {
            out.push(list.clone());
        }
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                // `var.items.append(x)`: a list field changed in place.
                if let ExprKind::StrMethod(m, list, _) = &x.kind
                    && m.mutates()
                    && let ExprKind::Field(obj, _) = &list.kind
                    && let ExprKind::Var(v) = &obj.kind
                {
                    out.push(v.clone());
                }
                if let ExprKind::Method(obj, call) = &x.kind
                    && let ExprKind::Var(v) = &obj.kind
                    && v != "self"
                    && mutates_self(demo, &call.name, 0)
                {
                    out.push(v.clone());
                }
            });
        }
    });
    out
}

impl Types {
    /// The type of `Class(...)`, `obj.field` and `obj.m(...)`.
    pub(super) fn object_ty(&self, f: &str, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::New(call) => Ty::Object(call.name.clone()),
            ExprKind::Field(obj, field) => match self.expr_ty(f, obj) {
                Ty::Object(class) | Ty::Enum(class) => self.var(&class, field),
                _ => Ty::Unknown,
            },
            ExprKind::Method(_, call) => self.ret_of(&call.name),
            _ => Ty::Unknown,
        }
    }

    /// A list field grown outside its class (`var.items.append(x)`) has
    /// the type of what it is given.
    pub(super) fn grow_fields(&mut self, f: &str, s: &crate::render::plan::ir::ast::Stmt) -> bool {
        let mut grown = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                if let ExprKind::StrMethod(StrMethod::Append, list, args) = &x.kind
                    && let ExprKind::Field(obj, field) = &list.kind
                    && let [arg] = args.as_slice()
                {
                    grown.push((obj, field, arg));
                }
            });
        }
        let mut changed = false;
        for (obj, field, arg) in grown {
            if let Ty::Object(class) = self.expr_ty(f, obj) {
                let ty = Ty::List(Box::new(self.expr_ty(f, arg)));
                changed |= self.set(&class, field, &ty);
            }
        }
        changed
    }

    /// A method reads and sets its class's fields: both know one type
    /// for each.
    pub(super) fn share_fields(&mut self, f: &Function) -> bool {
        let Some((class, _)) = split(&f.name) else {
            return false;
        };
        let mut changed = false;
        for (field, _) in &f.fields {
            let mut ty = self.var(class, field);
            unify(&mut ty, &self.var(&f.name, field));
            changed |= self.set(class, field, &ty);
            changed |= self.set(&f.name, field, &ty);
        }
        changed
    }
}

impl Renderer<'_> {
    /// A plain class: its struct and `new`, then its methods, in one `impl`.
    pub(super) fn object(&mut self, f: &Function) {
        let eq = crate::render::plan::dataclass_eq(&f.name);
        // A dataclass's generated `__eq__` is a marker without a body; the
        // class's own is its `impl PartialEq`.
        let eq = self.demo.function(&eq).is_some_and(|m| m.body.is_empty());
        let order = crate::render::plan::dataclass_order(&f.name);
        let order = self.demo.function(&order).is_some();
        let derives: Vec<&str> = [
            ("Clone", self.cloned(&f.name)),
            ("PartialEq", eq),
            ("PartialOrd", order),
        ]
        .into_iter()
        .filter_map(|(d, on)| on.then_some(d))
        .collect();
        if !derives.is_empty() {
            self.line(format!("#[derive({})]", derives.join(", ")));
        }
        self.struct_def(f, &[]);
        let prefix = format!("{}.", f.name);
        let methods: Vec<&Function> = self
            .demo
            .functions
            .iter()
            .filter(|m| m.name.starts_with(&prefix))
            .collect();
        let (named, special): (Vec<&Function>, Vec<&Function>) =
            methods.into_iter().partition(|m| !m.name.ends_with("__"));
        self.method_defs(&named);
        self.class_name_method(&f.name);
        self.indent -= 1;
        self.line("}");
        let repr = special.iter().any(|m| m.name.ends_with(".__repr__"));
        // `__repr__` first: Python's `str` falls back on it.
        for trait_ in ["Debug", "Display"] {
            let dunder = if trait_ == "Debug" {
                "__repr__"
            } else {
                "__str__"
            };
            let m = special
                .iter()
                .find(|m| split(&m.name).is_some_and(|(_, n)| n == dunder));
            if m.is_none() && !(trait_ == "Display" && repr) {
                continue;
            }
            self.use_("std", "fmt");
            self.line("");
            let start = self.lines.len();
            self.line(format!("impl fmt::{trait_} for {} {{", camel(&f.name)));
            self.indent += 1;
            self.line("fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {");
            self.indent += 1;
            match m {
                Some(m) => self.fmt_body(m),
                // Python's `str` of an object without `__str__` is its `repr`.
                None => self.line("fmt::Debug::fmt(self, f)"),
            }
            self.indent -= 1;
            self.line("}");
            self.indent -= 1;
            self.line("}");
            if let Some(m) = m {
                self.functions
                    .insert(m.name.clone(), start..self.lines.len());
            }
        }
        if let Some(m) = special
            .iter()
            .find(|m| m.name.ends_with(".__eq__") && !m.body.is_empty())
        {
            self.eq_impl(f, m);
        }
        if let Some(m) = special.iter().find(|m| m.name.ends_with(".__next__")) {
            self.iterator_impl(f, m);
        }
    }

    /// The body of `__str__` or `__repr__` (`return text`): `write!`.
    fn fmt_body(&mut self, m: &Function) {
        self.enter(m, "self", true);
        let Some(StmtKind::Return(Some(e))) = m.body.last().map(|s| &s.kind) else {
            return;
        };
        if let ExprKind::Template(t) = &e.kind {
            let (text, fresh) = self.format(t, "write!");
            if fresh {
                let mut args = vec!["f".to_string()];
                args.extend(std::mem::take(&mut self.last_format_args));
                self.macro_line("write!(", &args, ")");
                return;
            }
            self.line(format!("f.write_str({text})"));
            return;
        }
        let c = self.expr(e);
        self.line(format!("f.write_str({})", c.borrowed()));
    }

    /// Each of `methods`, a blank line before it, its lines noted for the
    /// listing's spans.
    pub(super) fn method_defs(&mut self, methods: &[&Function]) {
        for m in methods {
            self.line("");
            let start = self.lines.len();
            self.method_def(m);
            self.functions
                .insert(m.name.clone(), start..self.lines.len());
        }
    }

    pub(super) fn method_def(&mut self, m: &Function) {
        self.enter(m, "self", true);
        let recv = if mutates_self(self.demo, &m.name, 0) {
            "&mut self"
        } else {
            "&self"
        };
        let params = self.param_list(m);
        let params = if self.demo.static_methods.contains(&m.name) {
            params
        } else if params.is_empty() {
            recv.to_string()
        } else {
            format!("{recv}, {params}")
        };
        let ret = self.ret_suffix(&m.name);
        let name = split(&m.name).map_or(m.name.as_str(), |(_, n)| n);
        let head = match m.kind {
            FunctionKind::Blocking => format!("fn {}(", ident(name)),
            _ => format!("async fn {}(", ident(name)),
        };
        self.signature(&head, &params, &format!("){ret} {{"));
        self.indent += 1;
        self.body(&m.body, true);
        let ends = matches!(
            m.body.last().map(|s| &s.kind),
            Some(StmtKind::Return(_) | StmtKind::Raise { .. })
        );
        if self.fallible.contains(&m.name)
            && !ends
            && matches!(self.types.ret_of(&m.name), Ty::Unit | Ty::Unknown)
        {
            self.line("Ok(())");
        }
        self.indent -= 1;
        self.line("}");
    }

    /// Whether a list is given a copy of an object of `class` (a variable
    /// of the class as an item of a list): the struct derives `Clone`.
    fn cloned(&self, class: &str) -> bool {
        // A function's parameter holding objects is given a copy (see
        // `object_arg`), or a list's copy (`Code::owned`).
        // A special method's parameter (`__eq__`'s `other`) is borrowed.
        // A parameter taken as `&mut` or `&` borrows the caller's.
        let mut found = self.demo.functions.iter().any(|f| {
            !f.name.ends_with("__")
                && f.params.iter().enumerate().any(|(i, p)| {
                    holds_object(&self.types.var(&f.name, p), class)
                        && !self.mut_params.contains(&(f.name.clone(), i))
                        && !self.ref_params.contains(&(f.name.clone(), i))
                })
        });
        for f in &self.demo.functions {
            each_block_expr(&f.body, &mut |x| {
                if let ExprKind::List(items) = &x.kind {
                    found |= items.iter().any(|i| {
                        matches!(&i.kind, ExprKind::Var(v)
                            if self.types.var(&f.name, v) == Ty::Object(class.to_string()))
                    });
                }
                // `sorted(objects, ...)`: a new list of copies.
                if let ExprKind::Call(Builtin::Sorted, args) = &x.kind
                    && let Some(list) = args.first()
                {
                    found |=
                        self.types.expr_ty(&f.name, list).elem() == Ty::Object(class.to_string());
                }
            });
        }
        found
    }

    /// Python's `repr` of the objects of each class with `__repr__`, for
    /// the containers that print them (the listing's `Repr` trait).
    pub(super) fn object_reprs(&mut self) {
        if !self.lines.iter().any(|l| l == "trait Repr {") {
            return;
        }
        let classes: Vec<String> = self
            .demo
            .functions
            .iter()
            .filter_map(|f| f.name.strip_suffix(".__repr__"))
            .map(camel)
            .collect();
        for class in classes {
            self.line(format!("impl Repr for {class} {{"));
            self.line("    fn repr(&self) -> String {");
            self.line("        format!(\"{self:?}\")");
            self.line("    }");
            self.line("}");
            self.line("");
        }
    }

    /// `obj.field` outside the class.
    pub(super) fn field(&mut self, e: &Expr, obj: &Expr, field: &str) -> Code {
        if let ty @ Ty::Enum(_) = self.types.expr_ty(&self.func, obj) {
            let obj = Code::new(self.object_code(obj), ty, 10);
            return self.enum_field(&obj, field);
        }
        let ty = self.types.expr_ty(&self.func, e);
        let obj = self.object_code(obj);
        Code::new(format!("{obj}.{}", ident(field)), ty, 10)
    }

    /// `obj.m(args)`, `.await`ed when the method is `async`.
    pub(super) fn method_call(&mut self, obj: &Expr, call: &Call) -> Code {
        let obj = self.object_code(obj);
        let args = self.call_args(call).join(", ");
        let name = split(&call.name).map_or(call.name.as_str(), |(_, n)| n);
        let wait = match self.demo.function(&call.name).map(|f| f.kind) {
            Some(FunctionKind::Blocking) => "",
            _ => ".await",
        };
        let text = format!(
            "{obj}.{}({args}){wait}{}",
            ident(name),
            self.try_op(&call.name)
        );
        let mut out = Code::new(text, self.types.ret_of(&call.name), 10);
        out.fresh = true;
        out
    }

    fn object_code(&mut self, obj: &Expr) -> String {
        match &obj.kind {
            ExprKind::Var(v) if v == "self" => "self".into(),
            _ => self.expr(obj).wrap(10),
        }
    }
}

impl Types {
    /// `obj.field = value`: the field takes the value's type.
    pub(super) fn set_field_ty(&mut self, f: &str, obj: &Expr, field: &str, value: &Expr) -> bool {
        let Ty::Object(class) = self.expr_ty(f, obj) else {
            return false;
        };
        let ty = self.expr_ty(f, value);
        self.set(&class, field, &ty)
    }
}

impl Renderer<'_> {
    /// `obj.field = value;`, or `obj.field += x;` for `obj.field = obj.field + x`.
    pub(super) fn set_field(&mut self, obj: &Expr, field: &str, value: &Expr) {
        let target = format!("{}.{}", self.object_code(obj), ident(field));
        let ty = match self.types.expr_ty(&self.func, obj) {
            Ty::Object(class) => self.types.var(&class, field),
            _ => Ty::Unknown,
        };
        if let ExprKind::Binary(op, a, b) = &value.kind
            && matches!(&a.kind, ExprKind::Field(o, f) if f == field && **o == *obj)
            && matches!(ty, Ty::Int | Ty::Float)
            && let Some(sym) = compound(*op)
        {
            let b = self.expr(b);
            let b = if ty == Ty::Float {
                b.as_f64().text
            } else {
                b.text
            };
            self.line(format!("{target} {sym}= {b};"));
            return;
        }
        // `obj.items += [x]` extends the list in place, as Python does.
        if let ExprKind::Binary(BinaryOp::Add, a, b) = &value.kind
            && matches!(&a.kind, ExprKind::Field(o, f) if f == field && **o == *obj)
            && let ExprKind::List(items) = &b.kind
            && matches!(ty, Ty::List(_))
        {
            let items: Vec<String> = items.iter().map(|i| self.expr(i).owned()).collect();
            self.line(format!("{target}.extend([{}]);", items.join(", ")));
            return;
        }
        let c = self.expr(value);
        let text = match ty {
            Ty::Float if c.ty == Ty::Int => c.as_f64().text,
            Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_) => c.owned(),
            _ => c.text,
        };
        self.line(format!("{target} = {text};"));
    }
}

/// The compound assignment of `op`, where Rust's operator means Python's.
fn compound(op: BinaryOp) -> Option<&'static str> {
    match op {
        BinaryOp::Add => Some("+"),
        BinaryOp::Sub => Some("-"),
        BinaryOp::Mul => Some("*"),
        _ => None,
    }
}

/// Whether a value of type `ty` holds objects of `class`.
fn holds_object(ty: &Ty, class: &str) -> bool {
    match ty {
        Ty::Object(c) => c == class,
        Ty::List(t) | Ty::Set(t) | Ty::Option(t) => holds_object(t, class),
        Ty::Dict(k, v) => holds_object(k, class) || holds_object(v, class),
        Ty::Tuple(ts) => ts.iter().any(|t| holds_object(t, class)),
        _ => false,
    }
}

impl Renderer<'_> {
    /// An object passed to a call of the program's function: Python passes
    /// the one object, which the callee does not change (else
    /// `mutated_args` refuses the call); the listing moves it where the
    /// caller reads it no more, else passes a copy: after the call, in a
    /// loop (again on the next pass, or an item borrowed from its list),
    /// and a field of the method's own object.
    pub(super) fn object_arg(&self, arg: &Expr, c: Code, call: &Call) -> String {
        let copied = match &arg.kind {
            ExprKind::Var(v) => {
                let own_field = self
                    .demo
                    .function(&self.func)
                    .is_some_and(|f| f.fields.iter().any(|(n, _)| n == v));
                own_field
                    || self.named_after(v, call.span.end)
                    || self.read_after(v, call.span.end)
                    || self.in_a_loop(&call.span)
            }
            // A new object, a call's value: the listing's own.
            ExprKind::New(_) | ExprKind::Await(_) | ExprKind::Method(..) => false,
            // A field, an item: borrowed from what holds it.
            _ => true,
        };
        if copied && !c.fresh {
            format!("{}.clone()", c.wrap(10))
        } else {
            c.text
        }
    }

    /// Whether the function being rendered names `var` after the source
    /// offset `at` (later in the same statement too).
    fn named_after(&self, var: &str, at: usize) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| super::object_alias::named_after(f, var, at))
    }

    /// Whether the source range `span` is inside a loop of the function
    /// being rendered.
    fn in_a_loop(&self, span: &std::ops::Range<usize>) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        f.walk(&mut |s| {
            if matches!(s.kind, StmtKind::For { .. } | StmtKind::While { .. })
                && s.span.start <= span.start
                && span.end <= s.span.end
            {
                found = true;
            }
        });
        found
    }
}
