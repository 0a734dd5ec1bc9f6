//! The `random` module: CPython 3.11's `Lib/random.py` over the Mersenne
//! Twister of [`mt19937`], so a seeded program draws the numbers
//! CPython draws, and makes the same choices, shuffles and samples.
//!
//! A program that draws without seeding draws as `random.seed(N)` would,
//! for the run's seed N: given with `--seed N`, or picked at random and
//! reported on stderr (`random seed: N`) so the run can be replayed.

mod mt19937;
mod sequences;

use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::ops;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::BinOp;
use mt19937::Mt;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use sequences::{choices, len, sample, shuffle};
use sha2::{Digest, Sha512};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What `random` offers a demo, as the built-ins that stand for them.
const BUILTINS: &[&str] = &[
    "random.Random",
    "random.seed",
    "random.random",
    "random.getrandbits",
    "random.randrange",
    "random.randint",
    "random.choice",
    "random.choices",
    "random.shuffle",
    "random.sample",
    "random.uniform",
    "random.triangular",
    "random.gauss",
    "random.normalvariate",
    "random.expovariate",
    "random.randbytes",
];

/// `random.name`.
pub fn member(name: &str) -> Option<Value> {
    let full = BUILTINS.iter().find(|b| &b["random.".len()..] == name)?;
    Some(Value::Builtin(full))
}

thread_local! {
    /// The seed an unseeded draw used, for the run's report.
    static PICKED: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The seed this run picked for unseeded draws, if it drew any (and was
/// not given one); cleared by reading.
pub fn take_picked_seed() -> Option<u64> {
    PICKED.with(|p| p.take())
}

/// A `random.Random` instance (the module's functions share one).
pub struct RandomObj {
    mt: RefCell<Mt>,
    gauss_next: Cell<Option<f64>>,
}

impl RandomObj {
    fn new(mt: Mt) -> Rc<RandomObj> {
        Rc::new(RandomObj {
            mt: RefCell::new(mt),
            gauss_next: Cell::new(None),
        })
    }

    fn random(&self) -> f64 {
        self.mt.borrow_mut().random()
    }
}

/// The run's source of seeds for what is seeded with `None`.
#[derive(Default)]
pub struct State {
    module: RefCell<Option<Rc<RandomObj>>>,
    entropy: RefCell<Option<Mt>>,
}

impl State {
    /// The instance behind the module's functions, made by `make` the
    /// first time.
    fn module_or(&self, make: impl FnOnce() -> Rc<RandomObj>) -> Rc<RandomObj> {
        self.module.borrow_mut().get_or_insert_with(make).clone()
    }

    /// A generator for `seed(None)`: seeded from the run's seed, as
    /// CPython seeds one from the system's randomness.
    fn fresh(&self, ix: &Interp) -> Mt {
        let mut entropy = self.entropy.borrow_mut();
        let source = entropy.get_or_insert_with(|| {
            let seed = run_seed(ix);
            // A different stream from the module's own.
            Mt::from_key(&[seed as u32, (seed >> 32) as u32, 0x5eed])
        });
        let key: Vec<u32> = (0..4).map(|_| source.next_u32()).collect();
        Mt::from_key(&key)
    }
}

/// The run's seed: `--seed`, or one picked now and reported.
fn run_seed(ix: &Interp) -> u64 {
    if let Some(s) = ix.shared.limits.seed {
        return s;
    }
    let picked = PICKED.with(|p| p.get()).unwrap_or_else(|| {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64),
        );
        // Short enough to type after `--seed`.
        h.finish() % 1_000_000_000
    });
    PICKED.with(|p| p.set(Some(picked)));
    picked
}

impl Native for RandomObj {
    fn type_name(&self) -> &str {
        "Random"
    }

    fn repr(&self) -> String {
        "<random.Random object>".into()
    }

    fn has_method(&self, name: &str) -> bool {
        name != "Random" && member(name).is_some()
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(method(ix, cx, &self, name, args))
    }
}

/// `random.name(...)`: `Random(...)`, or a method of the module's instance.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("random.").unwrap_or(name);
    if name == "Random" {
        let mut args = args;
        let seed = args.take_kw("x").or_else(|| args.pos.pop());
        let r = RandomObj::new(Mt::from_key(&[0]));
        seed_with(ix, &r, seed.unwrap_or(Value::None))?;
        return Ok(Value::Native(r));
    }
    let r = if name == "seed" {
        // Seeding first draws nothing from the run's seed.
        ix.random.module_or(|| RandomObj::new(Mt::from_key(&[0])))
    } else {
        ix.random
            .module_or(|| RandomObj::new(Mt::from_int(&BigInt::from(run_seed(ix)))))
    };
    method(ix, f, &r, name, args)
}

