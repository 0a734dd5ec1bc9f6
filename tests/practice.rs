//! Exercises: the built-in set verifies, `practice --check` grades each
//! starter as failing and each solution as passing, and every check kind
//! explains its failure in one sentence pointing at the timeline.

use asynclings::practice::{Exercise, Exercises};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
}

#[test]
fn every_built_in_exercise_verifies() {
    let set = Exercises::built_in();
    assert!(set.exercises.len() >= 16, "{}", set.exercises.len());
    for ex in &set.exercises {
        let problems = ex.verify();
        assert!(problems.is_empty(), "{}: {problems:#?}", ex.id);
    }
}

#[test]
fn verify_on_the_command_line_passes_on_the_built_in_set() {
    let out = bin().args(["practice", "--verify"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("ok    05-semaphore"), "{stdout}");
    assert!(stdout.ends_with("exercise(s) verified\n"), "{stdout}");
}

#[test]
fn check_fails_every_starter_and_passes_every_solution() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 16);
    for d in dirs {
        for (file, code) in [("exercise.py", 1), ("solution.py", 0)] {
            let path = d.join(file);
            let out = bin()
                .args(["practice", "--check"])
                .arg(&path)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{}: {stdout}{}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(stdout.contains('✗'), code == 1, "{stdout}");
        }
    }
}

