//! The call stack as CPython's `traceback.print_stack` shows it: each of
//! the program's frames linked to the frame that called or awaited it
//! (while it runs there), and, below the code the event loop runs,
//! asyncio's own frames down to the call that started the loop.

use super::interp::{Frame, Interp};
use crate::program::CodeKind;
use std::fmt::Write;
use std::ptr::NonNull;
use std::sync::Arc;

/// Where the engine says CPython's library is: a Linux distribution's
/// CPython 3.11 (a stack names the library's files under it).
pub const LIB: &str = "/usr/lib/python3.11";

/// A frame of CPython's library: its file (under [`LIB`]), line, function
/// and that line's source, as CPython 3.11.7 has them.
#[derive(Clone, Copy, Debug)]
pub struct LibFrame {
    pub file: &'static str,
    pub line: u32,
    pub func: &'static str,
    pub text: &'static str,
}

impl LibFrame {
    /// The frame as `print_stack` writes it.
    pub fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "  File \"{LIB}/{}\", line {}, in {}\n    {}\n",
            self.file, self.line, self.func, self.text
        );
    }
}

const fn lib(file: &'static str, line: u32, func: &'static str, text: &'static str) -> LibFrame {
    LibFrame {
        file,
        line,
        func,
        text,
    }
}

const RUNNERS: &str = "asyncio/runners.py";
const BASE_EVENTS: &str = "asyncio/base_events.py";
const ASYNCIO_RUN: LibFrame = lib(RUNNERS, 190, "run", "return runner.run(main)");
const ASYNCIO_RUN_EXIT: LibFrame = lib(RUNNERS, 189, "run", "with Runner(debug=debug) as runner:");
const RUNNER_RUN: LibFrame = lib(
    RUNNERS,
    118,
    "run",
    "return self._loop.run_until_complete(task)",
);
const RUNNER_EXIT: LibFrame = lib(RUNNERS, 63, "__exit__", "self.close()");
const RUNNER_CLOSE: LibFrame = lib(RUNNERS, 71, "close", "_cancel_all_tasks(loop)");
const CANCEL_ALL: LibFrame = lib(
    RUNNERS,
    201,
    "_cancel_all_tasks",
    "loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))",
);
const UNTIL_COMPLETE: LibFrame = lib(BASE_EVENTS, 640, "run_until_complete", "self.run_forever()");
const RUN_FOREVER: LibFrame = lib(BASE_EVENTS, 607, "run_forever", "self._run_once()");
const RUN_ONCE: LibFrame = lib(BASE_EVENTS, 1922, "_run_once", "handle._run()");
const HANDLE_RUN: LibFrame = lib(
    "asyncio/events.py",
    80,
    "_run",
    "self._context.run(self._callback, *self._args)",
);

/// How the event loop was started: which of asyncio's frames lie between
/// the call that started it and the code it runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LoopEntry {
    /// `asyncio.run(main())`, running `main`.
    AsyncioRun,
    /// `asyncio.run(main())` after `main`: the tasks left being cancelled.
    AsyncioRunShutdown,
    /// `runner.run(coro)`.
    RunnerRun,
    /// The end of `with asyncio.Runner() as runner:`.
    RunnerExit,
    /// `runner.close()`.
    RunnerClose,
    /// `loop.run_until_complete(aw)`.
    RunUntilComplete,
    /// `loop.run_forever()`.
    RunForever,
}

impl LoopEntry {
    /// asyncio's frames, outermost first.
    pub fn frames(self) -> &'static [LibFrame] {
        const LOOP: [LibFrame; 3] = [RUN_FOREVER, RUN_ONCE, HANDLE_RUN];
        const RUN: [LibFrame; 6] = [
            ASYNCIO_RUN,
            RUNNER_RUN,
            UNTIL_COMPLETE,
            LOOP[0],
            LOOP[1],
            LOOP[2],
        ];
        const SHUTDOWN: [LibFrame; 8] = [
            ASYNCIO_RUN_EXIT,
            RUNNER_EXIT,
            RUNNER_CLOSE,
            CANCEL_ALL,
            UNTIL_COMPLETE,
            LOOP[0],
            LOOP[1],
            LOOP[2],
        ];
        match self {
            LoopEntry::AsyncioRun => &RUN,
            LoopEntry::AsyncioRunShutdown => &SHUTDOWN,
            LoopEntry::RunnerRun => &RUN[1..],
            LoopEntry::RunnerExit => &SHUTDOWN[1..],
            LoopEntry::RunnerClose => &SHUTDOWN[2..],
            LoopEntry::RunUntilComplete => &RUN[2..],
            LoopEntry::RunForever => &LOOP,
        }
    }
}

