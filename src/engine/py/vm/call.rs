//! Calls: any callable, a Python function's arguments bound to its
//! parameters, classes instantiated, methods looked up and called, and the
//! built-ins reached by name.

use super::coro::{Coroutine, Generator};
use super::descriptor;
use super::interp::{Cb, Flow, Frame, Interp, no_attribute, not_callable, run_now};
use crate::engine::py::builtins;
use crate::engine::py::builtins::special;
use crate::engine::py::modules;
use crate::engine::py::types::exc::{self, PyResult, Unwind, error, type_error};
use crate::engine::py::types::groups;
use crate::engine::py::types::methods;
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value;
use crate::engine::py::types::value::{Class, Dict, Function, Instance, Key, Value};
use crate::program::Param;
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    /// Calls any callable. Python functions run to completion here (a plain
    /// `def` cannot suspend); an `async def` returns its coroutine.
    pub fn call(&self, f: &Frame, callee: &Value, mut args: Args) -> PyResult<Value> {
        match callee {
            Value::Function(func) => self.call_function(f, func, args),
            Value::Method(m) => {
                args.pos.insert(0, m.0.clone());
                self.call(f, &m.1, args)
            }
            Value::Builtin(name) => self.call_builtin(f, name, args),
            Value::BuiltinMethod(m) => self.call_method(f, &m.0, &m.1, args),
            Value::Class(c) => self.instantiate(f, c, args),
            Value::Type(t) => self.call_builtin(f, t, args),
            Value::Instance(i) => match i.class.lookup("__call__") {
                Some(m) => {
                    args.pos.insert(0, callee.clone());
                    self.call(f, &m, args)
                }
                None => Err(not_callable(callee)),
            },
            Value::Native(n) => n
                .clone()
                .call(&self.rc(), f, args)
                .unwrap_or_else(|| Err(not_callable(callee))),
            other => Err(not_callable(other)),
        }
    }

    /// Calls a Python function.
    pub fn call_function(
        &self,
        caller: &Frame,
        func: &Rc<Function>,
        args: Args,
    ) -> PyResult<Value> {
        let code = &func.code;
        if code.is_async && code.is_generator {
            let frame = self.bind(caller, func, args)?;
            return Ok(Generator::value(self, func, frame, true));
        }
        if code.is_async {
            let frame = self.bind(caller, func, args)?;
            return Ok(Coroutine::value(func.clone(), frame, caller.at.get()));
        }
        if code.is_generator {
            let frame = self.bind(caller, func, args)?;
            return Ok(Generator::value(self, func, frame, false));
        }
        let frame = self.bind(caller, func, args)?;
        let depth = self.enter(caller)?;
        frame.called_by(caller);
        let result = run_now(self.run_body(&frame));
        self.depth.set(depth);
        self.traceback(&frame, result)
    }

    /// Notes one more call level; a `RecursionError` past the limit.
    pub fn enter(&self, _caller: &Frame) -> PyResult<u32> {
        let depth = self.depth.get();
        if depth >= self.shared.limits.max_depth {
            return Err(error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth.set(depth + 1);
        Ok(depth)
    }

    /// Adds the frame's line to a propagating exception's traceback.
    pub fn traceback<T>(&self, frame: &Frame, result: PyResult<T>) -> PyResult<T> {
        if let Err(Unwind::Exc(e)) = &result
            && let Some(state) = exc::state(e)
        {
            if state.caught_in.get() == frame as *const Frame as usize {
                // Re-raised from the `except` that recorded this frame.
                state.caught_in.set(0);
            } else {
                state
                    .traceback
                    .borrow_mut()
                    .push((frame.marked(), Rc::from(&*frame.code.name)));
            }
        }
        result
    }

    /// Runs a frame's body to its return value.
    pub async fn run_body(&self, frame: &Frame) -> PyResult<Value> {
        let body = &frame.code.body;
        let flow = if body.iter().all(|s| self.runs_now(s)) {
            self.block_now(frame, body)?
        } else {
            self.exec_block(frame, body).await?
        };
        match flow {
            Flow::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }

    /// Binds arguments to parameters in a new frame (task and lane are the
    /// caller's until the code starts).
    pub fn bind(&self, caller: &Frame, func: &Rc<Function>, mut args: Args) -> PyResult<Frame> {
        let code = &func.code;
        let mut cells: Vec<Rc<RefCell<Option<Value>>>> = (0..code.own_cells)
            .map(|_| Rc::new(RefCell::new(None)))
            .collect();
        cells.extend(func.cells.iter().cloned());
        let frame = self.frame(
            code.clone(),
            cells,
            caller.task(),
            caller.lane.get(),
            Some(func.clone()),
        );
        {
            let mut locals = frame.locals.borrow_mut();
            let p = &code.params;
            let fname = &code.name;
            let npos = p.positional.len();
            let given = args.pos.len();
            let mut extra = Vec::new();
            for (i, v) in args.pos.drain(..).enumerate() {
                if i < npos {
                    locals[p.positional[i].slot as usize] = Some(v);
                } else {
                    extra.push(v);
                }
            }
            match &p.varargs {
                Some(va) => locals[va.slot as usize] = Some(Value::tuple(extra)),
                None if !extra.is_empty() => {
                    let min = p.positional.iter().filter(|x| !x.has_default).count();
                    let takes = if min == npos {
                        format!("{npos}")
                    } else {
                        format!("from {min} to {npos}")
                    };
                    return Err(type_error(format!(
                        "{fname}() takes {takes} positional argument{} but {given} {} given",
                        if npos == 1 && min == npos { "" } else { "s" },
                        if given == 1 { "was" } else { "were" }
                    )));
                }
                None => {}
            }
            let mut kwargs = Dict::default();
            for (k, v) in args.kw.drain(..) {
                let slot = p
                    .positional
                    .iter()
                    .chain(p.keyword_only.iter())
                    .find(|x| *x.name == *k);
                match slot {
                    Some(x) => {
                        if locals[x.slot as usize].is_some() {
                            return Err(type_error(format!(
                                "{fname}() got multiple values for argument '{k}'"
                            )));
                        }
                        locals[x.slot as usize] = Some(v);
                    }
                    None if p.varkw.is_some() => {
                        kwargs.insert(Key(Value::Str(k)), v);
                    }
                    None => {
                        return Err(type_error(format!(
                            "{fname}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                }
            }
            if let Some(vk) = &p.varkw {
                locals[vk.slot as usize] = Some(Value::Dict(Rc::new(RefCell::new(kwargs))));
            }
            // Defaults fill what is missing, the last parameters first.
            let with_default = p
                .positional
                .iter()
                .chain(p.keyword_only.iter())
                .filter(|x| x.has_default);
            for (x, d) in with_default.zip(func.defaults.iter()) {
                if locals[x.slot as usize].is_none() {
                    locals[x.slot as usize] = Some(d.clone());
                }
            }
            let unset = |x: &Param| locals[x.slot as usize].is_none();
            if p.positional.iter().any(unset) {
                let missing: Vec<String> = p
                    .positional
                    .iter()
                    .filter(|x| unset(x))
                    .map(|x| format!("'{}'", x.name))
                    .collect();
                return Err(type_error(format!(
                    "{fname}() missing {} required positional argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                )));
            }
            if p.keyword_only.iter().any(unset) {
                let missing_kw: Vec<String> = p
                    .keyword_only
                    .iter()
                    .filter(|x| unset(x))
                    .map(|x| format!("'{}'", x.name))
                    .collect();
                return Err(type_error(format!(
                    "{fname}() missing {} required keyword-only argument{}: {}",
                    missing_kw.len(),
                    if missing_kw.len() == 1 { "" } else { "s" },
                    join_names(&missing_kw)
                )));
            }
            for (slot, cell) in &code.cell_params {
                *frame.cells[*cell as usize].borrow_mut() = locals[*slot as usize].clone();
            }
        }
        Ok(frame)
    }

    /// `Class(args)`: a new instance, initialised by `__init__`.
    pub fn instantiate(&self, f: &Frame, class: &Rc<Class>, mut args: Args) -> PyResult<Value> {
        if let Some(member) = modules::r#enum::by_value(self, f, class, &args) {
            return member;
        }
        if class.builtin && class.derives_from("BaseExceptionGroup") {
            return groups::construct(class, args);
        }
        let is_exc = class.derives_from("BaseException");
        let instance = Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: Default::default(),
            exc: is_exc.then(|| value::ExcState {
                args: RefCell::new(args.pos.clone()),
                ..Default::default()
            }),
        }));
        match class.lookup("__init__") {
            Some(init) => {
                args.pos.insert(0, instance.clone());
                let r = self.call(f, &init, args)?;
                if !matches!(r, Value::None) {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) => {
                return Err(type_error(format!("{}() takes no arguments", class.name)));
            }
            None => {}
        }
        Ok(instance)
    }

    /// `obj.name(args)` without making a bound method first.
    pub fn call_method(
        &self,
        f: &Frame,
        obj: &Value,
        name: &str,
        mut args: Args,
    ) -> PyResult<Value> {
        // A callable attribute that is no method: `wrapper.__wrapped__(x)`.
        if let Value::Native(n) = obj
            && !n.has_method(name)
            && let Some(m) = n.clone().attr(name)
        {
            return self.call(f, &m, args);
        }
        match obj {
            Value::Instance(i) => {
                let attr = i.class.lookup(name);
                if !attr.as_ref().is_some_and(descriptor::is_data)
                    && let Some(v) = i.attrs.dict().borrow().get(name).cloned()
                {
                    return self.call(f, &v, args);
                }
                match attr {
                    Some(m @ Value::Function(_)) => {
                        args.pos.insert(0, obj.clone());
                        self.call(f, &m, args)
                    }
                    Some(other) => {
                        let m = descriptor::bind(self, f, other, Some(obj), &i.class)?;
                        self.call(f, &m, args)
                    }
                    None => self.exception_method(f, obj, name, args),
                }
            }
            Value::Native(n) => match n.clone().call_method(&self.rc(), f, name, args) {
                Some(r) => r,
                None => Err(no_attribute(obj, name)),
            },
            Value::Type(_) if methods::has_method(obj, name) => {
                match methods::call_method(&Cb { ix: self, f }, obj, name, args) {
                    Some(r) => r,
                    None => Err(no_attribute(obj, name)),
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Type(_) | Value::Function(_) => {
                let m = self.getattr(f, obj, name)?;
                self.call(f, &m, args)
            }
            _ => match methods::call_method(&Cb { ix: self, f }, obj, name, args) {
                Some(r) => r,
                None => Err(no_attribute(obj, name)),
            },
        }
    }

    fn exception_method(&self, f: &Frame, obj: &Value, name: &str, args: Args) -> PyResult<Value> {
        let args = match groups::method(&Cb { ix: self, f }, obj, name, args) {
            Ok(r) => return r,
            Err(args) => args,
        };
        if name == "with_traceback" && exc::state(obj).is_some() {
            return Ok(obj.clone());
        }
        if name == "add_note" {
            let _ = args;
            return Ok(Value::None);
        }
        Err(no_attribute(obj, name))
    }

    fn call_builtin(&self, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        match modules::call(self, f, name, args) {
            Ok(result) => result,
            Err(args) => special::call(self, f, name, args),
        }
    }

    /// A built-in call through the pure built-ins module.
    pub fn pure_builtin(&self, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
        builtins::call_builtin(&Cb { ix: self, f }, name, args)
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}
