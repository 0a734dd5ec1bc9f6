//! `random` without a seed: the run picks one, says it on stderr, and
//! `--seed N` replays the run exactly, drawing what CPython draws after
//! `random.seed(N)`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = "\
import asyncio
import random


async def main():
    print(random.randint(1, 10**6), random.random(), random.choice('abcdef'))
    deck = list(range(10))
    random.shuffle(deck)
    print(deck)


asyncio.run(main())
";

fn asynclings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the temporary program is written");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_unseeded_run_names_its_seed_and_the_seed_replays_it_as_cpython_draws() {
    let dir = std::env::temp_dir().join(format!("asynclings-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let program = write(&dir, "unseeded.py", PROGRAM);
    let program = program.to_str().expect("a UTF-8 path");

    let first = asynclings(&["run", program, "--headless"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stderr = text(&first.stderr);
    let seed = stderr
        .lines()
        .find_map(|l| l.strip_prefix("random seed: "))
        .unwrap_or_else(|| panic!("no seed on stderr: {stderr}"))
        .to_string();

    let replay = asynclings(&["run", program, "--headless", "--seed", &seed]);
    assert!(replay.status.success(), "{}", text(&replay.stderr));
    assert_eq!(text(&replay.stdout), text(&first.stdout));
    assert!(
        !text(&replay.stderr).contains("random seed"),
        "a given seed is not reported again: {}",
        text(&replay.stderr)
    );

    let seeded = PROGRAM.replace(
        "async def main():\n",
        &format!("async def main():\n    random.seed({seed})\n"),
    );
    let seeded = write(&dir, "seeded.py", &seeded);
    let cpython = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/virtual_clock.py"))
        .arg(&seeded)
        .output()
        .expect("python3 runs");
    assert_eq!(text(&cpython.stdout), text(&first.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_seed_must_be_a_number() {
    let out = asynclings(&["run", "1", "--headless", "--seed", "x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// The lesson screen after the program at `path` has run to its end.
fn screen_after_run(path: &Path) -> String {
    use asynclings::ui::app::{App, Msg, RunStatus};
    use asynclings::ui::progress::Progress;
    use asynclings::ui::theme::Theme;
    use crossterm::event::KeyCode;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let lesson = asynclings::lesson::load_file(path).expect("the program loads");
    let mut app = App::new(vec![lesson], Progress::load(None), Theme::mono());
    app.open(0);
    app.update(Msg::key(KeyCode::Char('r')));
    let start = std::time::Instant::now();
    while !matches!(
        app.lesson.as_ref().map(|l| &l.status),
        Some(RunStatus::Finished(_))
    ) {
        assert!(start.elapsed().as_secs() < 60, "the run does not end");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.update(Msg::Tick);
    }
    app.update(Msg::Resize(200, 40));
    let mut terminal = Terminal::new(TestBackend::new(200, 40)).expect("a test terminal");
    terminal
        .draw(|f| asynclings::ui::view::draw(f, &app))
        .expect("the screen draws");
    terminal.backend().to_string()
}

#[test]
fn the_lesson_screen_names_the_seed_of_an_unseeded_run() {
    let dir = std::env::temp_dir().join(format!("asynclings-seed-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let unseeded = write(&dir, "unseeded.py", PROGRAM);
    let screen = screen_after_run(&unseeded);
    let status = screen
        .lines()
        .find(|l| l.contains("finished"))
        .unwrap_or_else(|| panic!("no status line:\n{screen}"));
    let seed = status
        .split("seed ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no seed in the status line: {status}"));
    assert!(seed.parse::<u64>().is_ok(), "{status}");
    assert!(
        status.contains(&format!("(replay with --seed {seed})")),
        "{status}"
    );
    // The seed it names replays the run: the same printed lines.
    let replay = asynclings(&[
        "run",
        unseeded.to_str().unwrap(),
        "--headless",
        "--seed",
        seed,
    ]);
    let drawn = text(&replay.stdout);
    let first_line = drawn.lines().next().expect("a printed line");
    let shown = first_line.trim_start_matches("[t=0] ");
    assert!(
        screen.contains(shown),
        "{shown} is not on the screen:\n{screen}"
    );

    let seeded = write(
        &dir,
        "seeded.py",
        &PROGRAM.replace(
            "async def main():\n",
            "async def main():\n    random.seed(7)\n",
        ),
    );
    let screen = screen_after_run(&seeded);
    assert!(!screen.contains("replay with"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}
