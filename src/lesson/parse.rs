//! Reads a lesson file (TOML) into a [`Lesson`], reporting every problem with
//! its place in the file.

use super::diagnostic::{LessonError, did_you_mean};
use super::{Lesson, Quiz, QuizAnswer, RunFact};
use crate::demo::ast::{Block, Call, Calls, Demo, Function, FunctionKind, Stmt, StmtKind};
use crate::demo::expr::{self, Expr, ExprKind, SyntaxError, shift};
use crate::demo::value::Value;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

type Node<'i> = Spanned<DeValue<'i>>;

/// Statement keywords and the other keys each one accepts.
pub const STATEMENTS: &[(&str, &[&str])] = &[
    ("print", &[]),
    ("sleep", &[]),
    ("block", &[]),
    ("compute", &[]),
    ("return", &[]),
    ("call", &["args", "into"]),
    ("make", &["args", "into"]),
    ("spawn", &["args", "into"]),
    ("await", &["into"]),
    ("cancel", &[]),
    ("gather", &["args", "for", "in", "into"]),
    ("as_completed", &["args", "for", "in", "as", "body"]),
    (
        "wait_for",
        &["args", "timeout", "into", "body", "on_timeout"],
    ),
    ("async_for", &["args", "as", "body"]),
    ("yield", &[]),
    ("stop", &[]),
    ("async_with", &["args", "as", "body"]),
    ("collect", &["args", "as", "value", "if", "into"]),
    ("for", &["in", "body"]),
    ("while", &["body"]),
    ("if", &["then", "else"]),
    ("set", &["to"]),
    ("try", &["on_cancel", "finally"]),
    ("future", &[]),
    ("resolve", &["value"]),
    ("serve", &["into"]),
    ("connect", &["into"]),
    ("send", &["value"]),
    ("receive", &["into"]),
    ("close", &[]),
];

const TOP_KEYS: &[&str] = &["id", "title", "summary", "text", "demo", "quiz"];
const DEMO_KEYS: &[&str] = &["entry", "coroutine", "generator", "iterator", "resource"];
const QUIZ_KEYS: &[&str] = &["question", "choices", "answer", "from_run", "explain"];

/// Parses a lesson file. `file` names it in messages; `stem` is the file
/// name without `.toml` (it gives the default id and the number).
/// Reads the demo a lesson names (`demo = "05-gather.py"`) from beside it.
pub type ReadDemo<'a> = &'a dyn Fn(&str) -> Result<String, String>;

pub fn parse_lesson(
    file: &str,
    stem: &str,
    text: &str,
    read_demo: ReadDemo<'_>,
) -> Result<Lesson, Vec<LessonError>> {
    let source: Arc<str> = Arc::from(text);
    let mut r = Reader {
        file,
        source: &source,
        errors: Vec::new(),
        next_id: 0,
    };
    if let Some(at) = text.find('\0') {
        r.error(
            at..at + 1,
            "this file holds a NUL byte: it looks like a binary file, not a lesson",
            Some("a lesson file is UTF-8 text in TOML; see docs/lesson-format.md".into()),
        );
        return Err(r.errors);
    }
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let (message, help) = toml_problem(e.message(), source.get(span.clone()));
            r.error(span, message, Some(help));
            return Err(r.errors);
        }
    };
    let whole = root.span();
    let root = root.into_inner();
    if root.is_empty() {
        r.error(
            0..text.len(),
            if text.trim().is_empty() {
                "the file is empty: a lesson needs a title, a summary and a [demo]"
            } else {
                "the file holds no keys: a lesson needs a title, a summary and a [demo]"
            },
            Some(format!("start from this:\n{SKELETON}")),
        );
        return Err(r.errors);
    }
    r.check_keys(&root, TOP_KEYS, "a lesson");

    let (number, slug) = split_stem(stem);
    let id = match root.get("id") {
        Some(node) => r.string(node, "id").map(|(s, _)| s),
        None => Some(slug.to_string()),
    }
    .unwrap_or_default();
    if !id.is_empty()
        && !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let span = root.get("id").map_or(0..0, |n| n.span());
        r.error(
            span,
            format!("the id `{id}` has characters other than letters, digits, `-` and `_`"),
            Some(format!(
                "ids are typed on the command line: use a slug such as `{}`",
                to_slug(&id)
            )),
        );
    }
    let title = r.required_string(&root, "title", whole.clone(), "a lesson");
    let summary = r.required_string(&root, "summary", whole.clone(), "a lesson");
    let text = match root.get("text") {
        Some(node) => r.string(node, "text").map(|(s, _)| s).unwrap_or_default(),
        None => String::new(),
    };
    let mut program = None;
    let demo = match root.get("demo") {
        Some(node) if matches!(node.get_ref(), DeValue::String(_)) => {
            program = r.demo_file(node, read_demo);
            program.as_ref().map(|_| Demo::default())
        }
        Some(node) => r.demo(node),
        None if near_miss(&root, "demo") => None,
        None => {
            r.error(
                whole.start..whole.start,
                "the lesson has no `[demo]` table",
                Some("add a [demo] table with at least one [[demo.coroutine]] named `main`".into()),
            );
            None
        }
    };
    let quizzes = root.get("quiz").map(|n| r.quizzes(n)).unwrap_or_default();

    if let (Some(demo), None) = (&demo, &program) {
        let text = source.clone();
        super::check::check_demo_in(demo, Some(&text), &mut |span, msg, help| {
            r.error(span, msg, help)
        });
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(Lesson {
        id,
        number,
        title,
        summary,
        text,
        demo: demo.expect("no errors means the demo parsed"),
        program: program.map(Arc::new),
        quizzes,
        file: file.to_string(),
        source,
    })
}

/// The smallest valid lesson, shown when a file has none.
const SKELETON: &str = r#"title = "My lesson"
summary = "One line on what it shows."

[demo]
[[demo.coroutine]]
name = "main"
body = [{ print = "hello" }]"#;