fn method(ix: &Interp, f: &Frame, r: &RandomObj, name: &str, mut args: Args) -> PyResult<Value> {
    match name {
        "seed" => {
            let a = args
                .take_kw("a")
                .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)));
            seed_with(ix, r, a.unwrap_or(Value::None))?;
            Ok(Value::None)
        }
        "random" => {
            no_args(&args, "random")?;
            Ok(Value::Float(r.random()))
        }
        "getrandbits" => {
            let k = arg(&mut args, 0, "k", "getrandbits")?;
            let k = int_arg(&k)?;
            if k.is_negative() {
                return Err(error("ValueError", "number of bits must be non-negative"));
            }
            let k = k.to_u64().filter(|k| *k <= 1 << 22).ok_or_else(|| {
                crate::engine::py::types::exc::limit(
                    "the demo would build an integer of more than 4 million bits (limit: value size)",
                )
            })?;
            Ok(ops::int(r.mt.borrow_mut().getrandbits(k)))
        }
        "randrange" => {
            let start = arg(&mut args, 0, "start", "randrange")?;
            let stop = opt_arg(&mut args, 1, "stop");
            let step = opt_arg(&mut args, 2, "step");
            randrange(r, &start, stop.as_ref(), step.as_ref())
        }
        "randint" => {
            let a = arg(&mut args, 0, "a", "randint")?;
            let b = arg(&mut args, 1, "b", "randint")?;
            let b1 = ops::binop(BinOp::Add, &b, &Value::Int(1))?
                .ok_or_else(|| ops::binop_error(BinOp::Add, &b, &Value::Int(1), false))?;
            randrange(r, &a, Some(&b1), None)
        }
        "choice" => {
            let seq = arg(&mut args, 0, "seq", "choice")?;
            let n = len(ix, f, &seq)?;
            if n == 0 {
                return Err(error("IndexError", "Cannot choose from an empty sequence"));
            }
            let i = r.mt.borrow_mut().below(n as u64);
            ix.getitem(f, &seq, &Value::Int(i as i64))
        }
        "choices" => choices(ix, f, r, args),
        "shuffle" => {
            let x = arg(&mut args, 0, "x", "shuffle")?;
            shuffle(ix, f, r, &x)?;
            Ok(Value::None)
        }
        "sample" => {
            let population = arg(&mut args, 0, "population", "sample")?;
            let k = arg(&mut args, 1, "k", "sample")?;
            let counts = args.take_kw("counts");
            sample(ix, f, r, population, &k, counts)
        }
        "uniform" => {
            let a = num(&arg(&mut args, 0, "a", "uniform")?)?;
            let b = num(&arg(&mut args, 1, "b", "uniform")?)?;
            Ok(Value::Float(a + (b - a) * r.random()))
        }
        "triangular" => {
            let low = opt_arg(&mut args, 0, "low").map_or(Ok(0.0), |v| num(&v))?;
            let high = opt_arg(&mut args, 1, "high").map_or(Ok(1.0), |v| num(&v))?;
            let mode = opt_arg(&mut args, 2, "mode").filter(|v| !matches!(v, Value::None));
            let mut u = r.random();
            let c = match mode {
                None => 0.5,
                Some(m) => {
                    if high - low == 0.0 {
                        return Ok(Value::Float(low));
                    }
                    (num(&m)? - low) / (high - low)
                }
            };
            let (mut low, mut high, mut c) = (low, high, c);
            if u > c {
                u = 1.0 - u;
                c = 1.0 - c;
                std::mem::swap(&mut low, &mut high);
            }
            Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
        }
        "gauss" => {
            let mu = opt_arg(&mut args, 0, "mu").map_or(Ok(0.0), |v| num(&v))?;
            let sigma = opt_arg(&mut args, 1, "sigma").map_or(Ok(1.0), |v| num(&v))?;
            let z = match r.gauss_next.take() {
                Some(z) => z,
                None => {
                    let x2pi = r.random() * std::f64::consts::TAU;
                    let g2rad = (-2.0 * (1.0 - r.random()).ln()).sqrt();
                    r.gauss_next.set(Some(x2pi.sin() * g2rad));
                    x2pi.cos() * g2rad
                }
            };
            Ok(Value::Float(mu + z * sigma))
        }
        "normalvariate" => {
            let mu = opt_arg(&mut args, 0, "mu").map_or(Ok(0.0), |v| num(&v))?;
            let sigma = opt_arg(&mut args, 1, "sigma").map_or(Ok(1.0), |v| num(&v))?;
            let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
            loop {
                ix.step()?;
                let u1 = r.random();
                let u2 = 1.0 - r.random();
                let z = magic * (u1 - 0.5) / u2;
                if z * z / 4.0 <= -u2.ln() {
                    return Ok(Value::Float(mu + z * sigma));
                }
            }
        }
        "expovariate" => {
            let lambd = num(&arg(&mut args, 0, "lambd", "expovariate")?)?;
            let x = -(1.0 - r.random()).ln();
            if lambd == 0.0 {
                return Err(error("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(x / lambd))
        }
        "randbytes" => {
            let n =
                crate::engine::py::builtins::args::index(&arg(&mut args, 0, "n", "randbytes")?)?;
            if n < 0 {
                return Err(error("ValueError", "negative count"));
            }
            ops::check_bytes(n as usize)?;
            let bits = r.mt.borrow_mut().getrandbits(n as u64 * 8);
            let mut bytes = bits.magnitude().to_bytes_le();
            bytes.resize(n as usize, 0);
            Ok(Value::Bytes(Rc::from(bytes)))
        }
        _ => Err(error(
            "AttributeError",
            format!("module 'random' has no attribute '{name}'"),
        )),
    }
}

/// `seed(a)`: ints by their absolute value, strings and bytes with their
/// SHA-512 appended (version 2), floats by their hash, `None` afresh.
fn seed_with(ix: &Interp, r: &RandomObj, a: Value) -> PyResult<()> {
    let mt = match &a {
        Value::None => ix.random.fresh(ix),
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
            Mt::from_int(&ops::big(&a).expect("an int"))
        }
        Value::Float(_) => Mt::from_hash(crate::engine::py::types::hash::py_hash(&a).unwrap_or(0)),
        Value::Str(_) | Value::Bytes(_) => {
            let mut bytes: Vec<u8> = match &a {
                Value::Str(s) => s.as_bytes().to_vec(),
                Value::Bytes(b) => b.to_vec(),
                _ => unreachable!("matched above"),
            };
            let digest = Sha512::digest(&bytes);
            bytes.extend_from_slice(&digest);
            Mt::from_int(&BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes))
        }
        _ => {
            return Err(type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ));
        }
    };
    *r.mt.borrow_mut() = mt;
    r.gauss_next.set(None);
    Ok(())
}

