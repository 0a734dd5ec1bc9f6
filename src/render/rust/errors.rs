//! Exceptions as `Result`: the listing's `Error` enum, one variant per
//! built-in exception class the program raises, holding its message.
//! A function that can fail (see [`crate::render::plan::ir::raises`])
//! returns `Result<_, Error>`, `raise` is `return Err(...)` and a call
//! that passes the exception on is followed by `?`. A `try` with `except`
//! runs its block as an `async` block and matches the `Err` it gives.

use super::Renderer;
use super::analysis::{assigned_in, read_in, stmt_exprs};
use super::exc_groups::GROUP_DISPLAY;
use super::names::ident;
use crate::render::plan::ir::ast::{
    Block, Call, Demo, FunctionKind, Handler, Stmt, StmtKind, args_var, cause_var, class_var,
    fields_var, message_var, parts_var, repr_var, walk,
};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::raises::takes;
use std::collections::HashSet;

/// Whether a handler reads the variable `var` gives of what it caught:
/// its class name ([`class_var`]) or its `repr` ([`repr_var`]).
fn reads_caught(demo: &Demo, var: fn(&str) -> String) -> bool {
    let mut found = false;
    for f in &demo.functions {
        f.walk(&mut |s| match &s.kind {
            StmtKind::Catch { handlers, .. } => {
                for h in handlers {
                    if let Some(n) = &h.name {
                        found |= read_in(&h.body).contains(&var(n));
                    }
                }
            }
            // `__aexit__`'s exception (see `resource_exit`).
            StmtKind::ExitRaised { name, raised, .. } => {
                found |= read_in(raised).contains(&var(name));
            }
            _ => {}
        });
    }
    found
}

