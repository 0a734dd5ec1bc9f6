//! Drawing one full lesson frame with 10, 100, 1000 and 10,000 lanes, and
//! highlighting a lesson's listings (done once per lesson and language).

use asynclings::engine::{Event, EventKind, LaneKind, WaitOn};
use asynclings::lesson::load_file;
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::highlight::{Lang, highlight_lines};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::Duration;

/// A run with `n` tasks sleeping different times, half of them done.
fn events(n: u32) -> Vec<Event> {
    let ev = |t: f64, lane: u32, kind: EventKind| Event {
        time: Duration::from_secs_f64(t),
        lane,
        stmt: Some(0),
        kind,
    };
    let mut out = vec![ev(
        0.0,
        0,
        EventKind::Created {
            kind: LaneKind::Task,
            call: "main()".into(),
            name: "Task-1".into(),
            named: false,
            parent: None,
        },
    )];
    for i in 1..n {
        out.push(ev(
            0.0,
            i,
            EventKind::Created {
                kind: LaneKind::Task,
                call: format!("worker({i})").into(),
                name: format!("Task-{}", i + 1).into(),
                named: false,
                parent: Some(0),
            },
        ));
    }
    for i in 1..n {
        out.push(ev(0.0, i, EventKind::Polled));
        let deadline = Duration::from_secs_f64(f64::from(i % 20) * 0.5 + 0.5);
        out.push(ev(
            0.0,
            i,
            EventKind::Suspended {
                on: WaitOn::Timer { deadline },
            },
        ));
    }
    let mut ends: Vec<(f64, u32)> = (1..n).map(|i| (f64::from(i % 20) * 0.5 + 0.5, i)).collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (t, i) in ends.into_iter().filter(|(t, _)| *t <= 5.0) {
        out.push(ev(t, i, EventKind::Woken));
        out.push(ev(t, i, EventKind::Polled));
        out.push(ev(
            t,
            i,
            EventKind::Printed {
                text: format!("worker{i} done"),
            },
        ));
        out.push(ev(
            t,
            i,
            EventKind::Returned {
                value: "None".into(),
            },
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let lesson = load_file(Path::new("tests/reference/r02_gather.py")).expect("lesson");
    let mut group = c.benchmark_group("ui_frame");
    for n in [10u32, 100, 1000, 10_000] {
        let mut app = App::new(vec![lesson.clone()], Progress::default(), Theme::default());
        app.open(0);
        app.update(Msg::Resize(160, 48));
        let lesson_state = app.lesson.as_mut().expect("open");
        lesson_state.load_events(&events(n), RunStatus::Running);
        lesson_state.set_now(Duration::from_secs(5));
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                terminal.draw(|f| view::draw(f, &app)).expect("draw");
            })
        });
    }
    group.finish();
}

/// Highlighting a lesson's listing from scratch, per language: a short
/// program and the longest reference program with a full Rust listing.
fn highlight(c: &mut Criterion) {
    let mut group = c.benchmark_group("highlight_lesson");
    for file in ["r02_gather", "x03_expressions"] {
        let path = format!("tests/reference/{file}.py");
        let lesson = load_file(Path::new(&path)).expect("lesson");
        let mut app = App::new(vec![lesson], Progress::default(), Theme::default());
        app.open(0);
        let state = app.lesson.as_ref().expect("open");
        for lang in [Lang::Python, Lang::Rust] {
            let lines = &state.listing(lang).lines;
            let name = format!("{file}/{lang:?} ({} lines)", lines.len());
            group.bench_function(name, |b| {
                b.iter(|| highlight_lines(lines, lang, &app.theme));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, highlight);
criterion_main!(benches);
