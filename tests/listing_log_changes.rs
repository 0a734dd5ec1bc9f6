//! The Rust listing of `logging` whose setup changes as the program runs:
//! levels set with `setLevel`, a `basicConfig` after the first record, the
//! root's functions configuring it on first use. Where every such statement
//! is one of the module's code or of the entry coroutine's own block, each
//! record is written (or not) as the loggers stand at its place, and each
//! question to a logger is answered there; elsewhere the change is refused.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program that imports `logging`, with `setup` at the top of the module
/// and `body` in `main`.
fn logging_program(setup: &str, body: &str) -> String {
    format!(
        "import asyncio\nimport logging\n\n{setup}\n\n\nasync def main():\n{body}    \
await asyncio.sleep(0)\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn records_follow_the_levels_set_as_the_program_runs() {
    let text = listing(&logging_program(
        "log = logging.getLogger(\"app\")",
        "    log.warning(\"before any setup\")\n    log.info(\"hidden\")\n    \
logging.warning(\"root first\")\n    log.warning(\"now formatted\")\n    \
log.setLevel(logging.INFO)\n    log.info(\"shown at INFO\")\n    \
log.info(\"level %r\", log.getEffectiveLevel())\n    \
print(log.level, log.getEffectiveLevel(), logging.getLogger(\"app.db\").getEffectiveLevel())\n    \
print(log.isEnabledFor(logging.DEBUG), repr(logging.getLogger(\"app.db\")))\n    \
logging.getLogger().setLevel(logging.ERROR)\n    logging.warning(\"hidden too\")\n    \
print(repr(logging.getLogger()))\n",
    ));
    has_all(
        &text,
        &[
            // No handler yet: the last-resort handler writes the bare message.
            "    eprintln!(\"before any setup\");\n",
            "    // `log.info(\"hidden\")`: below the WARNING level, not written.\n",
            // `logging.warning` calls `basicConfig()` first.
            "    eprintln!(\"WARNING:root:root first\");\n",
            "    eprintln!(\"WARNING:app:now formatted\");\n",
            "    // `log.setLevel(logging.INFO)`: the records written after it take this level.\n",
            "    eprintln!(\"INFO:app:shown at INFO\");\n",
            // An integer's repr is its text.
            "    eprintln!(\"INFO:app:level {}\", 20);\n",
            "    println!(\"{} {} {}\", 20, 20, 20);\n",
            "    println!(\"False <Logger app.db (INFO)>\");\n",
            "    // `logging.warning(\"hidden too\")`: below the ERROR level, not written.\n",
            "    println!(\"<RootLogger root (ERROR)>\");\n",
        ],
    );
}

#[test]
fn a_basic_config_after_records_configures_once() {
    let text = listing(&logging_program(
        "",
        "    log = logging.getLogger(\"app\")\n    log.warning(\"to the last resort\")\n    \
logging.basicConfig(format=\"%(name)s|%(levelname)s|%(message)s\", level=logging.INFO)\n    \
log.info(\"now %s\", \"formatted\")\n    logging.basicConfig(format=\"%(message)s\")\n    \
logging.info(\"root too\")\n",
    ));
    has_all(
        &text,
        &[
            "    eprintln!(\"to the last resort\");\n",
            "    // from here, each record at INFO or above is one `eprintln!`.\n",
            "    eprintln!(\"app|INFO|now {}\", \"formatted\");\n",
            "    // `logging.basicConfig(format=\"%(message)s\")`: the root logger has a handler \
already, so\n    // this does nothing.\n",
            "    eprintln!(\"root|INFO|root too\");\n",
        ],
    );
}

#[test]
fn a_level_set_in_another_function_is_refused() {
    let (construct, reason, at) = refused(&logging_program(
        "log = logging.getLogger(\"app\")\n\n\ndef louder():\n    log.setLevel(logging.DEBUG)",
        "    louder()\n    log.debug(\"shown?\")\n",
    ));
    assert_eq!(construct, "the call `log.setLevel(logging.DEBUG)`");
    assert_eq!(at, "log.setLevel(logging.DEBUG)");
    assert!(
        reason.contains("decided as the listing is written"),
        "{reason}"
    );
}

#[test]
fn a_level_set_in_a_branch_is_refused() {
    let (construct, _, at) = refused(&logging_program(
        "log = logging.getLogger(\"app\")",
        "    for i in range(2):\n        if i:\n            log.setLevel(logging.DEBUG)\n        \
log.debug(\"round %d\", i)\n",
    ));
    assert_eq!(construct, "the call `log.setLevel(logging.DEBUG)`");
    assert_eq!(at, "log.setLevel(logging.DEBUG)");
}

#[test]
fn a_record_of_another_function_beside_a_level_change_is_refused() {
    let (construct, _, _) = refused(&logging_program(
        "log = logging.getLogger(\"app\")\n\n\ndef report():\n    log.info(\"from report\")",
        "    log.setLevel(logging.INFO)\n    report()\n",
    ));
    assert_eq!(construct, "the call `log.setLevel(logging.INFO)`");
}

#[test]
fn a_debug_root_level_before_the_event_loop_starts_is_refused() {
    let (construct, _, _) = refused(&logging_program(
        "logging.warning(\"configured\")\nlogging.getLogger().setLevel(logging.DEBUG)",
        "    logging.debug(\"x\")\n",
    ));
    assert!(construct.contains("setLevel"), "{construct}");
}

#[test]
fn a_basic_config_that_forces_a_new_handler_is_refused() {
    let (construct, reason, at) = refused(&logging_program(
        "",
        "    logging.warning(\"first\")\n    logging.basicConfig(force=True)\n",
    ));
    assert_eq!(construct, "`logging.basicConfig(...)` here");
    assert_eq!(at, "logging.basicConfig(force=True)");
    assert!(reason.contains("not `force=`"), "{reason}");
}

#[test]
fn the_module_s_own_code_is_followed_without_an_event_loop() {
    let text = listing(
        "import logging\n\nlog = logging.getLogger(\"svc\")\n\
logging.basicConfig(format=\"%(levelname)s %(name)s %(message)s\")\nlog.info(\"hidden\")\n\
log.setLevel(\"INFO\")\nlog.info(\"shown %d\", 3)\nprint(log.isEnabledFor(logging.INFO), log.level)\n\
log.setLevel(logging.NOTSET)\nlog.info(\"hidden again\")\nprint(log.getEffectiveLevel())\n",
    );
    has_all(
        &text,
        &[
            "    // `log.info(\"hidden\")`: below the WARNING level, not written.\n",
            "    eprintln!(\"INFO svc shown {}\", 3);\n",
            "    println!(\"True {}\", 20);\n",
            // NOTSET hands the choice back to the root.
            "    // `log.info(\"hidden again\")`: below the WARNING level, not written.\n",
            "    println!(\"{}\", 30);\n",
        ],
    );
}