/// Turns the TOML reader's message into what went wrong and how to fix it.
fn toml_problem(raw: &str, offending: Option<&str>) -> (String, String) {
    let raw = raw.trim();
    let first = raw.lines().next().unwrap_or("invalid TOML").trim();
    let has = |words: &str| raw.contains(words);
    let message = if has("duplicate key") {
        match offending.map(str::trim).filter(|k| !k.is_empty()) {
            Some(key) => {
                format!("this is not valid TOML: the key `{key}` is set twice in the same table")
            }
            None => "this is not valid TOML: a key is set twice in the same table".to_string(),
        }
    } else if has("recursion depth") {
        "this is not valid TOML: arrays or tables are nested too deeply".to_string()
    } else {
        format!("this is not valid TOML: {first}")
    };
    let number_words = [
        "number", "float", "integer", "fraction", "exponent", "mantissa", "zero", "sign",
    ];
    let help = if has("duplicate key") {
        "keep one of the two; each [[demo.coroutine]] (or [[quiz]]) header starts a new table with its own keys"
    } else if has("recursion depth") {
        "a lesson never needs more than a few levels of `[` and `{`: flatten the value"
    } else if has("multi-line") {
        "close the text with the same three quotes that open it (`\"\"\"` or `'''`)"
    } else if has("string") && (has("expected `\"`") || has("expected `'`")) {
        "close the string with the same quote on the same line; text over several lines goes between `\"\"\"` and `\"\"\"`"
    } else if has("unclosed inline table") || has("key-value pairs") {
        "an inline table is one line, keys separated by `,` and closed by `}`: { call = \"fetch\", args = [1] }"
    } else if has("unclosed array table") || has("unclosed table") || has("invalid table") {
        "a table header is one whole line: [demo], [[demo.coroutine]] or [[quiz]]"
    } else if has("array") {
        "separate the items of an array with `,` and close it with `]`: [1, 2, 3]"
    } else if has("key") {
        "each line is `key = value`; keys are letters, digits, `_` and `-` (quote any other key)"
    } else if number_words.iter().any(|w| has(w)) {
        "numbers are written 1, -2 or 0.5; text goes in double quotes: \"soon\""
    } else if has("value") || has("date") || has("boolean") || has("string") {
        "a value is a number, true or false, a \"string\" in quotes, an array [ ... ] or an inline table { ... }"
    } else {
        "a lesson file is TOML: `key = value` lines, [tables] and [[arrays of tables]]; see docs/lesson-format.md"
    };
    (message, help.to_string())
}

/// `05-gather` gives `(Some(5), "gather")`; `gather` gives `(None, "gather")`.
pub fn split_stem(stem: &str) -> (Option<u32>, &str) {
    if let Some((digits, rest)) = stem.split_once('-')
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && !rest.is_empty()
    {
        return (digits.parse().ok(), rest);
    }
    (None, stem)
}

struct Reader<'a> {
    file: &'a str,
    source: &'a Arc<str>,
    errors: Vec<LessonError>,
    next_id: u32,
}

/// A demo value's type, in words.
fn value_noun(v: &Value) -> &'static str {
    match v {
        Value::None => "None",
        Value::Bool(_) => "a boolean",
        Value::Int(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Str(_) => "a string",
        Value::List(_) => "a list",
    }
}

/// For a one-line basic string `raw` (quotes included) whose value is
/// `text`: the offset in `raw` of each byte offset of `text` (and of its end).
fn escaped_offsets(raw: &str, text: &str) -> Option<Vec<usize>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if raw.starts_with("\"\"\"") || inner.contains('\n') {
        return None;
    }
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut decoded = String::with_capacity(text.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let raw_at = 1 + i;
        let ch = if c == '\\' {
            let (_, e) = chars.next()?;
            match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'e' => '\u{1b}',
                '"' => '"',
                '\\' => '\\',
                'x' | 'u' | 'U' => {
                    let n = match e {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let mut hex = String::new();
                    for _ in 0..n {
                        hex.push(chars.next()?.1);
                    }
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                }
                _ => return None,
            }
        } else {
            c
        };
        for _ in 0..ch.len_utf8() {
            map.push(raw_at);
        }
        decoded.push(ch);
    }
    map.push(raw.len() - 1);
    (decoded == text).then_some(map)
}

/// `text` made into a valid name: other characters become `_`, and a
/// leading digit gets a `_` before it.
fn valid_name(text: &str) -> String {
    let mut name: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        name.insert(0, '_');
    }
    name
}

/// `text` made into an id: lower case, other characters become `-`.
fn to_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "my-lesson".into()
    } else {
        out
    }
}

/// Whether `table` has a key that looks like a misspelling of `key`.
fn near_miss(table: &DeTable<'_>, key: &str) -> bool {
    table.iter().any(|(k, _)| {
        let k = k.get_ref().as_ref();
        k != key && did_you_mean(k, [key]).is_some()
    })
}

