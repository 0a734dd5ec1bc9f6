//! Run-time values of a Python program, printed exactly as CPython prints
//! them.

use super::native::Native;
use super::repr::write_repr;
pub use super::repr::{bytes_repr, exception_repr, exception_str};
use crate::program::{Code, Module};
use indexmap::IndexMap;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// An int beyond 64 bits (always outside the `i64` range).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    Range(i64, i64, i64),
    Function(Rc<Function>),
    /// A function bound to its instance.
    Method(Rc<(Value, Value)>),
    /// A built-in function.
    Builtin(&'static str),
    /// A method of a built-in type bound to its receiver: `"a b".split`.
    BuiltinMethod(Rc<(Value, Rc<str>)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// A built-in type: `int`, `str`, `list`, ...
    Type(&'static str),
    Module(Module),
    /// An iterator over a fixed sequence of values (list iterators, `zip`,
    /// `enumerate`, ...), materialised when made.
    Iterator(Rc<SeqIter>),
    /// Everything with behaviour of its own: coroutines, generators, tasks,
    /// futures, the event loop, streams.
    Native(Rc<dyn Native>),
}

/// An iterator over values computed up front.
pub struct SeqIter {
    pub items: RefCell<std::collections::VecDeque<Value>>,
    pub kind: &'static str,
}

/// A `def`, `async def` or `lambda`, with its captured cells and defaults.
pub struct Function {
    pub code: Arc<Code>,
    pub defaults: Vec<Value>,
    pub cells: Vec<Rc<RefCell<Option<Value>>>>,
    pub globals: Rc<RefCell<Namespace>>,
    /// The class whose body defined it, for `super()`.
    pub owner: RefCell<Option<Rc<Class>>>,
    /// Attributes set on it (`wrapper.__wrapped__ = f`, `f.calls = 0`).
    pub attrs: RefCell<Namespace>,
}

impl Function {
    /// `__qualname__`, as set on it or as its code has it.
    pub fn qualname(&self) -> String {
        match self.attrs.borrow().get("__qualname__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => self.code.qualname.to_string(),
        }
    }
}

/// A class: user-defined or a built-in exception class.
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub base: Option<Rc<Class>>,
    pub namespace: RefCell<Namespace>,
    /// Built-in exception classes print without a module prefix and are
    /// created by the runtime.
    pub builtin: bool,
    /// `asyncio.CancelledError` and friends print with their module.
    pub module: &'static str,
}

impl Class {
    /// Looks a name up in the class and its bases.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.namespace.borrow().get(name) {
            return Some(v.clone());
        }
        self.base.as_ref().and_then(|b| b.lookup(name))
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        let mut c = Some(self.clone());
        while let Some(k) = c {
            if Rc::ptr_eq(&k, other) || k.second_base_is(other) {
                return true;
            }
            c = k.base.clone();
        }
        false
    }

    /// Whether the class derives from a built-in class of this name.
    pub fn derives_from(&self, name: &str) -> bool {
        if self.builtin && (self.builtin_key_is(name) || self.second_base_is_named(name)) {
            return true;
        }
        self.base.as_ref().is_some_and(|b| b.derives_from(name))
    }

    /// Whether this built-in class is the one `name` names: the classes of
    /// `concurrent.futures` by their module's name (its `CancelledError` is
    /// not asyncio's).
    fn builtin_key_is(&self, name: &str) -> bool {
        match name.strip_prefix("concurrent.futures.") {
            Some(short) => self.module == super::exc::FUTURES_BASE && &*self.name == short,
            None => &*self.name == name && self.module != super::exc::FUTURES_BASE,
        }
    }

    /// `ExceptionGroup` derives from `BaseExceptionGroup` as well as from
    /// its one base here, `Exception`.
    fn second_base_is_named(&self, name: &str) -> bool {
        self.builtin && &*self.name == "ExceptionGroup" && name == "BaseExceptionGroup"
    }

    fn second_base_is(&self, other: &Class) -> bool {
        other.builtin && self.second_base_is_named(&other.name)
    }
}

