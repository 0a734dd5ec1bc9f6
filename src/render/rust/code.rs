//! A rendered expression (`Code`) and the expressions that need no renderer state:
//! literals and built-in calls.

use super::types::{Ty, value_ty};
use crate::render::plan::ir::expr::Builtin;
use crate::render::plan::ir::value::Value;

/// Rendered expression: text, type and binding strength.
#[derive(Clone, Debug)]
pub(super) struct Code {
    pub(super) text: String,
    pub(super) ty: Ty,
    /// 0 range, 1 `||`, 2 `&&`, 4 comparison, 5 `+ -`, 6 `* / %`,
    /// 7 unary, 8 `as`, 10 atom.
    pub(super) prec: u8,
    /// A string that is already a `&str` (literal or borrowed parameter).
    pub(super) str_ref: bool,
    /// An owned `String` made fresh (no need to clone).
    pub(super) fresh: bool,
    /// A `range(...)`: an iterator, not a list.
    pub(super) range: bool,
    /// A padded string (`s.ljust(8, ".")`): the value and the `format!`
    /// spec (`.<8`) a format string can take in its hole instead.
    pub(super) pad: Option<(String, String)>,
}

impl Code {
    pub(super) fn new(text: impl Into<String>, ty: Ty, prec: u8) -> Code {
        Code {
            text: text.into(),
            ty,
            prec,
            str_ref: false,
            fresh: false,
            range: false,
            pad: None,
        }
    }

    pub(super) fn wrap(&self, min: u8) -> String {
        // A method call on a bare number literal needs its type spelled out.
        let numeric = !self.text.is_empty()
            && !self.range
            && !self.text.contains("..")
            && self
                .text
                .trim_start_matches('-')
                .starts_with(|c: char| c.is_ascii_digit())
            && self
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || ".-e".contains(c));
        if min == 10 && numeric {
            let suffix = if self.ty == Ty::Float { "_f64" } else { "_i64" };
            if self.text.starts_with('-') {
                return format!("({}{suffix})", self.text);
            }
            return format!("{}{suffix}", self.text);
        }
        if self.prec < min {
            format!("({})", self.text)
        } else {
            self.text.clone()
        }
    }

    pub(super) fn as_f64(&self) -> Code {
        if self.ty == Ty::Int {
            if self.prec == 10 && self.text.chars().all(|c| c.is_ascii_digit()) {
                return Code::new(format!("{}.0", self.text), Ty::Float, 10);
            }
            return Code::new(format!("{} as f64", self.wrap(8)), Ty::Float, 8);
        }
        self.clone()
    }

    /// The value as a boolean condition (Python truthiness).
    pub(super) fn truthy(&self) -> Code {
        match self.ty {
            Ty::Int => Code::new(format!("{} != 0", self.wrap(5)), Ty::Bool, 4),
            Ty::Float => Code::new(format!("{} != 0.0", self.wrap(5)), Ty::Bool, 4),
            Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                Code::new(format!("!{}.is_empty()", self.wrap(10)), Ty::Bool, 7)
            }
            Ty::Option(_) => super::options::truth(self).unwrap_or_else(|| self.clone()),
            Ty::Mixed => Code::new(format!("{}.is_true()", self.wrap(10)), Ty::Bool, 10),
            // Only a `Flag` of the program is false, when empty.
            Ty::Enum(_) => Code::new(format!("!{}.is_empty()", self.wrap(10)), Ty::Bool, 7),
            _ => self.clone(),
        }
    }

    /// An owned value (strings become `String`).
    pub(super) fn owned(&self) -> String {
        if self.text == "\"\"" {
            "String::new()".into()
        } else if self.ty == Ty::Str && !self.fresh {
            format!("{}.to_string()", self.wrap(10))
        } else if self.range {
            format!("{}.collect::<Vec<_>>()", self.wrap(10))
        } else if matches!(
            self.ty,
            Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Tuple(_) | Ty::Mixed | Ty::Tree(_)
        ) && !self.fresh
        {
            format!("{}.clone()", self.wrap(10))
        } else {
            self.text.clone()
        }
    }

    /// A `&str` for a string parameter.
    pub(super) fn borrowed(&self) -> String {
        if self.ty == Ty::Str && !self.str_ref {
            format!("&{}", self.wrap(7))
        } else {
            self.text.clone()
        }
    }
}

