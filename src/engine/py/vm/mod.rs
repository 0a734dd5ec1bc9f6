//! The interpreter: frames, statements and expressions, calls, coroutines,
//! generators and async generators, tracebacks and the timeline's labels.

pub(super) mod asyncgen;
mod attrs;
mod call;
pub mod coro;
pub(super) mod definitions;
pub(in crate::engine::py) mod descriptor;
pub(super) mod eval;
pub(super) mod exec;
mod fstring;
pub mod generator;
mod inplace;
pub mod interp;
mod iteration;
pub(super) mod label;
mod operators;
mod protocols;
pub mod stack;
mod subscript;
mod sync_stmt;
pub(super) mod traceback;
mod try_stmt;
