//! A queue the program writes as text (`print(q)`, `f"{q}"`): Python shows
//! its state (`<Queue maxsize=2 _queue=[0, 1] _putters[2] tasks=2>`), which
//! a channel cannot tell. Such a program's queues are a small `Queue` type
//! the listing carries instead of an `async_channel`: its items in a
//! `VecDeque`, each task waiting to get or to put a oneshot sender in a
//! line of its own (woken first come, first served, and passing its turn on
//! when cancelled once woken, as asyncio's getters and putters do), and the
//! count of unfinished items in a `watch` that `join` waits on; its
//! `Display` writes what Python's `repr` writes.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part};
use crate::render::plan::ir::primitive::PrimOp;

/// Whether `Repr` writes an item of the type as Python writes it in a
/// queue's text.
pub(super) fn printable_item(ty: &Ty) -> bool {
    match ty {
        Ty::Int | Ty::Float | Ty::Str | Ty::Bool => true,
        Ty::Tuple(items) => items.len() <= 3 && items.iter().all(printable_item),
        _ => false,
    }
}

/// Every expression of `demo` written as text: the holes of printed and
/// formatted texts, and the arguments of `str`.
fn written(demo: &Demo, f: &mut dyn FnMut(&str, &Expr)) {
    for func in &demo.functions {
        let name = func.name.as_str();
        func.walk(&mut |s| {
            if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
                for part in &t.parts {
                    if let Part::Hole(e) | Part::Spec(e, _) = part {
                        f(name, e);
                    }
                }
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Template(t) => {
                        for part in &t.parts {
                            if let Part::Hole(e) | Part::Spec(e, _) = part {
                                f(name, e);
                            }
                        }
                    }
                    // Not `repr`, which holds the queue's address.
                    ExprKind::Call(Builtin::Str, args) => {
                        args.iter().for_each(|a| f(name, a));
                    }
                    _ => {}
                });
            }
        });
    }
}

/// Whether the program writes one of its queues as text: then its queues
/// are the listing's `Queue`.
pub(super) fn writes_queue(demo: &Demo, types: &Types) -> bool {
    let mut found = false;
    written(demo, &mut |func, e| {
        found |= matches!(types.expr_ty(func, e), Ty::Queue(t) if printable_item(&t));
    });
    found
}

/// The listing's `Queue` and its line of waiting tasks.
const QUEUE: &[&str] = &[
    "/// asyncio's `Queue`: its items, the tasks waiting to get or to put (each woken",
    "/// in the order it began to wait) and the count of items not yet done.",
    "struct Queue<T> {",
    "    maxsize: usize,",
    "    state: std::sync::Mutex<Waiting<T>>,",
    "    unfinished: watch::Sender<usize>,",
    "}",
    "",
    "/// A queue's items and the lines of its waiting tasks.",
    "struct Waiting<T> {",
    "    items: VecDeque<T>,",
    "    getters: VecDeque<oneshot::Sender<()>>,",
    "    putters: VecDeque<oneshot::Sender<()>>,",
    "}",
    "",
];

const QUEUE_FULL: &[&str] = &[
    "/// What `put_nowait` of a full queue raises.",
    "#[derive(Debug)]",
    "struct QueueFull;",
    "",
];

const QUEUE_EMPTY: &[&str] = &[
    "/// What `get_nowait` of an empty queue raises.",
    "#[derive(Debug)]",
    "struct QueueEmpty;",
    "",
];

const WAKE_NEXT: &[&str] = &[
    "/// Wakes the first task of `line` still waiting.",
    "fn wake_next(line: &mut VecDeque<oneshot::Sender<()>>) {",
    "    while let Some(waiter) = line.pop_front() {",
    "        if waiter.send(()).is_ok() {",
    "            break;",
    "        }",
    "    }",
    "}",
    "",
];

