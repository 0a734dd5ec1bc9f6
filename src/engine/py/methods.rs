//! Methods of the built-in types (`str`, `bytes`, `list`, `tuple`, `dict`,
//! `set`, `int`, `float`) with CPython 3.11's results and error messages,
//! and the dict views (`dict_keys`, `dict_values`, `dict_items`).

use super::builtins::{
    bind, check_items, exactly_one, index, index_clamped, is_space, key, no_args, no_kw,
    not_integer, positional_kw, raise, sort_options, sort_values, text_arg, tuple_args,
    update_from_pairs,
};
use super::callbacks::Callbacks;
use super::exc::{self, PyResult, Unwind, error, type_error, value_error};
use super::format;
use super::native::{Args, Native};
use super::value::{Dict, Key, Set, Value, is_same};
use std::cell::RefCell;
use std::rc::Rc;

const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

const BYTES_METHODS: &[&str] = &[
    "count",
    "decode",
    "endswith",
    "find",
    "hex",
    "join",
    "lower",
    "lstrip",
    "replace",
    "rstrip",
    "split",
    "startswith",
    "strip",
    "upper",
];

const LIST_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

const TUPLE_METHODS: &[&str] = &["count", "index"];

const DICT_METHODS: &[&str] = &[
    "clear",
    "copy",
    "get",
    "items",
    "keys",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "values",
];

const SET_METHODS: &[&str] = &[
    "add",
    "clear",
    "copy",
    "difference",
    "difference_update",
    "discard",
    "intersection",
    "intersection_update",
    "isdisjoint",
    "issubset",
    "issuperset",
    "pop",
    "remove",
    "symmetric_difference",
    "symmetric_difference_update",
    "union",
    "update",
];

/// The methods of the type of `recv` this module implements.
fn methods_of(recv: &Value) -> &'static [&'static str] {
    match recv {
        Value::Str(_) => STR_METHODS,
        Value::Bytes(_) => BYTES_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(s) if s.borrow().frozen => super::set::FROZENSET_METHODS,
        Value::Set(_) => SET_METHODS,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => &["bit_count", "bit_length"],
        Value::Float(_) => &["is_integer"],
        Value::Type("dict") => &["fromkeys"],
        _ => &[],
    }
}

/// A value of the built-in type `name`, standing for its methods.
fn sample(type_name: &str) -> Option<Value> {
    Some(match type_name {
        "str" => Value::str(""),
        "bytes" => Value::Bytes(Rc::from(&b""[..])),
        "list" => Value::list(Vec::new()),
        "tuple" => Value::tuple(Vec::new()),
        "dict" => Value::Dict(Rc::default()),
        "set" => Value::Set(Rc::default()),
        "int" => Value::Int(0),
        "float" => Value::Float(0.0),
        _ => return None,
    })
}

/// Whether the built-in type of `recv` has this method; for a type
/// (`Value::Type("str")`), whether it has the method unbound (`str.lower`).
pub fn has_method(recv: &Value, name: &str) -> bool {
    if methods_of(recv).contains(&name) {
        return true;
    }
    match recv {
        Value::Type(t) => sample(t).is_some_and(|s| methods_of(&s).contains(&name)),
        _ => false,
    }
}

/// `str.lower(s)`: an unbound method called with its receiver first.
fn call_unbound(
    cx: &dyn Callbacks,
    type_name: &str,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "unbound method {type_name}.{name}() needs an argument"
        )));
    }
    let recv = args.pos.remove(0);
    let fits =
        recv.type_name() == type_name || (type_name == "int" && matches!(recv, Value::Bool(_)));
    if !fits {
        return Err(type_error(format!(
            "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{}' object",
            recv.type_name()
        )));
    }
    call_method(cx, &recv, name, args).unwrap_or_else(|| {
        Err(error(
            "AttributeError",
            format!("'{type_name}' object has no attribute '{name}'"),
        ))
    })
}

/// Calls `recv.name(*args)`; `None` if the type has no such method (the
/// interpreter then raises `AttributeError`).
pub fn call_method(
    cx: &dyn Callbacks,
    recv: &Value,
    name: &str,
    args: Args,
) -> Option<PyResult<Value>> {
    if !has_method(recv, name) {
        return None;
    }
    if let Value::Type(t) = recv
        && !methods_of(recv).contains(&name)
    {
        return Some(call_unbound(cx, t, name, args));
    }
    Some(match recv {
        Value::Str(s) => str_method(cx, s, name, args),
        Value::Bytes(b) => bytes_method(cx, b, name, args),
        Value::List(l) => list_method(cx, l, name, args),
        Value::Tuple(t) => tuple_method(cx, t, name, args),
        Value::Dict(d) => dict_method(cx, d, name, args),
        Value::Set(s) => {
            set_method(cx, s, name, args).map(|v| super::set::keep_frozen(&s.borrow(), v))
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_method(recv, name, args),
        Value::Float(f) => no_args(&args, "float.is_integer")
            .map(|_| Value::Bool(f.is_finite() && f.fract() == 0.0)),
        Value::Type(_) => dict_fromkeys(cx, args),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Dict views.

/// Which view of a dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of the dict.
pub struct DictView {
    pub dict: Rc<RefCell<Dict>>,
    pub kind: ViewKind,
}

impl DictView {
    /// The view's items now: keys, values or `(key, value)` tuples.
    pub fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => d.keys().map(|k| k.0.clone()).collect(),
            ViewKind::Values => d.values().cloned().collect(),
            ViewKind::Items => d
                .iter()
                .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.dict.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `x in view` (values compare with `==` of the built-in types).
    pub fn contains(&self, x: &Value) -> bool {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => Key::new(x.clone()).is_ok_and(|k| d.contains_key(&k)),
            ViewKind::Values => d.values().any(|v| super::value::py_eq(v, x)),
            ViewKind::Items => match x {
                Value::Tuple(t) if t.len() == 2 => Key::new(t[0].clone())
                    .ok()
                    .and_then(|k| d.get(&k))
                    .is_some_and(|v| super::value::py_eq(v, &t[1])),
                _ => false,
            },
        }
    }

    /// `repr()` with the items' `repr` through the interpreter.
    pub fn repr_with(&self, cx: &dyn Callbacks) -> PyResult<String> {
        Ok(format!(
            "{}({})",
            self.type_name(),
            cx.repr(&Value::list(self.items()))?
        ))
    }
}

impl Native for DictView {
    fn type_name(&self) -> &str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    fn repr(&self) -> String {
        format!("{}({})", self.type_name(), Value::list(self.items()).repr())
    }

    fn items(&self) -> Option<Vec<Value>> {
        Some(DictView::items(self))
    }
}

fn view(v: &Value) -> Option<Rc<DictView>> {
    super::native::downcast::<DictView>(v)
}

/// The items of a native value this module made (a dict view), for the
/// interpreter's iteration; `None` for anything else.
pub fn iter_native(v: &Value) -> Option<Vec<Value>> {
    view(v).map(|view| view.items())
}

/// `len()` of a native value this module made.
pub fn native_len(v: &Value) -> Option<usize> {
    view(v).map(|view| view.len())
}

/// The type name of `iter(view)`.
pub fn view_iterator_kind(v: &Value) -> Option<&'static str> {
    view(v).map(|view| match view.kind {
        ViewKind::Keys => "dict_keyiterator",
        ViewKind::Values => "dict_valueiterator",
        ViewKind::Items => "dict_itemiterator",
    })
}

/// The type name of `reversed(view)`.
pub fn reversed_view_kind(v: &Value) -> Option<&'static str> {
    view(v).map(|view| match view.kind {
        ViewKind::Keys => "dict_reversekeyiterator",
        ViewKind::Values => "dict_reversevalueiterator",
        ViewKind::Items => "dict_reverseitemiterator",
    })
}

// ---------------------------------------------------------------------------
// Shared helpers.

/// A `start`/`end` slice argument: `None`, an int, or `TypeError`.
fn slice_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => index_clamped(v).map(Some),
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `ADJUST_INDICES`: `end` clamped to `len`, negatives counted
/// from the end; `start` may stay above `end` (or `len`).
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let fix = |i: i64| {
        if i < 0 {
            (i.saturating_add(len)).max(0)
        } else {
            i
        }
    };
    let end = fix(end.unwrap_or(len)).min(len);
    let start = fix(start.unwrap_or(0));
    (start, end)
}

