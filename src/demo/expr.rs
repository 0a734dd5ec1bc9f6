//! The small expression language: literals, variables, arithmetic,
//! comparisons, `and`/`or`/`not`, lists and a few built-in calls, with
//! Python's syntax and precedence. Text with `{expr}` holes is a [`Template`].

use super::value::Value;
use std::ops::Range;

/// An expression, with its byte range inside the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Lit(Value),
    Var(String),
    List(Vec<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// A built-in function: `range`, `len`, `str`, `int`, `float`, `abs`, `min`, `max`, `sum`.
    Call(Builtin, Vec<Expr>),
    /// Text with holes, as a Python f-string.
    Template(Template),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinaryOp {
    /// Python's spelling.
    pub fn python(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
        }
    }

    /// Binding strength, higher binds tighter (Python's order).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod => 6,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Range,
    Len,
    Str,
    Int,
    Float,
    Abs,
    Min,
    Max,
    Sum,
}

impl Builtin {
    pub const ALL: [(&'static str, Builtin); 9] = [
        ("range", Builtin::Range),
        ("len", Builtin::Len),
        ("str", Builtin::Str),
        ("int", Builtin::Int),
        ("float", Builtin::Float),
        ("abs", Builtin::Abs),
        ("min", Builtin::Min),
        ("max", Builtin::Max),
        ("sum", Builtin::Sum),
    ];

    pub fn name(self) -> &'static str {
        Builtin::ALL
            .iter()
            .find(|(_, b)| *b == self)
            .map(|(n, _)| *n)
            .expect("every builtin is listed")
    }
}

/// Text with `{expr}` holes (`{{` and `}}` stand for braces).
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Text(String),
    Hole(Expr),
}

impl Template {
    /// The template as plain text when it has no holes.
    pub fn as_plain(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Hole(_) => return None,
            }
        }
        Some(out)
    }
}

/// A syntax error inside an expression, at a byte range of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
}

/// Parses an expression such as `remaining > 0` or `n * n`.
pub fn parse_expr(src: &str) -> Result<Expr, SyntaxError> {
    let mut p = Parser {
        src,
        tokens: lex(src)?,
        pos: 0,
    };
    let e = p.expr(0)?;
    match p.peek() {
        None => Ok(e),
        Some(t) => Err(SyntaxError {
            message: format!("unexpected `{}` after the expression", &src[t.span.clone()]),
            span: t.span.clone(),
        }),
    }
}

/// Parses a value written as text: a string that is exactly one `{expr}`
/// hole is that expression's value, any other string is a template.
pub fn parse_value_text(src: &str) -> Result<Expr, SyntaxError> {
    let template = parse_template(src)?;
    if let [Part::Hole(e)] = template.parts.as_slice() {
        return Ok(e.clone());
    }
    if let Some(text) = template.as_plain() {
        return Ok(Expr {
            kind: ExprKind::Lit(Value::Str(text.into())),
            span: 0..src.len(),
        });
    }
    Ok(Expr {
        kind: ExprKind::Template(template),
        span: 0..src.len(),
    })
}

/// Parses text with `{expr}` holes.
pub fn parse_template(src: &str) -> Result<Template, SyntaxError> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                text.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                text.push('}');
                i += 2;
            }
            b'{' => {
                let close = src[i..].find('}').map(|j| i + j).ok_or(SyntaxError {
                    message: "`{` opens a hole that is never closed with `}` (write `{{` for a literal brace)".into(),
                    span: i..src.len(),
                })?;
                let inner = &src[i + 1..close];
                if inner.trim().is_empty() {
                    return Err(SyntaxError {
                        message: "empty `{}`: put a variable or expression inside".into(),
                        span: i..close + 1,
                    });
                }
                let expr = parse_expr(inner).map_err(|e| SyntaxError {
                    message: e.message,
                    span: e.span.start + i + 1..e.span.end + i + 1,
                })?;
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Hole(shift(expr, i + 1)));
                i = close + 1;
            }
            b'}' => {
                return Err(SyntaxError {
                    message: "a lone `}` (write `}}` for a literal brace)".into(),
                    span: i..i + 1,
                });
            }
            _ => {
                let c = src[i..].chars().next().expect("in bounds");
                text.push(c);
                i += c.len_utf8();
            }
        }
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    Ok(Template { parts })
}

