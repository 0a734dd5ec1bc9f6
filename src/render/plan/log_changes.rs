//! Logging whose setup changes as the program runs, where the listing can
//! still tell each record's fate as it is written: every statement that
//! logs, configures or asks a logger is a statement of the module's code or
//! of the entry coroutine's own block, run once, in order. Followed in that
//! order, `logging.basicConfig(...)` configures the root logger only while
//! it has no handler (later calls do nothing), the root's functions
//! (`logging.warning(...)`) call `basicConfig()` on first use, and
//! `log.setLevel(...)` sets a logger's level, which its children take.
//! Each record then has the level and handler of its place (see
//! `plan::logging`), and each question to a logger its answer (see
//! `plan::log_queries`).

use super::log_queries::LEVEL_CHANGES;
use super::logging::{BASIC_FORMAT, Setup, level_label};
use super::{Planner, Result, module_stmts};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::StmtKind;
use std::ops::Range;

/// The root logger's handler, once configured.
#[derive(Clone, Debug)]
struct Handler {
    format: String,
    stdout: bool,
}

/// The loggers as one statement finds them.
#[derive(Clone, Debug)]
pub(super) struct LogState {
    /// The root logger's handler; `None` before the first configuration,
    /// when Python's last-resort handler writes WARNING and above bare.
    handler: Option<Handler>,
    /// The root logger's level.
    root: i64,
    /// The levels set on named loggers, by name.
    levels: Vec<(String, i64)>,
}

impl LogState {
    /// The level a logger acts at: its own, else its nearest ancestor's,
    /// else the root's.
    pub(super) fn effective(&self, logger: &str) -> i64 {
        if logger == "root" {
            return self.root;
        }
        let mut name = logger;
        loop {
            if let Some((_, l)) = self.levels.iter().rev().find(|(n, _)| n == name)
                && *l > 0
            {
                return *l;
            }
            match name.rfind('.') {
                Some(at) => name = &name[..at],
                None => return self.root,
            }
        }
    }

    /// The level set on the logger itself (0, NOTSET, when none is).
    pub(super) fn own(&self, logger: &str) -> i64 {
        if logger == "root" {
            return self.root;
        }
        self.levels
            .iter()
            .rev()
            .find(|(n, _)| n == logger)
            .map_or(0, |(_, l)| *l)
    }

    /// How a record of `logger` is written here: the lowest level that
    /// gets through, the format and the stream.
    fn setup(&self, logger: &str) -> Setup {
        let level = self.effective(logger);
        match &self.handler {
            Some(h) => Setup {
                level,
                format: Some(h.format.clone()),
                stdout: h.stdout,
            },
            // The last-resort handler's own level is WARNING.
            None => Setup {
                level: level.max(30),
                format: None,
                stdout: false,
            },
        }
    }
}

/// The methods that log a record.
const RECORDS: [&str; 7] = [
    "debug",
    "info",
    "warning",
    "error",
    "critical",
    "exception",
    "log",
];

/// Whether the text calls a root function that configures logging on
/// first use.
fn root_record(text: &str) -> bool {
    RECORDS
        .iter()
        .any(|m| text.contains(&format!("logging.{m}(")))
}

