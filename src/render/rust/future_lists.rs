//! A list of futures made at once (`plan::future_lists`): one oneshot
//! channel per future, `let (futures_tx, futures): (Vec<_>, Vec<_>) =
//! ... .unzip()`. The senders go whole to the one coroutine that resolves
//! the items in a loop (its parameter a `Vec<oneshot::Sender<T>>`, the
//! loop taking each sender); the receivers stay with the function that
//! made them, a loop awaiting each through `&mut` and `f.done()` reading
//! whether its value was sent. Any other use of either side is refused.

use super::Renderer;
use super::analysis::{stmt_calls, stmt_exprs};
use super::code::Code;
use super::expr_walk::{each_block_expr, each_expr, each_expr_of};
use super::names::ident;
use super::tuples::pattern_names;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// The list under `over` (itself or `enumerate(list)`) when it is a
/// variable, with the name of the item in the loop pattern `var`.
fn list_and_item<'a>(var: &'a str, over: &'a Expr) -> Option<(&'a str, &'a str)> {
    match &over.kind {
        ExprKind::Var(list) if pattern_names(var).is_none() => Some((list, var)),
        ExprKind::Call(Builtin::Enumerate, args) => match (args.as_slice(), pattern_names(var)) {
            ([x], Some(names)) => match (&x.kind, names.as_slice()) {
                (ExprKind::Var(list), [_, item]) => Some((list, item)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The parameters of `f` that a loop goes over and resolves each item of
/// (`for fut in futures: fut.set_result(...)`): lists of senders.
pub(super) fn resolved_items(f: &Function) -> Vec<String> {
    let mut out = Vec::new();
    f.walk(&mut |s| {
        if let StmtKind::For { var, over, body } = &s.kind
            && let Some((list, item)) = list_and_item(var, over)
            && f.params.iter().any(|p| p == list)
            && resolves(body, item)
        {
            out.push(list.to_string());
        }
    });
    out
}

/// Whether `block` resolves the future `item`.
fn resolves(block: &Block, item: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |= matches!(&s.kind, StmtKind::Resolve { future, .. } if future == item);
    });
    found
}

/// Whether `block` awaits the future `item`.
fn awaits(block: &Block, item: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |= matches!(&s.kind, StmtKind::Join { target, .. } if target == item);
    });
    each_block_expr(block, &mut |x| {
        found |= matches!(&x.kind, ExprKind::Join(v) if v == item);
    });
    found
}

/// How many times the statements of `f` name `var`: in expressions and
/// in the arguments of the calls they make.
fn named(f: &Function, var: &str) -> usize {
    // Each place once, where both walks reach it.
    let mut places = std::collections::HashSet::new();
    let mut note = |x: &Expr| {
        if matches!(&x.kind, ExprKind::Var(v) if v == var) {
            places.insert(std::ptr::from_ref(x));
        }
    };
    f.walk(&mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut note);
        }
        for call in stmt_calls(s) {
            for a in &call.args {
                each_expr(a, &mut note);
            }
        }
    });
    places.len()
}

/// How many loops and comprehensions of `f` go over the list `list`
/// (or `enumerate(list)`), and how many times `len(list)` measures it.
fn loops_over(f: &Function, list: &str) -> usize {
    let mut n = 0;
    f.walk(&mut |s| {
        if let StmtKind::For { var, over, .. } = &s.kind {
            n += usize::from(list_and_item(var, over).is_some_and(|(l, _)| l == list));
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Comp { var, over, .. } => {
                    n += usize::from(list_and_item(var, over).is_some_and(|(l, _)| l == list));
                }
                ExprKind::Call(Builtin::Len, args) => {
                    n += usize::from(
                        matches!(args.as_slice(), [x] if matches!(&x.kind, ExprKind::Var(v) if v == list)),
                    );
                }
                _ => {}
            });
        }
    });
    n
}

/// How many times the expressions of `f` name `var`.
fn reads(f: &Function, var: &str) -> usize {
    let mut n = 0;
    each_expr_of(f, &mut |x| {
        n += usize::from(matches!(&x.kind, ExprKind::Var(v) if v == var));
    });
    n
}

