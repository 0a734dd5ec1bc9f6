//! A dict whose values are strings beside numbers (or booleans), as
//! `{"url": url, "ms": ms}`: its values are one small enum the listing
//! carries, `PyValue`, whose `Display` and `Repr` are Python's `str` and
//! `repr` of the value it holds. Such a value may be kept, returned,
//! printed or put in a container; any other use needs its own type,
//! which Rust tells only by a `match`, and is refused at its place.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, StrMethod};

/// Whether values of types `a` and `b` side by side make a [`Ty::Mixed`]:
/// strings, numbers and booleans (but integers beside floats are one
/// `f64`, and other mixes are refused).
pub(super) fn mixes(a: &Ty, b: &Ty) -> bool {
    let scalar = |t: &Ty| matches!(t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Mixed);
    let numbers = matches!((a, b), (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int));
    scalar(a) && scalar(b) && a != b && !numbers
}

/// The one type of a dict's values of types `tys` (unknown ones left
/// out): [`Ty::Mixed`] for strings, numbers and booleans side by side,
/// or lists of them beside them (see `mixed_nest`).
pub(super) fn values_ty(tys: &[Ty]) -> Option<Ty> {
    if let Some(t) = super::mixed_nest::nested_ty(tys) {
        return Some(t);
    }
    let known: Vec<&Ty> = tys.iter().filter(|t| **t != Ty::Unknown).collect();
    // `None` beside them in a display too (a list grown with `None` is
    // refused, see `mixed_growth`).
    let none = |a: &Ty, b: &Ty| *a == Ty::Unit && *b != Ty::Unit;
    let mixed = known
        .iter()
        .any(|a| known.iter().any(|b| mixes(a, b) || none(a, b)));
    let scalars = known.iter().all(|t| {
        matches!(
            t,
            Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Unit | Ty::Mixed
        )
    });
    (mixed && scalars).then_some(Ty::Mixed)
}

/// How `PyValue::Tuple` writes itself: Python's tuple of its items' `repr`.
const TUPLE: &str = "match v.as_slice() {
                [one] => write!(f, \"({},)\", one.repr()),
                _ => {
                    let items: Vec<String> = v.iter().map(Repr::repr).collect();
                    write!(f, \"({})\", items.join(\", \"))
                }
            }";

/// `PyValue`, for a listing whose lines build one of its variants.
pub(super) fn helpers(lines: &[String], repr: bool) -> Vec<String> {
    // `None` holds nothing: it is written without parentheses.
    let used = |v: &str| {
        let made = match v {
            "None" => "PyValue::None".to_string(),
            _ => format!("PyValue::{v}("),
        };
        lines.iter().any(|l| l.contains(&made))
    };
    let variants: Vec<(&str, &str, &str)> = [
        ("Int", "i64", "write!(f, \"{v}\")"),
        ("Float", "f64", "write!(f, \"{}\", float_repr(*v))"),
        (
            "Bool",
            "bool",
            "write!(f, \"{}\", if *v { \"True\" } else { \"False\" })",
        ),
        ("Str", "String", "write!(f, \"{v}\")"),
        ("List", "Vec<PyValue>", "write!(f, \"{}\", v.repr())"),
        ("Tuple", "Vec<PyValue>", TUPLE),
        ("None", "", "write!(f, \"None\")"),
    ]
    .into_iter()
    .filter(|(v, _, _)| used(v))
    .collect();
    if variants.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        "/// A value of one of the types the program keeps side by side, shown as Python".into(),
        "/// shows it.".into(),
        "#[derive(Clone, Debug, PartialEq)]".into(),
        "enum PyValue {".into(),
    ];
    out.extend(variants.iter().map(|(v, t, _)| match *t {
        "" => format!("    {v},"),
        _ => format!("    {v}({t}),"),
    }));
    out.extend([
        "}".into(),
        String::new(),
        "impl std::fmt::Display for PyValue {".into(),
        "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {".into(),
        "        match self {".into(),
    ]);
    out.extend(variants.iter().map(|(v, t, w)| match *t {
        "" => format!("            PyValue::{v} => {w},"),
        _ => format!("            PyValue::{v}(v) => {w},"),
    }));
    out.extend([
        "        }".into(),
        "    }".into(),
        "}".into(),
        String::new(),
    ]);
    let names: Vec<&str> = variants.iter().map(|(v, _, _)| *v).collect();
    out.extend(super::mixed_index::helpers(lines, &names));
    if super::mixed_keys::keyed(lines) {
        out.extend(super::mixed_keys::key_helpers(&names));
    }
    if lines.iter().any(|l| l.contains(".is_true()")) {
        out.extend([
            "impl PyValue {".into(),
            "    /// Python's truth of the value.".into(),
            "    fn is_true(&self) -> bool {".into(),
            "        match self {".into(),
        ]);
        out.extend(variants.iter().map(|(v, _, _)| {
            let test = match *v {
                "Int" => "*v != 0",
                "Float" => "*v != 0.0",
                "Bool" => "*v",
                "None" => return format!("            PyValue::{v} => false,"),
                _ => "!v.is_empty()",
            };
            format!("            PyValue::{v}(v) => {test},")
        }));
        out.extend([
            "        }".into(),
            "    }".into(),
            "}".into(),
            String::new(),
        ]);
    }
    // A list's items print as their `repr`.
    if repr || used("List") || used("Tuple") {
        out.extend([
            "impl Repr for PyValue {".into(),
            "    fn repr(&self) -> String {".into(),
        ]);
        if used("Str") {
            out.extend([
                "        match self {".into(),
                "            PyValue::Str(v) => py_repr(v),".into(),
                "            other => other.to_string(),".into(),
                "        }".into(),
            ]);
        } else {
            out.push("        self.to_string()".into());
        }
        out.extend(["    }".into(), "}".into(), String::new()]);
    }
    out
}

