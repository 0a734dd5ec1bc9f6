//! `asyncio.Queue`, `PriorityQueue` and `LifoQueue`, as CPython 3.11's
//! `Lib/asyncio/queues.py` runs them: getters and putters wait on futures
//! in FIFO deques; `put_nowait` wakes the first getter not done,
//! `get_nowait` the first putter; a woken waiter that is cancelled before
//! it runs hands its turn to the next. `PriorityQueue` orders its items
//! with `heapq`'s algorithm, so equal priorities come out as in CPython.

use super::locks::Event;
use super::mixins::{AsyncMethods, MethodCoro, Tag, wait};
use super::tasks::Cancel;
use super::waiters::WaiterQueue;
use crate::engine::events::CounterKind;
use crate::engine::py::builtins::args;
use crate::engine::py::types::exc::{PyResult, error, value_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use crate::program::CmpOp;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Which of the three queues.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Fifo,
    Priority,
    Lifo,
}

/// An asyncio queue.
pub struct Queue {
    kind: Kind,
    maxsize: i64,
    items: RefCell<VecDeque<Value>>,
    getters: WaiterQueue,
    putters: WaiterQueue,
    unfinished: Cell<i64>,
    finished: Event,
    /// Its name and size counter on the timeline.
    tag: Tag,
}

fn wakeup_next(waiters: &WaiterQueue) {
    waiters.pop_wake(Value::None);
}

impl Queue {
    /// `asyncio.Queue(maxsize=0)` and its kin.
    pub fn value(ix: &Interp, cx: &Frame, mut a: Args, kind: Kind) -> PyResult<Value> {
        let m = a
            .take_kw("maxsize")
            .or_else(|| (!a.pos.is_empty()).then(|| a.pos.remove(0)));
        args::no_kw(&a, "Queue()")?;
        let maxsize = match m {
            Some(v) => args::index(&v)?,
            None => 0,
        };
        let finished = Event::default();
        finished.set();
        let q = Queue {
            kind,
            maxsize,
            items: RefCell::default(),
            getters: WaiterQueue::default(),
            putters: WaiterQueue::default(),
            unfinished: Cell::new(0),
            finished,
            tag: Tag::new(ix, cx, Self::kind_name(kind)),
        };
        q.count(ix, cx);
        Ok(Value::Native(Rc::new(q)))
    }

    /// Records its size, when it changed.
    fn count(&self, ix: &Interp, cx: &Frame) {
        let size = self.items.borrow().len() as i64;
        let capacity = (self.maxsize > 0).then_some(self.maxsize);
        self.tag
            .count(ix, cx, CounterKind::QueueSize, size, capacity);
    }

    fn name(&self) -> &'static str {
        Self::kind_name(self.kind)
    }

    fn kind_name(kind: Kind) -> &'static str {
        match kind {
            Kind::Fifo => "Queue",
            Kind::Priority => "PriorityQueue",
            Kind::Lifo => "LifoQueue",
        }
    }

    fn full(&self) -> bool {
        self.maxsize > 0 && self.items.borrow().len() as i64 >= self.maxsize
    }

    fn empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    fn put_nowait(&self, ix: &Interp, cx: &Frame, item: Value) -> PyResult<Value> {
        if self.full() {
            return Err(error("QueueFull", ""));
        }
        match self.kind {
            Kind::Priority => self.heap_push(ix, cx, item)?,
            _ => self.items.borrow_mut().push_back(item),
        }
        self.unfinished.set(self.unfinished.get() + 1);
        self.finished.clear();
        self.count(ix, cx);
        wakeup_next(&self.getters);
        Ok(Value::None)
    }

    fn get_nowait(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        if self.empty() {
            return Err(error("QueueEmpty", ""));
        }
        let item = match self.kind {
            Kind::Fifo => self.items.borrow_mut().pop_front(),
            Kind::Lifo => self.items.borrow_mut().pop_back(),
            Kind::Priority => Some(self.heap_pop(ix, cx)?),
        };
        self.count(ix, cx);
        wakeup_next(&self.putters);
        Ok(item.unwrap_or(Value::None))
    }

    fn lt(ix: &Interp, cx: &Frame, a: &Value, b: &Value) -> PyResult<bool> {
        ix.compare(cx, CmpOp::Lt, a, b)
    }

    /// `heapq.heappush`.
    fn heap_push(&self, ix: &Interp, cx: &Frame, item: Value) -> PyResult<()> {
        let mut heap: Vec<Value> = self.items.borrow().iter().cloned().collect();
        heap.push(item);
        let n = heap.len() - 1;
        sift_down(ix, cx, &mut heap, 0, n)?;
        *self.items.borrow_mut() = heap.into();
        Ok(())
    }

    /// `heapq.heappop`.
    fn heap_pop(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        let mut heap: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let last = heap.pop().unwrap_or(Value::None);
        if heap.is_empty() {
            self.items.borrow_mut().clear();
            return Ok(last);
        }
        let first = std::mem::replace(&mut heap[0], last);
        sift_up(ix, cx, &mut heap, 0)?;
        *self.items.borrow_mut() = heap.into();
        Ok(first)
    }

    async fn put(&self, ix: &Interp, cx: &Frame, item: Value) -> PyResult<Value> {
        while self.full() {
            let putter = self.putters.push(cx);
            let what = format!("{}.put (queue full)", self.name());
            if let Err(e) = wait(ix, cx, &putter, what, None).await {
                putter.cancel();
                self.putters.remove(&putter);
                if !self.full() && !super::mixins::cancelled(&putter) {
                    wakeup_next(&self.putters);
                }
                return Err(e);
            }
        }
        self.put_nowait(ix, cx, item)
    }

    async fn get(&self, ix: &Interp, cx: &Frame) -> PyResult<Value> {
        while self.empty() {
            let getter = self.getters.push(cx);
            let what = format!("{}.get (queue empty)", self.name());
            if let Err(e) = wait(ix, cx, &getter, what, None).await {
                getter.cancel();
                self.getters.remove(&getter);
                if !self.empty() && !super::mixins::cancelled(&getter) {
                    wakeup_next(&self.getters);
                }
                return Err(e);
            }
        }
        self.get_nowait(ix, cx)
    }

    /// `str(queue)`'s inside: `maxsize=0 _queue=[1, 2] tasks=2`.
    fn format(&self) -> String {
        let mut out = format!("maxsize={}", self.maxsize);
        let items = self.items.borrow();
        if !items.is_empty() {
            let shown: Vec<String> = items.iter().map(Value::repr).collect();
            out.push_str(&format!(" _queue=[{}]", shown.join(", ")));
        }
        let g = self.getters.count();
        if g > 0 {
            out.push_str(&format!(" _getters[{g}]"));
        }
        let p = self.putters.count();
        if p > 0 {
            out.push_str(&format!(" _putters[{p}]"));
        }
        if self.unfinished.get() != 0 {
            out.push_str(&format!(" tasks={}", self.unfinished.get()));
        }
        out
    }
}

