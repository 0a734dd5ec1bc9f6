//! What the UI shows when the progress file was damaged or cannot be
//! saved: a notice in the lesson list, an error in the status line.

use asynclings::lesson::{Lesson, load_file};
use asynclings::ui::app::{App, Msg};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn lesson() -> Lesson {
    load_file(Path::new("tests/reference/r02_gather.py")).expect("reference lesson")
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-ui-progress-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn draw(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_damaged_progress_file_is_reported_once_in_the_list() {
    let dir = scratch("damaged");
    let path = dir.join("progress.txt");
    let lesson = lesson();
    let mut bytes = format!("done {}\n", lesson.id).into_bytes();
    bytes.extend_from_slice(b"last gat\xffher\n");
    std::fs::write(&path, bytes).unwrap();
    let mut app = App::new(vec![lesson], Progress::load(Some(path)), Theme::mono());
    let screen = draw(&mut app, 200, 24);
    assert!(screen.contains("⚠ Progress file"), "{screen}");
    assert!(screen.contains("had 1 damaged line"), "{screen}");
    assert!(screen.contains("progress.txt.corrupt-"), "{screen}");
    // The record before the damaged line is kept.
    assert!(screen.contains("1 lesson, 1 done"), "{screen}");
    // Told once: the next key takes the notice away.
    app.update(Msg::key(KeyCode::Down));
    let screen = draw(&mut app, 200, 24);
    assert!(!screen.contains("⚠"), "{screen}");
    assert!(screen.contains("↑/↓ move  Enter open"), "{screen}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_failed_save_shows_in_the_status_line() {
    let dir = scratch("unsaved");
    // The data folder's place is taken by a file: no save can work, even
    // as root.
    std::fs::write(dir.join("data"), "").unwrap();
    let path = dir.join("data").join("progress.txt");
    let mut app = App::new(vec![lesson()], Progress::load(Some(path)), Theme::mono());
    app.open(0);
    let screen = draw(&mut app, 120, 30);
    let status = screen
        .lines()
        .rev()
        .find(|l| l.contains("■ ready"))
        .unwrap();
    assert!(
        status.contains("⚠ progress not saved: cannot write"),
        "{screen}"
    );
    assert!(
        !status.contains("Space"),
        "the warning takes the keys' place: {status}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