/// An instance of a class; exceptions are instances too.
pub struct Instance {
    pub class: Rc<Class>,
    /// Its `__dict__`: the very dict `vars(obj)` and `obj.__dict__` give.
    pub attrs: Attrs,
    /// Set for instances of exception classes.
    pub exc: Option<ExcState>,
}

/// An instance's `__dict__`: a dict object of its own, which
/// `obj.__dict__ = d` replaces by `d` itself.
#[derive(Default)]
pub struct Attrs(RefCell<Rc<RefCell<Dict>>>);

impl Attrs {
    /// The dict.
    pub fn dict(&self) -> Rc<RefCell<Dict>> {
        self.0.borrow().clone()
    }

    /// Makes `d` the dict.
    pub fn replace(&self, d: Rc<RefCell<Dict>>) {
        *self.0.borrow_mut() = d;
    }
}

/// A fresh `__dict__` holding `attrs`.
pub fn new_attrs(attrs: impl IntoIterator<Item = (Rc<str>, Value)>) -> Attrs {
    Attrs(RefCell::new(Rc::new(RefCell::new(
        attrs
            .into_iter()
            .map(|(k, v)| (Key(Value::Str(k)), v))
            .collect(),
    ))))
}

impl Instance {
    /// Sets the attribute `name` in its `__dict__`.
    pub fn set_attr(&self, name: Rc<str>, v: Value) {
        self.attrs
            .dict()
            .borrow_mut()
            .insert(Key(Value::Str(name)), v);
    }
}

/// What an exception carries besides its attributes.
#[derive(Default)]
pub struct ExcState {
    pub args: RefCell<Vec<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    /// `__suppress_context__`: `raise ... from ...` sets it.
    pub suppress_context: Cell<bool>,
    /// The frame (its address) whose `except` caught it and recorded the
    /// frame in the traceback, while it is handled there: a bare `raise`
    /// then adds no second entry for that frame, as in CPython.
    pub caught_in: Cell<usize>,
    /// Where it was raised and each frame it passed, innermost first:
    /// (the source range that was running, function).
    pub traceback: RefCell<Vec<(crate::program::Span, Rc<str>)>>,
}

/// How the interpreter's maps hash their keys: foldhash, several times
/// faster than the standard library's SipHash on short keys such as names,
/// and seeded per map, so a program cannot choose keys that collide.
pub type MapHasher = foldhash::fast::RandomState;

/// A module's or class's names.
pub type Namespace = IndexMap<Rc<str>, Value, MapHasher>;

/// A dict: insertion-ordered, keyed by hashable values.
pub type Dict = IndexMap<Key, Value, MapHasher>;
/// A set: CPython's hash table, so it iterates (and prints) in CPython's
/// order.
pub type Set = super::set::PySet;

/// A hashable value used as a dict key or set member.
#[derive(Clone)]
pub struct Key(pub Value);

impl Key {
    /// The key for `v`, or a `TypeError` message if it is unhashable.
    pub fn new(v: Value) -> Result<Key, String> {
        hashable(&v)?;
        Ok(Key(v))
    }
}

/// The value of an `IntEnum`, `IntFlag` or `StrEnum` member, which
/// hashes and compares as that value (its class derives from `int` or
/// `str` first).
pub fn mixed_value(i: &Instance) -> Option<Value> {
    let c = &i.class;
    if i.exc.is_some()
        || !(c.derives_from("IntEnum") || c.derives_from("IntFlag") || c.derives_from("StrEnum"))
    {
        return None;
    }
    i.attrs.dict().borrow().get("value").cloned()
}

/// `Ok` when `v` can be a key; else the message of the `TypeError`.
fn hashable(v: &Value) -> Result<(), String> {
    match v {
        Value::Set(s) if s.borrow().frozen => Ok(()),
        Value::List(_) | Value::Dict(_) | Value::Set(_) => {
            Err(format!("unhashable type: '{}'", v.type_name()))
        }
        Value::Tuple(items) => items.iter().try_for_each(hashable),
        Value::Native(n) if n.unhashable() => Err(format!("unhashable type: '{}'", n.type_name())),
        Value::Instance(i) => match i.class.hashing() {
            ClassHash::Identity => Ok(()),
            ClassHash::Fields => field_values(i).iter().try_for_each(hashable),
            ClassHash::Unhashable => Err(format!("unhashable type: '{}'", i.class.name)),
            ClassHash::User => Err(format!(
                "'{}' defines __hash__, which CPython calls for set members and dict keys; \
                 the engine does not, so its instances cannot be keys here",
                i.class.name
            )),
        },
        _ => Ok(()),
    }
}

