//! The Rust listing of `asyncio.gather(...)` mixing calls of the program's
//! coroutines with tasks kept in variables and sleeps with a result: one
//! `tokio::join!`, after the tasks already ready have run.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

const COMPUTE: &str = "import asyncio\n\n\nasync def compute(x):\n    await asyncio.sleep(x)\n    print(\"computed\", x)\n    return x * x\n\n\n";

fn program(body: &str) -> String {
    format!("{COMPUTE}async def main():\n{body}\n\nasyncio.run(main())\n")
}

/// Strings beside numbers are `PyValue`s; the task is awaited through
/// `&mut`, its output kept for `result()`, and `done()` is then true.
#[test]
fn a_task_a_sleep_and_calls_are_joined_in_order() {
    let text = listing(&program(
        "    early = asyncio.create_task(compute(3))\n    results = await asyncio.gather(compute(1), early, asyncio.sleep(1, result=\"slept\"), compute(2))\n    print(results)\n    print(early.result(), early.done())\n",
    ));
    has_all(
        &text,
        &[
            "use futures::FutureExt;",
            "    let mut early = tokio::spawn(compute(3));\n    // asyncio starts the gathered coroutines after the tasks already ready.\n    tokio::task::yield_now().await;\n",
            "    let (a, early_output, c, d) = tokio::join!(\n        biased;\n        compute(1),\n        async { (&mut early).await.unwrap() },\n        sleep(Duration::from_secs(1)).map(|()| \"slept\".to_string()),\n        compute(2),\n    );\n",
            "        PyValue::Int(early_output),\n        PyValue::Str(c),\n",
            "    println!(\"{early_output} True\");",
        ],
    );
}

/// Results of one type make a plain `Vec`; a task not read again is still
/// awaited through `&mut`.
#[test]
fn results_of_one_type_are_a_plain_list() {
    let text = listing(&program(
        "    t = asyncio.create_task(compute(2))\n    both = await asyncio.gather(t, compute(1))\n    print(both)\n",
    ));
    has_all(
        &text,
        &[
            "    let mut t = tokio::spawn(compute(2));",
            "let (t_output, b) = tokio::join!(biased; async { (&mut t).await.unwrap() }, compute(1));",
            "    let both = vec![t_output, b];",
        ],
    );
}

/// A task awaited before the gather has handed its output over already.
#[test]
fn a_task_awaited_before_the_gather_is_refused() {
    let (construct, reason, at) = refused(&program(
        "    t = asyncio.create_task(compute(2))\n    await t\n    both = await asyncio.gather(t, compute(1))\n    print(both)\n",
    ));
    assert_eq!(construct, "the task `t` gathered here");
    assert!(
        reason.contains("before anything else awaits it"),
        "{reason}"
    );
    assert_eq!(at, "t");
}

/// A cancelled task would make the gather raise `CancelledError`.
#[test]
fn a_cancelled_task_gathered_is_refused() {
    let (construct, _, _) = refused(&program(
        "    t = asyncio.create_task(compute(2))\n    await asyncio.sleep(0)\n    t.cancel()\n    both = await asyncio.gather(t, asyncio.sleep(1, result=4))\n    print(both)\n",
    ));
    assert_eq!(construct, "the task `t` gathered here");
}

/// A sleep's result that reads a variable is refused at the argument.
#[test]
fn a_gathered_sleep_of_a_variable_is_refused() {
    let (construct, _, at) = refused(&program(
        "    n = 3\n    both = await asyncio.gather(compute(1), asyncio.sleep(1, result=n))\n    print(both)\n",
    ));
    assert_eq!(construct, "this argument of a gathered `asyncio.sleep`");
    assert_eq!(at, "n");
}

/// A sleep without a result gives `None`, which the list cannot hold.
#[test]
fn a_gathered_sleep_without_a_result_is_refused() {
    let (construct, _, _) = refused(&program(
        "    both = await asyncio.gather(compute(1), asyncio.sleep(1))\n    print(both)\n",
    ));
    assert_eq!(construct, "a gathered `asyncio.sleep` without `result=`");
}

/// A coroutine that can raise: asyncio raises at once, `join!` would wait.
#[test]
fn a_failing_coroutine_beside_a_sleep_is_refused() {
    let (construct, reason, _) = refused(&format!(
        "{COMPUTE}async def bad():\n    raise ValueError(\"no\")\n\n\nasync def main():\n    both = await asyncio.gather(bad(), asyncio.sleep(1, result=2))\n    print(both)\n\n\nasyncio.run(main())\n"
    ));
    assert_eq!(
        construct,
        "`asyncio.gather` of a coroutine that can raise beside tasks or sleeps"
    );
    assert!(
        reason.contains("`tokio::join!` waits for every future"),
        "{reason}"
    );
}

