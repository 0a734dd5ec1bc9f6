//! A plain function of the module that only hands its value to the
//! function it is given, calling that again on its own result:
//! `def apply_twice(f, x): return f(f(x))`. The listing writes it generic
//! over the value (see `rust::generic_fns`), so its calls may pass values
//! of different types there: `apply_twice(square, 3)` and
//! `apply_twice(lambda s: s + "!", "hi")`.

use crate::program::{Arg, ExprKind as E, Name, Program, StmtKind as P};

/// Whether parameter `i` of the module's function `name` is the value
/// such a function hands on.
pub(super) fn handed_on(program: &Program, name: &str, i: usize) -> bool {
    program.module.body.iter().any(|s| {
        let P::Def {
            code,
            name: Name::Global(n),
            defaults,
            decorators,
            ..
        } = &s.kind
        else {
            return false;
        };
        let p = &code.params;
        if **n != *name
            || !defaults.is_empty()
            || !decorators.is_empty()
            || code.is_async
            || code.is_generator
            || p.positional.len() != 2
            || p.varargs.is_some()
            || p.varkw.is_some()
            || !p.keyword_only.is_empty()
        {
            return false;
        }
        let [s] = code.body.as_slice() else {
            return false;
        };
        let P::Return(Some(e)) = &s.kind else {
            return false;
        };
        let mut e = e;
        let mut callee = None;
        let mut depth = 0;
        let value = loop {
            match &e.kind {
                E::Call(f, args)
                    if let E::Name(Name::Local(_, fname)) = &f.kind
                        && let [Arg::Positional(inner)] = args.as_slice()
                        && callee.is_none_or(|c| c == fname) =>
                {
                    callee = Some(fname);
                    depth += 1;
                    e = inner;
                }
                E::Name(Name::Local(_, x)) => break x,
                _ => return false,
            }
        };
        let names: Vec<_> = p.positional.iter().map(|p| &p.name).collect();
        depth >= 2
            && callee != Some(value)
            && names.get(i) == Some(&value)
            && callee.is_some_and(|c| names.contains(&c))
    })
}
