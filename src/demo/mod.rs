//! The demo language: statements, expressions and values.

pub mod ast;
pub mod expr;
pub mod value;