/// Python slice semantics for list/tuple `index(x, start, stop)`.
fn seq_bounds(len: usize, start: Option<&Value>, stop: Option<&Value>) -> PyResult<(usize, usize)> {
    let get = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                index_clamped(v).map(Some)
            }
            Some(_) => Err(type_error(
                "slice indices must be integers or have an __index__ method",
            )),
        }
    };
    let (s, e) = adjust(len, get(start)?, get(stop)?);
    Ok((s.min(len as i64) as usize, e.max(0) as usize))
}

fn str_arg(v: &Value, message: impl FnOnce(&str) -> String) -> PyResult<&str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(message(other.type_name()))),
    }
}

fn new_set(s: Set) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// A `KeyError` carrying the key itself.
fn key_error(k: Value) -> Unwind {
    Unwind::Exc(exc::instance(
        exc::class("KeyError").expect("KeyError exists"),
        vec![k],
    ))
}

// ---------------------------------------------------------------------------
// str.

fn str_method(cx: &dyn Callbacks, s: &Rc<str>, name: &str, args: Args) -> PyResult<Value> {
    let qual = format!("str.{name}");
    let text = |t: String| Ok(Value::str(&t));
    match name {
        "upper" => {
            no_args(&args, &qual)?;
            text(s.to_uppercase())
        }
        "lower" => {
            no_args(&args, &qual)?;
            text(s.to_lowercase())
        }
        "casefold" => {
            no_args(&args, &qual)?;
            text(
                s.chars()
                    .map(|c| {
                        if c == 'ß' {
                            "ss".to_string()
                        } else {
                            c.to_lowercase().collect()
                        }
                    })
                    .collect(),
            )
        }
        "swapcase" => {
            no_args(&args, &qual)?;
            text(
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<String>()
                        } else if c.is_lowercase() {
                            c.to_uppercase().collect()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect(),
            )
        }
        "title" => {
            no_args(&args, &qual)?;
            let mut out = String::with_capacity(s.len());
            let mut prev_cased = false;
            for c in s.chars() {
                if prev_cased {
                    out.extend(c.to_lowercase());
                } else {
                    out.extend(c.to_uppercase());
                }
                prev_cased = is_cased(c);
            }
            text(out)
        }
        "capitalize" => {
            no_args(&args, &qual)?;
            let mut chars = s.chars();
            let mut out = String::with_capacity(s.len());
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
            }
            for c in chars {
                out.extend(c.to_lowercase());
            }
            text(out)
        }
        "strip" | "lstrip" | "rstrip" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let chars: Option<Vec<char>> = match args.pos.first() {
                None | Some(Value::None) => None,
                Some(Value::Str(c)) => Some(c.chars().collect()),
                Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
            };
            let matches = |c: char| match &chars {
                None => is_space(c),
                Some(set) => set.contains(&c),
            };
            let out = match name {
                "strip" => s.trim_matches(matches),
                "lstrip" => s.trim_start_matches(matches),
                _ => s.trim_end_matches(matches),
            };
            text(out.to_string())
        }
        "split" | "rsplit" => {
            let bound = bind(args, name, &["sep", "maxsplit"])?;
            let sep = match &bound[0] {
                None | Some(Value::None) => None,
                Some(Value::Str(sep)) => Some(sep.clone()),
                Some(other) => {
                    return Err(type_error(format!(
                        "must be str or None, not {}",
                        other.type_name()
                    )));
                }
            };
            let maxsplit = match &bound[1] {
                None => -1,
                Some(v) => index(v)?,
            };
            let parts = match sep {
                None if name == "split" => split_whitespace(s, maxsplit, is_space),
                None => rsplit_whitespace(s, maxsplit, is_space),
                Some(sep) => {
                    if sep.is_empty() {
                        return Err(value_error("empty separator"));
                    }
                    let parts: Vec<&str> = match (name, maxsplit) {
                        ("split", n) if n < 0 => s.split(&*sep).collect(),
                        ("split", n) => s.splitn(n.saturating_add(1) as usize, &*sep).collect(),
                        (_, n) if n < 0 => {
                            let mut p: Vec<&str> = s.rsplit(&*sep).collect();
                            p.reverse();
                            p
                        }
                        (_, n) => {
                            let mut p: Vec<&str> =
                                s.rsplitn(n.saturating_add(1) as usize, &*sep).collect();
                            p.reverse();
                            p
                        }
                    };
                    parts
                }
            };
            Ok(Value::list(parts.into_iter().map(Value::str).collect()))
        }
        "splitlines" => {
            let bound = bind(args, name, &["keepends"])?;
            let keepends = match &bound[0] {
                None => false,
                Some(v) => cx.truthy(v)?,
            };
            Ok(Value::list(
                splitlines(s, keepends)
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            ))
        }
        "join" => {
            let iterable = exactly_one(args, &qual)?;
            if matches!(
                iterable,
                Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)
            ) {
                return Err(type_error("can only join an iterable"));
            }
            let items = cx.iterate(&iterable)?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                let Value::Str(part) = item else {
                    return Err(type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        item.type_name()
                    )));
                };
                if i > 0 {
                    out.push_str(s);
                }
                out.push_str(part);
            }
            text(out)
        }
        "replace" => {
            positional_kw(&args, name, &qual, 2, 3)?;
            let old = str_arg(&args.pos[0], |t| {
                format!("replace() argument 1 must be str, not {t}")
            })?;
            let new = str_arg(&args.pos[1], |t| {
                format!("replace() argument 2 must be str, not {t}")
            })?;
            let count = match args.pos.get(2) {
                Some(v) => index(v)?,
                None => -1,
            };
            if count < 0 {
                text(s.replace(old, new))
            } else {
                text(s.replacen(old, new, count as usize))
            }
        }
        "startswith" | "endswith" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust(
                chars.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let candidates: Vec<&str> = match &args.pos[0] {
                Value::Str(p) => vec![p],
                Value::Tuple(t) => {
                    let mut v = Vec::with_capacity(t.len());
                    for item in t.iter() {
                        v.push(str_arg(item, |t| {
                            format!("tuple for {name} must only contain str, not {t}")
                        })?);
                    }
                    v
                }
                other => {
                    return Err(type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {}",
                        other.type_name()
                    )));
                }
            };
            let found = candidates.iter().any(|p| {
                let plen = p.chars().count() as i64;
                if end - plen < start {
                    return false;
                }
                let window: String = if name == "startswith" {
                    chars[start as usize..(start + plen) as usize]
                        .iter()
                        .collect()
                } else {
                    chars[(end - plen) as usize..end as usize].iter().collect()
                };
                window == *p
            });
            Ok(Value::Bool(found))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let sub = str_arg(&args.pos[0], |t| format!("must be str, not {t}"))?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust(
                chars.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let sub_len = sub.chars().count() as i64;
            if name == "count" {
                if end - start < sub_len || start > chars.len() as i64 {
                    return Ok(Value::Int(0));
                }
                if sub.is_empty() {
                    return Ok(Value::Int(end - start + 1));
                }
                let window: String = chars[start as usize..end as usize].iter().collect();
                return Ok(Value::Int(window.matches(sub).count() as i64));
            }
            let found = if end - start < sub_len || start > chars.len() as i64 {
                None
            } else {
                let window: String = chars[start as usize..end as usize].iter().collect();
                let at = if name.starts_with('r') {
                    window.rfind(sub)
                } else {
                    window.find(sub)
                };
                at.map(|b| start + window[..b].chars().count() as i64)
            };
            match (found, name) {
                (Some(i), _) => Ok(Value::Int(i)),
                (None, "find" | "rfind") => Ok(Value::Int(-1)),
                (None, _) => Err(value_error("substring not found")),
            }
        }
        "format" => text(str_format(cx, s, &args)?),
        "zfill" => {
            positional_kw(&args, name, &qual, 1, 1)?;
            let width = index(&args.pos[0])?;
            let len = s.chars().count() as i64;
            if len >= width {
                return text(s.to_string());
            }
            let fill = (width - len) as usize;
            check_items(fill)?;
            let (sign, rest) = match s.chars().next() {
                Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                _ => (String::new(), &s[..]),
            };
            text(format!("{sign}{}{rest}", "0".repeat(fill)))
        }
        "center" | "ljust" | "rjust" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let width = index(&args.pos[0])?;
            let fill = match args.pos.get(1) {
                None => ' ',
                Some(Value::Str(f)) => {
                    let mut it = f.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => {
                            return Err(type_error(
                                "The fill character must be exactly one character long",
                            ));
                        }
                    }
                }
                Some(other) => {
                    return Err(type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        other.type_name()
                    )));
                }
            };
            let len = s.chars().count() as i64;
            if len >= width {
                return text(s.to_string());
            }
            let marg = width - len;
            check_items(marg as usize)?;
            let left = match name {
                "center" => marg / 2 + (marg & width & 1),
                "ljust" => 0,
                _ => marg,
            };
            let pad = |n: i64| std::iter::repeat_n(fill, n as usize).collect::<String>();
            text(format!("{}{s}{}", pad(left), pad(marg - left)))
        }
        "expandtabs" => {
            let bound = bind(args, name, &["tabsize"])?;
            let tabsize = match &bound[0] {
                None => 8,
                Some(v) => index(v)?,
            };
            let mut out = String::with_capacity(s.len());
            let mut col: i64 = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        if tabsize > 0 {
                            let n = tabsize - col % tabsize;
                            check_items(out.len() + n as usize)?;
                            out.extend(std::iter::repeat_n(' ', n as usize));
                            col += n;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            text(out)
        }
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "isnumeric"
        | "isdecimal" | "isidentifier" | "isascii" | "istitle" => {
            no_args(&args, &qual)?;
            Ok(Value::Bool(str_predicate(s, name)))
        }
        "partition" | "rpartition" => {
            let sep = exactly_one(args, &qual)?;
            let sep = str_arg(&sep, |t| format!("must be str, not {t}"))?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let at = if name == "partition" {
                s.find(sep)
            } else {
                s.rfind(sep)
            };
            let parts = match at {
                Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
                None if name == "partition" => [&s[..], "", ""],
                None => ["", "", &s[..]],
            };
            Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
        }
        "removeprefix" | "removesuffix" => {
            let arg = exactly_one(args, &qual)?;
            let affix = str_arg(&arg, |t| format!("{name}() argument must be str, not {t}"))?;
            let out = if name == "removeprefix" {
                s.strip_prefix(affix)
            } else {
                s.strip_suffix(affix)
            };
            text(out.unwrap_or(s).to_string())
        }
        "encode" => {
            let bound = bind(args, name, &["encoding", "errors"])?;
            let encoding = text_arg(bound[0].as_ref(), "encode", "encoding", "utf-8")?;
            let errors = text_arg(bound[1].as_ref(), "encode", "errors", "strict")?;
            encode(s, &encoding, &errors).map(|b| Value::Bytes(Rc::from(b)))
        }
        _ => Err(error(
            "AttributeError",
            format!("'str' object has no attribute '{name}'"),
        )),
    }
}

