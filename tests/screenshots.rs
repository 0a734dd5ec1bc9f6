//! Screenshots of the real UI for the README: the binary runs in a
//! pseudo-terminal, is driven with keys, and the vt100 screen is written to
//! `assets/*.svg` (a monospace grid, one absolutely placed glyph per cell, so
//! box-drawing characters line up whatever the font).
//!
//! Regenerate with `cargo test --test screenshots -- --ignored`.

#[path = "support/pty.rs"]
mod pty;

use asynclings::export::svg::{self, CELL_H, Cell, DARK, Grid};
use pty::Session;
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::time::Duration;

// ------------------------------------------------------ screen to SVG

/// The vt100 screen as the crate's SVG writer takes it, in the dark
/// terminal's colours.
fn screen_to_svg(screen: &vt100::Screen, title: &str) -> String {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let color = |c: vt100::Color, default: &str| match c {
        vt100::Color::Default => default.to_string(),
        vt100::Color::Idx(i) => DARK.indexed(i),
        vt100::Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
    };
    let mut cells = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            let cell = screen.cell(row, col).expect("a cell of the screen");
            let mut fg = color(cell.fgcolor(), DARK.foreground);
            let mut bg = color(cell.bgcolor(), DARK.background);
            if cell.inverse() {
                std::mem::swap(&mut fg, &mut bg);
            }
            let text = if cell.is_wide_continuation() || !cell.has_contents() {
                String::new()
            } else {
                cell.contents().to_string()
            };
            cells.push(Cell {
                text,
                fg,
                bg,
                bold: cell.bold(),
                italic: cell.italic(),
                underline: cell.underline(),
                dim: cell.dim(),
            });
        }
    }
    let grid = Grid {
        cols,
        rows,
        cells,
        palette: DARK,
    };
    svg::to_svg(&grid, title)
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
            DARK.ansi[1]
        )),
        "{svg}"
    );
    // "plain" in the default colour, after the blank cell.
    assert!(
        svg.contains(&format!(r#"fill="{}">plain</text>"#, DARK.foreground)),
        "{svg}"
    );
    // Bold text on a blue background, escaped.
    assert!(
        svg.contains(&format!(
            r#"width="33.6" height="{CELL_H}" fill="{}""#,
            DARK.ansi[4]
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
            r#"width="25.2" height="{CELL_H}" fill="{}""#,
            DARK.foreground
        )),
        "{svg}"
    );
    assert!(
        svg.contains(&format!(r#"fill="{}">inv</text>"#, DARK.background)),
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
    s.open_lesson(4, "blocking");
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