const MEASURE: &str = "import asyncio\nimport time\n\n\ndef measure(name, seconds):\n    time.sleep(seconds)\n    return len(name)\n\n\nasync def count(n):\n    await asyncio.sleep(n)\n    return n\n\n\n";

/// Each executor job is spawned inside the join and awaited there; with no
/// task spawned before, nothing is ready to run first.
#[test]
fn executor_jobs_beside_a_call_are_spawned_in_the_join() {
    let text = listing(&format!(
        "{MEASURE}async def main():\n    sizes = await asyncio.gather(asyncio.to_thread(measure, \"a\", 0.5), count(1))\n    print(sizes)\n\n\nasyncio.run(main())\n"
    ));
    has_all(
        &text,
        &[
            "    let (a, b) = tokio::join!(\n        biased;\n        async { tokio::spawn(measure(\"a\", 0.5)).await.unwrap() },\n        count(1),\n    );\n",
            "    let sizes = vec![a, b];",
        ],
    );
    assert!(!text.contains("yield_now"), "{text}");
}

/// A float parameter given an integer and returned negated: the caller
/// would see `-1.0` where Python has `-1` (a `Number` is not negated).
#[test]
fn an_integer_passed_to_a_returned_float_parameter_is_refused() {
    let (construct, reason, at) = refused(
        "import asyncio\n\n\nasync def pair(name, seconds):\n    await asyncio.sleep(seconds)\n    return name, -seconds\n\n\nasync def main():\n    print(await pair(\"a\", 1))\n    print(await pair(\"b\", 0.5))\n\n\nasyncio.run(main())\n",
    );
    assert_eq!(construct, "an integer passed to `pair`");
    assert!(reason.contains("the function returns it"), "{reason}");
    assert_eq!(at, "1");
}

/// One handle cannot be awaited twice in one join.
#[test]
fn a_task_gathered_twice_is_refused() {
    let (construct, _, _) = refused(&program(
        "    t = asyncio.create_task(compute(2))\n    both = await asyncio.gather(t, compute(1), t)\n    print(both)\n",
    ));
    assert_eq!(construct, "the task `t` gathered twice");
}

/// Gathered inside a branch, the kept output would not reach the reads
/// after it.
#[test]
fn a_task_gathered_in_a_nested_block_is_refused() {
    let (construct, _, _) = refused(&program(
        "    t = asyncio.create_task(compute(2))\n    if len(\"ab\") > 1:\n        both = await asyncio.gather(t, compute(1))\n        print(both)\n    print(t.result())\n",
    ));
    assert_eq!(construct, "the task `t` gathered here");
}

/// One awaitable is awaited alone; the results' names leave the
/// program's own `a` alone.
#[test]
fn one_sleep_is_awaited_alone_beside_the_programs_names() {
    let text = listing(&program(
        "    a = 5\n    r = await asyncio.gather(asyncio.sleep(1, result=2))\n    print(r, a)\n",
    ));
    has_all(
        &text,
        &["    let r0 = sleep(Duration::from_secs(1)).map(|()| 2).await;\n    let r = vec![r0];"],
    );
}

/// Integers beside floats: one `Vec` would print `2.0` where Python has `2`.
#[test]
fn integers_beside_floats_gathered_are_refused() {
    let (construct, _, _) = refused(&program(
        "    s = await asyncio.gather(asyncio.sleep(1, result=2), asyncio.sleep(1, result=3.5))\n    print(s)\n",
    ));
    assert_eq!(construct, "`asyncio.gather` of integers beside floats");
}

/// `to_thread` jobs alone are their tasks' handles, joined as those of
/// `run_in_executor` are.
#[test]
fn to_thread_jobs_alone_are_joined_as_handles() {
    let text = listing(&format!(
        "{MEASURE}async def main():\n    sizes = await asyncio.gather(asyncio.to_thread(measure, \"a\", 1), asyncio.to_thread(measure, \"bb\", 2))\n    print(sizes)\n\n\nasyncio.run(main())\n"
    ));
    has_all(
        &text,
        &[
            "    let sizes = try_join_all(vec![\n        tokio::spawn(measure(\"a\", 1)),\n        tokio::spawn(measure(\"bb\", 2)),\n    ])",
        ],
    );
    assert!(!text.contains("tokio::join!"), "{text}");
}

/// Gathered for what it does: the results are not named, but a task's
/// output read later still is.
#[test]
fn a_gather_kept_nowhere_names_only_the_kept_output() {
    let text = listing(&program(
        "    t = asyncio.create_task(compute(3))\n    await asyncio.gather(compute(1), t)\n    print(t.result())\n",
    ));
    has_all(
        &text,
        &[
            "    let (_, t_output) = tokio::join!(biased; compute(1), async { (&mut t).await.unwrap() });\n    println!(\"{t_output}\");",
        ],
    );
}
