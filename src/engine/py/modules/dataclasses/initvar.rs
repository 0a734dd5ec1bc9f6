//! `dataclasses.InitVar`: `InitVar[int]` marks a field that only
//! `__init__` takes, handed on to `__post_init__` and never stored.

use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::native::{Native, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Ctx, Interp};
use std::rc::Rc;

/// The `InitVar` class.
pub struct InitVar;

impl Native for InitVar {
    fn type_name(&self) -> &str {
        "type"
    }

    fn repr(&self) -> String {
        "<class 'dataclasses.InitVar'>".into()
    }

    fn getitem(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Ctx,
        index: &Value,
    ) -> Option<PyResult<Value>> {
        Some(Ok(Value::Native(Rc::new(Of(index.clone())))))
    }
}

/// `InitVar[T]`.
struct Of(Value);

impl Native for Of {
    fn type_name(&self) -> &str {
        "InitVar"
    }

    /// `dataclasses.InitVar[int]`: a class by its name, anything else by
    /// its `repr`, as CPython's `InitVar.__repr__`.
    fn repr(&self) -> String {
        let inner = match &self.0 {
            Value::Type(t) => t.to_string(),
            Value::Class(c) => c.name.to_string(),
            other => other.repr(),
        };
        format!("dataclasses.InitVar[{inner}]")
    }
}

/// Whether an annotation is `InitVar[...]`.
pub fn is_init_var(annotation: &Value) -> bool {
    downcast::<Of>(annotation).is_some()
}
