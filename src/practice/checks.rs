//! Each check on a finished run: what the checklist calls it, and when it
//! fails, one sentence that points at the timeline.

use super::busy;
use super::format::{Check, Concurrency, LineAt};
use crate::engine::{Event, EventKind, LaneId, LaneKind, Outcome, Report, WaitOn};
use crate::text::format_seconds;
use std::collections::{HashMap, HashSet};

/// A check's verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// What the check asks, as the checklist shows it.
    pub label: String,
    /// Why it failed, in one sentence; `None` when it passed.
    pub failure: Option<String>,
}

impl Verdict {
    /// Whether the check passed.
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }
}

fn secs(d: std::time::Duration) -> String {
    format_seconds(d.as_secs_f64())
}

fn verdict(label: String, failure: Option<String>) -> Verdict {
    Verdict { label, failure }
}

/// The check every run gets first: it ends without an uncaught exception,
/// a limit or a deadlock.
pub fn runs_to_end(report: &Report, program: &crate::program::Program) -> Verdict {
    let label = "runs to its end without an error".to_string();
    let at = || secs(report.duration());
    let failure = match &report.outcome {
        Outcome::Finished => None,
        Outcome::Raised {
            traceback,
            at: offset,
        } => {
            let last = traceback.lines().last().unwrap_or("an exception");
            Some(format!(
                "at t={} line {} raised {last}, and nothing caught it",
                at(),
                program.line_of(*offset)
            ))
        }
        Outcome::Aborted(reason) => Some(format!("at t={} the run was stopped: {reason}", at())),
        Outcome::Failed(m) => Some(format!("the engine failed: {m}")),
        Outcome::Exited(0) => None,
        Outcome::Exited(code) => Some(format!("at t={} the program called sys.exit({code})", at())),
        Outcome::Stopped => Some("the run was stopped before its end".into()),
    };
    verdict(label, failure)
}

/// Grades one check against a run of `source`, whose starter was `starter`.
pub fn evaluate(check: &Check, report: &Report, source: &str, starter: &str) -> Verdict {
    match check {
        Check::Output(lines) => output(report, lines),
        Check::Transcript(lines) => transcript(report, lines),
        Check::OutputInOrder(lines) => in_order(report, lines),
        Check::LineAt(l) => line_at(report, l),
        Check::MaxTime(max) => {
            let took = report.duration().as_secs_f64();
            let failure = (took > max + 1e-9).then(|| {
                format!(
                    "the run ended at t={}; it may take at most {} s",
                    secs(report.duration()),
                    format_seconds(*max)
                )
            });
            verdict(
                format!("finishes within {} s of virtual time", format_seconds(*max)),
                failure,
            )
        }
        Check::MinTime(min) => {
            let took = report.duration().as_secs_f64();
            let failure = (took + 1e-9 < *min).then(|| {
                format!(
                    "the run ended at t={}; it must take at least {} s",
                    secs(report.duration()),
                    format_seconds(*min)
                )
            });
            verdict(
                format!("takes at least {} s of virtual time", format_seconds(*min)),
                failure,
            )
        }
        Check::Concurrency(c) => concurrency(report, c),
        Check::MaxBlockingMs(ms) => blocking(report, *ms),
        Check::AllAwaited(_) => all_awaited(report),
        Check::Uses(what) => uses(report, what),
        Check::Handles(exc) => handles(report, exc),
        Check::Unchanged(name) => super::unchanged::check(name, source, starter),
    }
}

