//! The `functools` module: `partial`, `wraps` and `update_wrapper`,
//! `reduce`, `lru_cache` and `cache`, `cached_property` and
//! `total_ordering`, as CPython 3.11's `Lib/functools.py` behaves.

use crate::engine::py::types::exc::{PyResult, Unwind, error, type_error};
use crate::engine::py::types::native::{Args, Native, downcast};
use crate::engine::py::types::value::{Class, Dict, Key, Value};
use crate::engine::py::vm::descriptor::CachedProperty;
use crate::engine::py::vm::interp::{Frame, Interp};
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const BUILTINS: &[&str] = &[
    "functools.partial",
    "functools.wraps",
    "functools.update_wrapper",
    "functools.reduce",
    "functools.lru_cache",
    "functools.cache",
    "functools.cached_property",
    "functools.total_ordering",
];

/// `functools.name`.
pub fn member(name: &str) -> Option<Value> {
    let full = BUILTINS.iter().find(|b| &b["functools.".len()..] == name)?;
    Some(Value::Builtin(full))
}

/// Calls `functools.name(...)` (`name` is the built-in's whole name).
pub fn call(ix: &Interp, f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let name = name.strip_prefix("functools.").unwrap_or(name);
    match name {
        "partial" => {
            if args.pos.is_empty() {
                return Err(type_error(
                    "partial() missing 1 required positional argument: 'func'",
                ));
            }
            let func = args.pos.remove(0);
            if !crate::engine::py::builtins::is_callable(&func) {
                return Err(type_error("the first argument must be callable"));
            }
            // A partial of a partial flattens, as CPython's does.
            if let Some(inner) = downcast::<Partial>(&func) {
                let mut pos = inner.args.clone();
                pos.extend(args.pos);
                let mut kw = inner.kw.clone();
                for (k, v) in args.kw {
                    kw.retain(|(x, _)| *x != k);
                    kw.push((k, v));
                }
                return Ok(Partial::value(inner.func.clone(), pos, kw));
            }
            Ok(Partial::value(func, args.pos, args.kw))
        }
        "wraps" => {
            let wrapped = args.pos.pop().ok_or_else(|| {
                type_error("wraps() missing 1 required positional argument: 'wrapped'")
            })?;
            Ok(Value::Native(Rc::new(Wraps { wrapped })))
        }
        "update_wrapper" => {
            let [wrapper, wrapped] = <[Value; 2]>::try_from(args.pos).map_err(|_| {
                type_error("update_wrapper() takes 2 positional arguments: 'wrapper' and 'wrapped'")
            })?;
            update_wrapper(ix, f, &wrapper, &wrapped)?;
            Ok(wrapper)
        }
        "reduce" => reduce(ix, f, args),
        "lru_cache" => {
            let maxsize = args
                .take_kw("maxsize")
                .or_else(|| (!args.pos.is_empty()).then(|| args.pos.remove(0)));
            args.take_kw("typed");
            match maxsize {
                // `@lru_cache` without parentheses.
                Some(func) if crate::engine::py::builtins::is_callable(&func) => {
                    LruCache::value(ix, f, func, Some(128))
                }
                Some(Value::None) => Ok(Value::Native(Rc::new(LruFactory(None)))),
                Some(Value::Int(n)) => {
                    Ok(Value::Native(Rc::new(LruFactory(Some(n.max(0) as usize)))))
                }
                None => Ok(Value::Native(Rc::new(LruFactory(Some(128))))),
                Some(_) => Err(type_error(
                    "Expected first argument to be an integer, a callable, or None",
                )),
            }
        }
        "cache" => {
            let func = one(args, "cache")?;
            LruCache::value(ix, f, func, None)
        }
        "cached_property" => {
            let func = one(args, "cached_property")?;
            Ok(Value::Native(Rc::new(CachedProperty {
                func,
                name: RefCell::new(None),
            })))
        }
        "total_ordering" => {
            let cls = one(args, "total_ordering")?;
            total_ordering(&cls)?;
            Ok(cls)
        }
        _ => Err(error(
            "AttributeError",
            format!("module 'functools' has no attribute '{name}'"),
        )),
    }
}

