//! Exception groups: `BaseExceptionGroup` and `ExceptionGroup`, as
//! `TaskGroup` raises them and as a demo may build and catch them.
//!
//! A group keeps CPython's `args`, `(message, exceptions)`; `.message` and
//! `.exceptions` (a tuple) are read from them. `ExceptionGroup` derives from
//! both `BaseExceptionGroup` and `Exception` in CPython; the class table has
//! one base per class, so [`Class::is_subclass`] knows the second one.
//!
//! [`Class::is_subclass`]: super::value::Class::is_subclass

use super::callbacks::Callbacks;
use super::exc::{self, PyResult, type_error, value_error};
use super::native::Args;
use super::value::{Class, Instance, Value};
use std::rc::Rc;

/// Whether the value is an exception group.
pub fn is_group(e: &Value) -> bool {
    exc::is_instance_of(e, "BaseExceptionGroup")
}

/// A new group of these exceptions: an `ExceptionGroup` when every one is
/// an `Exception`, else a `BaseExceptionGroup`.
pub fn new(message: &str, excs: Vec<Value>) -> Value {
    let name = if excs.iter().all(|e| exc::is_instance_of(e, "Exception")) {
        "ExceptionGroup"
    } else {
        "BaseExceptionGroup"
    };
    let class = exc::class(name).expect("the group classes exist");
    exc::instance(class, vec![Value::str(message), Value::list(excs)])
}

