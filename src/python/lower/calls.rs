//! Calls of known functions in a form the engine does not run, refused
//! before the run at the call (or the argument), with what to write
//! instead: `type(name, bases, dict)`, `vars()`, `logging`'s
//! file handlers and `extra=`, `NamedTuple(...)`.

use super::Lowerer;
use crate::program::Module;
use crate::python::scope::ScopeKind;
use ruff_python_ast::{self as ast, Expr as E};
use ruff_text_size::Ranged;

/// The logging functions that log a message (module functions; a logger's
/// methods are known only at run time).
const LOG_FUNCTIONS: &[&str] = &[
    "debug",
    "info",
    "warning",
    "warn",
    "error",
    "critical",
    "exception",
    "log",
];

/// Record fields that differ from run to run.
const RUN_FIELDS: &[&str] = &["%(process)", "%(thread)"];

impl Lowerer {
    /// Refuses a call whose form the engine lacks, when the front end can
    /// tell what it calls.
    pub(super) fn refuse_call_form(&mut self, c: &ast::ExprCall) {
        let args = &c.arguments;
        if let E::Name(n) = &*c.func {
            let name = n.id.as_str();
            if name == "vars"
                && self.names_builtin("vars")
                && args.args.is_empty()
                && args.keywords.is_empty()
                && self.frame().kind != ScopeKind::Function
            {
                self.refuse(
                    c.range(),
                    "'vars()' without an argument is supported only inside a function: \
                     a module's or class's names are resolved before it runs",
                    "pass the object whose attributes you want: `vars(obj)`, or call \
                     `vars()` in a function",
                );
            }
            if name == "type"
                && self.names_builtin("type")
                && args.args.len() == 3
                && !args.args.iter().any(|a| matches!(a, E::Starred(_)))
            {
                self.refuse(
                    c.range(),
                    "'type()' with three arguments is not supported: a demo's classes are \
                     made by `class` statements",
                    "write a class statement: `class X(Base):` with the attributes in its body",
                );
            }
        }
        if self.names_member(&c.func, Module::Logging, "basicConfig") {
            self.refuse_basic_config(c);
        }
        if LOG_FUNCTIONS
            .iter()
            .any(|f| self.names_member(&c.func, Module::Logging, f))
        {
            for k in &args.keywords {
                let Some(arg) = &k.arg else { continue };
                if matches!(arg.as_str(), "stack_info" | "stacklevel" | "extra") {
                    self.refuse(
                        k.range(),
                        format!("logging's '{arg}=' argument is not supported"),
                        "put what it would add in the message itself",
                    );
                }
            }
        }
        if self.names_member(&c.func, Module::Typing, "NamedTuple") {
            self.refuse(
                c.range(),
                "the call form of 'NamedTuple' is not supported",
                "write a class: `class P(NamedTuple):` with annotated fields",
            );
        }
    }

    /// `logging.basicConfig(filename=...)`, a `style=` other than `'%'`, a
    /// format naming the process or thread.
    fn refuse_basic_config(&mut self, c: &ast::ExprCall) {
        for k in &c.arguments.keywords {
            let Some(arg) = &k.arg else { continue };
            match arg.as_str() {
                "filename" | "filemode" | "handlers" | "encoding" | "errors" => self.refuse(
                    k.range(),
                    format!("basicConfig's '{arg}=' is not supported: a demo logs to a stream"),
                    "leave it out (the log goes to sys.stderr), or pass `stream=sys.stdout`",
                ),
                "style" => {
                    if let E::StringLiteral(s) = &k.value
                        && s.value.to_str() != "%"
                    {
                        self.refuse(
                            k.range(),
                            "basicConfig's style= other than '%' is not supported",
                            "write the format with %-fields: `format=\"%(levelname)s %(message)s\"`",
                        );
                    }
                }
                "format" => {
                    if let E::StringLiteral(s) = &k.value
                        && let Some(field) =
                            RUN_FIELDS.iter().find(|f| s.value.to_str().contains(*f))
                    {
                        self.refuse(
                            k.range(),
                            format!(
                                "'{field}' in a logging format is not supported: it differs \
                                 from run to run"
                            ),
                            "leave it out; `%(threadName)s` and `%(processName)s` are supported",
                        );
                    }
                }
                _ => {}
            }
        }
    }
}
