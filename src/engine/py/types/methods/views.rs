//! The dict views: `dict_keys`, `dict_values`, `dict_items`, live over their
//! dict.

use super::*;

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
            ViewKind::Values => d.values().any(|v| super::super::value::py_eq(v, x)),
            ViewKind::Items => match x {
                Value::Tuple(t) if t.len() == 2 => Key::new(t[0].clone())
                    .ok()
                    .and_then(|k| d.get(&k))
                    .is_some_and(|v| super::super::value::py_eq(v, &t[1])),
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

pub(super) fn view(v: &Value) -> Option<Rc<DictView>> {
    super::super::native::downcast::<DictView>(v)
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
