//! The second half of the course in a real terminal: the task detail view
//! while a bounded queue is full, while a semaphore holds fetches back,
//! while tasks wait for a lock, and once a race's losers are cancelled.

#[path = "support/pty.rs"]
mod pty;

use pty::Session;
use std::time::{Duration, Instant};

/// Starts the UI on a built-in lesson file with the quiz offer skipped and
/// the run paused at its start.
fn start_paused(file: &str) -> Session {
    let name = file.trim_end_matches(".toml");
    let dir = pty::scratch(&format!("pty-course-{name}"));
    let path = format!("{}/lessons/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut s = Session::plain(dir.clone(), &[path.as_str()], (160, 48));
    s.wait_for("■ ready");
    s.press(" ");
    s.press("\x1b");
    s.press("----------");
    s.wait_for("0.1x");
    s.press(" ");
    s.press(" ");
    s.wait_for("⏸ paused");
    s
}

/// The virtual time in the status line (`t=1.2s`), the screen's last line.
fn status_time(s: &Session) -> f64 {
    let screen = s.screen();
    let status = screen.lines().last().unwrap_or("").to_string();
    status
        .split_whitespace()
        .find_map(|w| w.strip_prefix("t=")?.strip_suffix('s')?.parse().ok())
        .unwrap_or_else(|| panic!("no time in the status line: {status:?}"))
}

/// Steps (`s`), one moment at a time, to virtual time `t`.
fn step_to(s: &mut Session, t: f64) {
    while status_time(s) < t {
        let before = status_time(s);
        s.send("s");
        let start = Instant::now();
        while status_time(s) == before {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "a step did not move on from t={before}:\n{}",
                s.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    assert_eq!(status_time(s), t, "{}", s.screen());
    std::thread::sleep(Duration::from_millis(200));
}

/// Opens the detail view of the lane `downs` rows below the first, returns
/// its text and closes it again.
fn detail(s: &mut Session, downs: usize) -> String {
    s.press("\x1b[H");
    for _ in 0..downs {
        s.send("\x1b[B");
    }
    s.press("\r");
    s.wait_for("Task  Esc close");
    // A loaded machine may be caught mid-draw: read once it stands still.
    let mut screen = s.screen();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let again = s.screen();
        if again == screen {
            break;
        }
        screen = again;
    }
    s.press("\x1b");
    screen
}

fn quit(mut s: Session) {
    s.press("q");
    s.press("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_producer_waits_while_the_queue_is_full() {
    let mut s = start_paused("17-producer-consumer.toml");
    step_to(&mut s, 1.0);
    s.wait_for("[t=1] producer: queue full, order 5 waits");
    let main = detail(&mut s, 0);
    assert!(main.contains("#0 main(): a task"), "{main}");
    assert!(main.contains("producer(<Queue object>)"), "{main}");
    assert!(
        main.contains("at t=1: waiting on Queue.put (queue full)"),
        "{main}"
    );
    // The packers are busy packing, on their timers.
    for packer in [1, 2] {
        let screen = detail(&mut s, packer);
        assert!(screen.contains("at t=1: waiting on timer"), "{screen}");
    }
    // When the fast packer takes order 3, the put goes through.
    step_to(&mut s, 1.2);
    s.wait_for("[t=1.2] producer: order 5 queued (2 waiting)");
    let main = detail(&mut s, 0);
    assert!(!main.contains("at t=1.2: waiting on Queue.put"), "{main}");
    assert!(
        main.contains("t=1–1.2 waiting on Queue.put (queue full)"),
        "{main}"
    );
    quit(s);
}

/// How many of the twenty fetch lanes (rows 1 to 20) are waiting on their
/// request's timer, and how many wait for the semaphore.
fn fetches_by_state(s: &mut Session, t: &str) -> (usize, usize) {
    let (mut requesting, mut held_back) = (0, 0);
    for row in 1..=20 {
        let screen = detail(s, row);
        if screen.contains(&format!("at t={t}: waiting on timer")) {
            requesting += 1;
        }
        if screen.contains(&format!("at t={t}: waiting on Semaphore (0 of 3 free)")) {
            held_back += 1;
        }
    }
    (requesting, held_back)
}

#[test]
fn at_most_three_fetches_run_under_the_semaphore() {
    let mut s = start_paused("18-semaphore.toml");
    step_to(&mut s, 0.8);
    s.wait_for("[t=0.8] fetch 4: start (3 running)");
    // Fetch 1 is done, 2 to 4 are requesting, 16 are held back.
    assert_eq!(fetches_by_state(&mut s, "0.8"), (3, 16));
    step_to(&mut s, 2.4);
    s.wait_for("[t=2.4] fetch 10: start (3 running)");
    assert_eq!(fetches_by_state(&mut s, "2.4"), (3, 10));
    quit(s);
}

#[test]
fn the_lock_holder_and_its_waiters_show_in_the_detail_view() {
    let mut s = start_paused("19-locks.toml");
    step_to(&mut s, 0.3);
    s.wait_for("[t=0.3] without a lock: balance 10");
    // Rows 1 to 3 are the deposits without a lock, ended; 4 to 6 the
    // locked ones: alice holds the lock, bob and carol wait for it.
    let alice = detail(&mut s, 4);
    assert!(alice.contains("deposit_locked('alice', 10, 0.3"), "{alice}");
    assert!(alice.contains("at t=0.3: waiting on timer"), "{alice}");
    assert!(
        alice.contains("holds: Lock, awaited by #5 deposit_locked('bob'"),
        "{alice}"
    );
    assert!(alice.contains("#6 deposit_locked('carol'"), "{alice}");
    for (row, name) in [(5, "bob"), (6, "carol")] {
        let screen = detail(&mut s, row);
        assert!(
            screen.contains(&format!("deposit_locked('{name}'")),
            "{screen}"
        );
        assert!(
            screen.contains("at t=0.3: waiting on Lock (held by deposit_locked('alice'"),
            "{screen}"
        );
        assert!(!screen.contains("holds:"), "{screen}");
    }
    // Once alice is done, she holds nothing.
    step_to(&mut s, 0.6);
    s.wait_for("[t=0.6] alice: saw 0, wrote 10");
    let alice = detail(&mut s, 4);
    assert!(alice.contains("ended: done at t=0.6"), "{alice}");
    assert!(!alice.contains("holds:"), "{alice}");
    quit(s);
}

/// The last mark drawn on the timeline row labelled `label`.
fn lane_end(screen: &str, label: &str) -> char {
    let row = screen
        .lines()
        .find_map(|l| l.split_once(label).map(|(_, lane)| lane))
        .unwrap_or_else(|| panic!("no lane {label}:\n{screen}"));
    row.trim_end().chars().last().unwrap_or(' ')
}

#[test]
fn the_losers_of_a_race_show_as_cancelled() {
    let mut s = start_paused("26-racing.toml");
    step_to(&mut s, 0.7);
    s.wait_for("[t=0.7] main: lima was cancelled");
    // On the timeline, each lane ends in its task's fate.
    let screen = s.screen();
    assert_eq!(lane_end(&screen, "paris #1"), '✗', "{screen}");
    assert_eq!(lane_end(&screen, "tokyo #2"), '✓', "{screen}");
    assert_eq!(lane_end(&screen, "lima #3"), '✗', "{screen}");
    // Rows 1 to 3 are paris, tokyo and lima: tokyo won, the others were
    // cancelled when it answered, long before their own timers.
    let paris = detail(&mut s, 1);
    assert!(paris.contains("mirror('paris', 1.2)"), "{paris}");
    assert!(paris.contains("ended: cancelled at t=0.7"), "{paris}");
    let tokyo = detail(&mut s, 2);
    assert!(tokyo.contains("mirror('tokyo', 0.7)"), "{tokyo}");
    assert!(tokyo.contains("ended: done at t=0.7"), "{tokyo}");
    let lima = detail(&mut s, 3);
    assert!(lima.contains("mirror('lima', 2)"), "{lima}");
    assert!(lima.contains("ended: cancelled at t=0.7"), "{lima}");
    assert!(!lima.contains("ended: done"), "{lima}");
    quit(s);
}
