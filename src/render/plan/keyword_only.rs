//! Keyword-only parameters (`def f(a, *, scale=1)`): Rust has no keyword
//! arguments, so they become parameters after the positional ones, and
//! each call passes them in that order, a default where the call gives
//! none.

use crate::program::{Param, Params};

/// The keyword-only parameters the listing passes after the positional
/// ones: those of a definition with neither `*args` nor `**kwargs`.
pub(super) fn params(params: &Params) -> &[Param] {
    if params.varargs.is_some() || params.varkw.is_some() {
        return &[];
    }
    &params.keyword_only
}

/// The index in a definition's defaults of the default of the parameter
/// at `slot` (positional ones first, then keyword-only ones): the
/// defaults hold one value per parameter that has one, in that order.
pub(super) fn default_index<'a>(
    mut all: impl Iterator<Item = &'a Param>,
    slot: usize,
) -> Option<usize> {
    let mut index = 0;
    for _ in 0..slot {
        index += usize::from(all.next()?.has_default);
    }
    all.next()?.has_default.then_some(index)
}
