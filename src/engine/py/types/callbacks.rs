//! What built-in functions and methods may ask of the interpreter: calling
//! a Python function (a `key=`), and the protocols (`repr`, `str`,
//! iteration, comparison) that user classes can override.

use super::exc::PyResult;
use super::native::Args;
use super::value::Value;

/// The interpreter, as built-ins see it.
pub trait Callbacks {
    /// Calls any callable: a Python function, a lambda, a bound method, a
    /// builtin or a class.
    fn call(&self, f: &Value, args: Args) -> PyResult<Value>;
    /// `repr(v)`, honouring `__repr__`.
    fn repr(&self, v: &Value) -> PyResult<String>;
    /// `str(v)`, honouring `__str__`.
    fn str(&self, v: &Value) -> PyResult<String>;
    /// Every item of an iterable (list, tuple, str, bytes, dict keys, set,
    /// range, iterator, generator, instance with `__iter__`), or a
    /// `TypeError` "'X' object is not iterable".
    fn iterate(&self, v: &Value) -> PyResult<Vec<Value>>;
    /// `a == b`, honouring `__eq__`.
    fn eq(&self, a: &Value, b: &Value) -> PyResult<bool>;
    /// `a < b`, honouring `__lt__`; a `TypeError` when unorderable.
    fn lt(&self, a: &Value, b: &Value) -> PyResult<bool>;
    /// `bool(v)`, honouring `__bool__` and `__len__`.
    fn truthy(&self, v: &Value) -> PyResult<bool>;
}