/// `ExceptionGroup(message, exceptions)` called by the program, with
/// CPython's checks of its arguments.
pub fn construct(class: &Rc<Class>, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "{}() takes no keyword arguments ('{k}' given)",
            class.name
        )));
    }
    let n = args.pos.len();
    let [message, excs] = <[Value; 2]>::try_from(args.pos).map_err(|_| {
        type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        ))
    })?;
    if !matches!(message, Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_name()
        )));
    }
    let items: Vec<Value> = match &excs {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
    };
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    if let Some(i) = items.iter().position(|e| exc::state(e).is_none()) {
        return Err(value_error(format!(
            "Item {i} of second argument (exceptions) is not an exception"
        )));
    }
    let all_plain = items.iter().all(|e| exc::is_instance_of(e, "Exception"));
    let class = if &*class.name == "BaseExceptionGroup" && class.builtin && all_plain {
        exc::class("ExceptionGroup").expect("the group classes exist")
    } else {
        class.clone()
    };
    if class.derives_from("Exception") && !all_plain {
        return Err(type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    Ok(exc::instance(class, vec![message, excs]))
}

/// The exceptions of a group, in order.
pub fn members(e: &Value) -> Vec<Value> {
    let Some(state) = exc::state(e).filter(|_| is_group(e)) else {
        return Vec::new();
    };
    match state.args.borrow().get(1) {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// `eg.message`, `eg.exceptions`.
pub fn attr(i: &Instance, name: &str) -> Option<Value> {
    if !i.class.derives_from("BaseExceptionGroup") {
        return None;
    }
    let args = i.exc.as_ref()?.args.borrow();
    match name {
        "message" => args.first().cloned(),
        "exceptions" => match args.get(1)? {
            Value::List(l) => Some(Value::tuple(l.borrow().clone())),
            t @ Value::Tuple(_) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `str(eg)`: `message (2 sub-exceptions)`.
pub fn str_of(i: &Instance) -> Option<String> {
    if !i.class.derives_from("BaseExceptionGroup") {
        return None;
    }
    let args = i.exc.as_ref()?.args.borrow();
    let message = args.first().map(Value::to_str).unwrap_or_default();
    let n = match args.get(1) {
        Some(Value::List(l)) => l.borrow().len(),
        Some(Value::Tuple(t)) => t.len(),
        _ => 0,
    };
    let s = if n == 1 { "" } else { "s" };
    Some(format!("{message} ({n} sub-exception{s})"))
}

/// A copy of `group` holding `excs`, as `eg.derive(excs)` makes it, with
/// the group's traceback, cause and context.
fn derive(group: &Value, excs: Vec<Value>) -> Value {
    let message = exc::state(group)
        .and_then(|s| s.args.borrow().first().map(Value::to_str))
        .unwrap_or_default();
    let copy = new(&message, excs);
    if let (Some(from), Some(to)) = (exc::state(group), exc::state(&copy)) {
        *to.traceback.borrow_mut() = from.traceback.borrow().clone();
        *to.cause.borrow_mut() = from.cause.borrow().clone();
        *to.context.borrow_mut() = from.context.borrow().clone();
    }
    copy
}

/// `ExceptionGroup("", (e,))`: how `except*` sees an exception that is not
/// a group.
pub fn wrap(e: &Value) -> Value {
    let name = if exc::is_instance_of(e, "Exception") {
        "ExceptionGroup"
    } else {
        "BaseExceptionGroup"
    };
    let class = exc::class(name).expect("the group classes exist");
    let group = exc::instance(class, vec![Value::str(""), Value::tuple(vec![e.clone()])]);
    if let (Some(from), Some(to)) = (exc::state(e), exc::state(&group)) {
        *to.traceback.borrow_mut() = from.traceback.borrow().clone();
    }
    group
}

/// `group.split(condition)`: the part that holds (the group itself if it
/// does), and the rest, each keeping the nesting (either may be `None`).
pub fn split(
    group: &Value,
    holds: &mut dyn FnMut(&Value) -> PyResult<bool>,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if holds(group)? {
        return Ok((Some(group.clone()), None));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in members(group) {
        if is_group(&e) {
            let (m, r) = split(&e, holds)?;
            matched.extend(m);
            rest.extend(r);
        } else if holds(&e)? {
            matched.push(e);
        } else {
            rest.push(e);
        }
    }
    let part = |excs: Vec<Value>| (!excs.is_empty()).then(|| derive(group, excs));
    Ok((part(matched), part(rest)))
}

/// The leaves of a group (the exception itself if it is none).
pub fn leaves(e: &Value) -> Vec<Value> {
    if !is_group(e) {
        return vec![e.clone()];
    }
    members(e).iter().flat_map(leaves).collect()
}

/// What leaves a `try`/`except*` after its handlers ran (CPython's
/// `_PyExc_PrepReraiseStar`): the exceptions the handlers raised, each
/// with whether it re-raises part of `orig` (a bare `raise`, or the part
/// no handler matched). The re-raised parts keep `orig`'s shape; new
/// exceptions come first in a new group beside them.
pub fn reraise_star(orig: &Value, raised: Vec<(Value, bool)>) -> Option<Value> {
    if raised.is_empty() {
        return None;
    }
    if !is_group(orig) {
        return raised.into_iter().next().map(|(e, _)| e);
    }
    let mut kept = Vec::new();
    let mut fresh = Vec::new();
    for (e, again) in raised {
        if again {
            kept.extend(leaves(&e));
        } else {
            fresh.push(e);
        }
    }
    let mut in_kept = |leaf: &Value| Ok(kept.iter().any(|k| super::value::is_same(k, leaf)));
    let projection = split(orig, &mut in_kept).ok().and_then(|(m, _)| m);
    match (fresh.len(), projection) {
        (0, projection) => projection,
        (1, None) => fresh.pop(),
        (_, projection) => {
            fresh.extend(projection);
            Some(new("", fresh))
        }
    }
}

/// What `split` and `subgroup` test each exception with.
enum Condition {
    /// Exception classes: an instance of any matches.
    Classes(Vec<Rc<Class>>),
    /// A predicate, called with each exception (groups too).
    Predicate(Value),
}

impl Condition {
    fn of(v: &Value) -> PyResult<Condition> {
        let base = exc::class("BaseException").expect("the exception classes exist");
        let class = |v: &Value| match v {
            Value::Class(c) if c.is_subclass(&base) => Some(c.clone()),
            _ => None,
        };
        match v {
            Value::Class(_) => class(v).map(|c| Condition::Classes(vec![c])),
            Value::Tuple(items) => items
                .iter()
                .map(class)
                .collect::<Option<Vec<_>>>()
                .map(Condition::Classes),
            other if crate::engine::py::builtins::is_callable(other) => {
                Some(Condition::Predicate(other.clone()))
            }
            _ => None,
        }
        .ok_or_else(|| {
            type_error("expected a function, exception type or tuple of exception types")
        })
    }

    fn holds(&self, cb: &dyn Callbacks, e: &Value) -> PyResult<bool> {
        match self {
            Condition::Classes(classes) => Ok(match e {
                Value::Instance(i) => classes.iter().any(|c| i.class.is_subclass(c)),
                _ => false,
            }),
            Condition::Predicate(f) => {
                let r = cb.call(f, Args::positional(vec![e.clone()]))?;
                cb.truthy(&r)
            }
        }
    }
}

/// `eg.split(condition)`, `eg.subgroup(condition)` and `eg.derive(excs)`
/// as CPython 3.11's; the arguments back for another name or a value
/// that is no group.
pub fn method(
    cb: &dyn Callbacks,
    group: &Value,
    name: &str,
    args: Args,
) -> Result<PyResult<Value>, Args> {
    if !is_group(group) || !matches!(name, "split" | "subgroup" | "derive") {
        return Err(args);
    }
    if !args.kw.is_empty() {
        return Ok(Err(type_error(format!(
            "BaseExceptionGroup.{name}() takes no keyword arguments"
        ))));
    }
    let n = args.pos.len();
    let Ok([arg]) = <[Value; 1]>::try_from(args.pos) else {
        return Ok(Err(type_error(format!(
            "{name} expected 1 argument, got {n}"
        ))));
    };
    Ok(call(cb, group, name, &arg))
}

fn call(cb: &dyn Callbacks, group: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    if name == "derive" {
        let message = exc::state(group)
            .and_then(|s| s.args.borrow().first().cloned())
            .unwrap_or(Value::None);
        let class = exc::class("BaseExceptionGroup").expect("the group classes exist");
        return construct(&class, Args::positional(vec![message, arg.clone()]));
    }
    let condition = Condition::of(arg)?;
    let (matched, rest) = split(group, &mut |e| condition.holds(cb, e))?;
    let or_none = |v: Option<Value>| v.unwrap_or(Value::None);
    Ok(match name {
        "split" => Value::tuple(vec![or_none(matched), or_none(rest)]),
        _ => or_none(matched),
    })
}