impl Renderer<'_> {
    /// `{k: v, ...}` whose values are strings beside numbers: an
    /// `IndexMap` of `PyValue`s (of `Number`s for integers beside
    /// floats); `None` for another dict.
    pub(super) fn mixed_dict(&mut self, items: &[Expr]) -> Option<Code> {
        let pairs: Vec<(&Expr, &Expr)> = items
            .iter()
            .map(|item| match &item.kind {
                ExprKind::Tuple(kv) if kv.len() == 2 => Some((&kv[0], &kv[1])),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let tys: Vec<Ty> = pairs
            .iter()
            .map(|(_, v)| self.types.expr_ty(&self.func, v))
            .collect();
        // Keys of several types are `PyValue`s (see `mixed_keys`).
        let keyed = super::mixed_keys::mixed(self.types, &self.func, items);
        let ty = if super::numbers::number_values(self.types, &self.func, items) {
            Ty::Number
        } else if let Some(t) = values_ty(&tys) {
            t
        } else if keyed {
            let mut t = Ty::Unknown;
            tys.iter().for_each(|v| _ = super::types::unify(&mut t, v));
            t
        } else {
            return None;
        };
        let mut k_ty = Ty::Unknown;
        let mut texts = Vec::new();
        for (k_expr, v_expr) in pairs {
            let k = if keyed {
                k_ty = Ty::Mixed;
                self.mixed_key(k_expr)
            } else {
                let k = self.expr(k_expr);
                super::types::unify(&mut k_ty, &k.ty);
                match k.ty {
                    Ty::Str => k.owned(),
                    _ => k.text,
                }
            };
            let v = self.expr(v_expr);
            let v = match ty {
                Ty::Number => super::numbers::number(&v),
                Ty::Mixed if matches!(v_expr.kind, ExprKind::List(_)) => self.mixed_item(v_expr),
                Ty::Mixed => py_value(&v),
                _ => v.owned(),
            };
            texts.push(format!("({k}, {v})"));
        }
        let mut c = Code::new(
            format!("IndexMap::from([{}])", texts.join(", ")),
            Ty::Dict(Box::new(k_ty), Box::new(ty)),
            10,
        );
        c.fresh = true;
        Some(c)
    }
}

impl Renderer<'_> {
    /// `{head}IndexMap::from([...]){tail}` too wide for its line, one pair
    /// a line as rustfmt lays it out; false (nothing written) otherwise.
    pub(super) fn map_lines(&mut self, head: &str, rhs: &str, tail: &str) -> bool {
        let width = 4 * self.indent + head.len() + rhs.len() + tail.len();
        let Some(inner) = rhs
            .strip_prefix("IndexMap::from([")
            .and_then(|r| r.strip_suffix("])"))
        else {
            return false;
        };
        let pairs = super::wrap::split_args(inner);
        let fits = width <= 100 && inner.len() <= super::wrap::ARRAY_WIDTH;
        if fits || pairs.iter().any(|p| p.contains('\n')) {
            return false;
        }
        self.line(format!("{head}IndexMap::from(["));
        self.indent += 1;
        for p in pairs {
            self.line(format!("{p},"));
        }
        self.indent -= 1;
        self.line(format!("]){tail}"));
        true
    }
}

/// A value `c` of a dict or list of `PyValue`s as the variant of its type.
pub(super) fn py_value(c: &Code) -> String {
    match c.ty {
        Ty::Int => format!("PyValue::Int({})", c.text),
        Ty::Float => format!("PyValue::Float({})", c.as_f64().text),
        Ty::Bool => format!("PyValue::Bool({})", c.text),
        Ty::Str => format!("PyValue::Str({})", c.owned()),
        Ty::Unit => "PyValue::None".into(),
        _ => c.owned(),
    }
}

