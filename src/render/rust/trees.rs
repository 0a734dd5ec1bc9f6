//! Trees of tuples: a function that calls itself on the children of the
//! tuple it was given (`name, children = node` ... `f(child)`) walks data
//! whose every level has a Rust tuple type of its own. The listing names
//! that data's one recursive type after the parameter, a tuple struct
//! holding a `Vec` of itself (`struct Node(String, Vec<Node>);`), builds
//! each tuple display of the tree as `Node(...)` and unpacks it with the
//! pattern `Node(name, children)`. A tree is built, passed, unpacked and
//! its children iterated; any other use of it (printed, compared) is
//! listed as not translated.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::names::camel;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use std::ops::Range;

/// A recursive tuple type: its struct's name, the types of its places
/// (the children's place holds `List(Tree(name))`) and that place.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Tree {
    pub(super) name: String,
    fields: Vec<Ty>,
    kids: usize,
}

/// The trees of `demo`: one for each parameter a function passes itself
/// nested tuples through, named after it.
pub(super) fn trees(demo: &Demo, types: &Types) -> Vec<Tree> {
    let mut out: Vec<Tree> = Vec::new();
    for f in &demo.functions {
        let Some(params) = types.params.get(&f.name) else {
            continue;
        };
        let mut calls = Vec::new();
        f.walk(&mut |s| {
            if let StmtKind::Await { call, .. } = &s.kind {
                calls.push(call.clone());
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    if let ExprKind::Await(c) | ExprKind::Coro(c) = &x.kind {
                        calls.push(c.clone());
                    }
                });
            }
        });
        for call in calls.iter().filter(|c| c.name == f.name) {
            for (k, arg) in call.args.iter().enumerate() {
                let (Some(param), Some(ty)) = (f.params.get(k), params.get(k)) else {
                    continue;
                };
                if !nested(&types.expr_ty(&f.name, arg)) {
                    continue;
                }
                let Some((fields, kids)) = shape(ty) else {
                    continue;
                };
                let name = camel(param);
                // The listing's own types keep their names.
                let taken = demo.functions.iter().any(|g| camel(&g.name) == name)
                    || [
                        "Error", "PyValue", "Number", "Repr", "Guarded", "Vec", "String",
                    ]
                    .contains(&name.as_str());
                if taken || out.iter().any(|t| t.name == name) {
                    continue;
                }
                out.push(Tree { name, fields, kids });
            }
        }
    }
    out
}

/// Whether `ty` is a tuple holding, in a list, tuples of as many places.
fn nested(ty: &Ty) -> bool {
    let Ty::Tuple(items) = ty else { return false };
    items.iter().any(
        |t| matches!(t, Ty::List(inner) if matches!(&**inner, Ty::Tuple(x) if x.len() == items.len())),
    )
}

/// The places and children's place of a tree whose deepest levels `ty`
/// spells out: a tuple of two places or more, one of them a list of
/// tuples of as many places, level after level, down to an empty list;
/// the other places of one type at every level.
fn shape(ty: &Ty) -> Option<(Vec<Ty>, usize)> {
    let Ty::Tuple(top) = ty else { return None };
    let n = top.len();
    let kids = top.iter().position(
        |t| matches!(t, Ty::List(inner) if matches!(&**inner, Ty::Tuple(x) if x.len() == n)),
    )?;
    if n < 2 {
        return None;
    }
    let mut fields = top.clone();
    let mut level = ty;
    loop {
        let Ty::Tuple(items) = level else { return None };
        if items.len() != n {
            return None;
        }
        for (j, t) in items.iter().enumerate() {
            if j == kids {
                continue;
            }
            if *t != fields[j] || holds_tuple(t) {
                return None;
            }
        }
        match &items[kids] {
            Ty::List(inner) if **inner == Ty::Unknown => break,
            Ty::List(inner) => level = inner,
            _ => return None,
        }
    }
    if (fields.iter().enumerate()).any(|(j, t)| j != kids && *t == Ty::Unknown) {
        return None;
    }
    fields[kids] = Ty::Unknown;
    Some((fields, kids))
}

/// Whether a tuple is inside `ty`.
fn holds_tuple(ty: &Ty) -> bool {
    match ty {
        Ty::Tuple(_) => true,
        Ty::List(t) | Ty::Option(t) | Ty::Set(t) => holds_tuple(t),
        Ty::Dict(k, v) => holds_tuple(k) || holds_tuple(v),
        _ => false,
    }
}

