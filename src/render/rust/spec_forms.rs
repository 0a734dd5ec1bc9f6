//! Format specs whose plain `format!` form prints otherwise than Python:
//! an integer in base 16, 8 or 2 that may be negative (`format!` writes
//! its two's complement, Python `-ff`), the `#X` prefix (`format!` writes
//! `0xFF`, Python `0XFF`), and the `F` type of a float that may be NaN or
//! infinite (`format!` writes `NaN` and `inf`, Python `NAN` and `INF`),
//! and the `f` type of a float that may be NaN (`format!` writes `NaN`,
//! Python `nan`, and drops the `+` sign Python writes before it).
//! Each is written another way, or refused at the value with the reason.

use super::Renderer;
use super::code::Code;
use super::float_delays::non_negative;
use super::float_repr::{not_nan, tame};
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, Spec};

/// The parts of a `format!` spec: `[[fill]align][+][#][0][width][.prec]type`.
struct Parts {
    /// Fill and alignment as written (`*>`), empty when none.
    align: String,
    plus: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    /// `.prec` as written, empty when none.
    precision: String,
}

fn parts(rust: &str) -> Parts {
    let chars: Vec<char> = rust.chars().collect();
    let is_align = |c: &char| matches!(c, '<' | '>' | '^');
    let mut i = if chars.get(1).is_some_and(is_align) {
        2
    } else {
        usize::from(chars.first().is_some_and(is_align))
    };
    let align: String = chars[..i].iter().collect();
    let mut flag = |c: char| {
        let found = chars.get(i) == Some(&c);
        i += usize::from(found);
        found
    };
    let plus = flag('+');
    let alternate = flag('#');
    let zero = flag('0');
    let mut width = 0;
    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
        width = width * 10 + d as usize;
        i += 1;
    }
    let precision = chars[i..]
        .iter()
        .take_while(|c| **c == '.' || c.is_ascii_digit())
        .collect();
    Parts {
        align,
        plus,
        alternate,
        zero,
        width,
        precision,
    }
}

/// Whether an integer spec of this type writes a base other than ten.
fn radix(kind: Option<char>) -> bool {
    matches!(kind, Some('x' | 'X' | 'o' | 'b'))
}

/// Whether `e` has no effect and may be written twice.
fn plain_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Var(_) => true,
        ExprKind::Unary(_, x) => plain_value(x),
        ExprKind::Binary(_, a, b) => plain_value(a) && plain_value(b),
        _ => false,
    }
}