fn randrange(
    r: &RandomObj,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = int_or_integral(start, "non-integer arg 1 for randrange()")?;
    let Some(stop) = stop.filter(|v| !matches!(v, Value::None)) else {
        if step.is_some() {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(ops::int(r.mt.borrow_mut().below_big(&istart)));
        }
        return Err(error("ValueError", "empty range for randrange()"));
    };
    let istop = int_or_integral(stop, "non-integer stop for randrange()")?;
    let width = &istop - &istart;
    let istep = match step {
        None => BigInt::from(1),
        Some(s) => int_or_integral(s, "non-integer step for randrange()")?,
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            return Ok(ops::int(&istart + r.mt.borrow_mut().below_big(&width)));
        }
        return Err(error(
            "ValueError",
            format!("empty range for randrange() ({istart}, {istop}, {width})"),
        ));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(error("ValueError", "zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(error("ValueError", "empty range for randrange()"));
    }
    Ok(ops::int(istart + istep * r.mt.borrow_mut().below_big(&n)))
}

fn arg(args: &mut Args, i: usize, name: &str, fname: &str) -> PyResult<Value> {
    opt_arg(args, i, name).ok_or_else(|| {
        type_error(format!(
            "Random.{fname}() missing 1 required positional argument: '{name}'"
        ))
    })
}

/// The `i`th positional argument, or the keyword `name`.
fn opt_arg(args: &mut Args, i: usize, name: &str) -> Option<Value> {
    args.take_kw(name).or_else(|| args.pos.get(i).cloned())
}

fn no_args(args: &Args, fname: &str) -> PyResult<()> {
    if args.pos.is_empty() && args.kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "Random.{fname}() takes no arguments ({} given)",
            args.pos.len() + args.kw.len()
        )))
    }
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    ops::big(v).ok_or_else(|| crate::engine::py::builtins::args::not_integer(v))
}

/// An int, or a float with an integral value (deprecated in 3.11, still
/// accepted); `message` for a float with a fraction.
fn int_or_integral(v: &Value, message: &str) -> PyResult<BigInt> {
    if let Some(i) = ops::big(v) {
        return Ok(i);
    }
    match v {
        Value::Float(x) if x.fract() == 0.0 && x.is_finite() => {
            Ok(num_bigint::BigInt::from(*x as i128))
        }
        Value::Float(x) if x.is_finite() => Err(error("ValueError", message)),
        Value::Float(_) => Err(error(
            "OverflowError",
            "cannot convert float infinity to integer",
        )),
        other => Err(crate::engine::py::builtins::args::not_integer(other)),
    }
}

fn num(v: &Value) -> PyResult<f64> {
    ops::float(v).ok_or_else(|| type_error(format!("must be real number, not {}", v.type_name())))
}