fn type_of(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'a> Reader<'a> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: Option<String>) {
        self.errors.push(LessonError::new(
            self.file,
            self.source,
            span,
            message,
            help,
        ));
    }

    fn check_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], what: &str) {
        for (key, _) in table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let k = key.get_ref().as_ref();
                let help = match did_you_mean(k, allowed.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("{what} takes: {}", allowed.join(", ")),
                };
                self.error(
                    key.span(),
                    format!("unknown key `{k}` in {what}"),
                    Some(help),
                );
            }
        }
    }

    fn string(&mut self, node: &Node<'_>, what: &str) -> Option<(String, Range<usize>)> {
        match node.get_ref() {
            DeValue::String(s) => Some((s.to_string(), node.span())),
            other => {
                self.error(
                    node.span(),
                    format!("`{what}` must be a string, not {}", type_of(other)),
                    Some(format!("write {what} = \"...\"")),
                );
                None
            }
        }
    }

    /// Whether an item of the array `list` is a string; reports it if not.
    fn is_string_item(&mut self, node: &Node<'_>, list: &str, example: &str) -> bool {
        if matches!(node.get_ref(), DeValue::String(_)) {
            return true;
        }
        let raw = self
            .source
            .get(node.span())
            .unwrap_or("")
            .trim()
            .to_string();
        let shown = if raw.is_empty() || raw.len() > 40 {
            String::new()
        } else {
            format!(" (`{raw}`)")
        };
        self.error(
            node.span(),
            format!(
                "each item of `{list}` must be a string in quotes, not {}{shown}",
                type_of(node.get_ref())
            ),
            Some(format!("write {example}")),
        );
        false
    }

    fn required_string(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        table_span: Range<usize>,
        what: &str,
    ) -> String {
        match table.get(key) {
            Some(node) => self.string(node, key).map(|(s, _)| s).unwrap_or_default(),
            // A misspelt key is already reported, with this one as the fix.
            None if near_miss(table, key) => String::new(),
            None => {
                self.error(
                    table_span.start..table_span.start,
                    format!("{what} needs `{key}`"),
                    Some(format!("add {key} = \"...\"")),
                );
                String::new()
            }
        }
    }

    /// A variable or definition name: a Python identifier.
    fn name(&mut self, node: &Node<'_>, what: &str) -> Option<String> {
        let (s, span) = self.string(node, what)?;
        let valid = s
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            self.error(
                span,
                format!("`{s}` is not a valid name for `{what}`"),
                Some(format!(
                    "names are letters, digits and `_`, not starting with a digit, such as `{}`",
                    valid_name(&s)
                )),
            );
            return None;
        }
        if RESERVED.contains(&s.as_str()) {
            self.error(
                span,
                format!("`{s}` is a keyword in Python or Rust and cannot be a name"),
                Some(format!("pick another name, such as `{s}_`")),
            );
            return None;
        }
        Some(s)
    }

    fn table<'n, 'i>(&mut self, node: &'n Node<'i>, what: &str) -> Option<&'n DeTable<'i>> {
        match node.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let help = if what == "a statement" {
                    "a statement is an inline table that starts with its keyword: { print = \"hello\" }"
                        .to_string()
                } else if what == "`demo`" {
                    "write a [demo] table, then one [[demo.coroutine]] table per coroutine"
                        .to_string()
                } else if what == "`fields`" {
                    "write fields = { count = 0 }".to_string()
                } else if what == "a quiz" {
                    "write each quiz as a [[quiz]] table with question, choices and from_run (or answer)"
                        .to_string()
                } else if what.starts_with("each awaitable") {
                    "write each one as { call = \"fetch\", args = [1] }".to_string()
                } else if let Some(noun) = what.strip_prefix("a ").or(what.strip_prefix("an ")) {
                    format!("write each {noun} as a [[demo.{noun}]] table with its name")
                } else {
                    "write a table: { key = value }".to_string()
                };
                self.error(
                    node.span(),
                    format!("{what} must be a table, not {}", type_of(other)),
                    Some(help),
                );
                None
            }
        }
    }

    fn array<'n, 'i>(&mut self, node: &'n Node<'i>, what: &str) -> Option<&'n [Node<'i>]> {
        match node.get_ref() {
            DeValue::Array(items) => Some(items),
            other => {
                self.error(
                    node.span(),
                    format!("`{what}` must be an array, not {}", type_of(other)),
                    Some(format!("write {what} = [ ... ]")),
                );
                None
            }
        }
    }

    /// Where the text of a string node starts in the file, when the
    /// file holds it verbatim (no escapes), so expression errors can point
    /// inside it.
    fn string_base(&self, node: &Node<'_>, text: &str) -> Option<usize> {
        let span = node.span();
        let raw = self.source.get(span.clone())?;
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) else {
                continue;
            };
            // A multi-line string drops the newline right after its quotes.
            let newline = if quote.len() == 3 {
                ["\r\n", "\n"]
                    .iter()
                    .find(|nl| inner.starts_with(**nl))
                    .map_or(0, |nl| nl.len())
            } else {
                0
            };
            if &inner[newline..] == text {
                return Some(span.start + quote.len() + newline);
            }
        }
        None
    }

    /// The place in the file of the byte range `at` of a string node's
    /// text: exact when the string is verbatim or a one-line `"..."` string
    /// with escapes; the whole string otherwise.
    fn text_span(&self, node: &Node<'_>, text: &str, at: Range<usize>) -> Range<usize> {
        if let Some(base) = self.string_base(node, text) {
            return base + at.start..base + at.end;
        }
        let span = node.span();
        let Some(raw) = self.source.get(span.clone()) else {
            return span;
        };
        match escaped_offsets(raw, text) {
            Some(map) => {
                let start = map.get(at.start).copied().unwrap_or(raw.len() - 1);
                let end = map.get(at.end).copied().unwrap_or(raw.len() - 1);
                span.start + start..span.start + end.max(start)
            }
            None => span,
        }
    }

    /// Reports an error inside the expression text of a string node: at its
    /// place in the string when the file holds the string verbatim.
    fn syntax_error(&mut self, node: &Node<'_>, text: &str, e: SyntaxError) {
        self.expression_error(node, text, e, false);
    }

    fn expression_error(
        &mut self,
        node: &Node<'_>,
        text: &str,
        e: SyntaxError,
        in_condition: bool,
    ) {
        let span = self.text_span(node, text, e.span.clone());
        let (message, help) = explain_syntax_error(&e.message, in_condition);
        self.error(span, message, Some(help));
    }

    /// Refuses expressions deep or long enough to exhaust the stack of the
    /// parser, the checker, the listings or the engine. `regions` are the
    /// byte ranges of `text` that hold expressions.
    fn expression_size(
        &mut self,
        node: &Node<'_>,
        text: &str,
        regions: &[Range<usize>],
        in_condition: bool,
    ) -> bool {
        for region in regions {
            let Some(problem) = expression_too_big(&text[region.clone()]) else {
                continue;
            };
            let (at, message) = problem;
            let start = region.start + at.start;
            let end = region.start + at.end;
            let e = SyntaxError {
                message,
                span: start..end,
            };
            let span = self.text_span(node, text, e.span.clone());
            let help = if in_condition {
                "split it: compute parts first with { set = \"part\", to = \"{...}\" }, then test `part`"
            } else {
                "split it: compute parts first with { set = \"part\", to = \"{...}\" }, then use `{part}`"
            };
            self.error(span, e.message, Some(help.into()));
            return false;
        }
        true
    }

    fn place(&self, node: &Node<'_>, text: &str, e: Expr) -> Expr {
        if let Some(base) = self.string_base(node, text) {
            return shift(e, base);
        }
        let span = node.span();
        let map = self
            .source
            .get(span.clone())
            .and_then(|raw| escaped_offsets(raw, text));
        match map {
            Some(map) => {
                let last = *map.last().expect("the map has an end");
                let at = |i: usize| span.start + map.get(i).copied().unwrap_or(last);
                map_spans(e, &|r| at(r.start)..at(r.end).max(at(r.start)))
            }
            None => set_span(e, span),
        }
    }

    /// A value: a TOML number, boolean or array, or a string with `{expr}`
    /// holes (a string that is one hole is that expression's value).
    fn value(&mut self, node: &Node<'_>) -> Option<Expr> {
        let span = node.span();
        let lit = |v| {
            Some(Expr {
                kind: ExprKind::Lit(v),
                span: span.clone(),
            })
        };
        match node.get_ref() {
            DeValue::String(s) if !self.expression_size(node, s, &holes(s), false) => None,
            DeValue::String(s) => match expr::parse_value_text(s) {
                Ok(e) => Some(self.place(node, s, e)),
                Err(e) => {
                    self.syntax_error(node, s, e);
                    None
                }
            },
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(i) => lit(Value::Int(i)),
                Err(_) => {
                    self.error(
                        span.clone(),
                        "this integer does not fit in 64 bits",
                        Some(
                            "use a number between -9223372036854775808 and 9223372036854775807"
                                .into(),
                        ),
                    );
                    None
                }
            },
            DeValue::Float(f) => {
                let text = f.as_str().replace('_', "");
                match text.parse::<f64>() {
                    Ok(x) => lit(Value::Float(x)),
                    Err(_) => {
                        self.error(
                            span.clone(),
                            "this is not a number",
                            Some("write a number such as 1.5 or -0.25".into()),
                        );
                        None
                    }
                }
            }
            DeValue::Boolean(b) => lit(Value::Bool(*b)),
            DeValue::Array(items) => {
                let items: Vec<_> = items.iter().map(|n| self.value(n)).collect();
                if items.iter().any(Option::is_none) {
                    return None;
                }
                Some(Expr {
                    kind: ExprKind::List(items.into_iter().flatten().collect()),
                    span,
                })
            }
            other => {
                self.error(
                    span.clone(),
                    format!("a value cannot be {}", type_of(other)),
                    Some(
                        "values are numbers, booleans, arrays or strings (with `{expr}` holes)"
                            .into(),
                    ),
                );
                None
            }
        }
    }

    /// A duration in seconds: a number, or a string that is one `{expr}`.
    fn duration(&mut self, node: &Node<'_>, what: &str) -> Option<Expr> {
        let e = self.value(node)?;
        match &e.kind {
            ExprKind::Lit(v) => match v.as_seconds() {
                Some(s) if !s.is_finite() => {
                    self.error(
                        node.span(),
                        format!("`{what}` must be a finite number of seconds, not {s}"),
                        Some(format!(
                            "write a number of seconds such as {what} = 1 or {what} = 0.5"
                        )),
                    );
                    None
                }
                Some(s) if s < 0.0 => {
                    self.error(
                        node.span(),
                        format!("`{what}` cannot be negative ({s} seconds)"),
                        Some("durations are zero or more seconds".into()),
                    );
                    None
                }
                Some(_) => Some(e),
                None => {
                    self.error(
                        node.span(),
                        format!(
                            "`{what}` must be a number of seconds, not {} ({})",
                            value_noun(v),
                            v.repr()
                        ),
                        Some(format!(
                            "write {what} = 1.5, or {what} = \"{{delay}}\" for a variable"
                        )),
                    );
                    None
                }
            },
            ExprKind::Template(_) | ExprKind::List(_) => {
                let found = match &e.kind {
                    ExprKind::List(_) => "a list",
                    _ => "text",
                };
                self.error(
                    node.span(),
                    format!("`{what}` must be a number of seconds, not {found}"),
                    Some(format!(
                        "write {what} = 1.5, or {what} = \"{{delay}}\" for a variable"
                    )),
                );
                None
            }
            _ => Some(e),
        }
    }

    /// A condition: an expression written without braces, like `n > 0`.
    fn condition(&mut self, node: &Node<'_>, what: &str) -> Option<Expr> {
        match node.get_ref() {
            DeValue::Boolean(b) => Some(Expr {
                kind: ExprKind::Lit(Value::Bool(*b)),
                span: node.span(),
            }),
            DeValue::String(s) => {
                let inner = s
                    .trim()
                    .strip_prefix('{')
                    .and_then(|x| x.strip_suffix('}'))
                    .unwrap_or(s);
                // `inner` is a slice of `s`: where it starts in `s`.
                let offset = inner.as_ptr() as usize - s.as_ptr() as usize;
                let region = offset..offset + inner.len();
                if !self.expression_size(node, s, &[region], true) {
                    return None;
                }
                if inner.trim().is_empty() {
                    self.error(
                        node.span(),
                        format!("`{what}` has an empty condition"),
                        Some(format!("write a test such as {what} = \"count > 0\"")),
                    );
                    return None;
                }
                match expr::parse_expr(inner) {
                    Ok(e) => Some(self.place(node, s, shift(e, offset))),
                    Err(e) => {
                        let e = SyntaxError {
                            message: e.message,
                            span: e.span.start + offset..e.span.end + offset,
                        };
                        self.expression_error(node, s, e, true);
                        None
                    }
                }
            }
            other => {
                self.error(
                    node.span(),
                    format!(
                        "`{what}` must be a condition string, not {}",
                        type_of(other)
                    ),
                    Some(format!("write {what} = \"count > 0\"")),
                );
                None
            }
        }
    }

    fn template(&mut self, node: &Node<'_>) -> Option<expr::Template> {
        match node.get_ref() {
            DeValue::String(s) if !self.expression_size(node, s, &holes(s), false) => None,
            DeValue::String(s) => match expr::parse_template(s) {
                Ok(t) => {
                    let e = self.place(
                        node,
                        s,
                        Expr {
                            kind: ExprKind::Template(t),
                            span: 0..s.len(),
                        },
                    );
                    let ExprKind::Template(t) = e.kind else {
                        unreachable!("place keeps the kind")
                    };
                    Some(t)
                }
                Err(e) => {
                    self.syntax_error(node, s, e);
                    None
                }
            },
            _ => {
                let e = self.value(node)?;
                Some(expr::Template {
                    parts: vec![expr::Part::Hole(e)],
                })
            }
        }
    }

    /// `demo = "NN-name.py"`: the Python program beside the lesson.
    fn demo_file(&mut self, node: &Node<'_>, read: ReadDemo<'_>) -> Option<crate::program::Program> {
        let (name, span) = self.string(node, "demo")?;
        if !name.ends_with(".py") || name.contains('/') || name.contains('\\') || name.starts_with('.') {
            self.error(
                span,
                format!("`{name}` is not a demo file name"),
                Some("name a .py file in the lesson's folder: demo = \"05-gather.py\"".into()),
            );
            return None;
        }
        let path = std::path::Path::new(self.file).with_file_name(&name);
        let shown = path.display().to_string();
        match read(&name) {
            Ok(source) => match crate::python::load(&shown, &source) {
                Ok(p) => Some(p),
                Err(errors) => {
                    self.errors.extend(errors);
                    None
                }
            },
            Err(why) => {
                self.error(
                    span,
                    format!("cannot read the demo `{shown}`: {why}"),
                    Some("the demo is a Python file beside the lesson file".into()),
                );
                None
            }
        }
    }

    fn demo(&mut self, node: &Node<'_>) -> Option<Demo> {
        let table = self.table(node, "`demo`")?;
        self.check_keys(table, DEMO_KEYS, "`[demo]`");
        let entry = match table.get("entry") {
            Some(n) => self.name(n, "entry")?,
            None => "main".to_string(),
        };
        let mut functions = Vec::new();
        for (key, kind) in [
            ("coroutine", FunctionKind::Coroutine),
            ("generator", FunctionKind::Generator),
            ("iterator", FunctionKind::Iterator),
            ("resource", FunctionKind::Resource),
        ] {
            let Some(list) = table.get(key) else { continue };
            let Some(items) = self.array(list, &format!("demo.{key}")) else {
                continue;
            };
            for item in items {
                if let Some(f) = self.function(item, kind) {
                    functions.push(f);
                }
            }
        }
        let misspelt_kind = table
            .iter()
            .any(|(k, _)| !DEMO_KEYS.contains(&k.get_ref().as_ref()));
        if functions.is_empty() && misspelt_kind {
            // The unknown key is reported already; `main` is surely under it.
        } else if !functions.iter().any(|f| f.name == entry) {
            let span = table.get("entry").map_or(node.span(), |n| n.span());
            let names: Vec<_> = functions.iter().map(|f| f.name.as_str()).collect();
            let help = match did_you_mean(&entry, names.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!(
                    "add a [[demo.coroutine]] with name = \"{entry}\", or set entry to one of: {}",
                    if names.is_empty() {
                        "(none defined)".to_string()
                    } else {
                        names.join(", ")
                    }
                ),
            };
            self.error(
                span,
                format!("the demo starts at `{entry}`, which is not defined"),
                Some(help),
            );
        }
        Some(Demo {
            entry,
            functions,
            statement_count: self.next_id,
        })
    }

    fn function(&mut self, node: &Node<'_>, kind: FunctionKind) -> Option<Function> {
        let noun = kind.noun();
        let table = self.table(node, &format!("a {noun}"))?;
        let allowed: &[&str] = match kind {
            FunctionKind::Coroutine | FunctionKind::Generator => &["name", "params", "body"],
            FunctionKind::Iterator => &["name", "params", "fields", "next"],
            FunctionKind::Resource => &["name", "params", "fields", "enter", "exit"],
        };
        self.check_keys(table, allowed, &format!("a {noun}"));
        let name = match table.get("name") {
            Some(n) => self.name(n, "name"),
            None => {
                self.error(
                    node.span().start..node.span().start,
                    format!("this {noun} has no `name`"),
                    Some("add name = \"...\"".into()),
                );
                None
            }
        };
        let mut params = Vec::new();
        if let Some(p) = table.get("params")
            && let Some(items) = self.array(p, "params")
        {
            for item in items {
                if !self.is_string_item(item, "params", "params = [\"name\", \"delay\"]") {
                    continue;
                }
                if let Some(n) = self.name(item, "params") {
                    if params.contains(&n) {
                        self.error(
                            item.span(),
                            format!("the parameter `{n}` is listed twice"),
                            Some("give each parameter its own name".into()),
                        );
                    }
                    params.push(n);
                }
            }
        }
        let mut fields = Vec::new();
        if let Some(f) = table.get("fields")
            && let Some(t) = self.table(f, "`fields`")
        {
            for (key, value) in t.iter() {
                if let Some(v) = self.value(value) {
                    fields.push((key.get_ref().to_string(), v));
                }
            }
        }
        let body_key = match kind {
            FunctionKind::Coroutine | FunctionKind::Generator => "body",
            FunctionKind::Iterator => "next",
            FunctionKind::Resource => "enter",
        };
        let body = match table.get(body_key) {
            Some(b) => self.block(b, body_key),
            None => {
                self.error(
                    node.span().start..node.span().start,
                    format!("this {noun} has no `{body_key}`"),
                    Some(format!("add {body_key} = [ ... statements ... ]")),
                );
                Vec::new()
            }
        };
        let exit = match table.get("exit") {
            Some(b) => self.block(b, "exit"),
            None => Vec::new(),
        };
        Some(Function {
            kind,
            name: name?,
            params,
            fields,
            body,
            exit,
            span: node.span(),
        })
    }

    fn block(&mut self, node: &Node<'_>, what: &str) -> Block {
        let items = match node.get_ref() {
            DeValue::Array(items) => items,
            other => {
                let hint = match other {
                    DeValue::Table(_) => " (put the statement inside `[ ]`)",
                    _ => "",
                };
                self.error(
                    node.span(),
                    format!(
                        "`{what}` must be an array of statements, not {}{hint}",
                        type_of(other)
                    ),
                    Some(format!(
                        "write {what} = [ {{ print = \"hello\" }}, {{ sleep = 1 }} ]"
                    )),
                );
                return Vec::new();
            }
        };
        items
            .iter()
            .filter_map(|item| self.statement(item))
            .collect()
    }

    fn statement(&mut self, node: &Node<'_>) -> Option<Stmt> {
        let table = self.table(node, "a statement")?;
        let keyword = table
            .iter()
            .find(|(k, _)| STATEMENTS.iter().any(|(s, _)| *s == k.get_ref().as_ref()));
        let Some((key, main)) = keyword else {
            self.no_keyword(table, node);
            return None;
        };
        let keyword = key.get_ref().to_string();
        let extra = STATEMENTS
            .iter()
            .find(|(s, _)| *s == keyword)
            .map(|(_, e)| *e)
            .expect("found above");
        for (k, _) in table.iter() {
            let k_str = k.get_ref().as_ref();
            if k_str == keyword || extra.contains(&k_str) {
                continue;
            }
            let help = match did_you_mean(k_str, extra.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None if extra.is_empty() => format!("`{keyword}` takes no other keys"),
                None => format!("`{keyword}` also takes: {}", extra.join(", ")),
            };
            self.error(
                k.span(),
                format!("`{k_str}` does not belong in a `{keyword}` statement"),
                Some(help),
            );
        }
        let id = self.next_id;
        self.next_id += 1;
        let kind = self.statement_kind(&keyword, main, table, node)?;
        Some(Stmt {
            id,
            span: node.span(),
            kind,
        })
    }

    /// Reports a statement table that has no statement keyword.
    fn no_keyword(&mut self, table: &DeTable<'_>, node: &Node<'_>) {
        let all: Vec<&str> = STATEMENTS.iter().map(|(s, _)| *s).collect();
        let keys: Vec<_> = table.iter().map(|(k, _)| k).collect();
        let Some(first) = keys.first() else {
            self.error(
                node.span(),
                "an empty statement `{}`",
                Some(
                    "a statement is a table like { print = \"hello\" }; remove the empty one"
                        .into(),
                ),
            );
            return;
        };
        // A misspelt keyword.
        for k in &keys {
            let name = k.get_ref().as_ref();
            if let Some(best) = did_you_mean(name, all.iter().copied()) {
                self.error(
                    k.span(),
                    format!("`{name}` is not a statement keyword"),
                    Some(format!("did you mean `{best}`?")),
                );
                return;
            }
        }
        // Only options (`into`, `args`, ...): the keyword is missing.
        let names: Vec<&str> = keys.iter().map(|k| k.get_ref().as_ref()).collect();
        let takes_all: Vec<&str> = STATEMENTS
            .iter()
            .filter(|(_, extra)| names.iter().all(|n| extra.contains(n)))
            .map(|(s, _)| *s)
            .collect();
        let shown = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if !takes_all.is_empty() {
            self.error(
                node.span(),
                format!("this statement has no keyword: {shown} only complete a statement"),
                Some(format!(
                    "start it with the statement it completes, one of: {}",
                    takes_all.join(", ")
                )),
            );
            return;
        }
        let name = first.get_ref().as_ref();
        self.error(
            first.span(),
            format!("`{name}` is not a statement keyword"),
            Some(format!(
                "a statement is a table that starts with one of: {}",
                all.join(", ")
            )),
        );
    }

    fn required<'n, 'i>(
        &mut self,
        table: &'n DeTable<'i>,
        key: &str,
        keyword: &str,
        node: &Node<'_>,
        example: &str,
    ) -> Option<&'n Node<'i>> {
        let found = table.get(key);
        if found.is_none() {
            self.error(
                node.span(),
                format!("`{keyword}` needs `{key}`"),
                Some(format!("for example {example}")),
            );
        }
        found
    }

    fn opt_name(&mut self, table: &DeTable<'_>, key: &str) -> Option<Option<String>> {
        match table.get(key) {
            Some(n) => self.name(n, key).map(Some),
            None => Some(None),
        }
    }

    fn opt_block(&mut self, table: &DeTable<'_>, key: &str) -> Block {
        table
            .get(key)
            .map(|b| self.block(b, key))
            .unwrap_or_default()
    }

    /// The call a statement makes: the keyword's value names the
    /// definition, `args` holds the arguments.
    fn call(&mut self, main: &Node<'_>, table: &DeTable<'_>) -> Option<Call> {
        let name = self.name(main, "the called name")?;
        let mut args = Vec::new();
        if let Some(a) = table.get("args") {
            for item in self.array(a, "args")? {
                args.push(self.value(item)?);
            }
        }
        Some(Call {
            name,
            args,
            span: main.span(),
        })
    }

    fn calls(
        &mut self,
        keyword: &str,
        main: &Node<'_>,
        table: &DeTable<'_>,
        node: &Node<'_>,
    ) -> Option<Calls> {
        match main.get_ref() {
            DeValue::Array(items) => {
                for key in ["args", "for", "in"] {
                    if let Some(k) = table.get(key) {
                        self.error(
                            k.span(),
                            format!("`{key}` goes with the one-call form of `{keyword}`"),
                            Some(format!("put args inside each call: {keyword} = [ {{ call = \"f\", args = [1] }} ]")),
                        );
                    }
                }
                let mut calls = Vec::new();
                for item in items.iter() {
                    let t = self.table(item, &format!("each awaitable of `{keyword}`"))?;
                    self.check_keys(t, &["call", "args"], "a call");
                    let Some(name) = t.get("call") else {
                        self.error(
                            item.span(),
                            "this call has no `call` key",
                            Some("write { call = \"fetch\", args = [1] }".into()),
                        );
                        return None;
                    };
                    calls.push(self.call(name, t)?);
                }
                Some(Calls::List(calls))
            }
            _ => {
                let call = self.call(main, table)?;
                match (table.get("for"), table.get("in")) {
                    (Some(var), Some(over)) => Some(Calls::Each {
                        var: self.name(var, "for")?,
                        over: self.value(over)?,
                        call,
                    }),
                    (None, None) => Some(Calls::List(vec![call])),
                    (var, _) => {
                        let (has, lacks) = if var.is_some() {
                            ("for", "in")
                        } else {
                            ("in", "for")
                        };
                        let name = &call.name;
                        self.error(
                            node.span(),
                            format!(
                                "`{keyword}` over a list needs both `for` and `in`, and this one has `{has}` but no `{lacks}`"
                            ),
                            Some(format!(
                                "for example {{ {keyword} = \"{name}\", args = [\"{{n}}\"], for = \"n\", in = [1, 2, 3] }}"
                            )),
                        );
                        None
                    }
                }
            }
        }
    }

    fn statement_kind(
        &mut self,
        keyword: &str,
        main: &Node<'_>,
        table: &DeTable<'_>,
        node: &Node<'_>,
    ) -> Option<StmtKind> {
        Some(match keyword {
            "print" => StmtKind::Print(self.template(main)?),
            "sleep" => StmtKind::Sleep(self.duration(main, "sleep")?),
            "block" => StmtKind::Block(self.duration(main, "block")?),
            "compute" => StmtKind::Compute(self.duration(main, "compute")?),
            "return" => StmtKind::Return(Some(self.value(main)?)),
            "call" => StmtKind::Await {
                call: self.call(main, table)?,
                into: self.opt_name(table, "into")?,
            },
            "make" => {
                let call = self.call(main, table)?;
                let into = self.required(table, "into", keyword, node, "into = \"coro\"")?;
                StmtKind::Make {
                    call,
                    into: self.name(into, "into")?,
                }
            }
            "spawn" => {
                let call = self.call(main, table)?;
                let into = self.required(table, "into", keyword, node, "into = \"task\"")?;
                StmtKind::Spawn {
                    call,
                    into: self.name(into, "into")?,
                }
            }
            "await" => StmtKind::Join {
                target: self.name(main, "await")?,
                into: self.opt_name(table, "into")?,
            },
            "cancel" => StmtKind::Cancel {
                task: self.name(main, "cancel")?,
            },
            "gather" => StmtKind::Gather {
                calls: self.calls(keyword, main, table, node)?,
                into: self.opt_name(table, "into")?,
            },
            "as_completed" => {
                let calls = self.calls(keyword, main, table, node)?;
                let var = self.required(table, "as", keyword, node, "as = \"result\"")?;
                StmtKind::AsCompleted {
                    calls,
                    var: self.name(var, "as")?,
                    body: self.opt_block(table, "body"),
                }
            }
            "wait_for" => {
                let call = self.call(main, table)?;
                let timeout = self.required(table, "timeout", keyword, node, "timeout = 3")?;
                StmtKind::WaitFor {
                    call,
                    timeout: self.duration(timeout, "timeout")?,
                    into: self.opt_name(table, "into")?,
                    body: self.opt_block(table, "body"),
                    on_timeout: self.opt_block(table, "on_timeout"),
                }
            }
            "async_for" => {
                let source = self.call(main, table)?;
                let var = self.required(table, "as", keyword, node, "as = \"item\"")?;
                StmtKind::AsyncFor {
                    source,
                    var: self.name(var, "as")?,
                    body: self.opt_block(table, "body"),
                }
            }
            "yield" => StmtKind::Yield(self.value(main)?),
            "stop" => {
                if !matches!(main.get_ref(), DeValue::Boolean(true)) {
                    self.error(
                        main.span(),
                        "`stop` is written `stop = true`",
                        Some("it ends an iterator's iteration (raise StopAsyncIteration)".into()),
                    );
                    return None;
                }
                StmtKind::Stop
            }
            "async_with" => StmtKind::AsyncWith {
                source: self.call(main, table)?,
                var: self.opt_name(table, "as")?,
                body: self.opt_block(table, "body"),
            },
            "collect" => {
                let source = self.call(main, table)?;
                let var = self.required(table, "as", keyword, node, "as = \"n\"")?;
                let var = self.name(var, "as")?;
                let into = self.required(table, "into", keyword, node, "into = \"items\"")?;
                let into = self.name(into, "into")?;
                let value = match table.get("value") {
                    Some(v) => Some(self.value(v)?),
                    None => None,
                };
                let filter = match table.get("if") {
                    Some(c) => Some(self.condition(c, "if")?),
                    None => None,
                };
                StmtKind::Collect {
                    source,
                    var,
                    value,
                    filter,
                    into,
                }
            }
            "for" => {
                let var = self.name(main, "for")?;
                let over = self.required(table, "in", keyword, node, "in = \"{range(3)}\"")?;
                StmtKind::For {
                    var,
                    over: self.value(over)?,
                    body: self.opt_block(table, "body"),
                }
            }
            "while" => StmtKind::While {
                cond: self.condition(main, "while")?,
                body: self.opt_block(table, "body"),
            },
            "if" => StmtKind::If {
                cond: self.condition(main, "if")?,
                then: self.opt_block(table, "then"),
                otherwise: self.opt_block(table, "else"),
            },
            "set" => {
                let var = self.name(main, "set")?;
                let to = self.required(table, "to", keyword, node, "to = 3")?;
                StmtKind::Set {
                    var,
                    value: self.value(to)?,
                }
            }
            "try" => StmtKind::Try {
                body: self.block(main, "try"),
                on_cancel: self.opt_block(table, "on_cancel"),
                finally: self.opt_block(table, "finally"),
            },
            "future" => StmtKind::Future {
                name: self.name(main, "future")?,
            },
            "resolve" => {
                let future = self.name(main, "resolve")?;
                let value = self.required(table, "value", keyword, node, "value = \"done\"")?;
                StmtKind::Resolve {
                    future,
                    value: self.value(value)?,
                }
            }
            "serve" => {
                let name = self.name(main, "serve")?;
                let into = self.required(table, "into", keyword, node, "into = \"server\"")?;
                StmtKind::Serve {
                    handler: Call {
                        name,
                        args: Vec::new(),
                        span: main.span(),
                    },
                    into: self.name(into, "into")?,
                }
            }
            "connect" => {
                let server = self.name(main, "connect")?;
                let into = self.required(table, "into", keyword, node, "into = \"conn\"")?;
                StmtKind::Connect {
                    server,
                    into: self.name(into, "into")?,
                }
            }
            "send" => {
                let conn = self.name(main, "send")?;
                let value = self.required(table, "value", keyword, node, "value = \"hello\"")?;
                StmtKind::Send {
                    conn,
                    value: self.value(value)?,
                }
            }
            "receive" => {
                let conn = self.name(main, "receive")?;
                let into = self.required(table, "into", keyword, node, "into = \"line\"")?;
                StmtKind::Receive {
                    conn,
                    into: self.name(into, "into")?,
                }
            }
            "close" => StmtKind::Close {
                target: self.name(main, "close")?,
            },
            other => unreachable!("statement `{other}` is listed but not read"),
        })
    }

    /// The span of an array-of-tables entry, widened back to its `[[name]]`
    /// header when the header is right before it.
    fn table_header(&self, span: Range<usize>, header: &str) -> Range<usize> {
        match self.source[..span.start].rfind(header) {
            Some(start)
                if self.source[start + header.len()..span.start]
                    .trim()
                    .is_empty() =>
            {
                start..span.end
            }
            _ => span,
        }
    }

    fn quizzes(&mut self, node: &Node<'_>) -> Vec<Quiz> {
        let Some(items) = self.array(node, "quiz") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(t) = self.table(item, "a quiz") else {
                continue;
            };
            self.check_keys(t, QUIZ_KEYS, "a quiz");
            let question = self.required_string(t, "question", item.span(), "a quiz");
            let explain = t
                .get("explain")
                .and_then(|n| self.string(n, "explain"))
                .map(|(s, _)| s);
            let mut choices = Vec::new();
            if let Some(c) = t.get("choices")
                && let Some(list) = self.array(c, "choices")
            {
                for choice in list {
                    if !self.is_string_item(choice, "choices", "choices = [\"1 s\", \"2 s\"]") {
                        continue;
                    }
                    if let Some((s, _)) = self.string(choice, "choices") {
                        choices.push(s);
                    }
                }
            }
            if choices.len() < 2 {
                self.error(
                    t.get("choices").map_or(item.span(), |n| n.span()),
                    "a quiz needs at least two `choices`",
                    Some("write choices = [\"first\", \"second\"]".into()),
                );
                continue;
            }
            let answer = match (t.get("answer"), t.get("from_run")) {
                (Some(a), None) => {
                    let Some((a_text, span)) = self.string(a, "answer") else {
                        continue;
                    };
                    match choices.iter().position(|c| *c == a_text) {
                        Some(i) => QuizAnswer::Choice(i),
                        None => {
                            self.error(
                                span,
                                format!("the answer `{a_text}` is not one of the choices"),
                                Some(format!(
                                    "write the answer exactly as one of the choices: {}",
                                    choices
                                        .iter()
                                        .map(|c| format!("\"{c}\""))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )),
                            );
                            continue;
                        }
                    }
                }
                (None, Some(f)) => {
                    let Some((fact, span)) = self.string(f, "from_run") else {
                        continue;
                    };
                    match RunFact::ALL.iter().find(|(n, _)| *n == fact) {
                        Some((_, fact)) => QuizAnswer::FromRun(*fact),
                        None => {
                            let names: Vec<_> = RunFact::ALL.iter().map(|(n, _)| *n).collect();
                            let help = match did_you_mean(&fact, names.iter().copied()) {
                                Some(best) => format!("did you mean `{best}`?"),
                                None => format!("from_run is one of: {}", names.join(", ")),
                            };
                            self.error(
                                span,
                                format!("`{fact}` is not something a run can answer"),
                                Some(help),
                            );
                            continue;
                        }
                    }
                }
                (Some(a), Some(_)) => {
                    self.error(
                        a.span(),
                        "a quiz has either `answer` or `from_run`, not both",
                        Some(
                            "remove one: `answer` fixes the right choice, `from_run` takes it from the run (preferred)"
                                .into(),
                        ),
                    );
                    continue;
                }
                (None, None) => {
                    self.error(
                        item.span().start..item.span().start,
                        "this quiz has no `answer` and no `from_run`",
                        Some("add from_run = \"first_line\" (or answer = \"...\")".into()),
                    );
                    continue;
                }
            };
            out.push(Quiz {
                question,
                choices,
                answer,
                explain,
                span: self.table_header(item.span(), "[[quiz]]"),
            });
        }
        out
    }
}

