//! The module's shared variables: `static` atomics (`AtomicI64`,
//! `AtomicBool`) that every function and task reads and sets, as Python's
//! functions share a global (the runtime has one thread and nothing else
//! is ordered by them, so `Ordering::Relaxed` is enough), and lists in a
//! `std::sync::Mutex`, locked for one statement at a time (never across an
//! `.await`).

use super::Renderer;
use super::code::Code;
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

    /// Reading a shared variable (a list: its lock's guard, which the
    /// statement drops at its end).
    pub(super) fn static_read(&self, name: &str) -> Code {
        let ty = self.types.var(STATICS, name);
        if let Ty::List(_) = ty {
            return Code::new(format!("{name}.lock().unwrap()"), ty, 10);
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
