//! Snapshots of the UI drawn into a ratatui TestBackend.

#[path = "support/screen.rs"]
mod screen;

use asynclings::engine::{Limits, Outcome, run_headless};
use asynclings::lesson::{Lesson, load_file};
use asynclings::ui::app::{App, Msg, RunStatus};
use asynclings::ui::progress::Progress;
use asynclings::ui::theme::Theme;
use asynclings::ui::view;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::Duration;

fn gather() -> Lesson {
    let mut l = load_file(Path::new("tests/reference/r02_gather.py")).expect("reference program");
    l.id = "gather".into();
    l.title = "gather".into();
    l.summary = "Two sleeps that overlap.".into();
    l.number = Some(5);
    l.text = "# Running together\n\n`gather` runs *both* coroutines at once:\n\n- `slow` sleeps 2 s\n- `quick` sleeps 1 s\n\nSo the whole thing takes **2 s**, not 3.\n\n```python\nawait asyncio.gather(a(), b())\n```\n".into();
    l
}

fn lessons() -> Vec<Lesson> {
    let mut first = gather();
    first.id = "first".into();
    first.number = Some(1);
    first.title = "Coroutines".into();
    first.summary = "What `async def` makes.".into();
    let mut second = gather();
    second.id = "await".into();
    second.number = Some(2);
    second.title = "Await".into();
    second.summary = "Sequential awaits add up.".into();
    vec![first, second, gather()]
}

fn app() -> App {
    let mut progress = Progress::default();
    progress.done.insert("first".into());
    App::new(lessons(), progress, Theme::mono())
}

fn draw(app: &mut App, w: u16, h: u16) -> String {
    screen::text(app, w, h)
}

fn events_until(t: f64) -> (Vec<asynclings::engine::Event>, Outcome) {
    let report = run_headless(gather().script(), &Limits::default());
    let cut = Duration::from_secs_f64(t);
    let events = report
        .events
        .into_iter()
        .filter(|e| e.time <= cut)
        .collect();
    (events, report.outcome)
}

/// The app on the gather lesson with its run's events up to `t` virtual
/// seconds, in the status `status` gives for the run's outcome.
fn gather_at(t: f64, status: impl FnOnce(Outcome) -> RunStatus) -> App {
    let mut app = app();
    app.open(2);
    let (events, outcome) = events_until(t);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&events, status(outcome));
    app
}

#[test]
fn lesson_list() {
    let mut app = app();
    insta::assert_snapshot!("ui_list_80x24", draw(&mut app, 80, 24));
    app.update(Msg::key(KeyCode::Char('/')));
    for c in "awa".chars() {
        app.update(Msg::key(KeyCode::Char(c)));
    }
    insta::assert_snapshot!("ui_list_filtered_80x24", draw(&mut app, 80, 24));
}

#[test]
fn lesson_before_run() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app();
        app.open(2);
        insta::assert_snapshot!(format!("ui_lesson_before_{w}x{h}"), draw(&mut app, w, h));
    }
}

#[test]
fn lesson_during_run() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app();
        app.open(2);
        let (events, _) = events_until(1.0);
        let lesson = app.lesson.as_mut().unwrap();
        lesson.load_events(&events, RunStatus::Running);
        lesson.set_now(Duration::from_millis(1500));
        insta::assert_snapshot!(format!("ui_lesson_during_{w}x{h}"), draw(&mut app, w, h));
    }
}

#[test]
fn lesson_paused() {
    let mut app = gather_at(1.0, |_| RunStatus::Paused);
    insta::assert_snapshot!("ui_lesson_paused_80x24", draw(&mut app, 80, 24));
}

#[test]
fn lesson_after_run() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = gather_at(100.0, RunStatus::Finished);
        insta::assert_snapshot!(format!("ui_lesson_after_{w}x{h}"), draw(&mut app, w, h));
    }
}

