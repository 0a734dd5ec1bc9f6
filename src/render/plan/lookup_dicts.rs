//! The module's lookup dicts: a name the module binds once, at its top
//! level, to a dict display whose keys are literals and whose values are
//! literals or lists of literals (`LINKS = {"/": ["/about"], ...}`), that
//! nothing changes, rebinds or hands on, and that the code only reads
//! (`LINKS[k]`, `LINKS.get(k, [])`, `k in LINKS`, `len(LINKS)`,
//! `set(LINKS)`, `for k in LINKS`). The listing makes it a `static` built
//! on first use (`LazyLock`), which every function reads, as Python's
//! functions read the global.

use crate::program::{self as py, ExprKind as E, Name, Stmt, StmtKind as P, Target};
use std::collections::HashSet;
use std::sync::Arc;

/// The module's lookup dicts and their values, in `source` whose
/// top-level statements other than definitions are `code` and whose
/// functions' bodies are `functions`; `taken` are the names already
/// constants or shared variables.
pub(super) fn lookup_dicts<'p>(
    source: &str,
    code: &[&'p Stmt],
    functions: &[&[Stmt]],
    taken: &HashSet<Arc<str>>,
) -> Vec<(Arc<str>, &'p py::Expr)> {
    let owned: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
    let module = super::module::bound(&owned, false);
    let assigned: HashSet<Arc<str>> = functions
        .iter()
        .flat_map(|body| super::module::bound(body, true).into_keys())
        .collect();
    let mut out = Vec::new();
    for s in code {
        if let P::Assign { targets, value } = &s.kind
            && let [Target::Name(Name::Global(n))] = targets.as_slice()
            && module.get(n) == Some(&1)
            && !assigned.contains(n)
            && !taken.contains(n)
            && literal_dict(value)
            && only_looked_up(source, n, s.span.start)
            && (!list_values(value) || !changes_lists(source))
        {
            out.push((n.clone(), value));
        }
    }
    out
}

/// A non-empty dict display of literal keys, each value a literal or a
/// list of literals.
fn literal_dict(e: &py::Expr) -> bool {
    let literal = |e: &py::Expr| matches!(e.kind, E::Literal(_));
    let E::Dict(items) = &e.kind else {
        return false;
    };
    !items.is_empty()
        && items.iter().all(|(k, v)| {
            k.as_ref().is_some_and(literal)
                && match &v.kind {
                    E::List(xs) => xs.iter().all(literal),
                    _ => literal(v),
                }
        })
}

/// Whether some value of the dict display `e` is a list.
fn list_values(e: &py::Expr) -> bool {
    matches!(&e.kind, E::Dict(items) if items.iter().any(|(_, v)| matches!(v.kind, E::List(_))))
}

/// Whether `source` may change a list in place anywhere: a list read out of
/// the dict is the dict's own in Python, and the listing's a copy.
fn changes_lists(source: &str) -> bool {
    const CHANGES: [&str; 8] = [
        ".append(",
        ".extend(",
        ".insert(",
        ".pop(",
        ".remove(",
        ".clear(",
        ".sort(",
        ".reverse(",
    ];
    CHANGES.iter().any(|m| source.contains(m))
        || source.contains("del ")
        || source
            .lines()
            .any(|l| l.contains("] =") || l.contains("+= ["))
}

/// Whether every place of `source` that names `name`, but the binding at
/// `defined`, only reads it: an index that is not assigned, a method that
/// reads (`get`, `keys`, `values`, `items`), the right of `in`, the one
/// argument of `len`, `set`, `sorted` or `list`, or a loop's iterable.
/// Any other mention (an argument, a rebinding, a method that changes it,
/// a string that holds the word) keeps it `main`'s local.
fn only_looked_up(source: &str, name: &str, defined: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(name).all(|(i, _)| {
        let (before, after) = (&source[..i], &source[i + name.len()..]);
        if before.ends_with(word) || after.starts_with(word) || i == defined {
            return true;
        }
        let closes = after.starts_with(')');
        if closes
            && ["len(", "set(", "sorted(", "list("]
                .iter()
                .any(|f| before.ends_with(f))
        {
            return true;
        }
        let ends = |rest: &str| {
            let rest = rest.trim_start_matches([' ', '\t']);
            rest.is_empty() || rest.starts_with([')', ']', ':', ',', '\n', '#'])
        };
        if before.ends_with(" in ") && ends(after) {
            return true;
        }
        if ["get(", "keys(", "values(", "items("]
            .iter()
            .any(|m| after.starts_with('.') && after[1..].starts_with(m))
        {
            return true;
        }
        after.starts_with('[')
            && super::const_lists::closing(after)
                .is_some_and(|rest| !super::const_lists::assigns(rest))
    })
}
