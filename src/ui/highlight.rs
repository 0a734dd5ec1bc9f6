//! Syntax highlighting of the Python and Rust listings with tree-sitter, with
//! `async`/`await` singled out.
//!
//! The grammars' own highlight queries do the work; a few patterns put after
//! them (the last pattern matching a node wins) keep this tutorial's look:
//! `async` and `await` get their own style, Rust numbers are numbers, and
//! Python's word operators (`and`, `not`, `in`, ...) and `self` are keywords.
//! A whole listing is parsed at once (multi-line strings stay strings) and the
//! result is cached, so a frame only looks the listing up.

use super::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Span;
use std::sync::{Arc, Mutex, OnceLock};
use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent, Highlighter};

/// The language of a listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Python,
    Rust,
}

impl Lang {
    pub fn name(self) -> &'static str {
        match self {
            Lang::Python => "Python (asyncio)",
            Lang::Rust => "Rust (Tokio)",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Python => Lang::Rust,
            Lang::Rust => Lang::Python,
        }
    }
}

/// The capture names this module styles, in `configure` order: a capture
/// such as `function.method` takes the longest of these that prefixes it.
const NAMES: &[&str] = &[
    "keyword.async",
    "keyword",
    "constant.builtin",
    "variable.builtin",
    "string",
    "escape",
    "number",
    "comment",
    "function.macro",
    "function",
    "type",
    "constructor",
    "attribute",
];

fn style_of(index: usize, theme: &Theme) -> Style {
    match NAMES[index] {
        "keyword.async" => theme.async_kw(),
        "keyword" | "constant.builtin" | "variable.builtin" => theme.keyword(),
        "string" | "escape" => theme.string(),
        "number" => theme.number(),
        "comment" => theme.comment(),
        "function.macro" | "attribute" => theme.macro_name(),
        "function" => theme.function(),
        "type" | "constructor" => theme.type_name(),
        _ => theme.text(),
    }
}

/// Patterns that take precedence over the grammar's own (later wins); the
/// last two of each also fix a method call (`asyncio.sleep(1)`) that
/// Python's query lets `@property` override, and a macro called by its path
/// (`tokio::join!`).
const PY_LAST: &str = r#"
["async" "await"] @keyword.async
["and" "or" "not" "in" "is" "is not" "not in"] @keyword
((identifier) @variable.builtin (#eq? @variable.builtin "self"))
(call function: (attribute attribute: (identifier) @function.method))
"#;
const RS_LAST: &str = r#"
["async" "await"] @keyword.async
[(integer_literal) (float_literal)] @number
(macro_invocation
  macro: (scoped_identifier name: (identifier) @function.macro)
  "!" @function.macro)
"#;

fn config(lang: Lang) -> &'static HighlightConfiguration {
    static PY: OnceLock<HighlightConfiguration> = OnceLock::new();
    static RS: OnceLock<HighlightConfiguration> = OnceLock::new();
    let (cell, language, name, last, query, injections) = match lang {
        Lang::Python => (
            &PY,
            tree_sitter_python::LANGUAGE,
            "python",
            PY_LAST,
            tree_sitter_python::HIGHLIGHTS_QUERY,
            "",
        ),
        Lang::Rust => (
            &RS,
            tree_sitter_rust::LANGUAGE,
            "rust",
            RS_LAST,
            tree_sitter_rust::HIGHLIGHTS_QUERY,
            // Macro arguments (`println!`, `tokio::select!`) are Rust again.
            tree_sitter_rust::INJECTIONS_QUERY,
        ),
    };
    cell.get_or_init(|| {
        let mut config = HighlightConfiguration::new(
            language.into(),
            name,
            &format!("{query}\n{last}"),
            injections,
            "",
        )
        .expect("the grammar's highlight query compiles");
        config.configure(NAMES);
        config
    })
}

/// Highlights a whole program: one list of spans per line of `source`
/// (split at `\n`; a trailing newline does not add a line).
fn highlight_source(source: &str, lang: Lang, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    // Appends `text` in `style`, starting a new line at every `\n`.
    let mut push = |text: &str, style: Style| {
        let mut parts = text.split('\n');
        if let Some(first) = parts.next() {
            push_span(lines.last_mut().expect("a line"), first, style);
        }
        for part in parts {
            lines.push(Vec::new());
            push_span(lines.last_mut().expect("a line"), part, style);
        }
    };
    let mut highlighter = Highlighter::new();
    let config = config(lang);
    let events = highlighter.highlight(config, source.as_bytes(), None, |name| {
        (name == "rust" && lang == Lang::Rust).then_some(config)
    });
    let mut stack: Vec<Style> = Vec::new();
    let mut done = 0;
    if let Ok(events) = events {
        for event in events {
            match event {
                Ok(HighlightEvent::HighlightStart(h)) => stack.push(style_of(h.0, theme)),
                Ok(HighlightEvent::HighlightEnd) => {
                    stack.pop();
                }
                Ok(HighlightEvent::Source { start, end }) => {
                    // Byte offsets; tree-sitter cuts only at token boundaries,
                    // which are character boundaries.
                    let Some(text) = source.get(start..end) else {
                        break;
                    };
                    push(text, stack.last().copied().unwrap_or_else(|| theme.text()));
                    done = end;
                }
                Err(_) => break,
            }
        }
    }
    // Whatever was not highlighted (an error) stays plain.
    if let Some(rest) = source.get(done..) {
        push(rest, theme.text());
    }
    if source.ends_with('\n') {
        lines.pop();
    }
    lines
}

/// Appends a span, merging it into the previous one of the same style.
fn push_span(line: &mut Vec<Span<'static>>, text: &str, style: Style) {
    if text.is_empty() {
        return;
    }
    match line.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => line.push(Span::styled(text.to_string(), style)),
    }
}

