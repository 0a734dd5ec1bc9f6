//! The two listings of a demo: idiomatic Python (asyncio) and idiomatic Rust
//! (Tokio), each knowing which lines every statement occupies.

pub mod plan;
pub mod python;
pub mod rust;

use crate::render::plan::ir::ast::StmtId;
use std::collections::HashMap;
use std::ops::Range;

/// A rendered program: its lines, and the lines each statement occupies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub lines: Vec<String>,
    /// Statement id to its line range (0-based, end exclusive).
    pub spans: HashMap<StmtId, Range<usize>>,
    /// Function (coroutine, generator, class) name to its line range.
    pub functions: HashMap<String, Range<usize>>,
}

impl Listing {
    /// The whole program text, ending with a newline.
    pub fn text(&self) -> String {
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }

    /// The first line of a statement, for the code pane's gutter markers.
    pub fn line_of(&self, stmt: StmtId) -> Option<usize> {
        self.spans.get(&stmt).map(|r| r.start)
    }
}