/// The values of the fields a dataclass's `__hash__` and `__eq__` use.
pub fn field_values(i: &Instance) -> Vec<Value> {
    let names = i.class.lookup("__dataclass_hash__");
    let Some(Value::Tuple(names)) = names else {
        return Vec::new();
    };
    let dict = i.attrs.dict();
    let attrs = dict.borrow();
    names
        .iter()
        .map(|n| match n {
            Value::Str(n) => attrs.get(&**n).cloned().unwrap_or(Value::None),
            _ => Value::None,
        })
        .collect()
}

/// Whether `a` and `b` are instances of one dataclass that hashes by its
/// fields, with equal fields.
fn fields_eq(a: &Instance, b: &Instance) -> bool {
    Rc::ptr_eq(&a.class, &b.class)
        && a.class.hashing() == ClassHash::Fields
        && seq_eq(&field_values(a), &field_values(b))
}

/// How a class's instances hash.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ClassHash {
    /// By identity, `object.__hash__`.
    Identity,
    /// By the class's own `__hash__`.
    User,
    /// A dataclass's generated `__hash__` (`frozen=True` with `eq`, or
    /// `unsafe_hash=True`): the hash of the tuple of its compared fields,
    /// named by `__dataclass_hash__`, and equal when those fields are.
    Fields,
    /// Not at all: `__hash__` is `None`, set so by the class or, as CPython
    /// does, because the class defines `__eq__` and not `__hash__`.
    Unhashable,
}

impl Class {
    /// How instances hash: the nearest class (this one, then its bases)
    /// that defines `__hash__` or `__eq__` decides.
    pub fn hashing(&self) -> ClassHash {
        {
            let ns = self.namespace.borrow();
            match ns.get("__hash__") {
                Some(Value::None) => return ClassHash::Unhashable,
                Some(_) if ns.contains_key("__dataclass_hash__") => return ClassHash::Fields,
                Some(_) => return ClassHash::User,
                None if ns.contains_key("__eq__") => return ClassHash::Unhashable,
                None => {}
            }
        }
        self.base
            .as_ref()
            .map_or(ClassHash::Identity, |b| b.hashing())
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        py_eq(&self.0, &other.0)
    }
}
impl Eq for Key {}

/// A `str` finds its `Key` without making a `Value`: both hash as the text.
impl indexmap::Equivalent<Key> for str {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.0, Value::Str(s) if &**s == self)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state)
    }
}

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::None => 0u8.hash(state),
        Value::Bool(b) => (*b as i64).hash(state),
        Value::Int(i) => i.hash(state),
        Value::BigInt(b) => b.hash(state),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(state)
            } else {
                f.to_bits().hash(state)
            }
        }
        Value::Str(s) => s.hash(state),
        Value::Bytes(b) => b.hash(state),
        Value::Tuple(items) => {
            items.len().hash(state);
            for i in items.iter() {
                hash_value(i, state);
            }
        }
        Value::Range(a, b, c) => (a, b, c).hash(state),
        Value::Type(t) => t.hash(state),
        Value::Module(m) => m.name().hash(state),
        Value::Builtin(b) => b.hash(state),
        Value::Set(s) => s.borrow().frozen_hash().hash(state),
        Value::Instance(i) if i.class.hashing() == ClassHash::Fields => {
            for v in field_values(i) {
                hash_value(&v, state);
            }
        }
        Value::Instance(i) if let Some(v) = mixed_value(i) => hash_value(&v, state),
        other => identity(other).hash(state),
    }
}

