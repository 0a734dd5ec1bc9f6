//! The Rust (Tokio) listing of a demo.

use super::Listing;
use crate::demo::ast::Demo;

/// Renders `demo` as a complete Tokio program.
pub fn render(demo: &Demo) -> Listing {
    let _ = demo;
    Listing::default()
}
