//! Runs `asynclings check FILE` on every broken lesson in `tests/broken/`
//! and compares what it prints on stderr with `FILE.expected` (the file
//! with `.toml` replaced by `.expected`). The lessons name their demo
//! beside them: most name the valid `demo.py`, so that the report is about
//! the lesson file; `17-demo-syntax-error` names a broken one.
//!
//! To (re)write the expected reports after a deliberate change of a
//! message, run `UPDATE_EXPECT=1 cargo test --test broken_lessons`, then
//! read every changed `.expected` file before committing it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The broken lesson files, by name, relative to the crate root.
fn broken_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/broken exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| Path::new("tests/broken").join(p.file_name().expect("a file name")))
        .collect();
    files.sort();
    files
}

/// The demo files of the corpus, by name, relative to the crate root.
fn demo_files() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    std::fs::read_dir(&dir)
        .expect("tests/broken exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| format!("tests/broken/{}", p.file_name().expect("a name").display()))
        .collect()
}

struct Run {
    code: Option<i32>,
    stderr: String,
    timed_out: bool,
}

/// Runs `asynclings check FILE` from the crate root, killing it after
/// [`TIMEOUT`].
fn check(file: &Path) -> Run {
    asynclings(&["check".as_ref(), file.as_os_str()])
}

/// Runs `asynclings ARGS` from the crate root, killing it after
/// [`TIMEOUT`].
fn asynclings(args: &[&std::ffi::OsStr]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the asynclings binary starts");
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    });
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("waiting works") {
            break (Some(status), false);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let bytes = reader.join().expect("the reader thread ends");
    Run {
        code: status.and_then(|s| s.code()),
        stderr: String::from_utf8_lossy(&bytes).into_owned(),
        timed_out,
    }
}

/// Whether `text` holds `file:LINE:COL` with both numbers present.
fn has_location(text: &str, file: &str) -> bool {
    let prefix = format!("{file}:");
    text.match_indices(&prefix).any(|(i, _)| {
        let rest = &text[i + prefix.len()..];
        let line: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if line.is_empty() {
            return false;
        }
        let rest = &rest[line.len()..];
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        rest.starts_with(|c: char| c.is_ascii_digit())
    })
}

#[test]
fn every_broken_lesson_is_reported_as_expected() {
    let files = broken_files();
    assert!(
        files.len() >= 25,
        "the corpus should hold at least 25 broken lessons, found {}",
        files.len()
    );
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let run = check(file);
        if run.timed_out {
            failures.push(format!("{name}: still running after {TIMEOUT:?}, killed"));
            continue;
        }
        if run.stderr.contains("panicked") || run.stderr.contains("overflowed its stack") {
            failures.push(format!("{name}: the checker crashed:\n{}", run.stderr));
            continue;
        }
        match run.code {
            Some(0) => failures.push(format!("{name}: exit code 0 for a broken lesson")),
            None => failures.push(format!("{name}: killed by a signal:\n{}", run.stderr)),
            Some(_) => {}
        }
        // The place is in the lesson, or in the demo it names.
        let demos = demo_files();
        if !has_location(&run.stderr, &name) && !demos.iter().any(|d| has_location(&run.stderr, d))
        {
            failures.push(format!(
                "{name}: the report does not name the place as {name}:LINE:COL:\n{}",
                run.stderr
            ));
        }
        let expected_path = root.join(file.with_extension("expected"));
        if update {
            std::fs::write(&expected_path, &run.stderr).expect("the expected file is writable");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == run.stderr => {}
            Ok(expected) => failures.push(format!(
                "{name}: the report differs from {}\n--- expected\n{expected}\n--- actual\n{}",
                expected_path.display(),
                run.stderr
            )),
            Err(e) => failures.push(format!(
                "{name}: cannot read {} ({e}); run with UPDATE_EXPECT=1 to write it",
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} broken lessons failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_expected_report_has_its_lesson() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    for entry in std::fs::read_dir(&dir).expect("tests/broken exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|e| e == "expected") {
            assert!(
                path.with_extension("toml").is_file(),
                "{} has no lesson file next to it",
                path.display()
            );
        }
    }
}

#[test]
fn location_detection_works() {
    assert!(has_location("  × a/b.toml:3:14: bad", "a/b.toml"));
    assert!(!has_location(
        "error: cannot read a/b.toml: nope",
        "a/b.toml"
    ));
    assert!(!has_location("a/b.toml:3: nope", "a/b.toml"));
}

/// Each error's span lies in the text, it says how to fix the problem,
/// and its report names `file`.
fn assert_reported(
    file: &str,
    variant: &str,
    errors: &asynclings::lesson::diagnostic::LessonErrors,
) {
    for e in &errors.0 {
        assert!(
            e.span.start <= e.span.end && e.span.end <= variant.len(),
            "span {:?} out of the file for:\n{variant}",
            e.span
        );
        assert!(
            e.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
            "no help for `{}` in:\n{variant}",
            e.message
        );
        let report = e.render(false);
        assert!(report.contains(&format!("{file}:")), "{report}");
    }
}

/// Every way of cutting `text` short, and of dropping one of its
/// characters.
fn damaged(text: &str) -> impl Iterator<Item = String> + '_ {
    text.char_indices().flat_map(move |(i, c)| {
        let dropped = format!("{}{}", &text[..i], &text[i + c.len_utf8()..]);
        [text[..i].to_string(), dropped]
    })
}

