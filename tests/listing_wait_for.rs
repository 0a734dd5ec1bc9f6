//! The Rust listing of `asyncio.wait_for` of a task kept in a variable and
//! of `asyncio.sleep(d, result=v)`, as a statement or inside an expression.

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refused};

/// A task awaited under a timeout inside `print`: the wait goes first,
/// over the borrowed handle, and at the deadline the task is aborted and
/// awaited to its end before `TimeoutError` goes on up.
#[test]
fn a_task_waited_for_inside_print_is_borrowed_and_aborted_at_the_deadline() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(\"got\", await asyncio.wait_for(t, 5), t.done())\n",
    ));
    has_all(
        &text,
        &[
            "let mut t = tokio::spawn(fetch(\"a\", Duration::from_secs(1)));",
            "let wait_for_result = match timeout(Duration::from_secs(5), &mut t).await {",
            "        Ok(output) => output.unwrap(),",
            "            t.abort();\n            // asyncio waits for the cancelled task to end.\n            let _ = (&mut t).await;\n            return Err(Error::TimeoutError(String::new()));",
            "\"got {wait_for_result} {}\",",
            "if t.is_finished() { \"True\" } else { \"False\" }",
        ],
    );
}

/// The same wait as a statement of its own binds the output.
#[test]
fn a_task_waited_for_as_a_statement_binds_its_output() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    r = await asyncio.wait_for(t, timeout=2)\n    print(r)\n",
    ));
    has_all(
        &text,
        &[
            "let r = match timeout(Duration::from_secs(2), &mut t).await {",
            "println!(\"{r}\");",
        ],
    );
}

/// A sleep with a result under `wait_for`: the sleep itself is the future
/// under `timeout`, and its result is written where it is read.
#[test]
fn a_sleep_with_a_result_under_a_timeout_is_the_timed_future() {
    let text = listing(&fetch_program(
        "    print(await asyncio.wait_for(asyncio.sleep(0.25, result=\"slept\"), timeout=1))\n    x = await asyncio.wait_for(asyncio.sleep(1, result=3), 2)\n    print(x)\n",
    ));
    has_all(
        &text,
        &[
            "// `timeout` drops the sleep at the deadline.\n    if timeout(Duration::from_secs(1), sleep(Duration::from_millis(250)))\n        .await\n        .is_err()\n    {\n        return Err(Error::TimeoutError(String::new()));\n    }\n    println!(\"slept\");",
            "if timeout(Duration::from_secs(2), sleep(Duration::from_secs(1)))",
            "let x = 3;",
        ],
    );
    assert!(!text.contains("async {"), "{text}");
}

/// A sleep as long as its timeout: asyncio's timeout fires first, Tokio's
/// `timeout` would give the result, so the listing refuses it.
#[test]
fn a_sleep_as_long_as_its_timeout_is_refused() {
    let (construct, reason, at) = refused(&fetch_program(
        "    print(await asyncio.wait_for(asyncio.sleep(1, result=\"x\"), timeout=1))\n",
    ));
    assert_eq!(
        construct,
        "a sleep as long as its `asyncio.wait_for` timeout"
    );
    assert!(reason.contains("make one of them longer"), "{reason}");
    assert_eq!(
        at,
        "asyncio.wait_for(asyncio.sleep(1, result=\"x\"), timeout=1)"
    );
}

/// A result computed by a call is read before the sleep in Python: the
/// listing, which writes it after, refuses it.
#[test]
fn a_sleep_result_from_a_call_is_refused() {
    let (construct, _, at) = refused(&fetch_program(
        "    x = await asyncio.wait_for(asyncio.sleep(1, result=len(\"ab\")), timeout=2)\n    print(x)\n",
    ));
    assert_eq!(
        construct,
        "this result of `asyncio.sleep` under `asyncio.wait_for`"
    );
    assert_eq!(at, "len(\"ab\")");
}

/// A wait after a call in the same expression would run before the call:
/// refused where it stands.
#[test]
fn a_task_wait_after_a_call_in_its_expression_is_refused() {
    let (construct, _, at) = refused(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    print(len(\"ab\"), await asyncio.wait_for(t, 5))\n",
    ));
    assert_eq!(construct, "an `await` inside an expression");
    assert_eq!(at, "await asyncio.wait_for(t, 5)");
}

/// `asyncio.wait_for` of a gather of the program's coroutines: their
/// `join_all` under `timeout`, dropped with its children at the deadline;
/// under `try: ... except TimeoutError:` the handler runs there.
#[test]
fn a_gather_under_wait_for_is_join_all_under_timeout() {
    let text = listing(&fetch_program(
        "    ok = await asyncio.wait_for(asyncio.gather(fetch(\"a\", 1), fetch(\"b\", 2)), timeout=3)\n    print(ok)\n    try:\n        await asyncio.wait_for(asyncio.gather(fetch(\"c\", 1), fetch(\"d\", 4)), timeout=2)\n    except TimeoutError:\n        print(\"gather timed out\")\n",
    ));
    has_all(
        &text,
        &[
            "    // `Elapsed` drops the gather and its children: `TimeoutError` goes on up.\n    let ok = match timeout(\n        Duration::from_secs(3),\n        join_all(vec![fetch(\"a\", 1), fetch(\"b\", 2)]),\n    )\n",
            "        Ok(results) => results,\n        Err(_) => {\n            return Err(Error::TimeoutError(String::new()));",
            "    // `Elapsed` drops the gather and its children.\n    if timeout(\n        Duration::from_secs(2),\n",
            "    {\n        println!(\"gather timed out\");\n    }",
        ],
    );
}

/// A task waited for under `try: ... except TimeoutError:`: the handler
/// runs after the task is aborted and has ended.
#[test]
fn a_task_waited_for_in_a_try_runs_the_handler_after_the_abort() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 5))\n    try:\n        await asyncio.wait_for(t, 1)\n    except TimeoutError:\n        print(\"timed out\")\n",
    ));
    has_all(
        &text,
        &[
            "    // `Elapsed` ends the wait: the task is aborted.\n",
            "        Err(_) => {\n            t.abort();\n            // asyncio waits for the cancelled task to end.\n            let _ = (&mut t).await;\n            println!(\"timed out\");\n        }",
        ],
    );
}

/// A variable bound before the `try` and assigned from `wait_for` keeps
/// the new value after it: the arm assigns it rather than binding a new
/// one that ends with the arm.
#[test]
fn a_variable_bound_before_the_try_is_assigned_by_the_arm() {
    let text = listing(&fetch_program(
        "    rows = \"stale\"\n    try:\n        rows = await asyncio.wait_for(fetch(\"a\", 1), 2)\n    except TimeoutError:\n        print(\"timed out\")\n    print(rows)\n",
    ));
    has_all(
        &text,
        &[
            "let mut rows = \"stale\".to_string();",
            "Ok(new_rows) => {\n            rows = new_rows;\n        }",
            "println!(\"{rows}\");",
        ],
    );
}

/// Two `try` blocks binding the same name each bind it in their own arm.
#[test]
fn a_variable_first_bound_in_an_arm_is_bound_again_in_the_next_try() {
    let text = listing(&fetch_program(
        "    try:\n        r = await asyncio.wait_for(fetch(\"a\", 1), 2)\n        print(r)\n    except TimeoutError:\n        print(\"late\")\n    try:\n        r = await asyncio.wait_for(fetch(\"b\", 3), 2)\n        print(r)\n    except TimeoutError:\n        print(\"late\")\n",
    ));
    assert_eq!(text.matches("Ok(r) => {").count(), 2, "{text}");
    assert!(!text.contains("new_r"), "{text}");
}