#[test]
fn scrub_and_task_detail() {
    let mut app = gather_at(100.0, RunStatus::Finished);
    app.update(Msg::key(KeyCode::Left));
    assert_eq!(
        app.lesson.as_ref().unwrap().view_time(),
        Duration::from_secs(1)
    );
    app.update(Msg::key(KeyCode::Down));
    app.update(Msg::key(KeyCode::Enter));
    insta::assert_snapshot!("ui_task_detail_80x24", draw(&mut app, 80, 24));
}

#[test]
fn help_overlay() {
    let mut app = app();
    app.open(2);
    app.update(Msg::key(KeyCode::Char('?')));
    insta::assert_snapshot!("ui_help_80x24", draw(&mut app, 80, 24));
}

#[test]
fn too_small() {
    let mut app = app();
    insta::assert_snapshot!("ui_too_small_30x8", draw(&mut app, 30, 8));
    app.open(2);
    // Every size down to 20x5 draws without panicking.
    for w in 20..=90 {
        for h in 5..=30 {
            draw(&mut app, w, h);
        }
    }
}

#[test]
fn live_run_reaches_the_end() {
    let mut app = app();
    app.open(2);
    app.update(Msg::key(KeyCode::Char('+')));
    for _ in 0..4 {
        app.update(Msg::key(KeyCode::Char('+')));
    }
    app.update(Msg::key(KeyCode::Char(' ')));
    let start = std::time::Instant::now();
    let mut last = Duration::ZERO;
    while !matches!(app.lesson.as_ref().unwrap().status, RunStatus::Finished(_)) {
        assert!(start.elapsed() < Duration::from_secs(20), "run never ended");
        app.update(Msg::Tick);
        // The time shown is the run's own clock: it never goes back, and
        // never passes the end of the demo (2 s).
        let now = app.lesson.as_ref().unwrap().now;
        assert!(
            now >= last && now <= Duration::from_secs(2),
            "{last:?} {now:?}"
        );
        last = now;
        draw(&mut app, 80, 24);
        std::thread::sleep(Duration::from_millis(10));
    }
    let lesson = app.lesson.as_ref().unwrap();
    assert_eq!(lesson.status, RunStatus::Finished(Outcome::Finished));
    assert_eq!(lesson.timeline.output.len(), 5);
    assert!(app.progress.done.contains("gather"));
}

#[test]
fn many_lanes_scroll() {
    use asynclings::engine::{Event, EventKind, LaneKind, WaitOn};
    let ev = |t: f64, lane: u32, kind: EventKind| Event {
        time: Duration::from_secs_f64(t),
        lane,
        stmt: None,
        kind,
    };
    let mut events = Vec::new();
    for i in 0..40u32 {
        events.push(ev(
            0.0,
            i,
            EventKind::Created {
                kind: LaneKind::Task,
                call: format!("w({i})").into(),
                name: format!("Task-{}", i + 1).into(),
                named: false,
                parent: None,
            },
        ));
        events.push(ev(0.0, i, EventKind::Polled));
        events.push(ev(
            0.0,
            i,
            EventKind::Suspended {
                on: WaitOn::Timer {
                    deadline: Duration::from_secs(u64::from(i % 4) + 1),
                },
            },
        ));
    }
    let mut app = app();
    app.open(2);
    app.update(Msg::Resize(80, 24));
    let lesson = app.lesson.as_mut().unwrap();
    lesson.load_events(&events, RunStatus::Paused);
    for _ in 0..12 {
        app.update(Msg::key(KeyCode::Down));
    }
    let lesson = app.lesson.as_ref().unwrap();
    assert_eq!(lesson.selected_lane, 12);
    assert!(lesson.lane_scroll > 0);
    let scroll = lesson.lane_scroll;
    insta::assert_snapshot!("ui_many_lanes_80x24", draw(&mut app, 80, 24));
    // The mouse wheel over the timeline scrolls the lanes.
    let wheel = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::ScrollDown,
        column: 40,
        row: 20,
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    app.update(Msg::Mouse(wheel));
    assert_eq!(app.lesson.as_ref().unwrap().lane_scroll, scroll + 1);
}