const TURN: &[&str] = &[
    "/// A task's place in a line. Dropped once woken but before it ran (its",
    "/// task cancelled), it passes its turn to the next, as asyncio does.",
    "struct Turn<'q, T> {",
    "    queue: &'q Queue<T>,",
    "    putter: bool,",
    "    woken: oneshot::Receiver<()>,",
    "}",
    "",
    "impl<T> Drop for Turn<'_, T> {",
    "    fn drop(&mut self) {",
    "        if self.woken.try_recv().is_ok() {",
    "            let mut state = self.queue.state.lock().unwrap();",
    "            if self.putter && !self.queue.is_full(&state) {",
    "                wake_next(&mut state.putters);",
    "            } else if !self.putter && !state.items.is_empty() {",
    "                wake_next(&mut state.getters);",
    "            }",
    "        }",
    "    }",
    "}",
    "",
];

const NEW: &[&str] = &[
    "    /// A queue of `maxsize` items at most, `0` for no bound.",
    "    fn new(maxsize: usize) -> Self {",
    "        Queue {",
    "            maxsize,",
    "            state: std::sync::Mutex::new(Waiting {",
    "                items: VecDeque::new(),",
    "                getters: VecDeque::new(),",
    "                putters: VecDeque::new(),",
    "            }),",
    "            unfinished: watch::Sender::new(0),",
    "        }",
    "    }",
];

const IS_FULL: &[&str] = &[
    "    fn is_full(&self, state: &Waiting<T>) -> bool {",
    "        self.maxsize > 0 && state.items.len() >= self.maxsize",
    "    }",
];

const QSIZE: &[&str] = &[
    "    fn qsize(&self) -> usize {",
    "        self.state.lock().unwrap().items.len()",
    "    }",
];

const EMPTY: &[&str] = &[
    "    fn empty(&self) -> bool {",
    "        self.qsize() == 0",
    "    }",
];

const FULL: &[&str] = &[
    "    fn full(&self) -> bool {",
    "        self.is_full(&self.state.lock().unwrap())",
    "    }",
];

const WAIT_TURN: &[&str] = &[
    "    /// Waits in the line of getters (or putters) until woken.",
    "    async fn wait_turn(&self, putter: bool) {",
    "        let (waiter, woken) = oneshot::channel();",
    "        {",
    "            let mut state = self.state.lock().unwrap();",
    "            let line = if putter {",
    "                &mut state.putters",
    "            } else {",
    "                &mut state.getters",
    "            };",
    "            line.push_back(waiter);",
    "        }",
    "        let mut turn = Turn {",
    "            queue: self,",
    "            putter,",
    "            woken,",
    "        };",
    "        let _ = (&mut turn.woken).await;",
    "    }",
];

const PUT_NOWAIT: &[&str] = &[
    "    fn put_nowait(&self, item: T) -> Result<(), QueueFull> {",
    "        let mut state = self.state.lock().unwrap();",
    "        if self.is_full(&state) {",
    "            return Err(QueueFull);",
    "        }",
    "        state.items.push_back(item);",
    "        self.unfinished.send_modify(|count| *count += 1);",
    "        wake_next(&mut state.getters);",
    "        Ok(())",
    "    }",
];

const PUT: &[&str] = &[
    "    async fn put(&self, item: T) {",
    "        while self.full() {",
    "            self.wait_turn(true).await;",
    "        }",
    "        self.put_nowait(item).expect(\"the queue has room\");",
    "    }",
];

const GET_NOWAIT: &[&str] = &[
    "    fn get_nowait(&self) -> Result<T, QueueEmpty> {",
    "        let mut state = self.state.lock().unwrap();",
    "        let item = state.items.pop_front().ok_or(QueueEmpty)?;",
    "        wake_next(&mut state.putters);",
    "        Ok(item)",
    "    }",
];

const GET: &[&str] = &[
    "    async fn get(&self) -> T {",
    "        while self.empty() {",
    "            self.wait_turn(false).await;",
    "        }",
    "        self.get_nowait().expect(\"the queue has an item\")",
    "    }",
];

