//! The `textwrap` module: `wrap`, `fill`, `shorten`, `dedent` and `indent`
//! with `TextWrapper`'s options, as CPython 3.11's `Lib/textwrap.py`
//! splits text into chunks (its `wordsep_re`, lookbehinds and all) and
//! packs them into lines.

use crate::engine::budget;
use crate::engine::py::types::exc::{PyResult, error, type_error, value_error};
use crate::engine::py::types::native::Args;
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::sync::LazyLock;

const FUNCTIONS: &[&str] = &[
    "textwrap.wrap",
    "textwrap.fill",
    "textwrap.shorten",
    "textwrap.dedent",
    "textwrap.indent",
];

/// `textwrap.name`.
pub fn member(name: &str) -> Option<Value> {
    FUNCTIONS
        .iter()
        .find(|f| &f["textwrap.".len()..] == name)
        .map(|f| Value::Builtin(f))
}

/// Calls `textwrap.name(...)`.
pub fn call(ix: &Interp, f: &Frame, name: &str, args: Args) -> PyResult<Value> {
    match name.strip_prefix("textwrap.").unwrap_or(name) {
        "wrap" | "fill" => {
            let fill = name.ends_with("fill");
            let (text, w) = wrapper(args, if fill { "fill" } else { "wrap" }, false)?;
            let lines = w.wrap(ix, f, &text)?;
            Ok(if fill {
                Value::str(&lines.join("\n"))
            } else {
                Value::list(lines.iter().map(|l| Value::str(l)).collect())
            })
        }
        "shorten" => {
            let (text, mut w) = wrapper(args, "shorten", true)?;
            w.max_lines = Some(1);
            let stripped = ix.call_method(f, &text, "strip", Args::default())?;
            let words = ix.call_method(f, &stripped, "split", Args::default())?;
            let joined =
                ix.call_method(f, &Value::str(" "), "join", Args::positional(vec![words]))?;
            Ok(Value::str(&w.wrap(ix, f, &joined)?.join("\n")))
        }
        "dedent" => {
            let b = crate::engine::py::builtins::args::bind(args, "dedent", &["text"])?;
            match b[0].clone() {
                Some(Value::Str(s)) => {
                    budget::charge_bytes(s.len())?;
                    Ok(Value::str(&dedent(&s)))
                }
                Some(other) => Err(type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    other.type_name()
                ))),
                None => Err(type_error(
                    "dedent() missing 1 required positional argument: 'text'",
                )),
            }
        }
        _ => indent(ix, f, args),
    }
}

/// `TextWrapper`'s options.
struct Wrapper {
    width: i64,
    initial_indent: String,
    subsequent_indent: String,
    expand_tabs: bool,
    replace_whitespace: bool,
    fix_sentence_endings: bool,
    break_long_words: bool,
    drop_whitespace: bool,
    break_on_hyphens: bool,
    tabsize: i64,
    max_lines: Option<i64>,
    placeholder: String,
}