/// The longest expression accepted, in bytes.
const MAX_EXPRESSION_LEN: usize = 300;
/// The deepest nesting of brackets and prefix operators accepted.
const MAX_EXPRESSION_DEPTH: usize = 32;

/// The byte ranges of the `{...}` holes of a template (without the braces);
/// an unclosed hole runs to the end.
fn holes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => {
                let close = text[i..].find('}').map_or(text.len(), |j| i + j);
                out.push(i + 1..close);
                i = close + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Why an expression is too big to accept, and where, if it is.
fn expression_too_big(text: &str) -> Option<(Range<usize>, String)> {
    if text.len() > MAX_EXPRESSION_LEN {
        return Some((
            0..text.len(),
            format!(
                "this expression is {} characters long; the limit is {MAX_EXPRESSION_LEN}",
                text.len()
            ),
        ));
    }
    let bytes = text.as_bytes();
    let mut brackets = 0usize;
    let mut prefix_run = 0usize;
    // Whether the last token was a value (so `-` after it is binary).
    let mut after_value = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b'\'' | b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != c {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                after_value = true;
                prefix_run = 0;
            }
            b'(' | b'[' => {
                brackets += 1;
                after_value = false;
                i += 1;
            }
            b')' | b']' => {
                brackets = brackets.saturating_sub(1);
                after_value = true;
                prefix_run = 0;
                i += 1;
            }
            b'-' | b'+' if !after_value => {
                prefix_run += 1;
                i += 1;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                if &text[start..i] == "not" {
                    prefix_run += 1;
                    after_value = false;
                } else if matches!(&text[start..i], "and" | "or" | "in" | "if" | "else") {
                    prefix_run = 0;
                    after_value = false;
                } else {
                    prefix_run = 0;
                    after_value = true;
                }
            }
            _ => {
                after_value = false;
                prefix_run = 0;
                i += 1;
            }
        }
        if brackets + prefix_run > MAX_EXPRESSION_DEPTH {
            let end = i.min(text.len()).max(start + 1);
            return Some((
                start..end,
                format!(
                    "this expression nests brackets and signs more than {MAX_EXPRESSION_DEPTH} deep"
                ),
            ));
        }
    }
    None
}

