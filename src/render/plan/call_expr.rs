//! A call as an expression: the built-ins, methods and functions the plan
//! knows, each written as the plan's expression.

use super::expr::template_expr;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name};
use crate::render::plan::ir::ast::{Call, FunctionKind};
use crate::render::plan::ir::expr::{Builtin, ExprKind, StrMethod};

impl Planner<'_> {
    /// The call `e` (of `f` with `args`) as the plan's expression.
    pub(super) fn call_expr(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<ExprKind> {
        if let Some(k) = self.filter_none(sc, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.keyword_update(sc, e, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.set_call(sc, f, args, &e.span)? {
            return Ok(k);
        }
        if let Some(k) = self.set_method(sc, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.passed_group_repr(sc, f, args) {
            return Ok(k);
        }
        if let Some(k) = self.exception_text(f, args) {
            return Ok(k);
        }
        if let Some(k) = self.exception_isinstance(f, args) {
            return Ok(k);
        }
        if let Some(k) = self.isinstance(sc, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.tuple_call(sc, e, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.threadsafe_exception(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.threadsafe_state(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.submitted_read(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.map_filter(sc, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.keyed_sort(sc, e, f, args)? {
            return Ok(k);
        }
        if let E::Name(Name::Global(n)) = &f.kind
            && let Some((_, b)) = Builtin::ALL.iter().find(|(name, _)| **name == **n)
            && !self.defs.contains_key(&**n)
        {
            if let (Builtin::Str | Builtin::Repr, [Arg::Positional(x)]) = (*b, args) {
                self.refuse_shown_iterator(x)?;
            }
            if *b == Builtin::Zip && args.is_empty() {
                // `zip()` gives no pairs: an empty list.
                return Ok(ExprKind::List(Vec::new()));
            }
            if let Some(keyed) = self.keyed_builtin(sc, *b, args, &e.span)? {
                return Ok(ExprKind::Call(*b, keyed));
            }
            return Ok(ExprKind::Call(
                *b,
                self.builtin_args(sc, *b, args, &e.span)?,
            ));
        }
        if let Some(t) = self.format_builtin(sc, f, args, &e.span)? {
            return Ok(template_expr(t, &e.span).kind);
        }
        if let E::Attr(obj, m) = &f.kind
            && &**m == "format"
            && let E::Literal(Literal::Str(pattern)) = &obj.kind
        {
            let t = self.format_call(sc, pattern, args, &e.span)?;
            return Ok(template_expr(t, &e.span).kind);
        }
        if let Some(obj) = super::stmt::method_call(e, "done")
            && let Some(task) = super::stmt::local_name(obj)
            && (sc.tasks.iter().any(|t| t == task)
                || sc.futures.contains_key(task)
                || sc.threadsafe.iter().any(|t| t == task)
                || sc.task_item(task)
                || self.future_item(sc, task))
        {
            return Ok(ExprKind::Done(sc.local(task, &obj.span)?));
        }
        if let Some(obj) = super::stmt::method_call(e, "cancelled")
            && let Some(task) = super::stmt::local_name(obj)
            && (sc.tasks.iter().any(|t| t == task)
                || sc.jobs.iter().any(|t| t == task)
                || sc.task_item(task))
        {
            return self.task_cancelled(sc, obj, task);
        }
        if let Some(k) = self.item_result(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.task_method(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.future_method(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.threadsafe_result(sc, e)? {
            return Ok(k);
        }
        if let Some(k) = self.block_on_value(sc, e)? {
            return Ok(k);
        }
        if let Some(obj) = super::stmt::method_call(e, "locked")
            && let Some(sync) = super::stmt::local_name(obj)
            && sc.syncs.iter().any(|t| t == sync)
        {
            return Ok(ExprKind::Locked(sc.local(sync, &obj.span)?));
        }
        if let E::Attr(obj, m) = &f.kind
            && self.member(f).is_none()
            && let Some((_, _, method)) = StrMethod::ALL
                .iter()
                .find(|(name, n, _)| *name == &**m && *n == args.len())
        {
            if let Some(k) = self.entry_method(sc, *method, obj, args)? {
                return Ok(k);
            }
            let shared = matches!(&obj.kind, E::Name(Name::Global(g)) if self.shared(g).is_some());
            // `[].pop()`: Python's way to show its `IndexError`.
            let empty_pop =
                *method == StrMethod::Pop && matches!(&obj.kind, E::List(xs) if xs.is_empty());
            let own_field = matches!(&obj.kind, E::Attr(o, a) if sc.field(o, a).is_some())
                || self.local_object_field(sc, obj);
            if method.mutates()
                && !empty_pop
                && !matches!(obj.kind, E::Name(Name::Local(..) | Name::Cell(..)))
                && !shared
                && !own_field
            {
                return refuse(
                    &e.span,
                    format!("`.{m}(...)` on this"),
                    "the Rust listing changes a list in place only in the function whose \
                     local variable it is",
                );
            }
            super::builtins_args::check_fill(*method, args, &e.span)?;
            super::insert_place::check_index(*method, args, &e.span)?;
            super::self_append::check(*method, obj, args, &e.span)?;
            super::str_search::check_literals(*method, args, &e.span)?;
            super::str_strip::check_literals(*method, args, &e.span)?;
            super::task_loops::dict_method_of_list(sc, *method, obj, &e.span)?;
            if let Some(answer) = super::str_class::class_test(*method, obj, &e.span)? {
                return Ok(answer);
            }
            return Ok(ExprKind::StrMethod(
                *method,
                Box::new(self.expr(sc, obj)?),
                self.positional(sc, args, &e.span)?,
            ));
        }
        if let Some((Module::Time, "perf_counter" | "monotonic" | "time")) = self.member(f)
            && args.is_empty()
        {
            return Ok(ExprKind::Now);
        }
        if let Some(obj) = super::stmt::method_call(e, "time")
            && (self.is_member_call(obj, "get_running_loop")
                || super::stmt::local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l)))
        {
            return Ok(ExprKind::Now);
        }
        if let Some(k) = self.value_call(sc, e, f, args)? {
            return Ok(k);
        }
        if let Some(job) = self.executor_job_value(sc, e)? {
            return Ok(job);
        }
        if let Some(k) = self.kept_gather(sc, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.param_call(sc, f, args, &e.span, false)? {
            return Ok(k);
        }
        self.refuse_future_call(sc, e)?;
        if let Some(k) = self.nested_run(sc, e, f, args)? {
            return Ok(k);
        }
        if let Some(k) = self.exception_value(sc, e)? {
            return Ok(k);
        }
        let names = Builtin::ALL.map(|(n, _)| n).join(", ");
        // A plain function of the program, called where its value is used.
        if let E::Name(Name::Global(n)) = &f.kind
            && let Some(def) = self.defs.get(&**n).copied()
            && def.kind == Some(FunctionKind::Blocking)
        {
            let call = Call {
                name: n.to_string(),
                args: self.args_of(sc, n, def, args, &e.span)?,
                span: e.span.clone(),
            };
            for (i, arg) in call.args.iter().enumerate() {
                self.check_arg(&call, i, arg)?;
            }
            return Ok(ExprKind::Await(call));
        }
        if let E::Name(Name::Global(n)) = &f.kind
            && self.defs.contains_key(&**n)
        {
            return refuse(
                &e.span,
                format!("a call of `{n}` inside an expression"),
                "the Rust listing awaits, spawns or gathers a coroutine as a statement of its own \
                 (`x = await f(...)`)",
            );
        }
        if let Some(k) = self.sys_exit(sc, f, args, &e.span)? {
            return Ok(k);
        }
        if let Some((m, member)) = self.member(f) {
            return refuse(
                &e.span,
                format!("`{}.{member}(...)` here", m.name()),
                format!(
                    "the Rust listing translates `{}.{member}` only in the statement shapes it \
                     knows (such as `await asyncio.sleep(x)` or `t = asyncio.create_task(f())`)",
                    m.name()
                ),
            );
        }
        if let Some(k) = self.fn_dict_call(sc, f, args)? {
            return Ok(k);
        }
        super::held_lambdas::check_callee(f, &e.span, self.text(&e.span))?;
        refuse(
            &e.span,
            format!("the call `{}`", self.text(&e.span)),
            format!("the expressions of the Rust listing call the built-ins {names} only"),
        )
    }
}
