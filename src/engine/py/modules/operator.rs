//! The `operator` module: the operators as functions, `itemgetter`,
//! `attrgetter` and `methodcaller`, as CPython 3.11's `_operator`.

use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::{self, Value};
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use crate::program::{BinOp, CmpOp, UnaryOp};
use std::rc::Rc;

/// The functions of two operands, by qualified name, and the operation
/// each stands for.
const BINARY: &[(&str, BinOp)] = &[
    ("operator.add", BinOp::Add),
    ("operator.sub", BinOp::Sub),
    ("operator.mul", BinOp::Mul),
    ("operator.truediv", BinOp::Div),
    ("operator.floordiv", BinOp::FloorDiv),
    ("operator.mod", BinOp::Mod),
    ("operator.pow", BinOp::Pow),
    ("operator.lshift", BinOp::LShift),
    ("operator.rshift", BinOp::RShift),
    ("operator.and_", BinOp::BitAnd),
    ("operator.or_", BinOp::BitOr),
    ("operator.xor", BinOp::BitXor),
    ("operator.matmul", BinOp::MatMul),
];

/// The comparisons, by qualified name.
const COMPARE: &[(&str, CmpOp)] = &[
    ("operator.eq", CmpOp::Eq),
    ("operator.ne", CmpOp::Ne),
    ("operator.lt", CmpOp::Lt),
    ("operator.le", CmpOp::Le),
    ("operator.gt", CmpOp::Gt),
    ("operator.ge", CmpOp::Ge),
    ("operator.is_", CmpOp::Is),
    ("operator.is_not", CmpOp::IsNot),
];

/// The module's other functions, by qualified name.
const OTHER: &[&str] = &[
    "operator.neg",
    "operator.pos",
    "operator.invert",
    "operator.inv",
    "operator.abs",
    "operator.not_",
    "operator.truth",
    "operator.index",
    "operator.concat",
    "operator.contains",
    "operator.countOf",
    "operator.indexOf",
    "operator.getitem",
    "operator.setitem",
    "operator.delitem",
    "operator.itemgetter",
    "operator.attrgetter",
    "operator.methodcaller",
];

/// `operator.name`.
pub fn member(name: &str) -> Option<Value> {
    let names = BINARY.iter().map(|(n, _)| n);
    let names = names.chain(COMPARE.iter().map(|(n, _)| n)).chain(OTHER);
    names
        .copied()
        .find(|q| q.strip_prefix("operator.") == Some(name))
        .map(Value::Builtin)
}

/// Calls `operator.name(...)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("operator.").unwrap_or(name);
    if let Some((_, op)) = BINARY
        .iter()
        .find(|(n, _)| n.strip_prefix("operator.") == Some(name))
    {
        let [a, b] = two(args, name)?;
        return ix.binop(f, *op, &a, &b, false);
    }
    if let Some((_, op)) = COMPARE
        .iter()
        .find(|(n, _)| n.strip_prefix("operator.") == Some(name))
    {
        let [a, b] = two(args, name)?;
        return ix.cmp(f, *op, &a, &b).map(Value::Bool);
    }
    match name {
        "neg" | "pos" | "invert" | "inv" => {
            let v = one(args, name)?;
            let op = match name {
                "neg" => UnaryOp::Neg,
                "pos" => UnaryOp::Pos,
                _ => UnaryOp::Invert,
            };
            ix.unary(f, op, &v)
        }
        "abs" => {
            let v = one(args, name)?;
            ix.pure_builtin(f, "abs", Args::positional(vec![v]))
        }
        "not_" => Ok(Value::Bool(!ix.truthy(f, &one(args, name)?)?)),
        "truth" => Ok(Value::Bool(ix.truthy(f, &one(args, name)?)?)),
        "index" => match one(args, name)? {
            v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            other => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        },
        "concat" => {
            let [a, b] = two(args, name)?;
            let sequence = |v: &Value| {
                matches!(
                    v,
                    Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
                ) || ix.special(v, "__getitem__").is_some()
            };
            if !sequence(&a) {
                return Err(type_error(format!(
                    "'{}' object can't be concatenated",
                    a.type_name()
                )));
            }
            ix.binop(f, BinOp::Add, &a, &b, false)
        }
        "contains" => {
            let [a, b] = two(args, name)?;
            ix.contains(f, &a, &b).map(Value::Bool)
        }
        "countOf" | "indexOf" => {
            let [a, b] = two(args, name)?;
            let mut count = 0;
            for (i, x) in ix.iterate(f, &a)?.into_iter().enumerate() {
                if value::is_same(&x, &b) || ix.eq(f, &x, &b)? {
                    if name == "indexOf" {
                        return Ok(Value::Int(i as i64));
                    }
                    count += 1;
                }
            }
            if name == "indexOf" {
                return Err(value_error("sequence.index(x): x not in sequence"));
            }
            Ok(Value::Int(count))
        }
        "getitem" => {
            let [a, b] = two(args, name)?;
            ix.getitem(f, &a, &b)
        }
        "setitem" => {
            let n = args.pos.len();
            let [a, b, c] = <[Value; 3]>::try_from(args.pos)
                .map_err(|_| type_error(format!("setitem expected 3 arguments, got {n}")))?;
            ix.setitem(f, &a, &b, c)?;
            Ok(Value::None)
        }
        "delitem" => {
            let [a, b] = two(args, name)?;
            ix.delitem(f, &a, &b)?;
            Ok(Value::None)
        }
        "itemgetter" => {
            if !args.kw.is_empty() {
                return Err(type_error("itemgetter() takes no keyword arguments"));
            }
            if args.pos.is_empty() {
                return Err(type_error("itemgetter expected 1 argument, got 0"));
            }
            Ok(Value::Native(Rc::new(ItemGetter(args.pos))))
        }
        "attrgetter" => {
            if !args.kw.is_empty() {
                return Err(type_error("attrgetter() takes no keyword arguments"));
            }
            if args.pos.is_empty() {
                return Err(type_error("attrgetter expected 1 argument, got 0"));
            }
            let mut names = Vec::new();
            for v in args.pos {
                match v {
                    Value::Str(s) => names.push(s),
                    _ => return Err(type_error("attribute name must be a string")),
                }
            }
            Ok(Value::Native(Rc::new(AttrGetter(names))))
        }
        "methodcaller" => {
            let mut args = args;
            if args.pos.is_empty() {
                return Err(type_error(
                    "methodcaller needs at least one argument, the method name",
                ));
            }
            let Value::Str(method) = args.pos.remove(0) else {
                return Err(type_error("method name must be a string"));
            };
            Ok(Value::Native(Rc::new(MethodCaller { method, args })))
        }
        _ => Err(error(
            "AttributeError",
            format!("module 'operator' has no attribute '{name}'"),
        )),
    }
}

