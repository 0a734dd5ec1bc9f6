//! The translation plan's representation: the shapes of a program the Rust
//! renderer knows (coroutines, async generators, iterator and resource
//! classes, and the statements they use), with expressions and values.

pub mod ast;
pub mod exc_groups;
pub mod exc_ops;
pub mod expr;
pub mod op_errors;
pub mod primitive;
pub mod raises;
pub mod template;
pub mod value;
