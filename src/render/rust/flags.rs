//! A `Flag` enum (see `plan::flags`): a `Copy` struct of its bits, the
//! members its constants (`Perm::R`), `|`, `&` and `^` its operators,
//! `x in flag` its `contains`, its truth whether a bit is set, `list(flag)`
//! the members it holds in the class's order, `len(flag)` their number,
//! and `Display` and `Debug` writing `Perm.R|W` and `<Perm.R|W: 3>`
//! (`Perm(0)` and `<Perm: 0>` when empty) as Python's `str` and `repr` do. The listing refuses the
//! operators between a flag and another value, arithmetic on flags and an
//! order of enum members (Python raises `TypeError` for each), a flag
//! iterated otherwise than by `list`, and a flag's `.name` (Python's is
//! `None` when it is empty).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::names::camel;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};
use crate::render::plan::ir::value::Value;

/// Whether `class` is a `Flag` enum of the program.
pub(super) fn is_flag(demo: &Demo, class: &str) -> bool {
    demo.function(class).is_some_and(|f| {
        f.kind == FunctionKind::Enum && f.params.iter().any(|p| p == crate::render::plan::FLAG)
    })
}

/// The constant of the member `member`: its name in capitals.
pub(super) fn constant(member: &str) -> String {
    member.to_uppercase()
}

/// The flag class of the type `ty`, if it is one.
fn flag_of<'t>(demo: &Demo, ty: &'t Ty) -> Option<&'t str> {
    match ty {
        Ty::Enum(class) if is_flag(demo, class) => Some(class),
        _ => None,
    }
}

/// Why an order of enum members is refused.
const UNORDERED: &str = "Python's `Enum` and `Flag` members have no order (it raises \
                         `TypeError`); order them by their `.value`s";

/// Whether `ty` is an enum member, or a list of them, that Python cannot
/// order: of an enum other than an `IntEnum`.
fn unordered(demo: &Demo, ty: &Ty) -> bool {
    let member = match ty {
        Ty::List(t) => &**t,
        t => t,
    };
    matches!(member, Ty::Enum(class) if demo.function(class).is_some_and(|f| {
        !f.params.iter().any(|p| p == crate::render::plan::INT_ENUM)
    }))
}

/// The symbol of an operator on flags.
fn symbol(op: Builtin) -> &'static str {
    match op {
        Builtin::Union => "|",
        Builtin::Intersection => "&",
        _ => "^",
    }
}

/// Whether every operand of `|`, `&` or `^` is a flag of one class.
pub(super) fn flag_operands(demo: &Demo, types: &Types, func: &str, args: &[Expr]) -> bool {
    let tys: Vec<Ty> = args.iter().map(|a| types.expr_ty(func, a)).collect();
    tys.first()
        .and_then(|t| flag_of(demo, t))
        .is_some_and(|_| tys.iter().all(|t| *t == tys[0]))
}