fn one(args: Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let [v] = <[Value; 1]>::try_from(args.pos).map_err(|_| {
        type_error(format!(
            "_operator.{name}() takes exactly one argument ({n} given)"
        ))
    })?;
    Ok(v)
}

fn two(args: Args, name: &str) -> PyResult<[Value; 2]> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    <[Value; 2]>::try_from(args.pos)
        .map_err(|_| type_error(format!("{name} expected 2 arguments, got {n}")))
}

/// The one object a getter is called with.
fn the_object(args: Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let [v] = <[Value; 1]>::try_from(args.pos)
        .map_err(|_| type_error(format!("{name} expected 1 argument, got {n}")))?;
    Ok(v)
}

/// The items' reprs, comma-separated.
fn reprs(ix: &Interp, f: &Frame, items: &[Value]) -> PyResult<String> {
    Ok(items
        .iter()
        .map(|v| ix.repr(f, v))
        .collect::<PyResult<Vec<_>>>()?
        .join(", "))
}

/// `operator.itemgetter(*items)`.
struct ItemGetter(Vec<Value>);

impl Native for ItemGetter {
    fn type_name(&self) -> &str {
        "operator.itemgetter"
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        Some(reprs(ix, cx, &self.0).map(|r| format!("operator.itemgetter({r})")))
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, args: Args) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = the_object(args, "itemgetter")?;
            if let [item] = self.0.as_slice() {
                return ix.getitem(cx, &obj, item);
            }
            budget::charge_items(self.0.len())?;
            let items = self
                .0
                .iter()
                .map(|i| ix.getitem(cx, &obj, i))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::tuple(items))
        })())
    }
}

/// `operator.attrgetter(*names)`, dotted names too.
struct AttrGetter(Vec<Rc<str>>);

impl AttrGetter {
    fn get(ix: &Interp, f: &Frame, obj: &Value, dotted: &str) -> PyResult<Value> {
        let mut v = obj.clone();
        for part in dotted.split('.') {
            v = ix.getattr(f, &v, part)?;
        }
        Ok(v)
    }
}

impl Native for AttrGetter {
    fn type_name(&self) -> &str {
        "operator.attrgetter"
    }

    fn repr(&self) -> String {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|n| crate::text::python_str_repr(n))
            .collect();
        format!("operator.attrgetter({})", names.join(", "))
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, args: Args) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = the_object(args, "attrgetter")?;
            if let [name] = self.0.as_slice() {
                return Self::get(ix, cx, &obj, name);
            }
            let items = self
                .0
                .iter()
                .map(|n| Self::get(ix, cx, &obj, n))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Value::tuple(items))
        })())
    }
}

/// `operator.methodcaller(name, *args, **kwargs)`.
struct MethodCaller {
    method: Rc<str>,
    args: Args,
}

impl Native for MethodCaller {
    fn type_name(&self) -> &str {
        "operator.methodcaller"
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        Some((|| {
            let mut parts = vec![crate::text::python_str_repr(&self.method)];
            for v in &self.args.pos {
                parts.push(ix.repr(cx, v)?);
            }
            for (k, v) in &self.args.kw {
                parts.push(format!("{k}={}", ix.repr(cx, v)?));
            }
            Ok(format!("operator.methodcaller({})", parts.join(", ")))
        })())
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, args: Args) -> Option<PyResult<Value>> {
        Some((|| {
            let obj = the_object(args, "methodcaller")?;
            let args = Args {
                pos: self.args.pos.clone(),
                kw: self.args.kw.clone(),
            };
            ix.call_method(cx, &obj, &self.method, args)
        })())
    }
}
