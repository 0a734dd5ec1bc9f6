//! The real binary in a pseudo-terminal: open a lesson, run, pause, step,
//! quit, and check the terminal is given back (also on SIGTERM).

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::time::Duration;

/// The gather lesson: its demo is `tests/reference/r02_gather.py`.
const GATHER: &str = r#"title = "gather"
summary = "Two sleeps that overlap."
demo = "01-gather.py"
"#;

/// Starts the UI on a folder holding the gather lesson (with `extra`
/// appended to its file), with fresh progress and no colour.
fn start_with(name: &str, extra: &str) -> Session {
    let dir = std::env::temp_dir().join(format!("asynclings-ui-pty-{name}-{}", std::process::id()));
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(lessons.join("01-gather.toml"), format!("{GATHER}{extra}")).unwrap();
    std::fs::copy(
        "tests/reference/r02_gather.py",
        lessons.join("01-gather.py"),
    )
    .unwrap();
    Session::plain(
        dir.clone(),
        &["--lessons", lessons.to_str().unwrap()],
        (80, 24),
    )
}

fn start(name: &str) -> Session {
    start_with(name, "")
}

#[test]
fn open_run_pause_step_quit() {
    let mut s = start("keys");
    s.wait_for("asynclings — 1 lesson,");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    s.press("\r");
    s.wait_for("Two sleeps that overlap");
    s.wait_for("■ ready");
    // Slow down so the run is still going when paused.
    s.press("---");
    s.wait_for("0.1x");
    s.press(" ");
    s.wait_for("▶ running");
    s.press(" ");
    s.wait_for("⏸ paused");
    s.press("s");
    s.wait_for("slow started");
    s.press("?");
    s.wait_for("run / pause / resume");
    s.press("q");
    s.press("q");
    s.wait_for("↑/↓ move  Enter open");
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
    let progress = std::fs::read_to_string(s.dir.join("data/progress.txt")).unwrap();
    assert!(progress.contains("last gather"), "{progress}");
}

const QUIZ: &str = r#"
[[quiz]]
question = "Which line is printed first?"
choices = ["quick started", "slow started"]
from_run = "first_line"
explain = "gather starts its coroutines in argument order."
"#;

#[test]
fn predict_then_run_to_the_end_marks_done() {
    let mut s = start_with("done", QUIZ);
    s.wait_for("asynclings — 1 lesson,");
    s.press("\r");
    s.press("+++++");
    s.wait_for("10x");
    // The first Space offers the quiz; b predicts, Space runs.
    s.press(" ");
    s.wait_for("Predict, then run — quiz 1/1");
    s.wait_for("b  slow started");
    s.press("b");
    s.wait_for("Your prediction: b. Space runs the demo.");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("[t=2] slow finished");
    s.wait_for("✓ Right: b  slow started");
    s.wait_for("gather starts its coroutines in argument order.");
    let progress = std::fs::read_to_string(s.dir.join("data/progress.txt")).unwrap();
    assert!(progress.contains("quiz gather 0 1 right"), "{progress}");
    assert!(progress.contains("done gather"), "{progress}");
    // Enter after the last quiz closes the panel: the prose is back.
    s.press("\r");
    s.wait_for("Lesson  j/k scroll");
    s.press("q");
    s.wait_for("1 done");
    s.wait_for("gather quiz 1/1");
    s.press("q");
    s.wait_exit();
    s.assert_restored();
}

/// A signal ends the UI with the shell's status for it (128 + its number)
/// and gives the terminal back.
fn signal_mid_demo(name: &str, code: u32) {
    let mut s = start(&format!("sig{name}"));
    s.wait_for("asynclings — 1 lesson,");
    s.press("\r");
    s.press("---");
    s.press(" ");
    s.wait_for("▶ running");
    s.signal(name);
    let status = s.wait_exit();
    assert_eq!(status.signal(), None, "killed by SIG{name}: {status:?}");
    assert_eq!(status.exit_code(), code, "exit status after SIG{name}");
    s.assert_restored();
}

#[test]
fn sigterm_mid_demo_exits_143_and_restores_the_terminal() {
    signal_mid_demo("TERM", 143);
}

#[test]
fn sighup_mid_demo_exits_129_and_restores_the_terminal() {
    signal_mid_demo("HUP", 129);
}

