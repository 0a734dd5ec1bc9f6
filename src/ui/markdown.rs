//! Lesson prose: a small Markdown renderer (pulldown-cmark) to styled lines.
//! Headings, emphasis, lists, inline code and code blocks.

use super::theme::Theme;
use crate::sanitize::for_terminal;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Renders Markdown to lines (wrapping is left to the paragraph).
pub fn render(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut styles: Vec<Style> = vec![theme.text()];
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code_block = false;
    let mut pending_prefix: Option<String> = None;

    fn flush(lines: &mut Vec<Line<'static>>, current: &mut Vec<Span<'static>>) {
        if !current.is_empty() {
            lines.push(Line::from(std::mem::take(current)));
        }
    }
    fn blank(lines: &mut Vec<Line<'static>>) {
        if lines.last().is_some_and(|l| l.width() > 0) {
            lines.push(Line::default());
        }
    }

    for event in Parser::new(text) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    flush(&mut lines, &mut current);
                    blank(&mut lines);
                    let mut style = theme.heading();
                    if level == HeadingLevel::H1 {
                        style = style.add_modifier(Modifier::UNDERLINED);
                    }
                    styles.push(style);
                }
                Tag::Paragraph => {
                    flush(&mut lines, &mut current);
                    if lists.is_empty() {
                        blank(&mut lines);
                    }
                }
                Tag::Emphasis => {
                    let s = *styles.last().unwrap_or(&Style::default());
                    styles.push(s.add_modifier(Modifier::ITALIC));
                }
                Tag::Strong => {
                    let s = *styles.last().unwrap_or(&Style::default());
                    styles.push(s.add_modifier(Modifier::BOLD));
                }
                Tag::CodeBlock(_) => {
                    flush(&mut lines, &mut current);
                    blank(&mut lines);
                    in_code_block = true;
                }
                Tag::List(start) => {
                    flush(&mut lines, &mut current);
                    if lists.is_empty() {
                        blank(&mut lines);
                    }
                    lists.push(start);
                }
                Tag::Item => {
                    flush(&mut lines, &mut current);
                    let depth = lists.len().saturating_sub(1);
                    let marker = match lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}. ");
                            *n += 1;
                            m
                        }
                        _ => "• ".to_string(),
                    };
                    pending_prefix = Some(format!("{}{marker}", "  ".repeat(depth)));
                }
                Tag::BlockQuote(_) => {
                    flush(&mut lines, &mut current);
                    styles.push(theme.dim().add_modifier(Modifier::ITALIC));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) | TagEnd::Emphasis | TagEnd::Strong | TagEnd::BlockQuote(_) => {
                    if styles.len() > 1 {
                        styles.pop();
                    }
                    if matches!(tag, TagEnd::Heading(_) | TagEnd::BlockQuote(_)) {
                        flush(&mut lines, &mut current);
                    }
                }
                TagEnd::Paragraph | TagEnd::Item => flush(&mut lines, &mut current),
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    flush(&mut lines, &mut current);
                }
                TagEnd::List(_) => {
                    lists.pop();
                    flush(&mut lines, &mut current);
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(prefix) = pending_prefix.take() {
                    current.push(Span::styled(prefix, theme.accent()));
                }
                if in_code_block {
                    for l in text.lines() {
                        lines.push(Line::from(Span::styled(
                            format!("  {}", for_terminal(l)),
                            theme.code(),
                        )));
                    }
                } else {
                    let style = *styles.last().unwrap_or(&Style::default());
                    current.push(Span::styled(for_terminal(&text).into_owned(), style));
                }
            }
            Event::Code(code) => {
                if let Some(prefix) = pending_prefix.take() {
                    current.push(Span::styled(prefix, theme.accent()));
                }
                current.push(Span::styled(for_terminal(&code).into_owned(), theme.code()));
            }
            Event::SoftBreak => current.push(Span::raw(" ")),
            Event::HardBreak => flush(&mut lines, &mut current),
            Event::Rule => {
                flush(&mut lines, &mut current);
                lines.push(Line::from(Span::styled("────────", theme.dim())));
            }
            _ => {}
        }
    }
    flush(&mut lines, &mut current);
    while lines.first().is_some_and(|l| l.width() == 0) {
        lines.remove(0);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn renders_blocks() {
        let md = "# Title\n\nSome *text* with `code`.\n\n- one\n- two\n\n```python\nawait x\n```\n";
        let lines = plain(&render(md, &Theme::default()));
        assert_eq!(
            lines,
            vec![
                "Title",
                "",
                "Some text with code.",
                "",
                "• one",
                "• two",
                "",
                "  await x"
            ]
        );
    }
}
