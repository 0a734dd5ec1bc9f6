//! Screenshots of the real UI for the README: the binary runs in a
//! pseudo-terminal, is driven with keys, and the vt100 screen is written to
//! `assets/*.svg` (a monospace grid, one absolutely placed glyph per cell, so
//! box-drawing characters line up whatever the font).
//!
//! Regenerate with `cargo test --test screenshots -- --ignored`.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::fmt::Write as _;
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::time::Duration;

// ---------------------------------------------------------------- SVG writer

/// Font size, cell width and row height in pixels. Monospace fonts advance
/// about 0.6 em; the row height leaves box-drawing verticals touching.
const FONT_SIZE: f64 = 14.0;
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
/// Baseline of a row's glyphs, from the row's top.
const BASELINE: f64 = 13.0;
const PAD: f64 = 12.0;
const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d0d0d0";
const FONT: &str =
    "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

/// The 16 ANSI colours (a dark-terminal palette close to xterm's).
const ANSI: [&str; 16] = [
    "#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
    "#707880", "#ff7b7b", "#d0e07a", "#ffd787", "#9cc4ef", "#d7a8e0", "#a3e0d8", "#ffffff",
];

fn color(c: vt100::Color, default: &str) -> String {
    match c {
        vt100::Color::Default => default.to_string(),
        vt100::Color::Idx(i) if i < 16 => ANSI[i as usize].to_string(),
        vt100::Color::Idx(i) if i < 232 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(i / 36),
                level((i / 6) % 6),
                level(i % 6)
            )
        }
        vt100::Color::Idx(i) => {
            let g = 8 + 10 * (i - 232);
            format!("#{g:02x}{g:02x}{g:02x}")
        }
        vt100::Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
    }
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

