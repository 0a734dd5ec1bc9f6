//! asynclings: learn async programming (Python asyncio and Rust Tokio) in
//! the terminal, with demos that really run on Tokio.

pub mod engine;
pub mod export;
pub mod files;
pub mod lesson;
pub mod memory;
pub mod practice;
pub mod program;
pub mod python;
pub mod render;
pub mod sanitize;
pub mod text;
pub mod ui;