#[test]
fn no_color_theme_has_no_colours() {
    let app = gather_at(1.0, |_| RunStatus::Paused);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
}

/// The gather lesson with two quizzes answered by the run.
fn quiz_app() -> App {
    use asynclings::lesson::{Quiz, QuizAnswer, RunFact};
    let mut lessons = lessons();
    lessons[2].quizzes = vec![
        Quiz {
            question: "Which line is printed first?".into(),
            choices: vec!["quick started".into(), "slow started".into()],
            answer: QuizAnswer::FromRun(RunFact::FirstLine),
            explain: Some("gather starts its coroutines in argument order.".into()),
            span: 0..0,
        },
        Quiz {
            question: "How many seconds does the whole run take?".into(),
            choices: vec!["1".into(), "2".into(), "3".into()],
            answer: QuizAnswer::FromRun(RunFact::TotalTime),
            explain: Some("The sleeps overlap: the run lasts as long as the slowest, 2 s.".into()),
            span: 0..0,
        },
    ];
    let mut app = App::new(lessons, Progress::default(), Theme::mono());
    app.open(2);
    // Fast runs: 10x.
    for _ in 0..5 {
        app.update(Msg::key(KeyCode::Char('+')));
    }
    app
}

/// Ticks until the open lesson's run ends.
fn run_to_end(app: &mut App) {
    let start = std::time::Instant::now();
    while !matches!(app.lesson.as_ref().unwrap().status, RunStatus::Finished(_)) {
        assert!(start.elapsed() < Duration::from_secs(20), "run never ended");
        app.update(Msg::Tick);
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn panel(app: &App) -> asynclings::ui::quiz::QuizPanel {
    app.lesson
        .as_ref()
        .unwrap()
        .quiz
        .clone()
        .expect("the quiz panel is open")
}

#[test]
fn quiz_question_then_right_answer() {
    use asynclings::ui::progress::Prediction;
    use asynclings::ui::quiz::Phase;
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = quiz_app();
        // Space before the first run offers the quiz instead of running.
        app.update(Msg::key(KeyCode::Char(' ')));
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Idle);
        assert!(panel(&app).is_asking());
        // Space and s do not run without a prediction.
        app.update(Msg::key(KeyCode::Char(' ')));
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Idle);
        app.update(Msg::key(KeyCode::Down));
        assert_eq!(panel(&app).selected, 1);
        insta::assert_snapshot!(format!("ui_quiz_question_{w}x{h}"), draw(&mut app, w, h));
        // Enter predicts the highlighted choice; the run waits for its key.
        app.update(Msg::key(KeyCode::Enter));
        assert_eq!(panel(&app).phase, Phase::Predicted { picked: 1 });
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Idle);
        let screen = draw(&mut app, w, h);
        assert!(screen.contains("Space runs the demo"), "{screen}");
        app.update(Msg::key(KeyCode::Char(' ')));
        assert_eq!(panel(&app).phase, Phase::Watching { picked: 1 });
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Running);
        let screen = draw(&mut app, w, h);
        assert!(
            screen.contains("Your prediction: b  slow started"),
            "{screen}"
        );
        run_to_end(&mut app);
        assert_eq!(panel(&app).verdict(), Some(true));
        assert_eq!(
            app.progress.prediction("gather", 0),
            Some(Prediction {
                picked: 1,
                right: true
            })
        );
        insta::assert_snapshot!(format!("ui_quiz_right_{w}x{h}"), draw(&mut app, w, h));
    }
}

