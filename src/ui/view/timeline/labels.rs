//! The names written on a task's bar: its frames' names and what it waits
//! on, each cut to the columns it has.

use super::Scale;
use crate::engine::WaitOn;
use ratatui::text::Span;
use std::time::Duration;

/// `text` cut to `width` cells, ending in `…` when cut; a character that
/// is not one cell wide shows as `?`, so one character is one column.
pub fn fit(text: &str, width: usize) -> String {
    let narrow = text.chars().map(|c| {
        let mut b = [0; 4];
        if Span::raw(&*c.encode_utf8(&mut b)).width() == 1 {
            c
        } else {
            '?'
        }
    });
    if text.chars().count() <= width {
        return narrow.collect();
    }
    let mut out: String = narrow.take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Where each frame's name goes on its task's bar, up to the time shown:
/// `(first column, text)`, outer frames first so inner ones are drawn over
/// them. A frame gets its name when it spans at least 4 columns; the name
/// starts one column in and stops a column before the frame ends, shortened
/// to fit (see `bar_name`).
pub fn frame_labels(
    lane: &crate::ui::timeline::Lane,
    scale: &Scale,
    cols: usize,
    t: Duration,
) -> Vec<(usize, String)> {
    let mut spans: Vec<(usize, usize, usize, &str)> = Vec::new();
    for f in lane.frames.iter().take_while(|f| f.start <= t) {
        let from = scale.col(f.start);
        let to = scale
            .col(f.end.unwrap_or(t).min(t))
            .min(cols.saturating_sub(1));
        if from >= cols || to < from + 3 {
            continue;
        }
        spans.push((f.depth, from, to, &f.name));
    }
    spans.sort_by_key(|s| s.0);
    spans
        .into_iter()
        .map(|(_, from, to, name)| (from + 1, bar_name(name, to - from - 1)))
        .collect()
}

/// What the lane waits on at `t` when it waits on a queue or a lock
/// (`Queue.get (queue empty)`), escaped for the terminal.
pub fn sync_wait(lane: &crate::ui::timeline::Lane, t: Duration) -> Option<String> {
    match lane.segment_at(t).and_then(|s| s.on.as_ref()) {
        Some(WaitOn::Sync { what, .. }) => Some(crate::sanitize::for_terminal(what).into_owned()),
        _ => None,
    }
}

/// Where each wait on a queue or a lock is named on its task's bar, up to
/// the time shown: `(first column, text)` over the wait's own stretch, when
/// it spans at least 4 columns (cut to fit, as a frame's name is).
pub fn wait_labels(
    lane: &crate::ui::timeline::Lane,
    scale: &Scale,
    cols: usize,
    t: Duration,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for seg in lane.segments.iter().take_while(|s| s.start <= t) {
        let Some(WaitOn::Sync { what, .. }) = &seg.on else {
            continue;
        };
        let from = scale.col(seg.start);
        let to = scale
            .col(seg.end.unwrap_or(t).min(t))
            .min(cols.saturating_sub(1));
        if from >= cols || to < from + 3 {
            continue;
        }
        out.push((
            from + 1,
            fit(&crate::sanitize::for_terminal(what), to - from - 1),
        ));
    }
    out
}

/// A frame's name in `width` columns: whole if it fits, else without the
/// class (`__aenter__()`), then without the arguments (`fetch(…)`), then
/// cut (a special method without its underscores: `aent…`).
pub fn bar_name(name: &str, width: usize) -> String {
    let fits = |s: &str| s.chars().count() <= width;
    let (head, args) = name.split_at(name.find('(').unwrap_or(name.len()));
    let method = head.rsplit('.').next().unwrap_or(head);
    let no_args = if args.len() > 2 { "(…)" } else { args };
    let candidates = [
        name.to_string(),
        format!("{method}{args}"),
        format!("{head}{no_args}"),
        format!("{method}{no_args}"),
        method.to_string(),
    ];
    // `__aenter__` and `__aexit__` differ in their first letters.
    let bare = method.trim_matches('_');
    match candidates.iter().find(|c| fits(c)) {
        Some(c) => fit(c, width),
        None => fit(bare, width),
    }
}

#[cfg(test)]
mod tests {
    use super::bar_name;

    #[test]
    fn frame_names_shrink_to_fit_the_bar() {
        assert_eq!(bar_name("fetch('users', 1)", 20), "fetch('users', 1)");
        assert_eq!(bar_name("fetch('users', 1)", 10), "fetch(…)");
        assert_eq!(bar_name("Conn.__aenter__()", 12), "__aenter__()");
        assert_eq!(
            bar_name("Conn.__aexit__(None, None, None)", 12),
            "__aexit__(…)"
        );
        assert_eq!(bar_name("Conn.__aexit__(None, None, None)", 5), "aexit");
        assert_eq!(bar_name("Conn.__aenter__()", 5), "aent…");
    }
}