impl Types {
    /// Whether the value `value` given to a future has its type yet: an
    /// arithmetic operation on an operand not typed yet (a parameter whose
    /// callers come later) would read as an integer, and the future's
    /// type, once set, stays.
    pub(super) fn settled(&self, f: &str, value: &Expr) -> bool {
        let mut settled = true;
        each_expr(value, &mut |x| {
            if let ExprKind::Binary(_, a, b) = &x.kind {
                settled &= self.expr_ty(f, a) != Ty::Unknown && self.expr_ty(f, b) != Ty::Unknown;
            }
        });
        settled
    }

    /// The item type a loop over a list of futures gives back to the list:
    /// the futures' value is known where the items are resolved.
    pub(super) fn future_items_back(&mut self, f: &str, var: &str, over: &Expr) -> bool {
        let Some((list, item)) = list_and_item(var, over) else {
            return false;
        };
        let item_ty = self.var(f, item);
        if !matches!(self.var(f, list), Ty::List(t) if matches!(*t, Ty::Future(_)))
            || !matches!(item_ty, Ty::Future(_))
        {
            return false;
        }
        self.set(f, list, &Ty::List(Box::new(item_ty)))
    }
}

impl Renderer<'_> {
    /// `name = [loop.create_future() for _ in over]`.
    pub(super) fn future_list(&mut self, name: &str, over: &Expr) {
        self.use_("tokio::sync", "oneshot");
        self.local_futures.insert(name.to_string());
        self.declared.insert(name.to_string());
        let awaited = self.demo.function(&self.func).is_some_and(|f| {
            let mut found = false;
            f.walk(&mut |s| {
                if let StmtKind::For { var, over, body } = &s.kind
                    && let Some((list, item)) = list_and_item(var, over)
                {
                    found |= list == name && awaits(body, item);
                }
            });
            found
        });
        let over = self.expr(over).wrap(10);
        let m = if awaited { "mut " } else { "" };
        let head = format!("let ({name}_tx, {m}{}): (Vec<_>, Vec<_>) =", ident(name));
        let value = format!("{over}.map(|_| oneshot::channel()).unzip();");
        if 4 * self.indent + head.len() + 1 + value.len() <= 100 {
            self.line(format!("{head} {value}"));
        } else {
            // As rustfmt breaks a `let` too long for a line.
            self.line(head);
            self.indent += 1;
            self.line(value);
            self.indent -= 1;
        }
    }

    /// The head of a loop over a list of futures, and the line that takes
    /// the item at its index, for [`Renderer::for_loop`]: a list of
    /// senders is taken whole, each sender moved into the loop; a list of
    /// receivers whose items the body awaits is lent `&mut`, or, where the
    /// body reads the list too, gone over by index.
    pub(super) fn future_loop(
        &mut self,
        var: &str,
        over: &Expr,
        body: &Block,
    ) -> Option<(String, String, Option<String>)> {
        let (list, item) = list_and_item(var, over)?;
        let Ty::List(t) = self.var_ty(list) else {
            return None;
        };
        if !matches!(*t, Ty::Future(_)) {
            return None;
        }
        let senders = self
            .types
            .senders
            .contains(&(self.func.clone(), list.to_string()));
        let enumerated = pattern_names(var).map(|names| names[0].to_string());
        let l = ident(list);
        if senders {
            let head = match &enumerated {
                Some(_) => format!("(0..).zip({l})"),
                None => l,
            };
            return Some((self.loop_pat(var), head, None));
        }
        if !self.local_futures.contains(list) || !awaits(body, item) {
            return None;
        }
        let mut read = false;
        walk(body, &mut |s| {
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    read |= matches!(&x.kind, ExprKind::Var(v) if v == list);
                });
            }
        });
        if !read {
            let head = match &enumerated {
                Some(_) => format!("(0..).zip(&mut {l})"),
                None => format!("&mut {l}"),
            };
            return Some((self.loop_pat(var), head, None));
        }
        let take = format!("let {} = &mut {l}[at];", ident(item));
        let pat = self.loop_pat(var);
        Some(match pat.rsplit_once(", ") {
            Some((i, _)) if enumerated.is_some() => (
                format!("{i}, at)"),
                format!("(0..).zip(0..{l}.len())"),
                Some(take),
            ),
            _ => ("at".to_string(), format!("0..{l}.len()"), Some(take)),
        })
    }

    /// The argument `arg` given to the parameter `param` of `callee` that
    /// takes the senders of a list of futures made here: `futures_tx`.
    pub(super) fn senders_arg(&self, callee: &str, param: &str, arg: &Expr) -> Option<String> {
        let ExprKind::Var(list) = &arg.kind else {
            return None;
        };
        let is_list = matches!(self.var_ty(list), Ty::List(t) if matches!(*t, Ty::Future(_)));
        (is_list
            && self.local_futures.contains(list)
            && self
                .types
                .senders
                .contains(&(callee.to_string(), param.to_string())))
        .then(|| format!("{list}_tx"))
    }

    /// `f.done()` of an item of a list of futures: whether its value was
    /// sent, or already received.
    pub(super) fn future_item_done(&mut self, fut: &str) -> Option<Code> {
        if self.local_futures.contains(fut) || !matches!(self.var_ty(fut), Ty::Future(_)) {
            return None;
        }
        let f = ident(fut);
        let text = format!("!{f}.is_empty() || {f}.is_terminated()");
        Some(Code::new(text, Ty::Bool, 1))
    }
}