fn quoted(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!("{l:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn output(report: &Report, want: &[String]) -> Verdict {
    let got = report.printed();
    verdict(
        match want.len() {
            1 => "prints exactly the expected line".to_string(),
            n => format!("prints exactly the {n} expected lines"),
        },
        first_difference(&got, want, |i| printed_at(report, i)),
    )
}

fn transcript(report: &Report, want: &[String]) -> Verdict {
    let got = report.transcript();
    let got: Vec<&str> = got.iter().map(String::as_str).collect();
    verdict(
        format!(
            "prints exactly the {} expected line(s), on time",
            want.len()
        ),
        first_difference(&got, want, |i| printed_at(report, i)),
    )
}

/// The time of the `i`-th printed line.
fn printed_at(report: &Report, i: usize) -> String {
    report
        .events
        .iter()
        .filter(|e| e.transcript_line().is_some())
        .nth(i)
        .map_or_else(|| secs(report.duration()), Event::seconds)
}

fn first_difference(
    got: &[&str],
    want: &[String],
    time: impl Fn(usize) -> String,
) -> Option<String> {
    for (i, w) in want.iter().enumerate() {
        match got.get(i) {
            None => {
                return Some(format!(
                    "the run printed {} line(s) and ended at t={}; line {} should be {w:?}",
                    got.len(),
                    time(got.len()),
                    i + 1
                ));
            }
            Some(g) if g != w => {
                return Some(format!(
                    "at t={} line {} printed {g:?} where {w:?} was expected",
                    time(i),
                    i + 1
                ));
            }
            _ => {}
        }
    }
    got.get(want.len()).map(|extra| {
        format!(
            "at t={} an extra line {extra:?} was printed after the {} expected",
            time(want.len()),
            want.len()
        )
    })
}

fn in_order(report: &Report, want: &[String]) -> Verdict {
    let got = report.printed();
    let mut from = 0;
    let mut failure = None;
    for (k, w) in want.iter().enumerate() {
        match got[from..].iter().position(|g| g == w) {
            Some(p) => from += p + 1,
            None => {
                failure = Some(if got.iter().any(|g| g == w) {
                    format!(
                        "{w:?} is printed, but before {:?}; it must come after it",
                        want[k - 1]
                    )
                } else {
                    format!(
                        "{w:?} is never printed (the run ended at t={})",
                        secs(report.duration())
                    )
                });
                break;
            }
        }
    }
    verdict(format!("prints {} in this order", quoted(want)), failure)
}

fn line_at(report: &Report, want: &LineAt) -> Verdict {
    let first = report.events.iter().find(|e| match &e.kind {
        EventKind::Printed { text } | EventKind::PrintedNoLoop { text } => *text == want.text,
        _ => false,
    });
    let failure = match first {
        None => Some(format!(
            "{:?} is never printed (the run ended at t={})",
            want.text,
            secs(report.duration())
        )),
        Some(e) if (e.time.as_secs_f64() - want.at).abs() > 5e-4 => Some(format!(
            "{:?} is printed at t={}, not at t={}",
            want.text,
            e.seconds(),
            format_seconds(want.at)
        )),
        Some(_) => None,
    };
    verdict(
        format!("prints {:?} at t={}", want.text, format_seconds(want.at)),
        failure,
    )
}

fn concurrency(report: &Report, c: &Concurrency) -> Verdict {
    let peak = busy::peak(&report.events, c.tasks.as_deref());
    let what = match &c.tasks {
        Some(p) => format!("`{p}` tasks"),
        None => "tasks".to_string(),
    };
    let mut label = Vec::new();
    let mut failure = None;
    if c.at_least.is_some() && c.at_least == c.at_most {
        label.push(format!("exactly {}", c.at_least.unwrap_or_default()));
    }
    if let Some(least) = c.at_least {
        if label.is_empty() {
            label.push(format!("at least {least}"));
        }
        if (peak.count as u32) < least {
            failure = Some(if peak.count == 0 {
                format!("no {what} were ever busy; at least {least} must be at once")
            } else {
                format!(
                    "at most {} {what} were busy at once (first at t={}); at least {least} must be",
                    peak.count,
                    secs(peak.at)
                )
            });
        }
    }
    if let Some(most) = c.at_most {
        if c.at_least != c.at_most {
            label.push(format!("at most {most}"));
        }
        if failure.is_none() && peak.count as u32 > most {
            let mut names = peak.tasks.clone();
            if names.len() > 4 {
                let more = names.len() - 3;
                names.truncate(3);
                names.push(format!("{more} more"));
            }
            failure = Some(format!(
                "at t={} {} {what} were busy at once ({}); at most {most} may be",
                secs(peak.at),
                peak.count,
                names.join(", ")
            ));
        }
    }
    verdict(format!("{} {what} busy at once", label.join(", ")), failure)
}

fn blocking(report: &Report, ms: f64) -> Verdict {
    let longest = report
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Blocked { until } => Some((e, until.saturating_sub(e.time))),
            _ => None,
        })
        .max_by_key(|(_, d)| *d);
    let failure = longest
        .filter(|(_, d)| d.as_secs_f64() * 1000.0 > ms + 1e-6)
        .map(|(e, d)| {
            format!(
                "at t={} a blocking call held the event loop for {} ms; at most {} ms may",
                e.seconds(),
                format_seconds(d.as_secs_f64() * 1000.0),
                format_seconds(ms)
            )
        });
    let label = if ms == 0.0 {
        "never blocks the event loop".to_string()
    } else {
        format!(
            "never blocks the event loop for more than {} ms",
            format_seconds(ms)
        )
    };
    verdict(label, failure)
}

