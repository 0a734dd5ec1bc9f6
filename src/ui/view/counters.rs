//! The counter rows under the timeline's lanes: one per queue (its size)
//! and semaphore (its free permits), a bar of block glyphs on the time
//! axis and the value at the time shown after its name
//! (`Queue 'queue' 1/2  ▁▂█▂·`). None when the run has no such primitive.

use super::timeline::{Scale, fit};
use crate::ui::theme::Theme;
use crate::ui::timeline::Timeline;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::time::Duration;

/// The glyphs of a value from an eighth of the row's top to all of it.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// How many counter rows to draw when `rows` rows are free for lanes and
/// counters and the lanes want `lanes` of them: every counter, in the rows
/// the lanes leave, else in up to a third of the rows; a lane keeps at
/// least one row.
pub fn height(tl: &Timeline, rows: u16, lanes: usize) -> u16 {
    let n = tl.counters.list.len().min(u16::MAX as usize) as u16;
    let lanes = lanes.min(u16::MAX as usize) as u16;
    let spare = rows.saturating_sub(lanes);
    let most = if lanes > 0 {
        rows.saturating_sub(1)
    } else {
        rows
    };
    n.min(spare.max(rows / 3)).min(most)
}

/// The glyph for `value` on a row whose full height stands for `top`: a
/// dot for 0, else the eighth it reaches (at least the lowest).
pub fn glyph(value: i64, top: i64) -> char {
    if value <= 0 {
        return '·';
    }
    let eighths = (value * 8 + top - 1) / top.max(1);
    LEVELS[(eighths.clamp(1, 8) - 1) as usize]
}

/// Draws the first `area.height` counters: the name and value in the
/// names' column, the bar from `x0` over `cols` columns up to `t`.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    tl: &Timeline,
    scale: &Scale,
    x0: u16,
    cols: u16,
    name_w: u16,
    t: Duration,
    theme: &Theme,
) {
    for (row, c) in tl
        .counters
        .list
        .iter()
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + row as u16;
        let Some(&(born, _)) = c.samples.first() else {
            continue;
        };
        if born > t {
            continue;
        }
        let value = format!(" {}", c.value_text(t));
        let room = (name_w as usize).saturating_sub(1 + value.chars().count());
        let label = fit(
            &format!("{}{value}", fit(&c.name, room)),
            name_w as usize - 1,
        );
        buf.set_string(area.x, y, &label, theme.accent());
        let top = c.top();
        let last = scale.col(t).min(cols.saturating_sub(1) as usize);
        for col in scale.col(born).min(last)..=last {
            let from = Duration::from_secs_f64(col as f64 * scale.per_col).max(born);
            let to = Duration::from_secs_f64((col + 1) as f64 * scale.per_col);
            let to = if col == last {
                t + Duration::from_nanos(1)
            } else {
                to
            };
            let Some(v) = c.peak_in(from, to) else {
                continue;
            };
            if let Some(cell) = buf.cell_mut((x0 + col as u16, y)) {
                let style = if v > 0 { theme.accent() } else { theme.dim() };
                cell.set_char(glyph(v, top)).set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::glyph;

    #[test]
    fn a_value_is_drawn_by_the_eighth_of_the_top_it_reaches() {
        assert_eq!(glyph(0, 2), '·');
        assert_eq!(glyph(1, 2), '▄');
        assert_eq!(glyph(2, 2), '█');
        assert_eq!(glyph(1, 100), '▁');
        assert_eq!(glyph(3, 3), '█');
    }
}
