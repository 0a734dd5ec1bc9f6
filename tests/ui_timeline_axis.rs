//! The timeline's names and axis: whole task names when there is room, and
//! a playhead that never garbles the axis labels.

use asynclings::engine::{Limits, run_headless};
use asynclings::lesson::python_lesson;
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

const PAGES: &str = r#"import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    return url


async def main():
    await asyncio.gather(
        fetch('/page/1', 3), fetch('/page/22', 9.5), fetch('/page/333', 16)
    )


asyncio.run(main())
"#;

fn app_at(t: f64) -> App {
    let lesson = python_lesson("pages.py", PAGES).expect("a valid program");
    let report = run_headless(lesson.script(), &Limits::default());
    let mut app = App::new(vec![lesson], Progress::default(), Theme::mono());
    app.open(0);
    let cut = Duration::from_secs_f64(t);
    let events: Vec<_> = report
        .events
        .iter()
        .filter(|e| e.time <= cut)
        .cloned()
        .collect();
    let l = app.lesson.as_mut().unwrap();
    l.load_events(&events, RunStatus::Paused);
    l.set_now(cut);
    app
}

fn screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn task_names_show_whole_at_every_size() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let rows = screen(&mut app_at(1.0), w, h);
        for name in [
            "fetch('/page/1', 3) #",
            "fetch('/page/22', 9.5) #",
            "fetch('/page/333', 16) #",
        ] {
            assert!(
                rows.iter().any(|r| r.contains(name)),
                "{name} is cut at {w}x{h}:\n{}",
                rows.join("\n")
            );
        }
    }
}

/// The numbers of the axis labels, checking each token is a tick, a
/// label, or the playhead beside them.
fn axis_labels(row: &str) -> Vec<f64> {
    let rest = row.split_once("virtual s").expect("the axis row").1;
    let mut labels = Vec::new();
    for token in rest.split_whitespace() {
        let t = token.trim_matches('▼').trim_start_matches('┊');
        let t = t.trim_matches('▼');
        if t.is_empty() {
            continue;
        }
        let n = t
            .strip_suffix('s')
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("a garbled axis label {token:?} in {row:?}"));
        labels.push(n);
    }
    labels
}

#[test]
fn the_playhead_never_overwrites_an_axis_label() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        for tenth in 0..=170 {
            let t = tenth as f64 / 10.0;
            let rows = screen(&mut app_at(t), w, h);
            let row = rows.iter().find(|r| r.contains("virtual s")).unwrap();
            let labels = axis_labels(row);
            assert!(labels.len() >= 2, "{row}");
            let step = labels
                .windows(2)
                .map(|p| p[1] - p[0])
                .fold(f64::INFINITY, f64::min);
            for pair in labels.windows(2) {
                let k = (pair[1] - pair[0]) / step;
                assert!(
                    pair[1] > pair[0] && (k - k.round()).abs() < 1e-6,
                    "at t={t} ({w}x{h}) the axis reads {row:?}"
                );
            }
        }
    }
}
