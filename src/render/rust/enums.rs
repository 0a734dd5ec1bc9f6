//! The program's enums (see `plan::enums`): a Rust `enum` deriving
//! `Clone, Copy, PartialEq, Eq, Hash` (an `IntEnum` also `PartialOrd, Ord`:
//! its members are ordered by value), whose `name()` and `value()` match
//! on the variant, `Display` writing `Color.RED` (an `IntEnum` its value)
//! and `Debug` writing `<Color.RED: 1>` as Python's `str` and `repr` do,
//! and `ALL` (the members in order) when the program iterates over the
//! class. A member the program never names nor reaches through iteration
//! is left out: a variant never made would be dead code.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_program_expr;
use super::names::camel;
use super::types::{Ty, Types, value_ty};
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The Rust variant of the member `member`: `DARK_RED` is `DarkRed`.
pub(super) fn variant(member: &str) -> String {
    crate::render::plan::enum_variant(member)
}

/// Whether the program iterates over the enum `class` (`Color::ALL`).
fn iterated(demo: &Demo, class: &str) -> bool {
    uses(
        demo,
        &mut |e| matches!(&e.kind, ExprKind::Members(c) if c == class),
    )
}

/// Whether some expression of the program is one `is` says.
fn uses(demo: &Demo, is: &mut dyn FnMut(&Expr) -> bool) -> bool {
    let mut found = false;
    each_program_expr(demo, &mut |x| found |= is(x));
    found
}

impl Types {
    /// An enum's `name` is text, its `value` its members' type; `self` in
    /// its methods is a member.
    pub(super) fn enum_fields(&mut self, demo: &Demo, f: &Function) {
        if let Some((class, _)) = f.name.split_once('.')
            && demo
                .function(class)
                .is_some_and(|c| c.kind == FunctionKind::Enum)
        {
            self.set(&f.name, "self", &Ty::Enum(class.to_string()));
        }
        if f.kind != FunctionKind::Enum {
            return;
        }
        let value = f
            .fields
            .first()
            .map_or(Ty::Int, |(_, e)| self.expr_ty(&f.name, e));
        self.set(&f.name, "name", &Ty::Str);
        self.set(&f.name, "value", &value);
    }

    /// The type of `Color.RED` and of `Color` iterated.
    pub(super) fn enum_ty(&self, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::Member(class, _) => Ty::Enum(class.clone()),
            ExprKind::Members(class) => Ty::List(Box::new(Ty::Enum(class.clone()))),
            _ => Ty::Unknown,
        }
    }
}

