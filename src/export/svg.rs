//! A grid of character cells (a terminal screen) as an SVG picture: a
//! monospace grid, one absolutely placed glyph per cell so box-drawing
//! characters line up whatever the font, borders and bars drawn as paths.
//!
//! The grid comes from anywhere: a ratatui buffer ([`Grid::from_buffer`],
//! the lesson screen drawn by the UI's view functions) or a terminal
//! emulator's screen (the README's screenshots).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;

/// Font size, cell width and row height in pixels. Monospace fonts advance
/// about 0.6 em; the row height leaves box-drawing verticals touching.
pub const FONT_SIZE: f64 = 14.0;
pub const CELL_W: f64 = 8.4;
pub const CELL_H: f64 = 17.0;
/// Baseline of a row's glyphs, from the row's top.
const BASELINE: f64 = 13.0;
pub const PAD: f64 = 12.0;
const FONT: &str =
    "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

/// The colours a terminal draws with: its backdrop, its default text, and
/// the 16 ANSI colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: &'static str,
    pub foreground: &'static str,
    pub ansi: [&'static str; 16],
}

/// A dark terminal (close to xterm's colours).
pub const DARK: Palette = Palette {
    background: "#1d1f21",
    foreground: "#d0d0d0",
    ansi: [
        "#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
        "#707880", "#ff7b7b", "#d0e07a", "#ffd787", "#9cc4ef", "#d7a8e0", "#a3e0d8", "#ffffff",
    ],
};

/// A light terminal: dark text on a white backdrop, colours deep enough
/// to read on a projector.
pub const LIGHT: Palette = Palette {
    background: "#ffffff",
    foreground: "#1d1f21",
    ansi: [
        "#1d1f21", "#b3261e", "#2e7d32", "#8a6d00", "#1f5fa8", "#8e3a9d", "#00796b", "#9e9e9e",
        "#5f6368", "#d93025", "#388e3c", "#a37f00", "#1a73e8", "#a142b5", "#00897b", "#ffffff",
    ],
};

impl Palette {
    /// The colour of xterm's 256-colour index `i`.
    pub fn indexed(&self, i: u8) -> String {
        match i {
            0..16 => self.ansi[i as usize].to_string(),
            16..232 => {
                let i = i - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                format!(
                    "#{:02x}{:02x}{:02x}",
                    level(i / 36),
                    level((i / 6) % 6),
                    level(i % 6)
                )
            }
            _ => {
                let g = 8 + 10 * (i - 232);
                format!("#{g:02x}{g:02x}{g:02x}")
            }
        }
    }

    /// A ratatui colour; `Reset` is `default`.
    pub fn color(&self, c: Color, default: &str) -> String {
        let named = |i: u8| self.ansi[i as usize].to_string();
        match c {
            Color::Reset => default.to_string(),
            Color::Black => named(0),
            Color::Red => named(1),
            Color::Green => named(2),
            Color::Yellow => named(3),
            Color::Blue => named(4),
            Color::Magenta => named(5),
            Color::Cyan => named(6),
            Color::Gray => named(7),
            Color::DarkGray => named(8),
            Color::LightRed => named(9),
            Color::LightGreen => named(10),
            Color::LightYellow => named(11),
            Color::LightBlue => named(12),
            Color::LightMagenta => named(13),
            Color::LightCyan => named(14),
            Color::White => named(15),
            Color::Indexed(i) => self.indexed(i),
            Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// One cell as drawn: its glyph (empty for the second half of a wide
/// character), colours (`#rrggbb`, inverse video already applied) and
/// modifiers.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub fg: String,
    pub bg: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub dim: bool,
}

/// A screen of cells, row by row.
#[derive(Clone, Debug)]
pub struct Grid {
    pub cols: u16,
    pub rows: u16,
    /// `rows * cols` cells.
    pub cells: Vec<Cell>,
    pub palette: Palette,
}

impl Grid {
    fn cell(&self, row: u16, col: u16) -> &Cell {
        &self.cells[row as usize * self.cols as usize + col as usize]
    }

    /// The cells of a ratatui buffer, in the palette's colours.
    pub fn from_buffer(buffer: &Buffer, palette: Palette) -> Grid {
        let area = buffer.area;
        let mut cells = Vec::with_capacity(area.area() as usize);
        let mut skip = 0;
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let c = &buffer[(x, y)];
                let mut fg = palette.color(c.fg, palette.foreground);
                let mut bg = palette.color(c.bg, palette.background);
                if c.modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                // The cells a wide glyph covers after its first are blank.
                let text = if skip > 0 {
                    skip -= usize::from(skip > 0);
                    String::new()
                } else {
                    skip = unicode_width(c.symbol()).saturating_sub(1);
                    c.symbol().to_string()
                };
                cells.push(Cell {
                    text,
                    fg,
                    bg,
                    bold: c.modifier.contains(Modifier::BOLD),
                    italic: c.modifier.contains(Modifier::ITALIC),
                    underline: c.modifier.contains(Modifier::UNDERLINED),
                    dim: c.modifier.contains(Modifier::DIM),
                });
            }
        }
        Grid {
            cols: area.width,
            rows: area.height,
            cells,
            palette,
        }
    }
}