/// Moves every span of `e` right by `by` bytes.
pub fn shift(mut e: Expr, by: usize) -> Expr {
    e.span = e.span.start + by..e.span.end + by;
    e.kind = match e.kind {
        ExprKind::List(items) => ExprKind::List(items.into_iter().map(|x| shift(x, by)).collect()),
        ExprKind::Unary(op, x) => ExprKind::Unary(op, Box::new(shift(*x, by))),
        ExprKind::Binary(op, a, b) => {
            ExprKind::Binary(op, Box::new(shift(*a, by)), Box::new(shift(*b, by)))
        }
        ExprKind::Call(f, args) => {
            ExprKind::Call(f, args.into_iter().map(|x| shift(x, by)).collect())
        }
        ExprKind::Template(t) => ExprKind::Template(Template {
            parts: t
                .parts
                .into_iter()
                .map(|p| match p {
                    Part::Hole(x) => Part::Hole(shift(x, by)),
                    text => text,
                })
                .collect(),
        }),
        other => other,
    };
    e
}

impl Expr {
    /// Every variable the expression reads, with its span.
    pub fn variables(&self, out: &mut Vec<(String, Range<usize>)>) {
        match &self.kind {
            ExprKind::Var(name) => out.push((name.clone(), self.span.clone())),
            ExprKind::Lit(_) => {}
            ExprKind::List(items) | ExprKind::Call(_, items) => {
                items.iter().for_each(|x| x.variables(out))
            }
            ExprKind::Unary(_, x) => x.variables(out),
            ExprKind::Binary(_, a, b) => {
                a.variables(out);
                b.variables(out);
            }
            ExprKind::Template(t) => {
                for part in &t.parts {
                    if let Part::Hole(x) = part {
                        x.variables(out);
                    }
                }
            }
        }
    }

    /// The value as a template followed by a newline: the line a `send`
    /// statement writes.
    pub fn line_template(&self) -> Template {
        let mut t = match &self.kind {
            ExprKind::Template(t) => t.clone(),
            ExprKind::Lit(Value::Str(s)) => Template {
                parts: vec![Part::Text(s.to_string())],
            },
            _ => Template {
                parts: vec![Part::Hole(self.clone())],
            },
        };
        match t.parts.last_mut() {
            Some(Part::Text(text)) => text.push('\n'),
            _ => t.parts.push(Part::Text("\n".into())),
        }
        t
    }

