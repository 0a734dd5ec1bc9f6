//! The `math` module, as CPython 3.11's `mathmodule.c` computes it: the
//! float functions call the platform's C library as CPython does, with its
//! checks (`math domain error`, `math range error`); `ints` holds the
//! integer functions (budgeted), `sums` `fsum`, `prod`, `hypot` and `dist`.

mod ints;
mod sums;

/// The cube root as the GNU C library computes it (a polynomial guess and
/// one Halley step), which CPython calls: the `cbrt` symbol a Rust binary
/// links is Rust's own, correctly rounded one. The constants are written
/// as the C source writes them.
#[allow(clippy::excessive_precision)]
fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_2;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_5;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354_895_765_043_919_86
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_3
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    let y = if x > 0.0 { ym } else { -ym };
    y * 2f64.powi(xe / 3)
}

/// The C library's functions where Rust's own differ from them in the
/// last bit (Rust computes these itself): CPython calls the C library's.
mod libm {
    unsafe extern "C" {
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
    }
}

use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use num_bigint::BigInt;
use num_traits::FromPrimitive;

/// A function of one float.
type Unary = fn(f64) -> f64;

/// Functions of one float, and whether a finite argument may overflow
/// (`math range error`) rather than leave the domain.
const UNARY: &[(&str, Unary, bool)] = &[
    ("sqrt", f64::sqrt, false),
    ("exp", f64::exp, true),
    ("exp2", f64::exp2, true),
    ("expm1", f64::exp_m1, true),
    ("log1p", f64::ln_1p, false),
    ("cbrt", cbrt, false),
    ("sin", f64::sin, false),
    ("cos", f64::cos, false),
    ("tan", f64::tan, false),
    ("asin", f64::asin, false),
    ("acos", f64::acos, false),
    ("atan", f64::atan, false),
    ("sinh", f64::sinh, true),
    ("cosh", f64::cosh, true),
    ("tanh", f64::tanh, false),
    ("asinh", |x| libm::asinh(x), false),
    ("acosh", |x| libm::acosh(x), false),
    ("atanh", |x| libm::atanh(x), false),
    ("fabs", f64::abs, false),
];

/// Every function the module offers, as `math.NAME` built-ins.
const FUNCTIONS: &[&str] = &[
    "math.sqrt",
    "math.exp",
    "math.exp2",
    "math.expm1",
    "math.log1p",
    "math.cbrt",
    "math.sin",
    "math.cos",
    "math.tan",
    "math.asin",
    "math.acos",
    "math.atan",
    "math.sinh",
    "math.cosh",
    "math.tanh",
    "math.asinh",
    "math.acosh",
    "math.atanh",
    "math.fabs",
    "math.atan2",
    "math.pow",
    "math.fmod",
    "math.copysign",
    "math.remainder",
    "math.nextafter",
    "math.ulp",
    "math.log",
    "math.log2",
    "math.log10",
    "math.floor",
    "math.ceil",
    "math.trunc",
    "math.modf",
    "math.frexp",
    "math.ldexp",
    "math.degrees",
    "math.radians",
    "math.isfinite",
    "math.isinf",
    "math.isnan",
    "math.isclose",
    "math.gcd",
    "math.lcm",
    "math.factorial",
    "math.comb",
    "math.perm",
    "math.isqrt",
    "math.fsum",
    "math.prod",
    "math.hypot",
    "math.dist",
];

/// `math.name`.
pub fn member(name: &str) -> Option<Value> {
    Some(match name {
        "pi" => Value::Float(std::f64::consts::PI),
        "e" => Value::Float(std::f64::consts::E),
        "tau" => Value::Float(std::f64::consts::TAU),
        "inf" => Value::Float(f64::INFINITY),
        "nan" => Value::Float(f64::NAN),
        _ => Value::Builtin(FUNCTIONS.iter().find(|f| &f[5..] == name)?),
    })
}

