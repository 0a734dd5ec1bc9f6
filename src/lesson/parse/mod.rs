//! Reads a lesson file (TOML) into a [`Lesson`], reporting every problem with
//! its place in the file. The demo is a Python program beside the lesson,
//! named by `demo = "NN-name.py"`; a hand-written Rust listing may sit beside
//! it too, named by `rust = "NN-name.rs"`.

mod quizzes;

use super::Lesson;
use super::diagnostic::{LessonError, did_you_mean};
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

type Node<'i> = Spanned<DeValue<'i>>;

const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "text",
    "after_run",
    "demo",
    "rust",
    "quiz",
];

/// Reads a file a lesson names (`demo = "05-gather.py"`, `rust = ...`)
/// from beside it.
pub type ReadDemo<'a> = &'a dyn Fn(&str) -> Result<String, String>;

/// Parses a lesson file. `file` names it in messages; `stem` is the file
/// name without `.toml` (it gives the default id and the number).
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
                "the file is empty: a lesson needs a title, a summary and a demo"
            } else {
                "the file holds no keys: a lesson needs a title, a summary and a demo"
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
    let after_run = match root.get("after_run") {
        Some(node) => r
            .string(node, "after_run")
            .map(|(s, _)| s)
            .unwrap_or_default(),
        None => String::new(),
    };
    let program = match root.get("demo") {
        Some(node) => r.demo_file(node, read_demo),
        None if near_miss(&root, "demo") => None,
        None => {
            r.error(
                whole.start..whole.start,
                "the lesson names no demo",
                Some(format!(
                    "add `demo = \"{stem}.py\"` and write the demo as a Python program in {stem}.py beside the lesson"
                )),
            );
            None
        }
    };
    let rust = root.get("rust").and_then(|n| r.rust_file(n, read_demo));
    let quizzes = root.get("quiz").map(|n| r.quizzes(n)).unwrap_or_default();
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(Lesson {
        id,
        number,
        title,
        summary,
        text,
        after_run,
        program: Arc::new(program.expect("no errors means the demo loaded")),
        quizzes,
        file: file.to_string(),
        source,
        rust,
    })
}

/// The smallest valid lesson, shown when a file has none.
const SKELETON: &str = r#"title = "My lesson"
summary = "One line on what it shows."
demo = "my-lesson.py""#;

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
        "keep one of the two; each [[quiz]] header starts a new table with its own keys"
    } else if has("recursion depth") {
        "a lesson never needs more than a few levels of `[` and `{`: flatten the value"
    } else if has("multi-line") {
        "close the text with the same three quotes that open it (`\"\"\"` or `'''`)"
    } else if has("string") && (has("expected `\"`") || has("expected `'`")) {
        "close the string with the same quote on the same line; text over several lines goes between `\"\"\"` and `\"\"\"`"
    } else if has("unclosed inline table") || has("key-value pairs") {
        "an inline table is one line, keys separated by `,` and closed by `}`: { call = \"fetch\", args = [1] }"
    } else if has("unclosed array table") || has("unclosed table") || has("invalid table") {
        "a table header is one whole line: [[quiz]]"
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

    fn table<'n, 'i>(&mut self, node: &'n Node<'i>, what: &str) -> Option<&'n DeTable<'i>> {
        match node.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                let help = if what == "a quiz" {
                    "write each quiz as a [[quiz]] table with question, choices and from_run (or answer)"
                        .to_string()
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
    fn demo_file(
        &mut self,
        node: &Node<'_>,
        read: ReadDemo<'_>,
    ) -> Option<crate::program::Program> {
        if let DeValue::Table(_) = node.get_ref() {
            self.error(
                node.span(),
                "a `[demo]` table is the old statement language, which is retired",
                Some(format!(
                    "write the demo as a Python program beside the lesson and name it: demo = \"{}.py\"",
                    std::path::Path::new(self.file)
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or("lesson")
                )),
            );
            return None;
        }
        let (name, span) = self.string(node, "demo")?;
        if !name.ends_with(".py")
            || name.contains('/')
            || name.contains('\\')
            || name.starts_with('.')
        {
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

    /// The hand-written Rust listing a lesson names: a `.rs` file beside it.
    fn rust_file(&mut self, node: &Node<'_>, read: ReadDemo<'_>) -> Option<Arc<str>> {
        let (name, span) = self.string(node, "rust")?;
        if !name.ends_with(".rs")
            || name.contains('/')
            || name.contains('\\')
            || name.starts_with('.')
        {
            self.error(
                span,
                format!("`{name}` is not a Rust listing's file name"),
                Some("name a .rs file in the lesson's folder: rust = \"13-generators.rs\"".into()),
            );
            return None;
        }
        match read(&name) {
            Ok(text) if !text.trim().is_empty() => Some(Arc::from(text.trim_end())),
            Ok(_) => {
                self.error(
                    span,
                    format!("the Rust listing `{name}` is empty"),
                    Some("write the listing in the file, or remove the `rust` key".into()),
                );
                None
            }
            Err(why) => {
                let shown = std::path::Path::new(self.file).with_file_name(&name);
                self.error(
                    span,
                    format!("cannot read the Rust listing `{}`: {why}", shown.display()),
                    Some("the listing is a .rs file beside the lesson file".into()),
                );
                None
            }
        }
    }

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_problems_say_how_to_fix_them() {
        let (message, help) = toml_problem("duplicate key", Some("name"));
        assert!(message.contains("`name` is set twice"), "{message}");
        assert!(help.contains("keep one"), "{help}");
        let (_, help) = toml_problem("invalid basic string, expected `\"`", None);
        assert!(help.contains("close the string"), "{help}");
    }
}