impl Planner<'_> {
    /// The statements of the module's code, the entry coroutine's block
    /// standing where `asyncio.run` starts it, in the order they run;
    /// `None` without such a coroutine where the module starts one.
    fn run_order(&self) -> Option<Vec<&py::Stmt>> {
        let entry = self.entry_def();
        let mut out = Vec::new();
        for s in module_stmts(&self.program.module.body) {
            match &s.kind {
                P::Def { .. } | P::Class { .. } => {}
                P::Expr(e) if self.entry_of(e).is_some() => {
                    let Some(P::Def { code, .. }) = entry.map(|d| &d.kind) else {
                        return None;
                    };
                    out.push(s);
                    out.extend(code.body.iter());
                }
                _ if self.asyncio_run(s).is_some() => return None,
                _ => out.push(s),
            }
        }
        Some(out)
    }

    /// The logger names the run's statements bind (`log =
    /// logging.getLogger("db")`); `None` where one is bound twice.
    fn bound_loggers(&self, order: &[&py::Stmt]) -> Option<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> = Vec::new();
        for s in order {
            if let P::Assign { targets, value } = &s.kind
                && let [Target::Name(n)] = targets.as_slice()
                && let Some(name) = self.logger_name(value)
            {
                if out.iter().any(|(v, _)| v == &**n.ident()) {
                    return None;
                }
                out.push((n.ident().to_string(), name));
            }
        }
        Some(out)
    }

    /// Whether the program's logging changes as it runs: a level set, a
    /// late or second `basicConfig`, or the root's functions beside named
    /// loggers with nothing configured first.
    fn log_changes(&self) -> bool {
        self.program.source.contains("setLevel") || self.log_fixed_setup().is_err()
    }

    /// The fixed setup of `plan::logging`, or why there is none.
    fn log_fixed_setup(&self) -> Result<Setup> {
        self.log_setup(&(0..0))
    }

    /// Each statement of the run and the loggers as it finds them; `None`
    /// where the setup never changes, or where the listing cannot follow
    /// it (some logging outside the run's statements, a change inside a
    /// loop or a branch).
    pub(super) fn log_states(&self) -> Option<Vec<(Range<usize>, LogState)>> {
        let source = &self.program.source;
        let unfollowed = LEVEL_CHANGES.iter().filter(|c| **c != "setLevel");
        let handlers = [
            "propagate",
            "addHandler",
            "removeHandler",
            ".handlers",
            "Formatter",
            "Filter",
        ];
        if !self.log_changes()
            || unfollowed
                .chain(handlers.iter())
                .any(|c| source.contains(c))
        {
            return None;
        }
        let order = self.run_order()?;
        let loggers = self.bound_loggers(&order)?;
        // Every mention of `logging.` or of a logger's name lies in a
        // statement of the run.
        let inside = |at: usize| order.iter().any(|s| s.span.contains(&at));
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let mut names: Vec<String> = loggers.iter().map(|(v, _)| format!("{v}.")).collect();
        names.push("logging.".into());
        for n in &names {
            for (at, _) in source.match_indices(n.as_str()) {
                if !source[..at].ends_with(word) && !inside(at) {
                    return None;
                }
            }
        }
        if loggers.iter().any(|(_, n)| n.starts_with("asyncio")) {
            return None;
        }
        let mut state = LogState {
            handler: None,
            root: 30,
            levels: Vec::new(),
        };
        let mut out = Vec::new();
        for s in order {
            let text = &source[s.span.clone()];
            let changes = text.contains("setLevel") || text.contains("basicConfig");
            let leaf = py::blocks(s).is_empty();
            if !leaf && (changes || (state.handler.is_none() && root_record(text))) {
                return None;
            }
            if self.entry_of_stmt(s) && state.handler.is_some() && state.root <= 10 {
                // asyncio's logger names its selector at DEBUG as the loop starts.
                return None;
            }
            let call = match &s.kind {
                P::Expr(e) => match &e.kind {
                    E::Call(f, args) => Some((f, args.as_slice())),
                    _ => None,
                },
                _ => None,
            };
            if state.handler.is_none()
                && let Some((f, _)) = call
                && let Some((Module::Logging, m)) = self.member(f)
                && RECORDS.contains(&m)
            {
                state.handler = Some(Handler {
                    format: BASIC_FORMAT.into(),
                    stdout: false,
                });
            }
            out.push((s.span.clone(), state.clone()));
            let Some((f, args)) = call else {
                if changes {
                    return None;
                }
                continue;
            };
            if self.is_member(f, Module::Logging, "basicConfig") {
                if state.handler.is_none() {
                    let setup = self.config(args, &s.span).ok()?;
                    state.handler = Some(Handler {
                        format: setup.format.unwrap_or_else(|| BASIC_FORMAT.into()),
                        stdout: setup.stdout,
                    });
                    if args
                        .iter()
                        .any(|a| matches!(a, Arg::Keyword(k, _) if &**k == "level"))
                    {
                        state.root = setup.level;
                    }
                } else if args
                    .iter()
                    .any(|a| !matches!(a, Arg::Keyword(k, _) if &**k != "force"))
                {
                    return None;
                }
            } else if let E::Attr(obj, m) = &f.kind
                && &**m == "setLevel"
            {
                let [Arg::Positional(level)] = args else {
                    return None;
                };
                let level = self.level_of(level)?;
                let logger = match &obj.kind {
                    E::Name(n) => loggers
                        .iter()
                        .find(|(v, _)| v == &**n.ident())
                        .map(|(_, l)| l.clone())
                        .or_else(|| match n {
                            Name::Global(g) => self.named_logger(g),
                            _ => None,
                        })?,
                    _ => self.logger_name(obj)?,
                };
                if logger.starts_with("asyncio") {
                    return None;
                }
                if logger == "root" {
                    state.root = level;
                } else {
                    state.levels.push((logger, level));
                }
            } else if changes && !matches!(&f.kind, E::Attr(_, m) if RECORDS.contains(&&**m)) {
                return None;
            }
        }
        Some(out)
    }

    /// Whether `s` is the `asyncio.run(main())` that starts the entry coroutine.
    fn entry_of_stmt(&self, s: &py::Stmt) -> bool {
        matches!(&s.kind, P::Expr(e) if self.entry_of(e).is_some())
    }

    /// The loggers as the statement holding `span` finds them, where the
    /// setup changes as the program runs and the listing follows it.
    pub(super) fn log_state_at(&self, span: &Range<usize>) -> Option<LogState> {
        self.log_states()?
            .into_iter()
            .rev()
            .find(|(s, _)| s.contains(&span.start))
            .map(|(_, state)| state)
    }

    /// How a record of `logger` at `span` is written: as the loggers stand
    /// there where the setup changes as the program runs, else as the one
    /// setup of `plan::logging` says.
    pub(super) fn record_setup(&self, logger: &str, span: &Range<usize>) -> Result<Setup> {
        match self.log_state_at(span) {
            Some(state) => Ok(state.setup(logger)),
            None => self.log_setup(span),
        }
    }

    /// `logging.basicConfig(...)` or `log.setLevel(...)` as a statement
    /// where the listing follows the setup as it changes: a note of what
    /// it does there; `None` elsewhere.
    pub(super) fn log_change_stmt(&self, method: &str, e: &py::Expr) -> Result<Option<StmtKind>> {
        let Some(state) = self.log_state_at(&e.span) else {
            return Ok(None);
        };
        let call = self.text(&e.span);
        let note = match method {
            "basicConfig" if state.handler.is_some() => {
                format!("`{call}`: the root logger has a handler already, so this does nothing.")
            }
            "basicConfig" => {
                let E::Call(_, args) = &e.kind else {
                    return Ok(None);
                };
                let setup = self.config(args, &e.span)?;
                let sets_level = args
                    .iter()
                    .any(|a| matches!(a, Arg::Keyword(k, _) if &**k == "level"));
                let level = level_label(if sets_level { setup.level } else { state.root });
                let stream = if setup.stdout {
                    "println!"
                } else {
                    "eprintln!"
                };
                format!("`{call}`: from here, each record at {level} or above is one `{stream}`.")
            }
            _ => format!("`{call}`: the records written after it take this level."),
        };
        Ok(Some(StmtKind::Note(note)))
    }

    /// The level a logger acts at, at `span`: as the loggers stand there,
    /// else the root's fixed level.
    pub(super) fn effective_level(&self, logger: &str, span: &Range<usize>) -> Result<i64> {
        match self.log_state_at(span) {
            Some(state) => Ok(state.effective(logger)),
            None => self.root_level(span),
        }
    }

    /// The level set on the logger itself at `span` (see
    /// [`LogState::own`]).
    pub(super) fn own_level(&self, logger: &str, span: &Range<usize>) -> Option<i64> {
        self.log_state_at(span).map(|s| s.own(logger))
    }
}
