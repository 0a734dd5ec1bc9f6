//! `asynclings export`: each format written by the real binary, on a
//! built-in lesson and on a program of `tests/programs/`, read back as a
//! user's tools would read it (an XML parser, a JSON parser, a terminal
//! emulator playing the cast); and the errors a user can make.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = "tests/programs/basics__hello_sleep.py";

fn asynclings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .env("ASYNCLINGS_THEME", "dark")
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asynclings-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Exports `what` in `format` (with `extra` arguments) and returns the file.
fn export(what: &str, format: &str, extra: &[&str], dir: &Path) -> Vec<u8> {
    let file = dir.join(format!("{}.{format}", what.replace('/', "_")));
    let mut args = vec![
        "export",
        what,
        "--format",
        format,
        "-o",
        file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = asynclings(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "export {what} {format}: {stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("wrote "), "{stdout}");
    std::fs::read(&file).unwrap()
}

/// The JSON lines of a run: its header and its events.
fn json_lines(what: &str, dir: &Path) -> (Value, Vec<Value>) {
    let bytes = export(what, "json", &[], dir);
    let text = String::from_utf8(bytes).unwrap();
    let mut lines = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("every line is JSON"));
    let header = lines.next().expect("a header");
    (header, lines.collect())
}

/// The labels the timeline gives the run's tasks: `name=` if given, else
/// the coroutine call.
fn labels(events: &[Value]) -> BTreeMap<u64, String> {
    events
        .iter()
        .filter(|e| e["kind"] == "created")
        .map(|e| {
            let label = if e["named"] == true {
                &e["name"]
            } else {
                &e["call"]
            };
            (
                e["lane"].as_u64().unwrap(),
                label.as_str().unwrap().to_string(),
            )
        })
        .collect()
}

// ------------------------------------------------------------ JSON lines

/// The kind of event an `--events` line prints.
fn kind_of_line(text: &str) -> &'static str {
    let kinds = [
        ("created ", "created"),
        ("renamed ", "renamed"),
        ("enters ", "frame_entered"),
        ("leaves ", "frame_left"),
        ("polled", "polled"),
        ("suspended on ", "suspended"),
        ("woken", "woken"),
        ("blocks the thread", "blocked"),
        ("unblocked", "unblocked"),
        ("returned ", "returned"),
        ("cancelled", "cancelled"),
        ("timed out", "timed_out"),
        ("printed ", "printed"),
        ("failed: ", "failed"),
        ("run aborted: ", "aborted"),
        ("counter ", "counter"),
        ("now waiting on ", "wait_changed"),
    ];
    kinds
        .iter()
        .find(|(prefix, _)| text.starts_with(prefix))
        .map_or("?", |(_, kind)| kind)
}

