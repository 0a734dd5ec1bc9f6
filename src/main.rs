//! The `asynclings` command line.

mod cli;

use asynclings::engine::{self, Limits, LiveRun, Outcome};
use asynclings::export::Format;
use asynclings::lesson::{self, Lessons, LoadError};
use asynclings::sanitize::{for_output, for_terminal};
use clap::Parser;
use cli::{Cli, Command, ExportArgs, PracticeArgs};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

// Output to a closed pipe (`asynclings check | head -c1`) is dropped, as
// other command-line tools do, instead of panicking.
macro_rules! errln { ($($t:tt)*) => {{ let _ = writeln!(std::io::stderr(), $($t)*); }} }
macro_rules! err { ($($t:tt)*) => {{ let _ = write!(std::io::stderr(), $($t)*); }} }
macro_rules! outln { ($($t:tt)*) => {{ let _ = writeln!(std::io::stdout(), $($t)*); }} }
macro_rules! out { ($($t:tt)*) => {{ let _ = write!(std::io::stdout(), $($t)*); }} }

/// A run allocates many small task states and events from the demo thread,
/// where glibc's allocator grows a per-thread arena page by page; mimalloc
/// runs the 100k-task benchmark about twice as fast.
/// Counting the bytes held gives every run one memory budget.
#[global_allocator]
static ALLOCATOR: asynclings::memory::Counting<mimalloc::MiMalloc> =
    asynclings::memory::Counting(mimalloc::MiMalloc);

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, v2 and v3 alike).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() -> ExitCode {
    // Memory freed goes back to the system after 1 s (mimalloc v3's own
    // default, set here whatever the version): freed pages are reused
    // without faulting them in again. With the purge delay at 0 the 100k-task
    // benchmark took about 13,400 page faults instead of about 500-1,000, for
    // the same peak (342 MB) now that a headless run keeps no event log.
    // SAFETY: sets a global option of the allocator; safe at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            err!("{}", e.render(std::io::stderr().is_terminal()));
            ExitCode::FAILURE
        }
    }
}

fn load(dir: &Option<PathBuf>) -> Result<Lessons, LoadError> {
    match dir {
        Some(dir) => Lessons::from_dir(dir),
        None => Ok(Lessons::built_in()),
    }
}

