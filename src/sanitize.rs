//! Text from a lesson or a demo, made safe to show on a terminal.
//!
//! Lesson files and the programs they describe are text anyone can write,
//! and a terminal obeys some characters instead of showing them: `ESC`
//! sequences move the cursor, recolour, retitle the window or worse, a
//! carriage return overwrites a line, and bidirectional controls (the
//! "Trojan Source" trick) make text read differently from what it is.
//! [`for_terminal`] turns each such character into a visible escape:
//! `\x1b`, `\x0d`, `\u{202e}`.
//!
//! Escaped: the C0 controls except newline and tab, DEL, the C1 controls,
//! and the invisible format characters that reorder or hide text: U+061C,
//! U+180E, U+200B, U+200E, U+200F, U+2028 to U+202E, U+2060 to U+206F,
//! U+FEFF, U+FFF9 to U+FFFB and the tag characters U+E0000 to U+E007F.
//! Zero-width joiners (U+200C, U+200D) stay: emoji and several scripts
//! need them.
//!
//! Where it applies: everything from a lesson or a demo that the program
//! writes to a terminal. `show`, `check`, `list`, error messages and the UI
//! always escape. The transcript of `run` (and `--events`) is written byte
//! for byte when standard output is not a terminal, a pipe or a file being
//! the demo's real output, and escaped when it is one ([`for_output`]).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` is a character a terminal could act on, or one that hides
/// or reorders text, rather than show.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0, DEL and C1.
        c if c.is_control() => true,
        '\u{061c}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}' => true,
        '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' => true,
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}' => true,
        _ => false,
    }
}

/// How an unsafe character is shown: `\x1b` below U+0080, else `\u{202e}`.
pub fn escape(c: char) -> String {
    let mut out = String::new();
    push_escape(&mut out, c);
    out
}

fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    let _ = if n < 0x80 {
        write!(out, "\\x{n:02x}")
    } else {
        write!(out, "\\u{{{n:x}}}")
    };
}

/// `text` with every [unsafe](is_unsafe) character escaped; borrowed when
/// there is none.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_unsafe) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_unsafe(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`for_terminal`] when the text goes to a terminal, else `text` as it is.
pub fn for_output(text: &str, to_terminal: bool) -> Cow<'_, str> {
    if to_terminal {
        for_terminal(text)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_visible_escapes() {
        assert_eq!(for_terminal("\x1b[31mred\u{202e}"), "\\x1b[31mred\\u{202e}");
        assert_eq!(
            for_terminal("a\rb\x07\x7f\u{9b}c"),
            "a\\x0db\\x07\\x7f\\u{9b}c"
        );
        for c in [
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            let shown = for_terminal(&c.to_string()).into_owned();
            assert_eq!(shown, format!("\\u{{{:x}}}", c as u32));
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "line one\n\tindented: café, 漢字, 👨‍👩‍👧, \\x1b stays as typed";
        assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn output_is_escaped_only_for_a_terminal() {
        assert_eq!(for_output("\x1b[0m", false), "\x1b[0m");
        assert_eq!(for_output("\x1b[0m", true), "\\x1b[0m");
    }
}
