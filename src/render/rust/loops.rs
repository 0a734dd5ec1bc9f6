//! Loops: `for` over what Python iterates (a list, a dict's keys, a string,
//! a range), `async for` over a stream, and `as_completed`.

use super::Renderer;
use super::names::snake;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, Calls, FunctionKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Renderer<'_> {
    /// A `for` loop: its head borrows, copies or iterates keys as the
    /// iterated value's type needs, and its variable is marked for the body.
    pub(super) fn for_loop(&mut self, var: &str, over: &Expr, body: &Block) {
        let fresh = self.new_loop_names(var);
        if self.map_loop(var, over, body) {
            self.declared.retain(|n| !fresh.contains(n));
            return;
        }
        if let Some((pat, head, take)) = self.future_loop(var, over, body) {
            self.line(format!("for {pat} in {head} {{"));
            if let Some(take) = take {
                self.indent += 1;
                self.line(take);
                self.indent -= 1;
            }
            self.nested(body);
            self.line("}");
            self.declared.retain(|n| !fresh.contains(n));
            return;
        }
        let copying = std::mem::replace(&mut self.copying_locked, true);
        let c = self.expr(over);
        self.copying_locked = copying;
        let rows = super::unpack_list::rows_head(var, &c);
        let head = if let Some((rows_head, _)) = &rows {
            rows_head.clone()
        } else if let Some(mut_head) = super::task_lists::dict_mut(&c, body, var) {
            mut_head
        } else if c.range {
            c.text.clone()
        } else if let Ty::Dict(k, _) = &c.ty {
            // A dict yields its keys, as `keys()` does.
            let copied = if k.is_copy() { ".copied()" } else { "" };
            format!("{}.keys(){copied}", c.wrap(10))
        } else if let ExprKind::List(items) = &over.kind {
            if items.is_empty() {
                format!("std::iter::empty::<{}>()", c.ty.elem().rust())
            } else {
                c.text.trim_start_matches("vec!").to_string()
            }
        } else if let ExprKind::Tuple(items) = &over.kind
            && !items.is_empty()
        {
            // A tuple literal's items, of one type: an array.
            let items: Vec<String> = items.iter().map(|i| self.expr(i).text).collect();
            format!("[{}]", items.join(", "))
        } else if c.ty == Ty::Str {
            format!("{}.chars()", c.wrap(10))
        } else if c.ty.elem() == Ty::Exception {
            // Exceptions made as values, each moved out (see `exc_values`).
            c.text.clone()
        } else if c.ty.elem().is_copy() {
            format!("{}.iter().copied()", c.wrap(10))
        } else if var.starts_with('(') {
            format!("{}.iter().cloned()", c.wrap(10))
        } else if (matches!(c.ty.elem(), Ty::Task(_)) && super::analysis::joins(body, var))
            || (matches!(c.ty.elem(), Ty::Object(_))
                && super::objects::mutated_objects(self.demo, body)
                    .iter()
                    .any(|n| n == var))
        {
            format!("&mut {}", c.wrap(7))
        } else if matches!(&over.kind, ExprKind::Var(n) if self.borrowed.contains(n)) {
            // The outer loop's item is a reference already.
            c.text.clone()
        } else {
            format!("&{}", c.wrap(7))
        };
        let borrowed =
            (head.starts_with('&') || head.ends_with(".keys()")) && !var.starts_with('(');
        let mut strs = super::tuples::literal_str_names(over, var);
        // A dict's string keys, and a borrowed list's strings, are `&String`s.
        let keys = head.ends_with(".keys()") && matches!(&c.ty, Ty::Dict(k, _) if **k == Ty::Str);
        let items = head.starts_with('&') && c.ty.elem() == Ty::Str;
        if (keys || items) && !var.starts_with('(') {
            strs.push(var.to_string());
        }
        if let Some((_, true)) = rows {
            // A row's borrowed strings.
            strs.extend(
                super::tuples::pattern_names(var)
                    .into_iter()
                    .flatten()
                    .map(str::to_string),
            );
        }
        self.str_params.extend(strs.iter().cloned());
        let mut pat = self.loop_pat(var);
        if rows.is_some() {
            // An array's pattern.
            pat = format!("[{}]", &pat[1..pat.len() - 1]);
        }
        self.line(format!("for {pat} in {head} {{"));
        // A range from a literal counts up: its numbers are not negative.
        let counting = c.range
            && !var.starts_with('(')
            && head
                .split_once("..")
                .is_some_and(|(lo, _)| lo.parse::<u64>().is_ok());
        if counting {
            self.counting_vars.push(var.to_string());
        }
        let outer = if borrowed {
            self.borrowed.replace(var.to_string())
        } else {
            self.borrowed.take(var)
        };
        self.nested(body);
        if counting {
            self.counting_vars.pop();
        }
        self.borrowed.remove(var);
        self.borrowed.extend(outer);
        self.line("}");
        self.declared.retain(|n| !fresh.contains(n));
        self.str_params
            .retain(|n| !strs.contains(n) || !fresh.contains(n));
    }

    /// `for fut in asyncio.as_completed(...)`: the calls pushed into a
    /// `FuturesUnordered`, read in the order they finish.
    pub(super) fn as_completed(&mut self, calls: &Calls, var: &str, body: &Block) {
        self.use_("futures::stream", "FuturesUnordered");
        self.use_("futures", "StreamExt");
        match calls {
            Calls::List(list) => {
                let same = list.windows(2).all(|w| w[0].name == w[1].name);
                if !same {
                    self.use_("futures", "FutureExt");
                }
                self.line("let mut pending = FuturesUnordered::new();");
                for c in list {
                    let code = self.call(c);
                    let code = if same {
                        code
                    } else {
                        format!("{code}.boxed()")
                    };
                    self.line(format!("pending.push({code});"));
                }
            }
            Calls::Each { call, var, over } => {
                let (iter, pat) = self.iter_of(over, var);
                let c = self.call(call);
                let calls = [format!(".map(|{pat}| {c})"), ".collect()".to_string()];
                self.chain_line(
                    "let mut pending: FuturesUnordered<_> = ",
                    &iter,
                    &calls,
                    ";",
                );
            }
        }
        self.declared.insert(var.to_string());
        self.line(format!(
            "while let Some({}) = pending.next().await {{",
            self.pat(var)
        ));
        self.nested(body);
        self.line("}");
    }

    /// `async for`: a stream read with `next().await`.
    pub(super) fn async_for(&mut self, source: &Call, var: &str, body: &Block) {
        self.use_("futures", "StreamExt");
        let stream = self.stream(source);
        let items = format!("{}_items", snake(&source.name).trim_start_matches("r#"));
        // `next()` needs an `Unpin` stream: a hand-written one is.
        let unpin = self
            .demo
            .function(&source.name)
            .is_some_and(|f| f.kind == FunctionKind::Iterator && Self::simple_iterator(f));
        // A stream whose drop spawns its cleanup drops where the loop ends,
        // as Python lets go of the generator there.
        let scoped = self
            .demo
            .function(&source.name)
            .is_some_and(super::gen_cleanup::drop_spawns);
        if scoped {
            self.line("{");
            self.indent += 1;
        }
        if unpin {
            self.line(format!("let mut {items} = {stream};"));
        } else {
            self.use_("std::pin", "pin");
            self.line(format!("let mut {items} = pin!({stream});"));
        }
        self.declared.insert(var.to_string());
        self.line(format!(
            "while let Some({}) = {items}.next().await {{",
            self.pat(var)
        ));
        self.nested(body);
        self.line("}");
        if scoped {
            self.indent -= 1;
            self.line("}");
        }
    }
}
