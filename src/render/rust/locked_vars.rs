//! Writing the variables `locked_args` shares in a `Mutex`: the owner's
//! binding, the arguments and parameters, each read under its lock (a copy
//! in a loop's head), and the owner taking the value back.

use super::locked_args::Owner;
use super::types::Ty;
use crate::render::plan::ir::ast::Stmt;
use crate::render::plan::ir::expr::Expr;

impl super::Renderer<'_> {
    /// Whether the parameter `p` of the function being written is taken as
    /// a `Mutex`, and whether as an `Arc<Mutex<T>>`.
    fn locked_param(&self, p: &str) -> Option<bool> {
        let f = self.demo.function(&self.func)?;
        let i = f.params.iter().position(|q| q == p)?;
        self.locked
            .params
            .contains(&(f.name.clone(), i))
            .then(|| self.types.tasked.contains(&f.name))
    }

    /// How the function being written keeps its variable `v`, where it
    /// lends it as a `Mutex`.
    fn lock_owner(&self, v: &str) -> Option<Owner> {
        let vars = self.locked.owned.get(&self.func)?;
        vars.iter().find(|(n, _)| n == v).map(|(_, o)| *o)
    }

    /// A variable of the function being written read under its lock
    /// (`xs.lock().unwrap()`), or in a loop's head as a copy
    /// (`copy_of(&xs)`); `None` for another variable.
    pub(super) fn locked_read(&self, v: &str) -> Option<String> {
        let name = super::names::ident(v);
        let borrowed = match (self.locked_param(v), self.lock_owner(v)) {
            (Some(arc), _) => !arc,
            (None, Some(Owner::Local | Owner::Arc)) => false,
            _ => return None,
        };
        Some(match (self.copying_locked, borrowed) {
            (false, _) => format!("{name}.lock().unwrap()"),
            (true, true) => format!("copy_of({name})"),
            (true, false) => format!("copy_of(&{name})"),
        })
    }

    /// The argument `v` given to the parameter `i` of `callee`, taken as a
    /// `Mutex`: `Arc::clone(&v)` for a task of its own, `&v`, or `v` where
    /// it is a `&Mutex<T>` parameter of the caller already.
    pub(super) fn locked_arg(&mut self, callee: &str, i: usize, v: &str) -> Option<String> {
        if !self.locked.params.contains(&(callee.to_string(), i)) {
            return None;
        }
        let name = super::names::ident(v);
        if self.types.tasked.contains(callee) {
            self.use_("std::sync", "Arc");
            return Some(format!("Arc::clone(&{name})"));
        }
        Some(match self.locked_param(v) {
            Some(false) => name,
            _ => format!("&{name}"),
        })
    }

    /// The type of the parameter `i` of `f`, of type `ty`, where it is
    /// taken as a `Mutex`.
    pub(super) fn locked_param_ty(&mut self, f: &str, i: usize, ty: &Ty) -> Option<String> {
        if !self.locked.params.contains(&(f.to_string(), i)) {
            return None;
        }
        self.use_("std::sync", "Mutex");
        if self.types.tasked.contains(f) {
            self.use_("std::sync", "Arc");
            return Some(format!("Arc<Mutex<{}>>", ty.rust()));
        }
        Some(format!("&Mutex<{}>", ty.rust()))
    }

    /// `let v = Mutex::new(value);` (in an `Arc` where tasks share it)
    /// where `v` is lent as a `Mutex`.
    pub(super) fn locked_binding(&mut self, var: &str, value: &Expr) -> bool {
        let Some(owner) = self.lock_owner(var) else {
            return false;
        };
        if self.declared.contains(var) {
            return false;
        }
        self.use_("std::sync", "Mutex");
        let made = self.expr(value).owned();
        self.declared.insert(var.to_string());
        let name = super::names::ident(var);
        if owner == Owner::Arc {
            self.use_("std::sync", "Arc");
            self.line(format!("let {name} = Arc::new(Mutex::new({made}));"));
        } else {
            self.line(format!("let {name} = Mutex::new({made});"));
        }
        true
    }

    /// After the last statement that lends an owner's variable, the value
    /// taken back out of its `Mutex`.
    pub(super) fn take_back_locked(&mut self, s: &Stmt) {
        let Some(vars) = self.locked.owned.get(&self.func) else {
            return;
        };
        let back: Vec<String> = vars
            .iter()
            .filter(|(_, o)| *o == Owner::TakenBack(s.id))
            .map(|(v, _)| v.clone())
            .collect();
        for v in back {
            let m = if self.assigned.get(&v).copied().unwrap_or(0) > 1 {
                "mut "
            } else {
                ""
            };
            let name = super::names::ident(&v);
            self.line(format!("let {m}{name} = {name}.into_inner().unwrap();"));
        }
    }

    /// The helper that copies what a `Mutex` holds, after the functions,
    /// when a line calls it.
    pub(super) fn copy_of_helper(&mut self) {
        if self.lines.iter().any(|l| l.contains("copy_of(")) {
            for l in COPY_OF {
                self.line(l);
            }
            self.line("");
        }
    }
}

/// The helper that copies what a `Mutex` holds, its lock released at once.
const COPY_OF: &[&str] = &[
    "/// A copy of what a `Mutex` holds: the lock is released before the copy is used.",
    "fn copy_of<T: Clone>(shared: &Mutex<T>) -> T {",
    "    shared.lock().unwrap().clone()",
    "}",
];
