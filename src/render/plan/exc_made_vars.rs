//! `e = QuietError("a", 2)` in a function, an exception made with literal
//! arguments whose every later read is a question Python answers before
//! the program runs (`str(e)`, `repr(e)`, `e.args`, `isinstance(e, C)`,
//! see [`super::exc_made`]): the value is written where it is read and
//! the assignment dropped, as making such an exception does nothing else.

use super::captures::with_module_defs;
use super::exc_own_made::own_class;
use crate::program::visit_mut::{VisitMut, expr_mut, stmt_mut};
use crate::program::{
    self as py, Arg, Code, ExprKind as E, Name, Program, Stmt, StmtKind as P, Target,
};
use std::collections::HashSet;
use std::sync::Arc;

/// The program with each such exception written where it is read; `None`
/// when it has none.
pub(super) fn inline(program: &Program) -> Option<Program> {
    let module = &program.module.body;
    with_module_defs(program, |code| inline_in(code, module))
}

/// How a read of the variable uses the exception.
#[derive(Clone, Copy, PartialEq)]
enum Use {
    /// `isinstance(e, C)`: its classes only.
    Class,
    /// `str(e)`, `repr(e)`, `e.args`: what Python's `BaseException` makes
    /// of its arguments.
    Text,
}

/// `code` with its exceptions so kept written where they are read.
fn inline_in(code: &Code, module: &[Stmt]) -> Option<Code> {
    let mut body = code.body.clone();
    let mut changed = false;
    let mut i = 0;
    while i < body.len() {
        match inlined(code, module, &body, i) {
            Some(rest) => {
                let end = i + 1 + rest.len();
                body.splice(i..end, rest);
                changed = true;
            }
            None => i += 1,
        }
    }
    changed.then(|| Code {
        body,
        ..code.clone()
    })
}

/// When `body[i]` binds such an exception: the statements after it, up to
/// the next that binds the variable again (that one included, its value
/// read), with the exception written where each reads it.
fn inlined(code: &Code, module: &[Stmt], body: &[Stmt], i: usize) -> Option<Vec<Stmt>> {
    let P::Assign { targets, value } = &body[i].kind else {
        return None;
    };
    let [Target::Name(Name::Local(_, id))] = targets.as_slice() else {
        return None;
    };
    let E::Call(class, args) = &value.kind else {
        return None;
    };
    let E::Name(Name::Global(class)) = &class.kind else {
        return None;
    };
    let literal = |a: &Arg| matches!(a, Arg::Positional(e) if matches!(e.kind, E::Literal(_)));
    if !args.iter().all(literal)
        || code.cells.contains(id)
        || code.params.all().any(|p| p.name == *id)
    {
        return None;
    }
    let rest = &body[i + 1..];
    let again = rest.iter().position(|s| binds(s, id));
    let (reads, last) = match again {
        Some(k) => match &rest[k].kind {
            P::Assign { targets, .. } if matches!(targets.as_slice(), [Target::Name(_)]) => {
                (&rest[..k], Some(&rest[k]))
            }
            _ => return None,
        },
        None => (rest, None),
    };
    let mut inliner = Inliner {
        id: id.clone(),
        value: value.clone(),
        uses: Vec::new(),
        other: false,
    };
    let mut out: Vec<Stmt> = reads.to_vec();
    out.iter_mut().for_each(|s| stmt_mut(s, &mut inliner));
    if let Some(last) = last {
        let mut last = last.clone();
        if let P::Assign { value, .. } = &mut last.kind {
            expr_mut(value, &mut inliner);
        }
        out.push(last);
    }
    let text = inliner.uses.contains(&Use::Text);
    if inliner.other || inliner.uses.is_empty() || !made_quietly(module, class, args, text) {
        return None;
    }
    Some(out)
}

/// Whether making `class(args)` does nothing but make the exception, and,
/// for `text`, Python's `BaseException` gives its text.
fn made_quietly(module: &[Stmt], class: &str, args: &[Arg], text: bool) -> bool {
    let shadowed: HashSet<Arc<str>> = super::module::bound(module, false)
        .into_keys()
        .chain(
            super::module_stmts(module)
                .iter()
                .filter_map(|s| match &s.kind {
                    P::Class { name, .. } | P::Def { name, .. } | P::Import { name, .. } => {
                        Some(name.ident().clone())
                    }
                    _ => None,
                }),
        )
        .collect();
    let builtins: Vec<&str> = super::exc_made::BUILTIN_CLASSES
        .iter()
        .copied()
        .filter(|c| !shadowed.contains(*c))
        .collect();
    if builtins.contains(&class) {
        return true;
    }
    own_class(module, class, &builtins)
        .is_some_and(|own| own.made_quietly(module, args) && (own.plain || !text))
}

/// Whether `s` binds `id` anywhere in it.
fn binds(s: &Stmt, id: &Arc<str>) -> bool {
    struct Binds<'a>(&'a Arc<str>, bool);
    impl VisitMut for Binds<'_> {
        fn bound(&mut self, n: &mut Name) {
            self.1 |= n.ident() == self.0;
        }
    }
    let mut v = Binds(id, false);
    stmt_mut(&mut s.clone(), &mut v);
    let mut defined = false;
    py::walk(std::slice::from_ref(s), &mut |t| {
        defined |= matches!(&t.kind,
            P::Class { name, .. } | P::Def { name, .. } | P::Import { name, .. }
                if name.ident() == id);
    });
    v.1 || defined
}

/// Writes the exception in place of the variable where a read asks
/// Python's question of it; notes any other read.
struct Inliner {
    id: Arc<str>,
    value: py::Expr,
    uses: Vec<Use>,
    other: bool,
}

impl Inliner {
    fn is_var(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Name(Name::Local(_, n)) if *n == self.id)
    }

    fn put(&mut self, e: &mut py::Expr, how: Use) {
        let span = e.span.clone();
        *e = py::Expr {
            span,
            ..self.value.clone()
        };
        self.uses.push(how);
    }
}

impl VisitMut for Inliner {
    fn expr(&mut self, e: &mut py::Expr) {
        match &mut e.kind {
            E::Attr(x, attr) if &**attr == "args" && self.is_var(x) => self.put(x, Use::Text),
            E::Call(f, args) => {
                let how = match &f.kind {
                    E::Name(Name::Global(n)) if matches!(&**n, "str" | "repr") => Use::Text,
                    E::Name(Name::Global(n)) if &**n == "isinstance" => Use::Class,
                    _ => return,
                };
                match (how, args.as_mut_slice()) {
                    (Use::Text, [Arg::Positional(x)]) | (Use::Class, [Arg::Positional(x), _])
                        if self.is_var(x) =>
                    {
                        self.put(x, how)
                    }
                    _ => {}
                }
            }
            E::Name(Name::Local(_, n) | Name::Cell(_, n)) if *n == self.id => self.other = true,
            _ => {}
        }
    }
}
