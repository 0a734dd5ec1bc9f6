//! The built-ins over iterables that Rust writes as iterator adapters
//! (`enumerate`, `zip`, `reversed`, `any`, `all`), `divmod`, and the
//! dispatch of `sys.exit`.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

/// The type of a call of one of these built-ins, from its arguments' types.
pub(super) fn ty(b: Builtin, args: &[Ty]) -> Ty {
    let first = args.first().cloned().unwrap_or(Ty::Unknown);
    let second = args.get(1).cloned().unwrap_or(Ty::Unknown);
    match b {
        Builtin::Enumerate => Ty::List(Box::new(Ty::Tuple(vec![Ty::Int, first.elem()]))),
        Builtin::Zip => Ty::List(Box::new(Ty::Tuple(vec![first.elem(), second.elem()]))),
        Builtin::Reversed => Ty::List(Box::new(first.elem())),
        Builtin::Divmod => {
            let t = if first == Ty::Float || second == Ty::Float {
                Ty::Float
            } else {
                Ty::Int
            };
            Ty::Tuple(vec![t.clone(), t])
        }
        Builtin::Exit => Ty::Unit,
        _ => Ty::Bool,
    }
}

impl Renderer<'_> {
    /// An iterator over the items of `over`: by value where they are
    /// `Copy`, by reference otherwise (as a `for` loop reads a list).
    pub(super) fn items(&mut self, over: &Expr) -> Code {
        let c = self.expr(over);
        let text = if c.range {
            c.wrap(10)
        } else if let ExprKind::List(items) = &over.kind
            && !items.is_empty()
        {
            format!("{}.into_iter()", c.text.trim_start_matches("vec!"))
        } else if c.ty == Ty::Str {
            format!("{}.chars()", c.wrap(10))
        } else if matches!(c.ty, Ty::Dict(..)) {
            let copied = if c.ty.elem().is_copy() {
                ".copied()"
            } else {
                ""
            };
            format!("{}.keys(){copied}", c.wrap(10))
        } else if c.ty.elem().is_copy() {
            format!("{}.iter().copied()", c.wrap(10))
        } else {
            format!("{}.iter()", c.wrap(10))
        };
        let mut out = Code::new(text, c.ty, 10);
        out.range = true;
        out
    }

    /// `enumerate`, `zip`, `reversed`, `any`, `all` or `divmod` of `args`.
    pub(super) fn iter_builtin(&mut self, b: Builtin, args: &[Expr]) -> Code {
        match b {
            Builtin::Divmod => return self.divmod(args),
            Builtin::Exit => return self.exit(args),
            _ => {}
        }
        let tys: Vec<Ty> = args
            .iter()
            .map(|a| self.types.expr_ty(&self.func, a))
            .collect();
        let ty = ty(b, &tys);
        let text = match (b, args) {
            // `(1..).zip(xs)`: the count takes the integer type its use
            // asks for, where `.enumerate()` gives a `usize`.
            (Builtin::Enumerate, [xs, rest @ ..]) => {
                let start = match rest.first() {
                    Some(s) => self.expr(s).wrap(7),
                    None => "0".into(),
                };
                let xs = self.items(xs);
                format!("({start}..).zip({})", xs.text)
            }
            (Builtin::Zip, [a, b]) => {
                let (a, b) = (self.items(a), self.items(b));
                format!("{}.zip({})", a.text, b.text)
            }
            (Builtin::Reversed, [xs]) => format!("{}.rev()", self.items(xs).text),
            (Builtin::Any | Builtin::All, [xs]) => return self.any_all(b, xs),
            _ => unreachable!("the plan checks each built-in's arguments"),
        };
        let mut c = Code::new(text, ty, 10);
        c.range = true;
        c
    }

    /// `any(xs)` or `all(xs)`; over a generator expression, the test is
    /// the closure of `.any(...)` or `.all(...)`.
    fn any_all(&mut self, b: Builtin, xs: &Expr) -> Code {
        let m = if b == Builtin::Any { "any" } else { "all" };
        let c = self.expr(xs);
        let text = c.text.strip_suffix(".collect::<Vec<_>>()");
        if matches!(xs.kind, ExprKind::Comp { .. })
            && let Some(text) = text
            && let Some(at) = text.rfind(".map(|")
        {
            let text = format!("{}.{m}({}", &text[..at], &text[at + ".map(".len()..]);
            return Code::new(text, Ty::Bool, 10);
        }
        let items = self.items(xs);
        let item = Code::new("x", c.ty.elem(), 10).truthy();
        let pat = if c.ty.elem().is_copy() || c.ty == Ty::Str {
            "x"
        } else {
            "x: &_"
        };
        let test = if item.text == "x" {
            format!("|{pat}| x")
        } else {
            format!("|{pat}| {}", item.text)
        };
        Code::new(format!("{}.{m}({test})", items.text), Ty::Bool, 10)
    }

    /// `divmod(a, b)`: Python's floor division and modulo, as a tuple.
    fn divmod(&mut self, args: &[Expr]) -> Code {
        let [a, b] = args else {
            unreachable!("the plan checks each built-in's arguments")
        };
        let q = self.floor_op(BinaryOp::FloorDiv, a, b);
        let r = self.floor_op(BinaryOp::Mod, a, b);
        let ty = ty(Builtin::Divmod, &[q.ty.clone(), r.ty.clone()]);
        let mut c = Code::new(format!("({}, {})", q.text, r.text), ty, 10);
        c.fresh = true;
        c
    }

    /// Whether `c` is a local the listing bound to an integer literal
    /// (`let seconds = 3725;`, `for n in [-3, 3] {`): rustc has no type
    /// for it yet where a method is called on it.
    pub(super) fn literal_bound(&self, c: &Code) -> bool {
        let name = c.text.as_str();
        if !name.starts_with(|ch: char| ch.is_alphabetic() || ch == '_')
            || !name.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
        {
            return false;
        }
        let (bound, each) = (format!("{name} = "), format!("for {name} in ["));
        self.lines.iter().any(|l| {
            let l = l.trim_start();
            let value = l
                .strip_prefix("let ")
                .map(|r| r.trim_start_matches("mut "))
                .and_then(|r| r.strip_prefix(bound.as_str()));
            value.is_some_and(|v| v.trim_end_matches(';').parse::<i64>().is_ok())
                || l.starts_with(&each)
        })
    }

    /// `a // b` or `a % b`, as [`Renderer::binary`] writes them.
    fn floor_op(&mut self, op: BinaryOp, a: &Expr, b: &Expr) -> Code {
        let (ca, cb) = (self.expr(a), self.expr(b));
        self.binary(op, ca, cb)
    }
}

