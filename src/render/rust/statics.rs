//! The module's shared variables: `static` atomics (`AtomicI64`,
//! `AtomicBool`) that every function and task reads and sets, as Python's
//! functions share a global (the runtime has one thread and nothing else
//! is ordered by them, so `Ordering::Relaxed` is enough), and lists in a
//! `std::sync::Mutex`: changed in place under its lock for one statement
//! (`LOG.lock().unwrap().push(x)`), read as a copy (`snapshot(&LOG)`)
//! whose lock is released at once, so that no statement locks it twice or
//! holds it across an `.await`.

use super::Renderer;
use super::code::Code;
use super::tables::table;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};

/// The name under which inference keeps the types of the shared variables.
pub(super) const STATICS: &str = "<statics>";

/// The atomic type that holds a shared variable of type `ty`.
fn atomic(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool => "AtomicBool",
        _ => "AtomicI64",
    }
}

impl Renderer<'_> {
    /// The `static` items, before the functions.
    pub(super) fn static_items(&mut self) {
        for (name, value) in &self.demo.statics {
            let ty = self.types.var(STATICS, name);
            if let Some(items) = table(value) {
                self.const_table(name, &ty, items);
                continue;
            }
            if let ExprKind::Call(Builtin::Dict, _) = &value.kind {
                self.lookup_dict(name, &ty, value);
                continue;
            }
            if let Ty::List(_) = ty {
                let ty = ty.rust();
                self.line(format!(
                    "static {name}: std::sync::Mutex<{ty}> = std::sync::Mutex::new(Vec::new());"
                ));
                continue;
            }
            let atomic = atomic(&ty);
            self.use_("std::sync::atomic", atomic);
            self.use_("std::sync::atomic", "Ordering");
            let first = self.expr(value).text;
            self.line(format!("static {name}: {atomic} = {atomic}::new({first});"));
        }
        if !self.demo.statics.is_empty() {
            self.line("");
        }
    }

    /// Whether `name` is one of the module's shared variables.
    pub(super) fn is_static(&self, name: &str) -> bool {
        self.demo.statics.iter().any(|(n, _)| n == name)
    }

    /// Reading a shared variable (a list: a copy).
    pub(super) fn static_read(&self, name: &str) -> Code {
        let ty = self.types.var(STATICS, name);
        if self.is_table(name) || self.is_lookup_dict(name) {
            return Code::new(name, ty, 10);
        }
        if let Ty::List(_) = ty {
            let mut c = Code::new(format!("snapshot(&{name})"), ty, 10);
            c.fresh = true;
            return c;
        }
        Code::new(format!("{name}.load(Ordering::Relaxed)"), ty, 10)
    }

    /// Setting a shared variable: `+=`, `-=` and `max`/`min` with itself
    /// are the atomic's own read-modify-write operations.
    pub(super) fn static_set(&mut self, name: &str, value: &Expr) {
        let is_self = |e: &Expr| matches!(&e.kind, ExprKind::Var(n) if n == name);
        let int = self.types.var(STATICS, name) != Ty::Bool;
        let (method, arg) = match &value.kind {
            ExprKind::Binary(BinaryOp::Add, a, b) if int && is_self(a) => ("fetch_add", &**b),
            ExprKind::Binary(BinaryOp::Add, a, b) if int && is_self(b) => ("fetch_add", &**a),
            ExprKind::Binary(BinaryOp::Sub, a, b) if int && is_self(a) => ("fetch_sub", &**b),
            ExprKind::Call(op @ (Builtin::Max | Builtin::Min), args)
                if int
                    && let [a, b] = args.as_slice()
                    && (is_self(a) || is_self(b)) =>
            {
                let method = if *op == Builtin::Max {
                    "fetch_max"
                } else {
                    "fetch_min"
                };
                (method, if is_self(a) { b } else { a })
            }
            _ => ("store", value),
        };
        let arg = self.expr(arg);
        self.line(format!("{name}.{method}({}, Ordering::Relaxed);", arg.text));
    }
}

/// The helper that copies a shared list, its lock released at once.
const SNAPSHOT: &[&str] = &[
    "/// A copy of a shared list: the lock is released before the copy is used.",
    "fn snapshot<T: Clone>(list: &std::sync::Mutex<Vec<T>>) -> Vec<T> {",
    "    list.lock().unwrap().clone()",
    "}",
];

impl Renderer<'_> {
    /// The list-copying helper, after the functions, when a line calls it.
    pub(super) fn static_helpers(&mut self) {
        if self.lines.iter().any(|l| l.contains("snapshot(&")) {
            for l in SNAPSHOT {
                self.line(l);
            }
            self.line("");
        }
    }

    /// `list.method(...)` on a shared list: under its lock, for the
    /// statement.
    pub(super) fn static_receiver(&self, e: &Expr) -> Option<Code> {
        let ExprKind::Var(name) = &e.kind else {
            return None;
        };
        let ty = self.types.var(STATICS, name);
        (self.is_static(name) && matches!(ty, Ty::List(_)))
            .then(|| Code::new(format!("{name}.lock().unwrap()"), ty, 10))
    }
}