/// Whether the character has case (Unicode categories Lu, Ll, Lt).
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// `str.isdecimal` of one character: ASCII digits and the decimal digits
/// of the common scripts.
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c as u32,
            0x0660..=0x0669 | 0x06F0..=0x06F9 | 0x07C0..=0x07C9 | 0x0966..=0x096F | 0x09E6..=0x09EF
            | 0x0A66..=0x0A6F | 0x0AE6..=0x0AEF | 0x0B66..=0x0B6F | 0x0BE6..=0x0BEF | 0x0C66..=0x0C6F
            | 0x0CE6..=0x0CEF | 0x0D66..=0x0D6F | 0x0E50..=0x0E59 | 0x0ED0..=0x0ED9 | 0x0F20..=0x0F29
            | 0x1040..=0x1049 | 0x17E0..=0x17E9 | 0x1810..=0x1819 | 0xFF10..=0xFF19)
}

/// `str.isdigit` of one character: decimals, superscripts, circled digits.
fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32, 0x00B2 | 0x00B3 | 0x00B9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24F5..=0x24FD | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792)
}

fn str_predicate(s: &str, name: &str) -> bool {
    let all = |f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    match name {
        "isdigit" => all(is_digit),
        "isdecimal" => all(is_decimal),
        "isnumeric" => all(|c| c.is_numeric()),
        "isalpha" => all(|c| c.is_alphabetic()),
        "isalnum" => all(|c| c.is_alphabetic() || c.is_numeric()),
        "isspace" => all(is_space),
        "isascii" => s.is_ascii(),
        "isupper" => s.chars().any(is_cased) && !s.chars().any(|c| c.is_lowercase()),
        "islower" => s.chars().any(is_cased) && !s.chars().any(|c| c.is_uppercase()),
        "istitle" => {
            let (mut cased, mut prev_cased) = (false, false);
            for c in s.chars() {
                if c.is_uppercase() {
                    if prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else if c.is_lowercase() {
                    if !prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else {
                    prev_cased = false;
                }
            }
            cased
        }
        "isidentifier" => {
            let mut chars = s.chars();
            match chars.next() {
                Some(c) if c == '_' || c.is_alphabetic() => {
                    chars.all(|c| c == '_' || c.is_alphanumeric())
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// `str.split()` with no separator: runs of whitespace split, and the
/// remainder after `maxsplit` splits keeps its trailing whitespace.
fn split_whitespace(s: &str, maxsplit: i64, space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(space);
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        let end = rest.find(space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(space);
        left -= 1;
    }
    out
}

/// `str.rsplit()` with no separator.
fn rsplit_whitespace(s: &str, maxsplit: i64, space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(space);
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        let start = rest.rfind(space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(space);
        left -= 1;
    }
    out.reverse();
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|(_, n)| *n == '\n') {
            it.next();
            end += 1;
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

// ---------------------------------------------------------------------------
// Encodings.

enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

fn codec(encoding: &str) -> PyResult<Codec> {
    let norm = encoding.to_ascii_lowercase().replace(['-', ' '], "_");
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            Ok(Codec::Latin1)
        }
        _ => Err(error(
            "LookupError",
            format!("unknown encoding: {encoding}"),
        )),
    }
}

fn unknown_handler(errors: &str) -> Unwind {
    error(
        "LookupError",
        format!("unknown error handler name '{errors}'"),
    )
}

fn char_escape(c: char) -> String {
    let code = c as u32;
    if code < 0x100 {
        format!("\\x{code:02x}")
    } else if code < 0x10000 {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let (limit, name) = match codec(encoding)? {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => (0x80u32, "ascii"),
        Codec::Latin1 => (0x100u32, "latin-1"),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" => {
                let what = if j - i == 1 {
                    format!("character '{}' in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                return Err(raise(
                    "UnicodeEncodeError",
                    format!("'{name}' codec can't encode {what}: ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for c in &chars[i..j] {
                    out.extend(char_escape(*c).bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = j;
    }
    Ok(out)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match codec(encoding)? {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(raise(
                            "UnicodeDecodeError",
                            format!(
                                "'ascii' codec can't decode byte 0x{x:02x} in position {i}: ordinal not in range(128)"
                            ),
                        ));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                    _ => return Err(unknown_handler(errors)),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            for chunk in b.utf8_chunks() {
                out.push_str(chunk.valid());
                pos += chunk.valid().len();
                let bad = chunk.invalid();
                if bad.is_empty() {
                    continue;
                }
                match errors {
                    "strict" => {
                        let rest = &b[pos..];
                        let incomplete = std::str::from_utf8(rest)
                            .err()
                            .is_some_and(|e| e.error_len().is_none());
                        let reason = if incomplete {
                            "unexpected end of data"
                        } else if matches!(bad[0], 0x80..=0xC1 | 0xF5..=0xFF) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let what = if bad.len() == 1 {
                            format!("byte 0x{:02x} in position {pos}", bad[0])
                        } else {
                            format!("bytes in position {pos}-{}", pos + bad.len() - 1)
                        };
                        return Err(raise(
                            "UnicodeDecodeError",
                            format!("'utf-8' codec can't decode {what}: {reason}"),
                        ));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for x in bad {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                    _ => return Err(unknown_handler(errors)),
                }
                pos += bad.len();
            }
            Ok(out)
        }
    }
}

// ---------------------------------------------------------------------------
// str.format.

/// `template.format(*args.pos, **args.kw)`.
pub fn str_format(cx: &dyn Callbacks, template: &str, args: &Args) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut auto = AutoNumber::Init;
    build_string(cx, &chars, args, 2, &mut auto)
}

#[derive(Clone, Copy, PartialEq)]
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

fn build_string(
    cx: &dyn Callbacks,
    s: &[char],
    args: &Args,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut pos = 0;
    while pos < s.len() {
        // Literal text up to a brace.
        let start = pos;
        let mut c = '\0';
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut markup = c == '{' || c == '}';
        if markup && c == '}' && (at_end || s[pos] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if markup && at_end && c == '{' {
            return Err(value_error("Single '{' encountered in format string"));
        }
        let mut len = pos - start;
        if markup {
            if s[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup {
            continue;
        }
        let field = parse_field(s, &mut pos)?;
        let mut value = field_object(cx, &s[field.name.0..field.name.1], args, auto)?;
        if let Some(conv) = field.conversion {
            value = Value::str(&match conv {
                'r' => cx.repr(&value)?,
                's' => cx.str(&value)?,
                'a' => super::builtins::ascii_escape(&cx.repr(&value)?),
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(value_error(format!("Unknown conversion specifier {c}")));
                }
                c => {
                    return Err(value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        c as u32
                    )));
                }
            });
        }
        let spec_chars = &s[field.spec.0..field.spec.1];
        let spec: String = if field.expand {
            build_string(cx, spec_chars, args, depth - 1, auto)?
        } else {
            spec_chars.iter().collect()
        };
        out.push_str(&format::format_with(cx, &value, &spec)?);
    }
    Ok(out)
}

struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    expand: bool,
}

/// CPython's `parse_field`: reads `name[!c][:spec]}` from `pos`.
fn parse_field(s: &[char], pos: &mut usize) -> PyResult<Field> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, (*pos).saturating_sub(1).max(name_start)),
        conversion: None,
        spec: (0, 0),
        expand: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= s.len() {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let next = s[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.expand = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A field name's decimal value, as CPython's `get_integer`.
fn field_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// The object a field name designates: an argument, then `.attr` and
/// `[key]` lookups.
fn field_object(
    cx: &dyn Callbacks,
    name: &[char],
    args: &Args,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut idx = field_integer(first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if *auto == AutoNumber::Init {
            *auto = if empty {
                AutoNumber::Auto(0)
            } else {
                AutoNumber::Manual
            };
        }
        match (*auto, empty) {
            (AutoNumber::Manual, true) => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            (AutoNumber::Auto(_), false) => {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            (AutoNumber::Auto(n), true) => {
                idx = Some(n);
                *auto = AutoNumber::Auto(n + 1);
            }
            _ => {}
        }
    }
    let mut obj = match idx {
        Some(i) => args.pos.get(i).cloned().ok_or_else(|| {
            error(
                "IndexError",
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?,
        None => {
            let key: String = first.iter().collect();
            match args.kw.iter().find(|(k, _)| **k == *key) {
                Some((_, v)) => v.clone(),
                None => return Err(key_error(Value::str(&key))),
            }
        }
    };
    let mut pos = first_end;
    while pos < name.len() {
        let c = name[pos];
        pos += 1;
        let (is_attr, part) = match c {
            '.' => {
                let start = pos;
                while pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                    pos += 1;
                }
                (true, &name[start..pos])
            }
            '[' => {
                let start = pos;
                while pos < name.len() && name[pos] != ']' {
                    pos += 1;
                }
                if pos >= name.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                pos += 1;
                (false, &name[start..pos - 1])
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        };
        if part.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        let part_text: String = part.iter().collect();
        obj = if is_attr {
            field_attr(&obj, &part_text)?
        } else {
            match field_integer(part)? {
                Some(i) => field_item(cx, &obj, Value::Int(i as i64))?,
                None => field_item(cx, &obj, Value::str(&part_text))?,
            }
        };
    }
    Ok(obj)
}

/// `obj.name` in a format field: instance attributes and class values, and
/// `real`/`imag` of numbers.
fn field_attr(obj: &Value, name: &str) -> PyResult<Value> {
    match (obj, name) {
        (Value::Instance(i), _) => {
            if let Some(v) = i.attrs.borrow().get(name) {
                return Ok(v.clone());
            }
            if let Some(v) = i.class.lookup(name) {
                return Ok(v);
            }
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Float(_), "real") => return Ok(obj.clone()),
        (Value::Bool(b), "real") => return Ok(Value::Int(*b as i64)),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => return Ok(Value::Int(0)),
        (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
        _ => {}
    }
    Err(error(
        "AttributeError",
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    ))
}

/// `obj[key]` in a format field.
fn field_item(cx: &dyn Callbacks, obj: &Value, k: Value) -> PyResult<Value> {
    let _ = cx;
    match (obj, &k) {
        (Value::Dict(d), _) => {
            let key = key(k.clone())?;
            d.borrow().get(&key).cloned().ok_or_else(|| key_error(k))
        }
        (Value::List(_) | Value::Tuple(_) | Value::Str(_), Value::Int(i)) => {
            let item = match obj {
                Value::List(l) => l.borrow().get(*i as usize).cloned(),
                Value::Tuple(t) => t.get(*i as usize).cloned(),
                Value::Str(s) => s
                    .chars()
                    .nth(*i as usize)
                    .map(|c| Value::str(&c.to_string())),
                _ => None,
            };
            item.ok_or_else(|| {
                let what = match obj {
                    Value::Str(_) => "string",
                    other => other.type_name(),
                };
                error("IndexError", format!("{what} index out of range"))
            })
        }
        (Value::List(_) | Value::Tuple(_), _) => Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            obj.type_name(),
            k.type_name()
        ))),
        (Value::Str(_), _) => Err(type_error(format!(
            "string indices must be integers, not '{}'",
            k.type_name()
        ))),
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            obj.type_name()
        ))),
    }
}

// ---------------------------------------------------------------------------
// bytes.

fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    match v {
        Value::Bytes(b) => Ok(b),
        other => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            other.type_name()
        ))),
    }
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn bytes_method(cx: &dyn Callbacks, b: &Rc<[u8]>, name: &str, args: Args) -> PyResult<Value> {
    let qual = format!("bytes.{name}");
    let bytes = |v: Vec<u8>| Ok(Value::Bytes(Rc::from(v)));
    match name {
        "decode" => {
            let bound = bind(args, name, &["encoding", "errors"])?;
            let encoding = text_arg(bound[0].as_ref(), "decode", "encoding", "utf-8")?;
            let errors = text_arg(bound[1].as_ref(), "decode", "errors", "strict")?;
            decode(b, &encoding, &errors).map(|s| Value::str(&s))
        }
        "upper" => {
            no_args(&args, &qual)?;
            bytes(b.to_ascii_uppercase())
        }
        "lower" => {
            no_args(&args, &qual)?;
            bytes(b.to_ascii_lowercase())
        }
        "hex" => {
            let bound = bind(args, name, &["sep", "bytes_per_sep"])?;
            let sep: Option<String> = match &bound[0] {
                None => None,
                Some(Value::Str(s)) => Some(s.to_string()),
                Some(Value::Bytes(s)) => Some(s.iter().map(|&c| c as char).collect()),
                Some(other) => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        other.type_name()
                    )));
                }
            };
            if sep.as_ref().is_some_and(|s| s.chars().count() != 1) {
                return Err(value_error("sep must be length 1."));
            }
            let per = match &bound[1] {
                None => 1,
                Some(v) => index(v)?,
            };
            let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
            let (Some(sep), true) = (sep, per != 0) else {
                return Ok(Value::str(&digits.concat()));
            };
            let size = per.unsigned_abs() as usize;
            let groups: Vec<String> = if per > 0 {
                // Groups counted from the right.
                let first = digits.len() % size;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(digits[..first].concat());
                }
                g.extend(digits[first..].chunks(size).map(|c| c.concat()));
                g
            } else {
                digits.chunks(size).map(|c| c.concat()).collect()
            };
            Ok(Value::str(&groups.join(&sep)))
        }
        "strip" | "lstrip" | "rstrip" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let set: Option<&[u8]> = match args.pos.first() {
                None | Some(Value::None) => None,
                Some(v) => Some(bytes_arg(v)?),
            };
            let strip = |c: &u8| match set {
                None => is_ascii_space(*c),
                Some(s) => s.contains(c),
            };
            let mut start = 0;
            let mut end = b.len();
            if name != "rstrip" {
                while start < end && strip(&b[start]) {
                    start += 1;
                }
            }
            if name != "lstrip" {
                while end > start && strip(&b[end - 1]) {
                    end -= 1;
                }
            }
            bytes(b[start..end].to_vec())
        }
        "split" => {
            let bound = bind(args, name, &["sep", "maxsplit"])?;
            let maxsplit = match &bound[1] {
                None => -1,
                Some(v) => index(v)?,
            };
            let parts: Vec<Vec<u8>> = match &bound[0] {
                None | Some(Value::None) => {
                    // ASCII whitespace only: map bytes to chars one to one.
                    let text: String = b.iter().map(|&x| x as char).collect();
                    split_whitespace(&text, maxsplit, |c| {
                        (c as u32) < 0x80 && is_ascii_space(c as u8)
                    })
                    .into_iter()
                    .map(|p| p.chars().map(|c| c as u32 as u8).collect())
                    .collect()
                }
                Some(sep) => {
                    let sep = bytes_arg(sep)?;
                    if sep.is_empty() {
                        return Err(value_error("empty separator"));
                    }
                    let mut parts = Vec::new();
                    let mut rest: &[u8] = b;
                    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
                    while left > 0 {
                        let Some(i) = find_bytes(rest, sep) else {
                            break;
                        };
                        parts.push(rest[..i].to_vec());
                        rest = &rest[i + sep.len()..];
                        left -= 1;
                    }
                    parts.push(rest.to_vec());
                    parts
                }
            };
            Ok(Value::list(
                parts
                    .into_iter()
                    .map(|p| Value::Bytes(Rc::from(p)))
                    .collect(),
            ))
        }
        "startswith" | "endswith" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let (start, end) = adjust(
                b.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let candidates: Vec<&[u8]> = match &args.pos[0] {
                Value::Bytes(p) => vec![p],
                Value::Tuple(t) => {
                    let mut v = Vec::new();
                    for item in t.iter() {
                        match item {
                            Value::Bytes(p) => v.push(&p[..]),
                            other => {
                                return Err(type_error(format!(
                                    "a bytes-like object is required, not '{}'",
                                    other.type_name()
                                )));
                            }
                        }
                    }
                    v
                }
                other => {
                    return Err(type_error(format!(
                        "{name} first arg must be bytes or a tuple of bytes, not {}",
                        other.type_name()
                    )));
                }
            };
            let found = candidates.iter().any(|p| {
                let plen = p.len() as i64;
                if end - plen < start {
                    return false;
                }
                let window = if name == "startswith" {
                    &b[start as usize..(start + plen) as usize]
                } else {
                    &b[(end - plen) as usize..end as usize]
                };
                window == *p
            });
            Ok(Value::Bool(found))
        }
        "join" => {
            let items = cx.iterate(&exactly_one(args, &qual)?)?;
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let Value::Bytes(part) = item else {
                    return Err(type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        item.type_name()
                    )));
                };
                if i > 0 {
                    out.extend_from_slice(b);
                }
                out.extend_from_slice(part);
            }
            bytes(out)
        }
        "replace" => {
            positional_kw(&args, name, &qual, 2, 3)?;
            let old = bytes_arg(&args.pos[0])?;
            let new = bytes_arg(&args.pos[1])?;
            let mut left = match args.pos.get(2) {
                Some(v) => index(v)?,
                None => -1,
            };
            if left < 0 {
                left = i64::MAX;
            }
            let mut out = Vec::with_capacity(b.len());
            let mut i = 0;
            if old.is_empty() {
                while left > 0 && i <= b.len() {
                    out.extend_from_slice(new);
                    if i < b.len() {
                        out.push(b[i]);
                    }
                    i += 1;
                    left -= 1;
                }
                if i < b.len() {
                    out.extend_from_slice(&b[i..]);
                }
                return bytes(out);
            }
            while left > 0 {
                let Some(at) = find_bytes(&b[i..], old) else {
                    break;
                };
                out.extend_from_slice(&b[i..i + at]);
                out.extend_from_slice(new);
                i += at + old.len();
                left -= 1;
            }
            out.extend_from_slice(&b[i..]);
            bytes(out)
        }
        "find" | "count" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let sub: Vec<u8> = match &args.pos[0] {
                Value::Bytes(s) => s.to_vec(),
                Value::Int(i) if (0..256).contains(i) => vec![*i as u8],
                Value::Int(_) => return Err(value_error("byte must be in range(0, 256)")),
                other => {
                    return Err(type_error(format!(
                        "argument should be integer or bytes-like object, not '{}'",
                        other.type_name()
                    )));
                }
            };
            let (start, end) = adjust(
                b.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let fits = end - start >= sub.len() as i64 && start <= b.len() as i64;
            if name == "count" {
                if !fits {
                    return Ok(Value::Int(0));
                }
                if sub.is_empty() {
                    return Ok(Value::Int(end - start + 1));
                }
                let mut n = 0;
                let mut rest = &b[start as usize..end as usize];
                while let Some(i) = find_bytes(rest, &sub) {
                    n += 1;
                    rest = &rest[i + sub.len()..];
                }
                return Ok(Value::Int(n));
            }
            if !fits {
                return Ok(Value::Int(-1));
            }
            let found = find_bytes(&b[start as usize..end as usize], &sub);
            Ok(Value::Int(found.map_or(-1, |i| start + i as i64)))
        }
        _ => Err(error(
            "AttributeError",
            format!("'bytes' object has no attribute '{name}'"),
        )),
    }
}

