//! Iterator and resource classes: a struct, its `new`, and a `Stream` or
//! explicit `open`/`close` (`enter`/`exit`: see [`super::plain_with`]).

use super::Renderer;
use super::generic_iters::{HandedList, generic_list};
use super::names::{camel, ident};
use super::types::Ty;
use crate::render::plan::ir::ast::{Function, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

impl Renderer<'_> {
    pub(super) fn struct_def(&mut self, f: &Function, doc: &[&str]) -> String {
        self.struct_with(f, doc, None, None)
    }

    /// The struct of an iterator or resource, with an extra field
    /// (name, type; starts as `None`), and its `impl` opened with `new`;
    /// generic over `T` where `generic` names its list of `T`s and the
    /// bounds its `impl` needs.
    pub(super) fn struct_with(
        &mut self,
        f: &Function,
        doc: &[&str],
        extra: Option<(&str, &str)>,
        generic: Option<(&HandedList, &str)>,
    ) -> String {
        let name = camel(&f.name);
        let (params, bounds) = match generic {
            Some((_, bounds)) => ("<T>", format!("<T{bounds}>")),
            None => ("", String::new()),
        };
        let generic = generic.map(|(g, _)| g);
        for d in doc {
            self.line(format!("/// {d}"));
        }
        if f.fields.is_empty() && extra.is_none() {
            self.line(format!("struct {name};"));
        } else {
            self.line(format!("struct {name}{params} {{"));
            for (field, _) in &f.fields {
                let ty = match generic {
                    Some(g) if g.field == *field => "Vec<T>".to_string(),
                    _ => self.types.var(&f.name, field).rust(),
                };
                self.line(format!("    {}: {ty},", ident(field)));
            }
            if let Some((field, ty)) = extra {
                self.line(format!("    {field}: {ty},"));
            }
            self.line("}");
        }
        self.line("");
        self.line(format!("impl{bounds} {name}{params} {{"));
        self.indent += 1;
        // The constructor: fields from the parameters.
        self.enter(f, "self", false);
        let mut texts = self.param_texts(f);
        if let Some(g) = generic
            && let Some(text) = texts.get_mut(g.param)
        {
            *text = format!("{}: Vec<T>", ident(&f.params[g.param]));
        }
        let params = texts.join(", ");
        self.line(format!("fn new({params}) -> Self {{"));
        self.indent += 1;
        // What a plain class's `__init__` does besides setting fields.
        if f.kind == FunctionKind::Object {
            self.body(&f.body, false);
        }
        if f.fields.is_empty() && extra.is_none() {
            self.line(&name);
        } else {
            let mut inits: Vec<String> = f
                .fields
                .iter()
                .map(|(field, e)| {
                    let code = self.expr(e);
                    let ty = self.types.var(&f.name, field);
                    let value = if ty == Ty::Float && code.ty == Ty::Int {
                        code.as_f64().text
                    } else if matches!(&e.kind, ExprKind::Var(p) if f.params.contains(p))
                        && ty != Ty::Str
                    {
                        // Parameters move into the struct (text is copied
                        // from the `&str`).
                        code.text
                    } else {
                        code.owned()
                    };
                    if value == ident(field) {
                        value
                    } else {
                        format!("{}: {value}", ident(field))
                    }
                })
                .collect();
            let moving: Vec<bool> = f
                .fields
                .iter()
                .map(|(field, e)| {
                    matches!(&e.kind, ExprKind::Var(p) if f.params.contains(p))
                        && !matches!(self.types.var(&f.name, field), Ty::Str | Ty::Float)
                })
                .collect();
            moved_params_last(f, &moving, &mut inits);
            if let Some((field, _)) = extra {
                inits.push(format!("{field}: None"));
            }
            let one = inits.join(", ");
            if one.len() <= 18 {
                self.line(format!("Self {{ {one} }}"));
            } else {
                self.line("Self {");
                for i in &inits {
                    self.line(format!("    {i},"));
                }
                self.line("}");
            }
        }
        self.indent -= 1;
        self.line("}");
        name
    }

    /// An iterator whose `__anext__` is "guards that stop, one sleep, then
    /// plain statements" becomes a hand-written `Stream::poll_next` that
    /// keeps its pending `Sleep` in the struct.
    pub(super) fn simple_iterator(f: &Function) -> bool {
        let is_guard = |s: &Stmt| {
            matches!(&s.kind, StmtKind::If { then, otherwise, .. }
                if otherwise.is_empty() && matches!(then.as_slice(), [Stmt { kind: StmtKind::Stop, .. }]))
        };
        let Some(sleep) = f
            .body
            .iter()
            .position(|s| matches!(s.kind, StmtKind::Sleep(_)))
        else {
            return false;
        };
        let fields: Vec<&String> = f.fields.iter().map(|(n, _)| n).collect();
        let StmtKind::Sleep(d) = &f.body[sleep].kind else {
            return false;
        };
        let mut vars = Vec::new();
        d.variables(&mut vars);
        if vars.iter().any(|(v, _)| fields.contains(&v))
            || f.fields.iter().any(|(n, _)| n == "delay")
        {
            return false;
        }
        let sync = |s: &Stmt| {
            let mut ok = true;
            crate::render::plan::ir::ast::walk(&vec![s.clone()], &mut |inner| {
                ok &= matches!(
                    inner.kind,
                    StmtKind::Print(_)
                        | StmtKind::Set { .. }
                        | StmtKind::If { .. }
                        | StmtKind::Return(Some(_))
                        | StmtKind::Stop
                );
            });
            ok
        };
        f.body[..sleep].iter().all(is_guard)
            && f.body[sleep + 1..].iter().all(sync)
            && matches!(
                f.body.last().map(|s| &s.kind),
                Some(StmtKind::Return(Some(_)))
            )
    }

    pub(super) fn poll_iterator(&mut self, f: &Function) {
        self.use_("futures", "Stream");
        self.use_("std::pin", "Pin");
        self.use_("std::task", "Context");
        self.use_("std::task", "Poll");
        self.use_("std::task", "ready");
        self.use_("tokio::time", "Sleep");
        let generic = generic_list(self.demo, self.types, &f.name);
        let delay = Some(("delay", "Option<Pin<Box<Sleep>>>"));
        let name = self.struct_with(f, &[], delay, generic.as_ref().map(|g| (g, "")));
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.enter(f, "self", true);
        self.poll_mode = true;
        self.line("/// Python's `__aiter__`/`__anext__`: Tokio polls for the next item.");
        let item = if generic.is_some() {
            self.line(format!("impl<T: Clone + Unpin> Stream for {name}<T> {{"));
            "T".to_string()
        } else {
            self.line(format!("impl Stream for {name} {{"));
            self.types.ret_of(&f.name).rust()
        };
        self.indent += 1;
        self.line(format!("type Item = {item};"));
        self.line("");
        self.line(format!(
            "fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<{item}>> {{"
        ));
        self.indent += 1;
        self.body(&f.body, true);
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.poll_mode = false;
    }

    pub(super) fn iterator(&mut self, f: &Function) {
        if Self::simple_iterator(f) {
            self.poll_iterator(f);
            return;
        }
        self.use_("futures", "Stream");
        self.use_("futures::stream", "unfold");
        let generic = generic_list(self.demo, self.types, &f.name);
        self.struct_with(f, &[], None, generic.as_ref().map(|g| (g, ": Clone")));
        self.enter(f, "self", true);
        let item = match generic {
            Some(_) => "T".to_string(),
            None => self.types.ret_of(&f.name).rust(),
        };
        self.line("");
        self.line("/// Python's `__anext__`: the next item, or `None` to stop.");
        self.line(format!(
            "async fn next_item(&mut self) -> Option<{item}> {{"
        ));
        self.indent += 1;
        self.body(&f.body, true);
        let ends = matches!(
            f.body.last().map(|s| &s.kind),
            Some(StmtKind::Return(_) | StmtKind::Stop)
        );
        if !ends {
            self.line("Some(())");
        }
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.line("/// The items as a `Stream`: `__aiter__`.");
        self.line(format!(
            "fn into_stream(self) -> impl Stream<Item = {item}> {{"
        ));
        self.line("    unfold(self, |mut it| async move {");
        self.line("        let item = it.next_item().await?;");
        self.line("        Some((item, it))");
        self.line("    })");
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }

    pub(super) fn resource(&mut self, f: &Function) {
        let m = self.manager(&f.name);
        self.struct_def(f, &[m.doc]);
        self.enter(f, "self", true);
        let ret = self.ret_suffix(&f.name);
        self.line("");
        self.line(format!("/// Python's `{}`.", m.python.0));
        self.line(format!("{} {}(&mut self){ret} {{", m.def, m.enter));
        self.indent += 1;
        // `return self`: the object is already what `as` names.
        let mut body = f.body.clone();
        if crate::render::plan::enters_self(f) {
            body.pop();
        }
        self.body(&body, true);
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.line(format!("/// Python's `{}`.", m.python.1));
        let mut sets_field = false;
        crate::render::plan::ir::ast::walk(&f.exit, &mut |s| {
            if let StmtKind::Set { var, .. } = &s.kind {
                sets_field |= f.fields.iter().any(|(n, _)| n == var);
            }
        });
        let recv = if sets_field { "mut self" } else { "self" };
        let (param, ret) = self.close_signature(f);
        self.line(format!("{} {}({recv}{param}){ret} {{", m.def, m.exit));
        self.indent += 1;
        let kind = self.kind;
        self.kind = FunctionKind::Coroutine;
        let swallows = super::resource_exit::swallows(f);
        self.exit_bool = swallows;
        self.body(&f.exit, swallows);
        if swallows && !ends_in_return(&f.exit) {
            // Falling off the end returns `None`: the exception goes on.
            self.line("false");
        }
        self.exit_bool = false;
        self.kind = kind;
        self.indent -= 1;
        self.line("}");
        let prefix = format!("{}.", f.name);
        let methods: Vec<&Function> = (self.demo.functions.iter())
            .filter(|m| m.name.starts_with(&prefix))
            .collect();
        self.method_defs(&methods);
        self.indent -= 1;
        self.line("}");
    }
}

