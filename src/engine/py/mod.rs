//! The Python interpreter of the engine: runs a lowered [`Program`] on the
//! Tokio runtime, one Tokio task per asyncio task, and reports what happens
//! as the engine's events.
//!
//! [`Program`]: crate::program::Program

pub mod builtins;
pub mod modules;
pub mod types;
pub mod vm;

use super::Outcome;
use super::runtime::Shared;
use crate::program::Program;
use std::rc::Rc;
use std::sync::Arc;
use types::exc::{self, Unwind};
use vm::interp::Interp;
pub use vm::traceback::{last_line, traceback};

/// The seed the run picked for `random` (it drew without a seed and was
/// given none), once; `None` otherwise.
pub fn random_seed_picked() -> Option<u64> {
    modules::random::take_picked_seed()
}

/// Runs a program: its module code, which calls `asyncio.run(main())`.
pub async fn run(program: Arc<Program>, shared: Rc<Shared>) -> Outcome {
    modules::sys::start(&program.file);
    modules::logging::start();
    let ix = Interp::new(shared.clone(), program.clone());
    {
        let mut globals = ix.globals.borrow_mut();
        globals.insert("__name__".into(), types::value::Value::str("__main__"));
        globals.insert("__file__".into(), types::value::Value::str(&program.file));
        let doc = program.docstring.as_deref();
        globals.insert(
            "__doc__".into(),
            doc.map_or(types::value::Value::None, types::value::Value::str),
        );
    }
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
        let r = module.traceback(&frame, r);
        modules::sys::flush(&module, &frame);
        // Tasks of loops never closed are collected at the exit.
        modules::asyncio::base_events::report_unretrieved(&module);
        modules::asyncio::shutdown::report_destroyed_at_exit(&module);
        if r.is_ok() {
            modules::asyncio::base_events::note_no_loop(&module);
        }
        match r {
            Err(Unwind::Exc(e)) if exc::is_instance_of(&e, "SystemExit") => {
                match modules::sys::exit_status(&module, &frame, &e) {
                    Ok((status, text)) => {
                        if let Some(text) = text {
                            // Written as CPython's exit writes it, with a newline.
                            let _ = modules::sys::write(
                                &module,
                                &frame,
                                modules::sys::Stream::Stderr,
                                &(text + "\n"),
                            );
                        }
                        Ok(status)
                    }
                    Err(e) => Err(e),
                }
            }
            other => other.map(|_| 0),
        }
    });
    let result = match handle.await {
        Ok(r) => r,
        Err(_) => return Outcome::Failed("internal error: the engine panicked".into()),
    };
    match result {
        Ok(0) => Outcome::Finished,
        Ok(status) => Outcome::Exited(status),
        Err(Unwind::Exc(e)) => Outcome::Raised {
            traceback: traceback(&program, &e),
            at: exc::state(&e)
                .and_then(|s| s.traceback.borrow().first().map(|(at, _)| at.start))
                .unwrap_or(0),
        },
        Err(Unwind::Limit(reason)) => {
            shared.abort(reason.clone());
            Outcome::Aborted(reason)
        }
        Err(Unwind::Abort) => Outcome::Aborted(shared.aborted().unwrap_or_default()),
    }
}
