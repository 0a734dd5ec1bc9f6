//! The timeline's names and axis: whole task names when there is room, and
//! a playhead that never garbles the axis labels.

#[path = "support/screen.rs"]
mod screen;

use asynclings::ui::app::App;

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
    screen::paused_at("pages.py", PAGES, t)
}

#[test]
fn task_names_show_whole_at_every_size() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let rows = screen::rows(&mut app_at(1.0), w, h);
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
            let rows = screen::rows(&mut app_at(t), w, h);
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