// ---------------------------------------------------------------------------
// list and tuple.

/// The position of the first item equal to `x` in `get(i)` for `i` in
/// `start..stop`, re-reading the sequence at each step (an `__eq__` may
/// change it).
fn find_item(
    cx: &dyn Callbacks,
    get: &dyn Fn(usize) -> Option<Value>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = get(i) else {
            break;
        };
        if is_same(&item, x) || cx.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count_items(cx: &dyn Callbacks, items: &[Value], x: &Value) -> PyResult<Value> {
    let mut n = 0;
    for item in items {
        if is_same(item, x) || cx.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_method(
    cx: &dyn Callbacks,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    let qual = format!("list.{name}");
    match name {
        "append" => {
            let x = exactly_one(args, &qual)?;
            check_items(l.borrow().len() + 1)?;
            l.borrow_mut().push(x);
            Ok(Value::None)
        }
        "extend" => {
            let it = exactly_one(args, &qual)?;
            let items = cx.iterate(&it)?;
            check_items(l.borrow().len() + items.len())?;
            l.borrow_mut().extend(items);
            Ok(Value::None)
        }
        "insert" => {
            positional_kw(&args, name, &qual, 2, 2)?;
            let i = index_clamped(&args.pos[0])?;
            let x = args.pos.pop().expect("two arguments");
            let mut v = l.borrow_mut();
            let len = v.len() as i64;
            let at = if i < 0 {
                (i.saturating_add(len)).max(0)
            } else {
                i.min(len)
            };
            v.insert(at as usize, x);
            Ok(Value::None)
        }
        "pop" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let i = match args.pos.first() {
                Some(v) => index(v)?,
                None => -1,
            };
            let mut v = l.borrow_mut();
            if v.is_empty() {
                return Err(error("IndexError", "pop from empty list"));
            }
            let len = v.len() as i64;
            let at = if i < 0 { i + len } else { i };
            if !(0..len).contains(&at) {
                return Err(error("IndexError", "pop index out of range"));
            }
            Ok(v.remove(at as usize))
        }
        "remove" => {
            let x = exactly_one(args, &qual)?;
            let get = |i: usize| l.borrow().get(i).cloned();
            let len = l.borrow().len();
            match find_item(cx, &get, &x, 0, len)? {
                Some(i) if i < l.borrow().len() => {
                    l.borrow_mut().remove(i);
                    Ok(Value::None)
                }
                _ => Err(value_error("list.remove(x): x not in list")),
            }
        }
        "index" => {
            positional_kw(&args, name, &qual, 1, 3)?;
            let len = l.borrow().len();
            let (start, stop) = seq_bounds(len, args.pos.get(1), args.pos.get(2))?;
            let get = |i: usize| l.borrow().get(i).cloned();
            match find_item(cx, &get, &args.pos[0], start, stop)? {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(value_error(format!(
                    "{} is not in list",
                    cx.repr(&args.pos[0])?
                ))),
            }
        }
        "count" => {
            let x = exactly_one(args, &qual)?;
            let items = l.borrow().clone();
            count_items(cx, &items, &x)
        }
        "sort" => {
            if !args.pos.is_empty() {
                return Err(type_error("sort() takes no positional arguments"));
            }
            let (key, reverse) = sort_options(&mut args, "sort")?;
            let mut items = l.borrow().clone();
            sort_values(cx, &mut items, key.as_ref(), reverse)?;
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        "reverse" => {
            no_args(&args, &qual)?;
            l.borrow_mut().reverse();
            Ok(Value::None)
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(Value::list(l.borrow().clone()))
        }
        "clear" => {
            no_args(&args, &qual)?;
            l.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => Err(error(
            "AttributeError",
            format!("'list' object has no attribute '{name}'"),
        )),
    }
}

fn tuple_method(cx: &dyn Callbacks, t: &Rc<[Value]>, name: &str, args: Args) -> PyResult<Value> {
    let qual = format!("tuple.{name}");
    if name == "count" {
        let x = exactly_one(args, &qual)?;
        return count_items(cx, t, &x);
    }
    positional_kw(&args, name, &qual, 1, 3)?;
    let (start, stop) = seq_bounds(t.len(), args.pos.get(1), args.pos.get(2))?;
    let get = |i: usize| t.get(i).cloned();
    match find_item(cx, &get, &args.pos[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

// ---------------------------------------------------------------------------
// dict.

fn dict_method(
    cx: &dyn Callbacks,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("dict.{name}");
    let view_of = |kind| {
        Value::Native(Rc::new(DictView {
            dict: d.clone(),
            kind,
        }))
    };
    match name {
        "keys" | "values" | "items" => {
            no_args(&args, &qual)?;
            Ok(view_of(match name {
                "keys" => ViewKind::Keys,
                "values" => ViewKind::Values,
                _ => ViewKind::Items,
            }))
        }
        "get" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            Ok(d.borrow()
                .get(&k)
                .cloned()
                .unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
        }
        "pop" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            let removed = d.borrow_mut().shift_remove(&k);
            match (removed, args.pos.get(1)) {
                (Some(v), _) => Ok(v),
                (None, Some(default)) => Ok(default.clone()),
                (None, None) => Err(key_error(args.pos[0].clone())),
            }
        }
        "popitem" => {
            no_args(&args, &qual)?;
            match d.borrow_mut().pop() {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
            }
        }
        "setdefault" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let k = key(args.pos[0].clone())?;
            let default = args.pos.get(1).cloned().unwrap_or(Value::None);
            Ok(d.borrow_mut().entry(k).or_insert(default).clone())
        }
        "update" => {
            if args.pos.len() > 1 {
                return Err(type_error(format!(
                    "update expected at most 1 argument, got {}",
                    args.pos.len()
                )));
            }
            let mut updated = d.borrow().clone();
            if let Some(source) = args.pos.first() {
                update_from_pairs(cx, &mut updated, source)?;
            }
            for (k, v) in args.kw {
                updated.insert(Key(Value::Str(k)), v);
            }
            *d.borrow_mut() = updated;
            Ok(Value::None)
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(Value::Dict(Rc::new(RefCell::new(d.borrow().clone()))))
        }
        "clear" => {
            no_args(&args, &qual)?;
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => Err(error(
            "AttributeError",
            format!("'dict' object has no attribute '{name}'"),
        )),
    }
}

/// `dict.fromkeys(iterable, value=None)`.
fn dict_fromkeys(cx: &dyn Callbacks, args: Args) -> PyResult<Value> {
    positional_kw(&args, "fromkeys", "dict.fromkeys", 1, 2)?;
    let value = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in cx.iterate(&args.pos[0])? {
        d.insert(key(k)?, value.clone());
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

// ---------------------------------------------------------------------------
// set.

/// The members of an iterable, as set keys (a set as it is, a dict's keys
/// as CPython reads them, anything else item by item).
fn set_of(cx: &dyn Callbacks, v: &Value) -> PyResult<Set> {
    match v {
        Value::Set(s) => Ok(s.borrow().clone()),
        Value::Dict(d) => Ok(Set::from_dict_keys(d.borrow().keys().cloned())),
        other => {
            let mut out = Set::new();
            for item in cx.iterate(other)? {
                out.insert(key(item)?);
            }
            Ok(out)
        }
    }
}

/// The members of a non-set argument, in order.
fn keys_of(cx: &dyn Callbacks, v: &Value) -> PyResult<Vec<Key>> {
    cx.iterate(v)?.into_iter().map(key).collect()
}

fn set_method(cx: &dyn Callbacks, s: &Rc<RefCell<Set>>, name: &str, args: Args) -> PyResult<Value> {
    let qual = format!("set.{name}");
    let same = |v: &Value| matches!(v, Value::Set(o) if Rc::ptr_eq(o, s));
    match name {
        "add" => {
            let k = key(exactly_one(args, &qual)?)?;
            s.borrow_mut().insert(k);
            Ok(Value::None)
        }
        "discard" | "remove" => {
            let x = exactly_one(args, &qual)?;
            let k = key(x.clone())?;
            let removed = s.borrow_mut().discard(&k);
            if !removed && name == "remove" {
                return Err(key_error(x));
            }
            Ok(Value::None)
        }
        "pop" => {
            no_args(&args, &qual)?;
            let popped = s.borrow_mut().pop();
            match popped {
                Some(k) => Ok(k.0),
                None => Err(key_error(Value::str("pop from an empty set"))),
            }
        }
        "copy" => {
            no_args(&args, &qual)?;
            Ok(new_set(s.borrow().copy()))
        }
        "clear" => {
            no_args(&args, &qual)?;
            s.borrow_mut().clear();
            Ok(Value::None)
        }
        "union" | "update" => {
            no_kw(&args, &qual)?;
            let mut out = if name == "union" {
                s.borrow().copy()
            } else {
                s.borrow().clone()
            };
            for other in &args.pos {
                match other {
                    // `s.update(s)` and `s | s` add nothing.
                    Value::Set(_) if same(other) => {}
                    Value::Set(o) => out.update(&o.borrow()),
                    Value::Dict(d) => out.update_dict_keys(d.borrow().keys().cloned()),
                    o => out.update_iter(keys_of(cx, o)?),
                }
            }
            if name == "update" {
                *s.borrow_mut() = out;
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "intersection" | "intersection_update" | "difference" | "difference_update" => {
            no_kw(&args, &qual)?;
            let mut out = s.borrow().clone();
            let mut first = true;
            for other in &args.pos {
                let update = name.ends_with("update");
                out = match (name.starts_with("inter"), other) {
                    (true, Value::Set(_)) if same(other) => {
                        if update {
                            out
                        } else {
                            out.copy()
                        }
                    }
                    (true, Value::Set(o)) => {
                        if update {
                            out.intersection_update(&o.borrow());
                            out
                        } else {
                            out.intersection(&o.borrow())
                        }
                    }
                    (true, o) => {
                        let items = keys_of(cx, o)?;
                        if update {
                            out.intersection_update_iter(items);
                            out
                        } else {
                            out.intersection_iter(items)
                        }
                    }
                    (false, Value::Set(_)) if same(other) => Set::new(),
                    (false, Value::Set(o)) => {
                        if update {
                            out.difference_update(&o.borrow());
                            out
                        } else {
                            out.difference(&o.borrow())
                        }
                    }
                    (false, o) => {
                        let items = keys_of(cx, o)?;
                        if update {
                            out.difference_update_iter(items);
                            out
                        } else {
                            out.difference_iter(items)
                        }
                    }
                };
                first = false;
            }
            if first && !name.ends_with("update") {
                out = out.copy();
            }
            if name.ends_with("update") {
                *s.borrow_mut() = out;
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "symmetric_difference" | "symmetric_difference_update" => {
            let other = exactly_one(args, &qual)?;
            if same(&other) {
                if name.ends_with("update") {
                    s.borrow_mut().clear();
                    return Ok(Value::None);
                }
                return Ok(new_set(Set::new()));
            }
            let mine = s.borrow().clone();
            let out = match &other {
                Value::Set(o) => mine.symmetric_difference(&o.borrow()),
                Value::Dict(d) => {
                    let mut m = mine.clone();
                    m.symmetric_difference_update_dict_keys(d.borrow().keys().cloned());
                    m
                }
                o => mine.symmetric_difference_iter(keys_of(cx, o)?),
            };
            if name.ends_with("update") {
                let mut m = s.borrow_mut();
                match &other {
                    Value::Set(o) => m.symmetric_difference_update(&o.borrow()),
                    _ => *m = out,
                }
                Ok(Value::None)
            } else {
                Ok(new_set(out))
            }
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let other = set_of(cx, &exactly_one(args, &qual)?)?;
            let mine = s.borrow();
            Ok(Value::Bool(match name {
                "issubset" => mine.issubset(&other),
                "issuperset" => mine.issuperset(&other),
                _ => mine.isdisjoint(&other),
            }))
        }
        _ => Err(error(
            "AttributeError",
            format!("'set' object has no attribute '{name}'"),
        )),
    }
}

// ---------------------------------------------------------------------------
// int.

fn int_method(recv: &Value, name: &str, args: Args) -> PyResult<Value> {
    no_args(&args, &format!("int.{name}"))?;
    let n = super::ops::big(recv).ok_or_else(|| not_integer(recv))?;
    Ok(match name {
        "bit_length" => Value::Int(n.bits() as i64),
        _ => {
            let (_, digits) = n.to_u64_digits();
            Value::Int(digits.iter().map(|d| d.count_ones() as i64).sum())
        }
    })
}

#[cfg(test)]
mod tests;