/// The identity of an object, for `is` and hashing by identity.
pub fn identity(v: &Value) -> usize {
    match v {
        Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
        Value::Bytes(s) => Rc::as_ptr(s) as *const u8 as usize,
        Value::BigInt(s) => Rc::as_ptr(s) as usize,
        Value::List(s) => Rc::as_ptr(s) as usize,
        Value::Tuple(s) => Rc::as_ptr(s) as *const u8 as usize,
        Value::Dict(s) => Rc::as_ptr(s) as usize,
        Value::Set(s) => Rc::as_ptr(s) as usize,
        Value::Function(s) => Rc::as_ptr(s) as usize,
        Value::Method(s) => Rc::as_ptr(s) as usize,
        Value::BuiltinMethod(s) => Rc::as_ptr(s) as usize,
        Value::Class(s) => Rc::as_ptr(s) as usize,
        Value::Instance(s) => Rc::as_ptr(s) as usize,
        Value::Iterator(s) => Rc::as_ptr(s) as usize,
        Value::Native(s) => Rc::as_ptr(s) as *const u8 as usize,
        _ => 0,
    }
}

/// Python's `is`.
pub fn is_same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        // Small ints are cached by CPython.
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        (Value::Type(x), Value::Type(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x.is_empty() && y.is_empty()),
        _ => {
            std::mem::discriminant(a) == std::mem::discriminant(b)
                && identity(a) != 0
                && identity(a) == identity(b)
        }
    }
}

/// Python's `==` for the built-in types; instances compare by identity
/// (a user `__eq__` is handled by the interpreter before this).
pub fn py_eq(a: &Value, b: &Value) -> bool {
    super::recursion::nested_compare(false, || eq_level(a, b))
}

fn eq_level(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) => true,
        (Bool(_) | Int(_) | Float(_) | BigInt(_), Bool(_) | Int(_) | Float(_) | BigInt(_)) => {
            super::ops::num_eq(a, b)
        }
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (List(x), List(y)) => Rc::ptr_eq(x, y) || seq_eq(&x.borrow(), &y.borrow()),
        (Tuple(x), Tuple(y)) => seq_eq(x, y),
        (Dict(x), Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        (Set(x), Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().all(|k| y.contains(k))
        }
        (Range(a1, b1, c1), Range(a2, b2, c2)) => (a1, b1, c1) == (a2, b2, c2),
        (Instance(x), Instance(y)) if fields_eq(x, y) => true,
        (Instance(x), _) if let Some(v) = mixed_value(x) => eq_level(&v, b),
        (_, Instance(y)) if let Some(v) = mixed_value(y) => eq_level(a, &v),
        _ => is_same(a, b) || (identity(a) != 0 && identity(a) == identity(b)),
    }
}

fn seq_eq(x: &[Value], y: &[Value]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| py_eq(a, b))
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// Python's name for the value's type.
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Ellipsis => "ellipsis",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(s) if s.borrow().frozen => "frozenset",
            Value::Set(_) => "set",
            Value::Range(..) => "range",
            Value::Function(_) => "function",
            Value::Method(_) => "method",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::BuiltinMethod(_) => "builtin_function_or_method",
            Value::Class(_) | Value::Type(_) => "type",
            Value::Instance(i) => &i.class.name,
            Value::Module(_) => "module",
            Value::Iterator(i) => i.kind,
            Value::Native(n) => n.type_name(),
        }
    }

    /// Python truthiness (instances with `__bool__`/`__len__` are handled by
    /// the interpreter).
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::Range(a, b, c) => range_len(*a, *b, *c) > 0,
            _ => true,
        }
    }

    /// Python's `repr()` for values that need no interpreter (instances
    /// with a `__repr__` are handled by the interpreter).
    pub fn repr(&self) -> String {
        let mut out = String::new();
        write_repr(self, &mut out, 0);
        out
    }

    /// Python's `str()` for values that need no interpreter.
    /// The dict it is: a dict, or an object that is one (a `Counter`).
    pub fn as_plain_dict(&self) -> Option<Rc<RefCell<Dict>>> {
        match self {
            Value::Dict(d) => Some(d.clone()),
            Value::Native(n) => n.as_dict(),
            _ => None,
        }
    }

    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Instance(i) if i.exc.is_some() => exception_str(i),
            other => other.repr(),
        }
    }
}

/// The number of items of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    range_len_wide(start, stop, step).min(i64::MAX as i128) as i64
}

/// The number of items of `range(start, stop, step)`, which may pass
/// `i64::MAX` (`range(-2**63, 1)`).
pub fn range_len_wide(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}