impl Renderer<'_> {
    /// `Color.RED`: `Color::Red`.
    pub(super) fn member(&mut self, class: &str, member: &str) -> Code {
        if super::flags::is_flag(self.demo, class) {
            return self.flag_member(class, member);
        }
        Code::new(
            format!("{}::{}", camel(class), variant(member)),
            Ty::Enum(class.to_string()),
            10,
        )
    }

    /// `Color` iterated: `Color::ALL`, its members in order.
    pub(super) fn members(&mut self, class: &str) -> Code {
        let mut c = Code::new(
            format!("{}::ALL", camel(class)),
            Ty::List(Box::new(Ty::Enum(class.to_string()))),
            10,
        );
        c.fresh = true;
        c
    }

    /// `member.name` or `member.value`: the method of that name.
    pub(super) fn enum_field(&mut self, obj: &Code, field: &str) -> Code {
        let ty = match &obj.ty {
            Ty::Enum(class) => self.types.var(class, field),
            _ => Ty::Unknown,
        };
        let mut c = Code::new(format!("{}.{field}()", obj.wrap(10)), ty, 10);
        c.str_ref = true;
        c
    }

    /// The enum: its definition, `ALL` when iterated, `name()`, `value()`,
    /// `Display` and `Debug`.
    pub(super) fn enum_def(&mut self, f: &Function) {
        self.use_("std", "fmt");
        let name = camel(&f.name);
        let all = iterated(self.demo, &f.name);
        if super::flags::is_flag(self.demo, &f.name) {
            return self.flag_def(f, all);
        }
        let members: Vec<&(String, Expr)> = f
            .fields
            .iter()
            .filter(|(m, _)| {
                all || uses(
                    self.demo,
                    &mut |e| matches!(&e.kind, ExprKind::Member(c, n) if *c == f.name && n == m),
                )
            })
            .collect();
        let ints = f
            .fields
            .first()
            .is_some_and(|(_, e)| value_ty_of(e) == Ty::Int);
        if members.is_empty() {
            return;
        }
        let int = f.params.iter().any(|p| p == crate::render::plan::INT_ENUM);
        if int {
            // An `IntEnum`'s members are ordered by their values.
            self.line("#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
        } else {
            self.line("#[derive(Clone, Copy, PartialEq, Eq, Hash)]");
        }
        self.line(format!("enum {name} {{"));
        for (m, e) in &members {
            match &e.kind {
                ExprKind::Lit(Value::Int(n)) => self.line(format!("    {} = {n},", variant(m))),
                _ => self.line(format!("    {},", variant(m))),
            }
        }
        self.line("}");
        self.line("");
        self.line(format!("impl {name} {{"));
        if all {
            let list: Vec<String> = members
                .iter()
                .map(|(m, _)| format!("{name}::{}", variant(m)))
                .collect();
            self.line(format!(
                "    const ALL: [{name}; {}] = [{}];",
                members.len(),
                list.join(", ")
            ));
            self.line("");
        }
        self.line("    fn name(self) -> &'static str {");
        self.line("        match self {");
        for (m, _) in &members {
            self.line(format!("            {name}::{} => \"{m}\",", variant(m)));
        }
        self.line("        }");
        self.line("    }");
        self.line("");
        if ints {
            self.line("    fn value(self) -> i64 {");
            self.line("        self as i64");
            self.line("    }");
        } else {
            self.line("    fn value(self) -> &'static str {");
            self.line("        match self {");
            for (m, e) in &members {
                if let ExprKind::Lit(Value::Str(t)) = &e.kind {
                    self.line(format!("            {name}::{} => \"{t}\",", variant(m)));
                }
            }
            self.line("        }");
            self.line("    }");
        }
        self.indent += 1;
        let prefix = format!("{}.", f.name);
        let methods: Vec<&Function> = self
            .demo
            .functions
            .iter()
            .filter(|m| m.name.starts_with(&prefix) && !m.name.ends_with("__"))
            .collect();
        self.method_defs(&methods);
        self.indent -= 1;
        self.line("}");
        self.line("");
        self.line(format!("impl fmt::Display for {name} {{"));
        self.line("    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {");
        let own = |dunder: &str| self.demo.function(&format!("{}.{dunder}", f.name));
        if let Some(m) = own("__str__") {
            self.own_text(m);
        } else if int {
            // An `IntEnum` member prints as its value, as Python's `str` and
            // `format` of it do.
            self.line("        fmt::Display::fmt(&self.value(), f)");
        } else {
            // `pad`: a format spec's width applies, as to Python's `format`
            // of the member's `str`.
            self.line(format!(
                "        f.pad(&format!(\"{}.{{}}\", self.name()))",
                f.name
            ));
        }
        self.line("    }");
        self.line("}");
        self.line("");
        // Python's `repr` quotes a string value.
        let value = if ints { "{}" } else { "'{}'" };
        self.line(format!("impl fmt::Debug for {name} {{"));
        self.line("    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {");
        match self.demo.function(&format!("{}.__repr__", f.name)) {
            Some(m) => self.own_text(m),
            None => self.line(format!(
                "        write!(f, \"<{}.{{}}: {value}>\", self.name(), self.value())",
                f.name
            )),
        }
        self.line("    }");
        self.line("}");
    }
}

impl Renderer<'_> {
    /// Python's `repr` of the members of each enum, for the containers
    /// that print them (the listing's `Repr` trait).
    pub(super) fn enum_reprs(&mut self) {
        if !self.lines.iter().any(|l| l == "trait Repr {") {
            return;
        }
        let enums: Vec<String> = self
            .demo
            .functions
            .iter()
            .filter(|f| f.kind == FunctionKind::Enum)
            .map(|f| camel(&f.name))
            .collect();
        for name in enums {
            self.line(format!("impl Repr for {name} {{"));
            self.line("    fn repr(&self) -> String {");
            self.line("        format!(\"{self:?}\")");
            self.line("    }");
            self.line("}");
            self.line("");
        }
    }
}

impl Renderer<'_> {
    /// The body of an enum's own `__str__` or `__repr__` (`m`): the text it
    /// returns, padded as a format spec asks.
    fn own_text(&mut self, m: &Function) {
        let start = self.lines.len();
        self.indent += 2;
        self.enter(m, "self", false);
        if let Some(StmtKind::Return(Some(e))) = m.body.last().map(|s| &s.kind) {
            let c = self.expr(e);
            self.line(format!("f.pad({})", c.borrowed()));
        }
        self.indent -= 2;
        self.functions
            .insert(m.name.clone(), start..self.lines.len());
    }
}

/// The type of a member's value.
fn value_ty_of(e: &Expr) -> Ty {
    match &e.kind {
        ExprKind::Lit(v) => value_ty(v),
        _ => Ty::Unknown,
    }
}
