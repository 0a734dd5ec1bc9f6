//! Evaluates expressions with Python's semantics.

use crate::demo::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, Template, UnaryOp};
use crate::demo::value::Value;
use std::sync::Arc;

/// Longest list or string an expression may build.
pub const MAX_LEN: usize = 1_000_000;

/// Starts the message of an error that is a limit of the engine, not a
/// Python exception: the run is aborted rather than the demo failing.
pub const LIMIT: &str = "limit: ";

fn too_long(what: &str, len: usize) -> String {
    format!("{LIMIT}{what} of {len} items is longer than {MAX_LEN} (limit: value size)")
}

fn checked_len(what: &str, len: usize) -> Result<(), String> {
    if len > MAX_LEN {
        Err(too_long(what, len))
    } else {
        Ok(())
    }
}

/// Looks a variable up.
pub trait Scope {
    fn get(&self, name: &str) -> Result<Value, String>;
}

/// Evaluates `e`, or says what went wrong as Python would.
pub fn eval(e: &Expr, scope: &dyn Scope) -> Result<Value, String> {
    match &e.kind {
        ExprKind::Lit(v) => Ok(v.clone()),
        ExprKind::Var(name) => scope.get(name),
        ExprKind::List(items) => Ok(Value::List(Arc::new(
            items
                .iter()
                .map(|x| eval(x, scope))
                .collect::<Result<_, _>>()?,
        ))),
        ExprKind::Template(t) => Ok(Value::Str(render(t, scope)?.into())),
        ExprKind::Unary(UnaryOp::Not, x) => Ok(Value::Bool(!eval(x, scope)?.truthy())),
        ExprKind::Unary(UnaryOp::Neg, x) => match eval(x, scope)? {
            Value::Int(i) => Ok(Value::Int(i.checked_neg().ok_or("integer overflow")?)),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Bool(b) => Ok(Value::Int(-i64::from(b))),
            v => Err(format!("bad operand type for unary -: '{}'", v.type_name())),
        },
        ExprKind::Binary(BinaryOp::And, a, b) => {
            let a = eval(a, scope)?;
            if a.truthy() { eval(b, scope) } else { Ok(a) }
        }
        ExprKind::Binary(BinaryOp::Or, a, b) => {
            let a = eval(a, scope)?;
            if a.truthy() { Ok(a) } else { eval(b, scope) }
        }
        ExprKind::Binary(op, a, b) => binary(*op, eval(a, scope)?, eval(b, scope)?),
        ExprKind::Call(f, args) => {
            let args: Vec<Value> = args
                .iter()
                .map(|x| eval(x, scope))
                .collect::<Result<_, _>>()?;
            builtin(*f, args)
        }
    }
}

/// Fills a template's holes with `str()` of their values.
pub fn render(t: &Template, scope: &dyn Scope) -> Result<String, String> {
    let mut out = String::new();
    for part in &t.parts {
        match part {
            Part::Text(s) => out.push_str(s),
            Part::Hole(e) => out.push_str(&eval(e, scope)?.to_string()),
        }
        checked_len("a string", out.len())?;
    }
    Ok(out)
}

