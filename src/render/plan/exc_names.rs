//! `return undefined_name` or `undefined_name` as a statement, of a name
//! the module never binds and Python does not define: Python raises
//! `NameError: name 'undefined_name' is not defined`, which the listing
//! writes as the `raise` it is.
//!
//! A name is taken as never bound when the source writes it once only
//! (any binding, `x = ...`, `def x`, `import x`, `for x in`, would write
//! it again) and nothing binds names without writing them (`globals()`,
//! `exec`, `setattr`, a star import).

use super::Planner;
use crate::program::{self as py, ExprKind as E, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

/// Python 3.11's built-in names (`dir(builtins)`).
const BUILTINS: [&str; 157] = [
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// What binds names the source does not write.
const HIDDEN_BINDINGS: [&str; 6] = ["globals", "exec", "eval", "setattr", "__dict__", "import *"];

impl Planner<'_> {
    /// The `NameError` of a statement that reads a name nothing defines;
    /// `None` for another statement.
    pub(super) fn failing_name(&self, s: &py::Stmt) -> Option<StmtKind> {
        let (P::Return(Some(e)) | P::Expr(e)) = &s.kind else {
            return None;
        };
        let E::Name(py::Name::Global(name)) = &e.kind else {
            return None;
        };
        let source = &self.program.source;
        if BUILTINS.contains(&&**name)
            || self.defs.contains_key(&**name)
            || HIDDEN_BINDINGS.iter().any(|h| source.contains(h))
            || occurrences(source, name) != 1
        {
            return None;
        }
        Some(StmtKind::Raise {
            class: "NameError".into(),
            message: Some(Expr::lit(Value::Str(
                format!("name '{name}' is not defined").into(),
            ))),
        })
    }
}

/// How many times `source` writes the identifier `name` as a whole word.
fn occurrences(source: &str, name: &str) -> usize {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source
        .match_indices(name)
        .filter(|(at, _)| {
            let before = source[..*at].chars().next_back();
            let after = source[at + name.len()..].chars().next();
            !before.is_some_and(word) && !after.is_some_and(word)
        })
        .count()
}
