//! `asyncio`, laid out as CPython's `Lib/asyncio`: tasks and futures,
//! task groups, streams.

pub(in crate::engine::py) mod streams;
pub mod taskgroups;
pub mod tasks;
