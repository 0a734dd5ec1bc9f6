use super::fixtures::ev;
use super::*;
use crate::engine::FrameKind;
use crate::render::plan::ir::ast::StmtId;

fn created(lane: LaneId, name: &str) -> EventKind {
    let _ = lane;
    EventKind::Created {
        kind: LaneKind::Task,
        call: format!("{name}()").into(),
        name: "Task-1".into(),
        named: false,
        parent: None,
    }
}

#[test]
fn states_over_time() {
    let deadline = Duration::from_secs(2);
    let events = [
        ev(0.0, 0, created(0, "main")),
        ev(0.0, 0, EventKind::Polled),
        ev(
            0.0,
            0,
            EventKind::Suspended {
                on: WaitOn::Timer { deadline },
            },
        ),
        ev(2.0, 0, EventKind::Woken),
        ev(2.0, 0, EventKind::Polled),
        ev(
            2.0,
            0,
            EventKind::Returned {
                value: "None".into(),
            },
        ),
    ];
    let tl = Timeline::from_events(&events);
    let lane = tl.lane(0).unwrap();
    let s = |t: f64| lane.state_at(Duration::from_secs_f64(t));
    assert_eq!(s(1.0), Some(LaneState::WaitTimer));
    assert_eq!(s(2.0), Some(LaneState::Done));
    assert_eq!(tl.next_deadline(Duration::ZERO), None);
    assert_eq!(tl.times, vec![Duration::ZERO, deadline]);
    // The zero-length run at t=0 wins its column.
    assert_eq!(
        lane.state_in(Duration::ZERO, Duration::from_millis(100)),
        Some(LaneState::Running)
    );
    assert_eq!(
        lane.state_in(Duration::from_secs(1), Duration::from_millis(1100)),
        Some(LaneState::WaitTimer)
    );
}

#[test]
fn blocking_and_implicit_waits() {
    let events = [
        ev(0.0, 0, created(0, "a")),
        ev(0.0, 1, created(1, "b")),
        ev(0.0, 0, EventKind::Polled),
        ev(
            0.0,
            0,
            EventKind::Blocked {
                until: Duration::from_secs(2),
            },
        ),
        ev(2.0, 0, EventKind::Unblocked),
        // `b` runs while `a` never said it suspended.
        ev(2.0, 1, EventKind::Polled),
    ];
    let tl = Timeline::from_events(&events);
    assert!(tl.blocked_in(Duration::from_secs(1), Duration::from_millis(1500)));
    assert!(!tl.blocked_in(Duration::from_secs(3), Duration::from_secs(4)));
    assert_eq!(tl.lane(0).unwrap().last_state(), Some(LaneState::TimedWait));
    assert_eq!(tl.lane(1).unwrap().last_state(), Some(LaneState::Running));
    assert_eq!(tl.horizon(), Duration::from_secs(2));
}

#[test]
fn the_lane_is_at_the_statement_it_waits_at() {
    let at = |t: f64, stmt: StmtId, kind: EventKind| Event {
        stmt: Some(stmt),
        ..ev(t, 0, kind)
    };
    let deadline = Duration::from_secs(1);
    let events = [
        ev(0.0, 0, created(0, "main")),
        ev(0.0, 0, EventKind::Polled),
        at(0.0, 3, EventKind::Printed { text: "hi".into() }),
        // Suspended names the sleep it waits at.
        at(
            0.0,
            4,
            EventKind::Suspended {
                on: WaitOn::Timer { deadline },
            },
        ),
        ev(1.0, 0, EventKind::Woken),
        // Polled names where it resumes.
        at(1.0, 4, EventKind::Polled),
        at(1.0, 5, EventKind::Printed { text: "bye".into() }),
    ];
    let tl = Timeline::from_events(&events);
    let lane = tl.lane(0).unwrap();
    assert_eq!(lane.stmt_at(Duration::from_millis(500)), Some(4));
    assert_eq!(lane.stmt_at(Duration::from_secs(1)), Some(5));
    assert_eq!(lane.stmts.len(), 3);
}

#[test]
fn frames_nest_and_the_stack_at_a_time_is_the_frames_open_then() {
    let enter = |t: f64, name: &str, kind: FrameKind| {
        ev(
            t,
            0,
            EventKind::FrameEntered {
                name: name.into(),
                kind,
            },
        )
    };
    let leave = |t: f64, exit: FrameExit| {
        ev(
            t,
            0,
            EventKind::FrameLeft {
                name: "".into(),
                exit,
            },
        )
    };
    let events = [
        ev(0.0, 0, created(0, "main")),
        enter(0.0, "outer()", FrameKind::Coroutine),
        enter(1.0, "ticks(2)", FrameKind::AsyncGenerator),
        leave(2.0, FrameExit::Yielded),
        enter(2.0, "ticks(2)", FrameKind::AsyncGenerator),
        leave(2.0, FrameExit::Exhausted),
        leave(3.0, FrameExit::Returned { value: "1".into() }),
        ev(
            3.0,
            0,
            EventKind::Renamed {
                name: "boss".into(),
            },
        ),
    ];
    let tl = Timeline::from_events(&events);
    let lane = tl.lane(0).unwrap();
    let names = |t: f64| -> Vec<String> {
        lane.stack_at(Duration::from_secs_f64(t))
            .iter()
            .map(|f| f.name.clone())
            .collect()
    };
    assert_eq!(names(0.5), ["outer()"]);
    assert_eq!(names(1.5), ["outer()", "ticks(2)"]);
    // Entered and left at the same instant: not open at any time.
    assert_eq!(names(2.0), ["outer()"]);
    assert!(names(3.0).is_empty());
    assert_eq!(lane.frames[1].depth, 1);
    assert_eq!(lane.frames[2].exit, Some(FrameExit::Exhausted));
    // A task renamed with `set_name` is labelled by its new name.
    assert_eq!((lane.label(), lane.call.as_str()), ("boss", "main()"));
}