#[test]
fn quiz_wrong_answer_then_next_question() {
    use asynclings::ui::progress::Prediction;
    use asynclings::ui::quiz::Phase;
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = quiz_app();
        app.update(Msg::key(KeyCode::Char('Q')));
        // A letter predicts; Space runs.
        app.update(Msg::key(KeyCode::Char('a')));
        assert_eq!(panel(&app).phase, Phase::Predicted { picked: 0 });
        app.update(Msg::key(KeyCode::Char(' ')));
        assert_eq!(panel(&app).phase, Phase::Watching { picked: 0 });
        run_to_end(&mut app);
        assert_eq!(panel(&app).verdict(), Some(false));
        assert_eq!(
            app.progress.prediction("gather", 0),
            Some(Prediction {
                picked: 0,
                right: false
            })
        );
        insta::assert_snapshot!(format!("ui_quiz_wrong_{w}x{h}"), draw(&mut app, w, h));
        // Enter: the next question, on a clean screen: the last run's
        // output (which holds the answer) is gone.
        app.update(Msg::key(KeyCode::Enter));
        assert_eq!(panel(&app).index, 1);
        assert!(panel(&app).is_asking());
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Idle);
        let screen = draw(&mut app, w, h);
        assert!(!screen.contains("slow finished"), "{screen}");
        app.update(Msg::key(KeyCode::Char('b')));
        app.update(Msg::key(KeyCode::Enter));
        assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Running);
        run_to_end(&mut app);
        assert_eq!(panel(&app).verdict(), Some(true));
        assert_eq!(app.progress.score("gather", 2), (2, 1));
        // Enter after the last question closes the panel; the score shows.
        app.update(Msg::key(KeyCode::Enter));
        assert!(app.lesson.as_ref().unwrap().quiz.is_none());
        let screen = draw(&mut app, w, h);
        assert!(
            screen.contains("Running together ✓ quiz 1/2") || screen.contains("gather ✓ quiz 1/2"),
            "{screen}"
        );
        app.update(Msg::key(KeyCode::Char('q')));
        assert!(draw(&mut app, w, h).contains("quiz 1/2"));
    }
}

#[test]
fn quiz_skipped_runs_on_space() {
    let mut app = quiz_app();
    app.update(Msg::key(KeyCode::Char(' ')));
    assert!(panel(&app).is_asking());
    app.update(Msg::key(KeyCode::Esc));
    assert!(app.lesson.as_ref().unwrap().quiz.is_none());
    // Offered once: Space now runs.
    app.update(Msg::key(KeyCode::Char(' ')));
    assert_eq!(app.lesson.as_ref().unwrap().status, RunStatus::Running);
    run_to_end(&mut app);
    assert!(app.progress.prediction("gather", 0).is_none());
}

#[test]
fn gutter_markers_at_the_waiting_statement() {
    use asynclings::ui::highlight::Lang;
    let mut app = app();
    app.open(2);
    let (events, _) = events_until(1.0);
    let lesson = app.lesson.as_mut().unwrap();
    lesson.load_events(&events, RunStatus::Paused);
    lesson.set_now(Duration::from_millis(1500));
    let marks = view::code::markers(lesson, Lang::Python);
    let python = &lesson.python;
    let line = |text: &str| python.lines.iter().position(|l| l.contains(text)).unwrap();
    // `slow` waits at its sleep, `main` at the gather; `quick` is done.
    let slow = lesson
        .timeline
        .lanes
        .iter()
        .position(|l| l.call == "fetch('slow', 2)")
        .unwrap();
    assert_eq!(marks.get(&line("asyncio.sleep(delay)")), Some(&vec![slow]));
    assert_eq!(marks.get(&line("gather(")), Some(&vec![0]));
    assert_eq!(marks.len(), 2, "{marks:?}");
}