fn run(cli: Cli) -> Result<ExitCode, LoadError> {
    if let Some(seed) = cli.seed {
        engine::set_default_seed(seed);
    }
    let Some(command) = cli.command else {
        let lessons = load(&cli.lessons)?;
        let Some(file) = &cli.file else {
            return Ok(asynclings_ui(lessons, None));
        };
        // A lesson of the set by id or number opens among the others.
        let name = file.to_string_lossy();
        let named = !file.exists() && file.extension().is_none();
        if let Some(i) = named
            .then(|| lessons.find(&name).map(|l| l.id.clone()))
            .flatten()
            .and_then(|id| lessons.lessons.iter().position(|l| l.id == id))
        {
            return Ok(asynclings_ui(lessons, Some(i)));
        }
        let lesson = lessons.resolve(&name)?;
        return Ok(asynclings_ui(Lessons::single(lesson), Some(0)));
    };
    match command {
        Command::List => {
            let lessons = load(&cli.lessons)?;
            let mut out = std::io::stdout().lock();
            for (i, l) in lessons.lessons.iter().enumerate() {
                let n = l.number.unwrap_or(i as u32 + 1);
                let (id, title) = (for_terminal(&l.id), for_terminal(&l.title));
                let _ = writeln!(out, "{n:>2}  {id:<20} {title}");
                let _ = writeln!(out, "    {:<20} {}", "", for_terminal(&l.summary));
            }
            for e in &lessons.broken {
                errln!("warning: not loaded: {}", for_terminal(&e.one_line()));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show(args) => {
            let lesson = load(&cli.lessons)?.resolve(&args.lesson)?;
            let listing = if args.python {
                lesson.python_listing()
            } else {
                lesson.rust_listing()
            };
            out!("{}", for_terminal(&listing.text()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { paths } => {
            let paths = if paths.is_empty() {
                vec![
                    cli.lessons
                        .clone()
                        .unwrap_or_else(|| PathBuf::from("lessons")),
                ]
            } else {
                paths
            };
            // Programs named alone are counted as programs.
            let what = if paths
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "py"))
            {
                "program"
            } else {
                "lesson file"
            };
            let (ok, problems, warnings) = lesson::check_paths(&paths);
            let color = std::io::stderr().is_terminal();
            for p in &problems {
                err!("{}", p.render(color));
            }
            // A failure the event loop only logged: CPython exits 0 after
            // it, so it warns and leaves the exit status alone.
            for w in &warnings {
                errln!("{w}");
            }
            let broken: usize = problems.len();
            if broken == 0 {
                outln!("{ok} {what}{} OK", if ok == 1 { "" } else { "s" });
                Ok(ExitCode::SUCCESS)
            } else {
                errln!("{ok} {what}(s) OK, {broken} with problems");
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Export(args) => {
            let lesson = load(&cli.lessons)?.resolve(&args.lesson)?;
            Ok(export(&lesson, &args))
        }
        Command::Practice(args) => practice(args),
        Command::Run(args) => {
            let lesson = load(&cli.lessons)?.resolve(&args.lesson)?;
            let limits = Limits::default();
            // Byte for byte into a pipe or a file; escaped on a terminal.
            let escape = std::io::stdout().is_terminal();
            let listing = lesson.python_listing();
            let lines = Lines(&listing);
            if args.headless {
                // Printed as they come: a long run keeps no log of events.
                let listing = args.events.then(|| listing.clone());
                let report = engine::run_headless_with(lesson.script(), &limits, move |event| {
                    let mut out = std::io::stdout();
                    print_event(&mut out, &event, listing.as_ref().map(Lines), escape);
                });
                print_warnings(&report.warnings);
                return Ok(ended(&lesson, &report.outcome, &report.stopped_at));
            }
            let live = LiveRun::start(lesson.script(), &limits, args.speed, false);
            let (outcome, stopped_at) = print_live(live, args.events.then_some(lines), escape);
            Ok(ended(&lesson, &outcome, &stopped_at))
        }
    }
}

/// `asynclings export`: runs the demo headless and writes the file.
fn export(lesson: &lesson::Lesson, args: &ExportArgs) -> ExitCode {
    use asynclings::ui::export::{DEFAULT_SIZE, Options, run_and_export};
    let usage = |what: &str| {
        errln!(
            "error: {what} applies to --format svg{}",
            if what == "--size" { " or cast" } else { "" }
        );
        ExitCode::from(2)
    };
    if args.at.is_some() && args.format != Format::Svg {
        return usage("--at");
    }
    if args.size.is_some() && !matches!(args.format, Format::Svg | Format::Cast) {
        return usage("--size");
    }
    let options = Options {
        at: args.at.map(Duration::from_secs_f64),
        size: args.size.unwrap_or(DEFAULT_SIZE),
        theme: asynclings::ui::theme::Theme::from_env(),
    };
    let (bytes, warnings) = run_and_export(lesson, args.format, &options);
    print_warnings(&warnings);
    let shown = for_terminal(&args.output.display().to_string()).into_owned();
    match asynclings::files::write_atomic(&args.output, &bytes) {
        Ok(()) => {
            outln!("wrote {shown} ({}, {} bytes)", args.format, bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("error: cannot write {shown}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The demo's listing, to name a statement by its line in `--events`.
#[derive(Clone, Copy)]
struct Lines<'a>(&'a asynclings::render::Listing);

impl Lines<'_> {
    /// The event as a line, its statement named `line N` of the demo.
    fn event(self, event: &engine::Event) -> String {
        let text = event.to_string();
        let Some(stmt) = event.stmt else { return text };
        match (
            text.strip_suffix(&format!(" @s{stmt}")),
            self.0.line_of(stmt),
        ) {
            (Some(head), Some(n)) => format!("{head} (line {})", n + 1),
            _ => text,
        }
    }
}

/// Prints an event (with `events`) or its transcript line, if it has one.
fn print_event(out: &mut impl Write, event: &engine::Event, events: Option<Lines>, escape: bool) {
    // What asyncio's logger writes goes to stderr, as it does under CPython.
    if let engine::EventKind::Logged { text } = &event.kind {
        let _ = out.flush();
        errln!("{}", for_terminal(text));
        if events.is_none() {
            return;
        }
    }
    let line = match (events, &event.kind) {
        (Some(lines), _) => Some(lines.event(event)),
        // What the demo writes to stderr goes to stderr, unstamped.
        (None, engine::EventKind::PrintedErr { text }) => {
            errln!("{}", for_output(text, escape));
            None
        }
        (None, _) => event.transcript_line(),
    };
    if let Some(line) = line {
        let _ = writeln!(out, "{}", for_output(&line, escape));
    }
}

/// Prints a live run's lines (or events) as they happen, until it ends;
/// returns how it ended and the statements it stopped in.
fn print_live(
    mut live: LiveRun,
    events: Option<Lines>,
    escape: bool,
) -> (Outcome, Vec<asynclings::program::StmtId>) {
    let mut out = std::io::stdout().lock();
    let mut stopped_at = Vec::new();
    let mut print = |event: &engine::Event| {
        print_event(&mut out, event, events, escape);
        let _ = out.flush();
        if let (engine::EventKind::Aborted { .. }, Some(stmt)) = (&event.kind, event.stmt) {
            stopped_at.push(stmt);
        }
    };
    loop {
        if let Some(event) = live.next_event(Duration::from_millis(50)) {
            print(&event);
        } else if live.outcome().is_some() {
            let (rest, outcome, warnings) = live.finish();
            rest.iter().for_each(&mut print);
            print_warnings(&warnings);
            return (outcome, stopped_at);
        }
    }
}

/// The exit status of a run that ended with `outcome`, after saying why
/// on stderr. A refusal the run reached is shown located, as one found
/// before the run is.
fn ended(
    lesson: &lesson::Lesson,
    outcome: &Outcome,
    stopped_at: &[asynclings::program::StmtId],
) -> ExitCode {
    match lesson::quiz::run_time_refusal(lesson, outcome, stopped_at) {
        Some(refusal) => {
            err!("{}", refusal.render(std::io::stderr().is_terminal()));
            ExitCode::FAILURE
        }
        None => outcome_code(outcome),
    }
}

/// The run's warnings on stderr, as CPython writes them.
fn print_warnings(warnings: &[String]) {
    for w in warnings {
        errln!("{}", for_terminal(w));
    }
}

fn outcome_code(outcome: &Outcome) -> ExitCode {
    match outcome {
        Outcome::Finished => ExitCode::SUCCESS,
        Outcome::Raised { traceback, .. } => {
            errln!("{}", for_terminal(traceback));
            ExitCode::FAILURE
        }
        Outcome::Failed(m) => {
            errln!("error: the demo failed: {}", for_terminal(m));
            ExitCode::FAILURE
        }
        Outcome::Aborted(m) => {
            errln!("error: the demo was stopped: {}", for_terminal(m));
            ExitCode::FAILURE
        }
        Outcome::Stopped => ExitCode::FAILURE,
        Outcome::Exited(status) => ExitCode::from(*status as u8),
    }
}

fn practice(args: PracticeArgs) -> Result<ExitCode, LoadError> {
    use asynclings::practice::{Exercises, checklist};
    let load = |dir: &Option<PathBuf>| match dir {
        Some(d) => Exercises::from_dir(d),
        None => Ok(Exercises::built_in()),
    };
    if let Some(dir) = args.verify {
        let set = load(&dir.or(args.exercises))?;
        let mut failed = 0;
        for ex in &set.exercises {
            let problems = ex.verify();
            if problems.is_empty() {
                outln!("ok    {}", for_terminal(&ex.id));
            } else {
                failed += 1;
                outln!("FAIL  {}", for_terminal(&ex.id));
                for p in problems {
                    outln!("      {}", for_terminal(&p).replace('\n', "\n      "));
                }
            }
        }
        let n = set.exercises.len();
        if failed == 0 {
            outln!("{n} exercise(s) verified");
            return Ok(ExitCode::SUCCESS);
        }
        outln!("{failed} of {n} exercise(s) have problems");
        return Ok(ExitCode::FAILURE);
    }
    let set = load(&args.exercises)?;
    let Some(file) = args.check else {
        return Ok(practice_ui(set, args.exercise_name, args.work));
    };
    let key = args
        .exercise
        .clone()
        .unwrap_or_else(|| file.to_string_lossy().into_owned());
    let Some(ex) = set.find(&key) else {
        errln!(
            "asynclings: no exercise is named `{}`; give one with --exercise NN",
            for_terminal(&key)
        );
        return Ok(ExitCode::from(2));
    };
    let source = lesson::read_source_file(&file)?;
    let graded = match ex.grade(&file.display().to_string(), &source) {
        Ok(g) => g,
        Err(e) => {
            err!("{}", e.render(std::io::stderr().is_terminal()));
            return Ok(ExitCode::FAILURE);
        }
    };
    outln!(
        "{} {}: the run ended at t={}",
        for_terminal(&ex.id),
        for_terminal(&ex.title),
        asynclings::text::format_seconds(graded.report.duration().as_secs_f64())
    );
    out!("{}", for_terminal(&checklist(&graded.verdicts)));
    let passed = graded.verdicts.iter().filter(|v| v.passed()).count();
    outln!("{passed} of {} checks pass", graded.verdicts.len());
    Ok(if graded.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn practice_ui(
    set: asynclings::practice::Exercises,
    open: Option<String>,
    work: PathBuf,
) -> ExitCode {
    let index = match &open {
        None => None,
        Some(name) => match set.find(name) {
            Some(ex) => set.exercises.iter().position(|e| e.id == ex.id),
            None => {
                errln!("asynclings: no exercise is named `{}`", for_terminal(name));
                return ExitCode::from(2);
            }
        },
    };
    if !std::io::stdout().is_terminal() {
        errln!(
            "asynclings: the practice screen needs a terminal; try `asynclings practice --check FILE`"
        );
        return ExitCode::FAILURE;
    }
    if let Some(i) = index {
        outln!(
            "asynclings: working file for {}: {}",
            for_terminal(&set.exercises[i].id),
            for_terminal(
                &work
                    .join(format!("{}.py", set.exercises[i].id))
                    .display()
                    .to_string()
            )
        );
    }
    match asynclings::ui::practice::run(set, index, work) {
        Ok(ended) => ExitCode::from(ended.exit_code()),
        Err(e) => {
            errln!("asynclings: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn asynclings_ui(lessons: Lessons, open: Option<usize>) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        errln!(
            "asynclings: the lesson screen needs a terminal; try `asynclings list` or `asynclings run <lesson> --headless`"
        );
        return ExitCode::FAILURE;
    }
    match asynclings::ui::run(lessons, open) {
        Ok(ended) => ExitCode::from(ended.exit_code()),
        Err(e) => {
            errln!("asynclings: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}
