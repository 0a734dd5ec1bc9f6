//! The Python interpreter of the engine: runs a lowered [`Program`] on the
//! Tokio runtime, one Tokio task per asyncio task, and reports what happens
//! as the engine's events.
//!
//! [`Program`]: crate::program::Program

pub mod builtins;
pub mod callbacks;
pub mod coro;
mod eval;
pub mod exc;
mod exec;
pub mod format;
pub mod interp;
mod items;
mod label;
pub mod methods;
mod modules;
pub mod native;
mod net;
pub mod ops;
pub mod set;
mod special;
pub mod tasks;
pub mod value;

use super::Outcome;
use super::runtime::Shared;
use crate::program::Program;
use exc::Unwind;
use interp::Interp;
use std::rc::Rc;
use std::sync::Arc;

/// Runs a program: its module code, which calls `asyncio.run(main())`.
pub async fn run(program: Arc<Program>, shared: Rc<Shared>) -> Outcome {
    let ix = Interp::new(shared.clone(), program.clone());
    let module = ix.rc();
    let handle = tokio::task::spawn_local(async move {
        let frame = module.frame(
            module.program.module.clone(),
            Vec::new(),
            module.module_task.clone(),
            0,
            None,
        );
        let r = module.run_body(&frame).await;
        module.traceback(&frame, r)
    });
    let result = match handle.await {
        Ok(r) => r,
        Err(_) => return Outcome::Failed("internal error: the engine panicked".into()),
    };
    match result {
        Ok(_) => Outcome::Finished,
        Err(Unwind::Exc(e)) => Outcome::Raised {
            traceback: traceback(&program, &e),
            at: exc::state(&e)
                .and_then(|s| s.traceback.borrow().first().map(|(at, _)| *at))
                .unwrap_or(0),
        },
        Err(Unwind::Limit(reason)) => {
            shared.abort(reason.clone());
            Outcome::Aborted(reason)
        }
        Err(Unwind::Abort) => Outcome::Aborted(shared.aborted().unwrap_or_default()),
    }
}

/// The exception as CPython prints an uncaught one: the frames it passed,
/// outermost first, each with its line, then `Type: message`.
pub fn traceback(program: &Program, e: &value::Value) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    if let Some(state) = exc::state(e) {
        for (at, func) in state.traceback.borrow().iter().rev() {
            let line = program.line_of(*at);
            out.push_str(&format!(
                "  File \"{}\", line {line}, in {func}\n    {}\n",
                program.file,
                program.line_text(line).trim()
            ));
        }
    }
    out.push_str(&exc::summary(e));
    out
}