fn all_awaited(report: &Report) -> Verdict {
    let label = "awaits every coroutine and every failing task".to_string();
    if let Some(w) = report
        .warnings
        .iter()
        .find(|w| w.contains("was never awaited"))
    {
        let head = w.lines().next().unwrap_or(w);
        let line = head.split(':').nth(1).unwrap_or("?");
        let name = head.split('\'').nth(1).unwrap_or("a coroutine");
        return verdict(
            label,
            Some(format!(
                "the coroutine {name}() made at line {line} was never awaited, so its body never ran"
            )),
        );
    }
    // CPython reports a failed task whose exception nobody retrieved; the
    // engine logs it the same way. Which task it was is told by the first
    // failure no task was awaiting at the time (the one to look at).
    let unretrieved = report.events.iter().any(|e| {
        matches!(&e.kind, EventKind::Logged { text }
            if text.starts_with("Task exception was never retrieved"))
    });
    if !unretrieved {
        return verdict(label, None);
    }
    let mut waited: HashSet<LaneId> = HashSet::new();
    let mut names: HashMap<LaneId, String> = HashMap::new();
    for e in &report.events {
        match &e.kind {
            EventKind::Created {
                call,
                kind: LaneKind::Task,
                ..
            } => {
                names.insert(e.lane, call.to_string());
            }
            EventKind::Suspended {
                on: WaitOn::Lane(l),
            } => {
                waited.insert(*l);
            }
            EventKind::Suspended {
                on: WaitOn::Lanes(ls),
            } => waited.extend(ls.iter()),
            EventKind::Failed { message } if e.lane != 0 && !waited.contains(&e.lane) => {
                let name = names.get(&e.lane).cloned().unwrap_or_default();
                return verdict(
                    label,
                    Some(format!(
                        "at t={} task {name} failed with {message}, and nothing ever retrieved its exception",
                        e.seconds()
                    )),
                );
            }
            _ => {}
        }
    }
    verdict(
        label,
        Some("a task failed and nothing ever retrieved its exception".to_string()),
    )
}

fn uses(report: &Report, what: &str) -> Verdict {
    let label = format!("uses {}", article(what));
    let found = report.events.iter().any(|e| match (&e.kind, what) {
        (EventKind::Created { kind, .. }, "thread") => *kind == LaneKind::Worker,
        (EventKind::Created { kind, .. }, "process") => *kind == LaneKind::Process,
        (EventKind::TimedOut, "timeout") => true,
        (
            EventKind::Suspended {
                on: WaitOn::Sync { what: w, .. },
            },
            _,
        ) => w
            .strip_prefix(what)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')),
        _ => false,
    });
    let failure = (!found).then(|| match what {
        "thread" => "no job ran on a worker thread during the run".to_string(),
        "process" => "no job ran in a worker process during the run".to_string(),
        "timeout" => "no timeout ever fired during the run".to_string(),
        _ => format!("no task ever waited on {} during the run", article(what)),
    });
    verdict(label, failure)
}

fn article(what: &str) -> String {
    match what {
        "thread" => "a worker thread".into(),
        "process" => "a worker process".into(),
        "timeout" => "a timeout".into(),
        w if w.starts_with(['A', 'E', 'I', 'O', 'U']) => format!("an {w}"),
        w => format!("a {w}"),
    }
}

fn handles(report: &Report, exc: &str) -> Verdict {
    let label = format!("raises {exc} and handles it");
    let named = |m: &str| m.split(':').next().is_some_and(|t| t.trim() == exc);
    let raised = report.events.iter().any(|e| match &e.kind {
        EventKind::TimedOut => exc == "TimeoutError",
        EventKind::Failed { message } => named(message),
        EventKind::FrameLeft {
            exit: crate::engine::FrameExit::Raised { message },
            ..
        } => named(message),
        _ => false,
    });
    let failure = if let Outcome::Raised { traceback, .. } = &report.outcome {
        let last = traceback.lines().last().unwrap_or("");
        Some(format!(
            "at t={} {last} ended the run: nothing caught it",
            secs(report.duration())
        ))
    } else if !raised {
        Some(format!(
            "no {exc} was raised during the run, so none was handled"
        ))
    } else {
        None
    };
    verdict(label, failure)
}
