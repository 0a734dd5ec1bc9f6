//! The practice screen on the real binary: opening an exercise copies its
//! starter, a save of the solution turns every check green within two
//! seconds, and a broken save shows its located error while the UI lives on.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::time::{Duration, Instant};

/// Waits for `text`, failing after `within`.
fn wait_within(s: &Session, text: &str, within: Duration) {
    let start = Instant::now();
    while start.elapsed() < within {
        if s.screen().contains(text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{text:?} not shown within {within:?}:\n{}", s.screen());
}

/// Writes `text` over `path` as an editor saves: a new file renamed over it.
fn save(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("py.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn saving_the_solution_passes_every_check_and_a_broken_save_is_located() {
    let dir = std::env::temp_dir().join(format!("asynclings-practice-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("data");
    let work_dir = dir.join("work");
    let args = ["practice", "5", "--work", work_dir.to_str().unwrap()];
    let mut s = Session::plain(dir.clone(), &args, (120, 40));
    let work = work_dir.join("05-semaphore.py");
    s.wait_for("Three downloads at a time");
    s.wait_for("the starter is copied to");
    s.wait_for("05-semaphore.py: edit it there");
    // The starter runs and fails, the failure pointing at the timeline.
    s.wait_for("at t=0 9 `download` tasks were busy at once");
    let starter = std::fs::read_to_string(&work).unwrap();
    assert_eq!(
        starter,
        include_str!("../exercises/05-semaphore/exercise.py")
    );
    assert!(!s.screen().contains("✓ all pass"), "{}", s.screen());
    // Hints come one at a time.
    s.press("h");
    s.wait_for("Hint 1");
    assert!(!s.screen().contains("Hint 2"), "{}", s.screen());

    save(&work, include_str!("../exercises/05-semaphore/solution.py"));
    wait_within(&s, "Checks ✓ all pass", Duration::from_secs(2));
    let screen = s.screen();
    assert!(!screen.contains('✗'), "{screen}");
    assert!(
        screen.contains("✓ exactly 3 `download` tasks busy at once"),
        "{screen}"
    );
    assert!(screen.contains("✓ uses a Semaphore"), "{screen}");

    // A save that does not parse: its located error, and the UI lives on.
    save(&work, "import asyncio\n\nasync def main(:\n    pass\n");
    wait_within(&s, "invalid syntax", Duration::from_secs(2));
    wait_within(&s, "05-semaphore.py:3:", Duration::from_secs(1));
    save(&work, include_str!("../exercises/05-semaphore/solution.py"));
    wait_within(&s, "Checks ✓ all pass", Duration::from_secs(2));

    // The reference solution, offered once every check passes.
    s.press("s");
    s.wait_for("Reference solution");
    s.press("q");
    // Back on the list, the exercise is marked done.
    s.press("q");
    let total = asynclings::practice::Exercises::built_in().exercises.len();
    s.wait_for(&format!("Practice: 1 of {total} exercises done"));
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let progress = std::fs::read_to_string(data.join("progress.txt")).unwrap();
    assert!(
        progress.contains("done practice/05-semaphore"),
        "{progress}"
    );

    // Opened again, the learner's file is kept as it is.
    let mut s = Session::plain(dir.clone(), &args, (120, 40));
    s.wait_for("is kept as it was");
    s.wait_for("Checks ✓ all pass");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}