/// A syntax error's message in a lesson's words, and how to fix it.
fn explain_syntax_error(message: &str, in_condition: bool) -> (String, String) {
    let message = match message {
        "expected a value, found the end" => {
            "the expression ends where a value is expected (after an operator, or in empty brackets)"
                .to_string()
        }
        other => other.to_string(),
    };
    let help = if message.contains("`=` assigns") {
        "write `==` to compare, as in `n == 3`; to change a variable use { set = \"n\", to = 3 }"
            .to_string()
    } else if message.contains("never closed with `}`") {
        "close the hole with `}`, as in \"{n}\", or write `{{` for a literal `{`".to_string()
    } else if message.contains("lone `}`") {
        "open the hole with `{`, as in \"{n}\", or write `}}` for a literal `}`".to_string()
    } else if message.contains("empty `{}`") {
        "for example \"{n}\" or \"{n + 1}\"".to_string()
    } else if let Some(name) = message
        .strip_prefix('`')
        .and_then(|m| m.split_once("(...)` is not a built-in"))
        .map(|(name, _)| name)
    {
        let names = expr::Builtin::ALL.iter().map(|(n, _)| *n);
        match did_you_mean(name, names) {
            Some(best) => format!("did you mean `{best}(...)`?"),
            None => "to run a coroutine, use a statement: { call = \"name\", into = \"result\" }"
                .to_string(),
        }
    } else if in_condition && (message.contains("`{`") || message.contains("`}`")) {
        "a condition is written without braces, as in while = \"n > 0\" (or with one pair around all of it)"
            .to_string()
    } else if in_condition {
        "a condition is an expression such as `n > 0`, `done == False` or `len(items) < 3`; \
         operators: + - * / // % == != < <= > >= and or not"
            .to_string()
    } else {
        "a `{...}` hole holds an expression such as `{n}`, `{n * 2}` or `{len(items)}`; \
         operators: + - * / // % == != < <= > >= and or not"
            .to_string()
    };
    (message, help)
}