/// The lists of futures whose senders do not go to exactly one call of a
/// coroutine that resolves them, and the lists of senders that their
/// coroutine reads otherwise than by the one loop that resolves them.
pub(super) fn future_list_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        for p in resolved_items(f) {
            if reads(f, &p) != 1 {
                out.push(Untranslatable {
                    span: f.span.clone(),
                    construct: format!("the list of futures `{p}` read again"),
                    reason: "the Rust listing hands a list of futures to the coroutine that \
                             resolves them as the list of their oneshot senders, which its loop \
                             takes one by one: the list is read by that one loop only"
                        .into(),
                });
            }
        }
        f.walk(&mut |s| {
            let StmtKind::FutureList { name, .. } = &s.kind else {
                return;
            };
            let (mut given, mut other) = (0, 0);
            f.walk(&mut |t| {
                for call in super::promoted::calls_of(t) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (arg, p) in call.args.iter().zip(&callee.params) {
                        if matches!(&arg.kind, ExprKind::Var(v) if v == name) {
                            if types.senders.contains(&(call.name.clone(), p.clone())) {
                                given += 1;
                            } else {
                                other += 1;
                            }
                        }
                    }
                }
            });
            // A call inside a loop would hand the senders on again.
            let mut again = 0;
            f.walk(&mut |t| {
                if let StmtKind::For { body, .. } | StmtKind::While { body, .. } = &t.kind {
                    walk(body, &mut |u| {
                        again += super::promoted::calls_of(u)
                            .iter()
                            .flat_map(|c| &c.args)
                            .filter(|a| matches!(&a.kind, ExprKind::Var(v) if v == name))
                            .count();
                    });
                }
            });
            // The receivers stay here: a loop here resolves none of them.
            let mut resolved_here = false;
            f.walk(&mut |t| {
                if let StmtKind::For { var, over, body } = &t.kind
                    && let Some((list, item)) = list_and_item(var, over)
                {
                    resolved_here |= list == name && resolves(body, item);
                }
            });
            // One binding of the name: the list it names is this one.
            let mut bound = 0;
            f.walk(&mut |t| match &t.kind {
                StmtKind::FutureList { name: n, .. } => bound += usize::from(n == name),
                StmtKind::Set { var, .. } => {
                    let names = pattern_names(var).unwrap_or_else(|| vec![var.as_str()]);
                    bound += usize::from(names.contains(&name.as_str()));
                }
                _ => {}
            });
            if given != 1
                || bound != 1
                || other > 0
                || again > 0
                || resolved_here
                || named(f, name) != given + loops_over(f, name)
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: format!("the list of futures `{name}`"),
                    reason: "the Rust listing makes a list of futures as oneshot channels whose \
                             senders go, all together, to the one call of a coroutine that \
                             resolves each of them in a loop, and whose receivers stay here, \
                             read by loops and comprehensions over them"
                        .into(),
                });
            }
        });
    }
    out
}
