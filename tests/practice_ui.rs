//! The practice screens drawn on a test backend: the list's done marks,
//! a working file that is never overwritten, hints one at a time, and the
//! reference solution only once every check passes.

use asynclings::practice::Exercises;
use asynclings::ui::practice::state::{Practice, done_key};
use asynclings::ui::practice::view;
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn screen(p: &Practice) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| view::draw(f, p, &Theme::mono())).unwrap();
    let buf = terminal.backend().buffer();
    (0..40)
        .map(|y| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

fn press(p: &mut Practice, c: char) {
    p.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// Ticks until the grade on its way has arrived.
fn graded(p: &mut Practice) {
    let start = Instant::now();
    while p
        .open
        .as_ref()
        .is_some_and(|o| o.grading || o.graded.is_none() && o.error.is_none())
    {
        p.tick();
        assert!(start.elapsed() < Duration::from_secs(20), "no grade");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-practice-ui-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_list_marks_done_exercises() {
    let set = Exercises::built_in();
    let mut progress = Progress::default();
    progress.done.insert(done_key(&set.exercises[1].id));
    let total = set.exercises.len();
    let p = Practice::new(set.exercises, progress, scratch("list"));
    let s = screen(&p);
    assert!(
        s.contains(&format!("Practice: 1 of {total} exercises done")),
        "{s}"
    );
    assert!(s.contains("✓  2  The save that never happened"), "{s}");
    assert!(s.contains("    1  Three fetches at once"), "{s}");
}

#[test]
fn an_exercise_keeps_the_learners_file_shows_hints_and_offers_the_solution_once_passed() {
    let work = scratch("open");
    std::fs::create_dir_all(&work).unwrap();
    let set = Exercises::built_in();
    let ex = set.exercises[0].clone();
    // The learner's file is there already: it is graded, not replaced.
    let file = work.join(format!("{}.py", ex.id));
    std::fs::write(&file, &ex.solution).unwrap();
    let mut p = Practice::new(set.exercises, Progress::default(), work.clone());
    p.open_exercise(0);
    assert!(screen(&p).contains("is kept as it was"));
    graded(&mut p);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ex.solution);
    let s = screen(&p);
    assert!(
        s.contains("✓ every check passes: s compares with the reference solution"),
        "{s}"
    );
    assert!(s.contains("Checks ✓ all pass, run ended at t=1"), "{s}");
    assert!(p.progress.done.contains(&done_key(&ex.id)));
    // Hints one at a time, then no more.
    assert!(!s.contains("Hint 1"), "{s}");
    press(&mut p, 'h');
    let s = screen(&p);
    assert!(s.contains("Hint 1") && !s.contains("Hint 2"), "{s}");
    press(&mut p, 'h');
    press(&mut p, 'h');
    assert!(screen(&p).contains("no more hints"));
    press(&mut p, 's');
    assert!(screen(&p).contains("Reference solution"));
    // The next exercise starts from its starter, which fails a check.
    press(&mut p, 'q');
    press(&mut p, 'n');
    graded(&mut p);
    let next = work.join(format!("{}.py", p.exercises[1].id));
    assert_eq!(
        std::fs::read_to_string(&next).unwrap(),
        p.exercises[1].starter
    );
    let s = screen(&p);
    assert!(
        s.contains("✗ awaits every coroutine and every failing task"),
        "{s}"
    );
    assert!(
        s.contains("the coroutine save() made at line 11 was never"),
        "{s}"
    );
    press(&mut p, 's');
    assert!(screen(&p).contains("the reference solution opens once every check passes"));
    // A broken save: its located error, the last timeline kept.
    std::fs::write(&next, "async def main(:\n").unwrap();
    p.regrade();
    graded(&mut p);
    let s = screen(&p);
    assert!(s.contains("✗ your file does not load:"), "{s}");
    assert!(s.contains("1 │ async def main(:"), "{s}");
    assert!(s.contains("invalid syntax"), "{s}");
    assert!(
        s.contains("(the timeline below is from the last file that loaded)"),
        "{s}"
    );
    let _ = std::fs::remove_dir_all(&work);
}