pub(super) fn lit(v: &Value) -> Code {
    match v {
        Value::None => Code::new("()", Ty::Unit, 10),
        Value::Bool(b) => Code::new(b.to_string(), Ty::Bool, 10),
        Value::Int(n) if *n < 0 => Code::new(n.to_string(), Ty::Int, 7),
        Value::Int(n) => Code::new(n.to_string(), Ty::Int, 10),
        Value::Float(x) => Code::new(format!("{x:?}"), Ty::Float, if *x < 0.0 { 7 } else { 10 }),
        Value::Str(s) => {
            let mut c = Code::new(format!("{:?}", s.as_ref()), Ty::Str, 10);
            c.str_ref = true;
            c
        }
        Value::List(items) => {
            let parts: Vec<String> = items.iter().map(|i| lit(i).text).collect();
            let mut c = Code::new(format!("vec![{}]", parts.join(", ")), value_ty(v), 10);
            c.fresh = true;
            c
        }
    }
}

pub(super) fn builtin(f: Builtin, args: Vec<Code>) -> Code {
    let first = args.first().cloned().unwrap_or(Code::new("0", Ty::Int, 10));
    match f {
        Builtin::Range => {
            let (lo, hi) = match args.get(1) {
                None => ("0".to_string(), first.wrap(1)),
                Some(end) => (first.wrap(1), end.wrap(1)),
            };
            if let Some(step) = args.get(2).and_then(|s| s.text.parse::<i64>().ok())
                && step < 0
            {
                return backward_range(&lo, &hi, step);
            }
            // `range(1, n + 1)` is `1..=n`.
            let hi = match hi.strip_suffix(" + 1") {
                Some(last) if args.get(1).is_some_and(|end| end.prec == 5) => format!("={last}"),
                _ => hi,
            };
            let mut c = if let Some(step) = args.get(2) {
                let step = if step.text.chars().all(|c| c.is_ascii_digit()) {
                    step.text.clone()
                } else {
                    format!("{} as usize", step.wrap(8))
                };
                Code::new(
                    format!("({lo}..{hi}).step_by({step})"),
                    Ty::List(Box::new(Ty::Int)),
                    10,
                )
            } else {
                Code::new(format!("{lo}..{hi}"), Ty::List(Box::new(Ty::Int)), 0)
            };
            c.range = true;
            c
        }
        // Python counts a string's characters, not its bytes.
        Builtin::Len if first.ty == Ty::Str => Code::new(
            format!("{}.chars().count() as i64", first.wrap(10)),
            Ty::Int,
            8,
        ),
        // An inclusive range (`range(1, n + 1)`, a range counting down) is
        // no `ExactSizeIterator`: its numbers are counted.
        Builtin::Len if first.range && first.text.contains("..=") => {
            Code::new(format!("{}.count() as i64", first.wrap(10)), Ty::Int, 8)
        }
        Builtin::Len => Code::new(format!("{}.len() as i64", first.wrap(10)), Ty::Int, 8),
        Builtin::Str if super::builtins::needs_repr(&first.ty) => super::builtins::repr(&first),
        Builtin::Str => {
            let text = match first.ty {
                Ty::Float if let Some(text) = super::float_literals::python_repr(&first.text) => {
                    format!("{text:?}.to_string()")
                }
                Ty::Float | Ty::List(_) => format!("format!(\"{{:?}}\", {})", first.text),
                // Python writes `True` and `False`.
                Ty::Bool => format!(
                    "if {} {{ \"True\" }} else {{ \"False\" }}.to_string()",
                    first.text
                ),
                _ => format!("{}.to_string()", first.wrap(10)),
            };
            let mut c = Code::new(text, Ty::Str, 10);
            c.fresh = true;
            c
        }
        Builtin::Int => match first.ty {
            Ty::Float => Code::new(format!("{} as i64", first.wrap(8)), Ty::Int, 8),
            // `int(...)` takes the digits between blanks.
            Ty::Str => {
                let inner = first.text.trim_matches('"');
                let literal = first.text.starts_with('"') && inner.trim() == inner;
                let trim = if literal { "" } else { ".trim()" };
                Code::new(
                    format!("{}{trim}.parse::<i64>().unwrap()", first.wrap(10)),
                    Ty::Int,
                    10,
                )
            }
            Ty::Bool => Code::new(format!("i64::from({})", first.text), Ty::Int, 10),
            _ => Code {
                ty: Ty::Int,
                ..first
            },
        },
        Builtin::Float => match first.ty {
            // `float(...)` takes the number between blanks.
            Ty::Str => {
                let inner = first.text.trim_matches('"');
                let literal = first.text.starts_with('"') && inner.trim() == inner;
                let trim = if literal { "" } else { ".trim()" };
                Code::new(
                    format!("{}{trim}.parse::<f64>().unwrap()", first.wrap(10)),
                    Ty::Float,
                    10,
                )
            }
            _ => first.as_f64(),
        },
        Builtin::Index => index(&first, &args[1]),
        Builtin::Bool => super::truth::bool_of(&first),
        Builtin::Repr | Builtin::Round | Builtin::Sorted | Builtin::List | Builtin::Dict => {
            super::builtins::builtin(f, &args)
        }
        Builtin::Enumerate
        | Builtin::Zip
        | Builtin::Reversed
        | Builtin::Divmod
        | Builtin::Any
        | Builtin::All
        | Builtin::Exit => unreachable!("written by `Renderer::iter_builtin`"),
        Builtin::Kept | Builtin::Rest => unreachable!("written by `Renderer::kept_iter`"),
        Builtin::Slice => unreachable!("written by `Renderer::slice`"),
        Builtin::SmallSet => unreachable!("written by `Renderer::small_set`"),
        Builtin::Set => unreachable!("written by `Renderer::set_of`"),
        Builtin::Union | Builtin::Intersection => {
            unreachable!("written by `Renderer::set_operator`")
        }
        // Of two flags, `Renderer::flag_operator` writes it; of other
        // values the listing refuses it, and its partial text shows `^`.
        Builtin::Xor => {
            let b = args.get(1).map_or(String::new(), |b| b.wrap(4));
            Code::new(format!("{} ^ {b}", first.wrap(4)), first.ty.clone(), 3)
        }
        Builtin::IsInstance => unreachable!("written by `Renderer::isinstance`"),
        Builtin::TypeName => unreachable!("written by `Renderer::type_name`"),
        Builtin::Bytes => super::tcp::bytes_repr(&first),
        Builtin::Abs => Code::new(format!("{}.abs()", first.wrap(10)), first.ty.clone(), 10),
        Builtin::Min | Builtin::Max if args.len() > 1 => {
            let m = if f == Builtin::Min { "min" } else { "max" };
            let float = args.iter().any(|a| a.ty == Ty::Float);
            let mut text = if float {
                first.as_f64().wrap(10)
            } else {
                first.wrap(10)
            };
            for a in &args[1..] {
                let a = if float { a.as_f64() } else { a.clone() };
                text = format!("{text}.{m}({})", a.text);
            }
            Code::new(text, if float { Ty::Float } else { first.ty.clone() }, 10)
        }
        // A `BTreeSet`'s least and greatest items are its first and last.
        Builtin::Min | Builtin::Max if let Ty::Set(t) = &first.ty => {
            let end = if f == Builtin::Min { "first" } else { "last" };
            let text = format!("{}.{end}().cloned().unwrap()", first.wrap(10));
            Code::new(text, (**t).clone(), 10)
        }
        Builtin::Min | Builtin::Max => {
            let m = if f == Builtin::Min { "min" } else { "max" };
            let elem = first.ty.elem();
            let iter = if first.range {
                first.wrap(10)
            } else if elem == Ty::Str {
                // A list of `String`s is compared through references.
                format!("{}.iter()", first.wrap(10))
            } else {
                format!("{}.iter().copied()", first.wrap(10))
            };
            if elem == Ty::Float {
                super::float_extremes::extreme(&iter, m == "min")
            } else {
                Code::new(format!("{iter}.{m}().unwrap()"), elem, 10)
            }
        }
        Builtin::Sum
            if let Some(start) = args.get(1)
                && matches!(first.ty.elem(), Ty::List(_)) =>
        {
            super::sum_lists::joined(&first, start)
        }
        Builtin::Sum if let Some(start) = args.get(1) => {
            // Python adds from `start`, item by item: a fold, in its order.
            let float = first.ty.elem() == Ty::Float || start.ty == Ty::Float;
            let (start, ty) = if float {
                (start.as_f64(), Ty::Float)
            } else {
                (start.clone(), Ty::Int)
            };
            let iter = if first.range {
                first.wrap(10)
            } else {
                format!("{}.iter()", first.wrap(10))
            };
            Code::new(
                format!("{iter}.fold({}, |total, x| total + x)", start.text),
                ty,
                10,
            )
        }
        Builtin::Sum => {
            let elem = first.ty.elem();
            let t = if elem == Ty::Float { "f64" } else { "i64" };
            let iter = if first.range {
                first.wrap(10)
            } else {
                format!("{}.iter()", first.wrap(10))
            };
            Code::new(
                format!("{iter}.sum::<{t}>()"),
                if elem == Ty::Float {
                    Ty::Float
                } else {
                    Ty::Int
                },
                10,
            )
        }
    }
}