fn sift_down(
    ix: &Interp,
    cx: &Frame,
    heap: &mut [Value],
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if Queue::lt(ix, cx, &item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}

fn sift_up(ix: &Interp, cx: &Frame, heap: &mut [Value], mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !Queue::lt(ix, cx, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(ix, cx, heap, start, pos)
}

impl AsyncMethods for Queue {
    fn qualname(&self, method: &str) -> String {
        format!("Queue.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        mut args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            match method {
                "put" => self.put(ix, cx, args.remove(0)).await,
                "get" => self.get(ix, cx).await,
                _ => {
                    if self.unfinished.get() > 0 {
                        let what = format!(
                            "{}.join ({} unfinished)",
                            self.name(),
                            self.unfinished.get()
                        );
                        self.finished.wait_as(ix, cx, &what).await?;
                    }
                    Ok(Value::None)
                }
            }
        })
    }
}

impl Native for Queue {
    fn type_name(&self) -> &str {
        self.name()
    }

    fn repr(&self) -> String {
        format!("<{} {}>", self.name(), self.format())
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        match name {
            "maxsize" => Some(Value::Int(self.maxsize)),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "put"
                | "get"
                | "put_nowait"
                | "get_nowait"
                | "task_done"
                | "join"
                | "qsize"
                | "empty"
                | "full"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        cx: &Frame,
        name: &str,
        a: Args,
    ) -> Option<PyResult<Value>> {
        let no = |a: &Args| args::no_args(a, &format!("{name}()"));
        Some(match name {
            "qsize" => no(&a).map(|_| Value::Int(self.items.borrow().len() as i64)),
            "empty" => no(&a).map(|_| Value::Bool(self.empty())),
            "full" => no(&a).map(|_| Value::Bool(self.full())),
            "put_nowait" => {
                args::exactly_one(a, "put_nowait()").and_then(|v| self.put_nowait(ix, cx, v))
            }
            "get_nowait" => no(&a).and_then(|_| self.get_nowait(ix, cx)),
            "task_done" => no(&a).and_then(|_| {
                if self.unfinished.get() <= 0 {
                    return Err(value_error("task_done() called too many times"));
                }
                self.unfinished.set(self.unfinished.get() - 1);
                if self.unfinished.get() == 0 {
                    self.finished.set();
                }
                Ok(Value::None)
            }),
            "put" => args::exactly_one(a, "put()").map(|v| MethodCoro::value(self, "put", vec![v])),
            "get" => no(&a).map(|_| MethodCoro::value(self, "get", vec![])),
            "join" => no(&a).map(|_| MethodCoro::value(self, "join", vec![])),
            _ => return None,
        })
    }
}