/// Calls `math.name(...)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("math.").unwrap_or(name);
    if let Some((_, func, can_overflow)) = UNARY.iter().find(|(n, _, _)| *n == name) {
        let x = real(&one(args, name)?)?;
        return checked(x, func(x), *can_overflow).map(Value::Float);
    }
    match name {
        "atan2" | "pow" | "fmod" | "copysign" | "remainder" | "nextafter" => {
            let [a, b] = two(args, name)?;
            let (x, y) = (real(&a)?, real(&b)?);
            binary(name, x, y).map(Value::Float)
        }
        "ulp" => {
            let x = real(&one(args, name)?)?;
            Ok(Value::Float(ulp(x)))
        }
        "log" => {
            if !args.kw.is_empty() {
                return Err(type_error("math.log() takes no keyword arguments"));
            }
            let n = args.pos.len();
            if !(1..=2).contains(&n) {
                return Err(type_error("math.log requires 1 to 2 arguments"));
            }
            let num = log_of(&args.pos[0], f64::ln)?;
            match args.pos.get(1) {
                None => Ok(Value::Float(num)),
                Some(base) => {
                    let den = log_of(base, f64::ln)?;
                    if den == 0.0 {
                        return Err(error("ZeroDivisionError", "float division by zero"));
                    }
                    Ok(Value::Float(num / den))
                }
            }
        }
        "log2" => Ok(Value::Float(log_of(&one(args, name)?, f64::log2)?)),
        "log10" => Ok(Value::Float(log_of(&one(args, name)?, f64::log10)?)),
        "floor" | "ceil" | "trunc" => {
            let v = one(args, name)?;
            match v {
                Value::Int(_) | Value::BigInt(_) => Ok(v),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                Value::Float(x) => to_int(match name {
                    "floor" => x.floor(),
                    "ceil" => x.ceil(),
                    _ => x.trunc(),
                }),
                Value::Instance(_) => {
                    let dunder = format!("__{name}__");
                    match ix.special(&v, &dunder) {
                        Some(m) => ix.call(f, &m, Args::positional(vec![v.clone()])),
                        None if name == "trunc" => Err(no_trunc(&v)),
                        None => Err(not_real(&v)),
                    }
                }
                other if name == "trunc" => Err(no_trunc(&other)),
                other => Err(not_real(&other)),
            }
        }
        "modf" => {
            let x = real(&one(args, name)?)?;
            let (frac, int) = if x.is_infinite() {
                (0.0f64.copysign(x), x)
            } else {
                let int = x.trunc();
                ((x - int).copysign(x), int)
            };
            Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
        }
        "frexp" => {
            let x = real(&one(args, name)?)?;
            let (m, e) = frexp(x);
            Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
        }
        "ldexp" => {
            let [a, b] = two(args, name)?;
            let x = real(&a)?;
            let e = match b {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                Value::BigInt(b) => {
                    if b.sign() == num_bigint::Sign::Minus {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                }
                _ => return Err(type_error("Expected an int as second argument to ldexp.")),
            };
            ldexp(x, e).map(Value::Float)
        }
        "degrees" => Ok(Value::Float(
            real(&one(args, name)?)? * (180.0 / std::f64::consts::PI),
        )),
        "radians" => Ok(Value::Float(
            real(&one(args, name)?)? * (std::f64::consts::PI / 180.0),
        )),
        "isfinite" => Ok(Value::Bool(real(&one(args, name)?)?.is_finite())),
        "isinf" => Ok(Value::Bool(real(&one(args, name)?)?.is_infinite())),
        "isnan" => Ok(Value::Bool(real(&one(args, name)?)?.is_nan())),
        "isclose" => isclose(args),
        "gcd" | "lcm" | "factorial" | "comb" | "perm" | "isqrt" => ints::call(name, args),
        _ => sums::call(ix, f, name, args),
    }
}

/// A number as a float, as `PyFloat_AsDouble` takes it.
pub(super) fn real(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => match num_traits::ToPrimitive::to_f64(&**b) {
            Some(x) if x.is_finite() => Ok(x),
            _ => Err(error("OverflowError", "int too large to convert to float")),
        },
        other => Err(not_real(other)),
    }
}

fn not_real(v: &Value) -> crate::engine::py::types::exc::Unwind {
    type_error(format!("must be real number, not {}", v.type_name()))
}

fn no_trunc(v: &Value) -> crate::engine::py::types::exc::Unwind {
    type_error(format!(
        "type {} doesn't define __trunc__ method",
        v.type_name()
    ))
}

/// CPython's check of a libm result: NaN from a number is a domain error,
/// an infinity from a finite number a range error (or a domain error).
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            error("OverflowError", "math range error")
        } else {
            value_error("math domain error")
        });
    }
    Ok(r)
}