impl Tree {
    /// Whether `ty`, a tuple with places of the tree's types, is a level
    /// of it holding another (`deep`), or any level, a leaf too.
    fn fits(&self, ty: &Ty, deep: bool) -> bool {
        let Ty::Tuple(items) = ty else { return false };
        if items.len() != self.fields.len() {
            return false;
        }
        let places = items
            .iter()
            .zip(&self.fields)
            .enumerate()
            .all(|(j, (t, f))| j == self.kids || t == f);
        places
            && match &items[self.kids] {
                Ty::List(inner) => match &**inner {
                    Ty::Unknown => !deep,
                    Ty::Tree(name) => *name == self.name,
                    t => self.fits(t, false),
                },
                _ => false,
            }
    }

    /// The struct: `struct Node(String, Vec<Node>);`.
    fn declaration(&self) -> String {
        let places: Vec<String> = self
            .fields
            .iter()
            .enumerate()
            .map(|(j, t)| {
                if j == self.kids {
                    format!("Vec<{}>", self.name)
                } else {
                    t.rust()
                }
            })
            .collect();
        format!("struct {}({});", self.name, places.join(", "))
    }
}

impl Types {
    /// A tree's type as the tuple of its places (read by index); any
    /// other type as it is.
    pub(super) fn untree(&self, ty: &Ty) -> Ty {
        let Ty::Tree(name) = ty else {
            return ty.clone();
        };
        match self.trees.iter().find(|t| t.name == *name) {
            Some(tree) => {
                let mut places = tree.fields.clone();
                places[tree.kids] = Ty::List(Box::new(ty.clone()));
                Ty::Tuple(places)
            }
            None => ty.clone(),
        }
    }

    /// The tree whose level `ty` is, holding another.
    pub(super) fn tree_of(&self, ty: &Ty) -> Option<&Tree> {
        self.trees.iter().find(|t| t.fits(ty, true))
    }

    /// `ty` with each level of a tree in it written as the tree's type.
    fn retyped(&self, ty: &Ty) -> Ty {
        if let Some(tree) = self.tree_of(ty) {
            return Ty::Tree(tree.name.clone());
        }
        let boxed = |t: &Ty| Box::new(self.retyped(t));
        match ty {
            Ty::List(t) => Ty::List(boxed(t)),
            Ty::Option(t) => Ty::Option(boxed(t)),
            Ty::Coro(t) => Ty::Coro(boxed(t)),
            Ty::Task(t) => Ty::Task(boxed(t)),
            Ty::Dict(k, v) => Ty::Dict(boxed(k), boxed(v)),
            Ty::Tuple(items) => Ty::Tuple(items.iter().map(|t| self.retyped(t)).collect()),
            t => t.clone(),
        }
    }

    /// Finds the demo's trees and writes their levels, in every
    /// parameter, variable and result, as the trees' types.
    pub(super) fn type_trees(&mut self, demo: &Demo) {
        self.trees = trees(demo, self);
        if self.trees.is_empty() {
            return;
        }
        let params: Vec<(String, Vec<Ty>)> = self
            .params
            .iter()
            .map(|(f, ps)| (f.clone(), ps.iter().map(|t| self.retyped(t)).collect()))
            .collect();
        self.params.extend(params);
        let ret: Vec<(String, Ty)> = (self.ret.iter())
            .map(|(f, t)| (f.clone(), self.retyped(t)))
            .collect();
        self.ret.extend(ret);
        let item: Vec<(String, Ty)> = (self.item.iter())
            .map(|(f, t)| (f.clone(), self.retyped(t)))
            .collect();
        self.item.extend(item);
        let vars: Vec<(String, String, Ty)> = (self.vars.iter())
            .flat_map(|(f, vs)| {
                vs.iter()
                    .map(|(v, t)| (f.clone(), v.clone(), self.retyped(t)))
            })
            .collect();
        for (f, v, t) in vars {
            if let Some(vs) = self.vars.get_mut(&f) {
                vs.insert(v, t);
            }
        }
    }
}

