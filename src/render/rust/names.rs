//! Rust names for Python ones, and small text helpers.

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use", "where",
    "while", "yield", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
    "typeof", "unsized", "virtual",
];

pub(super) fn ident(name: &str) -> String {
    match name {
        "self" | "Self" | "super" | "crate" => format!("{name}_"),
        n if KEYWORDS.contains(&n) => format!("r#{n}"),
        n => n.to_string(),
    }
}

/// A coroutine's or generator's name: `main` is Tokio's entry point, so a
/// `main` that is not the demo's entry becomes `main_coroutine`.
pub(super) fn fn_name(name: &str) -> String {
    if name == "main" {
        // Only reached for a non-entry `main` (the entry `main` is inlined).
        "main_coroutine".into()
    } else {
        ident(name)
    }
}

pub(super) fn camel(name: &str) -> String {
    name.split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

pub(super) fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    ident(&out)
}

pub(super) fn escape_fmt(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// rustfmt's "version sort" for names in a `use` list, enough for
/// identifiers: uppercase (types) before lowercase (functions).
pub(super) fn version_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.cmp(b)
}

/// Splits `a.b(x).c()` into `a` and its method calls `.b(x)`, `.c()`, at
/// the dots outside brackets and strings.
pub(super) fn split_chain(text: &str) -> (String, Vec<String>) {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    let mut in_str = false;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => depth -= 1,
            '.' if !in_str
                && depth == 0
                && !prev.is_ascii_digit()
                && prev != '.'
                && chars.peek().is_some_and(|n| n.is_alphabetic() || *n == '_') =>
            {
                parts.push(String::new());
            }
            _ => {}
        }
        parts.last_mut().expect("never empty").push(c);
        prev = c;
    }
    let base = parts.remove(0);
    (base, parts)
}