/// The text and the options of `wrap(text, width=70, **kwargs)` (and
/// `shorten(text, width, **kwargs)`, whose width is required).
fn wrapper(mut args: Args, fname: &str, width_required: bool) -> PyResult<(Value, Wrapper)> {
    let mut w = Wrapper {
        width: 70,
        initial_indent: String::new(),
        subsequent_indent: String::new(),
        expand_tabs: true,
        replace_whitespace: true,
        fix_sentence_endings: false,
        break_long_words: true,
        drop_whitespace: true,
        break_on_hyphens: true,
        tabsize: 8,
        max_lines: None,
        placeholder: " [...]".into(),
    };
    let text = match args.pos.first() {
        Some(_) => args.pos.remove(0),
        None => args.take_kw("text").ok_or_else(|| {
            type_error(format!(
                "{fname}() missing 1 required positional argument: 'text'"
            ))
        })?,
    };
    let width = match args.pos.first() {
        Some(_) => Some(args.pos.remove(0)),
        None => args.take_kw("width"),
    };
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{fname}() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len() + 2
        )));
    }
    match width {
        Some(v) => w.width = int(&v)?,
        None if width_required => {
            return Err(type_error(format!(
                "{fname}() missing 1 required positional argument: 'width'"
            )));
        }
        None => {}
    }
    for (k, v) in args.kw {
        let flag = || -> bool { v.truthy() };
        match &*k {
            "initial_indent" => w.initial_indent = text_of(&v)?,
            "subsequent_indent" => w.subsequent_indent = text_of(&v)?,
            "placeholder" => w.placeholder = text_of(&v)?,
            "expand_tabs" => w.expand_tabs = flag(),
            "replace_whitespace" => w.replace_whitespace = flag(),
            "fix_sentence_endings" => w.fix_sentence_endings = flag(),
            "break_long_words" => w.break_long_words = flag(),
            "drop_whitespace" => w.drop_whitespace = flag(),
            "break_on_hyphens" => w.break_on_hyphens = flag(),
            "tabsize" => w.tabsize = int(&v)?,
            "max_lines" => {
                w.max_lines = match v {
                    Value::None => None,
                    v => Some(int(&v)?),
                }
            }
            other => {
                return Err(type_error(format!(
                    "TextWrapper.__init__() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    Ok((text, w))
}

fn int(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(type_error(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            other.type_name()
        ))),
    }
}

fn text_of(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "object of type '{}' has no len()",
            other.type_name()
        ))),
    }
}

/// CPython's `wordsep_re`.
static WORDSEP: LazyLock<fancy_regex::Regex> = LazyLock::new(|| {
    const WS: &str = r"[\t\n\x0b\x0c\r ]";
    const NWS: &str = r"[^\t\n\x0b\x0c\r ]";
    const WP: &str = r#"[\w!"'&.,?]"#;
    const LT: &str = r"[^\d\W]";
    let pattern = format!(
        r"({WS}+|(?<={WP})-{{2,}}(?=\w)|{NWS}+?(?:-(?:(?<={LT}{{2}}-)|(?<={LT}-{LT}-))(?={LT}-?{LT})|(?={WS}|\z)|(?<={WP})(?=-{{2,}}\w)))"
    );
    fancy_regex::Regex::new(&pattern).expect("textwrap's pattern compiles")
});

fn len(s: &str) -> usize {
    s.chars().count()
}

impl Wrapper {
    fn wrap(&self, ix: &Interp, f: &Frame, text: &Value) -> PyResult<Vec<String>> {
        let mut text = text.clone();
        if self.expand_tabs {
            text = ix.call_method(
                f,
                &text,
                "expandtabs",
                Args::positional(vec![Value::Int(self.tabsize)]),
            )?;
        }
        let Value::Str(s) = &text else {
            return Err(error(
                "AttributeError",
                format!("'{}' object has no attribute 'translate'", text.type_name()),
            ));
        };
        budget::charge_bytes(s.len())?;
        let mut s = s.to_string();
        if self.replace_whitespace {
            s = s
                .chars()
                .map(|c| if "\t\n\x0b\x0c\r".contains(c) { ' ' } else { c })
                .collect();
        }
        let mut chunks = self.split(&s)?;
        if self.fix_sentence_endings {
            fix_sentence_endings(&mut chunks);
        }
        self.wrap_chunks(chunks)
    }

