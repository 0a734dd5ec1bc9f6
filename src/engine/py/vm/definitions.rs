//! `def` and `class` statements: functions made with their defaults and
//! cells, decorated, and classes built from their bodies.

use super::interp::{Frame, Interp};
use crate::engine::py::modules;
use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::{Class, Function, Key, Value};
use crate::program::{Code, CodeKind, Expr};
use indexmap::IndexMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

impl Interp {
    /// A `def` statement: its decorators, defaults and annotations, then
    /// the function, bound to its name.
    pub(super) async fn def_stmt(
        &self,
        f: &Frame,
        code: &Arc<Code>,
        name: &crate::program::Name,
        defaults: &[Expr],
        decorators: &[Expr],
        annotations: &[(Arc<str>, Expr)],
    ) -> PyResult<()> {
        let decorators = self.values(f, decorators).await?;
        let mut ds = Vec::with_capacity(defaults.len());
        for d in defaults {
            ds.push(self.value(f, d).await?);
        }
        let mut notes = value::Dict::default();
        for (param, e) in annotations {
            let v = self.value(f, e).await?;
            notes.insert(Key(Value::str(param)), v);
        }
        let func = self.make_function(f, code, ds);
        if let Value::Function(func) = &func {
            func.attrs.borrow_mut().insert(
                "__annotations__".into(),
                Value::Dict(Rc::new(RefCell::new(notes))),
            );
        }
        let func = self.decorate(f, decorators, func)?;
        self.store(f, name, func);
        Ok(())
    }

    /// A `class` statement: its decorators and bases, then the class,
    /// bound to its name (boxed by its caller, as `def_stmt`).
    pub(super) async fn class_stmt(
        &self,
        f: &Frame,
        code: &Arc<Code>,
        name: &crate::program::Name,
        bases: &[Expr],
        decorators: &[Expr],
    ) -> PyResult<()> {
        let decorators = self.values(f, decorators).await?;
        let mut base = None;
        let mut typed_dict = false;
        let mut named_tuple = false;
        for b in bases {
            match self.value(f, b).await? {
                Value::Class(c) => base = Some(c),
                Value::Type("object") => {}
                // `Protocol`, `Generic[T]`: no behaviour to inherit.
                b if modules::typing::is_marker_base(&b) => {}
                // A `TypedDict` class makes plain dicts.
                b if modules::typing::is_typed_dict(&b) => typed_dict = true,
                b if modules::typing::is_named_tuple(&b) => named_tuple = true,
                other => {
                    return Err(type_error(format!(
                        "a demo class can derive from a class or an exception, not '{}'",
                        other.type_name()
                    )));
                }
            }
        }
        let class = Box::pin(self.make_class(f, code, base)).await?;
        if let Value::Class(c) = &class {
            modules::r#enum::finish(self, f, c)?;
            if named_tuple {
                modules::namedtuple::finish(c)?;
            }
        }
        let class = if typed_dict {
            Value::Type("dict")
        } else {
            class
        };
        let class = self.decorate(f, decorators, class)?;
        self.store(f, name, class);
        Ok(())
    }

    /// A function value for `code`, capturing the frame's cells.
    pub fn make_function(&self, f: &Frame, code: &Arc<Code>, defaults: Vec<Value>) -> Value {
        let cells = code
            .captures
            .iter()
            .map(|i| {
                f.cells
                    .get(*i as usize)
                    .cloned()
                    .unwrap_or_else(|| Rc::new(RefCell::new(None)))
            })
            .collect();
        let func = Rc::new(Function {
            code: code.clone(),
            defaults,
            cells,
            globals: self.globals.clone(),
            owner: RefCell::new(None),
            attrs: RefCell::new(IndexMap::default()),
        });
        if f.code.kind == CodeKind::Class {
            f.class_defs
                .borrow_mut()
                .get_or_insert_with(Default::default)
                .push(func.clone());
        }
        Value::Function(func)
    }

    /// Evaluates expressions in order.
    async fn values(&self, f: &Frame, exprs: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(exprs.len());
        for e in exprs {
            out.push(self.value(f, e).await?);
        }
        Ok(out)
    }

    /// Applies decorators (outermost first in the list) innermost first.
    fn decorate(&self, f: &Frame, decorators: Vec<Value>, mut v: Value) -> PyResult<Value> {
        for d in decorators.into_iter().rev() {
            v = self.call(f, &d, Args::positional(vec![v]))?;
        }
        Ok(v)
    }

    async fn make_class(
        &self,
        f: &Frame,
        code: &Arc<Code>,
        base: Option<Rc<Class>>,
    ) -> PyResult<Value> {
        let ns = Rc::new(RefCell::new(IndexMap::default()));
        let mut frame = self.frame(code.clone(), Vec::new(), f.task(), f.lane.get(), None);
        frame.namespace = Some(ns.clone());
        let cells = code
            .captures
            .iter()
            .map(|i| f.cells.get(*i as usize).cloned().unwrap_or_default())
            .collect();
        frame.cells = cells;
        frame.called_by(f);
        if let Some(doc) = &code.docstring {
            ns.borrow_mut().insert("__doc__".into(), Value::str(doc));
        }
        self.exec_block(&frame, &code.body).await?;
        let namespace = std::mem::take(&mut *ns.borrow_mut());
        crate::engine::py::types::slots::check_class(&namespace)?;
        let class = Rc::new(Class {
            name: Rc::from(&*code.name),
            qualname: Rc::from(&*code.qualname),
            base,
            namespace: RefCell::new(namespace),
            builtin: false,
            module: "",
        });
        for func in frame.class_defs.borrow().iter().flat_map(|v| v.iter()) {
            *func.owner.borrow_mut() = Some(class.clone());
        }
        super::descriptor::set_names(&class);
        Ok(Value::Class(class))
    }
}