/// The uses of flags the listing cannot write: `^` of values that are not
/// flags of one class, `in` of an enum that is no flag, arithmetic on
/// flags and orders of enum members (but an `IntEnum`'s), a flag's
/// `.name`, and a flag iterated by a loop or a comprehension.
pub(super) fn flag_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let mut refuse = |x: &Expr, construct: &str, reason: &str| {
        out.push(Untranslatable {
            construct: construct.to_string(),
            reason: reason.to_string(),
            span: x.span.clone(),
        })
    };
    each_function_expr(demo, &mut |f, x| match &x.kind {
        ExprKind::Call(Builtin::Xor, args) if !flag_operands(demo, types, &f.name, args) => refuse(
            x,
            "the operator `^`",
            "the Rust listing translates `^` of two flags of one `Flag` class",
        ),
        ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, a, b)
            if let Ty::Enum(class) = types.expr_ty(&f.name, b)
                && (!is_flag(demo, &class) || types.expr_ty(&f.name, a) != Ty::Enum(class)) =>
        {
            refuse(
                x,
                "`in` of an enum member",
                "Python tests `in` of a flag of the same `Flag` class only (a member of \
                 another enum raises `TypeError`)",
            )
        }
        ExprKind::Field(obj, name)
            if name == "name" && flag_of(demo, &types.expr_ty(&f.name, obj)).is_some() =>
        {
            refuse(
                x,
                "the `.name` of a flag",
                "Python's `.name` of a flag is `None` when it is empty and joins its \
                 members' names otherwise; the Rust listing prints the flag itself",
            )
        }
        ExprKind::Call(Builtin::Sorted | Builtin::Min | Builtin::Max, args)
            if !super::closures::keyed(args)
                && args
                    .iter()
                    .any(|a| unordered(demo, &types.expr_ty(&f.name, a))) =>
        {
            refuse(x, "an order of enum members", UNORDERED)
        }
        ExprKind::StrMethod(StrMethod::Sort, xs, key)
            if key.is_empty() && unordered(demo, &types.expr_ty(&f.name, xs)) =>
        {
            refuse(x, "an order of enum members", UNORDERED)
        }
        ExprKind::Binary(op, a, b)
            if !matches!(
                op,
                BinaryOp::Eq
                    | BinaryOp::Ne
                    | BinaryOp::In
                    | BinaryOp::NotIn
                    | BinaryOp::And
                    | BinaryOp::Or
            ) && [a, b]
                .iter()
                .any(|x| flag_of(demo, &types.expr_ty(&f.name, x)).is_some()) =>
        {
            refuse(
                x,
                &format!("the operator `{}` of a flag", op.python()),
                "Python's flags combine with `|`, `&` and `^` only (it raises `TypeError`)",
            )
        }
        ExprKind::Comp { over, .. } if flag_of(demo, &types.expr_ty(&f.name, over)).is_some() => {
            refuse(
                over,
                "a flag iterated",
                "the Rust listing writes `list(flag)`, the members a flag holds, as a `Vec`; \
                 iterate over that list",
            )
        }
        _ => {}
    });
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::For { over, .. } = &s.kind
                && flag_of(demo, &types.expr_ty(&f.name, over)).is_some()
            {
                refuse(
                    over,
                    "a flag iterated",
                    "the Rust listing writes `list(flag)`, the members a flag holds, as a \
                     `Vec`; iterate over that list",
                );
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// `a | b`, `a & b` or `a ^ b` of two flags; `None` for other operands.
    pub(super) fn flag_operator(&mut self, op: Builtin, args: &[Expr]) -> Option<Code> {
        if !flag_operands(self.demo, self.types, &self.func, args) {
            return None;
        }
        let [a, b] = args else {
            return None;
        };
        // Operands of bit operators are wrapped unless they chain the same
        // operator from the left (`a | b | c`).
        let same = |x: &Expr| matches!(&x.kind, ExprKind::Call(o, _) if *o == op);
        let left_same = same(a);
        let (a, b) = (self.expr(a), self.expr(b));
        let left = if left_same { a.text } else { a.wrap(4) };
        Some(Code::new(
            format!("{left} {} {}", symbol(op), b.wrap(4)),
            a.ty,
            3,
        ))
    }

    /// `list(flag)`: the members it holds, in the class's order.
    pub(super) fn flag_list(&mut self, args: &[Expr]) -> Option<Code> {
        let [x] = args else {
            return None;
        };
        let ty = self.types.expr_ty(&self.func, x);
        flag_of(self.demo, &ty)?;
        let x = self.expr(x);
        let mut c = Code::new(
            format!(
                "{}.members().map(|(m, _)| m).collect::<Vec<_>>()",
                x.wrap(10)
            ),
            Ty::List(Box::new(ty)),
            10,
        );
        c.fresh = true;
        Some(c)
    }

    /// `len(flag)`: how many members it holds.
    pub(super) fn flag_len(&mut self, args: &[Expr]) -> Option<Code> {
        let [x] = args else {
            return None;
        };
        flag_of(self.demo, &self.types.expr_ty(&self.func, x))?;
        let x = self.expr(x);
        Some(Code::new(
            format!("{}.members().count() as i64", x.wrap(10)),
            Ty::Int,
            8,
        ))
    }

    /// `Perm.R`: the constant `Perm::R`.
    pub(super) fn flag_member(&mut self, class: &str, member: &str) -> Code {
        Code::new(
            format!("{}::{}", camel(class), constant(member)),
            Ty::Enum(class.to_string()),
            10,
        )
    }

    /// `{head}[items];` in the `impl`, one item a line where rustfmt
    /// breaks the array.
    fn const_array(&mut self, head: &str, items: &[String]) {
        let array = format!("[{}]", items.join(", "));
        match super::long_lines::array_lines(head, &array) {
            Some(lines) => {
                let last = lines.len() - 1;
                for (i, l) in lines.into_iter().enumerate() {
                    let end = if i == last { ";" } else { "" };
                    self.line(format!("    {l}{end}"));
                }
            }
            None => self.line(format!("    {head}{array};")),
        }
    }

    /// The flag's struct, constants, methods, operators and text.
    pub(super) fn flag_def(&mut self, f: &Function, all: bool) {
        self.use_("std", "fmt");
        self.use_("std::ops", "BitAnd");
        self.use_("std::ops", "BitOr");
        self.use_("std::ops", "BitXor");
        let name = camel(&f.name);
        let members: Vec<(String, i64)> = f
            .fields
            .iter()
            .filter_map(|(m, e)| match e.kind {
                ExprKind::Lit(Value::Int(n)) => Some((m.clone(), n)),
                _ => None,
            })
            .collect();
        let n = members.len();
        self.line(format!(
            "/// `{}`, a `Flag`: the bits of the members it holds.",
            f.name
        ));
        self.line("#[derive(Clone, Copy, PartialEq, Eq, Hash)]");
        self.line(format!("struct {name}(i64);"));
        self.line("");
        self.line(format!("impl {name} {{"));
        for (m, bit) in &members {
            self.line(format!(
                "    const {}: {name} = {name}({bit});",
                constant(m)
            ));
        }
        self.line("");
        self.line("    /// The members, in the class's order, with their names.");
        let listed: Vec<String> = members
            .iter()
            .map(|(m, _)| format!("({name}::{}, \"{m}\")", constant(m)))
            .collect();
        self.const_array(&format!("const MEMBERS: [({name}, &str); {n}] = "), &listed);
        if all {
            let list: Vec<String> = members
                .iter()
                .map(|(m, _)| format!("{name}::{}", constant(m)))
                .collect();
            self.const_array(&format!("const ALL: [{name}; {n}] = "), &list);
        }
        for l in [
            "",
            "    fn value(self) -> i64 {",
            "        self.0",
            "    }",
            "",
            "    /// Whether every bit of `other` is set here (Python's `other in self`).",
            &format!("    fn contains(self, other: {name}) -> bool {{"),
            "        self.0 & other.0 == other.0",
            "    }",
            "",
            "    fn is_empty(self) -> bool {",
            "        self.0 == 0",
            "    }",
            "",
            "    /// The members it holds, with their names.",
            &format!("    fn members(self) -> impl Iterator<Item = ({name}, &'static str)> {{"),
            &format!("        {name}::MEMBERS"),
            "            .into_iter()",
            "            .filter(move |&(m, _)| self.contains(m))",
            "    }",
            "",
            "    /// The names of its members, as Python joins them: `R|W`.",
            "    fn names(self) -> String {",
            "        let names: Vec<&str> = self.members().map(|(_, name)| name).collect();",
            "        names.join(\"|\")",
            "    }",
            "}",
            "",
        ] {
            self.line(l);
        }
        for (tr, method, sym) in [
            ("BitOr", "bitor", "|"),
            ("BitAnd", "bitand", "&"),
            ("BitXor", "bitxor", "^"),
        ] {
            self.line(format!("impl {tr} for {name} {{"));
            self.line("    type Output = Self;");
            self.line("");
            self.line(format!("    fn {method}(self, other: Self) -> Self {{"));
            self.line(format!("        {name}(self.0 {sym} other.0)"));
            self.line("    }");
            self.line("}");
            self.line("");
        }
        let py = &f.name;
        for l in [
            &format!("impl fmt::Display for {name} {{") as &str,
            "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
            "        if self.is_empty() {",
            &format!("            f.pad(&format!(\"{py}({{}})\", self.value()))"),
            "        } else {",
            &format!("            f.pad(&format!(\"{py}.{{}}\", self.names()))"),
            "        }",
            "    }",
            "}",
            "",
            &format!("impl fmt::Debug for {name} {{"),
            "    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {",
            "        if self.is_empty() {",
            &format!("            write!(f, \"<{py}: {{}}>\", self.value())"),
            "        } else {",
            &format!("            write!(f, \"<{py}.{{}}: {{}}>\", self.names(), self.value())"),
            "        }",
            "    }",
            "}",
        ] {
            self.line(l);
        }
    }
}
