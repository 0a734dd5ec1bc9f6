//! Events, queues and barriers in Tokio. An `asyncio.Barrier` is Tokio's
//! `Barrier`, shared like a semaphore. An `asyncio.Event` is a
//! `watch::Sender<bool>` (shared like a semaphore: borrowed, or an `Arc`
//! when spawned tasks get it); its `wait` subscribes and waits for `true`.
//! An `asyncio.Queue` is an `async_channel` (several consumers may share
//! one queue, which Tokio's `mpsc` does not allow): the one Python object
//! is two Rust values, `NAME_tx` and `NAME_rx`, and a function is given the
//! halves it (or what it calls) uses.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind, Part};
use crate::render::plan::ir::primitive::{PrimOp, Primitive};
use crate::render::plan::ir::value::Value;

/// What a function does with a queue: which of its Rust values it needs.
#[derive(Clone, Copy, Default)]
pub(super) struct Halves {
    /// The sender, `NAME_tx`.
    pub(super) tx: bool,
    /// The receiver, `NAME_rx`.
    pub(super) rx: bool,
    /// The count of unfinished items, `NAME_unfinished`.
    pub(super) count: bool,
    /// Whether it reads the queue's size, which either half tells.
    sized: bool,
}

impl Halves {
    fn add(&mut self, op: PrimOp) {
        self.tx |= op.sends();
        self.rx |= op.receives();
        self.count |= op.counts();
        self.sized |= matches!(
            op,
            PrimOp::QSize | PrimOp::Empty | PrimOp::Full | PrimOp::MaxSize
        );
    }

    fn union(&mut self, other: Halves) {
        self.tx |= other.tx;
        self.rx |= other.rx;
        self.count |= other.count;
        self.sized |= other.sized;
    }
}

/// The queue methods an expression calls on `var`.
fn ops_in(e: &Expr, var: &str, out: &mut Halves) {
    match &e.kind {
        ExprKind::Prim(v, op) if v == var => out.add(*op),
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    ops_in(h, var, out);
                }
            }
        }
        ExprKind::Binary(_, a, b) => {
            ops_in(a, var, out);
            ops_in(b, var, out);
        }
        ExprKind::Unary(_, x) => ops_in(x, var, out),
        ExprKind::IfElse(c, a, b) => {
            ops_in(c, var, out);
            ops_in(a, var, out);
            ops_in(b, var, out);
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| ops_in(i, var, out))
        }
        // `ys.append(await q.get())`.
        ExprKind::StrMethod(_, x, items) => {
            ops_in(x, var, out);
            items.iter().for_each(|i| ops_in(i, var, out))
        }
        _ => {}
    }
}

