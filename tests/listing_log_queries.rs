//! What a program asks of its loggers, answered as the listing is written
//! when no logger's level changes as the program runs: `name`, `level`,
//! `getEffectiveLevel()`, `isEnabledFor(...)`, `repr`, `is` and
//! `logging.getLevelName(...)`.

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

const NAMED: &str = "log = logging.getLogger(\"app\")";

#[test]
fn a_logger_s_questions_are_answered_by_the_root_s_level() {
    let text = listing(&logging_program(
        NAMED,
        "    print(repr(log), repr(logging.getLogger()), log.name, log.level)\n    \
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.isEnabledFor(40))\n    \
print(logging.getLogger(\"app\") is log, logging.getLogger() is not log)\n    \
print(repr(logging.getLogger(\"\")), logging.getLogger(\"\") is logging.getLogger())\n",
    ));
    has_all(
        &text,
        &[
            "\"<Logger app (WARNING)> <RootLogger root (WARNING)> app {}\",",
            "println!(\"{} False True\", 30);",
            "println!(\"True True\");",
            "println!(\"<RootLogger root (WARNING)> True\");",
        ],
    );
}

#[test]
fn the_level_basic_config_sets_is_every_logger_s() {
    let text = listing(&logging_program(
        &format!("logging.basicConfig(level=\"ERROR\")\n{NAMED}"),
        "    print(repr(log), logging.getLogger().level, log.level)\n",
    ));
    has_all(&text, &["println!(\"<Logger app (ERROR)> {} {}\", 40, 0);"]);
}

#[test]
fn a_level_s_name_is_its_number_s_and_the_reverse() {
    let text = listing(&logging_program(
        "",
        "    print(logging.getLevelName(40), logging.getLevelName(\"INFO\"), \
logging.getLevelName(15), logging.getLevelName(\"loud\"), logging.getLevelName(logging.DEBUG))\n",
    ));
    has_all(
        &text,
        &["println!(\"ERROR {} Level 15 Level loud DEBUG\", 20);"],
    );
}

#[test]
fn questions_are_refused_where_a_level_can_change() {
    let (construct, reason, at) = refused(&logging_program(
        NAMED,
        "    print(log.getEffectiveLevel())\n    for _ in range(2):\n        \
log.setLevel(logging.DEBUG)\n",
    ));
    assert_eq!(construct, "the call `log.getEffectiveLevel()`");
    assert_eq!(at, "log.getEffectiveLevel()");
    assert!(reason.contains("no logger objects"), "{reason}");
}

#[test]
fn a_logger_a_function_names_once_writes_its_records_by_its_name() {
    let text = listing(&logging_program(
        "logging.basicConfig(level=logging.INFO, format=\"%(levelname)s %(name)s: %(message)s\")",
        "    log = logging.getLogger(\"db\")\n    log.info(\"connected to %s\", \"pg\")\n    \
log.debug(\"hidden\")\n    print(repr(log), log.name)\n",
    ));
    has_all(
        &text,
        &[
            "    eprintln!(\"INFO db: connected to {}\", \"pg\");\n",
            "    // `log.debug(\"hidden\")`: below the INFO level, not written.\n",
            "    println!(\"<Logger db (INFO)> db\");\n",
        ],
    );
    assert!(!text.contains("let log"), "{text}");
}

#[test]
fn a_function_s_logger_beside_the_root_s_records_unconfigured_is_refused() {
    let (construct, _, at) = refused(&logging_program(
        "def report():\n    log = logging.getLogger(\"db\")\n    log.warning(\"named\")",
        "    logging.warning(\"root first\")\n    report()\n",
    ));
    assert_eq!(
        construct,
        "records of the root logger and of named loggers with nothing configured"
    );
    assert_eq!(at, "log.warning(\"named\")");
}