/// `a // b` or `a % b` by a negative number literal `b`: Rust's
/// `div_euclid` and `rem_euclid` round toward negative infinity only for
/// a positive divisor, so the signs move onto `a`
/// (`a // -k == -a // k`, `a % -k == -(-a % k)`); `None` for another `b`.
pub(super) fn by_negative(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    let k = b.text.strip_prefix('-')?;
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let float = a.ty == Ty::Float || b.ty == Ty::Float;
    let (t, ty, k) = if float {
        let k = if k.contains('.') {
            k.to_string()
        } else {
            format!("{k}.0")
        };
        ("f64", Ty::Float, k)
    } else {
        ("i64", Ty::Int, k.to_string())
    };
    let a = if float { a.as_f64() } else { a.clone() };
    let neg = match a.text.strip_prefix('-') {
        Some(n) if a.text.parse::<f64>().is_ok() => n.to_string(),
        _ => format!("-{}", a.wrap(7)),
    };
    Some(match op {
        BinaryOp::FloorDiv if float => return None,
        BinaryOp::FloorDiv => Code::new(format!("{t}::div_euclid({neg}, {k})"), ty, 10),
        BinaryOp::Mod => Code::new(format!("-{t}::rem_euclid({neg}, {k})"), ty, 7),
        _ => return None,
    })
}