impl Renderer<'_> {
    /// Whether the demo marks items done or joins a queue: then every
    /// queue keeps a count of unfinished items.
    fn counts_unfinished(&self) -> bool {
        let mut found = false;
        for f in &self.demo.functions {
            walk(&f.body, &mut |s| {
                found |= matches!(
                    s.kind,
                    StmtKind::PrimCall {
                        op: PrimOp::TaskDone | PrimOp::Join,
                        ..
                    }
                );
            });
        }
        found
    }

    /// The Rust values of the queue `var` that `func` needs. Passing the
    /// queue on needs what the callee needs.
    pub(super) fn queue_halves(&self, func: &str, var: &str) -> Halves {
        let mut h = self.halves_within(func, var, 0);
        h.count &= self.counts_unfinished();
        // Only its size read: the sender tells it.
        h.tx |= h.sized && !h.rx;
        h
    }

    fn halves_within(&self, func: &str, var: &str, depth: u32) -> Halves {
        let mut out = Halves::default();
        let Some(f) = self.demo.function(func) else {
            return out;
        };
        if depth > 8 {
            return Halves {
                tx: true,
                rx: true,
                count: true,
                sized: true,
            };
        }
        let mut passed = Vec::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::PrimCall { object, op, .. } = &s.kind
                && object == var
            {
                out.add(*op);
            }
            let mut calls = super::analysis::stmt_calls(s);
            for (e, _) in super::analysis::stmt_exprs(s) {
                ops_in(e, var, &mut out);
                // Calls spawned or awaited inside the expression (a list of tasks).
                super::expr_walk::each_expr(e, &mut |x| {
                    if let ExprKind::Spawn(c) | ExprKind::Await(c) | ExprKind::Coro(c) = &x.kind {
                        calls.push(c);
                    }
                });
            }
            for call in calls {
                let Some(callee) = self.demo.function(&call.name) else {
                    continue;
                };
                for (arg, p) in call.args.iter().zip(&callee.params) {
                    if matches!(&arg.kind, ExprKind::Var(n) if n == var) {
                        passed.push((call.name.clone(), p.clone()));
                    }
                }
            }
        });
        for (callee, p) in passed {
            out.union(self.halves_within(&callee, &p, depth + 1));
        }
        out
    }

    /// The queue's item type as Rust writes it.
    fn item_ty(ty: &Ty) -> String {
        match ty {
            Ty::Queue(t) => t.rust(),
            _ => Ty::Unknown.rust(),
        }
    }

    /// The parameters a queue parameter `p` of the current function
    /// becomes: `p_tx: Sender<T>`, `p_rx: Receiver<T>`, those it needs.
    pub(super) fn queue_params(&mut self, func: &str, p: &str, ty: &Ty) -> String {
        let item = Self::item_ty(ty);
        if self.queue_text() {
            return self.queue_text_param(p, &item);
        }
        let h = self.queue_halves(func, p);
        let mut out = Vec::new();
        if h.tx || !(h.rx || h.count) {
            let pre = if h.tx { "" } else { "_" };
            out.push(format!("{pre}{p}_tx: async_channel::Sender<{item}>"));
        }
        if h.rx {
            out.push(format!("{p}_rx: async_channel::Receiver<{item}>"));
        }
        if h.count {
            self.use_("std::sync", "Arc");
            self.use_("tokio::sync", "watch");
            out.push(format!("{p}_unfinished: Arc<watch::Sender<usize>>"));
        }
        out.join(", ")
    }

    /// The arguments that give the queue `var` to the parameter `p` of
    /// `callee`: clones of the halves it needs.
    pub(super) fn queue_args(&mut self, callee: &str, p: &str, var: &str) -> String {
        if self.queue_text() {
            return self.queue_text_arg(var);
        }
        let h = self.queue_halves(callee, p);
        let mut out = Vec::new();
        if h.tx || !(h.rx || h.count) {
            out.push(format!("{var}_tx.clone()"));
        }
        if h.rx {
            out.push(format!("{var}_rx.clone()"));
        }
        if h.count {
            out.push(format!("Arc::clone(&{var}_unfinished)"));
        }
        out.join(", ")
    }

    /// `name = asyncio.Event()` or `name = asyncio.Queue(maxsize)`.
    pub(super) fn primitive(&mut self, name: &str, made: &Primitive) {
        self.declared.insert(name.to_string());
        match made {
            Primitive::Condition => self.condition_new(name),
            Primitive::Token => {
                self.use_("tokio_util::sync", "CancellationToken");
                self.line(if self.ended_token(name) {
                    "// The task awaits a cleanup once cancelled: a token it watches."
                } else {
                    "// The task catches its cancellation and goes on: a token it watches."
                });
                self.line(format!("let {} = CancellationToken::new();", ident(name)));
            }
            Primitive::Event => {
                self.use_("tokio::sync", "watch");
                self.line("// An Event: a watch channel of `bool` that starts unset.");
                let made = "watch::Sender::new(false)";
                if self.sync_shared() {
                    self.use_("std::sync", "Arc");
                    self.line(
                        "// Tasks woken by one `set` resume in an order of Tokio's choosing,",
                    );
                    self.line("// not in the order they began to wait.");
                    self.line(format!("let {} = Arc::new({made});", ident(name)));
                } else {
                    self.line(format!("let {} = {made};", ident(name)));
                }
            }
            Primitive::Barrier { parties } => {
                self.use_("tokio::sync", "Barrier");
                let made = format!("Barrier::new({})", self.expr(parties).text);
                if self.sync_shared() {
                    self.use_("std::sync", "Arc");
                    self.line("// The parties a round releases resume in an order of Tokio's");
                    self.line("// choosing; asyncio resumes them in the order they arrived.");
                    self.line(format!("let {} = Arc::new({made});", ident(name)));
                } else {
                    self.line(format!("let {} = {made};", ident(name)));
                }
            }
            Primitive::Queue { maxsize } if self.queue_text() => {
                let maxsize = maxsize.as_ref().map(|n| self.expr(n).text);
                self.queue_text_new(name, maxsize);
            }
            Primitive::Queue { maxsize } => {
                let h = self.queue_halves(&self.func.clone(), name);
                let made = match maxsize {
                    Some(n) => {
                        let n = self.expr(n).text;
                        format!("async_channel::bounded({n})")
                    }
                    None => "async_channel::unbounded()".to_string(),
                };
                let tx = if h.tx { "" } else { "_" };
                let rx = if h.rx { "" } else { "_" };
                self.line(format!("let ({tx}{name}_tx, {rx}{name}_rx) = {made};"));
                if self.counts_unfinished() {
                    self.use_("std::sync", "Arc");
                    self.use_("tokio::sync", "watch");
                    let count = if h.count { "" } else { "_" };
                    self.line("// A channel counts no unfinished items: `put` adds one,");
                    self.line("// `task_done` takes one away, `join` waits for none.");
                    self.line(format!(
                        "let {count}{name}_unfinished = Arc::new(watch::Sender::new(0_usize));"
                    ));
                }
            }
        }
    }

    /// The Rust for a method of an event or a queue, as the links of a
    /// method chain, and its type.
    pub(super) fn prim_chain(
        &mut self,
        object: &str,
        op: PrimOp,
        arg: Option<&Expr>,
    ) -> (Vec<String>, Ty) {
        let o = ident(object);
        let option = matches!(self.var_ty(object), Ty::Queue(t) if matches!(*t, Ty::Option(_)));
        let arg = arg.map(|a| {
            let c = self.expr(a);
            let text = if c.ty == Ty::Str { c.owned() } else { c.text };
            match &a.kind {
                ExprKind::Lit(Value::None) if option => "None".to_string(),
                _ if option => format!("Some({text})"),
                _ => text,
            }
        });
        let arg = arg.unwrap_or_default();
        if let Ty::Queue(item) = self.var_ty(object)
            && self.queue_text()
            && let Some(chain) = self.queue_text_chain(object, op, arg.clone(), *item)
        {
            return chain;
        }
        // Either half tells the length; the sender if the function has it.
        let half = if self.queue_halves(&self.func.clone(), object).tx {
            format!("{o}_tx")
        } else {
            format!("{o}_rx")
        };
        let item = match self.var_ty(object) {
            Ty::Queue(t) => *t,
            _ => Ty::Unknown,
        };
        let open = ".expect(\"the queue is open\")".to_string();
        let links = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        match op {
            PrimOp::Set => (links(&[&o, ".send_replace(true)"]), Ty::Bool),
            PrimOp::Clear => (links(&[&o, ".send_replace(false)"]), Ty::Bool),
            PrimOp::IsSet => (links(&[&format!("*{o}"), ".borrow()"]), Ty::Bool),
            PrimOp::Wait => (
                links(&[
                    &o,
                    ".subscribe()",
                    ".wait_for(|set| *set)",
                    ".await",
                    ".expect(\"the sender is here\")",
                ]),
                Ty::Unit,
            ),
            PrimOp::Put => (
                links(&[
                    &format!("{o}_tx"),
                    &format!(".send({arg})"),
                    ".await",
                    &open,
                ]),
                Ty::Unit,
            ),
            PrimOp::PutNowait => (
                links(&[
                    &format!("{o}_tx"),
                    &format!(".try_send({arg})"),
                    ".expect(\"the queue has room\")",
                ]),
                Ty::Unit,
            ),
            PrimOp::Get => (
                links(&[&format!("{o}_rx"), ".recv()", ".await", &open]),
                item,
            ),
            PrimOp::GetNowait => (
                links(&[
                    &format!("{o}_rx"),
                    ".try_recv()",
                    ".expect(\"the queue has an item\")",
                ]),
                item,
            ),
            PrimOp::QSize => (links(&[&half, ".len()"]), Ty::Int),
            PrimOp::Empty => (links(&[&half, ".is_empty()"]), Ty::Bool),
            PrimOp::Full => (links(&[&half, ".is_full()"]), Ty::Bool),
            // An unbounded channel has no capacity, where Python's queue
            // has the size 0.
            PrimOp::MaxSize => (links(&[&half, ".capacity()", ".unwrap_or(0)"]), Ty::Int),
            PrimOp::Arrive => (links(&[&o, ".wait()", ".await"]), Ty::Unit),
            PrimOp::Cancel => (links(&[&o, ".cancel()"]), Ty::Unit),
            // Kept until `release()` gives it back, not by a guard.
            PrimOp::Acquire => (
                links(&[
                    &o,
                    ".acquire()",
                    ".await",
                    ".expect(\"the semaphore is open\")",
                    ".forget()",
                ]),
                Ty::Unit,
            ),
            PrimOp::Release => (links(&[&o, ".add_permits(1)"]), Ty::Unit),
            PrimOp::NotifyAll | PrimOp::Notify | PrimOp::CondWait | PrimOp::WaitUntil => {
                unreachable!("a condition's methods are statements (`condition_stmt`)")
            }
            PrimOp::BoundedRelease => {
                unreachable!("a bounded release is a statement (`bounded_release`)")
            }
            PrimOp::TaskDone => (
                links(&[
                    &format!("{o}_unfinished"),
                    ".send_modify(|count| *count -= 1)",
                ]),
                Ty::Unit,
            ),
            PrimOp::Join => (
                links(&[
                    &format!("{o}_unfinished"),
                    ".subscribe()",
                    ".wait_for(|count| *count == 0)",
                    ".await",
                    ".expect(\"the count is here\")",
                ]),
                Ty::Unit,
            ),
        }
    }

    /// `event.is_set()`, `await queue.get()`, `queue.qsize()` in an
    /// expression.
    pub(super) fn prim_expr(&mut self, object: &str, op: PrimOp) -> Code {
        let (links, ty) = self.prim_chain(object, op, None);
        let text = links.concat();
        let prec = if text.starts_with('*') { 7 } else { 10 };
        let mut c = Code::new(text, ty, prec);
        c.fresh = true;
        c
    }

    /// `into = [await] object.method(arg)` as a statement.
    pub(super) fn prim_stmt(
        &mut self,
        object: &str,
        op: PrimOp,
        arg: Option<&Expr>,
        into: Option<&str>,
        span: &std::ops::Range<usize>,
    ) {
        if self.condition_stmt(object, op, arg) {
            return;
        }
        if op == PrimOp::BoundedRelease {
            return self.bounded_release(object, arg, span);
        }
        if op == PrimOp::Wait {
            self.line("// Returns at once if the event is set, as `Event.wait` does.");
        }
        let (mut links, _) = self.prim_chain(object, op, arg);
        if self.checked.contains_key(span) {
            links = super::op_errors::checked_links(links, op);
        }
        self.chain_stmt(&links, into);
        if op.sends() && !self.queue_text() && self.queue_halves(&self.func.clone(), object).count {
            self.line(format!(
                "{}_unfinished.send_modify(|count| *count += 1);",
                ident(object)
            ));
        }
    }

    /// `into = CHAIN;` as rustfmt writes it.
    fn chain_stmt(&mut self, links: &[String], into: Option<&str>) {
        let one_line = links.concat();
        // rustfmt keeps a chain of up to 60 columns on one line.
        if one_line.len() <= 60 || links.len() < 3 {
            return self.assign(into, &one_line);
        }
        // A value nobody reads needs no name.
        let into = into.filter(|n| self.used.contains(*n) || self.declared.contains(*n));
        let prefix = into.map(|v| self.bind(v)).unwrap_or_default();
        // Else one link a line, a short root at the start of the line keeping
        // its first link.
        let (mut first, mut rest) = (links[0].clone(), &links[1..]);
        if first.len() <= 4 && prefix.is_empty() {
            first.push_str(&links[1]);
            rest = &links[2..];
        }
        self.line(format!("{prefix}{first}"));
        let last = rest.len() - 1;
        for (i, link) in rest.iter().enumerate() {
            let end = if i == last { ";" } else { "" };
            self.line(format!("    {link}{end}"));
        }
    }
}