fn json_matches_run_events(what: &str, lesson_id: &str) {
    let dir = scratch(&format!("json-{lesson_id}"));
    let (header, events) = json_lines(what, &dir);
    assert_eq!(header["schema"], "asynclings-events");
    assert_eq!(header["version"], 1);
    assert_eq!(header["lesson"], lesson_id);
    assert_eq!(header["outcome"]["status"], "finished");
    assert_eq!(header["events"], events.len());

    let run = asynclings(&["run", what, "--headless", "--events"]);
    assert!(run.status.success());
    let printed = String::from_utf8(run.stdout).unwrap();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), events.len(), "{printed}");
    for (line, event) in lines.iter().zip(&events) {
        // `[t=T] #LANE what`
        let (stamp, rest) = line.split_once("] #").unwrap();
        let t: f64 = stamp.strip_prefix("[t=").unwrap().parse().unwrap();
        let (lane, what) = rest.split_once(' ').unwrap();
        assert_eq!(lane, event["lane"].to_string(), "{line}");
        assert!(
            (event["time"].as_f64().unwrap() - t).abs() < 1e-3,
            "{line} vs {event}"
        );
        let kind = event["kind"].as_str().unwrap();
        let kind = if kind == "printed_no_loop" {
            "printed"
        } else {
            kind
        };
        assert_eq!(kind_of_line(what), kind, "{line} vs {event}");
        if let Some(n) = event["line"].as_u64() {
            assert!(line.ends_with(&format!("(line {n})")), "{line} vs {event}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_lines_of_a_lesson_match_run_events() {
    json_matches_run_events("gather", "gather");
}

#[test]
fn json_lines_of_a_program_match_run_events() {
    json_matches_run_events(PROGRAM, "basics__hello_sleep");
}

// ---------------------------------------------------------------- trace

fn check_trace(what: &str, name: &str, flows: bool) {
    let dir = scratch(&format!("trace-{name}"));
    let (_, events) = json_lines(what, &dir);
    let trace: Value = serde_json::from_slice(&export(what, "trace", &[], &dir)).unwrap();
    assert_eq!(trace["displayTimeUnit"], "ms");
    let all = trace["traceEvents"].as_array().unwrap();
    let of = |ph: &'static str| all.iter().filter(move |e| e["ph"] == ph);

    // A named row per task.
    let names: BTreeMap<u64, String> = of("M")
        .filter(|e| e["name"] == "thread_name")
        .map(|e| {
            let name = e["args"]["name"].as_str().unwrap().to_string();
            (e["tid"].as_u64().unwrap(), name)
        })
        .collect();
    let labels = labels(&events);
    assert!(!labels.is_empty());
    for (lane, label) in &labels {
        assert_eq!(names[lane], format!("#{lane} {label}"));
    }

    // Slices cover each task from its creation to its end, without gaps.
    let micros = |s: f64| (s * 1e6).round();
    for lane in labels.keys() {
        let mut slices: Vec<(f64, f64)> = of("X")
            .filter(|e| e["tid"] == *lane)
            .map(|e| {
                let ts = e["ts"].as_f64().unwrap();
                (ts, ts + e["dur"].as_f64().unwrap())
            })
            .collect();
        slices.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mine: Vec<&Value> = events.iter().filter(|e| e["lane"] == *lane).collect();
        let born = micros(mine[0]["time"].as_f64().unwrap());
        let ended = mine
            .iter()
            .rev()
            .find(|e| e["kind"] == "returned")
            .map(|e| micros(e["time"].as_f64().unwrap()))
            .expect("each task of the demo returns");
        assert_eq!(slices.first().unwrap().0, born, "task #{lane}");
        assert_eq!(slices.last().unwrap().1, ended, "task #{lane}");
        for pair in slices.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "task #{lane}: {slices:?}");
        }
    }
    let states: BTreeSet<&str> = of("X").map(|e| e["cat"].as_str().unwrap()).collect();
    assert!(
        states.contains("running") && states.contains("waiting"),
        "{states:?}"
    );

    // Every flow that starts ends, on another task.
    let starts: BTreeMap<u64, u64> = of("s")
        .map(|e| (e["id"].as_u64().unwrap(), e["tid"].as_u64().unwrap()))
        .collect();
    let finishes: BTreeMap<u64, u64> = of("f")
        .map(|e| (e["id"].as_u64().unwrap(), e["tid"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        starts.keys().collect::<Vec<_>>(),
        finishes.keys().collect::<Vec<_>>()
    );
    for (id, from) in &starts {
        assert_ne!(*from, finishes[id]);
    }
    assert_eq!(!starts.is_empty(), flows, "{starts:?}");

    // Counters of the tasks per state; at the end every task is done.
    let last = of("C").rfind(|e| e["name"] == "tasks").unwrap();
    assert_eq!(last["args"]["done"], labels.len(), "{last}");
    assert_eq!(last["args"]["running"], 0, "{last}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A producer filling a queue of 2 ahead of a consumer that takes one
/// item a second, holding a semaphore's only permit while it does.
const PIPELINE: &str = r#"import asyncio


async def producer(queue):
    for i in range(3):
        await queue.put(i)


async def consumer(queue, slots):
    await asyncio.sleep(1)
    for _ in range(3):
        async with slots:
            await queue.get()
            await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue(2)
    slots = asyncio.Semaphore(1)
    await asyncio.gather(producer(queue), consumer(queue, slots))


asyncio.run(main())
"#;

/// The queue's size and the free permits at each change: `(t, value)`.
/// The producer fills the queue at t=0 (its third put waits); the
/// consumer takes an item at t=1, 2 and 3, and the producer's third item
/// goes in at t=1; the permit is taken at t=1, given back and taken again
/// at t=2 and 3, and given back at t=4.
const QUEUE_SIZES: [(f64, i64); 7] = [
    (0.0, 0),
    (0.0, 1),
    (0.0, 2),
    (1.0, 1),
    (1.0, 2),
    (2.0, 1),
    (3.0, 0),
];
const FREE_PERMITS: [(f64, i64); 7] = [
    (0.0, 1),
    (1.0, 0),
    (2.0, 1),
    (2.0, 0),
    (3.0, 1),
    (3.0, 0),
    (4.0, 1),
];

#[test]
fn json_lines_carry_queue_sizes_and_free_permits_as_they_change() {
    let dir = scratch("json-counters");
    let program = dir.join("pipeline.py");
    std::fs::write(&program, PIPELINE).unwrap();
    let (header, events) = json_lines(program.to_str().unwrap(), &dir);
    assert_eq!(header["version"], 1);
    let counter = |name: &str| -> Vec<(f64, i64)> {
        events
            .iter()
            .filter(|e| e["kind"] == "counter" && e["name"] == name)
            .map(|e| (e["time"].as_f64().unwrap(), e["value"].as_i64().unwrap()))
            .collect()
    };
    assert_eq!(counter("Queue 'queue'"), QUEUE_SIZES);
    assert_eq!(counter("Semaphore 'slots'"), FREE_PERMITS);
    let first = events.iter().find(|e| e["kind"] == "counter").unwrap();
    assert_eq!(first["counts"], "queue_size", "{first}");
    assert_eq!(first["capacity"], 2, "{first}");
    let ids: BTreeSet<u64> = events
        .iter()
        .filter(|e| e["kind"] == "counter")
        .map(|e| e["counter"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "one counter per primitive");
    // The same lines `run --events` prints, in order.
    let run = asynclings(&["run", program.to_str().unwrap(), "--headless", "--events"]);
    let printed = String::from_utf8(run.stdout).unwrap();
    let lines: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains(" counter "))
        .collect();
    assert_eq!(lines.len(), 14, "{printed}");
    assert!(
        lines[0].starts_with("[t=0] #0 counter Queue 'queue': size 0 of 2"),
        "{printed}"
    );
    assert!(
        lines[13].starts_with("[t=4] #2 counter Semaphore 'slots': free 1 of 1"),
        "{printed}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn trace_has_a_counter_track_per_queue_and_semaphore() {
    let dir = scratch("trace-counters");
    let program = dir.join("pipeline.py");
    std::fs::write(&program, PIPELINE).unwrap();
    let trace: Value =
        serde_json::from_slice(&export(program.to_str().unwrap(), "trace", &[], &dir)).unwrap();
    let all = trace["traceEvents"].as_array().unwrap();
    let track = |name: &str, series: &str| -> Vec<(f64, i64)> {
        all.iter()
            .filter(|e| e["ph"] == "C" && e["name"] == name)
            .map(|e| {
                (
                    e["ts"].as_f64().unwrap() / 1e6,
                    e["args"][series].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(track("Queue 'queue'", "queue size"), QUEUE_SIZES);
    assert_eq!(track("Semaphore 'slots'", "free permits"), FREE_PERMITS);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn trace_of_a_lesson_has_rows_slices_flows_and_counters() {
    // gather's children wake the main task when they are done.
    check_trace("gather", "lesson", true);
}

#[test]
fn trace_of_a_program_has_a_row_and_slices() {
    // One task, woken by timers only: no arrow.
    check_trace(PROGRAM, "program", false);
}

// ------------------------------------------------------------------ SVG

/// The text of an SVG screen, row by row: each glyph put back at the
/// column its x gives.
fn svg_rows(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let mut rows: BTreeMap<i64, BTreeMap<i64, char>> = BTreeMap::new();
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let y = text.attribute("y").unwrap().parse::<f64>().unwrap();
        let row = rows.entry((y * 10.0) as i64).or_default();
        let xs = text.attribute("x").unwrap().split(' ');
        for (x, ch) in xs.zip(text.text().unwrap_or("").chars()) {
            let col = ((x.parse::<f64>().unwrap() - 12.0) / 8.4).round() as i64;
            row.insert(col, ch);
        }
    }
    rows.values()
        .map(|cells| {
            let mut line = String::new();
            for (&col, &ch) in cells {
                while (line.chars().count() as i64) < col {
                    line.push(' ');
                }
                line.push(ch);
            }
            line
        })
        .collect()
}

fn check_svg(what: &str, name: &str) {
    let dir = scratch(&format!("svg-{name}"));
    let (_, events) = json_lines(what, &dir);
    let svg = String::from_utf8(export(what, "svg", &[], &dir)).unwrap();
    let screen = svg_rows(&svg).join("\n");
    for label in labels(&events).values() {
        assert!(screen.contains(label.as_str()), "{label} in\n{screen}");
    }
    assert!(screen.contains("finished"), "{screen}");
    // The theme's colours: the dark backdrop, coloured text.
    assert!(svg.contains(r##"fill="#1d1f21""##));
    let fills: BTreeSet<&str> = svg.split("fill=\"").skip(1).map(|s| &s[..7]).collect();
    assert!(fills.len() >= 4, "{fills:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn svg_of_a_lesson_is_xml_with_its_task_labels() {
    check_svg("gather", "lesson");
}

#[test]
fn svg_of_a_program_is_xml_with_its_task_labels() {
    check_svg(PROGRAM, "program");
}

#[test]
fn svg_at_a_moment_shows_the_run_then() {
    let dir = scratch("svg-at");
    let svg = export("gather", "svg", &["--at", "1", "--size", "100x30"], &dir);
    let svg = String::from_utf8(svg).unwrap();
    let rows = svg_rows(&svg);
    let screen = rows.join("\n");
    assert!(screen.contains("t=1s"), "{screen}");
    assert!(screen.contains("▶ running  t=1s"), "{screen}");
    assert!(!screen.contains("✓ finished"), "{screen}");
    // What was printed by then, and not after.
    assert!(screen.contains("[t=1] fast finished"), "{screen}");
    assert!(!screen.contains("medium finished"), "{screen}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // 100 columns of 8.4 px and 30 rows of 17 px, with 12 px around.
    assert_eq!(doc.root_element().attribute("width"), Some("864"));
    assert_eq!(doc.root_element().attribute("height"), Some("534"));
    std::fs::remove_dir_all(&dir).unwrap();
}

// ----------------------------------------------------------- asciicast

fn check_cast(what: &str, name: &str) {
    let dir = scratch(&format!("cast-{name}"));
    let (_, events) = json_lines(what, &dir);
    let cast = String::from_utf8(export(what, "cast", &["--size", "100x32"], &dir)).unwrap();
    let mut lines = cast.lines();
    let header: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["version"], 2);
    assert_eq!(header["width"], 100);
    assert_eq!(header["height"], 32);
    assert!(header["timestamp"].as_u64().unwrap() > 1_600_000_000);
    assert!(
        header["title"]
            .as_str()
            .unwrap()
            .starts_with("asynclings: ")
    );

    // Play it into a terminal emulator: the last screen is the UI's at
    // the end of the run.
    let mut term = vt100::Parser::new(
        NonZeroU16::new(32).unwrap(),
        NonZeroU16::new(100).unwrap(),
        0,
    );
    let mut last = -1.0;
    let mut frames = 0;
    let mut running_seen = false;
    for line in lines {
        let frame: (f64, String, String) = serde_json::from_str(line).unwrap();
        assert!(frame.0 >= last, "times rise: {} after {last}", frame.0);
        assert_eq!(frame.1, "o");
        last = frame.0;
        frames += 1;
        term.process(frame.2.as_bytes());
        running_seen |= term.screen().contents().contains("▶ running");
    }
    let end = events.last().unwrap()["time"].as_f64().unwrap();
    assert!(
        (last - end).abs() < 1e-6,
        "the cast lasts the run: {last} vs {end}"
    );
    assert!(
        frames as f64 >= end * 10.0 * 0.5,
        "{frames} frames for {end} s"
    );
    assert!(running_seen);
    let screen = term.screen().contents();
    assert!(screen.contains("✓ finished"), "{screen}");
    for label in labels(&events).values() {
        assert!(screen.contains(label.as_str()), "{label} in\n{screen}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cast_of_a_lesson_plays_the_run_as_the_ui_draws_it() {
    check_cast("gather", "lesson");
}

#[test]
fn cast_of_a_program_plays_the_run_as_the_ui_draws_it() {
    check_cast(PROGRAM, "program");
}

// ---------------------------------------------------------------- errors

#[test]
fn a_bad_format_is_a_usage_error() {
    let out = asynclings(&["export", "gather", "--format", "png", "-o", "x.png"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`png` is not a format: use svg, cast, trace or json"),
        "{stderr}"
    );
    assert!(!Path::new("x.png").exists());
}

#[test]
fn options_of_another_format_are_usage_errors() {
    let out = asynclings(&[
        "export", "gather", "--format", "json", "--at", "1", "-o", "x.jsonl",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--at applies to --format svg"), "{stderr}");
    for bad in ["10", "10x", "axb", "20x5", "5000x40"] {
        let out = asynclings(&[
            "export", "gather", "--format", "svg", "--size", bad, "-o", "x.svg",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(
            stderr.contains(&format!("`{bad}` is not a size")),
            "{stderr}"
        );
    }
    assert!(!Path::new("x.svg").exists() && !Path::new("x.jsonl").exists());
}

#[test]
fn an_unwritable_output_is_a_clear_error() {
    let dir = scratch("unwritable");
    let target = dir.join("no-such-folder").join("run.svg");
    let out = asynclings(&[
        "export",
        "gather",
        "--format",
        "svg",
        "-o",
        target.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("error: cannot write {}", target.display())),
        "{stderr}"
    );
    assert!(stderr.contains("No such file or directory"), "{stderr}");
    // Nothing is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_named_pipe_or_folder_as_output_is_refused_not_replaced() {
    let dir = scratch("not-a-file");
    let pipe = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    for target in [&pipe, &folder] {
        let target = target.to_str().unwrap();
        let out = asynclings(&["export", "gather", "--format", "json", "-o", target]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: cannot write {target}: it is not a regular file"
            )),
            "{stderr}"
        );
    }
    let pipe_kind = std::fs::symlink_metadata(&pipe).unwrap().file_type();
    assert!(!pipe_kind.is_file() && !pipe_kind.is_dir());
    assert!(folder.is_dir());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_program_is_reported_and_nothing_written() {
    let dir = scratch("refused");
    let program = dir.join("fetch.py");
    std::fs::write(&program, "import requests\n").unwrap();
    let target = dir.join("fetch.jsonl");
    let out = asynclings(&[
        "export",
        program.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        target.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("fetch.py:1:"), "{stderr}");
    assert!(
        stderr.contains("'import requests' is not supported"),
        "{stderr}"
    );
    assert!(!target.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unknown_lesson_is_reported() {
    let out = asynclings(&[
        "export",
        "no-such-lesson",
        "--format",
        "json",
        "-o",
        "x.jsonl",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no-such-lesson"), "{stderr}");
    assert!(!Path::new("x.jsonl").exists());
}

// ------------------------------------------------- runs that do not finish

#[test]
fn a_run_that_raises_or_deadlocks_is_exported_as_it_went() {
    let dir = scratch("unfinished");
    let cases = [
        (
            "raises.py",
            "import asyncio\n\nasync def main():\n    print('before')\n    raise ValueError('boom')\n\nasyncio.run(main())\n",
            "raised",
        ),
        (
            "stuck.py",
            "import asyncio\n\nasync def main():\n    fut = asyncio.get_running_loop().create_future()\n    print('waiting')\n    await fut\n\nasyncio.run(main())\n",
            "aborted",
        ),
    ];
    for (name, text, status) in cases {
        let program = dir.join(name);
        std::fs::write(&program, text).unwrap();
        let program = program.to_str().unwrap();
        let (header, events) = json_lines(program, &dir);
        assert_eq!(header["outcome"]["status"], status, "{header}");
        assert!(events.iter().any(|e| e["kind"] == "printed"), "{name}");
        let trace: Value = serde_json::from_slice(&export(program, "trace", &[], &dir)).unwrap();
        let all = trace["traceEvents"].as_array().unwrap();
        let end = events.last().unwrap()["time"].as_f64().unwrap() * 1e6;
        // The main task's slices reach the run's end either way.
        let last = all
            .iter()
            .filter(|e| e["ph"] == "X" && e["tid"] == 0)
            .map(|e| e["ts"].as_f64().unwrap() + e["dur"].as_f64().unwrap())
            .fold(0.0, f64::max);
        assert_eq!(last, end, "{name}");
        if status == "aborted" {
            let reason = header["outcome"]["reason"].as_str().unwrap();
            assert!(reason.contains("deadlock"), "{reason}");
            assert!(
                all.iter()
                    .any(|e| e["ph"] == "i" && e["name"] == "run ended"),
                "{name}"
            );
        } else {
            let traceback = header["outcome"]["traceback"].as_str().unwrap();
            assert!(traceback.contains("ValueError: boom"), "{traceback}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_header_names_the_seed_that_replays_the_run() {
    let dir = scratch("seed");
    let program = dir.join("dice.py");
    std::fs::write(
        &program,
        "import asyncio\nimport random\n\nasync def main():\n    print(random.randint(1, 1000000))\n\nasyncio.run(main())\n",
    )
    .unwrap();
    let program = program.to_str().unwrap();
    let first = dir.join("first.jsonl");
    let out = asynclings(&[
        "export",
        program,
        "--format",
        "json",
        "-o",
        first.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    // The seed picked is reported as `run` reports it, and recorded.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let text = std::fs::read_to_string(&first).unwrap();
    let header: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let seed = header["seed"].as_u64().expect("a seed");
    assert!(stderr.contains(&format!("random seed: {seed}")), "{stderr}");
    // Given back, it replays the run.
    let again = dir.join("again.jsonl");
    let seed = seed.to_string();
    let out = asynclings(&[
        "--seed",
        &seed,
        "export",
        program,
        "--format",
        "json",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
    std::fs::remove_dir_all(&dir).unwrap();
}

// ------------------------------------------- the export key, off screen

#[test]
fn the_export_key_works_while_presenting_and_names_the_file() {
    use asynclings::engine::{Limits, run_headless};
    use asynclings::ui::app::{App, Msg, RunStatus};
    use crossterm::event::KeyCode;
    use ratatui::{Terminal, backend::TestBackend};

    let dir = scratch("key-present");
    let program = dir.join("hello.py");
    std::fs::copy(PROGRAM, &program).unwrap();
    let lesson = asynclings::lesson::load_file(&program).unwrap();
    let report = run_headless(lesson.script(), &Limits::default());
    let theme = asynclings::ui::theme::Theme::mono();
    let mut app = App::new(vec![lesson], Default::default(), theme);
    app.update(Msg::Resize(100, 30));
    app.open(0);
    app.lesson
        .as_mut()
        .unwrap()
        .load_events(&report.events, RunStatus::Finished(report.outcome));
    let screen = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|f| asynclings::ui::view::draw(f, app))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..30)
            .map(|y| {
                (0..100)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Presenting hides the keys, but not the prompt nor where the file went.
    app.update(Msg::key(KeyCode::Char('F')));
    assert!(!screen(&app).contains("x export"));
    app.update(Msg::key(KeyCode::Char('x')));
    let shown = screen(&app);
    assert!(
        shown.contains("export as:  s svg  c cast  t trace  j json"),
        "{shown}"
    );
    app.update(Msg::key(KeyCode::Char('c')));
    let saved = dir.join("hello-run.cast");
    assert!(screen(&app).contains(&format!("saved {}", saved.display())));
    let cast = std::fs::read_to_string(&saved).unwrap();
    let header: Value = serde_json::from_str(cast.lines().next().unwrap()).unwrap();
    assert_eq!(
        (header["width"].as_u64(), header["height"].as_u64()),
        (Some(100), Some(30))
    );
    // The note goes at the next key.
    app.update(Msg::key(KeyCode::Char('z')));
    assert!(!screen(&app).contains("saved "));
    std::fs::remove_dir_all(&dir).unwrap();
}