    fn split(&self, text: &str) -> PyResult<Vec<String>> {
        let mut chunks = Vec::new();
        let mut last = 0;
        if self.break_on_hyphens {
            for m in WORDSEP.find_iter(text) {
                let m = m.map_err(|e| {
                    crate::engine::py::types::exc::limit(format!(
                        "textwrap could not split the text: {e} (limit: steps)"
                    ))
                })?;
                chunks.push(text[last..m.start()].to_string());
                chunks.push(m.as_str().to_string());
                last = m.end();
            }
        } else {
            let is_ws = |c: char| "\t\n\x0b\x0c\r ".contains(c);
            let mut start = 0;
            let mut in_ws = None;
            for (i, c) in text.char_indices() {
                let ws = is_ws(c);
                if in_ws != Some(ws) {
                    if i > start {
                        chunks.push(text[start..i].to_string());
                    }
                    start = i;
                    in_ws = Some(ws);
                }
            }
            chunks.push(text[start..].to_string());
            last = text.len();
        }
        chunks.push(text[last..].to_string());
        chunks.retain(|c| !c.is_empty());
        Ok(chunks)
    }

    fn wrap_chunks(&self, mut chunks: Vec<String>) -> PyResult<Vec<String>> {
        let mut lines: Vec<String> = Vec::new();
        if self.width <= 0 {
            return Err(value_error(format!(
                "invalid width {} (must be > 0)",
                self.width
            )));
        }
        if let Some(max) = self.max_lines {
            let indent = if max > 1 {
                &self.subsequent_indent
            } else {
                &self.initial_indent
            };
            if (len(indent) + len(self.placeholder.trim_start())) as i64 > self.width {
                return Err(value_error("placeholder too large for max width"));
            }
        }
        let blank = |s: &str| s.trim().is_empty();
        chunks.reverse();
        while !chunks.is_empty() {
            budget::charge(1)?;
            let mut cur_line: Vec<String> = Vec::new();
            let mut cur_len: i64 = 0;
            let indent = if lines.is_empty() {
                &self.initial_indent
            } else {
                &self.subsequent_indent
            };
            let width = self.width - len(indent) as i64;
            if self.drop_whitespace && chunks.last().is_some_and(|c| blank(c)) && !lines.is_empty()
            {
                chunks.pop();
            }
            while let Some(c) = chunks.last() {
                let l = len(c) as i64;
                if cur_len + l <= width {
                    cur_line.push(chunks.pop().unwrap_or_default());
                    cur_len += l;
                } else {
                    break;
                }
            }
            if chunks.last().is_some_and(|c| len(c) as i64 > width) {
                self.handle_long_word(&mut chunks, &mut cur_line, cur_len, width);
                cur_len = cur_line.iter().map(|c| len(c) as i64).sum();
            }
            if self.drop_whitespace && cur_line.last().is_some_and(|c| blank(c)) {
                cur_len -= cur_line.last().map_or(0, |c| len(c) as i64);
                cur_line.pop();
            }
            if cur_line.is_empty() {
                continue;
            }
            let fits = match self.max_lines {
                None => true,
                Some(max) => {
                    (lines.len() as i64) + 1 < max
                        || ((chunks.is_empty()
                            || self.drop_whitespace && chunks.len() == 1 && blank(&chunks[0]))
                            && cur_len <= width)
                }
            };
            if fits {
                lines.push(format!("{indent}{}", cur_line.concat()));
                continue;
            }
            let placeholder_len = len(&self.placeholder) as i64;
            let mut placed = false;
            while let Some(last) = cur_line.last() {
                if !blank(last) && cur_len + placeholder_len <= width {
                    cur_line.push(self.placeholder.clone());
                    lines.push(format!("{indent}{}", cur_line.concat()));
                    placed = true;
                    break;
                }
                cur_len -= len(last) as i64;
                cur_line.pop();
            }
            if !placed {
                if let Some(prev) = lines.last_mut() {
                    let prev_line = prev.trim_end().to_string();
                    if (len(&prev_line) + len(&self.placeholder)) as i64 <= self.width {
                        *prev = prev_line + &self.placeholder;
                        break;
                    }
                }
                lines.push(format!("{indent}{}", self.placeholder.trim_start()));
            }
            break;
        }
        Ok(lines)
    }