/// Every quiz of every built-in lesson fits the 80x24 panel: the question
/// and each choice show while asking, and the verdict with the run's answer
/// and the explanation once revealed.
#[test]
fn built_in_quizzes_fit_80x24() {
    use asynclings::ui::quiz::{Phase, QuizPanel};
    let lessons = asynclings::lesson::Lessons::built_in().lessons;
    let mut app = App::new(lessons, Progress::default(), Theme::mono());
    // Backticks mark code: the panel shows the code without them.
    let short = |s: &str| s.replace('`', "").chars().take(30).collect::<String>();
    for i in 0..app.lessons.len() {
        app.open(i);
        let quizzes = app.lessons[i].quizzes.clone();
        for (n, quiz) in quizzes.iter().enumerate() {
            let correct = app.correct_choice(i, n);
            let right = correct.clone().expect("built-in quizzes have answers");
            let lesson = app.lesson.as_mut().unwrap();
            lesson.quiz = Some(QuizPanel::ask(n));
            let screen = draw(&mut app, 80, 24);
            let id = app.lessons[i].id.clone();
            assert!(
                screen.contains(&short(&quiz.question)),
                "{id} #{n}:\n{screen}"
            );
            for c in &quiz.choices {
                assert!(screen.contains(&short(c)), "{id} #{n} {c}:\n{screen}");
            }
            let picked = (right + 1) % quiz.choices.len();
            let lesson = app.lesson.as_mut().unwrap();
            lesson.quiz.as_mut().unwrap().phase = Phase::Revealed { picked, correct };
            let screen = draw(&mut app, 80, 24);
            assert!(screen.contains("The run says"), "{id} #{n}:\n{screen}");
            if let Some(explain) = &quiz.explain {
                // The explanation's last word shows: nothing is cut off.
                let explain = explain.replace('`', "");
                let tail = explain.split_whitespace().last().unwrap_or_default();
                assert!(screen.contains(tail), "{id} #{n}: {tail:?}\n{screen}");
            }
        }
    }
}

/// A prediction made in the UI is in the progress file, and a new session
/// reads it back: the score shows in the list and Space runs at once.
#[test]
fn prediction_survives_a_restart() {
    use asynclings::ui::progress::Prediction;
    let dir = std::env::temp_dir().join(format!("asynclings-ui-quiz-{}", std::process::id()));
    let path = dir.join("progress.txt");
    let mut app = quiz_app();
    app.progress = Progress::load(Some(path.clone()));
    app.update(Msg::key(KeyCode::Char('Q')));
    app.update(Msg::key(KeyCode::Char('b')));
    app.update(Msg::key(KeyCode::Char(' ')));
    run_to_end(&mut app);
    app.update(Msg::key(KeyCode::Enter));
    app.update(Msg::key(KeyCode::Char('c')));
    app.update(Msg::key(KeyCode::Char(' ')));
    run_to_end(&mut app);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("quiz gather 0 1 right"), "{saved}");
    assert!(saved.contains("quiz gather 1 2 wrong"), "{saved}");

    let progress = Progress::load(Some(path));
    assert_eq!(
        progress.prediction("gather", 1),
        Some(Prediction {
            picked: 2,
            right: false
        })
    );
    assert_eq!(progress.score("gather", 2), (2, 1));
    let mut lessons = lessons();
    lessons[2].quizzes = quiz_app().lessons[2].quizzes.clone();
    let mut app = App::new(lessons, progress, Theme::mono());
    let list = draw(&mut app, 80, 24);
    assert!(list.contains("gather quiz 1/2"), "{list}");
    // Every quiz answered: the first Space runs instead of asking again.
    app.open(2);
    app.update(Msg::key(KeyCode::Char(' ')));
    let lesson = app.lesson.as_ref().unwrap();
    assert!(lesson.quiz.is_none());
    assert_eq!(lesson.status, RunStatus::Running);
    let _ = std::fs::remove_dir_all(dir);
}

/// The app on built-in lesson `number`, its run finished.
fn built_in_finished(number: u32) -> App {
    let lessons = asynclings::lesson::Lessons::built_in().lessons;
    let index = lessons
        .iter()
        .position(|l| l.number == Some(number))
        .expect("the lesson");
    let report = run_headless(lessons[index].script(), &Limits::default());
    let mut app = App::new(lessons, Progress::default(), Theme::mono());
    app.open(index);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
    app
}

