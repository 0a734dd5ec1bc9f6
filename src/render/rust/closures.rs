//! Functions given as values, written as Rust closures: the `key=` and
//! `reverse=` of `sorted`, `min`, `max` and `list.sort` become
//! `sort_by_key`, `min_by_key` and `max_by_key`, or `sort_by` and
//! `min_by` with `total_cmp` where the key is a float.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Lambda};
use crate::render::plan::ir::value::Value;

/// `sorted_by_key`, `sorted_by`: Python's `sorted` with a key, a new list.
const SORTED_BY_KEY: &[&str] = &[
    "/// Python's `sorted` with a key: a new list, in ascending order of the key (stable).",
    "fn sorted_by_key<T, K: Ord>(mut items: Vec<T>, key: impl FnMut(&T) -> K) -> Vec<T> {",
    "    items.sort_by_key(key);",
    "    items",
    "}",
];

const SORTED_BY: &[&str] = &[
    "/// Python's `sorted` with a key that is no total order (a float): a new list (stable).",
    "fn sorted_by<T>(mut items: Vec<T>, compare: impl FnMut(&T, &T) -> std::cmp::Ordering) -> Vec<T> {",
    "    items.sort_by(compare);",
    "    items",
    "}",
];

/// The helpers the listing's lines call, to append after them.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("sorted_by_key(", SORTED_BY_KEY), ("sorted_by(", SORTED_BY)] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// Whether a built-in call has a `key=` or a `reverse=`: `min(xs, key)`,
/// `sorted(xs, key, reverse)` (the key `None` when not given).
pub(super) fn keyed(args: &[Expr]) -> bool {
    args.iter().any(|a| matches!(a.kind, ExprKind::Lambda(_)))
        || matches!(args, [_, key, reverse]
            if matches!(key.kind, ExprKind::Lit(Value::None))
            && matches!(reverse.kind, ExprKind::Lit(Value::Bool(_))))
}

/// Whether Rust orders values of the type totally (`Ord`).
fn ordered(ty: &Ty) -> bool {
    match ty {
        Ty::Int | Ty::Bool | Ty::Str | Ty::Unit => true,
        Ty::Tuple(items) => items.iter().all(ordered),
        Ty::List(t) => ordered(t),
        _ => false,
    }
}

/// How a sort or a `min` compares items.
enum By {
    /// `|x| key`: a key of a totally ordered type.
    Key(String),
    /// `|a, b| ...`: a comparison.
    Cmp(String),
}