/// The uses of a tree other than building it, passing it to a function
/// of the program, unpacking it, indexing it by a literal or iterating
/// its children.
pub(super) fn misused(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    if types.trees.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let tops = stmt_exprs(s);
            let mut fine: Vec<Range<usize>> = Vec::new();
            let settles = matches!(
                s.kind,
                StmtKind::Set { .. } | StmtKind::For { .. } | StmtKind::Return(_)
            );
            let mut calls: Vec<&Call> = Vec::new();
            if let StmtKind::Await { call, .. } = &s.kind {
                calls.push(call);
            }
            for (e, _) in &tops {
                each_expr(e, &mut |x| {
                    if let ExprKind::Await(c) | ExprKind::Coro(c) = &x.kind {
                        calls.push(c);
                    }
                });
            }
            for call in calls {
                fine.extend(call.args.iter().map(|a| a.span.clone()));
                if let Some(arg) = unfit_arg(types, &f.name, call)
                    && out.is_empty()
                {
                    out.push(Untranslatable {
                        span: arg.span.clone(),
                        construct: "a tuple given where a tree of tuples is taken, or a tree \
                                    where a tuple is"
                            .into(),
                        reason: "the Rust listing writes a tree of tuples as a struct holding \
                                 a `Vec` of itself, the type of the parameters that are given \
                                 trees that nest; one given only a leaf, or given a tuple kept \
                                 in a variable, takes a plain tuple"
                            .into(),
                    });
                }
            }
            for (e, _) in &tops {
                if settles {
                    fine.push(e.span.clone());
                }
                each_expr(e, &mut |x| {
                    if let ExprKind::Call(Builtin::Index | Builtin::Len, args) = &x.kind {
                        fine.extend(args.first().map(|a| a.span.clone()))
                    }
                });
            }
            for (e, _) in &tops {
                each_expr(e, &mut |x| {
                    if let ExprKind::Tuple(items) = &x.kind
                        && let Some(tree) = types.tree_of(&types.expr_ty(&f.name, x))
                        && let Some(kid) = unfit_kid(types, &f.name, tree, items)
                        && out.is_empty()
                    {
                        out.push(Untranslatable {
                            span: kid.span.clone(),
                            construct: "a tuple kept in a variable, as a child in a tree of \
                                        tuples"
                                .into(),
                            reason: format!(
                                "the Rust listing writes the tree as `struct {}(...)`, built \
                                 from tuple displays; this tuple is a plain Rust tuple: \
                                 write its display in the tree",
                                tree.name
                            ),
                        });
                    }
                });
            }
            for (e, _) in &tops {
                each_expr(e, &mut |x| {
                    let ty = types.expr_ty(&f.name, x);
                    let within = |r: &Range<usize>| r.start <= x.span.start && x.span.end <= r.end;
                    if holds_tree(types, &ty) && !fine.iter().any(within) && out.is_empty() {
                        out.push(Untranslatable {
                            span: x.span.clone(),
                            construct: "a tree of tuples used this way".into(),
                            reason: "the Rust listing writes a tree of tuples as a struct \
                                     holding a `Vec` of itself, which it builds, passes, \
                                     unpacks and iterates; printed or compared, it would \
                                     need a `Debug` or `PartialEq` of its own"
                                .into(),
                        });
                    }
                });
            }
        });
    }
    out.extend(unread_places(demo, types));
    out.truncate(1);
    out
}

/// A place of a tree that no unpacking names and no index reads: its
/// field would never be read.
fn unread_places(demo: &Demo, types: &Types) -> Option<Untranslatable> {
    let mut read: Vec<(String, usize)> = Vec::new();
    let mut first: Option<(String, Range<usize>)> = None;
    for f in &demo.functions {
        let mut names: Vec<&str> = Vec::new();
        f.walk(&mut |s| {
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Var(n) => names.push(n),
                    ExprKind::Call(Builtin::Index, args) => {
                        if let [obj, k] = args.as_slice()
                            && let Ty::Tree(name) = types.expr_ty(&f.name, obj)
                            && let ExprKind::Lit(crate::render::plan::ir::value::Value::Int(k)) =
                                k.kind
                            && let Ok(k) = usize::try_from(k)
                        {
                            read.push((name, k));
                        }
                    }
                    _ => {}
                });
            }
        });
        f.walk(&mut |s| {
            let StmtKind::Set { var, value } = &s.kind else {
                return;
            };
            let (Ty::Tree(name), Some(parts)) = (
                types.expr_ty(&f.name, value),
                super::tuples::pattern_names(var),
            ) else {
                return;
            };
            first.get_or_insert((name.clone(), s.span.clone()));
            for (j, part) in parts.iter().enumerate() {
                if names.contains(part) {
                    read.push((name.clone(), j));
                }
            }
        });
    }
    let (name, span) = first?;
    let tree = types.trees.iter().find(|t| t.name == name)?;
    let unread = (0..tree.fields.len()).find(|j| !read.contains(&(name.clone(), *j)))?;
    Some(Untranslatable {
        span,
        construct: format!("place {unread} of a tree of tuples, never read"),
        reason: format!(
            "the Rust listing writes the tree as `struct {name}(...)`, whose field {unread} \
             nothing would read (a warning): read it, or leave it out of the tree"
        ),
    })
}