fn binary(name: &str, x: f64, y: f64) -> PyResult<f64> {
    let domain = || value_error("math domain error");
    match name {
        "atan2" => Ok(x.atan2(y)),
        "copysign" => Ok(x.copysign(y)),
        "nextafter" => Ok(nextafter(x, y)),
        "fmod" => {
            if y.is_infinite() && x.is_finite() {
                return Ok(x);
            }
            let r = x % y;
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return Err(domain());
            }
            Ok(r)
        }
        "remainder" => {
            if x.is_nan() || y.is_nan() {
                return Ok(f64::NAN);
            }
            if x.is_infinite() || y == 0.0 {
                return Err(domain());
            }
            if y.is_infinite() {
                return Ok(x);
            }
            let (absx, absy) = (x.abs(), y.abs());
            let m = absx % absy;
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            Ok(1.0f64.copysign(x) * r)
        }
        _ => pow(x, y),
    }
}

/// `math.pow` with CPython's special cases and errors.
fn pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        // libm's answers for infinities and NaNs are IEEE's, as CPython's.
        return Ok(if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else {
            x.powf(y)
        });
    }
    if x == 0.0 && y < 0.0 {
        return Err(value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() {
        return Err(error("OverflowError", "math range error"));
    }
    Ok(r)
}

/// `log`, `log2`, `log10` of an int of any size or a float.
fn log_of(v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.sign() != num_bigint::Sign::Plus {
            return Err(value_error("math domain error"));
        }
        if let Some(x) = num_traits::ToPrimitive::to_f64(&**b).filter(|x| x.is_finite()) {
            return Ok(func(x));
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e * log(2).
        let e = b.bits() as i64;
        let shifted: BigInt = &**b >> (e - 60).max(0) as usize;
        let m = num_traits::ToPrimitive::to_f64(&shifted).unwrap_or(0.0) / 2f64.powi(60);
        return Ok(func(m) + (e as f64) * func(2.0));
    }
    let x = real(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(func(x))
}

/// A float's integer value as an int.
fn to_int(x: f64) -> PyResult<Value> {
    if x.is_infinite() {
        return Err(error(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(ops::int(BigInt::from_f64(x).unwrap_or_default()))
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1` (or `m == x` for
/// 0, infinities and NaN).
pub(super) fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `x * 2**e`, with CPython's overflow error.
fn ldexp(x: f64, e: i64) -> PyResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = e.clamp(-3000, 3000) as i32;
    // Two steps keep the intermediate in range.
    let half = e / 2;
    let r = x * 2f64.powi(half) * 2f64.powi(e - half);
    if r.is_infinite() {
        return Err(error("OverflowError", "math range error"));
    }
    Ok(r)
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let next = nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        return x - nextafter(x, -f64::INFINITY);
    }
    next - x
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(args: Args) -> PyResult<Value> {
    let b = crate::engine::py::builtins::args::bind_clinic(
        args,
        "isclose",
        &["a", "b", "rel_tol", "abs_tol"],
        2,
    )?;
    let a = real(b[0].as_ref().unwrap_or(&Value::None))?;
    let bb = real(b[1].as_ref().unwrap_or(&Value::None))?;
    let rel = b[2].as_ref().map_or(Ok(1e-9), real)?;
    let abs = b[3].as_ref().map_or(Ok(0.0), real)?;
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == bb {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || bb.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (bb - a).abs();
    Ok(Value::Bool(
        diff <= (rel * bb).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// The one argument of a `METH_O` function.
pub(super) fn one(args: Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    let n = args.pos.len();
    let [v] = <[Value; 1]>::try_from(args.pos).map_err(|_| {
        type_error(format!(
            "math.{name}() takes exactly one argument ({n} given)"
        ))
    })?;
    Ok(v)
}

/// The two arguments of a `METH_FASTCALL` function.
pub(super) fn two(args: Args, name: &str) -> PyResult<[Value; 2]> {
    if !args.kw.is_empty() {
        return Err(type_error(format!(
            "math.{name}() takes no keyword arguments"
        )));
    }
    let n = args.pos.len();
    <[Value; 2]>::try_from(args.pos)
        .map_err(|_| type_error(format!("{name} expected 2 arguments, got {n}")))
}
