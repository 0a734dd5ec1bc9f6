//! Expressions and durations.

use super::Renderer;
use super::analysis::str_leaves;
use super::code::{Code, builtin, lit};
use super::dicts::key;
use super::durations::Seconds;
use super::names::{escape_fmt, ident};
use super::types::{Ty, unify};
use crate::render::plan::ir::ast::FunctionKind;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod, UnaryOp};
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    pub(super) fn var_ty(&self, name: &str) -> Ty {
        self.types.var(&self.func, name)
    }

    pub(super) fn var_code(&self, name: &str) -> Code {
        if let Some(c) = self.narrowed_var(name) {
            return c;
        }
        if self.is_static(name) {
            return self.static_read(name);
        }
        let ty = self.var_ty(name);
        // A variable shared as a `Mutex`: under its lock, for the statement.
        if let Some(read) = self.locked_read(name) {
            let mut c = Code::new(read, ty, 10);
            c.fresh = self.copying_locked;
            return c;
        }
        if let Some((_, n)) = self.renamed.iter().rev().find(|(v, _)| v == name) {
            let mut c = Code::new(n.clone(), ty, 10);
            c.str_ref = c.ty == Ty::Str;
            return c;
        }
        if let Some(place) = self.held_place(name) {
            return Code::new(place, ty, 7);
        }
        // A `Duration` parameter printed as Python prints its seconds.
        match self.durations.get(&(self.func.clone(), name.to_string())) {
            Some(Seconds::Whole) => {
                return Code::new(format!("{}.as_secs()", ident(name)), Ty::Int, 10);
            }
            Some(Seconds::Float) => {
                return Code::new(format!("{}.as_secs_f64()", ident(name)), Ty::Float, 10);
            }
            None => {}
        }
        let text = if self.fields.contains(name) {
            format!("{}.{}", self.self_name, ident(name))
        } else {
            ident(name)
        };
        let mut c = Code::new(text, ty, 10);
        c.str_ref = self.str_params.contains(name);
        c
    }

    pub(super) fn expr(&mut self, e: &Expr) -> Code {
        if let Some(c) = self.checked_expr(e) {
            return c;
        }
        // A comprehension's variables are its closures' own: a name it
        // binds is still to be declared outside.
        if matches!(e.kind, ExprKind::Comp { .. } | ExprKind::Flat(_)) {
            let declared = self.declared.clone();
            let c = self.expr_kind(e);
            self.declared = declared;
            return c;
        }
        self.expr_kind(e)
    }

    fn expr_kind(&mut self, e: &Expr) -> Code {
        match &e.kind {
            ExprKind::Lit(v) => lit(v),
            ExprKind::Var(n) => self.var_code(n),
            ExprKind::Member(class, member) => self.member(class, member),
            ExprKind::Members(class) => self.members(class),
            ExprKind::Function(name) => self.function_value(name),
            ExprKind::CallParam(call, callees) => self.param_call(call, callees),
            ExprKind::Exception(class, message) => self.exception_value(class, message.as_deref()),
            ExprKind::GroupParts(obj) => self.group_parts(obj),
            ExprKind::Call(Builtin::Index, args) if let Some(c) = self.part_item(args) => c,
            ExprKind::Call(Builtin::TypeName, args) if let Some(c) = self.part_class(args) => c,
            ExprKind::List(_) if let Some(c) = self.nested_list(e) => c,
            ExprKind::List(items) => {
                let mut codes: Vec<Code> = items.iter().map(|i| self.expr(i)).collect();
                let mut t = Ty::Unknown;
                for c in &codes {
                    unify(&mut t, &c.ty);
                }
                if self.types.number_lists.contains(&e.span) {
                    t = Ty::Number;
                }
                if let Some(places) = self.types.number_tuples.get(&e.span) {
                    super::number_ops::with_numbers(&mut t, places);
                }
                let tys: Vec<Ty> = codes.iter().map(|c| c.ty.clone()).collect();
                if let Some(mixed) = super::mixed::values_ty(&tys) {
                    t = mixed;
                }
                self.tuples_as(items, &mut codes, &t);
                let copies = self.list_item_copies(items, &codes);
                let mut parts: Vec<String> = codes
                    .iter()
                    .zip(copies)
                    .map(|(c, copy)| match c.ty {
                        _ if self.types.owned_str_lists.contains(&e.span) => c.owned(),
                        _ if let Some(copy) = copy => copy,
                        _ if t == Ty::Float => c.as_f64().text,
                        _ if t == Ty::Number => super::numbers::number(c),
                        _ if t == Ty::Mixed => super::mixed::py_value(c),
                        // A list of lists holds its own copies.
                        Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_) | Ty::Mixed => {
                            c.owned()
                        }
                        Ty::Object(_) if !c.fresh => format!("{}.clone()", c.wrap(10)),
                        _ => c.text.clone(),
                    })
                    .collect();
                if t == Ty::Int && super::typed_ints::needs_type(self.demo, &self.func, e) {
                    parts[0].push_str("_i64");
                }
                let mut c = Code::new(
                    format!("vec![{}]", parts.join(", ")),
                    Ty::List(Box::new(t)),
                    10,
                );
                c.fresh = true;
                c
            }
            ExprKind::Tuple(items) => self.tuple(items),
            ExprKind::Call(f @ (Builtin::Min | Builtin::Max), args)
                if let Some(c) = self.float_extreme_args(*f == Builtin::Min, args) =>
            {
                c
            }
            ExprKind::Call(Builtin::Dict, items) => self.dict(items),
            ExprKind::Call(Builtin::Str | Builtin::Repr, args)
                if let [x] = args.as_slice()
                    && let Some(c) = self.float_text(x) =>
            {
                c
            }
            ExprKind::Call(Builtin::Len, args) if let Some(n) = self.counted_len(args) => n,
            ExprKind::Call(Builtin::Index, args)
                if let [obj, k] = args.as_slice()
                    && let Ty::Dict(_, v) = self.types.expr_ty(&self.func, obj) =>
            {
                // A loop's item that is a reference already is the key.
                let by_ref = matches!(&k.kind, ExprKind::Var(n) if self.borrowed.contains(n));
                let (obj, k) = (self.expr(obj), self.expr(k));
                let k = if by_ref && k.ty == Ty::Str {
                    k.text
                } else {
                    key(&k)
                };
                Code::new(format!("{}[{k}]", obj.wrap(10)), *v, 10)
            }
            ExprKind::Binary(op @ (BinaryOp::In | BinaryOp::NotIn), x, xs) => {
                let (x, xs) = (self.expr(x), self.expr(xs));
                self.contains(*op == BinaryOp::In, &x, &xs)
            }
            ExprKind::Call(Builtin::Index, args)
                if let [obj, k] = args.as_slice()
                    && let ExprKind::Lit(Value::Int(k)) = k.kind
                    && let Ty::Tuple(items) =
                        self.types.untree(&self.types.expr_ty(&self.func, obj))
                    && let Some(k) = super::tuples::tuple_item(items.len(), k) =>
            {
                let obj = self.expr(obj);
                Code::new(format!("{}.{k}", obj.wrap(10)), items[k].clone(), 10)
            }
            ExprKind::Unary(UnaryOp::Neg, x) => {
                let x = self.expr(x);
                Code::new(format!("-{}", x.wrap(9)), x.ty, 7)
            }
            ExprKind::Unary(UnaryOp::Not, x)
                if matches!(x.kind, ExprKind::Binary(BinaryOp::And | BinaryOp::Or, ..)) =>
            {
                Code::new(format!("!{}", self.test(x).wrap(7)), Ty::Bool, 7)
            }
            ExprKind::Unary(UnaryOp::Not, x) => {
                let x = self.expr(x);
                match x.ty {
                    Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Enum(_) => {
                        Code::new(format!("{}.is_empty()", x.wrap(10)), Ty::Bool, 10)
                    }
                    Ty::Int => Code::new(format!("{} == 0", x.wrap(5)), Ty::Bool, 4),
                    Ty::Float => Code::new(format!("{} == 0.0", x.wrap(5)), Ty::Bool, 4),
                    _ => {
                        let x = x.truthy();
                        Code::new(format!("!{}", x.wrap(7)), Ty::Bool, 7)
                    }
                }
            }
            ExprKind::Binary(BinaryOp::Add, _, _)
                if self.types.expr_ty(&self.func, e) == Ty::Str =>
            {
                // `a + "!" + b` is one `format!("{a}!{b}")`.
                let mut leaves = Vec::new();
                str_leaves(e, &mut leaves);
                let mut fmt = String::new();
                let mut args = Vec::new();
                for leaf in leaves {
                    if let ExprKind::Lit(Value::Str(t)) = &leaf.kind {
                        fmt.push_str(&escape_fmt(t));
                        continue;
                    }
                    let c = self.expr(leaf);
                    let c = self.printed_float(leaf, c);
                    self.hole(&c, &mut fmt, &mut args);
                }
                let (text, fresh) = self.format_tail(fmt, args, "format!");
                let mut c = Code::new(text, Ty::Str, 10);
                c.fresh = fresh;
                c.str_ref = !fresh;
                c
            }
            // `n % 2 == 0`: Rust's `%` and Python's agree on whether a
            // remainder is zero, whatever the signs.
            ExprKind::Binary(op @ (BinaryOp::Eq | BinaryOp::Ne), m, zero)
                if matches!(zero.kind, ExprKind::Lit(Value::Int(0)))
                    && let ExprKind::Binary(BinaryOp::Mod, x, k) = &m.kind
                    && self.types.expr_ty(&self.func, k) == Ty::Int
                    && self.types.expr_ty(&self.func, x) == Ty::Int =>
            {
                let (x, k) = (self.expr(x), self.expr(k));
                let sym = if *op == BinaryOp::Eq { "==" } else { "!=" };
                Code::new(
                    format!("{} % {} {sym} 0", x.wrap(6), k.wrap(7)),
                    Ty::Bool,
                    4,
                )
            }
            ExprKind::Binary(op, a, b) if let Some(c) = self.big_binary(*op, a, b) => c,
            ExprKind::Binary(BinaryOp::Pow, a, b) => {
                let negative = super::types::negative(b);
                let (a, b) = (self.expr(a), self.expr(b));
                if a.ty == Ty::Int && b.ty == Ty::Int && !negative {
                    let n = if b.text.chars().all(|c| c.is_ascii_digit()) {
                        b.text.clone()
                    } else {
                        format!("{} as u32", b.wrap(8))
                    };
                    Code::new(format!("{}.pow({n})", a.wrap(10)), Ty::Int, 10)
                } else if b.ty == Ty::Int {
                    let a = a.as_f64();
                    let n = if b.text.chars().all(|c| c.is_ascii_digit() || c == '-') {
                        b.text.clone()
                    } else {
                        format!("{} as i32", b.wrap(8))
                    };
                    Code::new(format!("{}.powi({n})", a.wrap(10)), Ty::Float, 10)
                } else {
                    let (a, b) = (a.as_f64(), b.as_f64());
                    Code::new(format!("{}.powf({})", a.wrap(10), b.text), Ty::Float, 10)
                }
            }
            ExprKind::Binary(op @ (BinaryOp::And | BinaryOp::Or), a, b) => {
                self.kept_bool_op(*op, a, b)
            }
            ExprKind::Binary(op, a, b) if let Some(c) = self.int_vs_float(*op, a, b) => c,
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                self.binary(*op, a, b)
            }
            // `sum(x for x in xs)`: the iterator itself, not a `Vec` of it.
            ExprKind::Call(f @ (Builtin::Sum | Builtin::Min | Builtin::Max), args)
                if let [comp] = args.as_slice()
                    && matches!(comp.kind, ExprKind::Comp { .. }) =>
            {
                let mut c = self.expr(comp);
                c.text = c
                    .text
                    .strip_suffix(".collect::<Vec<_>>()")
                    .unwrap_or(&c.text)
                    .to_string();
                c.range = true;
                builtin(*f, vec![c])
            }
            ExprKind::Call(f @ (Builtin::Kept | Builtin::Rest), args) => self.kept_iter(*f, args),
            ExprKind::Call(Builtin::Slice, args) => self.slice(args),
            ExprKind::Call(Builtin::SmallSet, args) => self.small_set(args),
            ExprKind::Call(Builtin::Set, args) => self.set_of(args),
            ExprKind::Call(op @ (Builtin::Union | Builtin::Intersection | Builtin::Xor), args)
                if let Some(c) = self.flag_operator(*op, args) =>
            {
                c
            }
            ExprKind::Call(Builtin::List, args) if let Some(c) = self.flag_list(args) => c,
            ExprKind::Call(Builtin::List, args) if let Some(c) = self.listed_map(args) => c,
            ExprKind::Call(Builtin::Len, args) if let Some(c) = self.flag_len(args) => c,
            ExprKind::Call(op @ (Builtin::Union | Builtin::Intersection), args) => {
                self.set_operator(*op, args)
            }
            ExprKind::Call(Builtin::IsInstance, args) => self.isinstance(args),
            ExprKind::Call(Builtin::TypeName, args) => self.type_name(args),
            ExprKind::Call(f, args) if super::closures::keyed(args) => self.keyed(*f, args),
            ExprKind::Call(f, args) if f.is_adapter() => self.iter_builtin(*f, args),
            ExprKind::Call(f, args) => {
                let codes: Vec<Code> = args.iter().map(|a| self.expr(a)).collect();
                if let (Builtin::Index, [obj, i]) = (f, codes.as_slice())
                    && let Some(c) = super::neg_index::item(obj, i, &self.counting_vars)
                {
                    return c;
                }
                let mut c = builtin(*f, codes);
                if *f == Builtin::Abs {
                    c.ty = self.types.abs_ty(c.ty);
                }
                c
            }
            ExprKind::Template(t) => {
                let (text, fresh) = self.format(t, "format!");
                let mut c = Code::new(text, Ty::Str, 10);
                c.fresh = fresh;
                c.str_ref = !fresh;
                c
            }
            ExprKind::Cancelled(task) => self.cancelled(task),
            ExprKind::Task(op, task) => self
                .future_result(*op, task)
                .unwrap_or_else(|| self.task_op(*op, task)),
            ExprKind::Done(task) => {
                let done = self.task_done(task);
                self.cancelled_done(task, &done).unwrap_or(done)
            }
            ExprKind::StrMethod(m, x, args) => {
                let shared = self.static_receiver(x).filter(|_| m.mutates());
                let x = shared.unwrap_or_else(|| self.expr(x));
                if let Some(c) = self.affix_tuple(*m, &x, args) {
                    return c;
                }
                let arg = match m {
                    StrMethod::StartsWith | StrMethod::EndsWith => {
                        args.first().map(|a| self.expr(a).borrowed())
                    }
                    _ => None,
                };
                let (call, ty, fresh) = match m {
                    StrMethod::Upper => ("to_uppercase()".to_string(), Ty::Str, true),
                    StrMethod::Lower => ("to_lowercase()".to_string(), Ty::Str, true),
                    StrMethod::Strip if args.is_empty() => ("trim()".to_string(), Ty::Str, false),
                    StrMethod::StartsWith => (
                        format!("starts_with({})", arg.unwrap_or_default()),
                        Ty::Bool,
                        false,
                    ),
                    StrMethod::EndsWith => (
                        format!("ends_with({})", arg.unwrap_or_default()),
                        Ty::Bool,
                        false,
                    ),
                    m => return self.method(*m, &x, args),
                };
                let mut c = Code::new(format!("{}.{call}", x.wrap(10)), ty, 10);
                c.fresh = fresh;
                c.str_ref = !fresh;
                c
            }
            ExprKind::Join(task) => self
                .kept_output(task)
                .unwrap_or_else(|| self.join_expr(task)),
            ExprKind::ItemOutput(x, now) => self.item_output(e, x, *now),
            ExprKind::Spawn(call) => self.spawn_expr(call),
            ExprKind::Job(call, pool) => self.job_expr(call, pool.as_deref()),
            ExprKind::MapJobs(jobs, _) => self.map_jobs(jobs),
            ExprKind::Coro(call) => self.coro_expr(call),
            ExprKind::Stream(call) => Code::new(self.call(call), Ty::Unknown, 10),
            ExprKind::NextItem(var, generator) => self.next_item(var, generator),
            ExprKind::Slept(delay, value) => self.slept_expr(delay, value),
            ExprKind::GatherAll(x) => self.gather_all(x),
            ExprKind::Outcomes(x) => self.outcomes(x),
            ExprKind::Flat(x) => self.flat_comp(x),
            ExprKind::Lambda(l) => self.closure(l),
            ExprKind::FnDict(items) => {
                let ty = self.types.fn_dict_ty(&self.func, items);
                self.fn_dict(items, ty)
            }
            ExprKind::CallItem(item, args, _) => {
                let ty = self.types.call_item_ty(&self.func, item);
                self.call_item(item, args, ty)
            }
            ExprKind::Locked(sync) => {
                let text = match self.var_ty(sync) {
                    Ty::Sync(true) => format!("{}.try_lock().is_err()", ident(sync)),
                    _ => format!("{}.available_permits() == 0", ident(sync)),
                };
                Code::new(text, Ty::Bool, 4)
            }
            ExprKind::Now => Code::new("START.elapsed().as_secs_f64()", Ty::Float, 10),
            ExprKind::Prim(object, op) => self.prim_expr(object, *op),
            ExprKind::Comp {
                value,
                var,
                over,
                filter,
            } => {
                let o = self.expr(over);
                let elem = o.ty.elem();
                let copied = elem.is_copy();
                let owned = o.fresh && matches!(elem, Ty::Tuple(_)) && !copied;
                // A list of `PyValue`s made here, or the owned items of an
                // iterator class's object, kept item by item.
                let owned_items = o.range && matches!(over.kind, ExprKind::New(_));
                let kept = (o.fresh && elem == Ty::Mixed || owned_items)
                    && matches!(&value.kind, ExprKind::Var(v) if v == var);
                let mut text = if o.range {
                    o.wrap(10)
                } else if o.ty == Ty::Str {
                    format!("{}.chars()", o.wrap(10))
                } else if let Ty::Dict(..) = o.ty {
                    // Iterating a dict gives its keys.
                    let copied = if copied { ".copied()" } else { "" };
                    format!("{}.keys(){copied}", o.wrap(10))
                } else if copied {
                    format!("{}.iter().copied()", o.wrap(10))
                } else if owned || kept {
                    // A list made here: its tuples are taken apart by value.
                    format!("{}.into_iter()", o.wrap(10))
                } else if matches!(&elem, Ty::Tuple(parts) if parts.iter().any(Ty::is_copy))
                    && matches!(value.kind, ExprKind::Spawn(_))
                {
                    // A task owns what it is given: copies of the parts,
                    // its numbers by value.
                    format!("{}.iter().cloned()", o.wrap(10))
                } else {
                    format!("{}.iter()", o.wrap(10))
                };
                let pat = self.loop_pat(var);
                // A dict's `String` keys come by reference, as a loop's.
                let keyed =
                    matches!(o.ty, Ty::Dict(..)) && !copied && self.borrowed.insert(var.clone());
                // A range of literals has no integer type until one is named.
                let mut typed = o.range && elem == Ty::Int;
                if owned && let Some(f) = filter {
                    // `.filter` would see each tuple by reference: the test
                    // and the value take its parts by value in one closure.
                    let f = self.test(f);
                    let v = self.expr(value);
                    let v = if v.ty == Ty::Str { v.owned() } else { v.text };
                    text.push_str(&format!(".filter_map(|{pat}| {}.then(|| {v}))", f.wrap(10)));
                    text.push_str(".collect::<Vec<_>>()");
                    let ty = Ty::List(Box::new(self.types.expr_ty(&self.func, value)));
                    let mut out = Code::new(text, ty, 10);
                    out.fresh = true;
                    return out;
                }
                if let Some(f) = filter {
                    let f = self.test(f);
                    let pat = match (copied, typed) {
                        (true, true) => format!("&{pat}: &i64"),
                        (true, false) => format!("&{pat}"),
                        _ => pat.clone(),
                    };
                    typed = false;
                    text.push_str(&format!(".filter(|{pat}| {})", f.text));
                }
                let is_var = matches!(&value.kind, ExprKind::Var(v) if v == var);
                let v = self.expr(value);
                let cloned = is_var && v.ty == Ty::Mixed && !copied && !kept;
                let v = match v.ty {
                    Ty::Str | Ty::Mixed if !is_var || !copied => v.owned(),
                    _ => v.text,
                };
                if cloned {
                    text.push_str(".cloned()");
                } else if !(kept || is_var && copied) {
                    // `sum(1 for p in ps)`: a value that reads no name of the pattern.
                    let mut read = Vec::new();
                    value.variables(&mut read);
                    let names = super::tuples::pattern_names(var).unwrap_or_else(|| vec![var]);
                    // Or one whose Rust form reads none (`t.cancelled()` of a task
                    // never aborted is `false`).
                    let pat = if !read.iter().any(|(n, _)| names.contains(&n.as_str())) {
                        "_".to_string()
                    } else {
                        super::closures::unused_as_wildcard(pat, &v)
                    };
                    let pat = if typed && pat != "_" {
                        format!("{pat}: i64")
                    } else {
                        pat
                    };
                    text.push_str(&format!(".map(|{pat}| {v})"));
                }
                text.push_str(".collect::<Vec<_>>()");
                if keyed {
                    self.borrowed.remove(var);
                }
                let ty = Ty::List(Box::new(self.types.expr_ty(&self.func, value)));
                let mut out = Code::new(text, ty, 10);
                out.fresh = true;
                out
            }
            ExprKind::IfElse(c, a, b) if let Some(out) = self.if_some_value(c, a, b) => out,
            ExprKind::IfElse(c, a, b) => {
                let ty = self.types.expr_ty(&self.func, e);
                let c = self.test(c);
                let nested = matches!(b.kind, ExprKind::IfElse(..));
                let (a, b) = (self.expr(a), self.expr(b));
                let borrowed = ty == Ty::Str && !a.fresh && !b.fresh;
                let (a, b) = match ty {
                    Ty::Float => (a.as_f64().text, b.as_f64().text),
                    Ty::Str if a.fresh || b.fresh => (a.owned(), b.owned()),
                    _ => (a.text, b.text),
                };
                // `a if c else b if d else e` is an `else if` chain.
                let b = if nested { b } else { format!("{{ {b} }}") };
                let mut out = Code::new(format!("if {} {{ {a} }} else {b}", c.text), ty, 0);
                out.fresh = !borrowed;
                out
            }
            ExprKind::New(call) => {
                let text = self.call(call);
                if let Some(items) = self.iter_object(&call.name, text.clone()) {
                    return items;
                }
                let mut out = Code::new(text, Ty::Object(call.name.clone()), 10);
                out.fresh = true;
                out
            }
            ExprKind::Field(obj, field) => self.field(e, obj, field),
            ExprKind::Method(obj, call) => self.method_call(obj, call),
            ExprKind::Await(call) => {
                let plain = self
                    .demo
                    .function(&call.name)
                    .is_some_and(|f| f.kind == FunctionKind::Blocking);
                let wait = if plain { "" } else { ".await" };
                let c = self.call(call);
                let q = self.try_op(&call.name);
                // `asyncio.run(f(...))` in a plain function: the `run` helper.
                let text = if !plain && self.kind == FunctionKind::Blocking {
                    self.needs_run = true;
                    format!("run({c}){q}")
                } else {
                    format!("{c}{wait}{q}")
                };
                let ty = match self.types.generic_ret(&self.func, call) {
                    Some(t) => t,
                    None => self.types.ret_of(&call.name),
                };
                let mut out = Code::new(text, ty, 10);
                out.fresh = true;
                out
            }
        }
    }

    pub(super) fn duration(&mut self, e: &Expr) -> String {
        self.use_("std::time", "Duration");
        if let ExprKind::Lit(v) = &e.kind {
            match v {
                Value::Int(0) => return "Duration::ZERO".into(),
                Value::Float(x) if *x == 0.0 => return "Duration::ZERO".into(),
                // asyncio waits no time for a negative delay.
                Value::Int(n) if *n < 0 => return "Duration::ZERO".into(),
                Value::Int(n) if *n >= 0 => return format!("Duration::from_secs({n})"),
                Value::Float(x) if *x >= 0.0 => {
                    let ms = x * 1000.0;
                    if ms.fract() == 0.0 && ms < 1e15 {
                        if ms % 1000.0 == 0.0 {
                            return format!("Duration::from_secs({})", ms as u64 / 1000);
                        }
                        return format!("Duration::from_millis({})", ms as u64);
                    }
                    return format!("Duration::from_secs_f64({x:?})");
                }
                _ => {}
            }
        }
        if let ExprKind::Var(n) = &e.kind
            && (self.durations.contains_key(&(self.func.clone(), n.clone()))
                || self.duration_vars.contains(&(self.func.clone(), n.clone())))
        {
            return ident(n);
        }
        if let ExprKind::Var(n) = &e.kind
            && self.whole_seconds.contains(&(self.func.clone(), n.clone()))
        {
            return format!("Duration::from_secs({})", ident(n));
        }
        if let Some(scaled) = self.scaled_duration(e) {
            return scaled;
        }
        if let Some(times) = self.literal_times_int(e) {
            return times;
        }
        let c = self.expr(e);
        // `float(text)` may be NaN or negative, where asyncio waits no time.
        if let ExprKind::Call(Builtin::Float, _) = &e.kind {
            return format!(
                "Duration::try_from_secs_f64({}).unwrap_or_default()",
                c.text
            );
        }
        match c.ty {
            // A negative delay sleeps no time, as asyncio's does; the type
            // of a parameter or field is settled for `try_into`.
            // Untyped literals in every branch are `u64`s here.
            Ty::Int if whole_literal_branches(e) => format!("Duration::from_secs({})", c.text),
            Ty::Int if self.settled_int(e) => {
                format!("Duration::from_secs({}.try_into().unwrap_or(0))", c.text)
            }
            // A negative delay sleeps no time, as asyncio's does.
            Ty::Int => format!(
                "Duration::from_secs(u64::try_from({}).unwrap_or(0))",
                c.text
            ),
            Ty::Number => format!("Duration::from_secs_f64({}.to_f64())", c.wrap(10)),
            // A delay of unknown sign sleeps no time when negative, as
            // asyncio's does, where `from_secs_f64` would panic.
            Ty::Float
                if !super::float_delays::non_negative(
                    self.demo,
                    &self.func,
                    e,
                    &self.counting_vars,
                ) =>
            {
                format!(
                    "Duration::try_from_secs_f64({}).unwrap_or_default()",
                    c.text
                )
            }
            _ => format!("Duration::from_secs_f64({})", c.as_f64().text),
        }
    }
}

/// Whether `e` is a non-negative int literal, or a conditional whose every
/// branch is one.
fn whole_literal_branches(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => *n >= 0,
        ExprKind::IfElse(_, a, b) => whole_literal_branches(a) && whole_literal_branches(b),
        _ => false,
    }
}