impl Renderer<'_> {
    /// The `Error` enum, when the program raises.
    pub(super) fn error_enum(&mut self) {
        let classes = self.error_classes();
        if classes.is_empty() && !self.fallible.is_empty() {
            // An operation an `except` was thought to take turned out, by
            // its operand's type, to raise another class: no `Err` comes.
            self.line("/// The exceptions the program raises: none its `except` clauses take.");
            self.line("#[derive(Debug)]");
            self.line("enum Error {}");
            self.line("");
            return;
        }
        if classes.is_empty() {
            return;
        }
        self.line("/// The exceptions the program raises, each with its message.");
        if super::task_output::clones_errors(self.demo, &self.fallible)
            || super::shared_tasks::clones_errors(self.demo, &self.fallible)
        {
            self.line("#[derive(Debug, Clone)]");
        } else {
            self.line("#[derive(Debug)]");
        }
        self.line("enum Error {");
        for c in &classes {
            if c == GROUP {
                self.line(format!("    {c}(&'static str, Vec<Error>),"));
            } else {
                self.line(format!("    {},", self.variant_decl(c)));
            }
        }
        self.line("}");
        self.line("");
        self.task_group_message();
        self.line("/// What Python's `str(exception)` gives: the message.");
        self.line("impl std::fmt::Display for Error {");
        self.line("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {");
        self.line("        match self {");
        for c in &classes {
            if c == GROUP {
                GROUP_DISPLAY.iter().for_each(|l| self.line(*l));
                continue;
            }
            let pattern = format!("            {}", self.message_pattern(c));
            self.arm(&pattern, "write!(f, \"{message}\")");
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
        // The `args` of a group writes the `repr` of each exception.
        let group_args = reads_caught(self.demo, args_var) && classes.iter().any(|c| c == GROUP);
        if reads_caught(self.demo, repr_var)
            || super::gather_outcomes::has_outcomes(self.demo)
            || super::shared_handle::exception_reprs(self.demo, &self.fallible)
            || group_args
        {
            self.repr_impl(&classes);
        }
        if reads_caught(self.demo, args_var) {
            self.args_impl(&classes);
        }
        self.split_impl();
        let parts = super::group_parts::reads_parts(self.demo)
            || super::group_parts::reads_message(self.demo);
        if !reads_caught(self.demo, class_var)
            && !reads_caught(self.demo, |n| class_var(&cause_var(n)))
            && !parts
            && !super::group_parts::names_parts(self.demo)
        {
            return;
        }
        self.line("impl Error {");
        self.line("    /// What Python's `type(exception).__name__` gives.");
        self.line("    fn class_name(&self) -> &'static str {");
        self.line("        match self {");
        for c in &classes {
            let any = self.any_pattern(c);
            self.line(format!("            {any} => \"{c}\","));
        }
        self.line("        }");
        self.line("    }");
        self.line("}");
        self.line("");
        self.parts_impl();
    }

    /// `try: body except ...`: the body as an `async` block, its `Err`
    /// matched by class; what no clause takes goes on with `return Err`.
    pub(super) fn catch(
        &mut self,
        s: &Stmt,
        body: &Block,
        handlers: &[Handler],
        orelse: &Block,
        finally: &Block,
        tail: bool,
    ) {
        if !finally.is_empty() {
            // What the block sets for later is declared outside the guard's scope.
            self.declare_before(body);
            // `finally` is a drop guard around the rest (see `try_`).
            let inner = Stmt {
                kind: StmtKind::Catch {
                    body: body.clone(),
                    handlers: handlers.to_vec(),
                    orelse: orelse.clone(),
                    finally: Vec::new(),
                },
                ..s.clone()
            };
            return self.try_(&vec![inner], &Vec::new(), finally, tail);
        }
        if handlers.iter().any(|h| h.star) && !self.sync {
            return self.catch_star(body, handlers, orelse);
        }
        let classes = self.error_classes();
        let mut arms: Vec<Vec<String>> = vec![Vec::new(); handlers.len()];
        let mut rest = false;
        for c in &classes {
            match handlers
                .iter()
                .position(|h| h.classes.iter().any(|of| takes(of, c)))
            {
                Some(i) => arms[i].push(c.clone()),
                None => rest = true,
            }
        }
        if arms.iter().all(Vec::is_empty) {
            self.line("// Nothing here raises what the `except` takes: it never runs.");
            self.body(body, tail && orelse.is_empty());
            self.body(orelse, false);
            return;
        }
        // In a cleanup block nothing fails (see `raises::unpropagated`).
        if self.sync {
            self.line("// Nothing here can fail: the `except` never runs.");
            self.body(body, false);
            self.body(orelse, false);
            return;
        }
        self.declare_before(body);
        let start = self.lines.len();
        // A block ending in `return` gives the function's value as its `Ok`
        // (see `plan::try_return`).
        let returns = matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return(_)));
        let value = match returns {
            true => self.types.ret_of(&self.func).rust(),
            false => "()".to_string(),
        };
        // A plain function cannot await: its block is a closure it calls.
        let plain = self.kind == FunctionKind::Blocking;
        let open = if plain { "(|| {" } else { "async {" };
        self.line(format!("let caught: Result<{value}, Error> = {open}"));
        self.indent += 1;
        // A block ending in `raise` gives its `Err` as its value.
        let raises_last = self.raises_at_end(body);
        self.body(body, raises_last || returns);
        if !raises_last && !returns && !returns_at_end(body) {
            self.line("Ok(())");
        }
        if returns {
            super::exc_fields::unwrap_tail(&mut self.lines);
        }
        self.indent -= 1;
        if plain {
            self.line("})();");
            self.join_short_closure(start);
        } else {
            self.line("}");
            self.line(".await;");
            self.join_short_block(start);
        }
        if returns {
            self.line("match caught {");
            self.line(match tail {
                true => "    Ok(value) => Ok(value),",
                false => "    Ok(value) => return Ok(value),",
            });
            self.line("    Err(err) => match err {");
            self.indent += 2;
        } else {
            self.line("if let Err(err) = caught {");
            self.indent += 1;
            self.line("match err {");
            self.indent += 1;
        }
        for (h, arm) in handlers.iter().zip(&arms) {
            if arm.is_empty() {
                continue;
            }
            let alternatives: Vec<String> = arm.iter().map(|c| self.any_pattern(c)).collect();
            let pattern = alternatives.join(" | ");
            let reads = read_in(&h.body);
            let named = h.name.as_ref().filter(|n| reads.contains(n)).cloned();
            let class = h
                .name
                .as_ref()
                .map(|n| class_var(n))
                .filter(|c| reads.contains(c));
            let repr = h
                .name
                .as_ref()
                .map(|n| repr_var(n))
                .filter(|r| reads.contains(r));
            let reraises = {
                let mut found = false;
                walk(&h.body, &mut |s| {
                    found |= matches!(s.kind, StmtKind::Reraise)
                });
                found
            };
            let args = h
                .name
                .as_ref()
                .map(|n| args_var(n))
                .filter(|a| reads.contains(a));
            let fields = h
                .name
                .as_ref()
                .map(|n| fields_var(n))
                .filter(|f| reads.contains(f));
            let cause = h
                .name
                .as_ref()
                .map(|n| cause_var(n))
                .filter(|v| reads.contains(v) || reads.contains(&class_var(v)));
            let parts = h
                .name
                .as_ref()
                .map(|n| parts_var(n))
                .filter(|p| reads.contains(p));
            let message = h
                .name
                .as_ref()
                .map(|n| message_var(n))
                .filter(|m| reads.contains(m));
            let binds = named.is_some()
                || parts.is_some()
                || message.is_some()
                || class.is_some()
                || repr.is_some()
                || args.is_some()
                || reraises
                || super::exc_fields::raises_from_caught(&h.body);
            let bound = fields
                .as_ref()
                .map(|f| (f, "{}"))
                .or(cause.as_ref().map(|c| (c, "_, {}")));
            let pattern = match bound {
                // The handler borrows the struct of the fields it reads.
                Some((f, held)) => {
                    let by = if binds { "ref " } else { "" };
                    let held = held.replace("{}", &format!("{by}{}", ident(f)));
                    let pattern = arm
                        .iter()
                        .map(|c| format!("Error::{c}({held})"))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    match (binds, arm.len()) {
                        (false, _) => pattern,
                        (true, 1) => format!("ref err @ {pattern}"),
                        (true, _) => format!("ref err @ ({pattern})"),
                    }
                }
                None => match (binds, arm.len()) {
                    (false, _) => pattern,
                    (true, 1) => format!("err @ {pattern}"),
                    (true, _) => format!("err @ ({pattern})"),
                },
            };
            if !binds && bound.is_none() && self.indent * 4 + pattern.len() + 5 > 100 {
                // One alternative a line, as rustfmt writes a long pattern.
                let last = alternatives.len() - 1;
                for (i, p) in alternatives.iter().enumerate() {
                    let head = if i == 0 { "" } else { "| " };
                    let end = if i == last { " => {" } else { "" };
                    self.line(format!("{head}{p}{end}"));
                }
            } else if binds
                && bound.is_none()
                && arm.len() > 1
                && self.indent * 4 + pattern.len() + 5 > 100
            {
                // `err @ (A` and one more alternative a line, as rustfmt
                // writes a long pattern.
                let last = alternatives.len() - 1;
                for (i, p) in alternatives.iter().enumerate() {
                    let head = if i == 0 { "err @ (" } else { "| " };
                    let end = if i == last { ") => {" } else { "" };
                    self.line(format!("{head}{p}{end}"));
                }
            } else {
                self.line(format!("{pattern} => {{"));
            }
            self.indent += 1;
            if let Some(n) = &named {
                self.line(format!("let {} = err.to_string();", ident(n)));
                self.declared.insert(n.clone());
            }
            if let Some(c) = &class {
                self.line(format!("let {} = err.class_name().to_string();", ident(c)));
                self.declared.insert(c.clone());
            }
            if let Some(r) = &repr {
                self.line(format!("let {} = err.to_repr();", ident(r)));
                self.declared.insert(r.clone());
            }
            if let Some(n) = &h.name {
                self.bind_parts(n, &reads, "err");
            }
            if let Some(m) = &message {
                self.line(format!("let {} = err.message();", ident(m)));
                self.declared.insert(m.clone());
            }
            if let Some(a) = &args {
                self.line(format!("let {} = err.args_repr();", ident(a)));
                self.declared.insert(a.clone());
            }
            if let Some(f) = &fields {
                self.declared.insert(f.clone());
            }
            let cause_class = cause
                .as_ref()
                .map(|v| class_var(v))
                .filter(|c| reads.contains(c));
            if let Some(v) = &cause {
                self.declared.insert(v.clone());
            }
            if let (Some(v), Some(c)) = (&cause, &cause_class) {
                self.line(format!("let {} = {}.class_name();", ident(c), ident(v)));
                self.declared.insert(c.clone());
            }
            self.body(&h.body, false);
            for n in named
                .iter()
                .chain(&class)
                .chain(&repr)
                .chain(&args)
                .chain(&fields)
                .chain(&cause)
                .chain(&cause_class)
                .chain(&parts)
                .chain(&message)
            {
                self.declared.remove(n);
            }
            self.indent -= 1;
            self.line("}");
        }
        if rest {
            self.line("err => return Err(err),");
        }
        if returns {
            self.indent -= 2;
            self.line("    },");
            self.line(if tail { "}" } else { "};" });
            return;
        }
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.else_tail(orelse);
    }

    /// The lines of `body` as the value of a `Result` block: a block
    /// ending in `raise` gives its `Err` as its value, any other `Ok(())`.
    pub(super) fn result_body(&mut self, body: &Block) {
        let raises_last = self.raises_at_end(body);
        self.body(body, raises_last);
        if !raises_last {
            self.line("Ok(())");
        }
    }

    /// Closes the `if` that tested a block's outcome: with `orelse`, Python's
    /// `else:` runs in its `else` branch, when the block raised nothing.
    pub(super) fn else_tail(&mut self, orelse: &Block) {
        if orelse.is_empty() {
            self.line("}");
            return;
        }
        self.line("} else {");
        self.indent += 1;
        self.body(orelse, false);
        self.indent -= 1;
        self.line("}");
    }

    /// Whether `block` ends in a `raise`, or in a `try` whose `except`
    /// never runs (see [`Self::catch`]) and whose block does.
    pub(super) fn raises_at_end(&self, block: &Block) -> bool {
        match block.last().map(|s| &s.kind) {
            Some(StmtKind::Raise { .. } | StmtKind::RaiseValue(_)) => true,
            Some(StmtKind::Catch {
                body,
                handlers,
                orelse,
                finally,
            }) if orelse.is_empty() && finally.is_empty() => {
                let classes = self.error_classes();
                !handlers.iter().any(|h| {
                    h.star
                        || classes
                            .iter()
                            .any(|c| h.classes.iter().any(|of| takes(of, c)))
                }) && self.raises_at_end(body)
            }
            _ => false,
        }
    }

    /// Variables the `try` block sets first and the rest of the function
    /// reads: declared before the block, which cannot hand out its own.
    pub(super) fn declare_before(&mut self, body: &Block) {
        let mut inside: HashSet<u32> = HashSet::new();
        walk(body, &mut |s| {
            inside.insert(s.id);
        });
        let mut outside: HashSet<String> = HashSet::new();
        let f = self
            .demo
            .functions
            .iter()
            .find(|f| f.name == self.func)
            .expect("the function being rendered");
        f.walk(&mut |s| {
            if !inside.contains(&s.id) {
                let mut vars = Vec::new();
                for (e, _) in stmt_exprs(s) {
                    e.variables(&mut vars);
                }
                outside.extend(vars.into_iter().map(|(v, _)| v));
            }
        });
        let mut set: Vec<String> = assigned_in(body)
            .into_iter()
            .filter(|v| !self.declared.contains(v) && outside.contains(v))
            .collect();
        set.sort();
        for v in set {
            let ty = self.var_ty(&v).rust();
            self.line(format!(
                "let mut {}: {ty} = Default::default(); // set in the `try` block",
                ident(&v)
            ));
            self.declared.insert(v);
        }
    }

    /// A bare `raise` in a handler: the caught `Err` goes on.
    pub(super) fn reraise(&mut self, tail: bool) {
        for g in self.guards.clone().iter().rev() {
            self.disarm(g);
        }
        if tail {
            self.line("Err(err)");
        } else {
            self.line("return Err(err);");
        }
    }

    /// `gather` of children of which some can fail: each runs as a task,
    /// so that the first exception comes out at once while the others run
    /// on, as asyncio's `gather` does; `try_join!` gives the first `Err`.
    pub(super) fn gather_failing(&mut self, list: &[Call], into: Option<&str>) {
        let codes: Vec<String> = list
            .iter()
            .map(|c| {
                let spawned = format!("tokio::spawn({}).await.unwrap()", self.call(c));
                if self.fallible.contains(&c.name) {
                    format!("async {{ {spawned} }}")
                } else {
                    format!("async {{ Ok({spawned}) }}")
                }
            })
            .collect();
        let names: Vec<String> = (0..list.len())
            .map(|i| match u8::try_from(i) {
                Ok(i) if i < 26 => char::from(b'a' + i).to_string(),
                _ => format!("r{i}"),
            })
            .collect();
        let into = into.filter(|n| self.used.contains(*n) || self.declared.contains(*n));
        self.line("// A failing child's exception comes out at once; the others run on as tasks.");
        let binding = match into {
            Some(_) => format!("let ({}) = ", names.join(", ")),
            None => String::new(),
        };
        self.line(format!("{binding}tokio::try_join!("));
        self.indent += 1;
        self.line("biased;");
        for c in codes {
            self.line(format!("{c},"));
        }
        self.indent -= 1;
        self.line(")?;");
        if let Some(v) = into {
            let b = self.bind(v);
            self.line(format!("{b}vec![{}];", names.join(", ")));
        }
    }
}

/// Whether a block ends in an `if` each of whose branches ends in `raise`
/// (a `return Err(...)`): nothing after it runs.
fn returns_at_end(block: &Block) -> bool {
    let Some(StmtKind::If {
        then, otherwise, ..
    }) = block.last().map(|s| &s.kind)
    else {
        return false;
    };
    [then, otherwise].iter().all(|b| {
        matches!(
            b.last().map(|s| &s.kind),
            Some(StmtKind::Raise { .. } | StmtKind::RaiseValue(_))
        ) || returns_at_end(b)
    })
}
