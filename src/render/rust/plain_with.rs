//! The words of a context manager's struct: a plain one's (`__enter__`,
//! `__exit__`) `enter` and `exit` are plain methods, an async one's
//! (`__aenter__`, `__aexit__`) `open` and `close` are awaited. Both are
//! called explicitly: Rust's `Drop` neither sees an error nor swallows it,
//! and it cannot await. In a plain `fn`, the block handed to `exit` is a
//! closure called at once.

use super::Renderer;
use crate::render::plan::ir::ast::FunctionKind;

/// How the listing names and calls the methods of one manager class.
pub(super) struct Manager {
    /// The method of `__enter__` or `__aenter__`.
    pub enter: &'static str,
    /// The method of `__exit__` or `__aexit__`.
    pub exit: &'static str,
    /// `".await"` after a call of either, or nothing.
    pub awaited: &'static str,
    /// `"async fn"` or `"fn"`.
    pub def: &'static str,
    /// Python's names of the two methods.
    pub python: (&'static str, &'static str),
    /// The struct's doc line.
    pub doc: &'static str,
    /// The comment before the first manager a function enters.
    pub note: &'static str,
}

const PLAIN: Manager = Manager {
    enter: "enter",
    exit: "exit",
    awaited: "",
    def: "fn",
    python: ("__enter__", "__exit__"),
    doc: "Rust's `Drop` cannot see an error: `enter` and `exit` are called explicitly.",
    note: "// `Drop` cannot see an error: enter and exit explicitly.",
};

const ASYNC: Manager = Manager {
    enter: "open",
    exit: "close",
    awaited: ".await",
    def: "async fn",
    python: ("__aenter__", "__aexit__"),
    doc: "Rust has no async `Drop`: `open` and `close` are called explicitly.",
    note: "// No async drop in Rust: open and close explicitly.",
};

impl Renderer<'_> {
    /// The words of the manager class `class`.
    pub(super) fn manager(&self, class: &str) -> &'static Manager {
        match self.demo.plain_managers.contains(class) {
            true => &PLAIN,
            false => &ASYNC,
        }
    }

    /// Whether the function being written is a plain `fn`: a block that
    /// can raise is then a closure called at once, not an `async` block.
    pub(super) fn in_plain_fn(&self) -> bool {
        match self.kind {
            FunctionKind::Blocking | FunctionKind::Object | FunctionKind::Enum => true,
            // A manager's exit method is written as a coroutine's body.
            FunctionKind::Resource | FunctionKind::Coroutine => {
                self.demo.plain_managers.contains(&self.func)
            }
            _ => false,
        }
    }
}