fn one(args: Args, fname: &str) -> PyResult<Value> {
    let [v] = <[Value; 1]>::try_from(args.pos).map_err(|a| {
        type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.len()
        ))
    })?;
    Ok(v)
}

/// `functools.partial(func, *args, **kwargs)`.
pub struct Partial {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(Rc<str>, Value)>,
}

impl Partial {
    /// The function it calls.
    pub fn func(&self) -> &Value {
        &self.func
    }

    /// The arguments it adds: positional, then keyword.
    pub fn bound(&self) -> (&[Value], &[(Rc<str>, Value)]) {
        (&self.args, &self.kw)
    }

    fn value(func: Value, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> Value {
        Value::Native(Rc::new(Partial { func, args, kw }))
    }
}

impl Native for Partial {
    fn type_name(&self) -> &str {
        "functools.partial"
    }

    fn repr(&self) -> String {
        let mut parts = vec![self.func.repr()];
        parts.extend(self.args.iter().map(Value::repr));
        parts.extend(self.kw.iter().map(|(k, v)| format!("{k}={}", v.repr())));
        format!("functools.partial({})", parts.join(", "))
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "func" => Some(self.func.clone()),
            "args" => Some(Value::tuple(self.args.clone())),
            "keywords" => Some(kw_dict(&self.kw)),
            _ => None,
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let mut pos = self.args.clone();
        pos.extend(args.pos);
        let mut kw = self.kw.clone();
        for (k, v) in args.kw {
            kw.retain(|(x, _)| *x != k);
            kw.push((k, v));
        }
        Some(ix.call(cx, &self.func, Args { pos, kw }))
    }
}

fn kw_dict(kw: &[(Rc<str>, Value)]) -> Value {
    let dict: Dict = kw
        .iter()
        .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
        .collect();
    Value::Dict(Rc::new(RefCell::new(dict)))
}

/// The decorator `functools.wraps(wrapped)` returns.
struct Wraps {
    wrapped: Value,
}

impl Native for Wraps {
    fn type_name(&self) -> &str {
        "functools.partial"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let wrapper = match one(args, "wraps") {
            Ok(w) => w,
            Err(e) => return Some(Err(e)),
        };
        Some(update_wrapper(ix, cx, &wrapper, &self.wrapped).map(|_| wrapper))
    }
}

/// `update_wrapper`: copies `__module__`, `__name__`, `__qualname__`,
/// `__doc__` and `__dict__` of `wrapped` onto `wrapper` and sets
/// `__wrapped__`.
fn update_wrapper(ix: &Interp, f: &Frame, wrapper: &Value, wrapped: &Value) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        match ix.getattr(f, wrapped, name) {
            Ok(v) => set(ix, f, wrapper, name, v)?,
            Err(Unwind::Exc(e))
                if crate::engine::py::types::exc::is_instance_of(&e, "AttributeError") => {}
            Err(e) => return Err(e),
        }
    }
    if let Value::Function(src) = wrapped {
        let attrs: Vec<(Rc<str>, Value)> = src
            .attrs
            .borrow()
            .iter()
            .filter(|(k, _)| !k.starts_with("__"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in attrs {
            set(ix, f, wrapper, &k, v)?;
        }
    }
    set(ix, f, wrapper, "__wrapped__", wrapped.clone())
}

/// Sets an attribute where the wrapper can take one (functions,
/// instances, classes); other wrappers keep theirs, as CPython ignores
/// the attributes a wrapper cannot take.
fn set(ix: &Interp, f: &Frame, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Function(_) | Value::Instance(_) | Value::Class(_) => ix.setattr(f, obj, name, v),
        Value::Native(n) => {
            if let Some(c) = downcast::<LruCache>(obj) {
                c.attrs.borrow_mut().insert(Rc::from(name), v);
            }
            let _ = n;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `reduce(function, iterable[, initial])`.
fn reduce(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    let (Some(func), Some(iterable)) = (pos.next(), pos.next()) else {
        return Err(type_error("reduce expected at least 2 arguments"));
    };
    let mut acc = pos.next();
    for item in ix.iterate(f, &iterable)? {
        ix.step()?;
        acc = Some(match acc {
            None => item,
            Some(a) => ix.call(f, &func, Args::positional(vec![a, item]))?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

/// `lru_cache(maxsize)`: the decorator it returns.
struct LruFactory(Option<usize>);

impl Native for LruFactory {
    fn type_name(&self) -> &str {
        "function"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        Some(
            one(args, "decorating_function").and_then(|func| LruCache::value(ix, cx, func, self.0)),
        )
    }
}

/// A function wrapped by `lru_cache` or `cache`: results by arguments,
/// the least recently used dropped past `maxsize`.
pub struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    entries: RefCell<IndexMap<Key, Value>>,
    hits: Cell<u64>,
    misses: Cell<u64>,
    /// What `update_wrapper` copied from the function.
    attrs: RefCell<IndexMap<Rc<str>, Value>>,
}

impl LruCache {
    fn value(ix: &Interp, f: &Frame, func: Value, maxsize: Option<usize>) -> PyResult<Value> {
        if !crate::engine::py::builtins::is_callable(&func) {
            return Err(type_error(
                "Expected first argument to be an integer, a callable, or None",
            ));
        }
        let cache = Value::Native(Rc::new(LruCache {
            func: func.clone(),
            maxsize,
            entries: RefCell::new(IndexMap::default()),
            hits: Cell::new(0),
            misses: Cell::new(0),
            attrs: RefCell::new(IndexMap::default()),
        }));
        update_wrapper(ix, f, &cache, &func)?;
        Ok(cache)
    }

    /// `_make_key`: the positional arguments, then a marker and the
    /// keyword arguments.
    fn key(args: &Args) -> PyResult<Key> {
        let mut parts = args.pos.clone();
        if !args.kw.is_empty() {
            parts.push(Value::Builtin("functools._kwd_mark"));
            for (k, v) in &args.kw {
                parts.push(Value::Str(k.clone()));
                parts.push(v.clone());
            }
        }
        Key::new(Value::tuple(parts)).map_err(type_error)
    }
}

impl Native for LruCache {
    fn type_name(&self) -> &str {
        "functools._lru_cache_wrapper"
    }

    fn repr(&self) -> String {
        "<functools._lru_cache_wrapper object>".into()
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        self.attrs.borrow().get(name).cloned()
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "cache_info" | "cache_clear")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        match name {
            "cache_info" => Some(Ok(Value::Native(Rc::new(CacheInfo {
                hits: self.hits.get(),
                misses: self.misses.get(),
                maxsize: self.maxsize,
                currsize: self.entries.borrow().len(),
            })))),
            "cache_clear" => {
                self.entries.borrow_mut().clear();
                self.hits.set(0);
                self.misses.set(0);
                Some(Ok(Value::None))
            }
            _ => None,
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let key = match LruCache::key(&args) {
            Ok(k) => k,
            Err(e) => return Some(Err(e)),
        };
        if self.maxsize == Some(0) {
            self.misses.set(self.misses.get() + 1);
            return Some(ix.call(cx, &self.func, args));
        }
        let hit = {
            let mut entries = self.entries.borrow_mut();
            entries.shift_remove(&key).inspect(|v| {
                entries.insert(key.clone(), v.clone());
            })
        };
        if let Some(v) = hit {
            self.hits.set(self.hits.get() + 1);
            return Some(Ok(v));
        }
        self.misses.set(self.misses.get() + 1);
        let result = match ix.call(cx, &self.func, args) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        let mut entries = self.entries.borrow_mut();
        entries.insert(key, result.clone());
        if let Some(max) = self.maxsize
            && entries.len() > max
        {
            entries.shift_remove_index(0);
        }
        Some(Ok(result))
    }
}

/// `cache_info()`: a named tuple `CacheInfo(hits, misses, maxsize, currsize)`.
struct CacheInfo {
    hits: u64,
    misses: u64,
    maxsize: Option<usize>,
    currsize: usize,
}

impl Native for CacheInfo {
    fn type_name(&self) -> &str {
        "CacheInfo"
    }

    fn repr(&self) -> String {
        let max = self.maxsize.map_or("None".to_string(), |m| m.to_string());
        format!(
            "CacheInfo(hits={}, misses={}, maxsize={max}, currsize={})",
            self.hits, self.misses, self.currsize
        )
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        Some(match name {
            "hits" => Value::Int(self.hits as i64),
            "misses" => Value::Int(self.misses as i64),
            "maxsize" => self.maxsize.map_or(Value::None, |m| Value::Int(m as i64)),
            "currsize" => Value::Int(self.currsize as i64),
            _ => return None,
        })
    }
}

/// The orderings `total_ordering` fills in: for each root a class may
/// define, the others and how each is computed from the root.
const ORDERINGS: &[&str] = &["__lt__", "__le__", "__gt__", "__ge__"];

/// `total_ordering(cls)`: adds the comparisons the class lacks, computed
/// from the one it defines (the greatest name of those it defines).
fn total_ordering(cls: &Value) -> PyResult<()> {
    let Value::Class(c) = cls else {
        return Err(error(
            "ValueError",
            "must define at least one ordering operation: < > <= >=",
        ));
    };
    let roots: Vec<&'static str> = ORDERINGS
        .iter()
        .copied()
        .filter(|op| defines(c, op))
        .collect();
    let Some(root) = roots.iter().copied().max() else {
        return Err(error(
            "ValueError",
            "must define at least one ordering operation: < > <= >=",
        ));
    };
    for op in ORDERINGS {
        if !roots.contains(op) {
            c.namespace
                .borrow_mut()
                .insert(Rc::from(*op), Value::Native(Rc::new(Derived { root, op })));
        }
    }
    Ok(())
}

/// Whether the class (or a user base) defines `op` itself.
fn defines(c: &Class, op: &str) -> bool {
    c.lookup(op).is_some()
}

/// A comparison `total_ordering` derived from the class's root one.
struct Derived {
    root: &'static str,
    op: &'static str,
}

impl Native for Derived {
    fn type_name(&self) -> &str {
        "function"
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn binds(&self) -> bool {
        true
    }

    fn call(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame, args: Args) -> Option<PyResult<Value>> {
        let [a, b] = <[Value; 2]>::try_from(args.pos).ok()?;
        Some(self.compare(ix, cx, a, b))
    }
}

impl Derived {
    /// CPython's `_gt_from_lt` and friends.
    fn compare(&self, ix: &Interp, f: &Frame, a: Value, b: Value) -> PyResult<Value> {
        let root = match &a {
            Value::Instance(i) => i.class.lookup(self.root),
            _ => None,
        }
        .ok_or_else(|| type_error(format!("'{}' has no {}", a.type_name(), self.root)))?;
        let r = ix.call(f, &root, Args::positional(vec![a.clone(), b.clone()]))?;
        if matches!(r, Value::Builtin("NotImplemented")) {
            return Ok(r);
        }
        let r = ix.truthy(f, &r)?;
        let eq = |ix: &Interp| ix.eq(f, &a, &b);
        let out = match (self.root, self.op) {
            // From `<`.
            ("__lt__", "__gt__") => !r && !eq(ix)?,
            ("__lt__", "__le__") => r || eq(ix)?,
            ("__lt__", "__ge__") => !r,
            // From `<=`.
            ("__le__", "__ge__") => !r || eq(ix)?,
            ("__le__", "__lt__") => r && !eq(ix)?,
            ("__le__", "__gt__") => !r,
            // From `>`.
            ("__gt__", "__lt__") => !r && !eq(ix)?,
            ("__gt__", "__ge__") => r || eq(ix)?,
            ("__gt__", "__le__") => !r,
            // From `>=`.
            ("__ge__", "__le__") => !r || eq(ix)?,
            ("__ge__", "__gt__") => r && !eq(ix)?,
            ("__ge__", "__lt__") => !r,
            _ => unreachable!("an ordering is derived from another"),
        };
        Ok(Value::Bool(out))
    }
}