    fn handle_long_word(
        &self,
        chunks: &mut Vec<String>,
        cur_line: &mut Vec<String>,
        cur_len: i64,
        width: i64,
    ) {
        let space_left = if width < 1 { 1 } else { width - cur_len };
        if self.break_long_words {
            let Some(chunk) = chunks.last().cloned() else {
                return;
            };
            let chars: Vec<char> = chunk.chars().collect();
            let mut end = space_left.max(0) as usize;
            if self.break_on_hyphens && chars.len() > end {
                let hyphen = chars[..end.min(chars.len())]
                    .iter()
                    .rposition(|c| *c == '-');
                if let Some(h) = hyphen
                    && h > 0
                    && chars[..h].iter().any(|c| *c != '-')
                {
                    end = h + 1;
                }
            }
            let end = end.min(chars.len());
            cur_line.push(chars[..end].iter().collect());
            if let Some(last) = chunks.last_mut() {
                *last = chars[end..].iter().collect();
            }
        } else if cur_line.is_empty()
            && let Some(c) = chunks.pop()
        {
            cur_line.push(c);
        }
    }
}

/// Two spaces after a sentence's end (`[a-z][.!?]["']?` ending a chunk).
fn fix_sentence_endings(chunks: &mut [String]) {
    let ends_sentence = |s: &str| {
        let mut c: Vec<char> = s.chars().rev().take(3).collect();
        if c.first().is_some_and(|x| *x == '"' || *x == '\'') {
            c.remove(0);
        }
        c.len() >= 2 && matches!(c[0], '.' | '!' | '?') && c[1].is_ascii_lowercase()
    };
    let mut i = 0;
    while i + 1 < chunks.len() {
        if chunks[i + 1] == " " && ends_sentence(&chunks[i]) {
            chunks[i + 1] = "  ".into();
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// `dedent(text)`: the common leading whitespace of the lines removed;
/// lines of only spaces and tabs emptied.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| {
            if !l.is_empty() && l.chars().all(|c| c == ' ' || c == '\t') {
                ""
            } else {
                l
            }
        })
        .collect();
    let mut margin: Option<&str> = None;
    for line in &lines {
        let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
        let indent = &line[..indent_len];
        if indent_len == line.len() {
            // Blank (or empty) lines do not count.
            continue;
        }
        margin = Some(match margin {
            None => indent,
            Some(m) if indent.starts_with(m) => m,
            Some(m) if m.starts_with(indent) => indent,
            Some(m) => {
                let common = m
                    .bytes()
                    .zip(indent.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                &m[..common]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines
        .iter()
        .map(|l| l.strip_prefix(margin).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `indent(text, prefix, predicate=None)`.
fn indent(ix: &Interp, f: &Frame, args: Args) -> PyResult<Value> {
    let b =
        crate::engine::py::builtins::args::bind(args, "indent", &["text", "prefix", "predicate"])?;
    let (Some(text), Some(prefix)) = (b[0].clone(), b[1].clone()) else {
        let which = if b[0].is_none() {
            "'text' and 'prefix'"
        } else {
            "'prefix'"
        };
        let n = if b[0].is_none() { 2 } else { 1 };
        let s = if n == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "indent() missing {n} required positional argument{s}: {which}"
        )));
    };
    let predicate = b[2].clone().filter(|p| !matches!(p, Value::None));
    let lines = ix.call_method(
        f,
        &text,
        "splitlines",
        Args::positional(vec![Value::Bool(true)]),
    )?;
    let mut out = Vec::new();
    for line in ix.iterate(f, &lines)? {
        let keep = match &predicate {
            Some(p) => ix.call(f, p, Args::positional(vec![line.clone()]))?,
            None => ix.call_method(f, &line, "strip", Args::default())?,
        };
        if ix.truthy(f, &keep)? {
            out.push(ix.binop(f, crate::program::BinOp::Add, &prefix, &line, false)?);
        } else {
            out.push(line);
        }
    }
    ix.call_method(
        f,
        &Value::str(""),
        "join",
        Args::positional(vec![Value::list(out)]),
    )
}
