//! The Rust listing of `logging` beyond a record's method: records of a
//! level given as a value, the level constants, and what the listing
//! refuses (a DEBUG level under an event loop, tracebacks, levels changed
//! as the program runs, loggers as values).

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program that imports `logging` and `sys`, with `setup` at the top of
/// the module and `body` in `main`.
fn logging_program(setup: &str, body: &str) -> String {
    format!(
        "import asyncio\nimport logging\nimport sys\n\n{setup}\n\n\nasync def main():\n{body}    \
await asyncio.sleep(0)\n\n\nasyncio.run(main())\n"
    )
}

const STDOUT_INFO: &str = "logging.basicConfig(level=logging.INFO, \
format=\"%(levelname)s:%(name)s:%(message)s\", stream=sys.stdout)\n\
log = logging.getLogger(\"app\")";

#[test]
fn a_record_of_a_level_given_as_a_value_is_that_level_s_record() {
    let text = listing(&logging_program(
        STDOUT_INFO,
        "    logging.log(logging.CRITICAL, \"via log() %d\", 3)\n    \
log.log(logging.WARNING, \"warned\")\n    log.log(10, \"hidden\")\n    \
log.error(\"plain\", exc_info=False)\n",
    ));
    has_all(
        &text,
        &[
            "    println!(\"CRITICAL:root:via log() {}\", 3);\n",
            "    println!(\"WARNING:app:warned\");\n",
            "    // `log.log(10, \"hidden\")`: below the INFO level, not written.\n",
            "    println!(\"ERROR:app:plain\");\n",
        ],
    );
}

#[test]
fn the_level_constants_are_their_numbers() {
    let text = listing(&logging_program(
        STDOUT_INFO,
        "    print(logging.DEBUG, logging.CRITICAL)\n",
    ));
    has_all(&text, &["    println!(\"{} {}\", 10, 50);\n"]);
}

#[test]
fn a_debug_level_under_an_event_loop_is_refused_at_the_level() {
    let (construct, reason, at) = refused(&logging_program(
        &STDOUT_INFO.replace("logging.INFO", "logging.DEBUG"),
        "    log.debug(\"x\")\n",
    ));
    assert_eq!(construct, "`basicConfig(level=logging.DEBUG)` here");
    assert_eq!(at, "logging.DEBUG");
    assert!(reason.contains("Using selector: EpollSelector"), "{reason}");
}

#[test]
fn a_record_with_a_traceback_is_refused() {
    for call in [
        "log.exception(\"failed\")",
        "log.warning(\"failed\", exc_info=True)",
    ] {
        let (construct, reason, at) = refused(&logging_program(
            STDOUT_INFO,
            &format!(
                "    try:\n        raise ValueError(\"x\")\n    except ValueError:\n        {call}\n"
            ),
        ));
        assert_eq!(construct, format!("the call `{call}`"));
        assert_eq!(at, call);
        assert!(reason.contains("no traceback"), "{reason}");
    }
}

#[test]
fn a_level_set_where_the_listing_cannot_follow_it_is_refused() {
    let (construct, reason, _) = refused(&logging_program(
        &format!("{STDOUT_INFO}\n\n\ndef louder():\n    log.setLevel(logging.DEBUG)"),
        "    louder()\n",
    ));
    assert_eq!(construct, "the call `log.setLevel(logging.DEBUG)`");
    assert!(
        reason.contains("the entry coroutine's own block"),
        "{reason}"
    );
}

#[test]
fn a_logger_named_twice_in_a_function_is_refused() {
    let (construct, reason, at) = refused(&logging_program(
        "",
        "    db = logging.getLogger(\"db\")\n    db.warning(\"slow\")\n    \
db = logging.getLogger(\"db2\")\n",
    ));
    assert_eq!(construct, "`logging.getLogger(...)` here");
    assert_eq!(at, "logging.getLogger(\"db\")");
    assert!(reason.contains("at the top of the module"), "{reason}");
}

#[test]
fn a_logger_read_as_a_value_is_refused() {
    for (body, want, at) in [
        ("    print(log)\n", "this logger", "log"),
        (
            "    print(log.handlers)\n",
            "this attribute of a logger",
            "log.handlers",
        ),
        (
            "    print(log.getChild(\"x\"))\n",
            "the call `log.getChild(\"x\")`",
            "log.getChild(\"x\")",
        ),
        (
            "    n = 40\n    print(logging.getLevelName(n))\n",
            "`logging.getLevelName(...)` here",
            "logging.getLevelName(n)",
        ),
    ] {
        let (construct, reason, place) = refused(&logging_program(STDOUT_INFO, body));
        assert_eq!(construct, want, "{body}");
        assert_eq!(place, at, "{body}");
        assert!(reason.contains("no logger objects"), "{reason}");
    }
}