enum Num {
    I(i64),
    F(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(i64::from(*b))),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn as_f64(n: &Num) -> f64 {
    match n {
        Num::I(i) => *i as f64,
        Num::F(f) => *f,
    }
}

fn binary(op: BinaryOp, a: Value, b: Value) -> Result<Value, String> {
    use BinaryOp::*;
    let unsupported = |a: &Value, b: &Value| {
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.python(),
            a.type_name(),
            b.type_name()
        )
    };
    match op {
        Eq => return Ok(Value::Bool(equal(&a, &b))),
        Ne => return Ok(Value::Bool(!equal(&a, &b))),
        Lt | Le | Gt | Ge => {
            let ord = compare(&a, &b).ok_or_else(|| {
                format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.python(),
                    a.type_name(),
                    b.type_name()
                )
            })?;
            let r = match op {
                Lt => ord.is_lt(),
                Le => ord.is_le(),
                Gt => ord.is_gt(),
                _ => ord.is_ge(),
            };
            return Ok(Value::Bool(r));
        }
        _ => {}
    }
    match (&a, &b, op) {
        (Value::Str(x), Value::Str(y), Add) => {
            checked_len("a string", x.len() + y.len())?;
            return Ok(Value::Str(format!("{x}{y}").into()));
        }
        (Value::List(x), Value::List(y), Add) => {
            checked_len("a list", x.len() + y.len())?;
            return Ok(Value::List(Arc::new(
                x.iter().chain(y.iter()).cloned().collect(),
            )));
        }
        (Value::Str(s), Value::Int(n), Mul) | (Value::Int(n), Value::Str(s), Mul) => {
            let times = (*n).max(0) as usize;
            checked_len("a string", s.len().saturating_mul(times))?;
            return Ok(Value::Str(s.repeat(times).into()));
        }
        _ => {}
    }
    let (Some(x), Some(y)) = (num(&a), num(&b)) else {
        return Err(unsupported(&a, &b));
    };
    match (x, y) {
        (Num::I(x), Num::I(y)) => {
            let overflow = || "integer overflow".to_string();
            Ok(match op {
                Add => Value::Int(x.checked_add(y).ok_or_else(overflow)?),
                Sub => Value::Int(x.checked_sub(y).ok_or_else(overflow)?),
                Mul => Value::Int(x.checked_mul(y).ok_or_else(overflow)?),
                Div if y == 0 => return Err("division by zero".into()),
                Div => Value::Float(x as f64 / y as f64),
                FloorDiv | Mod if y == 0 => {
                    return Err("integer division or modulo by zero".into());
                }
                FloorDiv => {
                    let q = x.checked_div(y).ok_or_else(overflow)?;
                    Value::Int(q - i64::from(x % y != 0 && (x < 0) != (y < 0)))
                }
                Mod => Value::Int(x.checked_rem(y).map_or(0, |r| {
                    if r != 0 && (r < 0) != (y < 0) {
                        r + y
                    } else {
                        r
                    }
                })),
                _ => unreachable!("comparisons handled above"),
            })
        }
        (x, y) => {
            let (x, y) = (as_f64(&x), as_f64(&y));
            Ok(Value::Float(match op {
                Add => x + y,
                Sub => x - y,
                Mul => x * y,
                Div | FloorDiv | Mod if y == 0.0 => return Err("float division by zero".into()),
                Div => x / y,
                FloorDiv => (x / y).floor(),
                Mod => x - y * (x / y).floor(),
                _ => unreachable!("comparisons handled above"),
            }))
        }
    }
}

fn equal(a: &Value, b: &Value) -> bool {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => as_f64(&x) == as_f64(&y),
        _ => a == b,
    }
}

fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::List(x), Value::List(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                if !equal(p, q) {
                    return compare(p, q);
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => match (num(a)?, num(b)?) {
            (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
            (x, y) => as_f64(&x).partial_cmp(&as_f64(&y)),
        },
    }
}

fn int_arg(v: &Value, f: &str) -> Result<i64, String> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(format!(
            "{f}() wants an integer, not '{}'",
            other.type_name()
        )),
    }
}