/// Splits one line, parsed on its own, into styled spans. A listing is better
/// highlighted whole, with [`highlight_listing`].
pub fn highlight(line: &str, lang: Lang, theme: &Theme) -> Vec<Span<'static>> {
    highlight_source(line, lang, theme)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The spans of each line of a listing, parsed as one program, every time:
/// the code pane uses the cached [`highlight_listing`].
pub fn highlight_lines(lines: &[String], lang: Lang, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut source = lines.join("\n");
    source.push('\n');
    let mut spans = highlight_source(&source, lang, theme);
    spans.resize_with(lines.len(), Vec::new);
    spans
}

/// A listing highlighted once: the key is everything the spans depend on.
struct Cached {
    lang: Lang,
    theme: Theme,
    lines: Vec<String>,
    spans: Arc<[Vec<Span<'static>>]>,
}

/// How many listings stay highlighted (both languages of a few lessons).
const CACHE_SIZE: usize = 16;

/// The spans of each line of a listing, parsed as one program. Computed once
/// per listing, language and theme, then looked up (most recent first).
pub fn highlight_listing(lines: &[String], lang: Lang, theme: &Theme) -> Arc<[Vec<Span<'static>>]> {
    static CACHE: Mutex<Vec<Cached>> = Mutex::new(Vec::new());
    let found = |cache: &mut Vec<Cached>| {
        let at = cache
            .iter()
            .position(|c| c.lang == lang && c.theme == *theme && c.lines == lines)?;
        let hit = cache.remove(at);
        let spans = Arc::clone(&hit.spans);
        cache.insert(0, hit);
        Some(spans)
    };
    if let Some(spans) = found(&mut CACHE.lock().unwrap_or_else(|e| e.into_inner())) {
        return spans;
    }
    let spans: Arc<[Vec<Span<'static>>]> = highlight_lines(lines, lang, theme).into();
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.insert(
        0,
        Cached {
            lang,
            theme: *theme,
            lines: lines.to_vec(),
            spans: Arc::clone(&spans),
        },
    );
    cache.truncate(CACHE_SIZE);
    spans
}

/// Where the rows of a highlighted line start (char indices) when it is
/// cut to `width` terminal columns: a row ends after a space or after `,`,
/// `(`, `[`, `{` or `.` when one falls in its second half, else at the
/// width. A line that fits is one row.
pub fn wrap_starts(spans: &[Span<'_>], width: usize) -> Vec<usize> {
    let width = width.max(1);
    if spans.iter().map(Span::width).sum::<usize>() <= width {
        return vec![0];
    }
    let mut buf = [0u8; 4];
    let chars: Vec<(char, usize)> = spans
        .iter()
        .flat_map(|s| s.content.chars())
        .map(|c| (c, Span::raw(&*c.encode_utf8(&mut buf)).width()))
        .collect();
    let mut starts = vec![0];
    let (mut start, mut col) = (0, 0);
    for (i, &(_, w)) in chars.iter().enumerate() {
        if col + w > width && i > start {
            let soft = (start + 1..i)
                .rev()
                .take_while(|&j| j - start > width / 2)
                .find(|&j| matches!(chars[j - 1].0, ' ' | ',' | '(' | '[' | '{' | '.'));
            start = soft.unwrap_or(i);
            starts.push(start);
            col = chars[start..i].iter().map(|c| c.1).sum();
        }
        col += w;
    }
    starts
}

/// Cuts a highlighted line into rows of at most `width` terminal columns
/// (at [`wrap_starts`]), each span keeping its style: no character is lost,
/// so a long line reads on over as many rows as it needs. An empty line is
/// one empty row.
pub fn wrap_spans(spans: &[Span<'static>], width: usize) -> Vec<Vec<Span<'static>>> {
    let starts = wrap_starts(spans, width);
    if starts.len() == 1 {
        return vec![spans.to_vec()];
    }
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new(); starts.len()];
    let mut row = 0;
    let mut i = 0;
    for span in spans {
        for c in span.content.chars() {
            while row + 1 < starts.len() && i >= starts[row + 1] {
                row += 1;
            }
            match rows[row].last_mut() {
                Some(last) if last.style == span.style => last.content.to_mut().push(c),
                _ => rows[row].push(Span::styled(c.to_string(), span.style)),
            }
            i += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    /// The style of the span with exactly this text on this line.
    fn style_at(spans: &[Vec<Span>], line: usize, text: &str) -> Style {
        let found = spans[line].iter().find(|s| s.content == text);
        found
            .unwrap_or_else(|| panic!("no span {text:?} on line {line}: {:?}", spans[line]))
            .style
    }

    /// Every line's spans put together give the line back.
    fn assert_lossless(spans: &[Vec<Span>], lines: &[String]) {
        assert_eq!(spans.len(), lines.len());
        for (n, (spans, line)) in spans.iter().zip(lines).enumerate() {
            let joined: String = spans.iter().map(|s| s.content.as_ref()).collect();
            assert_eq!(&joined, line, "line {n}");
        }
    }

    const PY: &str = r#"import asyncio

async def worker(name, delay):  # a coroutine
    await asyncio.sleep(delay)
    return f"{name} done"

async def main():
    async with lock:
        for x in [1, 2]:
            print("héllo → world", x)
    results = await asyncio.gather(worker("a", 1), worker("b", 2))
"#;

    const RS: &str = r#"use std::time::Duration;

async fn worker(name: &str, delay: u64) -> String {
    // a future
    tokio::time::sleep(Duration::from_millis(delay)).await;
    format!("{name} done")
}

#[tokio::main]
async fn main() {
    let a = worker("a", 1).await;
    println!("héllo → {}", worker("b", 2).await);
    tokio::join!(worker("c", 3));
}
"#;

    #[test]
    fn python_async_await_strings_comments() {
        let theme = Theme::default();
        let src = lines(PY);
        let spans = highlight_listing(&src, Lang::Python, &theme);
        assert_lossless(&spans, &src);
        assert_eq!(style_at(&spans, 2, "async"), theme.async_kw());
        assert_eq!(style_at(&spans, 3, "await"), theme.async_kw());
        assert_eq!(style_at(&spans, 7, "async"), theme.async_kw());
        assert_eq!(style_at(&spans, 10, "await"), theme.async_kw());
        assert_eq!(style_at(&spans, 2, "def"), theme.keyword());
        assert_eq!(style_at(&spans, 8, "in"), theme.keyword());
        assert_eq!(style_at(&spans, 2, "worker"), theme.function());
        assert_eq!(style_at(&spans, 3, "sleep"), theme.function());
        assert_eq!(style_at(&spans, 2, "# a coroutine"), theme.comment());
        assert_eq!(style_at(&spans, 9, "\"héllo → world\""), theme.string());
        assert_eq!(style_at(&spans, 10, "1"), theme.number());
    }

    #[test]
    fn rust_async_dot_await_strings_comments() {
        let theme = Theme::default();
        let src = lines(RS);
        let spans = highlight_listing(&src, Lang::Rust, &theme);
        assert_lossless(&spans, &src);
        assert_eq!(style_at(&spans, 2, "async"), theme.async_kw());
        assert_eq!(style_at(&spans, 4, "await"), theme.async_kw());
        assert_eq!(style_at(&spans, 10, "await"), theme.async_kw());
        // Inside a macro's arguments too.
        assert_eq!(style_at(&spans, 11, "await"), theme.async_kw());
        assert_eq!(style_at(&spans, 2, "fn"), theme.keyword());
        assert_eq!(style_at(&spans, 2, "worker"), theme.function());
        assert_eq!(style_at(&spans, 2, "String"), theme.type_name());
        assert_eq!(style_at(&spans, 3, "// a future"), theme.comment());
        assert_eq!(style_at(&spans, 10, "\"a\""), theme.string());
        assert_eq!(style_at(&spans, 11, "\"héllo → {}\""), theme.string());
        assert_eq!(style_at(&spans, 10, "1"), theme.number());
        assert_eq!(style_at(&spans, 11, "println!"), theme.macro_name());
        assert_eq!(style_at(&spans, 12, "join!"), theme.macro_name());
        assert_eq!(style_at(&spans, 8, "#[tokio::main]"), theme.macro_name());
    }

    #[test]
    fn one_line_alone() {
        let theme = Theme::default();
        let spans = highlight("    x = await f(1)  # hi", Lang::Python, &theme);
        let find = |t: &str| spans.iter().find(|s| s.content == t).map(|s| s.style);
        assert_eq!(find("await"), Some(theme.async_kw()));
        assert_eq!(find("# hi"), Some(theme.comment()));
        assert_eq!(find("1"), Some(theme.number()));
        let rs = highlight("let v = f().await;", Lang::Rust, &theme);
        let rs_await = rs.iter().find(|s| s.content == "await").map(|s| s.style);
        assert_eq!(rs_await, Some(theme.async_kw()));
    }

    #[test]
    fn no_colour_without_colour() {
        let theme = Theme::mono();
        for (text, lang) in [(PY, Lang::Python), (RS, Lang::Rust)] {
            let src = lines(text);
            let spans = highlight_listing(&src, lang, &theme);
            for span in spans.iter().flatten() {
                assert_eq!(span.style.fg, None, "{span:?}");
                assert_eq!(span.style.bg, None, "{span:?}");
            }
        }
    }

    #[test]
    fn long_listing_with_non_ascii_does_not_drift() {
        let theme = Theme::default();
        for (lang, line, string, comment) in [
            (
                Lang::Python,
                "    x = await f(\"é → ü\")  # café → bar",
                "\"é → ü\"",
                "# café → bar",
            ),
            (
                Lang::Rust,
                "    let x = f(\"é → ü\").await; // café → bar",
                "\"é → ü\"",
                "// café → bar",
            ),
        ] {
            let head = match lang {
                Lang::Python => "async def main():",
                Lang::Rust => "async fn main() {",
            };
            let mut src = vec![head.to_string()];
            src.extend(std::iter::repeat_n(line.to_string(), 1998));
            src.push(if lang == Lang::Rust { "}" } else { "    pass" }.to_string());
            assert_eq!(src.len(), 2000);
            let spans = highlight_listing(&src, lang, &theme);
            assert_lossless(&spans, &src);
            let last = 1998;
            assert_eq!(style_at(&spans, last, "await"), theme.async_kw());
            assert_eq!(style_at(&spans, last, string), theme.string());
            assert_eq!(style_at(&spans, last, comment), theme.comment());
        }
    }

    #[test]
    fn cached_per_listing() {
        let theme = Theme::default();
        let src = lines(RS);
        let a = highlight_listing(&src, Lang::Rust, &theme);
        let b = highlight_listing(&src, Lang::Rust, &theme);
        assert!(Arc::ptr_eq(&a, &b));
        let light = Theme {
            color: true,
            dark: false,
        };
        let c = highlight_listing(&src, Lang::Rust, &light);
        assert!(!Arc::ptr_eq(&a, &c));
    }

    #[test]
    fn wrapped_rows_keep_every_character_and_its_colour() {
        let theme = Theme::default();
        let line = r#"    a, b, c = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("né", 2))"#;
        let spans = highlight(line, Lang::Python, &theme);
        for width in [1, 7, 20, 41, 200] {
            let rows = wrap_spans(&spans, width);
            let joined: String = rows.iter().flatten().map(|s| s.content.as_ref()).collect();
            assert_eq!(joined, line, "width {width}");
            for row in &rows {
                let w: usize = row.iter().map(Span::width).sum();
                assert!(w <= width, "a row of {w} columns at width {width}");
            }
            // No row is cut short of half the width.
            for row in &rows[..rows.len() - 1] {
                let w: usize = row.iter().map(Span::width).sum();
                assert!(w > width / 2, "a row of {w} columns at width {width}");
            }
            // `await` keeps its colour on whichever row it falls.
            let style = style_at(std::slice::from_ref(&spans), 0, "await").fg;
            let awaits = rows
                .iter()
                .flatten()
                .filter(|s| s.content.contains("await"));
            for span in awaits {
                assert_eq!(span.style.fg, style);
            }
        }
        assert_eq!(wrap_spans(&[], 10), vec![Vec::<Span>::new()]);
        // A row ends after a comma or a space where one falls late enough.
        let rows = wrap_spans(&[Span::raw("fetch(\"slow\", 3), fetch(\"fast\", 1)")], 20);
        let rows: Vec<String> = rows
            .iter()
            .map(|r| r.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(rows, [r#"fetch("slow", 3), "#, r#"fetch("fast", 1)"#]);
    }
}