/// A child in the tuple display `items` of a level of `tree` that is
/// neither a display nor a tree.
fn unfit_kid<'a>(types: &Types, f: &str, tree: &Tree, items: &'a [Expr]) -> Option<&'a Expr> {
    let place = items.get(tree.kids)?;
    let ExprKind::List(kids) = &place.kind else {
        let whole = Ty::List(Box::new(Ty::Tree(tree.name.clone())));
        return (types.expr_ty(f, place) != whole).then_some(place);
    };
    kids.iter().find_map(|kid| match &kid.kind {
        ExprKind::Tuple(xs) if xs.len() == tree.fields.len() => unfit_kid(types, f, tree, xs),
        _ => (types.expr_ty(f, kid) != Ty::Tree(tree.name.clone())).then_some(kid),
    })
}

/// An argument of `call` given to a parameter that takes a tree that is
/// neither a tree nor a tuple display of one, or a tree given to a
/// parameter that takes none.
fn unfit_arg<'a>(types: &Types, f: &str, call: &'a Call) -> Option<&'a Expr> {
    let params = types.params.get(&call.name)?;
    call.args.iter().zip(params).find_map(|(arg, p)| {
        let ty = types.expr_ty(f, arg);
        let Ty::Tree(name) = p else {
            // A tree given where no tree is taken.
            return (holds_tree(types, &ty) && !holds_tree(types, p)).then_some(arg);
        };
        let tree = types.trees.iter().find(|t| t.name == *name)?;
        let fits = ty == *p || matches!(arg.kind, ExprKind::Tuple(_)) && tree.fits(&ty, false);
        (!fits).then_some(arg)
    })
}

/// Whether `ty` is or holds a tree.
fn holds_tree(types: &Types, ty: &Ty) -> bool {
    match ty {
        Ty::Tree(_) => true,
        Ty::List(t) | Ty::Option(t) => holds_tree(types, t),
        Ty::Tuple(items) => {
            types.tree_of(ty).is_some() || items.iter().any(|t| holds_tree(types, t))
        }
        _ => false,
    }
}

impl Renderer<'_> {
    /// The structs of the program's trees.
    pub(super) fn tree_structs(&mut self) {
        for tree in &self.types.trees {
            self.line("#[derive(Clone)]");
            self.line(tree.declaration());
            self.line("");
        }
    }

    /// A tuple display that is a level of a tree: `Node(...)`, its
    /// children's displays likewise.
    pub(super) fn tree_display(&mut self, items: &[Expr]) -> Option<Code> {
        let tys: Vec<Ty> = items
            .iter()
            .map(|i| self.types.expr_ty(&self.func, i))
            .collect();
        let tree = self.types.tree_of(&Ty::Tuple(tys))?.clone();
        Some(self.tree_level(&tree, items))
    }

    /// A tuple display given to a parameter or variable that holds a
    /// tree: a level of it, a leaf too.
    pub(super) fn tree_value(&mut self, value: &Expr, ty: &Ty) -> Option<Code> {
        let (Ty::Tree(name), ExprKind::Tuple(items)) = (ty, &value.kind) else {
            return None;
        };
        let tree = self.types.trees.iter().find(|t| t.name == *name)?.clone();
        Some(self.tree_level(&tree, items))
    }

    fn tree_level(&mut self, tree: &Tree, items: &[Expr]) -> Code {
        let parts: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(j, item)| match &item.kind {
                ExprKind::List(kids) if j == tree.kids => {
                    let kids: Vec<String> = kids
                        .iter()
                        .map(|k| match &k.kind {
                            ExprKind::Tuple(xs) if xs.len() == tree.fields.len() => {
                                self.tree_level(tree, xs).text
                            }
                            _ => self.expr(k).owned(),
                        })
                        .collect();
                    format!("vec![{}]", kids.join(", "))
                }
                _ => self.expr(item).owned(),
            })
            .collect();
        let mut c = Code::new(
            format!("{}({})", tree.name, parts.join(", ")),
            Ty::Tree(tree.name.clone()),
            10,
        );
        c.fresh = true;
        c
    }
}

/// `let Node(a, b) = ` for the pattern binding `let (a, b) = ` of a tree.
pub(super) fn tree_pattern(bound: String, ty: &Ty) -> String {
    let Ty::Tree(name) = ty else { return bound };
    match bound.find('(') {
        Some(at) if bound[..at].trim_start_matches("let ").trim().is_empty() => {
            format!("{}{name}{}", &bound[..at], &bound[at..])
        }
        _ => bound,
    }
}