/// Lesson 2 (sequential awaits) finished: one task, whose bar names the
/// two coroutines it awaited; at `t=1` its detail view shows the stack.
#[test]
fn awaited_coroutines_are_frames_of_one_task() {
    let mut app = built_in_finished(2);
    let lesson = app.lesson.as_ref().unwrap();
    assert_eq!(lesson.timeline.lanes.len(), 1);
    let wide = draw(&mut app, 160, 48);
    assert!(wide.contains("1 task, one row each"), "{wide}");
    assert!(wide.contains("fetch('users', 1)"), "{wide}");
    assert!(wide.contains("fetch('orders', 2)"), "{wide}");
    insta::assert_snapshot!("ui_frames_lesson2_160x48", wide);
    app.update(Msg::key(KeyCode::Left));
    assert_eq!(
        app.lesson.as_ref().unwrap().view_time(),
        Duration::from_secs(1)
    );
    // The title names the selected task's frames at the time shown.
    let scrubbed = draw(&mut app, 160, 48);
    assert!(
        scrubbed.contains("─ task main() › coroutine fetch('orders', 2) "),
        "{scrubbed}"
    );
    app.update(Msg::key(KeyCode::Enter));
    let detail = draw(&mut app, 80, 24);
    assert!(
        detail.contains("└ fetch('orders', 2) (coroutine, inside this task)"),
        "{detail}"
    );
    insta::assert_snapshot!("ui_frames_detail_80x24", detail);
}

/// Lesson 9 (class async iterators): the `__anext__` calls are iterator
/// frames of main, and each loop's end by `StopAsyncIteration` is marked.
#[test]
fn class_iterators_are_frames_and_their_end_is_marked() {
    let mut app = built_in_finished(9);
    assert_eq!(app.lesson.as_ref().unwrap().timeline.lanes.len(), 1);
    let screen = draw(&mut app, 160, 48);
    assert_eq!(
        screen.matches('∎').count(),
        2 + 1,
        "two ends and the legend:\n{screen}"
    );
    assert!(screen.contains("∎async for ends"), "{screen}");
    insta::assert_snapshot!("ui_frames_lesson9_160x48", screen);
}

/// The app on a program file, its run finished.
fn program_finished(path: &str) -> App {
    let lesson = load_file(Path::new(path)).expect("program");
    let report = run_headless(lesson.script(), &Limits::default());
    let mut app = App::new(vec![lesson], Progress::default(), Theme::mono());
    app.open(0);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
    app
}

/// A run ended by an uncaught exception group: the output pane names the
/// group by its own line, not by the closing rule of CPython's box.
#[test]
fn an_uncaught_exception_group_is_named_by_its_own_line() {
    let mut app = program_finished("tests/programs/errors__taskgroup_uncaught.py");
    let screen = draw(&mut app, 200, 60);
    assert!(
        screen.contains("error: ExceptionGroup: unhandled errors in a TaskGroup"),
        "{screen}"
    );
    assert!(!screen.contains("error: +"), "{screen}");
}

/// The selection follows the lane filter: a lane the filter hides is never
/// the one Enter opens.
#[test]
fn enter_opens_only_a_lane_the_filter_shows() {
    let mut app = gather_at(10.0, RunStatus::Finished);
    draw(&mut app, 80, 24);
    assert_eq!(app.lesson.as_ref().unwrap().selected_lane, 0);
    // A name filter that hides main moves the selection to the quick fetch.
    app.update(Msg::key(KeyCode::Char('/')));
    for c in "quick".chars() {
        app.update(Msg::key(KeyCode::Char(c)));
    }
    app.update(Msg::key(KeyCode::Enter));
    let lesson = app.lesson.as_ref().unwrap();
    assert_eq!(
        lesson.timeline.lanes[lesson.selected_lane].label(),
        "fetch('quick', 1)"
    );
    app.update(Msg::key(KeyCode::Enter));
    let detail = draw(&mut app, 80, 24);
    assert!(app.lesson.as_ref().unwrap().detail);
    assert!(detail.contains("task: #2 fetch('quick', 1)"), "{detail}");
    app.update(Msg::key(KeyCode::Esc));
    // Every task has finished: the unfinished filter shows none, and
    // Enter opens nothing.
    app.update(Msg::key(KeyCode::Char('/')));
    app.update(Msg::key(KeyCode::Esc));
    app.update(Msg::key(KeyCode::Char('f')));
    assert!(app.lesson.as_ref().unwrap().visible_lanes().is_empty());
    app.update(Msg::key(KeyCode::Enter));
    assert!(!app.lesson.as_ref().unwrap().detail);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("0/3 tasks (unfinished)"), "{screen}");
}

