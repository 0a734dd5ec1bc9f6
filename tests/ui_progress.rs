//! What the UI shows when the progress file was damaged or cannot be
//! saved: a notice in the lesson list, an error in the status line; and,
//! in a real terminal, a progress file that is a named pipe, a link to
//! `/dev/zero` or a link to a file elsewhere.

#[path = "support/pty.rs"]
mod pty;

#[path = "support/screen.rs"]
mod screen;

use asynclings::lesson::{Lesson, load_file};
use asynclings::ui::app::{App, Msg};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use crossterm::event::KeyCode;
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
    screen::text(app, w, h)
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

/// Starts the real binary in a terminal on a folder holding the gather
/// lesson, with its data folder prepared by `prepare` (given that folder).
fn start_in_terminal(name: &str, prepare: impl FnOnce(&Path)) -> pty::Session {
    let dir = scratch(name);
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(
        lessons.join("01-gather.toml"),
        "title = \"gather\"\nsummary = \"Two sleeps that overlap.\"\ndemo = \"01-gather.py\"\n",
    )
    .unwrap();
    std::fs::copy(
        "tests/reference/r02_gather.py",
        lessons.join("01-gather.py"),
    )
    .unwrap();
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    prepare(&data);
    pty::Session::plain(dir, &["--lessons", lessons.to_str().unwrap()], (200, 24))
}

/// Opens the lesson (which saves it as the last one) and quits.
fn open_and_quit(s: &mut pty::Session) {
    s.press("\r");
    s.wait_for("Two sleeps that overlap");
    s.press("q");
    s.wait_for("↑/↓ move  Enter open");
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// The entries of `dir` whose names start with `prefix`.
fn entries_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    found
}

#[test]
fn a_named_pipe_as_progress_file_does_not_hang_the_start() {
    use std::os::unix::fs::FileTypeExt;
    let mut s = start_in_terminal("fifo", |data| {
        let fifo = data.join("progress.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
    });
    s.wait_for("asynclings — 1 lesson,");
    s.wait_for("⚠ Progress file");
    let screen = s.screen();
    assert!(
        screen.contains("it is a named pipe, not a regular file"),
        "{screen}"
    );
    assert!(screen.contains("it was moved to"), "{screen}");
    open_and_quit(&mut s);
    let data = s.dir.join("data");
    // The pipe is kept aside, and the progress is saved in a new file.
    let aside = entries_starting(&data, "progress.txt.corrupt-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(aside[0].symlink_metadata().unwrap().file_type().is_fifo());
    let saved = std::fs::read_to_string(data.join("progress.txt")).unwrap();
    assert!(saved.contains("last gather"), "{saved}");
}

#[test]
fn a_link_to_dev_zero_is_not_read_without_end() {
    let mut s = start_in_terminal("devzero", |data| {
        std::os::unix::fs::symlink("/dev/zero", data.join("progress.txt")).unwrap();
    });
    s.wait_for("asynclings — 1 lesson,");
    s.wait_for("⚠ Progress file");
    let screen = s.screen();
    assert!(
        screen.contains("it is a device, not a regular file"),
        "{screen}"
    );
    open_and_quit(&mut s);
    let data = s.dir.join("data");
    // The link is kept aside as it was; the progress goes to a new file.
    let aside = entries_starting(&data, "progress.txt.corrupt-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_link(&aside[0]).unwrap(),
        Path::new("/dev/zero")
    );
    let path = data.join("progress.txt");
    assert!(path.symlink_metadata().unwrap().file_type().is_file());
    let saved = std::fs::read_to_string(path).unwrap();
    assert!(saved.contains("last gather"), "{saved}");
}

#[test]
fn a_link_to_a_file_is_read_and_saved_through() {
    let mut s = start_in_terminal("link", |data| {
        let elsewhere = data.join("synced");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("mine.txt"), "done gather\nfuture-record 7\n").unwrap();
        std::os::unix::fs::symlink("synced/mine.txt", data.join("progress.txt")).unwrap();
    });
    s.wait_for("asynclings — 1 lesson, 1 done");
    assert!(!s.screen().contains("⚠"), "{}", s.screen());
    open_and_quit(&mut s);
    let data = s.dir.join("data");
    let link = data.join("progress.txt");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        Path::new("synced/mine.txt")
    );
    let saved = std::fs::read_to_string(data.join("synced/mine.txt")).unwrap();
    assert!(saved.contains("last gather"), "{saved}");
    assert!(saved.contains("done gather"), "{saved}");
    assert!(saved.contains("future-record 7"), "{saved}");
    assert!(entries_starting(&data, "progress.txt.corrupt-").is_empty());
    assert!(entries_starting(&data.join("synced"), ".mine.txt.tmp").is_empty());
}

/// Progress is keyed by lesson id, not by number: the ids the course has
/// shipped are all still there, and a progress file saved when blocking
/// was lesson 3 and tasks lesson 4 marks the same lessons after they
/// swapped places (so each is taught before it is used).
#[test]
fn progress_follows_a_lesson_to_its_new_number() {
    let lessons = asynclings::lesson::Lessons::built_in().lessons;
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    for shipped in [
        "coroutines",
        "await",
        "blocking",
        "tasks",
        "gather",
        "as-completed",
        "wait-for",
        "async-for",
        "async-iterators",
        "async-comprehensions",
        "loops",
        "async-with",
        "generators",
        "futures",
        "io",
        "cpu-bound",
        "producer-consumer",
        "semaphore",
        "locks",
        "signalling",
        "failures",
        "sync-and-async",
        "debugging",
    ] {
        assert!(ids.contains(&shipped), "{shipped} is gone: {ids:?}");
    }
    let number = |id: &str| lessons.iter().find(|l| l.id == id).and_then(|l| l.number);
    assert_eq!((number("tasks"), number("blocking")), (Some(3), Some(4)));

    let dir = scratch("renumbered");
    let path = dir.join("progress.txt");
    std::fs::write(
        &path,
        "version 1\ndone blocking\nquiz blocking 0 2 right\nlast blocking\n",
    )
    .unwrap();
    let mut app = App::new(lessons, Progress::load(Some(path)), Theme::mono());
    let screen = draw(&mut app, 120, 40);
    let row = |n: &str| {
        screen
            .lines()
            .find(|l| l.contains(n))
            .unwrap_or_else(|| panic!("no row {n}:\n{screen}"))
            .to_string()
    };
    let blocking = row(" 4  asyncio.sleep versus time.sleep");
    assert!(blocking.contains("✓"), "{screen}");
    let tasks = row(" 3  Tasks: create_task and tokio::spawn");
    assert!(!tasks.contains("✓"), "{screen}");
    assert!(screen.contains("1 done"), "{screen}");
    let _ = std::fs::remove_dir_all(dir);
}