/// `range(lo, hi, step)` of a negative literal step: from `lo` down to the
/// number after `hi`, `(hi + 1..=lo).rev()`, stepped.
fn backward_range(lo: &str, hi: &str, step: i64) -> Code {
    let after = match hi.parse::<i64>() {
        Ok(n) => n.saturating_add(1).to_string(),
        Err(_) => format!("{hi} + 1"),
    };
    let mut text = format!("({after}..={lo}).rev()");
    if step < -1 {
        text.push_str(&format!(".step_by({})", step.unsigned_abs()));
    }
    let mut c = Code::new(text, Ty::List(Box::new(Ty::Int)), 10);
    c.range = true;
    c
}

/// `obj[i]`: a list's item (a place: the caller copies or clones it) or a
/// string's character; a negative literal index counts from the end, as
/// in Python.
fn index(obj: &Code, i: &Code) -> Code {
    let from_end = i
        .text
        .strip_prefix('-')
        .and_then(|k| k.parse::<usize>().ok());
    let whole = i.text.chars().all(|c| c.is_ascii_digit());
    if obj.ty == Ty::Str {
        let text = match from_end {
            Some(k) => format!("{}.chars().rev().nth({})", obj.wrap(10), k - 1),
            None if whole => format!("{}.chars().nth({})", obj.wrap(10), i.text),
            None => format!("{}.chars().nth({} as usize)", obj.wrap(10), i.wrap(8)),
        };
        let mut c = Code::new(format!("{text}.unwrap().to_string()"), Ty::Str, 10);
        c.fresh = true;
        return c;
    }
    let at = match from_end {
        Some(k) => format!("{}.len() - {k}", obj.wrap(10)),
        None if whole => i.text.clone(),
        None => format!("{} as usize", i.wrap(8)),
    };
    Code::new(format!("{}[{at}]", obj.wrap(10)), obj.ty.elem(), 10)
}