/// Every way of cutting a valid Python demo short, or of dropping one of
/// its characters, is refused with a located report that says how to fix
/// it, or loads and runs without crashing the engine.
#[test]
fn damaged_reference_programs_are_reported_without_panics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/reference/r02_gather.py"))
        .expect("a UTF-8 program");
    let mut refused = 0;
    for variant in damaged(&text) {
        match asynclings::lesson::python_lesson("damaged.py", &variant) {
            Err(errors) => {
                refused += 1;
                assert_reported("damaged.py", &variant, &errors);
            }
            Ok(lesson) => {
                let report = asynclings::engine::run_headless(
                    lesson.script(),
                    &asynclings::engine::Limits::default(),
                );
                assert!(
                    !matches!(report.outcome, asynclings::engine::Outcome::Failed(_)),
                    "the engine failed ({:?}) on:\n{variant}",
                    report.outcome
                );
            }
        }
    }
    assert!(
        refused > 100,
        "only {refused} damaged programs were refused"
    );
}

/// The same for a lesson file (its demo read from beside it, intact): every
/// damaged version the reader refuses is reported inside the file, with help.
#[test]
fn damaged_lesson_files_are_reported_without_panics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("lessons/05-gather.toml")).expect("a UTF-8 lesson");
    let demo = std::fs::read_to_string(root.join("lessons/05-gather.py")).expect("its demo");
    let read = |name: &str| {
        if name == "05-gather.py" {
            Ok(demo.clone())
        } else {
            Err(format!("no file `{name}` in this test"))
        }
    };
    let mut refused = 0;
    for variant in damaged(&text) {
        if let Err(errors) = asynclings::lesson::parse_with("damaged.toml", &variant, &read) {
            refused += 1;
            assert_reported("damaged.toml", &variant, &errors);
        }
    }
    assert!(refused > 100, "only {refused} damaged lessons were refused");
}

/// A scratch file holding `text`, in a folder of its own.
fn scratch_lesson(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asynclings-broken-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let file = dir.join(format!("{name}.toml"));
    std::fs::write(&file, text).expect("the lesson is written");
    file
}

/// The column (in characters) of `needle` in the report line holding it.
fn column_of(report: &str, line_start: &str, needle: &str) -> usize {
    let line = report
        .lines()
        .find(|l| l.starts_with(line_start))
        .unwrap_or_else(|| panic!("no line starting {line_start:?} in:\n{report}"));
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in {line:?}"));
    line[..at].chars().count()
}

/// An error far into a very long line is quoted around its place, not
/// whole: a caret past column 65,536 made miette panic ("Formatting
/// argument out of range"), and shorter long lines were echoed whole.
#[test]
fn an_error_on_a_very_long_line_is_quoted_around_its_place() {
    for (name, before, after) in [
        // `junk` at column 65,537.
        ("caret-past-65536", 65_525, 0),
        ("middle-of-20k", 10_000, 10_000),
    ] {
        let line = format!(
            "title = \"{}\" junk{}",
            "x".repeat(before),
            " ".repeat(after)
        );
        let file = scratch_lesson(name, &format!("{line}\nsummary = \"s\"\n"));
        let run = check(&file);
        assert!(!run.timed_out, "{name}: still running");
        assert!(!run.stderr.contains("panicked"), "{name}:\n{}", run.stderr);
        assert_eq!(run.code, Some(1), "{name}:\n{}", run.stderr);
        // `junk`, 1-based.
        let col = before + 12;
        let place = format!("{}:1:{col}", file.display());
        assert!(
            run.stderr.contains(&place),
            "{name}: no {place}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.len() < 2_000,
            "{name}: a {}-byte report",
            run.stderr.len()
        );
        // The window starts with `…` and the caret is under `junk`.
        let quoted = run.stderr.lines().find(|l| l.starts_with(" 1 │")).unwrap();
        assert!(quoted.starts_with(" 1 │ …x"), "{quoted}");
        assert_eq!(after > 0, quoted.ends_with('…'), "{quoted}");
        assert_eq!(
            column_of(&run.stderr, " 1 │", "junk"),
            column_of(&run.stderr, "   ·", "▲"),
            "{name}:\n{}",
            run.stderr
        );
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
    }
}

