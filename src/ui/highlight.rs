//! A small keyword highlighter for the Python and Rust listings, with
//! `async`/`await` singled out.

use super::theme::Theme;
use ratatui::text::Span;

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

const PY_KW: &[&str] = &[
    "def", "return", "import", "from", "as", "for", "in", "while", "if", "elif", "else", "try",
    "except", "finally", "raise", "with", "class", "yield", "None", "True", "False", "and", "or",
    "not", "pass", "break", "continue", "lambda", "is", "self",
];
const RS_KW: &[&str] = &[
    "fn", "let", "mut", "use", "return", "for", "in", "while", "loop", "if", "else", "match",
    "struct", "impl", "enum", "pub", "move", "mod", "self", "Self", "crate", "super", "const",
    "static", "true", "false", "Some", "None", "Ok", "Err", "break", "continue", "where", "type",
    "dyn", "ref", "as",
];

/// Splits one line into styled spans.
pub fn highlight(line: &str, lang: Lang, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut plain = String::new();
    let flush = |plain: &mut String, spans: &mut Vec<Span<'static>>| {
        if !plain.is_empty() {
            spans.push(Span::styled(std::mem::take(plain), theme.text()));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let comment = match lang {
            Lang::Python => c == '#',
            Lang::Rust => c == '/' && chars.get(i + 1) == Some(&'/'),
        };
        if comment {
            flush(&mut plain, &mut spans);
            spans.push(Span::styled(
                chars[i..].iter().collect::<String>(),
                theme.comment(),
            ));
            return spans;
        }
        if c == '"' || (c == '\'' && lang == Lang::Python) {
            flush(&mut plain, &mut spans);
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let end = (j + 1).min(chars.len());
            spans.push(Span::styled(
                chars[i..end].iter().collect::<String>(),
                theme.string(),
            ));
            i = end;
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let style = if word == "async" || word == "await" {
                Some(theme.async_kw())
            } else if c.is_ascii_digit() {
                Some(theme.number())
            } else {
                let kws = match lang {
                    Lang::Python => PY_KW,
                    Lang::Rust => RS_KW,
                };
                kws.contains(&word.as_str()).then(|| theme.keyword())
            };
            match style {
                Some(style) => {
                    flush(&mut plain, &mut spans);
                    spans.push(Span::styled(word, style));
                }
                None => plain.push_str(&word),
            }
            i = j;
            continue;
        }
        plain.push(c);
        i += 1;
    }
    flush(&mut plain, &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn await_is_its_own_span() {
        let spans = highlight("    x = await f(1)  # hi", Lang::Python, &Theme::default());
        let texts: Vec<_> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(texts.contains(&"await"));
        assert!(texts.contains(&"# hi"));
        assert!(texts.contains(&"1"));
        let rs = highlight("let v = f().await;", Lang::Rust, &Theme::default());
        assert!(rs.iter().any(|s| s.content == "await"));
    }
}
