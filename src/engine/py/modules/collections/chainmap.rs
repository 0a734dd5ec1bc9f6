//! `collections.ChainMap`: several dicts looked up as one.

use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::items::key_error;
use crate::engine::py::types::native::{Args, Native};
use crate::engine::py::types::value::{Dict, Key, Value};
use crate::engine::py::vm::interp::{Ctx, Frame, Interp};
use std::cell::RefCell;
use std::rc::Rc;

/// `ChainMap(*maps)`; no map makes one empty dict.
pub(super) fn make(_ix: &Interp, _f: &Frame, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!(
            "ChainMap.__init__() got an unexpected keyword argument '{k}'"
        )));
    }
    let maps = if args.pos.is_empty() {
        vec![Value::Dict(Rc::default())]
    } else {
        args.pos
    };
    Ok(chain(maps))
}

fn chain(maps: Vec<Value>) -> Value {
    Value::Native(Rc::new(ChainMap {
        maps: RefCell::new(maps),
    }))
}

/// A `ChainMap`: lookups go through `maps` in order; changes go to the
/// first.
struct ChainMap {
    maps: RefCell<Vec<Value>>,
}

impl ChainMap {
    fn lookup(&self, ix: &Interp, f: &Frame, key: &Value) -> PyResult<Option<Value>> {
        let maps = self.maps.borrow().clone();
        for m in &maps {
            if ix.contains(f, m, key)? {
                return ix.getitem(f, m, key).map(Some);
            }
        }
        Ok(None)
    }

    /// The keys, first seen in the last map first, as CPython orders them.
    fn keys(&self, ix: &Interp, f: &Frame) -> PyResult<Vec<Value>> {
        let mut seen = Dict::default();
        let maps = self.maps.borrow().clone();
        for m in maps.iter().rev() {
            for k in ix.iterate(f, m)? {
                seen.insert(Key::new(k).map_err(type_error)?, Value::None);
            }
        }
        Ok(seen.into_keys().map(|k| k.0).collect())
    }

    fn first(&self) -> Value {
        self.maps.borrow()[0].clone()
    }
}

const METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "new_child",
    "pop",
    "clear",
    "copy",
];

impl Native for ChainMap {
    fn type_name(&self) -> &str {
        "ChainMap"
    }

    fn repr_in(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<String>> {
        Some((|| {
            let maps = self.maps.borrow().clone();
            let parts = maps
                .iter()
                .map(|m| ix.repr(cx, m))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(format!("ChainMap({})", parts.join(", ")))
        })())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "maps" => Some(Value::list(self.maps.borrow().clone())),
            "parents" => Some(chain(self.maps.borrow()[1..].to_vec())),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        if !METHODS.contains(&name) {
            return None;
        }
        Some((|| match name {
            "get" => {
                let key = args.pos.first().cloned().unwrap_or(Value::None);
                let default = args.pos.get(1).cloned().unwrap_or(Value::None);
                Ok(self.lookup(ix, cx, &key)?.unwrap_or(default))
            }
            "keys" => Ok(Value::list(self.keys(ix, cx)?)),
            "values" | "items" => {
                let mut out = Vec::new();
                for k in self.keys(ix, cx)? {
                    let v = self.lookup(ix, cx, &k)?.unwrap_or(Value::None);
                    out.push(if name == "items" {
                        Value::tuple(vec![k, v])
                    } else {
                        v
                    });
                }
                Ok(Value::list(out))
            }
            "new_child" => {
                let m = args
                    .pos
                    .pop()
                    .or_else(|| args.take_kw("m"))
                    .filter(|m| !matches!(m, Value::None))
                    .unwrap_or_else(|| Value::Dict(Rc::default()));
                let mut maps = vec![m];
                maps.extend(self.maps.borrow().iter().cloned());
                Ok(chain(maps))
            }
            "copy" => {
                let mut maps = self.maps.borrow().clone();
                maps[0] = ix.call_method(cx, &maps[0], "copy", Args::default())?;
                Ok(chain(maps))
            }
            _ => ix.call_method(cx, &self.first(), name, args),
        })())
    }

    fn iter(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx) -> Option<PyResult<Value>> {
        Some(
            self.keys(ix, cx)
                .and_then(|keys| ix.iter(cx, &Value::list(keys))),
        )
    }

    fn getitem(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        index: &Value,
    ) -> Option<PyResult<Value>> {
        Some(
            self.lookup(ix, cx, index)
                .and_then(|v| v.ok_or_else(|| key_error(index.clone()))),
        )
    }

    fn setitem(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Ctx,
        index: &Value,
        v: Value,
    ) -> Option<PyResult<()>> {
        Some(ix.setitem(cx, &self.first(), index, v))
    }

    fn delitem(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, index: &Value) -> Option<PyResult<()>> {
        Some(ix.delitem(cx, &self.first(), index).map_err(|e| {
            let _ = e;
            error(
                "KeyError",
                format!(
                    "Key not found in the first mapping: {}",
                    ix.repr(cx, index).unwrap_or_default()
                ),
            )
        }))
    }

    fn contains(self: Rc<Self>, ix: &Rc<Interp>, cx: &Ctx, x: &Value) -> Option<PyResult<bool>> {
        Some(self.lookup(ix, cx, x).map(|v| v.is_some()))
    }

    fn instance_of(&self, builtin: &str) -> bool {
        builtin == "collections.ChainMap"
    }

    fn class_of(&self) -> Option<Value> {
        super::member("ChainMap")
    }

    fn unhashable(&self) -> bool {
        true
    }
}