/// Puts last the initializers of `f`'s fields (`inits`, in order) that move
/// (where `moving`) a parameter another field's value still reads (`self.names = names`
/// before `self.lead = [names[0]]`): a struct literal runs in its written
/// order, and the value is only moved once the others are made.
fn moved_params_last(f: &Function, moving: &[bool], inits: &mut Vec<String>) {
    let moves = |i: usize| match &f.fields[i].1.kind {
        ExprKind::Var(p) if moving[i] => Some(p),
        _ => None,
    };
    let read_by_other = |i: usize, p: &String| {
        f.fields.iter().enumerate().any(|(j, (_, e))| {
            let mut vars = Vec::new();
            e.variables(&mut vars);
            j != i && vars.iter().any(|(v, _)| v == p)
        })
    };
    let last: Vec<bool> = (0..inits.len())
        .map(|i| moves(i).is_some_and(|p| read_by_other(i, p)))
        .collect();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    for (init, last) in inits.drain(..).zip(last) {
        if last {
            back.push(init)
        } else {
            front.push(init)
        }
    }
    front.append(&mut back);
    *inits = front;
}

/// Whether `block`'s last statement returns, in every branch.
fn ends_in_return(block: &crate::render::plan::ir::ast::Block) -> bool {
    match block.last().map(|s| &s.kind) {
        Some(StmtKind::Return(_)) => true,
        Some(StmtKind::ExitRaised { raised, clean, .. }) => {
            ends_in_return(raised) && ends_in_return(clean)
        }
        Some(StmtKind::If {
            then, otherwise, ..
        }) => ends_in_return(then) && ends_in_return(otherwise),
        _ => false,
    }
}