const TASK_DONE: &[&str] = &[
    "    fn task_done(&self) {",
    "        self.unfinished.send_modify(|count| {",
    "            *count = count",
    "                .checked_sub(1)",
    "                .expect(\"task_done() called too many times\")",
    "        });",
    "    }",
];

const JOIN: &[&str] = &[
    "    /// Waits until every item put is marked done.",
    "    async fn join(&self) {",
    "        let mut count = self.unfinished.subscribe();",
    "        count.wait_for(|count| *count == 0).await.unwrap();",
    "    }",
];

const DISPLAY: &[&str] = &[
    "/// Python's `repr` of a queue: its bound, items, waiting tasks and unfinished count.",
    "impl<T: Repr> std::fmt::Display for Queue<T> {",
    "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
    "        let state = self.state.lock().unwrap();",
    "        write!(f, \"<Queue maxsize={}\", self.maxsize)?;",
    "        if !state.items.is_empty() {",
    "            let items: Vec<String> = state.items.iter().map(|item| item.repr()).collect();",
    "            write!(f, \" _queue=[{}]\", items.join(\", \"))?;",
    "        }",
    "        let waiting = |line: &VecDeque<oneshot::Sender<()>>| {",
    "            line.iter().filter(|waiter| !waiter.is_closed()).count()",
    "        };",
    "        match waiting(&state.getters) {",
    "            0 => {}",
    "            n => write!(f, \" _getters[{n}]\")?,",
    "        }",
    "        match waiting(&state.putters) {",
    "            0 => {}",
    "            n => write!(f, \" _putters[{n}]\")?,",
    "        }",
    "        match *self.unfinished.borrow() {",
    "            0 => {}",
    "            n => write!(f, \" tasks={n}\")?,",
    "        }",
    "        write!(f, \">\")",
    "    }",
    "}",
];

/// The queue methods `demo` calls.
fn called_ops(demo: &Demo) -> Vec<PrimOp> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::PrimCall { op, .. } = &s.kind {
                out.push(*op);
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    if let ExprKind::Prim(_, op) = &x.kind {
                        out.push(*op);
                    }
                });
            }
        });
    }
    out
}

/// The lines of the listing's `Queue` with the methods `ops` call (and
/// those they call): no method is left unused.
fn queue_lines(ops: &[PrimOp]) -> Vec<&'static str> {
    let has = |o: &[PrimOp]| o.iter().any(|o| ops.contains(o));
    let (put, get) = (has(&[PrimOp::Put]), has(&[PrimOp::Get]));
    let put_nowait = put || has(&[PrimOp::PutNowait]);
    let get_nowait = get || has(&[PrimOp::GetNowait]);
    let waits = put || get;
    let empty = get || has(&[PrimOp::Empty]);
    let full = put || has(&[PrimOp::Full]);
    let methods: [(bool, &[&str]); 12] = [
        (true, NEW),
        (full || put_nowait || waits, IS_FULL),
        (empty || has(&[PrimOp::QSize]), QSIZE),
        (empty, EMPTY),
        (full, FULL),
        (waits, WAIT_TURN),
        (put_nowait, PUT_NOWAIT),
        (put, PUT),
        (get_nowait, GET_NOWAIT),
        (get, GET),
        (has(&[PrimOp::TaskDone]), TASK_DONE),
        (has(&[PrimOp::Join]), JOIN),
    ];
    let mut out: Vec<&str> = QUEUE.to_vec();
    let parts: [(bool, &[&str]); 4] = [
        (put_nowait, QUEUE_FULL),
        (get_nowait, QUEUE_EMPTY),
        (put_nowait || get_nowait, WAKE_NEXT),
        (waits, TURN),
    ];
    for (wanted, lines) in parts {
        if wanted {
            out.extend(lines);
        }
    }
    out.push("impl<T> Queue<T> {");
    let mut first = true;
    for (wanted, lines) in methods {
        if wanted {
            if !first {
                out.push("");
            }
            first = false;
            out.extend(lines);
        }
    }
    out.push("}");
    out.push("");
    out.extend(DISPLAY);
    out
}