/// A message quoting a 20 KB key quotes its start and end, not all of it.
#[test]
fn a_message_about_a_very_long_key_is_short() {
    let text = format!(
        "title = \"t\"\nsummary = \"s\"\n{} = 1\n",
        "k".repeat(20_000)
    );
    let file = scratch_lesson("long-key", &text);
    let run = check(&file);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("unknown key"), "{}", run.stderr);
    assert!(run.stderr.contains("k…"), "{}", run.stderr);
    let ks = run.stderr.matches('k').count();
    assert!(ks < 1_000, "{ks} k's quoted:\n{}", run.stderr);
    assert!(
        run.stderr.len() < 3_000,
        "a {}-byte report",
        run.stderr.len()
    );
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// A folder holding a valid lesson and `name`, made by `make(path)`.
fn folder_with(test: &str, name: &str, make: impl FnOnce(&Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asynclings-files-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::write(
        dir.join("01-ok.toml"),
        "title = \"gather\"\nsummary = \"Two sleeps that overlap.\"\ndemo = \"01-ok.py\"\n",
    )
    .expect("a valid lesson");
    std::fs::copy(
        root.join("tests/reference/r02_gather.py"),
        dir.join("01-ok.py"),
    )
    .expect("its demo");
    make(&dir.join(name));
    dir
}

/// `check DIR`, `--lessons DIR list` and `run FILE` on a folder holding
/// `name` next to a valid lesson: each refuses the file with `FILE: error:
/// MESSAGE` and ends well before the timeout (a named pipe used to block
/// forever, a link to /dev/zero to read until memory ran out). `check` and
/// `run` exit 1; `list` lists the valid lesson, warns about the other and
/// exits 0.
fn refused(test: &str, name: &str, message: &str, make: impl FnOnce(&Path)) {
    let dir = folder_with(test, name, make);
    let file = dir.join(name);
    let expected = format!("{}: error: {message}", file.display());
    let runs = [
        ("check", 1, asynclings(&["check".as_ref(), dir.as_os_str()])),
        (
            "list",
            0,
            asynclings(&["--lessons".as_ref(), dir.as_os_str(), "list".as_ref()]),
        ),
        (
            "run",
            1,
            asynclings(&["run".as_ref(), file.as_os_str(), "--headless".as_ref()]),
        ),
    ];
    for (what, code, run) in runs {
        assert!(!run.timed_out, "{what}: still running after {TIMEOUT:?}");
        assert_eq!(run.code, Some(code), "{what}:\n{}", run.stderr);
        assert!(
            run.stderr.contains(&expected),
            "{what}: no {expected:?} in:\n{}",
            run.stderr
        );
    }
    let check = asynclings(&["check".as_ref(), dir.as_os_str()]);
    assert!(
        check
            .stderr
            .ends_with("1 lesson file(s) OK, 1 with problems\n"),
        "{}",
        check.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_named_pipe_is_refused_without_blocking() {
    refused(
        "fifo",
        "02-pipe.toml",
        "this is a named pipe, not a regular file",
        |path| {
            let made = Command::new("mkfifo")
                .arg(path)
                .status()
                .expect("mkfifo runs");
            assert!(made.success(), "mkfifo failed");
        },
    );
}

#[test]
fn a_link_to_dev_zero_is_refused_without_reading() {
    refused(
        "zero",
        "02-zero.toml",
        "this is a character device, not a regular file (reached through a symbolic link)",
        |path| std::os::unix::fs::symlink("/dev/zero", path).expect("a symlink"),
    );
}

#[test]
fn a_folder_named_like_a_lesson_is_refused() {
    refused(
        "folder",
        "02-folder.toml",
        "this is a folder, not a regular file",
        |path| std::fs::create_dir(path).expect("a folder"),
    );
}

#[test]
fn a_file_over_one_mebibyte_is_refused() {
    refused(
        "big",
        "02-big.toml",
        "this file is 1048577 bytes; lesson files are at most 1048576 bytes (1 MiB)",
        |path| std::fs::write(path, "#".repeat(1_048_577)).expect("a big file"),
    );
}