/// The loop's entry noted by [`Interp::enter_loop`], until it drops.
pub struct LoopEntered<'a> {
    ix: &'a Interp,
    prev: Option<(NonNull<Frame>, LoopEntry)>,
}

impl Drop for LoopEntered<'_> {
    fn drop(&mut self) {
        self.ix.loop_entry.set(self.prev);
    }
}

impl Frame {
    /// Notes the frame that calls or awaits this one. Why the raw pointer
    /// is sound: it is set only to a frame the code running this one
    /// borrows, and that code either owns this frame and drops it before
    /// the borrow ends (a call, an awaited coroutine, a comprehension, a
    /// class body) or clears the link when it stops running it (a
    /// generator's frame, between its items: [`Frame::left_caller`]).
    pub fn called_by(&self, caller: &Frame) {
        self.caller.set(Some(NonNull::from(caller)));
    }

    /// Forgets the frame that called this one (a generator's frame, when
    /// it stops running for its consumer).
    pub fn left_caller(&self) {
        self.caller.set(None);
    }

    /// The frame that called or awaits this one, while it runs there.
    pub fn caller(&self) -> Option<&Frame> {
        // SAFETY: see `called_by`: the pointer is to a frame borrowed for
        // as long as the link is set, and this frame runs under it.
        self.caller.get().map(|p| unsafe { p.as_ref() })
    }
}

impl Interp {
    /// Notes that `cx` runs the event loop, started as `entry`, until the
    /// guard drops (then the entry before it is back).
    pub fn enter_loop<'a>(&'a self, cx: &'a Frame, entry: LoopEntry) -> LoopEntered<'a> {
        let prev = self.loop_entry.replace(Some((NonNull::from(cx), entry)));
        LoopEntered { ix: self, prev }
    }

    /// The call stack from the program's first frame to `f`, as CPython's
    /// `traceback.print_stack` writes it (outermost first). Code the event
    /// loop runs (a task's coroutines, a callback) has asyncio's frames
    /// below it, then the frames of the call that started the loop.
    pub fn call_stack(&self, f: &Frame) -> String {
        let mut chunks: Vec<String> = Vec::new();
        let mut frame = Some(f);
        // The loop's entry is followed once: code it runs cannot start it.
        let mut entry = self.loop_entry.get();
        while let Some(inner) = frame.take() {
            let mut outer = inner;
            let mut at = Some(inner);
            while let Some(g) = at {
                if !Arc::ptr_eq(&g.code, &self.empty) {
                    chunks.push(self.frame_line(g));
                }
                outer = g;
                at = g.caller();
            }
            let top = outer.code.kind == CodeKind::Module && !Arc::ptr_eq(&outer.code, &self.empty);
            if top {
                break;
            }
            if let Some((runner, entry)) = entry.take() {
                for lf in entry.frames().iter().rev() {
                    let mut s = String::new();
                    lf.write(&mut s);
                    chunks.push(s);
                }
                // SAFETY: the frame `enter_loop` noted is borrowed by the
                // guard, which clears the entry when it drops.
                frame = Some(unsafe { runner.as_ref() });
            }
        }
        chunks.reverse();
        chunks.concat()
    }

    /// One of the program's frames as `print_stack` writes it.
    fn frame_line(&self, f: &Frame) -> String {
        let line = self.program.line_of(f.at.get());
        let text = self.program.line_text(line).trim();
        let mut out = format!(
            "  File \"{}\", line {line}, in {}\n",
            self.program.file, f.code.name
        );
        if !text.is_empty() {
            let _ = writeln!(out, "    {text}");
        }
        out
    }
}