#[test]
fn check_names_the_exercise_by_the_file_or_by_flag() {
    let dir = std::env::temp_dir().join(format!("asynclings-practice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mine = dir.join("mine.py");
    std::fs::write(&mine, include_str!("../exercises/06-timeout/solution.py")).unwrap();
    let out = bin()
        .args(["practice", "--check"])
        .arg(&mine)
        .args(["--exercise", "6"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.starts_with("06-timeout Don't wait forever: the run ended at t=1\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("✓ raises TimeoutError and handles it\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("6 of 6 checks pass\n"), "{stdout}");
    // Without --exercise, `mine.py` names none: a usage error.
    let out = bin()
        .args(["practice", "--check"])
        .arg(&mine)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give one with --exercise NN"));
    // A file named after the exercise needs no flag; a broken one is located.
    let named = dir.join("06-timeout.py");
    std::fs::write(&named, "import asyncio\n\nasync def main(:\n    pass\n").unwrap();
    let out = bin()
        .args(["practice", "--check"])
        .arg(&named)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("06-timeout.py:3:"), "{stderr}");
    assert!(stderr.contains("invalid syntax"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_exercise_file_gets_a_located_error() {
    let dir = std::env::temp_dir().join(format!("asynclings-practice-bad-{}", std::process::id()));
    let ex = dir.join("01-bad");
    std::fs::create_dir_all(&ex).unwrap();
    std::fs::write(ex.join("exercise.py"), "print(1)\n").unwrap();
    std::fs::write(ex.join("solution.py"), "print(1)\n").unwrap();
    std::fs::write(
        ex.join("exercise.toml"),
        "title = \"t\"\ntask = \"x\"\nhints = [\"h\"]\n\n[[check]]\nmax_tme = 1\n",
    )
    .unwrap();
    let out = bin()
        .args(["practice", "--verify"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("exercise.toml:6:1"), "{stderr}");
    assert!(stderr.contains("unknown variant `max_tme`"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// An exercise of one check on `starter`, graded on `program`: the check's
/// failure sentence, or `None` when it passes.
fn failure(check: &str, starter: &str, program: &str) -> Option<String> {
    let toml = format!("title = \"t\"\ntask = \"x\"\nhints = [\"h\"]\n\n[[check]]\n{check}\n");
    let ex = Exercise::parse("tests/01-unit", &toml, starter.into(), String::new())
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let graded = ex.grade("prog.py", program).unwrap();
    assert_eq!(graded.verdicts.len(), 2);
    graded.verdicts[1].failure.clone()
}

fn fails(check: &str, program: &str) -> String {
    failure(check, program, program).expect("the check fails")
}

const TWO_FETCHES: &str = "import asyncio\n\nasync def fetch(n):\n    await asyncio.sleep(1)\n    print(f'got {n}')\n\nasync def main():\n    await fetch(1)\n    await fetch(2)\n\nasyncio.run(main())\n";

const FIVE_AT_ONCE: &str = "import asyncio\n\nasync def fetch(n):\n    await asyncio.sleep(1)\n\nasync def main():\n    await asyncio.sleep(0.5)\n    await asyncio.gather(*(fetch(n) for n in range(5)))\n\nasyncio.run(main())\n";

#[test]
fn output_checks_explain_the_first_difference() {
    assert_eq!(
        fails("output = [\"got 1\", \"got 3\"]", TWO_FETCHES),
        "at t=2 line 2 printed \"got 2\" where \"got 3\" was expected"
    );
    assert_eq!(
        fails("output = [\"got 1\", \"got 2\", \"done\"]", TWO_FETCHES),
        "the run printed 2 line(s) and ended at t=2; line 3 should be \"done\""
    );
    assert_eq!(
        fails("output = [\"got 1\"]", TWO_FETCHES),
        "at t=2 an extra line \"got 2\" was printed after the 1 expected"
    );
    assert_eq!(
        failure("output = [\"got 1\", \"got 2\"]", TWO_FETCHES, TWO_FETCHES),
        None
    );
    assert_eq!(
        fails(
            "transcript = [\"[t=1] got 1\", \"[t=1] got 2\"]",
            TWO_FETCHES
        ),
        "at t=2 line 2 printed \"[t=2] got 2\" where \"[t=1] got 2\" was expected"
    );
    assert_eq!(
        fails("output_in_order = [\"got 2\", \"got 1\"]", TWO_FETCHES),
        "\"got 1\" is printed, but before \"got 2\"; it must come after it"
    );
    assert_eq!(
        fails("output_in_order = [\"got 9\"]", TWO_FETCHES),
        "\"got 9\" is never printed (the run ended at t=2)"
    );
    assert_eq!(
        fails("line_at = { text = \"got 2\", at = 1 }", TWO_FETCHES),
        "\"got 2\" is printed at t=2, not at t=1"
    );
    assert_eq!(
        failure(
            "line_at = { text = \"got 2\", at = 2 }",
            TWO_FETCHES,
            TWO_FETCHES
        ),
        None
    );
}

#[test]
fn time_checks_name_when_the_run_ended() {
    assert_eq!(
        fails("max_time = 1", TWO_FETCHES),
        "the run ended at t=2; it may take at most 1 s"
    );
    assert_eq!(
        fails("min_time = 2.5", TWO_FETCHES),
        "the run ended at t=2; it must take at least 2.5 s"
    );
    assert_eq!(failure("max_time = 2", TWO_FETCHES, TWO_FETCHES), None);
}

#[test]
fn concurrency_checks_name_the_moment_and_the_tasks() {
    assert_eq!(
        fails(
            "concurrency = { at_most = 3, tasks = \"fetch\" }",
            FIVE_AT_ONCE
        ),
        "at t=0.5 5 `fetch` tasks were busy at once (fetch(0), fetch(1), fetch(2), 2 more); at most 3 may be"
    );
    assert_eq!(
        fails(
            "concurrency = { at_least = 2, tasks = \"fetch\" }",
            TWO_FETCHES
        ),
        "at most 1 `fetch` tasks were busy at once (first at t=0); at least 2 must be"
    );
    assert_eq!(
        fails(
            "concurrency = { at_least = 1, tasks = \"nothing\" }",
            TWO_FETCHES
        ),
        "no `nothing` tasks were ever busy; at least 1 must be at once"
    );
    // A semaphore's waiters are not busy.
    let capped = FIVE_AT_ONCE
        .replace(
            "async def fetch(n):\n",
            "async def fetch(n):\n  async with sem:\n",
        )
        .replace(
            "    await asyncio.sleep(1)\n\nasync def main",
            "    await asyncio.sleep(1)\n\nsem = asyncio.Semaphore(3)\n\nasync def main",
        );
    let capped = capped.replace(
        "  async with sem:\n    await asyncio.sleep(1)",
        "  async with sem:\n      await asyncio.sleep(1)",
    );
    assert_eq!(
        failure(
            "concurrency = { at_most = 3, at_least = 3, tasks = \"fetch\" }",
            &capped,
            &capped
        ),
        None
    );
    assert_eq!(failure("uses = \"Semaphore\"", &capped, &capped), None);
}

#[test]
fn blocking_awaited_uses_and_handles_checks_explain_themselves() {
    let blocking = "import asyncio, time\n\nasync def main():\n    await asyncio.sleep(1)\n    time.sleep(0.25)\n\nasyncio.run(main())\n";
    assert_eq!(
        fails("max_blocking_ms = 100", blocking),
        "at t=1 a blocking call held the event loop for 250 ms; at most 100 ms may"
    );
    assert_eq!(failure("max_blocking_ms = 250", blocking, blocking), None);
    let forgot = "import asyncio\n\nasync def save():\n    print('saved')\n\nasync def main():\n    save()\n\nasyncio.run(main())\n";
    assert_eq!(
        fails("all_awaited = true", forgot),
        "the coroutine save() made at line 7 was never awaited, so its body never ran"
    );
    let lost = "import asyncio\n\nasync def boom():\n    raise ValueError('bad')\n\nasync def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";
    assert_eq!(
        fails("all_awaited = true", lost),
        "at t=0 task boom() failed with ValueError: bad, and nothing ever retrieved its exception"
    );
    // Awaited after it failed: its exception is retrieved, as in CPython.
    let late = "import asyncio\n\nasync def boom():\n    raise ValueError('bad')\n\nasync def main():\n    t = asyncio.create_task(boom())\n    await asyncio.sleep(1)\n    try:\n        await t\n    except ValueError:\n        print('caught')\n\nasyncio.run(main())\n";
    assert_eq!(failure("all_awaited = true", late, late), None);
    assert_eq!(
        fails("uses = \"Lock\"", TWO_FETCHES),
        "no task ever waited on a Lock during the run"
    );
    assert_eq!(
        fails("uses = \"thread\"", TWO_FETCHES),
        "no job ran on a worker thread during the run"
    );
    assert_eq!(
        fails("handles = \"TimeoutError\"", TWO_FETCHES),
        "no TimeoutError was raised during the run, so none was handled"
    );
    let timeout = "import asyncio\n\nasync def main():\n    try:\n        await asyncio.wait_for(asyncio.sleep(5), 1)\n    except asyncio.TimeoutError:\n        print('gave up')\n\nasyncio.run(main())\n";
    assert_eq!(
        failure("handles = \"TimeoutError\"", timeout, timeout),
        None
    );
    assert_eq!(failure("uses = \"timeout\"", timeout, timeout), None);
    let uncaught = "import asyncio\n\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(5), 1)\n\nasyncio.run(main())\n";
    assert_eq!(
        fails("handles = \"TimeoutError\"", uncaught),
        "at t=1 TimeoutError ended the run: nothing caught it"
    );
}

#[test]
fn unchanged_compares_syntax_trees_and_the_run_must_end_well() {
    let reformatted =
        TWO_FETCHES.replace("await asyncio.sleep(1)", "await asyncio.sleep( 1 )  # wait");
    assert_eq!(
        failure("unchanged = \"fetch\"", TWO_FETCHES, &reformatted),
        None
    );
    let changed = TWO_FETCHES.replace("await asyncio.sleep(1)", "await asyncio.sleep(0)");
    assert_eq!(
        failure("unchanged = \"fetch\"", TWO_FETCHES, &changed).unwrap(),
        "fetch() at line 3 differs from the starter's; change the code around it instead"
    );
    let gone = TWO_FETCHES
        .replace("def fetch(n)", "def get(n)")
        .replace("await fetch", "await get");
    assert_eq!(
        failure("unchanged = \"fetch\"", TWO_FETCHES, &gone).unwrap(),
        "fetch() is gone; keep it as the starter has it and change the code around it"
    );
    // The run's own check comes first.
    let toml = "title = \"t\"\ntask = \"x\"\nhints = [\"h\"]\n\n[[check]]\nmax_time = 5\n";
    let ex = Exercise::parse("tests/01-unit", toml, String::new(), String::new()).unwrap();
    let raising = "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    raise KeyError('k')\n\nasyncio.run(main())\n";
    let graded = ex.grade("prog.py", raising).unwrap();
    assert_eq!(
        graded.verdicts[0].failure.as_deref(),
        Some("at t=1 line 5 raised KeyError: 'k', and nothing caught it")
    );
    assert!(!graded.passed());
}

#[test]
fn authoring_mistakes_are_refused_where_they_are() {
    let parse = |check: &str| {
        let toml = format!("title = \"t\"\ntask = \"x\"\nhints = [\"h\"]\n\n[[check]]\n{check}\n");
        Exercise::parse("tests/01-unit", &toml, TWO_FETCHES.into(), String::new())
            .err()
            .map(|e| e.render(false))
    };
    let e = parse("unchanged = \"nope\"").unwrap();
    assert!(e.contains("the starter has no function `nope`"), "{e}");
    assert!(e.contains("exercise.toml:6:"), "{e}");
    let e = parse("uses = \"Mutex\"").unwrap();
    assert!(e.contains("`Mutex` is not something `uses` can see"), "{e}");
    let e = parse("concurrency = { tasks = \"x\" }").unwrap();
    assert!(e.contains("this concurrency check has no bound"), "{e}");
    let e = parse("all_awaited = false").unwrap();
    assert!(e.contains("checks nothing"), "{e}");
    assert_eq!(parse("max_time = 1"), None);
}

#[test]
fn the_format_document_names_every_check() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let format = std::fs::read_to_string(root.join("src/practice/format.rs")).unwrap();
    let docs = std::fs::read_to_string(root.join("docs/exercises.md")).unwrap();
    let body = format
        .split("pub enum Check {")
        .nth(1)
        .and_then(|b| b.split("\n}").next())
        .unwrap();
    let variants: Vec<String> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("///") && l.contains('('))
        .map(|l| {
            let name = l.split('(').next().unwrap();
            let mut snake = String::new();
            for (i, c) in name.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            snake
        })
        .collect();
    assert!(variants.len() >= 12, "{variants:?}");
    for v in &variants {
        assert!(
            docs.contains(&format!("| `{v} = ")),
            "docs/exercises.md lacks `{v}`"
        );
    }
}

/// CPython 3.11 is the judge: every starter and solution prints under the
/// virtual-clock harness what it prints on the engine, at the same times.
#[test]
fn every_exercise_program_runs_as_under_cpython() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<_> = std::fs::read_dir(root.join("exercises"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let paths: Vec<_> = dirs
        .iter()
        .flat_map(|d| [d.join("exercise.py"), d.join("solution.py")])
        .collect();
    // The CPython runs start together: each spends most of its time
    // starting the interpreter.
    let cpython: Vec<_> = paths
        .iter()
        .map(|path| {
            Command::new("python3")
                .arg(root.join("tests/support/virtual_clock.py"))
                .arg(path)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("python3 runs")
        })
        .collect();
    for (path, child) in paths.iter().zip(cpython) {
        let cpython = child.wait_with_output().unwrap();
        assert!(cpython.status.success(), "{}", path.display());
        let engine = bin()
            .args(["run", "--headless"])
            .arg(path)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&engine.stdout),
            String::from_utf8_lossy(&cpython.stdout),
            "{}",
            path.display()
        );
    }
}