fn escape(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Renders the whole screen: a dark backdrop, a `<rect>` for each run of
/// cells with a non-default background, and a `<text>` for each run of
/// glyphs with the same look, every glyph placed at its own cell's x.
fn screen_to_svg(screen: &vt100::Screen, title: &str) -> String {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let width = f64::from(cols) * CELL_W + 2.0 * PAD;
    let height = f64::from(rows) * CELL_H + 2.0 * PAD;
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
        r#"<rect width="{width}" height="{height}" rx="6" fill="{BACKGROUND}"/>"#
    )
    .unwrap();

    // Backgrounds.
    for row in 0..rows {
        let mut col = 0;
        while col < cols {
            let bg = cell_bg(screen, row, col);
            let start = col;
            while col < cols && cell_bg(screen, row, col) == bg {
                col += 1;
            }
            if let Some(bg) = bg {
                writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{CELL_H}" fill="{bg}"/>"#,
                    PAD + f64::from(start) * CELL_W,
                    PAD + f64::from(row) * CELL_H,
                    f64::from(col - start) * CELL_W,
                )
                .unwrap();
            }
        }
    }

    shapes(screen, &mut out);

    // Glyphs: runs of non-blank cells with the same look.
    for row in 0..rows {
        let y = PAD + f64::from(row) * CELL_H + BASELINE;
        let mut run: Option<(Look, Vec<(u16, String)>)> = None;
        for col in 0..=cols {
            let glyph = if col < cols {
                cell_glyph(screen, row, col)
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

/// The cell's background colour if it is not the backdrop (inverse video
/// counts).
fn cell_bg(screen: &vt100::Screen, row: u16, col: u16) -> Option<String> {
    let cell = screen.cell(row, col)?;
    let bg = if cell.inverse() {
        color(cell.fgcolor(), FOREGROUND)
    } else {
        color(cell.bgcolor(), BACKGROUND)
    };
    (bg != BACKGROUND).then_some(bg)
}

fn cell_fg(cell: &vt100::Cell) -> String {
    if cell.inverse() {
        color(cell.bgcolor(), BACKGROUND)
    } else {
        color(cell.fgcolor(), FOREGROUND)
    }
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
fn shapes(screen: &vt100::Screen, out: &mut String) {
    let (rows, cols) = screen.size();
    let mut paths: Vec<(String, String, String)> = Vec::new(); // colour, lines, blocks
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            let Some(shape) = drawn(cell.contents()) else {
                continue;
            };
            let fg = cell_fg(cell);
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

fn cell_glyph(screen: &vt100::Screen, row: u16, col: u16) -> Option<(Look, String)> {
    let cell = screen.cell(row, col)?;
    if cell.is_wide_continuation() || !cell.has_contents() {
        return None;
    }
    let text = cell.contents();
    if text.trim().is_empty() && !cell.underline() || drawn(text).is_some() {
        return None;
    }
    let look = Look {
        fg: cell_fg(cell),
        bold: cell.bold(),
        italic: cell.italic(),
        underline: cell.underline(),
        dim: cell.dim(),
    };
    Some((look, text.to_string()))
}

fn write_text(out: &mut String, y: f64, look: &Look, cells: &[(u16, String)]) {
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

#[test]
fn svg_writer_renders_text_and_colour() {
    let mut parser =
        vt100::Parser::new(NonZeroU16::new(2).unwrap(), NonZeroU16::new(20).unwrap(), 0);
    parser.process(
        "\x1b[31mred\x1b[0m plain ┌─\r\n\x1b[1;44m<b&>\x1b[0m \x1b[7minv\x1b[0m".as_bytes(),
    );
    let svg = screen_to_svg(parser.screen(), "test");
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.ends_with("</svg>\n"), "{svg}");
    assert!(svg.contains(r#"xml:space="preserve""#), "{svg}");
    // "red" in ANSI red, one glyph per cell.
    assert!(
        svg.contains(&format!(
            r#"<text x="12.0 20.4 28.8" y="25.0" fill="{}">red</text>"#,
            ANSI[1]
        )),
        "{svg}"
    );
    // "plain" in the default colour, after the blank cell.
    assert!(
        svg.contains(&format!(r#"fill="{FOREGROUND}">plain</text>"#)),
        "{svg}"
    );
    // Bold text on a blue background, escaped.
    assert!(
        svg.contains(&format!(
            r#"width="33.6" height="{CELL_H}" fill="{}""#,
            ANSI[4]
        )),
        "{svg}"
    );
    assert!(
        svg.contains(r#"font-weight="bold">&lt;b&amp;&gt;</text>"#),
        "{svg}"
    );
    // The corner and line are drawn, not written.
    assert!(!svg.contains('┌'), "{svg}");
    assert!(
        svg.contains(r#"<path d="M100.2 20.5H104.4M100.2 20.5V29.0M104.4 20.5H112.8""#),
        "{svg}"
    );
    // Inverse video: light background, dark glyphs.
    assert!(
        svg.contains(&format!(
            r#"width="25.2" height="{CELL_H}" fill="{FOREGROUND}""#
        )),
        "{svg}"
    );
    assert!(
        svg.contains(&format!(r#"fill="{BACKGROUND}">inv</text>"#)),
        "{svg}"
    );
}

// ------------------------------------------------------------ driving the UI

/// The real binary on the built-in lessons, with fresh progress and the
/// dark colour theme.
fn start(name: &str, cols: u16, rows: u16) -> Session {
    start_with(name, &[], cols, rows)
}

/// The real binary with these arguments, fresh progress and the dark
/// colour theme.
fn start_with(name: &str, args: &[&str], cols: u16, rows: u16) -> Session {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-screenshots-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("data");
    Session::spawn(
        dir.clone(),
        args,
        &[
            ("ASYNCLINGS_DATA_DIR", data.to_str().unwrap()),
            ("ASYNCLINGS_THEME", "dark"),
        ],
        &["NO_COLOR", "COLORFGBG"],
        (cols, rows),
    )
}

trait Shots {
    fn open_lesson(&mut self, number: usize, title: &str);
    fn run_for(&mut self, after: Duration);
    fn save(&self, name: &str, title: &str);
}

impl Shots for Session {
    /// Opens the lesson at this position in the list (1-based).
    fn open_lesson(&mut self, number: usize, title: &str) {
        self.wait_for("↑/↓ move  Enter open");
        for _ in 1..number {
            self.press("j");
        }
        self.press("\r");
        self.wait_for(title);
        self.wait_for("■ ready");
    }

    /// Starts the demo and waits until it has run for `after` of real time
    /// (virtual time at speed 1).
    fn run_for(&mut self, after: Duration) {
        self.press(" ");
        if !self.screen().contains("▶ running") {
            // The first Space offers the lesson's quiz: skip it, then run.
            self.press("\x1b");
            self.send(" ");
        }
        self.wait_for("▶ running");
        std::thread::sleep(after);
    }

    fn save(&self, name: &str, title: &str) {
        let svg = screen_to_svg(self.parser.lock().unwrap().screen(), title);
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join(format!("{name}.svg"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        eprintln!("wrote {}", path.display());
    }
}

const GATHER_TITLE: &str = "gather: wait for several things at once";

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn lesson_list() {
    let mut s = start("list", 160, 48);
    s.wait_for("↑/↓ move  Enter open");
    s.press("");
    s.save("lesson-list", "asynclings: the lesson list");
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn gather_running_and_finished() {
    let mut s = start("gather", 160, 48);
    s.open_lesson(5, GATHER_TITLE);
    s.run_for(Duration::from_millis(1300));
    s.save(
        "gather-running",
        "asynclings: the gather lesson mid-run, waits overlapping",
    );
    s.wait_for("✓ finished");
    std::thread::sleep(Duration::from_millis(300));
    s.save("gather-finished", "asynclings: the gather lesson finished");
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn blocking_running() {
    let mut s = start("blocking", 160, 48);
    s.open_lesson(3, "blocking");
    // The blocker holds the thread from t=0.5 to t=2.5.
    s.run_for(Duration::from_millis(1600));
    s.save(
        "blocking-running",
        "asynclings: the blocking lesson mid-run, every task row stalled",
    );
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn lesson_small_terminal() {
    let mut s = start("small", 80, 24);
    s.open_lesson(5, "gather");
    s.run_for(Duration::from_millis(1300));
    s.save(
        "lesson-80x24",
        "asynclings: the gather lesson in an 80x24 terminal",
    );
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn await_frames() {
    let mut s = start("frames", 160, 48);
    s.open_lesson(2, "await: one thing after another");
    // Inside the second fetch: one task row, both fetches drawn on it.
    s.run_for(Duration::from_millis(2000));
    s.save(
        "await-frames",
        "asynclings: the await lesson, one task whose frames are the awaited coroutines",
    );
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn ten_thousand_tasks() {
    let program = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/programs/tasks__ten_thousand_waves.py"
    );
    let mut s = start_with("strip", &[program], 160, 48);
    s.wait_for("Ten thousand tasks in ten waves");
    s.press("++++");
    s.run_for(Duration::from_millis(100));
    s.wait_for("✓ finished");
    // Jump to the busiest moment.
    s.press("b");
    std::thread::sleep(Duration::from_millis(300));
    s.save(
        "ten-thousand-tasks",
        "asynclings: 10,000 tasks, the strip counting them at the busiest moment",
    );
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn presentation_layout() {
    let mut s = start("present", 160, 48);
    s.open_lesson(5, GATHER_TITLE);
    // F twice: the code above the timeline, nothing else.
    s.press("FF");
    s.run_for(Duration::from_millis(1300));
    s.save(
        "present-code-timeline",
        "asynclings presenting: the gather lesson's code above its timeline, F cycles the zoom",
    );
}

#[test]
#[ignore = "writes assets/*.svg; run with cargo test --test screenshots -- --ignored"]
fn practice_exercise() {
    let work = std::env::temp_dir().join(format!(
        "asynclings-screenshots-practice-work-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&work);
    let args = ["practice", "5", "--work", work.to_str().unwrap()];
    let mut s = start_with("practice", &args, 160, 48);
    s.wait_for("busy at once (download(1)");
    // The first hint, as `h` shows it.
    s.press("h");
    s.wait_for("Hint 1");
    s.save(
        "practice-semaphore",
        "asynclings practice: the starter graded, a failed check pointing at the timeline",
    );
    let _ = std::fs::remove_dir_all(&work);
}
