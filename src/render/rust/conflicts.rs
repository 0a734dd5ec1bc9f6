//! Values the plan lets through whose Rust types clash once inferred: a
//! dict literal whose values are a string and an integer (`{"url": url,
//! "ms": ms}`) has no one `IndexMap` type. Such a program is listed as not
//! translated, at the literal, rather than shown as a listing that does
//! not build. So is a coroutine calling itself in a way that cannot be boxed (see
//! `recursion`).

use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, ExprKind};

/// Every dict literal of `demo` whose values infer to different types.
pub(super) fn type_conflicts(demo: &Demo, source: &str) -> Vec<Untranslatable> {
    let types = Types::infer(demo);
    let mut out = super::bool_ops::kept_values(demo, &types);
    out.extend(super::narrowed::unfit(demo, &types));
    out.extend(super::none_vars::none_then_value(demo, &types));
    out.extend(super::mixed::mixed_uses(demo, &types));
    out.extend(super::mixed_nest::kept_lists(demo, &types));
    out.extend(super::mixed_keys::unfit(demo, &types));
    out.extend(super::mixed_narrow::unnarrowed(demo, &types));
    out.extend(super::numbers::number_uses(demo, &types));
    out.extend(super::big_ints::big_int_uses(demo, &types));
    out.extend(super::int_growth::unbounded_products(demo, &types));
    out.extend(super::sum_growth::unbounded_sums(demo, &types));
    out.extend(super::exc_values::misused(demo, &types));
    out.extend(super::percent_format::percent_formats(demo, &types));
    out.extend(super::wait_for_tie::ties(demo));
    out.extend(super::lock_state::shared_lock_reads(demo, &types));
    let checked = super::op_errors::checked_classes(demo, &types);
    out.extend(super::pool_map::misplaced_maps(demo, &checked));
    out.extend(super::promoted::printed_promoted(demo, &types));
    out.extend(super::promoted::printed_int_args(demo, &types));
    out.extend(super::mixed_extremes::mixed_extremes(demo, &types));
    out.extend(super::empty_dict_index::empty_dict_reads(demo));
    out.extend(super::negative_sleep::negative_blocks(demo));
    out.extend(super::mutated_args::mutated_args(demo, &types));
    out.extend(super::future_lists::future_list_uses(demo, &types));
    out.extend(super::ref_borrows::changed_in_args(demo, &types));
    out.extend(super::object_alias::object_aliases(demo, &types));
    out.extend(super::list_alias::list_aliases(demo, &types, source));
    out.extend(super::spec_types::spec_conflicts(demo, &types));
    out.extend(super::isinstance::undecided(demo, &types));
    out.extend(super::iter_classes::misplaced(demo));
    out.extend(super::collect::collect_conflicts(demo, &types));
    out.extend(super::str_search::receiver_conflicts(demo, &types));
    out.extend(super::deletes::del_conflicts(demo, &types));
    out.extend(super::spent_handles::spent_handles(demo, &types));
    out.extend(super::printed_handles::printed_handles(demo, &types));
    out.extend(super::gathered_tasks::failing_gathers(demo));
    out.extend(super::shared_tasks::unfit_lists(demo));
    out.extend(super::task_waiter::waiter_reads(demo));
    out.extend(super::task_poll::caught_kept(demo));
    out.extend(super::result_ties::tied_reads(demo));
    out.extend(super::gather_mixed::failing_mixed(demo, &types));
    out.extend(super::task_completions::failing_completions(demo));
    out.extend(super::printed_prims::printed_primitives(demo, &types));
    out.extend(super::set_uses::set_uses(demo, &types));
    out.extend(super::flags::flag_uses(demo, &types));
    out.extend(super::list_joins::join_conflicts(demo, &types));
    out.extend(super::fn_values::signature_conflicts(demo, &types));
    out.extend(super::fn_dicts::fn_dict_conflicts(demo, &types));
    out.extend(super::generic_fns::misplaced(demo, &types));
    out.extend(super::return_conflicts::return_conflicts(demo, &types));
    out.extend(super::unpack_list::caught_unpacks(demo, &types));
    out.extend(super::unpack_list::unpacked_rows(demo, &types));
    out.extend(super::dict_methods::value_conflicts(demo, &types));
    out.extend(super::exc_types::empty_messages(demo));
    out.extend(super::unbuilt::unbuilt(demo, &types));
    out.extend(super::lent_conns::unlent_conns(demo, &types));
    out.extend(super::tcp::unknown_ports(demo, &types));
    out.extend(super::mixed_growth::mixed_growth(demo, &types, source));
    out.extend(super::mixed_lists::mixed_list_uses(demo, &types));
    out.extend(super::branch_bindings::unbound_reads(demo));
    out.extend(super::kept_items::uncopied(demo, &types));
    out.extend(super::arg_clash::arg_clashes(demo, &types));
    out.extend(super::queue_sizes::size_subtractions(demo));
    out.extend(super::group_tasks::failing_kept(demo, &types));
    out.extend(super::exc_groups::naked_stars(demo));
    out.extend(super::exc_groups::mixed_children(demo, &types));
    out.extend(super::group_parts::unknown_parts(demo, &types));
    out.extend(super::trees::misused(demo, &types));
    for f in &demo.functions {
        f.walk(&mut |s| out.extend(super::recursion::self_calls(demo, &types, f, s)));
    }
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::Call(Builtin::Dict, items) = &x.kind else {
            return;
        };
        // Lists beside other values are `PyValue`s (see `mixed_nest`).
        if matches!(types.expr_ty(&f.name, x), Ty::Dict(_, v) if *v == Ty::Mixed) {
            return;
        }
        let mut seen: Option<Ty> = None;
        for item in items {
            let ExprKind::Tuple(pair) = &item.kind else {
                continue;
            };
            let Some(v) = pair.get(1) else { continue };
            let ty = match types.expr_ty(&f.name, v) {
                Ty::Float => Ty::Int,
                Ty::Unknown => continue,
                t => t,
            };
            match &seen {
                None => seen = Some(ty),
                Some(first) if *first != ty && !super::mixed::mixes(first, &ty) => {
                    out.push(Untranslatable {
                        span: x.span.clone(),
                        construct: format!("a dict holding {} and {}", first.noun(), ty.noun()),
                        reason: "a Rust `IndexMap` holds values of one type".into(),
                    });
                    return;
                }
                Some(_) => {}
            }
        }
    });
    // In source order, as the plan lists its own.
    out.sort_by_key(|b| (b.span.start, b.span.end));
    out
}

impl Ty {
    /// The type as a learner would name a value of it.
    pub(super) fn noun(&self) -> &'static str {
        match self {
            Ty::Int | Ty::Float => "a number",
            Ty::Str => "a string",
            Ty::Bool => "a boolean",
            Ty::Unit => "`None`",
            Ty::List(_) => "a list",
            Ty::Tuple(_) => "a tuple",
            Ty::Dict(..) => "a dict",
            Ty::Option(_) => "a value that may be `None`",
            _ => "another value",
        }
    }
}