impl Renderer<'_> {
    /// A lambda as a value: `|x| body`.
    pub(super) fn closure(&mut self, l: &Lambda) -> Code {
        let body = self.expr(&l.body);
        Code::new(format!("|{}| {}", ident(&l.var), body.text), Ty::Unknown, 0)
    }

    /// The lambda's body with its parameter written as `name`: a
    /// reference to the item (a string one is a `&str` already).
    fn body_as(&mut self, l: &Lambda, name: &str) -> Code {
        self.renamed.push((l.var.clone(), name.to_string()));
        let c = self.expr(&l.body);
        self.renamed.pop();
        c
    }

    /// A key that is a tuple of the item's own fields (`lambda p: (-p[1],
    /// p[0])`), each field typed as the item's, not as another closure of
    /// the function with a parameter of the same name takes it: a string
    /// or a list field is copied out of the borrowed item.
    fn item_fields_key(&mut self, l: &Lambda, name: &str, elem: &Ty) -> Option<String> {
        let (ExprKind::Tuple(items), Ty::Tuple(tys)) = (&l.body.kind, elem) else {
            return None;
        };
        let mut parts = Vec::new();
        for item in items {
            let field = |x: &Expr| match &x.kind {
                ExprKind::Call(Builtin::Index, args) => match args.as_slice() {
                    [obj, at] if matches!(&obj.kind, ExprKind::Var(v) if *v == l.var) => {
                        match at.kind {
                            ExprKind::Lit(Value::Int(k)) => usize::try_from(k).ok(),
                            _ => None,
                        }
                    }
                    _ => None,
                },
                _ => None,
            };
            let one = Lambda {
                var: l.var.clone(),
                body: item.clone(),
            };
            let mut c = self.body_as(&one, name);
            if let Some(ty) = field(item).and_then(|k| tys.get(k)) {
                c.ty = ty.clone();
            }
            parts.push(c.owned());
        }
        Some(match parts.as_slice() {
            [one] => format!("({one},)"),
            _ => format!("({})", parts.join(", ")),
        })
    }

    /// How to order items by `key` (their own value when `None`), from the
    /// largest when `reverse`. A sort by key is stable, as Python's. The
    /// closures take the items by reference; `deref` when the pattern
    /// `&x` gives the item (a `Copy` one, or a reference).
    fn by(&mut self, key: Option<&Lambda>, elem: &Ty, reverse: bool, deref: bool) -> By {
        let ty = match key {
            Some(l) => self.types.expr_ty(&self.func, &l.body),
            None => elem.clone(),
        };
        let amp = if deref { "&" } else { "" };
        // A number's type, which a literal does not give.
        let num = match elem {
            Ty::Int | Ty::Float if deref => format!(": &{}", elem.rust()),
            _ => String::new(),
        };
        if let Some(l) = key
            && ordered(&ty)
        {
            let name = ident(&l.var);
            let k = match self.item_fields_key(l, &name, elem) {
                Some(k) => k,
                None => self.body_as(l, &name).owned(),
            };
            let k = if reverse {
                format!("std::cmp::Reverse({k})")
            } else {
                k
            };
            return By::Key(format!("|{amp}{name}{num}| {k}"));
        }
        // Names for the two items that the key does not read otherwise.
        let mut read = Vec::new();
        if let Some(l) = key {
            l.body.variables(&mut read);
        }
        let (a, b) = [("a", "b"), ("x", "y"), ("left", "right")]
            .into_iter()
            .find(|(a, b)| !read.iter().any(|(v, _)| v == a || v == b))
            .unwrap_or(("a", "b"));
        let (first, second) = match key {
            Some(l) => (self.body_as(l, a), self.body_as(l, b)),
            None => (Code::new(a, ty.clone(), 10), Code::new(b, ty.clone(), 10)),
        };
        let (first, second) = if reverse {
            (second, first)
        } else {
            (first, second)
        };
        let cmp = if ordered(&ty) {
            format!("{}.cmp(&{})", first.wrap(10), second.wrap(7))
        } else if ty == Ty::Float {
            format!("f64::total_cmp(&{}, &{})", first.wrap(7), second.wrap(7))
        } else {
            format!(
                "{}.partial_cmp(&{}).unwrap()",
                first.wrap(10),
                second.wrap(7)
            )
        };
        By::Cmp(format!("|{amp}{a}{num}, {amp}{b}{num}| {cmp}"))
    }

    /// `sorted(xs, key=..., reverse=...)`, `min(xs, key=...)` or
    /// `max(xs, key=...)`.
    pub(super) fn keyed(&mut self, f: Builtin, args: &[Expr]) -> Code {
        let lambda = |e: &Expr| match &e.kind {
            ExprKind::Lambda(l) => Some(l.as_ref().clone()),
            _ => None,
        };
        let key = args.get(1).and_then(lambda);
        let reverse = matches!(
            args.get(2).map(|r| &r.kind),
            Some(ExprKind::Lit(Value::Bool(true)))
        );
        let over_ty = self.types.expr_ty(&self.func, &args[0]);
        let elem = over_ty.elem();
        if f == Builtin::Sorted {
            let list = self.expr(&args[0]);
            let list = super::builtins::builtin(Builtin::List, &[list]);
            let text = match self.by(key.as_ref(), &elem, reverse, elem.is_copy()) {
                By::Key(k) => format!("sorted_by_key({}, {k})", list.text),
                By::Cmp(c) => format!("sorted_by({}, {c})", list.text),
            };
            let mut c = Code::new(text, Ty::List(Box::new(elem)), 10);
            c.fresh = true;
            return c;
        }
        let items = if let Ty::Dict(..) = over_ty {
            let d = self.expr(&args[0]);
            let copied = if elem.is_copy() { ".copied()" } else { "" };
            format!("{}.keys(){copied}", d.wrap(10))
        } else {
            self.items(&args[0]).text
        };
        // `.iter()` and `.keys()` give references; `.into_iter()` of a
        // list of strings gives them owned.
        let deref = elem.is_copy() || !items.ends_with(".into_iter()");
        let m = if f == Builtin::Max { "max" } else { "min" };
        // Python's `max` gives the first of equal items, Rust's the last:
        // from the end, the last is the first.
        let rev = if f == Builtin::Max { ".rev()" } else { "" };
        let text = match self.by(key.as_ref(), &elem, false, deref) {
            By::Key(k) => format!("{items}{rev}.{m}_by_key({k}).unwrap()"),
            By::Cmp(c) => format!("{items}{rev}.{m}_by({c}).unwrap()"),
        };
        Code::new(text, elem, 10)
    }

    /// `xs.sort(key=..., reverse=...)`, in place.
    pub(super) fn sort_keyed(&mut self, x: &Code, key: &Expr, reverse: &Expr) -> Code {
        let key = match &key.kind {
            ExprKind::Lambda(l) => Some(l.as_ref().clone()),
            _ => None,
        };
        let reverse = matches!(reverse.kind, ExprKind::Lit(Value::Bool(true)));
        let elem = x.ty.elem();
        let text = match self.by(key.as_ref(), &elem, reverse, elem.is_copy()) {
            By::Key(k) => format!("{}.sort_by_key({k})", x.wrap(10)),
            By::Cmp(c) => format!("{}.sort_by({c})", x.wrap(10)),
        };
        Code::new(text, Ty::Unit, 10)
    }
}

impl super::types::Types {
    /// Gives each key's parameter in the statement `s` of the function
    /// `f` the type of the items it is given; whether a type changed.
    pub(super) fn bind_keys(&mut self, f: &str, s: &crate::render::plan::ir::ast::Stmt) -> bool {
        use crate::render::plan::ir::expr::StrMethod;
        let mut keys = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| match &x.kind {
                ExprKind::Call(_, args) | ExprKind::StrMethod(StrMethod::Sort, _, args)
                    if let Some(ExprKind::Lambda(l)) = args
                        .iter()
                        .map(|a| &a.kind)
                        .find(|k| matches!(k, ExprKind::Lambda(_))) =>
                {
                    let over = match &x.kind {
                        ExprKind::StrMethod(_, obj, _) => &**obj,
                        _ => &args[0],
                    };
                    keys.push((over, &l.var));
                }
                _ => {}
            });
        }
        let mut changed = false;
        for (over, var) in keys {
            let ty = self.expr_ty(f, over).elem();
            changed |= self.set(f, var, &ty);
        }
        changed
    }
}

/// A closure's parameter `pat`, or `_` where it is one name that `body`
/// does not use (`|_| false`): an unused parameter is a warning.
pub(super) fn unused_as_wildcard(pat: String, body: &str) -> String {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    if pat.is_empty() || !pat.chars().all(word) {
        return pat;
    }
    let used = body.match_indices(pat.as_str()).any(|(at, _)| {
        let before = body[..at].chars().next_back();
        let after = body[at + pat.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    });
    if used { pat } else { "_".to_string() }
}
