//! The Rust (Tokio) listings of the reference lessons and the corpus
//! programs (`tests/programs/`): snapshots, complete
//! spans, rustfmt-clean text, and a build of every listing against Tokio
//! whose output must match the engine's (it needs the crates: online the
//! first time, skipped when they cannot be fetched, a failure then if
//! `ASYNCLINGS_REQUIRE_LISTINGS=1`, as in CI).
//!
//! The comparison is of the printed lines and their order, not of their
//! virtual times: a listing may not be changed beyond `start_paused` (on
//! `#[tokio::main]`, or `.start_paused(true)` on a runtime built by hand), and
//! from outside the process nothing tells when under the paused clock a
//! line was printed (the clock jumps, so wall time says nothing).

use asynclings::lesson::{Lesson, load_file};
use asynclings::render::plan::ir::ast::{Block, Demo, walk};
use asynclings::render::rust::translate;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The built-in lessons (`.toml`) and the reference programs (`.py`).
fn lesson_files(dir: &str) -> Vec<PathBuf> {
    let ext = if dir == "lessons" { "toml" } else { "py" };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

fn load(path: &Path) -> Lesson {
    load_file(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

/// The translation plan of the listing the lesson shows; `None` when the
/// lesson shows a hand-written listing, or when the translator cannot
/// translate the program yet (its listing then says why).
fn planned(lesson: &Lesson) -> Option<Demo> {
    if lesson.rust.is_some() {
        return None;
    }
    translate(&lesson.program).ok()
}

fn all_lessons() -> Vec<(String, Lesson)> {
    let mut out = Vec::new();
    for dir in ["tests/reference", "lessons"] {
        for path in lesson_files(dir) {
            let name = format!("{}_{}", dir.replace('/', "_"), stem(&path));
            out.push((name, load(&path)));
        }
    }
    out
}

#[test]
fn listings() {
    for path in lesson_files("lessons") {
        let lesson = load(&path);
        let listing = lesson.rust_listing();
        insta::assert_snapshot!(format!("lesson_{}", stem(&path)), listing.text());
    }
    for path in lesson_files("tests/reference") {
        let lesson = load(&path);
        let listing = lesson.rust_listing();
        // A refusal names the file; the snapshot keeps it relative to the crate.
        let text = listing
            .text()
            .replace(concat!(env!("CARGO_MANIFEST_DIR"), "/"), "");
        insta::assert_snapshot!(stem(&path), text);
    }
}

fn blocks(demo: &Demo) -> Vec<&Block> {
    demo.functions
        .iter()
        .flat_map(|f| [&f.body, &f.exit])
        .collect()
}

#[test]
fn every_statement_and_function_has_a_span() {
    for (name, lesson) in all_lessons() {
        let Some(demo) = planned(&lesson) else {
            continue;
        };
        let listing = lesson.rust_listing();
        let n = listing.lines.len();
        for block in blocks(&demo) {
            walk(block, &mut |s| {
                let span = listing
                    .spans
                    .get(&s.id)
                    .unwrap_or_else(|| panic!("{name}: statement {} has no span", s.id));
                assert!(
                    span.start < span.end && span.end <= n,
                    "{name}: bad span {span:?} for statement {}",
                    s.id
                );
            });
        }
        for f in &demo.functions {
            let span = listing
                .functions
                .get(&f.name)
                .unwrap_or_else(|| panic!("{name}: function {} has no span", f.name));
            assert!(span.start < span.end && span.end <= n, "{name}: {}", f.name);
        }
    }
}

/// Each statement's first line is the Rust for that statement, so the code
/// pane highlights the right line.
#[test]
fn spans_point_at_the_matching_rust() {
    use asynclings::render::plan::ir::ast::StmtKind;
    for (name, lesson) in all_lessons() {
        let Some(demo) = planned(&lesson) else {
            continue;
        };
        let listing = lesson.rust_listing();
        for block in blocks(&demo) {
            walk(block, &mut |s| {
                let want: &[&str] = match &s.kind {
                    StmtKind::Print(_) => &["println!", "Drop"],
                    StmtKind::Sleep(_) => &["sleep(", "yield_now", "delay", "Drop"],
                    StmtKind::Block(_) | StmtKind::Compute(_) => &["thread::sleep"],
                    StmtKind::Spawn { .. } => &["tokio::spawn"],
                    StmtKind::TaskGroup { .. } => &["JoinSet::new()"],
                    StmtKind::GroupSpawn { .. } => &[".spawn("],
                    StmtKind::Submit { .. } | StmtKind::RunBlocking { .. } => {
                        &["spawn_blocking(", "spawn("]
                    }
                    StmtKind::CallFn { call, .. } => &[call.name.as_str()],
                    StmtKind::Cancel { .. } => &[".abort()"],
                    StmtKind::WaitFor { .. } | StmtKind::Deadline { .. } => &["timeout("],
                    StmtKind::Schedule { .. } | StmtKind::Shield { .. } => &["tokio::spawn("],
                    StmtKind::Future { .. } => &["oneshot::channel"],
                    _ => return,
                };
                let span = &listing.spans[&s.id];
                let text = listing.lines[span.clone()].join("\n");
                assert!(
                    want.iter().any(|w| text.contains(w)),
                    "{name}: statement {} ({:?}) renders as:\n{text}",
                    s.id,
                    s.kind
                );
            });
        }
    }
}

fn rustfmt_check(text: &str) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("listing.rs");
    std::fs::write(&file, text).ok()?;
    let out = Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(&file)
        .output()
        .ok()?;
    if out.status.success() {
        None
    } else {
        Some(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

#[test]
fn listings_are_rustfmt_clean() {
    if Command::new("rustfmt").arg("--version").output().is_err() {
        eprintln!("rustfmt not found: skipped");
        return;
    }
    let mut failures = Vec::new();
    for (name, lesson) in all_lessons() {
        if let Some(diff) = rustfmt_check(&lesson.rust_listing().text()) {
            failures.push(format!("{name}:\n{diff}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Corpus programs whose translation rustfmt would still lay out otherwise:
/// the renderer keeps some long expressions (arithmetic in a call, an
/// `if .. else` value, long literals and chains) on one line.
const CORPUS_NOT_YET_RUSTFMT_CLEAN: &[&str] = &[
    "builtins__enumerate_zip",
    "builtins__min_max_abs",
    "dicts__word_count",
    "executor__process_pool",
    "executor__thread_pool",
    "functions__key_closures",
    "generators__pipeline",
    "lists__sort_key",
    "scenarios__download_manager",
    "strings__repetition_concat",
];

/// Every corpus listing that translates is rustfmt-clean, except those in
/// [`CORPUS_NOT_YET_RUSTFMT_CLEAN`]; one of those that became clean must
/// leave the list.
#[test]
fn corpus_listings_are_rustfmt_clean() {
    if Command::new("rustfmt").arg("--version").output().is_err() {
        eprintln!("rustfmt not found: skipped");
        return;
    }
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for (name, lesson) in all_programs() {
        let text = lesson.rust_listing().text();
        if untranslated(&text) {
            continue;
        }
        let stem = name.trim_start_matches("programs_");
        checked.push(stem.to_string());
        let listed = CORPUS_NOT_YET_RUSTFMT_CLEAN.contains(&stem);
        match (rustfmt_check(&text), listed) {
            (Some(diff), false) => failures.push(format!("{stem}: not rustfmt-clean:\n{diff}")),
            (None, true) => failures.push(format!(
                "{stem}: now rustfmt-clean, take it out of CORPUS_NOT_YET_RUSTFMT_CLEAN"
            )),
            _ => {}
        }
    }
    for stem in CORPUS_NOT_YET_RUSTFMT_CLEAN {
        if !checked.iter().any(|c| c == stem) {
            failures.push(format!(
                "{stem}: no translating corpus program, take it out of CORPUS_NOT_YET_RUSTFMT_CLEAN"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The attribute every listing shows, and the one the test builds: the
/// paused clock is the only change.
const SHOWN: &str = "#[tokio::main(flavor = \"current_thread\")]";
const BUILT: &str = "#[tokio::main(flavor = \"current_thread\", start_paused = true)]";

/// A listing that says why the program has no Tokio translation.
fn untranslated(listing: &str) -> bool {
    listing.starts_with("// The translator cannot translate this program yet")
}

/// The runtime a listing builds by hand (for `loop.run_until_complete`),
/// and the paused clock the test adds to it, right after `.enable_all()`.
const BUILDER: &str = "tokio::runtime::Builder::new_current_thread()";
const PAUSED: &str = ".start_paused(true)";

/// The listing as the test builds it: `shown` with `start_paused = true`
/// added to its one `#[tokio::main]`, and `.start_paused(true)` to each
/// runtime it builds by hand, and nothing else changed.
fn as_built(name: &str, shown: &str) -> String {
    let mains: Vec<&str> = shown
        .lines()
        .filter(|l| l.trim_start().starts_with("#[tokio::main"))
        .collect();
    if shown.lines().any(|l| l.ends_with(BUILDER)) {
        let built = paused_builders(name, shown);
        // `asyncio.run` beside a loop made by hand: the `run` helper's runtime.
        return match mains.as_slice() {
            [] => built,
            [main] => {
                assert_eq!(*main, SHOWN, "{name}: the listing's runtime attribute");
                built.replacen(SHOWN, BUILT, 1)
            }
            _ => panic!("{name}: several `#[tokio::main]`"),
        };
    }
    // A program that never starts an event loop has a plain `main`.
    if mains.is_empty() {
        return shown.to_string();
    }
    assert_eq!(mains, [SHOWN], "{name}: the listing's runtime attribute");
    let built = shown.replacen(SHOWN, BUILT, 1);
    let (a, b): (Vec<&str>, Vec<&str>) = (shown.lines().collect(), built.lines().collect());
    assert_eq!(a.len(), b.len(), "{name}");
    let changed: Vec<(&str, &str)> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    assert_eq!(
        changed,
        [(SHOWN, BUILT)],
        "{name}: only the attribute differs"
    );
    built
}

/// `shown` with `.start_paused(true)` after the `.enable_all()` of each
/// runtime it builds, and nothing else changed.
fn paused_builders(name: &str, shown: &str) -> String {
    let mut out = Vec::new();
    let mut after_builder = false;
    let mut added = 0;
    for line in shown.lines() {
        out.push(line.to_string());
        if after_builder && line.trim() == ".enable_all()" {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push(format!("{indent}{PAUSED}"));
            added += 1;
        }
        after_builder = line.ends_with(BUILDER);
    }
    let builders = shown.lines().filter(|l| l.ends_with(BUILDER)).count();
    assert_eq!(
        added, builders,
        "{name}: each builder enables the drivers at once"
    );
    let mut built = out.join("\n");
    if shown.ends_with('\n') {
        built.push('\n');
    }
    built
}

#[test]
fn every_listing_shows_the_current_thread_runtime() {
    for (name, lesson) in all_lessons() {
        let shown = lesson.rust_listing().text();
        if untranslated(&shown) {
            continue;
        }
        assert!(shown.contains(SHOWN), "{name}: no `{SHOWN}`");
        as_built(&name, &shown);
    }
}

/// Lesson 13's listing is the hand-written one its lesson names, a
/// `Future` state machine, and it is built and compared like the others.
#[test]
fn a_lesson_can_name_a_hand_written_listing() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/13-generators.toml");
    let lesson = load(&path);
    let file = path.with_extension("rs");
    let written = std::fs::read_to_string(&file).expect("the listing");
    assert_eq!(
        lesson.rust_listing().text(),
        format!("{}\n", written.trim_end())
    );
    assert!(written.contains("impl Future for Worker"));
    assert!(lesson.rust_listing().spans.is_empty());
}

/// What the test builds is what the binary's `show --rust` prints.
#[test]
fn the_built_listing_is_what_show_prints() {
    for path in lesson_files("lessons") {
        let lesson = load(&path);
        let out = Command::new(env!("CARGO_BIN_EXE_asynclings"))
            .args(["show", "--rust"])
            .arg(&path)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{}", path.display());
        let printed = String::from_utf8(out.stdout).expect("UTF-8");
        let shown = lesson.rust_listing().text();
        assert!(
            !untranslated(&shown),
            "{}: every built-in lesson has a Rust listing",
            path.display()
        );
        assert_eq!(printed, shown, "{}", path.display());
        let name = format!("lessons_{}", stem(&path));
        let built = as_built(&name, &shown);
        assert_eq!(built.replacen(BUILT, SHOWN, 1), printed, "{name}");
    }
}

/// Listings whose output honestly differs from asyncio's, and why: they
/// must still build, but their output is not compared.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[(
    "tests_reference_x05_cancel_gather",
    "refused: a value returned from `except CancelledError` cannot come out of a dropped \
         future; the rest of the program runs without that coroutine",
)];

/// Engine edge-case demos that rely on Python's dynamic typing or runtime
/// errors: not expected to build as Rust.
const UNTRANSLATABLE: &[(&str, &str)] = &[
    (
        "tests_reference_x02_futures",
        "resolves the same future twice (a Python InvalidStateError)",
    ),
    (
        "tests_reference_x07_edge_cases",
        "one coroutine called with ints and with strings; mixed-type lists",
    ),
];

/// Python prints `['a', 'b']`, Rust's `{:?}` prints `["a", "b"]`: the one
/// difference allowed between the two outputs.
fn normalise(line: &str) -> String {
    line.replace('\'', "\"")
}

/// The corpus programs (`tests/programs/*.py`), named `programs_STEM`.
fn all_programs() -> Vec<(String, Lesson)> {
    lesson_files("tests/programs")
        .iter()
        .map(|path| (format!("programs_{}", stem(path)), load(path)))
        .collect()
}

/// Corpus programs whose translation builds but whose output is not
/// compared with the engine's, and why.
const PROGRAMS_EXCUSED: &[(&str, &str)] = &[
    (
        "programs_asyncgen__finally_awaits_at_shutdown",
        "an async generator's `finally` that awaits, left at a `yield` by a reader cancelled at `asyncio.run`'s end: asyncio's closing task gets only the rounds of the shutdown (the cancel's gather, `shutdown_asyncgens`, `shutdown_default_executor`) and never runs again once the loop closes; in the listing, the cleanup its drop guard starts as the runtime shuts down prints whole",
    ),
    (
        "programs_asyncgen__finally_rounds_at_shutdown",
        "an async generator's `finally` that awaits, left at a `yield` by a reader cancelled at `asyncio.run`'s end: asyncio's closing task gets only the rounds of the shutdown (the cancel's gather, `shutdown_asyncgens`, `shutdown_default_executor`) and never runs again once the loop closes; in the listing, the cleanup its drop guard starts as the runtime shuts down prints whole",
    ),
    (
        "programs_asyncgen__runner_close_rounds",
        "an async generator's `finally` that awaits, left at a `yield` by a reader cancelled at the end of `asyncio.run` or of `with asyncio.Runner()`: asyncio's closing task gets only the rounds of the shutdown (the cancel's gather, `shutdown_asyncgens`, `shutdown_default_executor`) and never runs again once the loop closes; in the listing, the cleanup its drop guard starts as the runtime shuts down prints whole",
    ),
    (
        "programs_clock__blocking_sleep",
        "`time.sleep` moves the harness's virtual clock; Tokio's paused clock does not see a blocking `std::thread::sleep`",
    ),
    (
        "programs_clock__blocking_vs_async",
        "`time.sleep` moves the harness's virtual clock; Tokio's paused clock does not see a blocking `std::thread::sleep`",
    ),
    (
        "programs_clock__overdue_timer_order",
        "`time.sleep` moves the harness's virtual clock; Tokio's paused clock does not see a blocking `std::thread::sleep`",
    ),
    (
        "programs_clock__near_tie_timers",
        "Tokio's timers have millisecond resolution: deadlines less than a millisecond apart fire together in creation order, not in the order of their float deadlines as asyncio's timer heap fires them",
    ),
    (
        "programs_clock__overdue_before_shutdown",
        "a task still sleeping when `main` returns: asyncio runs its overdue timer before shutdown, Tokio drops it",
    ),
    (
        "programs_ordering__create_task_runs_later",
        "after `yield_now`, Tokio's current-thread scheduler resumes tasks in another order than asyncio's ready queue",
    ),
    (
        "programs_futures__callback_after_ready_tasks",
        "after `yield_now`, Tokio's current-thread scheduler resumes tasks in another order than asyncio's ready queue",
    ),
    (
        "programs_tasks__current_task_name",
        "two tasks that `yield_now` in one round: Tokio's current-thread scheduler resumes them last first, asyncio's ready queue first first",
    ),
    (
        "programs_ordering__main_vs_task_tie",
        "timers due at one instant: asyncio fires them in creation order, Tokio's timer wheel need not",
    ),
    (
        "programs_locks__barrier_parties",
        "parties released by a barrier: asyncio resumes them in the order they arrived, Tokio's `Barrier` wakes them through a `watch` channel in an order of its own (it varies from run to run)",
    ),
    (
        "programs_generators__async_gen_tasks",
        "timers due at one instant: asyncio fires them in the order they were set, Tokio's timer wheel need not",
    ),
    (
        "programs_clock__loop_time",
        "asyncio's clock adds float seconds (`1.5500000000000003`), Tokio's `Instant` counts whole nanoseconds (`1.55`)",
    ),
    (
        "programs_taskgroup__cancelled_from_outside",
        "a cancelled task group's children print their clean-up before the body in asyncio, after it in Tokio (a `JoinSet` aborts them as it drops); `asyncio.wait_for` waits for the cancelled work's cleanup, `tokio::time::timeout` drops it at once",
    ),
    (
        "programs_gather__nested",
        "a gather inside a gathered coroutine: asyncio runs each child as a task, so a child due at the same instant prints before its parent resumes; `join_all` polls the children inside the parent's future, which resumes at once",
    ),
    (
        "programs_strings__print_end",
        "`print(..., end=...)`: the listing writes the end as CPython does (`print!`), the harness ends every `print`'s line and ignores its `end=`",
    ),
    (
        "programs_executor__prints_from_job",
        "a job's sleep and a task's sleep due at one instant: the harness wakes the job's thread first at t=2, Tokio's timer wheel the task first",
    ),
];

/// The least number of corpus programs that must translate and agree: the
/// figure may grow, never shrink.
const PROGRAMS_AGREEING_AT_LEAST: usize = 346;

/// A listing's run: what it printed, and whether it exited with success;
/// `None` when it ran past `limit` (it is killed).
fn run_listing(exe: &Path, limit: std::time::Duration) -> Option<(Vec<String>, bool)> {
    use std::io::Read;
    let mut child = Command::new(exe)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run listing");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let text = reader.join().expect("reader");
    let status = status?;
    Some((text.lines().map(normalise).collect(), status.success()))
}

/// The compiler's messages about one listing (errors, or warnings).
fn messages_about<'a>(stderr: &'a str, name: &str, warnings: bool) -> Vec<&'a str> {
    let file = format!("src/bin/{name}.rs");
    stderr
        .split("\n\n")
        .filter(|e| e.contains(&file) && (!warnings || e.starts_with("warning")))
        .collect()
}

/// Builds every listing (the lessons' and those of the corpus programs that
/// translate) as a binary of one Cargo project (Tokio 1.46 or later, for
/// `join!(biased; ...)`), runs each and compares what it prints with the
/// engine. The project lives in Cargo's test scratch directory, so its
/// dependencies are built once (about a minute, and online the first
/// time); then the test takes a few minutes, most of it linking.
///
/// Every listing built must also build as edition 2021 (checked, not
/// linked). Every lesson's listing must agree. Of the corpus, every program that
/// translates must build without warnings and agree (unless
/// [`PROGRAMS_EXCUSED`]); the test prints the figure, translated and
/// agreeing out of all, which must reach [`PROGRAMS_AGREEING_AT_LEAST`].
#[test]
fn listings_compile_and_print_like_the_engine() {
    let lessons = all_lessons();
    let programs = all_programs();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-listings");
    let bin = dir.join("src/bin");
    let translated: Vec<&(String, Lesson)> = programs
        .iter()
        .filter(|(_, l)| !untranslated(&l.rust_listing().text()))
        .collect();
    let built: Vec<&(String, Lesson)> = lessons.iter().chain(translated.iter().copied()).collect();
    // Listings of lessons that no longer exist would fail the build.
    if let Ok(entries) = std::fs::read_dir(&bin) {
        for e in entries.flatten() {
            let stem = stem(&e.path());
            if !built.iter().any(|(n, _)| *n == stem) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    std::fs::create_dir_all(&bin).expect("temp dir");
    std::fs::write(
        dir.join("Cargo.toml"),
        r#"[package]
name = "listings"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
tokio = { version = "1.46", features = ["full", "test-util"] }
futures = "0.3"
tokio-stream = "0.1"
async-stream = "0.3"
scopeguard = "1"
async-channel = "2"
tokio-util = { version = "0.7", features = ["rt"] }
indexmap = "2"
num-bigint = "0.4"
num-integer = "0.1"

[profile.dev]
debug = false
# Each listing is built once: incremental state would only fill the disk.
incremental = false

[workspace]
"#,
    )
    .expect("Cargo.toml");
    for (name, lesson) in &built {
        let shown = lesson.rust_listing().text();
        let text = if untranslated(&shown) {
            shown
        } else {
            as_built(name, &shown)
        };
        // Unchanged files keep their time stamps: no rebuild.
        let file = bin.join(format!("{name}.rs"));
        if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
            // A stale binary must not pass for a listing that fails to build.
            let _ = std::fs::remove_file(dir.join("target/debug").join(name));
            std::fs::write(&file, text).expect("write listing");
        }
    }
    let build = |offline: bool| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "--bins", "--keep-going"])
            .current_dir(&dir);
        cmd.env("CARGO_TARGET_DIR", dir.join("target"));
        if offline {
            cmd.arg("--offline");
        }
        cmd.output().expect("cargo runs")
    };
    let mut out = build(true);
    if !out.status.success() {
        out = build(false);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let fetch_failed = [
        "failed to get",
        "failed to download",
        "failed to load source",
    ]
    .iter()
    .any(|m| stderr.contains(m));
    if !out.status.success() && fetch_failed && !stderr.contains("src/bin/") {
        // CI sets it: there, a build that cannot run is a failure, not a pass.
        let required = std::env::var("ASYNCLINGS_REQUIRE_LISTINGS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "ASYNCLINGS_REQUIRE_LISTINGS=1 and the crates could not be fetched:\n{stderr}"
        );
        eprintln!("skipped: the crates could not be fetched:\n{stderr}");
        return;
    }
    let limit = std::time::Duration::from_secs(20);
    let mut failures = Vec::new();
    for (name, lesson) in &lessons {
        let exe = dir.join("target/debug").join(name);
        if let Some((_, why)) = UNTRANSLATABLE.iter().find(|(n, _)| n == name) {
            eprintln!("{name}: not expected to build: {why}");
            continue;
        }
        if !exe.exists() {
            let errors = messages_about(&stderr, name, false);
            failures.push(format!("{name}: not built\n{}", errors.join("\n\n")));
            continue;
        }
        let warnings = messages_about(&stderr, name, true);
        if !warnings.is_empty() {
            failures.push(format!("{name}: warnings\n{}", warnings.join("\n\n")));
        }
        let Some((got, _)) = run_listing(&exe, limit) else {
            failures.push(format!("{name}: still running after {limit:?}"));
            continue;
        };
        if let Some((_, why)) = KNOWN_DIFFERENCES.iter().find(|(n, _)| n == name) {
            eprintln!("{name}: output not compared: {why}");
            continue;
        }
        let report = asynclings::engine::run_headless(lesson.script(), &Default::default());
        let want: Vec<String> = report.printed().into_iter().map(normalise).collect();
        if got != want {
            failures.push(format!("{name}: printed\n{got:#?}\nengine\n{want:#?}"));
        }
    }
    let mut agreeing = 0;
    for (name, lesson) in &translated {
        let exe = dir.join("target/debug").join(name);
        if !exe.exists() {
            let errors = messages_about(&stderr, name, false);
            failures.push(format!("{name}: not built\n{}", errors.join("\n\n")));
            continue;
        }
        let warnings = messages_about(&stderr, name, true);
        if !warnings.is_empty() {
            failures.push(format!("{name}: warnings\n{}", warnings.join("\n\n")));
        }
        let Some((got, success)) = run_listing(&exe, limit) else {
            failures.push(format!("{name}: still running after {limit:?}"));
            continue;
        };
        if let Some((_, why)) = PROGRAMS_EXCUSED.iter().find(|(n, _)| n == name) {
            eprintln!("{name}: output not compared: {why}");
            continue;
        }
        let report = asynclings::engine::run_headless(lesson.script(), &Default::default());
        let want: Vec<String> = report.printed().into_iter().map(normalise).collect();
        // `sys.exit(0)` ends the process with success, as running to the end does.
        let finished = matches!(
            report.outcome,
            asynclings::engine::Outcome::Finished | asynclings::engine::Outcome::Exited(0)
        );
        if got != want {
            failures.push(format!("{name}: printed\n{got:#?}\nengine\n{want:#?}"));
        } else if success != finished {
            failures.push(format!(
                "{name}: the listing's exit succeeded: {success}, the engine's run finished: {finished}"
            ));
        } else if warnings.is_empty() {
            agreeing += 1;
        }
    }
    let built_names: Vec<&str> = built
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| dir.join("target/debug").join(n).exists())
        .collect();
    failures.extend(edition_2021_errors(&dir, &built_names));
    eprintln!(
        "corpus: {agreeing} of {} programs translate and agree ({} translate)",
        programs.len(),
        translated.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        agreeing >= PROGRAMS_AGREEING_AT_LEAST,
        "only {agreeing} corpus programs translate and agree; at least {PROGRAMS_AGREEING_AT_LEAST} did"
    );
}

/// Checks the listings that `dir`'s project built on edition 2024 again as
/// edition 2021, in a project beside it that takes the same files: each
/// listing must build on both. Gives one failure per listing that does not.
fn edition_2021_errors(dir: &Path, names: &[&str]) -> Vec<String> {
    let old = dir.with_file_name("rust-listings-2021");
    std::fs::create_dir_all(&old).expect("temp dir");
    let mut toml = std::fs::read_to_string(dir.join("Cargo.toml"))
        .expect("Cargo.toml")
        .replace("name = \"listings\"", "name = \"listings-2021\"")
        .replace("edition = \"2024\"", "edition = \"2021\"\nautobins = false");
    for name in names {
        toml.push_str(&format!(
            "\n[[bin]]\nname = \"{name}\"\npath = \"../rust-listings/src/bin/{name}.rs\"\n"
        ));
    }
    std::fs::write(old.join("Cargo.toml"), toml).expect("Cargo.toml");
    let _ = std::fs::copy(dir.join("Cargo.lock"), old.join("Cargo.lock"));
    let out = Command::new(env!("CARGO"))
        .args(["check", "--bins", "--keep-going", "--offline"])
        .current_dir(&old)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("cargo runs");
    if out.status.success() {
        return Vec::new();
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failed: Vec<String> = names
        .iter()
        .filter(|n| stderr.contains(&format!("(bin \"{n}\")")))
        .map(|n| {
            let errors = messages_about(&stderr, n, false);
            format!(
                "{n}: does not build on edition 2021\n{}",
                errors.join("\n\n")
            )
        })
        .collect();
    if failed.is_empty() {
        vec![format!("the edition 2021 check failed:\n{stderr}")]
    } else {
        failed
    }
}