/// Every use of a [`Ty::Mixed`] value other than keeping, returning,
/// printing it or putting it in a container.
pub(super) fn mixed_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let cx = Cx {
        types,
        subscripts: super::mixed_index::subscripts(demo, types),
    };
    each_use(demo, &mut |f, s, uses| {
        let kept = matches!(
            s.kind,
            StmtKind::Return(_) | StmtKind::Set { .. } | StmtKind::Yield(_)
        );
        for (e, place) in uses {
            let kept = match place {
                Place::Printed => true,
                Place::Spec => false,
                Place::Stmt { .. } => kept,
            };
            check(&cx, f, e, kept, &mut out);
        }
    });
    out
}

/// What [`check`] reads: the types, and the subscripts of `PyValue`s
/// the listing writes.
struct Cx<'a> {
    types: &'a Types,
    subscripts: std::collections::HashSet<std::ops::Range<usize>>,
}

/// Where a statement uses an expression: printed whole, printed through a
/// format spec, or anywhere else (and whether at a duration's place).
pub(super) enum Place {
    Printed,
    Spec,
    Stmt { at_duration: bool },
}

/// What [`each_use`] calls: the function's name, the statement, and its
/// top expressions with their places.
pub(super) type Uses<'a> = dyn FnMut(&str, &Stmt, Vec<(&Expr, Place)>) + 'a;

/// Calls `visit` with each statement of each function of `demo`, the
/// function's name and the statement's top expressions with their places.
pub(super) fn each_use(demo: &Demo, visit: &mut Uses) {
    for f in &demo.functions {
        f.walk(&mut |s| {
            let uses = match &s.kind {
                StmtKind::Print(t) | StmtKind::Eprint(t) => t
                    .parts
                    .iter()
                    .filter_map(|p| match p {
                        Part::Hole(h) => Some((h, Place::Printed)),
                        Part::Spec(h, _) => Some((h, Place::Spec)),
                        Part::Text(_) => None,
                    })
                    .collect(),
                _ => stmt_exprs(s)
                    .into_iter()
                    .map(|(e, at_duration)| (e, Place::Stmt { at_duration }))
                    .collect(),
            };
            visit(&f.name, s, uses);
        });
    }
}

/// A `PyValue` used as a value of one type.
fn refusal(e: &Expr) -> Untranslatable {
    Untranslatable {
        span: e.span.clone(),
        construct: "a value that is a string or a number, used here".into(),
        reason: "the Rust listing keeps the values of a dict of strings and numbers as one \
                 enum, `PyValue`, which it prints, keeps and returns; using one as a string or \
                 a number needs a `match` on its type"
            .into(),
    }
}

/// [`mixed_uses`] of `e`, which stands where a `PyValue` may (`kept`).
fn check(cx: &Cx, f: &str, e: &Expr, kept: bool, out: &mut Vec<Untranslatable>) {
    let types = cx.types;
    if !kept && types.expr_ty(f, e) == Ty::Mixed {
        out.push(refusal(e));
        return;
    }
    match &e.kind {
        // Its variant tested, the value is read as what it holds.
        ExprKind::Call(Builtin::IsInstance, _) if super::mixed_narrow::narrows(types, f, e) => {}
        // Subscripted where its exceptions are taken (see `mixed_index`).
        ExprKind::Call(Builtin::Index, args) if cx.subscripts.contains(&e.span) => {
            if let [obj, k] = args.as_slice() {
                check(cx, f, obj, true, out);
                check(cx, f, k, false, out);
            }
        }
        // Appended to a list of `PyValue`s, it is kept.
        ExprKind::StrMethod(StrMethod::Append, on, items)
            if types.expr_ty(f, on) == Ty::List(Box::new(Ty::Mixed)) =>
        {
            items.iter().for_each(|i| check(cx, f, i, true, out));
        }
        ExprKind::List(items)
        | ExprKind::Tuple(items)
        | ExprKind::Call(Builtin::Repr | Builtin::List, items) => {
            items.iter().for_each(|i| check(cx, f, i, true, out));
        }
        ExprKind::Call(Builtin::Dict, items) => {
            for item in items {
                match &item.kind {
                    ExprKind::Tuple(kv) if kv.len() == 2 => {
                        check(cx, f, &kv[0], false, out);
                        check(cx, f, &kv[1], true, out);
                    }
                    _ => check(cx, f, item, false, out),
                }
            }
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) = p {
                    check(cx, f, h, true, out);
                }
                if let Part::Spec(h, _) = p {
                    check(cx, f, h, false, out);
                }
            }
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            check(cx, f, value, true, out);
            check(cx, f, over, false, out);
            // The item itself as the filter is its truth (`is_true`).
            if let Some(x) = filter {
                check(cx, f, x, types.expr_ty(f, x) == Ty::Mixed, out);
            }
        }
        // Anything else takes its operands' own types: a `PyValue` among
        // them (at any depth) is refused.
        _ => each_expr(e, &mut |x| {
            if !std::ptr::eq(x, e) && types.expr_ty(f, x) == Ty::Mixed {
                out.push(refusal(x));
            }
        }),
    }
}