/// The status line's last row at this size.
fn status_line(screen: &str) -> String {
    screen
        .lines()
        .last()
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

/// Lesson 3 during its blocking call: at 80 columns the status line keeps
/// the state, the clock, the speed, what blocks the loop and the key to
/// press next, dropping the other hints whole.
#[test]
fn the_blocked_status_line_fits_80_columns() {
    let lessons = asynclings::lesson::Lessons::built_in().lessons;
    let index = lessons
        .iter()
        .position(|l| l.id == "blocking")
        .expect("the blocking lesson");
    let report = run_headless(lessons[index].script(), &Limits::default());
    let events: Vec<_> = report
        .events
        .into_iter()
        .filter(|e| e.time <= Duration::from_secs(1))
        .collect();
    let mut app = App::new(lessons, Progress::default(), Theme::mono());
    app.open(index);
    let lesson = app.lesson.as_mut().unwrap();
    lesson.load_events(&events, RunStatus::Running);
    lesson.set_now(Duration::from_millis(1500));
    for (w, h) in [(80, 24), (100, 30), (200, 60)] {
        let screen = draw(&mut app, w, h);
        let status = status_line(&screen);
        for part in [
            "▓ blocked",
            "t=1.5s",
            "1x",
            "time.sleep(2) until t=2.5s",
            "Space pause",
            "? help",
            &format!("{}/{} ", index + 1, app.lessons.len()),
        ] {
            assert!(status.contains(part), "{w}x{h}: {part:?} in {status:?}");
        }
        // Every hint shown is whole.
        let hints = [
            "s step",
            "+/- speed",
            "r restart",
            "z frames",
            "? help",
            "q back",
        ];
        let tail = status.rsplit("Space pause").next().unwrap_or_default();
        for word in tail.split("  ").map(str::trim).filter(|w| !w.is_empty()) {
            assert!(
                hints.contains(&word),
                "{w}x{h}: cut hint {word:?} in {status:?}"
            );
        }
        if w >= 200 {
            assert!(
                status.contains("▓ blocked  t=1.5s  1x  by blocker(): time.sleep(2)"),
                "{status}"
            );
            assert!(status.contains("q back"), "{status}");
        }
    }
}

/// Nested awaits (`level1` awaits `level2` awaits `level3`): a small demo
/// shows each task's frames on sub-rows, one per depth, so every level's
/// name shows, not only the innermost; `z` folds them away.
#[test]
fn nested_frames_unfold_into_sub_rows() {
    let mut app = program_finished("tests/programs/ordering__nested_awaits.py");
    let lesson = app.lesson.as_ref().unwrap();
    assert_eq!(lesson.timeline.lanes.len(), 3);
    assert!(lesson.frames_unfolded());
    let screen = draw(&mut app, 200, 60);
    // The sub-rows of main: one name per depth, left of the `━` bar.
    for name in [
        "level1('X')━",
        "level2('X')━",
        "level3('X')━",
        "  └ coroutine",
    ] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    insta::assert_snapshot!("ui_nested_frames_200x60", screen);
    app.update(Msg::key(KeyCode::Char('z')));
    assert!(!app.lesson.as_ref().unwrap().frames_unfolded());
    let folded = draw(&mut app, 200, 60);
    assert!(!folded.contains("└ coroutine"), "{folded}");
    assert!(folded.contains("z frames"), "{folded}");
    app.update(Msg::key(KeyCode::Char('z')));
    assert!(app.lesson.as_ref().unwrap().frames_unfolded());
}

/// The lesson screens a class reads from the back of the room: at 200x60
/// and 100x30 nothing is cut, and a wide screen gives the panes the room.
#[test]
fn big_screens_for_a_class() {
    let mut app = gather_at(1.5, |_| RunStatus::Running);
    insta::assert_snapshot!("ui_lesson_during_200x60", draw(&mut app, 200, 60));
    insta::assert_snapshot!("ui_lesson_during_100x30", draw(&mut app, 100, 30));
    let mut app = built_in_finished(4);
    insta::assert_snapshot!("ui_lesson4_after_200x60", draw(&mut app, 200, 60));
}

/// An executor's job lane reads as a thread's work, not a coroutine's
/// waits: its own glyph and legend entry, its call with arguments, and the
/// time it ended.
#[test]
fn an_executor_job_reads_as_work_on_a_worker_thread() {
    let mut app = program_finished("tests/programs/executor__thread_pool.py");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("blocking('b', 1)"), "{screen}");
    assert!(screen.contains("≡worker"), "{screen}");
    // Lanes: main, ticker, then job a.
    app.update(Msg::key(KeyCode::Down));
    app.update(Msg::key(KeyCode::Down));
    app.update(Msg::key(KeyCode::Enter));
    let detail = draw(&mut app, 100, 30);
    assert!(
        detail.contains("blocking('a', 2) (a plain function on a worker thread)"),
        "{detail}"
    );
    assert!(detail.contains("ended: done at t=2"), "{detail}");
    assert!(
        detail.contains("≡ t=0–2 running on a worker thread"),
        "{detail}"
    );
    assert!(!detail.contains("waiting on"), "{detail}");
    assert!(!detail.contains("own coroutine"), "{detail}");
    insta::assert_snapshot!("ui_executor_job_detail_100x30", detail);
}

