//! Lowering imports: `from __future__`, the modules a demo may import and
//! the members of each it may use.

use super::Lowerer;
use crate::program::Module;
use ruff_python_ast::{self as ast};

impl Lowerer {
    /// `from __future__ import annotations`: CPython 3.11 changes nothing
    /// else a demo could notice, so every feature it knows is accepted.
    pub(super) fn future(&mut self, i: &ast::StmtImportFrom) {
        const FEATURES: &[&str] = &[
            "annotations",
            "generator_stop",
            "nested_scopes",
            "generators",
            "division",
            "absolute_import",
            "with_statement",
            "print_function",
            "unicode_literals",
        ];
        for alias in &i.names {
            let name = alias.name.as_str();
            if name == "annotations" {
                self.future_annotations = true;
            }
            if !FEATURES.contains(&name) {
                self.refuse(
                    alias.range,
                    format!("future feature {name} is not defined"),
                    "",
                );
            }
        }
    }

    /// The module an `import` names, or a refusal.
    pub(super) fn module(
        &mut self,
        name: &str,
        range: ruff_text_size::TextRange,
    ) -> Option<Module> {
        match name {
            "asyncio" => Some(Module::Asyncio),
            "time" => Some(Module::Time),
            "concurrent" => Some(Module::Concurrent),
            "concurrent.futures" => Some(Module::Futures),
            "random" => Some(Module::Random),
            "functools" => Some(Module::Functools),
            "contextlib" => Some(Module::Contextlib),
            "typing" => Some(Module::Typing),
            "dataclasses" => Some(Module::Dataclasses),
            "enum" => Some(Module::Enum),
            "itertools" => Some(Module::Itertools),
            "operator" => Some(Module::Operator),
            "collections" => Some(Module::Collections),
            "math" => Some(Module::Math),
            "string" => Some(Module::String),
            "textwrap" => Some(Module::Textwrap),
            "sys" => Some(Module::Sys),
            "logging" => Some(Module::Logging),
            "datetime" => Some(Module::Datetime),
            other => {
                let root = other.split('.').next().unwrap_or(other);
                let why = match root {
                    "os" | "subprocess" | "shutil" | "pathlib" | "io" => {
                        "a demo has no file or process access"
                    }
                    "socket" | "ssl" | "http" | "urllib" | "requests" | "aiohttp" | "httpx" => {
                        "a demo has no network access beyond asyncio's loopback streams"
                    }
                    "threading" | "multiprocessing" => {
                        "a demo's threads and processes are an executor's workers"
                    }
                    _ => "a demo imports asyncio, time and concurrent.futures only",
                };
                self.refuse(
                    range,
                    format!("'import {other}' is not supported: {why}"),
                    "use `import asyncio`, `import time` and, for worker threads or \
                     processes, `from concurrent.futures import ThreadPoolExecutor`",
                );
                None
            }
        }
    }

    pub(super) fn check_member(
        &mut self,
        module: Module,
        member: &str,
        range: ruff_text_size::TextRange,
    ) -> bool {
        if module.members().contains(&member) {
            return true;
        }
        let m = module.name();
        let known = module.members().join(", ");
        self.refuse(
            range,
            format!("'{m}.{member}' is not supported"),
            format!("the {m} module offers: {known}"),
        );
        false
    }
}
