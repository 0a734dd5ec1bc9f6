//! The Python interpreter of the engine: runs a lowered [`Program`] on the
//! Tokio runtime, one Tokio task per asyncio task, and reports what happens
//! as the engine's events.
//!
//! [`Program`]: crate::program::Program

pub mod callbacks;
pub mod builtins;
pub mod exc;
pub mod format;
pub mod interp;
pub mod methods;
pub mod native;
pub mod ops;
pub mod value;