/// The list's title counts only the lessons it shows: progress records of
/// another lesson set are not counted, and one lesson is "1 lesson".
#[test]
fn the_list_title_counts_only_the_lessons_shown() {
    let mut progress = Progress::default();
    progress.done.insert("async-basics".into());
    progress.done.insert("gather".into());
    progress.done.insert("elsewhere".into());
    let mut app = App::new(vec![gather()], progress, Theme::mono());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("asynclings — 1 lesson, 1 done"), "{screen}");
    let mut app = App::new(lessons(), Progress::default(), Theme::mono());
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("asynclings — 3 lessons, 0 done"),
        "{screen}"
    );
}

/// A run with a failed task lists the failure's mark in the legend; a run
/// without one keeps the room for the rest.
#[test]
fn the_legend_lists_the_failure_mark_when_a_task_failed() {
    let mut app = program_finished("tests/programs/taskgroup__failure_cancels_siblings.py");
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains("!failed"), "{screen}");
    let mut app = program_finished("tests/programs/executor__thread_pool.py");
    let screen = draw(&mut app, 160, 48);
    assert!(!screen.contains("!failed"), "{screen}");
}

/// A program without a module docstring gets one line saying where one
/// would show, not a large empty Lesson pane: the output takes the room.
#[test]
fn a_program_without_a_docstring_gives_the_prose_room_to_the_output() {
    let mut app = program_finished("tests/programs/executor__thread_pool.py");
    let screen = draw(&mut app, 200, 60);
    assert!(
        screen.contains("A module docstring would show here."),
        "{screen}"
    );
    let rows: Vec<&str> = screen.lines().collect();
    let output_row = rows.iter().position(|r| r.contains("┌ Output")).unwrap();
    assert_eq!(output_row, 4, "{screen}");
    // Every line the demo printed is on screen.
    assert!(screen.contains("d done after 0.5s"), "{screen}");
    insta::assert_snapshot!("ui_no_docstring_200x60", screen);
}
