//! The Rust listing of the standard library's modules: `logging`'s
//! records as the lines Python's handler writes, and what the listing
//! refuses, at its place. (`tests/rust_listings.rs` builds and runs the
//! corpus programs that use them.)

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

#[test]
fn with_nothing_configured_the_root_logger_writes_level_name_and_message_to_stderr() {
    let text = listing(&logging_program(
        "",
        "    n = 3\n    logging.warning(\"%d tasks left, %s\", n, \"soon\")\n    \
logging.info(\"not written\")\n    logging.error(\"plain {text} 100%\")\n",
    ));
    has_all(
        &text,
        &[
            "eprintln!(\"WARNING:root:{n} tasks left, {}\", \"soon\");",
            "// `logging.info(\"not written\")`: below the WARNING level, not written.",
            "eprintln!(\"ERROR:root:plain {{text}} 100%\");",
        ],
    );
}

#[test]
fn a_named_logger_with_nothing_configured_writes_the_bare_message() {
    let text = listing(&logging_program(
        "log = logging.getLogger(\"app\")",
        "    log.warning(\"disk at %d%%\", 91)\n    log.critical(\"stop\")\n",
    ));
    has_all(
        &text,
        &["eprintln!(\"disk at {}%\", 91);", "eprintln!(\"stop\");"],
    );
    assert!(!text.contains("getLogger"), "{text}");
}

#[test]
fn basic_config_sets_the_level_the_format_and_the_stream() {
    let text = listing(&logging_program(
        "logging.basicConfig(level=logging.INFO, format=\"%(name)s|%(levelno)s|%(levelname)-8s|\
%(message)s\", stream=sys.stdout)\nlog = logging.getLogger(__name__)",
        "    x = 1.25\n    log.info(\"x=%.1f r=%r\", x, \"a\")\n",
    ));
    has_all(
        &text,
        &[
            "// `logging.basicConfig`: each record at INFO or above is one `println!`.",
            "println!(\"__main__|20|INFO    |x={x:.1} r={}\", py_repr(\"a\"));",
        ],
    );
}

#[test]
fn a_record_whose_arguments_do_not_fit_its_message_is_a_comment() {
    let text = listing(&logging_program(
        "",
        "    logging.warning(\"%d items\", \"three\")\n    logging.warning(\"%s\", 1, 2)\n",
    ));
    has_all(
        &text,
        &[
            "// `logging.warning(\"%d items\", \"three\")`: its arguments do not fit the message:",
            "// `logging.warning(\"%s\", 1, 2)`: its arguments do not fit the message:",
        ],
    );
    assert!(!text.contains("eprintln!"), "{text}");
}

#[test]
fn basic_config_after_other_code_or_after_a_record_is_followed_in_order() {
    let late = listing(&logging_program(
        "print(\"first\")\nlogging.basicConfig(level=logging.INFO)",
        "",
    ));
    has_all(
        &late,
        &[
            "    println!(\"first\");\n    // `logging.basicConfig(level=logging.INFO)`: from here, each record at INFO or above is one\n",
        ],
    );
    // A record of the root logger configures it first: a later
    // `basicConfig` does nothing.
    let inside = listing(&logging_program(
        "",
        "    logging.warning(\"a\")\n    logging.basicConfig(level=logging.DEBUG)\n",
    ));
    has_all(
        &inside,
        &[
            "    eprintln!(\"WARNING:root:a\");\n    // `logging.basicConfig(level=logging.DEBUG)`: the root logger has a handler already, so\n    // this does nothing.\n",
        ],
    );
}

#[test]
fn basic_config_with_a_field_the_listing_does_not_know_is_refused() {
    let source = logging_program(
        "logging.basicConfig(format=\"%(asctime)s %(message)s\")",
        "    logging.warning(\"late\")\n",
    );
    let (construct, _, at) = refused(&source);
    assert_eq!(construct, "the call `logging.warning(\"late\")`");
    assert_eq!(at, "logging.warning(\"late\")");
    let source = logging_program("logging.basicConfig(datefmt=\"%H:%M\")", "");
    let (construct, _, at) = refused(&source);
    assert_eq!(construct, "`basicConfig(datefmt=...)` here");
    assert_eq!(at, "\"%H:%M\"");
}

#[test]
fn a_named_logger_with_nothing_configured_writes_the_bare_message_until_the_root_is_set_up() {
    let text = listing(&logging_program(
        "log = logging.getLogger(\"app\")",
        "    log.warning(\"named\")\n    logging.warning(\"root\")\n",
    ));
    has_all(
        &text,
        &["    eprintln!(\"named\");\n    eprintln!(\"WARNING:root:root\");\n"],
    );
}

#[test]
fn print_to_stderr_is_eprintln_and_to_stdout_println() {
    let text = listing(&logging_program(
        "",
        "    n = 2\n    print(\"left:\", n, file=sys.stderr)\n    \
print(\"out\", file=sys.stdout, flush=True)\n",
    ));
    has_all(&text, &["eprintln!(\"left: {n}\");", "println!(\"out\");"]);
}

#[test]
fn a_try_whose_body_only_logs_keeps_the_body_and_leaves_the_except_out() {
    let text = listing(&logging_program(
        "",
        "    try:\n        logging.warning(\"%d tasks\", \"three\")\n    except Exception as e:\n        \
print(\"caught\", repr(e))\n",
    ));
    has_all(
        &text,
        &["// Nothing here raises what the `except` takes: it never runs."],
    );
    assert!(!text.contains("caught"), "{text}");
}

#[test]
fn percent_d_of_a_float_writes_its_whole_part() {
    let text = listing(&logging_program(
        "",
        "    x = 2.5\n    logging.warning(\"x=%d\", x)\n",
    ));
    has_all(&text, &["eprintln!(\"WARNING:root:x={}\", x as i64);"]);
}

#[test]
fn percent_d_of_str_does_not_fit_the_message() {
    let src = "import asyncio\nimport logging\n\n\nasync def main():\n    n = 3\n    \
logging.warning(\"job %d\", str(n))\n    logging.warning(\"job %s\", str(n))\n\n\n\
asyncio.run(main())\n";
    let text = support::listing(src);
    assert!(
        text.contains("// `logging.warning(\"job %d\", str(n))`: its arguments do not fit"),
        "{text}"
    );
    assert!(
        text.contains("eprintln!(\"WARNING:root:job {}\", n.to_string());"),
        "{text}"
    );
}