fn builtin(f: Builtin, args: Vec<Value>) -> Result<Value, String> {
    let arity = |lo: usize, hi: usize| {
        if args.len() < lo || args.len() > hi {
            Err(format!(
                "{}() takes {} argument{}, given {}",
                f.name(),
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo} to {hi}")
                },
                if hi == 1 { "" } else { "s" },
                args.len()
            ))
        } else {
            Ok(())
        }
    };
    match f {
        Builtin::Range => {
            arity(1, 3)?;
            let ints: Vec<i64> = args
                .iter()
                .map(|a| int_arg(a, "range"))
                .collect::<Result<_, _>>()?;
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                _ => unreachable!("arity checked"),
            };
            if step == 0 {
                return Err("range() arg 3 must not be zero".into());
            }
            let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
            let len = if step > 0 {
                (stop - start + step - 1).max(0) / step
            } else {
                (start - stop - step - 1).max(0) / -step
            };
            let len = usize::try_from(len).unwrap_or(usize::MAX);
            checked_len("range()", len)?;
            Ok(Value::List(Arc::new(
                (0..len as i128)
                    .map(|i| Value::Int((start + i * step) as i64))
                    .collect(),
            )))
        }
        Builtin::Len => {
            arity(1, 1)?;
            match &args[0] {
                Value::Str(s) => Ok(Value::Int(s.chars().count() as i64)),
                Value::List(l) => Ok(Value::Int(l.len() as i64)),
                v => Err(format!("object of type '{}' has no len()", v.type_name())),
            }
        }
        Builtin::Str => {
            arity(1, 1)?;
            Ok(Value::Str(args[0].to_string().into()))
        }
        Builtin::Int => {
            arity(1, 1)?;
            match &args[0] {
                Value::Float(x) => Ok(Value::Int(x.trunc() as i64)),
                Value::Str(s) => s
                    .trim()
                    .parse()
                    .map(Value::Int)
                    .map_err(|_| format!("invalid literal for int(): {}", args[0].repr())),
                v => Ok(Value::Int(int_arg(v, "int")?)),
            }
        }
        Builtin::Float => {
            arity(1, 1)?;
            match &args[0] {
                Value::Str(s) => {
                    s.trim().parse().map(Value::Float).map_err(|_| {
                        format!("could not convert string to float: {}", args[0].repr())
                    })
                }
                v => num(v)
                    .map(|n| Value::Float(as_f64(&n)))
                    .ok_or_else(|| format!("float() cannot take '{}'", v.type_name())),
            }
        }
        Builtin::Abs => {
            arity(1, 1)?;
            match num(&args[0]) {
                Some(Num::I(i)) => Ok(Value::Int(i.checked_abs().ok_or("integer overflow")?)),
                Some(Num::F(x)) => Ok(Value::Float(x.abs())),
                None => Err(format!(
                    "bad operand type for abs(): '{}'",
                    args[0].type_name()
                )),
            }
        }
        Builtin::Min | Builtin::Max | Builtin::Sum => {
            let items: Vec<Value> = match args.as_slice() {
                [Value::List(l)] => l.as_ref().clone(),
                [_] if f != Builtin::Sum => {
                    return Err(format!("{}() of one value wants a list", f.name()));
                }
                _ if f == Builtin::Sum => {
                    arity(1, 1)?;
                    return Err("sum() wants a list".into());
                }
                _ => args,
            };
            if f == Builtin::Sum {
                return items
                    .into_iter()
                    .try_fold(Value::Int(0), |acc, v| binary(BinaryOp::Add, acc, v));
            }
            let mut iter = items.into_iter();
            let first = iter
                .next()
                .ok_or_else(|| format!("{}() of an empty list", f.name()))?;
            iter.try_fold(first, |best, v| {
                let ord = compare(&v, &best).ok_or_else(|| {
                    format!(
                        "cannot compare '{}' and '{}'",
                        v.type_name(),
                        best.type_name()
                    )
                })?;
                let better = if f == Builtin::Min {
                    ord.is_lt()
                } else {
                    ord.is_gt()
                };
                Ok(if better { v } else { best })
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::expr::parse_expr;

    struct Vars;
    impl Scope for Vars {
        fn get(&self, name: &str) -> Result<Value, String> {
            match name {
                "n" => Ok(Value::Int(7)),
                "name" => Ok(Value::from("job")),
                _ => Err(format!("name '{name}' is not defined")),
            }
        }
    }

    fn ev(src: &str) -> String {
        match eval(&parse_expr(src).unwrap(), &Vars) {
            Ok(v) => v.repr(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn arithmetic_matches_python() {
        assert_eq!(ev("n * n"), "49");
        assert_eq!(ev("n / 2"), "3.5");
        assert_eq!(ev("-7 // 2"), "-4");
        assert_eq!(ev("-7 % 3"), "2");
        assert_eq!(ev("n // 0"), "error: integer division or modulo by zero");
        assert_eq!(ev("1 + 0.5"), "1.5");
        assert_eq!(ev("name + '-done'"), "'job-done'");
        assert_eq!(ev("n > 3 and n < 10"), "True");
        assert_eq!(ev("0 or 'x'"), "'x'");
        assert_eq!(ev("range(0, 7, 2)"), "[0, 2, 4, 6]");
        assert_eq!(ev("range(3, 0, -1)"), "[3, 2, 1]");
        assert_eq!(ev("sum([1, 2, 3])"), "6");
        assert_eq!(ev("max(3, n, 5)"), "7");
        assert_eq!(ev("1 == 1.0"), "True");
        assert_eq!(
            ev("'a' < 1"),
            "error: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(ev("missing"), "error: name 'missing' is not defined");
    }
}