    /// A literal expression.
    pub fn lit(value: Value) -> Expr {
        Expr {
            kind: ExprKind::Lit(value),
            span: 0..0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Int(i64),
    Float(f64),
    Str(String),
    Name(String),
    Op(&'static str),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

const OPS: [&str; 20] = [
    "//", "==", "!=", "<=", ">=", "**", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", ",",
    "=", "!",
];

fn lex(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'_') {
                i += 1;
            }
            let mut is_float = false;
            if i < bytes.len() && bytes[i] == b'.' {
                is_float = true;
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
                is_float = true;
                i += 1;
                if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
                    i += 1;
                }
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let text = src[start..i].replace('_', "");
            let bad = || SyntaxError {
                message: format!("`{}` is not a number", &src[start..i]),
                span: start..i,
            };
            let tok = if is_float {
                Tok::Float(text.parse().map_err(|_| bad())?)
            } else {
                Tok::Int(text.parse().map_err(|_| bad())?)
            };
            out.push(Token {
                tok,
                span: start..i,
            });
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Name(src[start..i].to_string()),
                span: start..i,
            });
        } else if c == b'\'' || c == b'"' {
            let start = i;
            i += 1;
            let mut s = String::new();
            loop {
                match bytes.get(i) {
                    None => {
                        return Err(SyntaxError {
                            message: "this string is never closed".into(),
                            span: start..src.len(),
                        });
                    }
                    Some(&q) if q == c => {
                        i += 1;
                        break;
                    }
                    Some(b'\\') if i + 1 < bytes.len() => {
                        s.push(match bytes[i + 1] {
                            b'n' => '\n',
                            b't' => '\t',
                            other => other as char,
                        });
                        i += 2;
                    }
                    Some(_) => {
                        let ch = src[i..].chars().next().expect("in bounds");
                        s.push(ch);
                        i += ch.len_utf8();
                    }
                }
            }
            out.push(Token {
                tok: Tok::Str(s),
                span: start..i,
            });
        } else if let Some(op) = OPS.iter().find(|op| src[i..].starts_with(**op)) {
            if *op == "=" || *op == "!" || *op == "**" {
                let hint = match *op {
                    "=" => "`=` assigns; compare with `==` (assignments are `set` statements)",
                    "!" => "write `not` for negation",
                    _ => "`**` (power) is not supported: multiply instead",
                };
                return Err(SyntaxError {
                    message: hint.into(),
                    span: i..i + op.len(),
                });
            }
            out.push(Token {
                tok: Tok::Op(op),
                span: i..i + op.len(),
            });
            i += op.len();
        } else {
            let ch = src[i..].chars().next().expect("in bounds");
            return Err(SyntaxError {
                message: format!("unexpected character `{ch}` in an expression"),
                span: i..i + ch.len_utf8(),
            });
        }
    }
    Ok(out)
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn end_span(&self) -> Range<usize> {
        self.src.len()..self.src.len()
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Some(Token { tok: Tok::Op(o), .. }) if *o == op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: &str, what: &str) -> Result<usize, SyntaxError> {
        match self.peek() {
            Some(Token {
                tok: Tok::Op(o),
                span,
            }) if *o == op => {
                let end = span.end;
                self.pos += 1;
                Ok(end)
            }
            Some(t) => Err(SyntaxError {
                message: format!("expected `{op}` {what}"),
                span: t.span.clone(),
            }),
            None => Err(SyntaxError {
                message: format!("expected `{op}` {what}, found the end"),
                span: self.end_span(),
            }),
        }
    }

    fn binary_op(&self) -> Option<BinaryOp> {
        let t = self.peek()?;
        Some(match &t.tok {
            Tok::Op("+") => BinaryOp::Add,
            Tok::Op("-") => BinaryOp::Sub,
            Tok::Op("*") => BinaryOp::Mul,
            Tok::Op("/") => BinaryOp::Div,
            Tok::Op("//") => BinaryOp::FloorDiv,
            Tok::Op("%") => BinaryOp::Mod,
            Tok::Op("==") => BinaryOp::Eq,
            Tok::Op("!=") => BinaryOp::Ne,
            Tok::Op("<") => BinaryOp::Lt,
            Tok::Op("<=") => BinaryOp::Le,
            Tok::Op(">") => BinaryOp::Gt,
            Tok::Op(">=") => BinaryOp::Ge,
            Tok::Name(n) if n == "and" => BinaryOp::And,
            Tok::Name(n) if n == "or" => BinaryOp::Or,
            _ => return None,
        })
    }

    /// Precedence climbing over binary operators.
    fn expr(&mut self, min_prec: u8) -> Result<Expr, SyntaxError> {
        let mut lhs = self.unary()?;
        while let Some(op) = self.binary_op() {
            let prec = op.precedence();
            if prec <= min_prec {
                break;
            }
            self.pos += 1;
            let rhs = self.expr(prec)?;
            let span = lhs.span.start..rhs.span.end;
            lhs = Expr {
                kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                span,
            };
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        let Some(t) = self.peek().cloned() else {
            return Err(SyntaxError {
                message: "expected a value, found the end".into(),
                span: self.end_span(),
            });
        };
        let (op, prec) = match &t.tok {
            Tok::Op("-") => (UnaryOp::Neg, 6),
            Tok::Name(n) if n == "not" => (UnaryOp::Not, 3),
            _ => return self.atom(),
        };
        self.pos += 1;
        let inner = if prec == 6 {
            self.unary()?
        } else {
            self.expr(prec - 1)?
        };
        let span = t.span.start..inner.span.end;
        if let (UnaryOp::Neg, ExprKind::Lit(Value::Int(i))) = (op, &inner.kind) {
            return Ok(Expr {
                kind: ExprKind::Lit(Value::Int(-i)),
                span,
            });
        }
        if let (UnaryOp::Neg, ExprKind::Lit(Value::Float(f))) = (op, &inner.kind) {
            return Ok(Expr {
                kind: ExprKind::Lit(Value::Float(-f)),
                span,
            });
        }
        Ok(Expr {
            kind: ExprKind::Unary(op, Box::new(inner)),
            span,
        })
    }

    fn atom(&mut self) -> Result<Expr, SyntaxError> {
        let t = self.peek().cloned().expect("checked by caller");
        self.pos += 1;
        let lit = |v| {
            Ok(Expr {
                kind: ExprKind::Lit(v),
                span: t.span.clone(),
            })
        };
        match t.tok {
            Tok::Int(i) => lit(Value::Int(i)),
            Tok::Float(f) => lit(Value::Float(f)),
            Tok::Str(s) => lit(Value::Str(s.into())),
            Tok::Name(n) => match n.as_str() {
                "True" => lit(Value::Bool(true)),
                "False" => lit(Value::Bool(false)),
                "None" => lit(Value::None),
                "and" | "or" | "not" | "in" | "if" | "else" | "for" | "await" | "async"
                | "lambda" => Err(SyntaxError {
                    message: format!("`{n}` cannot stand here"),
                    span: t.span,
                }),
                _ if self.eat_op("(") => {
                    let Some((_, builtin)) = Builtin::ALL.iter().find(|(name, _)| *name == n)
                    else {
                        let names: Vec<_> = Builtin::ALL.iter().map(|(n, _)| *n).collect();
                        return Err(SyntaxError {
                            message: format!(
                                "`{n}(...)` is not a built-in function here (expressions may call {}; coroutines are called with `call`)",
                                names.join(", ")
                            ),
                            span: t.span,
                        });
                    };
                    let (args, end) = self.items(")", "to close the call")?;
                    Ok(Expr {
                        kind: ExprKind::Call(*builtin, args),
                        span: t.span.start..end,
                    })
                }
                _ => Ok(Expr {
                    kind: ExprKind::Var(n),
                    span: t.span,
                }),
            },
            Tok::Op("(") => {
                let inner = self.expr(0)?;
                let end = self.expect_op(")", "to close the parenthesis")?;
                Ok(Expr {
                    kind: inner.kind,
                    span: t.span.start..end,
                })
            }
            Tok::Op("[") => {
                let (items, end) = self.items("]", "to close the list")?;
                Ok(Expr {
                    kind: ExprKind::List(items),
                    span: t.span.start..end,
                })
            }
            Tok::Op(op) => Err(SyntaxError {
                message: format!("expected a value, found `{op}`"),
                span: t.span,
            }),
        }
    }

    /// Comma-separated expressions up to `close`.
    fn items(&mut self, close: &str, what: &str) -> Result<(Vec<Expr>, usize), SyntaxError> {
        let mut items = Vec::new();
        loop {
            if let Some(Token {
                tok: Tok::Op(o),
                span,
            }) = self.peek()
                && *o == close
            {
                let end = span.end;
                self.pos += 1;
                return Ok((items, end));
            }
            items.push(self.expr(0)?);
            if !self.eat_op(",") {
                let end = self.expect_op(close, what)?;
                return Ok((items, end));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Lit(v) => v.repr(),
            ExprKind::Var(n) => n.clone(),
            ExprKind::List(items) => {
                format!(
                    "[{}]",
                    items.iter().map(show).collect::<Vec<_>>().join(", ")
                )
            }
            ExprKind::Unary(op, x) => format!("({op:?} {})", show(x)),
            ExprKind::Binary(op, a, b) => format!("({} {} {})", show(a), op.python(), show(b)),
            ExprKind::Call(f, args) => format!(
                "{}({})",
                f.name(),
                args.iter().map(show).collect::<Vec<_>>().join(", ")
            ),
            ExprKind::Template(_) => "<template>".into(),
        }
    }

    #[test]
    fn precedence_follows_python() {
        let e = parse_expr("a + b * 2 > 3 and not done or x == -1").unwrap();
        assert_eq!(
            show(&e),
            "((((a + (b * 2)) > 3) and (Not done)) or (x == -1))"
        );
        assert_eq!(
            show(&parse_expr("range(0, n, 2)").unwrap()),
            "range(0, n, 2)"
        );
        assert_eq!(show(&parse_expr("[1, 'a', 2.5]").unwrap()), "[1, 'a', 2.5]");
    }

    #[test]
    fn templates_split_into_text_and_holes() {
        let t = parse_template("{name}-result {{x}}").unwrap();
        assert_eq!(t.parts.len(), 2);
        assert_eq!(t.parts[1], Part::Text("-result {x}".into()));
        let Part::Hole(e) = &t.parts[0] else { panic!() };
        assert_eq!(e.span, 1..5);
        let v = parse_value_text("{n * n}").unwrap();
        assert!(matches!(v.kind, ExprKind::Binary(BinaryOp::Mul, _, _)));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse_template("total {a +}").unwrap_err();
        assert_eq!(e.span, 10..10);
        let e = parse_expr("x = 1").unwrap_err();
        assert!(e.message.contains("=="), "{}", e.message);
        let e = parse_expr("fetch(1)").unwrap_err();
        assert!(e.message.contains("not a built-in"), "{}", e.message);
    }
}