fn unicode_width(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// How one cell's glyph is drawn.
#[derive(Clone, PartialEq)]
struct Look {
    fg: String,
    bold: bool,
    italic: bool,
    underline: bool,
    dim: bool,
}

/// Escapes text for XML; a character XML 1.0 forbids becomes a space.
fn escape(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Renders the whole grid: the backdrop, a `<rect>` for each run of cells
/// with a background other than the backdrop, paths for box-drawing
/// characters and full blocks, and a `<text>` for each run of glyphs with
/// the same look, every glyph placed at its own cell's x.
pub fn to_svg(grid: &Grid, title: &str) -> String {
    let (rows, cols) = (grid.rows, grid.cols);
    let width = f64::from(cols) * CELL_W + 2.0 * PAD;
    let height = f64::from(rows) * CELL_H + 2.0 * PAD;
    let background = grid.palette.background;
    let mut out = String::new();
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xml:space="preserve" font-family="{FONT}" font-size="{FONT_SIZE}">"#
    )
    .unwrap();
    out.push_str("<title>");
    escape(title, &mut out);
    out.push_str("</title>\n");
    writeln!(
        out,
        r#"<rect width="{width}" height="{height}" rx="6" fill="{background}"/>"#
    )
    .unwrap();

    // Backgrounds.
    let bg = |row: u16, col: u16| {
        let bg = &grid.cell(row, col).bg;
        (bg != background).then_some(bg)
    };
    for row in 0..rows {
        let mut col = 0;
        while col < cols {
            let this = bg(row, col);
            let start = col;
            while col < cols && bg(row, col) == this {
                col += 1;
            }
            if let Some(fill) = this {
                writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{CELL_H}" fill="{fill}"/>"#,
                    PAD + f64::from(start) * CELL_W,
                    PAD + f64::from(row) * CELL_H,
                    f64::from(col - start) * CELL_W,
                )
                .unwrap();
            }
        }
    }

    shapes(grid, &mut out);

    // Glyphs: runs of non-blank cells with the same look.
    for row in 0..rows {
        let y = PAD + f64::from(row) * CELL_H + BASELINE;
        let mut run: Option<(Look, Vec<(u16, &str)>)> = None;
        for col in 0..=cols {
            let glyph = if col < cols {
                glyph(grid.cell(row, col))
            } else {
                None
            };
            let continues = match (&run, &glyph) {
                (Some((look, _)), Some((l, _))) => look == l,
                _ => false,
            };
            if !continues && let Some((look, cells)) = run.take() {
                write_text(&mut out, y, &look, &cells);
            }
            if let Some((look, text)) = glyph {
                run.get_or_insert_with(|| (look, Vec::new()))
                    .1
                    .push((col, text));
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Characters drawn as shapes rather than glyphs, so that borders and bars
/// join up between cells whatever font the viewer has: the light box-drawing
/// lines as (left, right, up, down) arms from the cell's centre, and the full
/// block.
enum Shape {
    Lines(bool, bool, bool, bool),
    Block,
}

fn drawn(text: &str) -> Option<Shape> {
    let lines = |l, r, u, d| Some(Shape::Lines(l, r, u, d));
    match text {
        "─" => lines(true, true, false, false),
        "│" => lines(false, false, true, true),
        "┌" | "╭" => lines(false, true, false, true),
        "┐" | "╮" => lines(true, false, false, true),
        "└" | "╰" => lines(false, true, true, false),
        "┘" | "╯" => lines(true, false, true, false),
        "├" => lines(false, true, true, true),
        "┤" => lines(true, false, true, true),
        "┬" => lines(true, true, false, true),
        "┴" => lines(true, true, true, false),
        "┼" => lines(true, true, true, true),
        "█" => Some(Shape::Block),
        _ => None,
    }
}

/// Path data for the drawn characters, one path per colour.
fn shapes(grid: &Grid, out: &mut String) {
    let mut paths: Vec<(&str, String, String)> = Vec::new(); // colour, lines, blocks
    for row in 0..grid.rows {
        for col in 0..grid.cols {
            let cell = grid.cell(row, col);
            let Some(shape) = drawn(&cell.text) else {
                continue;
            };
            let fg = cell.fg.as_str();
            let i = match paths.iter().position(|(c, _, _)| *c == fg) {
                Some(i) => i,
                None => {
                    paths.push((fg, String::new(), String::new()));
                    paths.len() - 1
                }
            };
            let x = PAD + f64::from(col) * CELL_W;
            let y = PAD + f64::from(row) * CELL_H;
            let (cx, cy) = (x + CELL_W / 2.0, y + CELL_H / 2.0);
            match shape {
                Shape::Lines(l, r, u, d) => {
                    let d_ = &mut paths[i].1;
                    if l || r {
                        let x0 = if l { x } else { cx };
                        let x1 = if r { x + CELL_W } else { cx };
                        write!(d_, "M{x0:.1} {cy:.1}H{x1:.1}").unwrap();
                    }
                    if u || d {
                        let y0 = if u { y } else { cy };
                        let y1 = if d { y + CELL_H } else { cy };
                        write!(d_, "M{cx:.1} {y0:.1}V{y1:.1}").unwrap();
                    }
                }
                Shape::Block => {
                    write!(paths[i].2, "M{x:.1} {y:.1}h{CELL_W}v{CELL_H}h-{CELL_W}z").unwrap();
                }
            }
        }
    }
    for (fg, lines, blocks) in paths {
        if !lines.is_empty() {
            writeln!(
                out,
                r#"<path d="{lines}" stroke="{fg}" stroke-width="1.2" fill="none"/>"#
            )
            .unwrap();
        }
        if !blocks.is_empty() {
            writeln!(out, r#"<path d="{blocks}" fill="{fg}"/>"#).unwrap();
        }
    }
}

/// The look and text of a cell that shows a glyph.
fn glyph(cell: &Cell) -> Option<(Look, &str)> {
    let text = cell.text.as_str();
    if text.is_empty() || text.trim().is_empty() && !cell.underline || drawn(text).is_some() {
        return None;
    }
    let look = Look {
        fg: cell.fg.clone(),
        bold: cell.bold,
        italic: cell.italic,
        underline: cell.underline,
        dim: cell.dim,
    };
    Some((look, text))
}

fn write_text(out: &mut String, y: f64, look: &Look, cells: &[(u16, &str)]) {
    out.push_str("<text x=\"");
    for (i, (col, _)) in cells.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write!(out, "{:.1}", PAD + f64::from(*col) * CELL_W).unwrap();
    }
    write!(out, "\" y=\"{y:.1}\" fill=\"{}\"", look.fg).unwrap();
    if look.bold {
        out.push_str(" font-weight=\"bold\"");
    }
    if look.italic {
        out.push_str(" font-style=\"italic\"");
    }
    if look.underline {
        out.push_str(" text-decoration=\"underline\"");
    }
    if look.dim {
        out.push_str(" opacity=\"0.6\"");
    }
    out.push('>');
    for (_, text) in cells {
        escape(text, out);
    }
    out.push_str("</text>\n");
}
