//! A logger a function names for itself: `log = logging.getLogger("db")`
//! in the top-level block of a function of the module, the one binding of
//! `log` there. Like a logger named at the top of the module (see
//! `plan::logging`), it needs no statement: its records name it.

use super::Planner;
use super::scope::Scope;
use crate::program::{self as py, Name, StmtKind as P, Target};
use std::collections::HashSet;

impl Planner<'_> {
    /// The function of the module whose top-level block holds `id`.
    fn owner_code(&self, id: py::StmtId) -> Option<&py::Code> {
        self.program.module.body.iter().find_map(|s| match &s.kind {
            P::Def { code, .. } if code.body.iter().any(|t| t.id == id) => Some(&**code),
            _ => None,
        })
    }

    /// `var = logging.getLogger(...)` as the statement `s` of a function,
    /// which binds `var` nowhere else: the logger's name, noted in `sc`;
    /// `None` for another statement.
    pub(super) fn local_logger(&self, sc: &mut Scope, s: &py::Stmt) -> Option<String> {
        let P::Assign { targets, value } = &s.kind else {
            return None;
        };
        let [Target::Name(Name::Local(_, var))] = targets.as_slice() else {
            return None;
        };
        if sc.module {
            return None;
        }
        let name = self.logger_name(value)?;
        let code = self.owner_code(s.id)?;
        if code.params.all().any(|p| p.name == *var) {
            return None;
        }
        let mut binds = 0;
        py::walk(&code.body, &mut |t| match &t.kind {
            P::Assign { targets, .. } => {
                binds += targets
                    .iter()
                    .filter(|t| matches!(t, Target::Name(n) if n.ident() == var))
                    .count();
            }
            P::For {
                target: Target::Name(n),
                ..
            } if n.ident() == var => {
                binds += 1;
            }
            _ => {}
        });
        if binds != 1 {
            return None;
        }
        sc.loggers.push((var.to_string(), name.clone()));
        Some(name)
    }

    /// The names functions bind to their loggers, wherever they are.
    pub(super) fn local_logger_names(&self) -> HashSet<String> {
        let mut names = HashSet::new();
        super::logging::walk_all(&self.program.module.body, &mut |s| {
            if let P::Assign { targets, value } = &s.kind
                && let [Target::Name(Name::Local(_, var))] = targets.as_slice()
                && self.logger_name(value).is_some()
            {
                names.insert(var.to_string());
            }
        });
        names
    }
}