/// Words that cannot name anything, because the listings would not compile.
const RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "abstract", "become", "box", "const", "crate", "do", "dyn", "enum", "extern",
    "false", "final", "fn", "impl", "let", "loop", "macro", "match", "mod", "move", "mut",
    "override", "priv", "pub", "ref", "self", "Self", "static", "struct", "super", "trait", "true",
    "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "asyncio", "time", "tokio",
    "print",
];

fn set_span(e: Expr, span: Range<usize>) -> Expr {
    map_spans(e, &|_| span.clone())
}

/// `e` with every span passed through `f`.
fn map_spans(mut e: Expr, f: &dyn Fn(&Range<usize>) -> Range<usize>) -> Expr {
    e.span = f(&e.span);
    e.kind = match e.kind {
        ExprKind::List(items) => {
            ExprKind::List(items.into_iter().map(|x| map_spans(x, f)).collect())
        }
        ExprKind::Unary(op, x) => ExprKind::Unary(op, Box::new(map_spans(*x, f))),
        ExprKind::Binary(op, a, b) => {
            ExprKind::Binary(op, Box::new(map_spans(*a, f)), Box::new(map_spans(*b, f)))
        }
        ExprKind::Call(b, args) => {
            ExprKind::Call(b, args.into_iter().map(|x| map_spans(x, f)).collect())
        }
        ExprKind::Template(t) => ExprKind::Template(expr::Template {
            parts: t
                .parts
                .into_iter()
                .map(|p| match p {
                    expr::Part::Hole(x) => expr::Part::Hole(map_spans(x, f)),
                    text => text,
                })
                .collect(),
        }),
        other => other,
    };
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_skip_doubled_braces() {
        assert_eq!(holes("a {b} {{c}} {d"), vec![3..4, 13..14]);
        assert!(holes("no holes").is_empty());
    }

    #[test]
    fn big_expressions_are_refused_before_parsing() {
        assert!(expression_too_big("n + 1").is_none());
        assert!(expression_too_big(&"(".repeat(20)).is_none());
        let (at, message) = expression_too_big(&"(".repeat(40)).expect("too deep");
        assert_eq!(at, 32..33);
        assert!(message.contains("32 deep"), "{message}");
        assert!(expression_too_big(&format!("{}1", "-".repeat(33))).is_some());
        assert!(expression_too_big(&format!("{}True", "not ".repeat(33))).is_some());
        // Binary minus and signs inside strings do not count.
        assert!(expression_too_big(&vec!["1"; 60].join(" - ")).is_none());
        assert!(expression_too_big(&format!("'{}'", "-".repeat(100))).is_none());
        assert!(expression_too_big(&"1+".repeat(200)).is_some());
    }

    #[test]
    fn offsets_map_through_escapes() {
        let raw = r#""a\"b\u00e9{x}""#;
        let map = escaped_offsets(raw, "a\"bé{x}").expect("it decodes");
        // `{` is the 6th byte of the text (é is two bytes) and the 12th of raw.
        assert_eq!(map[5], 11);
        assert_eq!(*map.last().unwrap(), raw.len() - 1);
        assert!(escaped_offsets(raw, "something else").is_none());
        assert!(escaped_offsets("'literal'", "literal").is_none());
    }

    #[test]
    fn suggestions_are_valid() {
        assert_eq!(valid_name("2fast"), "_2fast");
        assert_eq!(valid_name("my-var"), "my_var");
        assert_eq!(to_slug("My Lesson!"), "my-lesson");
        assert_eq!(to_slug("???"), "my-lesson");
    }

    #[test]
    fn toml_problems_say_how_to_fix_them() {
        let (message, help) = toml_problem("duplicate key", Some("name"));
        assert!(message.contains("`name` is set twice"), "{message}");
        assert!(help.contains("keep one"), "{help}");
        let (_, help) = toml_problem("invalid basic string, expected `\"`", None);
        assert!(help.contains("close the string"), "{help}");
    }
}
