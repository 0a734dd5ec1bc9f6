//! A pass over the source before it is parsed that bounds how deeply an
//! expression can nest: the parser, the lowering, the engine and the
//! renderer all recurse over the syntax tree, and a tree deep enough would
//! exhaust their stack. As CPython, more than 200 nested brackets are
//! refused; and as each level of an expression needs an operator, a
//! keyword or a bracket, a statement may hold at most
//! [`MAX_OPERATORS`] of them.

use std::ops::Range;

/// Brackets that may be open at once (CPython's tokenizer limit).
pub const MAX_BRACKETS: usize = 200;
/// Operator characters and operator keywords one logical line may hold.
pub const MAX_OPERATORS: usize = 1000;
/// A `lambda` nests a whole function: it counts as this many operators.
const LAMBDA_WEIGHT: usize = 10;
/// Nested indented blocks (CPython's tokenizer limit).
pub const MAX_INDENTS: usize = 100;

const KEYWORDS: &[&str] = &[
    "not", "and", "or", "if", "else", "lambda", "await", "in", "is", "yield",
];

/// Where the source nests too deeply, and what to tell the learner.
pub fn too_deep(source: &str) -> Option<(Range<usize>, String)> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut operators = 0usize;
    let mut indents: Vec<usize> = vec![0];
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        if line_start {
            line_start = false;
            let start = i;
            while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
                i += 1;
            }
            let width = i - start;
            if i < bytes.len() && !b"#\r\n".contains(&bytes[i]) {
                while indents.last().is_some_and(|w| *w > width) {
                    indents.pop();
                }
                if indents.last().is_some_and(|w| *w < width) {
                    indents.push(width);
                }
                if indents.len() > MAX_INDENTS {
                    return Some((start..i, "too many levels of indentation".into()));
                }
            }
            continue;
        }
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'\\' => {
                // A line continuation: the logical line goes on.
                i += 2;
                continue;
            }
            b'\n' if depth == 0 => {
                operators = 0;
                line_start = true;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKETS {
                    return Some((i..i + 1, "too many nested parentheses".into()));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'0'..=b'9' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || b"_.".contains(&bytes[i]))
                {
                    i += 1;
                }
                continue;
            }
            b'-' | b'+' | b'~' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^' | b'<' | b'>'
            | b'=' | b'!' | b'.' => operators += 1,
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &source[start..i];
                if word == "lambda" {
                    operators += LAMBDA_WEIGHT;
                } else if KEYWORDS.contains(&word) {
                    operators += 1;
                }
                if operators > MAX_OPERATORS {
                    return Some((start..i, too_many()));
                }
                continue;
            }
            _ => {}
        }
        if operators > MAX_OPERATORS {
            return Some((i..i + 1, too_many()));
        }
        i += 1;
    }
    None
}

fn too_many() -> String {
    format!("too many nested expressions: a statement may hold {MAX_OPERATORS} operators")
}

/// The index just past the string literal starting at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    let quote = bytes[i];
    let triple = bytes.len() >= i + 3 && bytes[i + 1] == quote && bytes[i + 2] == quote;
    i += if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.len() >= i + 3 && bytes[i + 1] == quote && bytes[i + 2] == quote {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_past_cpythons_limit_are_refused_where_they_pass_it() {
        let ok = format!("x = {}{}\n", "[".repeat(200), "]".repeat(200));
        assert_eq!(too_deep(&ok), None);
        let deep = format!("x = {}{}\n", "[".repeat(201), "]".repeat(201));
        assert_eq!(
            too_deep(&deep),
            Some((204..205, "too many nested parentheses".into()))
        );
    }

    #[test]
    fn a_chain_of_operators_is_bounded_per_statement() {
        let long = format!("x = {}1\n", "-".repeat(2000));
        assert!(too_deep(&long).is_some_and(|(_, m)| m.starts_with("too many nested")));
        let many_lines = "x = -1\n".repeat(5000);
        assert_eq!(too_deep(&many_lines), None);
    }

    #[test]
    fn more_than_a_hundred_indented_blocks_are_refused() {
        let nest = |n: usize| -> String {
            (0..n)
                .map(|i| format!("{}if 1:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(n)
                + "pass\n"
        };
        assert_eq!(too_deep(&nest(99)), None);
        assert!(too_deep(&nest(100)).is_some_and(|(_, m)| m == "too many levels of indentation"));
    }

    #[test]
    fn strings_and_comments_do_not_count() {
        let text = format!(
            "s = '{}'  # {}\nt = \"\"\"{}\"\"\"\n",
            "(".repeat(500),
            "[".repeat(500),
            "-".repeat(5000)
        );
        assert_eq!(too_deep(&text), None);
    }
}
