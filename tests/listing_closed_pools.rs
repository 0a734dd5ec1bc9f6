//! A job handed to a pool after its `with` block has shut it down: asyncio
//! raises `RuntimeError` at the call, which the listing writes as the
//! `raise` it is; and a job's future cancelled while it waits for a
//! worker. (`tests/rust_listings.rs` builds and runs
//! `executor__after_shutdown.py` and `executor__job_raises.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing};

/// A program whose `main` makes a pool, runs one job in its block, then
/// runs `after` (indented by four spaces).
fn program(after: &str) -> String {
    format!(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def work(n):\n    time.sleep(n)\n    return n\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
with ThreadPoolExecutor(max_workers=1) as pool:\n        \
print(await loop.run_in_executor(pool, work, 1))\n{after}\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_job_for_a_pool_shut_down_raises_runtime_error() {
    for call in [
        "await loop.run_in_executor(pool, work, 2)",
        "loop.run_in_executor(pool, work, 2)",
        "late = loop.run_in_executor(pool, work, 2)",
    ] {
        let text = listing(&program(&format!(
            "    try:\n        {call}\n    except RuntimeError as e:\n        print(e)"
        )));
        has_all(
            &text,
            &[
                "        Err(Error::RuntimeError(\n            \"cannot schedule new futures after shutdown\".to_string(),\n        ))\n    }\n    .await;",
                "            err @ Error::RuntimeError(_) => {",
            ],
        );
    }
}

/// An argument Python computes before the call raises, or a pool's name
/// bound again, keeps the call what it was: refused.
#[test]
fn a_computed_argument_or_a_rebound_pool_is_refused() {
    for after in [
        "    try:\n        loop.run_in_executor(pool, work, len(\"ab\"))\n    except RuntimeError as e:\n        print(e)",
        "    pool = None\n    try:\n        loop.run_in_executor(pool, work, 2)\n    except RuntimeError as e:\n        print(e)",
    ] {
        let source = program(after);
        let loaded = asynclings::python::load("x.py", &source).expect("loads");
        let shown = rust::render_program(&loaded).text();
        has_all(&shown, &["this executor"]);
        assert!(!shown.contains("Error::RuntimeError("), "{shown}");
    }
}

/// The future of a job cancelled while it waits for a worker is cancelled
/// as soon as `cancel()` returns: `cancelled()` reads the flag the abort
/// set, where a task's would wait for the task to end.
#[test]
fn a_cancelled_job_is_cancelled_at_once() {
    let text = listing(&program(
        "    with ThreadPoolExecutor(max_workers=1) as again:\n        \
first = loop.run_in_executor(again, work, 1)\n        \
second = loop.run_in_executor(again, work, 2)\n        \
second.cancel()\n        print(second.cancelled())\n        print(await first)",
    ));
    has_all(
        &text,
        &[
            "    let mut second_aborted = false;\n",
            "    second_aborted |= !second.is_finished();\n    second.abort();\n",
            "    println!(\"{}\", first.await.unwrap());\n",
            "    println!(\"{}\", if second_aborted { \"True\" } else { \"False\" });\n",
        ],
    );
}