/// Why the spec of the value `e` (of type `ty`, in function `f`) has no
/// faithful `format!` form here; `None` when it has one.
pub(super) fn refusal(
    demo: &Demo,
    types: &Types,
    f: &str,
    e: &Expr,
    ty: &Ty,
    spec: &Spec,
) -> Option<&'static str> {
    let p = parts(&spec.rust);
    match ty {
        Ty::Int if radix(spec.kind) && !non_negative(demo, f, e, &[]) => {
            if !spec.nested.is_empty() {
                Some(
                    "Python writes a negative integer in base 16, 8 or 2 as `-ff`, `format!` as \
                     its two's complement: the listing writes the sign apart, which a width read \
                     from a nested field does not fit",
                )
            } else if p.zero {
                Some(
                    "Python writes a negative integer in base 16, 8 or 2 as `-ff` and pads it \
                     with zeros after the sign, `format!` pads its two's complement: write \
                     `abs(n)` and the sign apart",
                )
            } else if !plain_value(e) {
                Some(
                    "Python writes a negative integer in base 16, 8 or 2 as `-ff`, `format!` as \
                     its two's complement; the listing writes the sign apart and reads the value \
                     twice: bind it to a name first",
                )
            } else {
                None
            }
        }
        Ty::Int if spec.kind == Some('X') && p.alternate && !spec.nested.is_empty() => Some(
            "Python writes the prefix of `#X` as `0X`, `format!` as `0x`: the listing writes it \
             apart, which a width read from a nested field does not fit",
        ),
        Ty::Float | Ty::Int if spec.kind == Some('F') && !finite(demo, f, e, ty) => {
            if p.plus {
                Some(
                    "Python writes NaN with the `+` sign as `+NAN`, `format!` writes it without \
                     the sign",
                )
            } else if !spec.nested.is_empty() {
                Some(
                    "Python writes NaN and infinity with `F` as `NAN` and `INF`, `format!` as \
                     `NaN` and `inf`: the listing changes the text's case, which a width read \
                     from a nested field does not fit",
                )
            } else {
                None
            }
        }
        Ty::Float if spec.kind == Some('f') && p.plus && !never_nan(demo, types, f, e) => {
            if p.zero {
                Some(
                    "Python writes NaN with the `+` sign and zero padding as `+0000nan`, \
                     `format!` as `00000NaN`: write the sign apart",
                )
            } else if !spec.nested.is_empty() {
                Some(
                    "Python writes NaN with the `+` sign as `+nan`, `format!` as `NaN`: the \
                     listing writes the sign apart, which a width read from a nested field \
                     does not fit",
                )
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether the float `e` of function `f` is known not to be NaN: an
/// integer, a float whose values are followed, or the quotient of two
/// integers (Python raises for a zero divisor).
pub(super) fn never_nan(demo: &Demo, types: &Types, f: &str, e: &Expr) -> bool {
    let int = |x: &Expr| types.expr_ty(f, x) == Ty::Int;
    int(e)
        || not_nan(demo, f, e)
        || matches!(&e.kind, ExprKind::Binary(BinaryOp::Div, a, b) if int(a) && int(b))
}

/// Whether the float `e` is known to be neither NaN nor infinite.
fn finite(demo: &Demo, f: &str, e: &Expr, ty: &Ty) -> bool {
    *ty == Ty::Int || tame(demo, f, e)
}

impl Renderer<'_> {
    /// Whether `e` is a float not known to be other than NaN.
    pub(super) fn may_be_nan(&self, e: &Expr) -> bool {
        self.types.expr_ty(&self.func, e) == Ty::Float
            && !never_nan(self.demo, self.types, &self.func, e)
    }

    /// The format string piece and argument of a spec whose plain
    /// `format!` form would print otherwise than Python (see the module);
    /// `None` where the plain form is right.
    pub(super) fn spec_form(&mut self, e: &Expr, spec: &Spec) -> Option<(String, Vec<String>)> {
        let ty = self.types.expr_ty(&self.func, e);
        let p = parts(&spec.rust);
        if ty == Ty::Float && spec.kind == Some('f') {
            return self.nan_form(e, spec, &p);
        }
        if !spec.nested.is_empty() {
            return None;
        }
        match ty {
            Ty::Int if radix(spec.kind) => {
                let negative = !non_negative(self.demo, &self.func, e, &[]);
                let upper_prefix = spec.kind == Some('X') && p.alternate;
                if !negative && !upper_prefix {
                    return None;
                }
                let c = self.expr(e);
                Some(radix_form(&c, &p, spec.kind?, negative))
            }
            Ty::Float | Ty::Int if spec.kind == Some('F') => {
                if finite(self.demo, &self.func, e, &ty) {
                    return None;
                }
                let c = self.expr(e).as_f64();
                let zero = if p.zero { "0" } else { "" };
                let inner = format!("{zero}{}", width_text(p.width));
                let (outer, inner) = if p.align.is_empty() {
                    (String::new(), inner)
                } else {
                    (format!("{}{}", p.align, width_text(p.width)), String::new())
                };
                let spec = format!("{inner}{}", p.precision);
                let text = format!("{}.to_uppercase()", formatted(&c, &spec));
                Some((pad_piece(&outer), vec![text]))
            }
            _ => None,
        }
    }
}

impl Renderer<'_> {
    /// The `f` spec of a float that may be NaN: its `format!` text with
    /// `NaN` spelt `nan` (as wide, so padded alike), or `+nan` under a
    /// `+`, one wider, which is padded outside.
    fn nan_form(&mut self, e: &Expr, spec: &Spec, p: &Parts) -> Option<(String, Vec<String>)> {
        if !self.may_be_nan(e) {
            return None;
        }
        let c = self.expr(e).as_f64();
        if !spec.nested.is_empty() {
            let values: Vec<Code> = spec.nested.iter().map(|x| self.expr(x)).collect();
            let mut named = super::nested_spec::Named::default();
            let rust = named.name_fields(&spec.rust, &values, &c.text);
            let args: Vec<String> = std::iter::once(c.text.clone())
                .chain(named.into_args())
                .collect();
            let text = format!(
                "format!(\"{{:{rust}}}\", {}).replace(\"NaN\", \"nan\")",
                args.join(", ")
            );
            return Some(("{}".into(), vec![text]));
        }
        let (outer, inner) = if p.plus {
            let align = if p.align.is_empty() { ">" } else { &p.align };
            let outer = match p.width {
                0 => String::new(),
                w => format!("{align}{w}"),
            };
            (outer, format!("+{}", p.precision))
        } else {
            (String::new(), spec.rust.clone())
        };
        let nan = if p.plus { "+nan" } else { "nan" };
        let text = format!("{}.replace(\"NaN\", \"{nan}\")", formatted(&c, &inner));
        Some((pad_piece(&outer), vec![text]))
    }
}

/// A `format!(...).replace(...)` argument of a macro call, at `indent`
/// levels and followed by `comma`, as rustfmt lays it out when the line
/// would be too wide: the `format!` arguments one a line, then the
/// `.replace` after its `)`; `None` for another argument or one that fits.
pub(super) fn replaced_format_lines(arg: &str, indent: usize, comma: &str) -> Option<Vec<String>> {
    if 4 * indent + arg.len() + comma.len() <= 100 {
        return None;
    }
    let rest = arg.strip_prefix("format!(")?;
    let at = rest.rfind(").replace(\"NaN\", ")?;
    let (inner, replace) = (&rest[..at], &rest[at + 1..]);
    if inner.len() <= super::wrap::CALL_WIDTH {
        return None;
    }
    let args = super::wrap::split_args(inner);
    let last = args.len() - 1;
    let mut out = vec!["format!(".to_string()];
    for (i, a) in args.iter().enumerate() {
        out.push(format!("    {a}{}", if i == last { "" } else { "," }));
    }
    out.push(")".into());
    out.push(format!("{replace}{comma}"));
    Some(out)
}

/// `format!` of the float `c` with the Rust spec `spec`, the value named
/// in the braces when it is a plain name.
fn formatted(c: &Code, spec: &str) -> String {
    let simple = c.prec == 10 && c.text.chars().all(|ch| ch.is_alphanumeric() || ch == '_');
    if simple && !c.text.starts_with(|ch: char| ch.is_ascii_digit()) {
        format!("format!(\"{{{}:{spec}}}\")", c.text)
    } else {
        format!("format!(\"{{:{spec}}}\", {})", c.text)
    }
}

fn width_text(width: usize) -> String {
    if width == 0 {
        String::new()
    } else {
        width.to_string()
    }
}

/// `{}` or `{:spec}`.
fn pad_piece(spec: &str) -> String {
    if spec.is_empty() {
        "{}".into()
    } else {
        format!("{{:{spec}}}")
    }
}

/// An integer `c` in base 16, 8 or 2 (`kind`) as Python writes it: the
/// sign apart from the magnitude when it may be `negative`, the prefix of
/// `#` in Python's case, the whole padded to the width.
fn radix_form(c: &Code, p: &Parts, kind: char, negative: bool) -> (String, Vec<String>) {
    let prefix = match (p.alternate, kind) {
        (false, _) => String::new(),
        (true, 'X') => "0X".into(),
        (true, k) => format!("0{k}"),
    };
    let mut fmt = String::new();
    let mut args = Vec::new();
    // A literal's sign is written as text.
    let value = match c.text.parse::<i64>() {
        Ok(n) if n < 0 => {
            fmt.push('-');
            n.unsigned_abs().to_string()
        }
        _ if negative => {
            let unsigned = if p.plus { "+" } else { "" };
            fmt.push_str("{}");
            args.push(format!("py_sign({}, {unsigned:?})", c.text));
            format!("{}.unsigned_abs()", c.wrap(10))
        }
        _ => {
            if p.plus {
                fmt.push('+');
            }
            c.text.clone()
        }
    };
    fmt.push_str(&prefix);
    // Zero padding (of a value known not to be negative) fills the digits
    // to the width less what comes before them.
    let digits = if p.zero {
        let before = usize::from(p.plus) + prefix.len();
        match p.width.saturating_sub(before) {
            0 => String::new(),
            w => format!("0{w}"),
        }
    } else {
        String::new()
    };
    fmt.push_str(&format!("{{:{digits}{kind}}}"));
    args.push(value);
    if p.zero || p.width == 0 {
        return (fmt, args);
    }
    let align = if p.align.is_empty() { ">" } else { &p.align };
    (
        pad_piece(&format!("{align}{}", p.width)),
        vec![format!("format!(\"{fmt}\", {})", args.join(", "))],
    )
}

const PY_SIGN: &[&str] = &[
    "/// The sign Python writes before an integer in base 16, 8 or 2 (`-ff`),",
    "/// whose magnitude `format!` writes apart: `{:x}` of a negative `i64`",
    "/// is its two's complement.",
    "fn py_sign(n: i64, plus: &'static str) -> &'static str {",
    "    if n < 0 { \"-\" } else { plus }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    if calls("py_sign(") {
        let mut out = PY_SIGN.to_vec();
        out.push("");
        out
    } else {
        Vec::new()
    }
}
