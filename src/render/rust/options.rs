//! A coroutine that returns a value in one place and `None` in another:
//! its result is an `Option` (`Some(value)` / `None`), and a container of
//! such results prints `None` where Python does.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::ast::{Function, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Whether `e` is the literal `None`.
pub(super) fn is_none(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::None))
}

/// Whether `f` is a coroutine (or blocking function) with both a
/// `return None` (or bare `return`) and a `return` of a value.
pub(super) fn returns_option(f: &Function) -> bool {
    if !matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking) {
        return false;
    }
    let (mut none, mut value) = (false, false);
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Return(Some(e)) if !is_none(e) => value = true,
        StmtKind::Return(_) => none = true,
        _ => {}
    });
    none && value
}

/// The type a `return None` of `f` gives its result.
pub(super) fn none_ty(f: &Function) -> Ty {
    if returns_option(f) {
        Ty::Option(Box::new(Ty::Unknown))
    } else {
        Ty::Unit
    }
}

impl Renderer<'_> {
    /// `x = None` of a variable that holds an `Option`: `x = None`.
    pub(super) fn none_set(&self, var: &str, value: &Expr) -> Option<&'static str> {
        (is_none(value) && matches!(self.var_ty(var), Ty::Option(_))).then_some("None")
    }

    /// Whether `name` is the variable of a `for` loop of the function.
    fn loop_var(&self, name: &str) -> bool {
        let Some(f) = self.demo.functions.iter().find(|f| f.name == self.func) else {
            return true;
        };
        let mut found = false;
        walk(&f.body, &mut |s| {
            if let StmtKind::For { var, .. } = &s.kind {
                found |= var == name || var.starts_with('(');
            }
        });
        found
    }

    /// A `return` of a function whose result is an `Option`: `Some(value)`
    /// for a value (moved out if it is a local), `None` for `None`.
    pub(super) fn ret_option(&mut self, e: Option<&Expr>, tail: bool) {
        let value = match e {
            Some(e) if !is_none(e) => {
                let c = self.expr(e);
                // A local is moved out; a loop's variable (a borrow) is copied.
                let local = matches!(&e.kind, ExprKind::Var(v) if !self.loop_var(v)) && !c.str_ref;
                let v = if local { c.text.clone() } else { c.owned() };
                match c.ty {
                    Ty::Option(_) => v,
                    _ => format!("Some({v})"),
                }
            }
            _ => "None".to_string(),
        };
        let value = if self.fallible.contains(&self.func) {
            format!("Ok({value})")
        } else {
            value
        };
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        match tail {
            true => self.tail_line(value),
            false => self.line(format!("return {value};")),
        }
    }
}

/// `d.get(k)`: the value cloned out of the dict, or `None`.
pub(super) fn dict_get(obj: &str, dict: &Ty, k: &Code) -> (String, Ty) {
    let vt = match dict {
        Ty::Dict(_, v) => (**v).clone(),
        _ => Ty::Unknown,
    };
    let get = format!("{obj}.get({})", super::dicts::key(k));
    let text = match vt.is_copy() {
        true => format!("{get}.copied()"),
        false => format!("{get}.cloned()"),
    };
    (text, Ty::Option(Box::new(vt)))
}

/// `x is None` / `x is not None` of an `Option`: `x.is_none()` /
/// `x.is_some()`.
pub(super) fn none_test(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    let (x, none) = match (&a.ty, &b.ty) {
        (Ty::Option(_), Ty::Unit) => (a, b),
        (Ty::Unit, Ty::Option(_)) => (b, a),
        _ => return None,
    };
    let test = match op {
        BinaryOp::Eq => "is_none",
        BinaryOp::Ne => "is_some",
        _ => return None,
    };
    (none.text == "()").then(|| Code::new(format!("{}.{test}()", x.wrap(10)), Ty::Bool, 10))
}

/// What `print` and an f-string show of an `Option` of a number or a
/// string: the value, or `None`.
pub(super) fn shown(c: &Code) -> Option<String> {
    let Ty::Option(t) = &c.ty else { return None };
    match **t {
        Ty::Str => Some(format!("{}.as_deref().unwrap_or(\"None\")", c.wrap(10))),
        Ty::Int => Some(format!(
            "{}.map_or_else(|| \"None\".into(), |v| v.to_string())",
            c.wrap(10)
        )),
        Ty::Float => Some(format!(
            "{}.map_or_else(|| \"None\".into(), |v| format!(\"{{v:?}}\"))",
            c.wrap(10)
        )),
        Ty::Bool => Some(format!(
            "{}.map_or(\"None\", |v| if v {{ \"True\" }} else {{ \"False\" }})",
            c.wrap(10)
        )),
        // A dict's value of several types (`rust::mixed`), shown as its own.
        Ty::Mixed => Some(format!(
            "{}.map_or_else(|| \"None\".into(), |v| v.to_string())",
            c.wrap(10)
        )),
        _ => None,
    }
}

/// `repr(x)` of an `Option` of a string, a number or a boolean: the
/// value's `repr`, or `None`.
pub(super) fn repr(c: &Code) -> Option<String> {
    match &c.ty {
        Ty::Option(t) if **t == Ty::Str => Some(format!(
            "{}.as_deref().map_or_else(|| \"None\".to_string(), |v| py_repr(v))",
            c.wrap(10)
        )),
        Ty::Option(t) if **t == Ty::Bool => shown(c).map(|s| format!("{s}.to_string()")),
        Ty::Option(t) if **t == Ty::Mixed => Some(format!(
            "{}.map_or_else(|| \"None\".to_string(), |v| v.repr())",
            c.wrap(10)
        )),
        _ => shown(c),
    }
}

/// Python's truth of an `Option`: `None` is false, a value as its own
/// truth (`0` and `""` are false too).
pub(super) fn truth(c: &Code) -> Option<Code> {
    let Ty::Option(t) = &c.ty else { return None };
    if !matches!(**t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::List(_)) {
        return None;
    }
    let inner = Code::new("v", (**t).clone(), 10).truthy();
    let x = match t.is_copy() {
        true => c.wrap(10),
        false => format!("{}.as_ref()", c.wrap(10)),
    };
    Some(Code::new(
        format!("{x}.is_some_and(|v| {})", inner.text),
        Ty::Bool,
        10,
    ))
}

/// `Repr` of a value that may be `None`, for listings that have them.
pub(super) const REPR_OPTION: &[&str] = &[
    "impl<T: Repr> Repr for Option<T> {",
    "    fn repr(&self) -> String {",
    "        self.as_ref().map_or_else(|| \"None\".to_string(), Repr::repr)",
    "    }",
    "}",
];

/// `py_options`: Python's `repr` of a list of values that may be `None`.
pub(super) const PY_OPTIONS: &[&str] = &[
    "/// Python's `repr` of a list of values that may be `None`.",
    "fn py_options<T: Repr>(items: &[Option<T>]) -> String {",
    "    let items: Vec<String> = items",
    "        .iter()",
    "        .map(|item| item.as_ref().map_or_else(|| \"None\".to_string(), Repr::repr))",
    "        .collect();",
    "    format!(\"[{}]\", items.join(\", \"))",
    "}",
];