#[test]
fn sigint_mid_demo_exits_130_and_restores_the_terminal() {
    signal_mid_demo("INT", 130);
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = start("ctrlc");
    s.wait_for("asynclings — 1 lesson,");
    s.press("\r");
    s.press(" ");
    s.wait_for("▶ running");
    // In raw mode Ctrl-C is a key, not a signal: it quits like `q`.
    s.press("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

/// Closing the terminal (a closed window, `tmux kill-session`, a dropped
/// SSH connection) ends the program; it used to read the dead terminal in a
/// loop forever.
#[test]
fn a_hung_up_terminal_ends_the_program() {
    let mut s = start("hangup");
    s.wait_for("asynclings — 1 lesson,");
    s.hang_up();
    // A generous deadline: the program notices at once.
    let status = s.wait_exit_within(std::time::Duration::from_secs(10));
    assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    assert_eq!(status.exit_code(), 129, "a hang-up exits as SIGHUP does");
}

/// The same while a demo animates the screen.
#[test]
fn a_hung_up_terminal_ends_a_running_demo() {
    let mut s = start("hangup-running");
    s.wait_for("asynclings — 1 lesson,");
    s.press("\r");
    s.press("---");
    s.press(" ");
    s.wait_for("▶ running");
    s.hang_up();
    let status = s.wait_exit_within(std::time::Duration::from_secs(10));
    assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    assert_eq!(status.exit_code(), 129, "a hang-up exits as SIGHUP does");
}

/// `asynclings prog.py` opens the lesson screen on the program itself: its
/// docstring as the prose, its source in the Python pane, and a run that
/// prints what it prints. A program that raises marks the line.
#[test]
fn a_python_file_opens_on_its_lesson_screen() {
    let dir = pty::scratch("ui-pty-py");
    let program = dir.join("countdown.py");
    std::fs::write(
        &program,
        "\"\"\"A countdown\n\nThree ticks, then a crash.\n\"\"\"\nimport asyncio\n\n\nasync def main():\n    for n in [3, 2, 1]:\n        await asyncio.sleep(0.1)\n        print('tick', n)\n    print(10 // 0)\n\n\nasyncio.run(main())\n",
    )
    .unwrap();
    let mut s = Session::plain(dir.clone(), &[program.to_str().unwrap()], (100, 30));
    s.wait_for("Three ticks, then a crash.");
    s.wait_for("async def main():");
    s.press(" ");
    s.wait_for("tick 1");
    s.wait_for("error: ZeroDivisionError: integer");
    s.wait_for("✗");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// A folder where one program is outside the subset opens with the others;
/// the list shows the broken file's report.
#[test]
fn a_broken_program_in_the_folder_is_listed_with_its_report() {
    let dir = std::env::temp_dir().join(format!("asynclings-ui-pty-broken-{}", std::process::id()));
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::copy(
        "tests/reference/r01_sequential.py",
        lessons.join("01-sequential.py"),
    )
    .unwrap();
    std::fs::write(
        lessons.join("02-web.py"),
        "import asyncio\nimport requests\n",
    )
    .unwrap();
    let mut s = Session::plain(
        dir.clone(),
        &["--lessons", lessons.to_str().unwrap()],
        (100, 30),
    );
    s.wait_for("asynclings — 1 lesson,");
    s.wait_for("1 file could not be loaded");
    s.wait_for("02-web.py:2:8: 'import requests' is not supported");
    s.press("q");
    assert!(s.wait_exit().success());
}

/// The virtual time the status line shows (`t=1.25s`), the last line of
/// the screen.
fn status_time(s: &Session) -> (f64, String) {
    let screen = s.screen();
    let status = screen.lines().last().unwrap_or("").to_string();
    let t = status
        .split_whitespace()
        .find_map(|w| w.strip_prefix("t=")?.strip_suffix('s')?.parse().ok())
        .unwrap_or_else(|| panic!("no time in the status line: {status:?}"));
    (t, status)
}

/// Starts the UI on the built-in blocking lesson (lesson 4).
fn start_blocking(name: &str, size: (u16, u16)) -> Session {
    let dir = pty::scratch(&format!("ui-pty-{name}"));
    Session::plain(
        dir.clone(),
        &[concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/lessons/04-blocking.toml"
        )],
        size,
    )
}

/// During lesson 3's `time.sleep(2)` the clock keeps running in real time
/// while the status line says who blocks the loop; pause holds the clock,
/// and a step goes to the block's end.
#[test]
fn a_blocking_call_is_animated_live() {
    let mut s = start_blocking("block", (100, 30));
    s.wait_for("asyncio.sleep versus time.sleep");
    // Skip the quiz offer, then run at 0.5x: the block takes 4 real seconds.
    s.press(" ");
    s.press("\x1b");
    s.press("-");
    s.wait_for("0.5x");
    s.press(" ");
    s.wait_for("[t=0.5] blocker: calling time.sleep(2)");
    s.wait_for("by blocker(): time.sleep(2) until t=2.5s");
    let mut samples = Vec::new();
    for _ in 0..4 {
        samples.push(status_time(&s));
        std::thread::sleep(Duration::from_millis(250));
    }
    for pair in samples.windows(2) {
        let ((a, _), (b, status)) = (&pair[0], &pair[1]);
        assert!(b > a, "the clock did not advance: {samples:?}");
        assert!(*b < 2.5, "past the block: {status}");
        assert!(status.contains("▓ blocked"), "{status}");
        assert!(
            status.contains("by blocker(): time.sleep(2) until t=2.5s"),
            "{status}"
        );
    }
    // The ▓ bars grow with the clock.
    let bars = |screen: &str| screen.matches('▓').count();
    let before = bars(&s.screen());
    std::thread::sleep(Duration::from_millis(300));
    assert!(bars(&s.screen()) > before, "{}", s.screen());
    // Pause: the clock stops inside the block.
    s.press(" ");
    s.wait_for("⏸ paused");
    std::thread::sleep(Duration::from_millis(100));
    let (paused, status) = status_time(&s);
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(status_time(&s).0, paused, "{status}");
    assert!(paused < 2.5, "{status}");
    assert!(!s.screen().contains("[t=2.5] blocker: block over"));
    // A step goes to the block's end and that instant's work.
    s.press("s");
    s.wait_for("[t=2.5] blocker: block over");
    s.wait_for("[t=2.5] tick 1 (due at t=1)");
    std::thread::sleep(Duration::from_millis(300));
    let (t, status) = status_time(&s);
    assert_eq!(t, 2.5, "{status}");
    assert!(status.contains("⏸ paused"), "{status}");
    assert!(!s.screen().contains("[t=3.5] tick 2"));
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// A listing as `show` prints it (as the code pane shows it).
fn listing(lesson: usize, lang: &str) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(["show", &lesson.to_string(), lang])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The rows inside the bordered pane titled `title`, as screen text.
fn pane(s: &Session, title: &str) -> Option<Vec<String>> {
    let parser = s.parser.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let text = |r: u16, from: u16, to: u16| -> String {
        (from..to)
            .filter_map(|c| screen.cell(r, c))
            .filter(|cell| !cell.is_wide_continuation())
            .map(|cell| match cell.contents() {
                "" => " ".to_string(),
                s => s.to_string(),
            })
            .collect()
    };
    for r in 0..rows {
        let line = text(r, 0, cols);
        let Some(at) = line.find(&format!("┌ {title}")) else {
            continue;
        };
        let left = line[..at].chars().count() as u16;
        let right =
            (left + 1..cols).find(|&c| screen.cell(r, c).is_some_and(|x| x.contents() == "┐"))?;
        let mut inner = Vec::new();
        for y in r + 1..rows {
            if screen.cell(y, left).is_some_and(|x| x.contents() == "└") {
                return Some(inner);
            }
            inner.push(text(y, left + 1, right));
        }
    }
    None
}

/// Every line the pane shows, put together from its rows (`↪` marks a
/// row that goes on with the line above), is the whole source line.
fn check_pane(rows: &[String], source: &[String]) -> Result<usize, String> {
    let digits = source.len().to_string().len();
    let gutter = 2 + digits + 1;
    // Each line's rows; a row's trailing blanks are the pane's padding.
    let mut shown: Vec<(usize, Vec<String>)> = Vec::new();
    for row in rows {
        let chars: Vec<char> = row.chars().collect();
        if chars.len() < gutter {
            return Err(format!("row narrower than the gutter: {row:?}"));
        }
        let number: String = chars[2..2 + digits].iter().collect();
        let code: String = chars[gutter..].iter().collect();
        let code = code.trim_end().to_string();
        match number.trim() {
            "" => {
                if !code.is_empty() {
                    return Err(format!("a row without a number: {row:?}"));
                }
            }
            "↪" => match shown.last_mut() {
                Some(last) => last.1.push(code),
                None => return Err(format!("a continuation first: {row:?}")),
            },
            n => {
                let n: usize = n.parse().map_err(|_| format!("no line number: {row:?}"))?;
                shown.push((n, vec![code]));
            }
        }
    }
    for (n, pieces) in &shown {
        let want = source.get(n - 1).ok_or(format!("no line {n}"))?;
        // The rows are the source line in order, only blanks between them.
        let mut rest = want.as_str();
        for piece in pieces {
            let at = rest.find(piece.as_str());
            match at {
                Some(at) if rest[..at].trim().is_empty() => rest = &rest[at + piece.len()..],
                _ => {
                    return Err(format!(
                        "line {n} is cut:\n  shown  {pieces:?}\n  source {want:?}"
                    ));
                }
            }
        }
        if !rest.trim().is_empty() {
            return Err(format!(
                "line {n} is cut:\n  shown  {pieces:?}\n  source {want:?}"
            ));
        }
    }
    if shown.is_empty() {
        return Err("no line shown".into());
    }
    Ok(shown.len())
}

/// Checks the panes now on screen, retrying while the screen settles.
fn check_panes(s: &Session, panes: &[(&str, &[String])], what: &str) -> usize {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let result: Result<usize, String> = panes.iter().try_fold(0, |n, (title, source)| {
            let rows = pane(s, title).ok_or(format!("no {title} pane"))?;
            Ok(n + check_pane(&rows, source).map_err(|e| format!("{title}: {e}"))?)
        });
        match result {
            Ok(n) => return n,
            Err(e) if std::time::Instant::now() > deadline => {
                panic!("{what}: {e}\n{}", s.screen())
            }
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// No line of any built-in lesson's Python or Rust listing is cut at
/// 80x24 (one pane, Tab switches) or 160x48 (side by side), before the
/// run and while it steps (the pane follows the running line).
fn no_code_line_is_cut_at(size: (u16, u16)) {
    let dir = std::env::temp_dir().join(format!(
        "asynclings-ui-pty-wrap-{}x{}-{}",
        size.0,
        size.1,
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = Session::plain(dir.clone(), &[], size);
    s.wait_for("↑/↓ move  Enter open");
    s.press("\r");
    // The built-in lessons are the lesson files of `lessons/`.
    let count = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .count();
    assert!(count >= 16, "{count} lessons");
    let python_title = "Python (asyncio)";
    let rust_title = "Rust (Tokio)";
    let mut lines = 0;
    for k in 1..=count {
        s.wait_for(&format!(" lesson {k}/{count} "));
        let python = listing(k, "--python");
        let rust = listing(k, "--rust");
        let check = |s: &mut Session, when: &str| -> usize {
            let what = format!("lesson {k} at {}x{} {when}", size.0, size.1);
            if size.0 >= 160 {
                check_panes(s, &[(python_title, &python), (rust_title, &rust)], &what)
            } else {
                let n = check_panes(s, &[(python_title, &python)], &what);
                s.press("\t");
                let m = check_panes(s, &[(rust_title, &rust)], &what);
                s.press("\t");
                n + m
            }
        };
        lines += check(&mut s, "before the run");
        // Step a few moments in (a quiz offer is skipped).
        s.press("s");
        if s.screen().contains("Predict, then run") {
            s.press("\x1b");
            s.press("s");
        }
        for _ in 0..3 {
            s.press("s");
        }
        lines += check(&mut s, "stepping");
        s.press("n");
    }
    assert!(lines > count * 4, "only {lines} lines checked");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn no_code_line_is_cut_at_80x24() {
    no_code_line_is_cut_at((80, 24));
}

#[test]
fn no_code_line_is_cut_at_160x48() {
    no_code_line_is_cut_at((160, 48));
}

/// Starts the UI on the 10,000-task program of the corpus.
fn start_waves(name: &str, size: (u16, u16)) -> Session {
    let dir = pty::scratch(&format!("ui-pty-{name}"));
    Session::plain(
        dir.clone(),
        &[concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/programs/tasks__ten_thousand_waves.py"
        )],
        size,
    )
}

/// 10,000 tasks: the strip above the lanes counts them at the time shown,
/// `b` jumps to the busiest moment, `f` keeps the unfinished lanes and `/`
/// those whose name holds a text.
#[test]
fn ten_thousand_tasks_read_at_a_glance() {
    let mut s = start_waves("strip", (160, 48));
    s.wait_for("Ten thousand tasks in ten waves");
    s.press(" ");
    // While it runs, the strip counts the tasks so far.
    s.wait_for("wave 2 started: 3000 tasks");
    let screen = s.screen();
    assert!(screen.contains("▶ running"), "{screen}");
    for label in ["█run ", "▒ready ", "─wait ", "✓done "] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    s.press("+++++");
    s.wait_for("10x");
    s.wait_for("✓ finished");
    s.wait_for("all done: 10000 results, sum 45000");
    s.wait_for("✓done 10001");
    s.wait_for("─wait 0");
    s.wait_for("Timeline — 10001 tasks, one row each");
    // The busiest moment: at t=2 a wave starts while two older ones wake.
    s.press("b");
    s.wait_for("t=2s (scrub)");
    s.wait_for("█run 2001");
    // Waves 0 to 4 (and main) exist by then: 2,000 workers have ended.
    s.wait_for("─wait 3001");
    s.wait_for("✓done 2000");
    // Only the lanes still unfinished at t=2.
    s.press("f");
    s.wait_for("Timeline — 3001/10001 tasks (unfinished)");
    s.press("f");
    // Only the lanes whose name holds a text.
    s.press("/main");
    s.wait_for("Timeline — 1/10001 tasks (name ~ \"main▏\")");
    s.press("\r");
    s.wait_for("Timeline — 1/10001 tasks (name ~ \"main\")");
    s.press("\x1b");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

/// At 80x24 the strip takes two rows: tasks wanting the thread (running,
/// ready), and waiting and done.
#[test]
fn ten_thousand_tasks_at_80x24() {
    let mut s = start_waves("strip-small", (80, 24));
    s.wait_for("Ten thousand tasks in ten waves");
    s.press("+++++");
    s.wait_for("10x");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("█501 ▒0");
    s.wait_for("─0 ✓10001");
    s.press("b");
    s.wait_for("t=2s (scrub)");
    s.wait_for("█2001 ▒0");
    s.wait_for("─3001 ✓2000");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

/// Lesson 2 awaits two coroutines in a row: the timeline has one task lane
/// (main), whose bar names the coroutines it awaited, and the task view
/// shows `fetch` as a frame of that task, not a task of its own.
#[test]
fn lesson_2_shows_one_task_whose_frames_are_the_awaited_coroutines() {
    let dir = pty::scratch("ui-pty-frames");
    let mut s = Session::plain(dir.clone(), &[], (160, 48));
    s.wait_for("await: one thing after another");
    s.press("j");
    s.press("\r");
    s.wait_for("so sequential awaits add up");
    s.press("+++++");
    s.wait_for("10x");
    s.press(" ");
    s.wait_for("Predict, then run");
    s.press("\x1b");
    s.press(" ");
    s.wait_for("✓ finished");
    s.wait_for("Timeline — 1 task, one row each");
    s.wait_for("fetch('users', 1)");
    s.wait_for("fetch('orders', 2)");
    let screen = s.screen();
    // A lane's header ends in its id: `main() #0`.
    let lanes: Vec<&str> = screen
        .lines()
        .filter(|l| {
            l.match_indices(" #")
                .any(|(i, _)| l[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect();
    assert_eq!(lanes.len(), 1, "one task lane:\n{screen}");
    assert!(lanes[0].contains("main() #0"), "{screen}");
    // Back to t=1, when main is inside its second fetch.
    s.press("\x1b[D");
    s.wait_for("t=1s (scrub)");
    s.press("\r");
    s.wait_for("task: #0 main(): a task, named 'Task-1'");
    s.wait_for("stack: main() (the task's own coroutine)");
    s.wait_for("└ fetch('orders', 2) (coroutine, inside this task)");
    s.press("\x1b");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// At 80x24 during lesson 3's block, the real binary's status line keeps
/// the state, the clock, the speed, the blocking call and the key to press
/// next, with no hint cut in the middle.
#[test]
fn the_blocked_status_line_reads_at_80x24() {
    let mut s = start_blocking("block80", (80, 24));
    s.wait_for("asyncio.sleep versus time.sleep");
    s.press(" ");
    s.press("\x1b");
    s.press("-");
    s.wait_for("0.5x");
    s.press(" ");
    s.wait_for("time.sleep(2) until t=2.5s");
    let (t, status) = status_time(&s);
    assert!(t < 2.5, "{status}");
    for part in [
        "▓ blocked",
        "0.5x",
        "time.sleep(2) until t=2.5s",
        "Space pause",
    ] {
        assert!(status.contains(part), "{part:?} in {status:?}");
    }
    let hints = [
        "s step",
        "+/- speed",
        "r restart",
        "z frames",
        "? help",
        "q back",
    ];
    let tail = status.rsplit("Space pause").next().unwrap_or_default();
    for hint in tail.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
        assert!(hints.contains(&hint), "cut hint {hint:?} in {status:?}");
    }
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