impl Renderer<'_> {
    /// Whether the queues are the listing's `Queue` (see the module).
    pub(super) fn queue_text(&self) -> bool {
        writes_queue(self.demo, self.types)
    }

    /// Whether a task of its own is given a queue: then the queue is an
    /// `Arc<Queue<T>>`, else a `Queue<T>` lent as `&Queue<T>`.
    fn queue_shared(&self) -> bool {
        self.demo.functions.iter().any(|f| {
            self.types.tasked.contains(&f.name)
                && f.params
                    .iter()
                    .any(|p| matches!(self.types.var(&f.name, p), Ty::Queue(_)))
        })
    }

    /// The parameter a queue parameter `p` becomes.
    pub(super) fn queue_text_param(&mut self, p: &str, item: &str) -> String {
        if self.queue_shared() {
            self.use_("std::sync", "Arc");
            format!("{}: Arc<Queue<{item}>>", ident(p))
        } else {
            format!("{}: &Queue<{item}>", ident(p))
        }
    }

    /// The argument that gives the queue `var` to a parameter.
    pub(super) fn queue_text_arg(&mut self, var: &str) -> String {
        if self.queue_shared() {
            format!("Arc::clone(&{})", ident(var))
        } else if self.is_param_name(var) {
            ident(var)
        } else {
            format!("&{}", ident(var))
        }
    }

    fn is_param_name(&self, var: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| p == var))
    }

    /// `name = asyncio.Queue(maxsize)`.
    pub(super) fn queue_text_new(&mut self, name: &str, maxsize: Option<String>) {
        self.use_("std::collections", "VecDeque");
        self.use_("tokio::sync", "oneshot");
        self.use_("tokio::sync", "watch");
        let made = format!("Queue::new({})", maxsize.as_deref().unwrap_or("0"));
        if self.queue_shared() {
            self.use_("std::sync", "Arc");
            self.line(format!("let {} = Arc::new({made});", ident(name)));
        } else {
            self.line(format!("let {} = {made};", ident(name)));
        }
    }

    /// The links of a queue method on the listing's `Queue`, and its type;
    /// `None` for a method of another kind of object.
    pub(super) fn queue_text_chain(
        &self,
        object: &str,
        op: PrimOp,
        arg: String,
        item: Ty,
    ) -> Option<(Vec<String>, Ty)> {
        let o = ident(object);
        let links = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Some(match op {
            PrimOp::Put => (links(&[&o, &format!(".put({arg})"), ".await"]), Ty::Unit),
            PrimOp::PutNowait => (
                links(&[
                    &o,
                    &format!(".put_nowait({arg})"),
                    ".expect(\"the queue has room\")",
                ]),
                Ty::Unit,
            ),
            PrimOp::Get => (links(&[&o, ".get()", ".await"]), item),
            PrimOp::GetNowait => (
                links(&[&o, ".get_nowait()", ".expect(\"the queue has an item\")"]),
                item,
            ),
            PrimOp::QSize => (links(&[&o, ".qsize()"]), Ty::Int),
            PrimOp::Empty => (links(&[&o, ".empty()"]), Ty::Bool),
            PrimOp::Full => (links(&[&o, ".full()"]), Ty::Bool),
            PrimOp::MaxSize => (links(&[&o, ".maxsize"]), Ty::Int),
            PrimOp::TaskDone => (links(&[&o, ".task_done()"]), Ty::Unit),
            PrimOp::Join => (links(&[&o, ".join()", ".await"]), Ty::Unit),
            _ => return None,
        })
    }

    /// The listing's `Queue`, when its lines make one.
    pub(super) fn queue_text_helper(&mut self) {
        if !self.lines.iter().any(|l| l.contains("Queue::new(")) {
            return;
        }
        for l in queue_lines(&called_ops(self.demo)) {
            self.line(l);
        }
        self.line("");
    }
}
