//! Expressions of a lowered program.

use super::{Code, Span, Target};
use std::sync::Arc;

/// Where a variable lives, resolved when the program is lowered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    /// A local slot of the running code.
    Local(u32, Arc<str>),
    /// A cell shared with an inner or outer function.
    Cell(u32, Arc<str>),
    /// A module global (or, in a class body, the class namespace first),
    /// then a builtin.
    Global(Arc<str>),
}

impl Name {
    /// The variable's name as written.
    pub fn ident(&self) -> &Arc<str> {
        match self {
            Name::Local(_, n) | Name::Cell(_, n) | Name::Global(n) => n,
        }
    }
}

/// An expression with its source range.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Contains an `await`, a `yield` or an async comprehension, so it can
    /// suspend the code evaluating it.
    pub suspends: bool,
}

/// A literal constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    None,
    Bool(bool),
    Int(i64),
    /// An integer literal too big for 64 bits, in decimal.
    BigInt(Arc<str>),
    Float(f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Ellipsis,
}

/// One argument of a call.
#[derive(Clone, Debug)]
pub enum Arg {
    Positional(Expr),
    /// `*iterable`.
    Star(Expr),
    Keyword(Arc<str>, Expr),
    /// `**mapping`.
    StarStar(Expr),
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Literal(Literal),
    Name(Name),
    Attr(Box<Expr>, Arc<str>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    UnaryOp(UnaryOp, Box<Expr>),
    BoolOp(BoolOp, Vec<Expr>),
    /// `a < b <= c`: the first operand, then each operator and operand.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda {
        code: Arc<Code>,
        defaults: Vec<Expr>,
    },
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// Key and value; no key for `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*iterable` inside a list, tuple or set display.
    Starred(Box<Expr>),
    Comprehension(Arc<Comprehension>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// An f-string.
    FString(Vec<FormatPart>),
    /// `(name := value)`.
    Named(Box<Target>, Box<Expr>),
}

/// What a comprehension builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    /// A generator expression.
    Generator,
}

/// A comprehension: its own scope (`code`), whose first iterable is
/// evaluated in the enclosing scope.
#[derive(Clone, Debug)]
pub struct Comprehension {
    pub kind: CompKind,
    pub code: Arc<Code>,
    /// The element (the key, for a dict comprehension).
    pub element: Expr,
    /// The value of a dict comprehension.
    pub value: Option<Expr>,
    pub generators: Vec<Generator>,
    /// Has `async for` or `await`: it can only run in an async function.
    pub is_async: bool,
}

/// One `for ... in ... if ...` clause.
#[derive(Clone, Debug)]
pub struct Generator {
    pub target: Target,
    /// The first clause's iterable is evaluated outside; see
    /// [`Comprehension`].
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// A piece of an f-string.
#[derive(Clone, Debug)]
pub enum FormatPart {
    Literal(Arc<str>),
    Field {
        value: Expr,
        /// `!r`, `!s` or `!a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:{width}}`).
        spec: Vec<FormatPart>,
        /// `f"{x=}"`: the text before the value.
        debug: Option<Arc<str>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMul,
}

impl BinOp {
    /// Python's spelling.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMul => "@",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
