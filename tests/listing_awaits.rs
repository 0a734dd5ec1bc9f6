//! The Rust listing of awaits, spawns and gathers inside expressions:
//! tasks and coroutines kept in lists, `await` of a variable where its
//! value is used, `asyncio.gather(*xs)` and `asyncio.sleep(d, result=v)`.

use asynclings::program::Program;
use asynclings::render::rust;

fn listing(source: &str) -> String {
    let program: Program = asynclings::python::load("x.py", source)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{source}"));
    rust::render_program(&program).text()
}

fn translated(source: &str) -> String {
    let text = listing(source);
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    text
}

/// Tasks appended to a list are `JoinHandle`s in a `Vec`, and
/// `gather(*tasks)` gives their results in the list's order.
#[test]
fn a_list_of_tasks_is_gathered_in_order() {
    let text = translated(
        "import asyncio\n\n\nasync def work(n):\n    await asyncio.sleep(1)\n    return n * 2\n\n\nasync def main():\n    tasks = []\n    for n in range(3):\n        tasks.append(asyncio.create_task(work(n)))\n    results = await asyncio.gather(*tasks)\n    print(results)\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains("tasks.push(tokio::spawn(work(n)));"),
        "{text}"
    );
    assert!(
        text.contains("let results = try_join_all(tasks).await.unwrap();"),
        "{text}"
    );
    assert!(
        text.contains("use futures::future::try_join_all;"),
        "{text}"
    );
}

/// A comprehension of tasks, each awaited in a loop inside `print`.
#[test]
fn tasks_of_a_comprehension_are_awaited_where_their_value_is_used() {
    let text = translated(
        "import asyncio\n\n\nasync def work(n):\n    await asyncio.sleep(n)\n    return n\n\n\nasync def main():\n    tasks = [asyncio.create_task(work(n)) for n in range(3)]\n    for t in tasks:\n        print(\"got\", await t)\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("tokio::spawn(work(n))"), "{text}");
    assert!(text.contains("for t in &mut tasks {"), "{text}");
    assert!(
        text.contains("println!(\"got {}\", t.await.unwrap());"),
        "{text}"
    );
}

/// Gathering calls of one coroutine inside an expression: a `join_all`
/// of the futures, in place.
#[test]
fn a_gather_inside_print_is_joined_in_place() {
    let text = translated(
        "import asyncio\n\n\nasync def f(n):\n    await asyncio.sleep(n)\n    return n\n\n\nasync def main():\n    print(await asyncio.gather(f(1), f(2)))\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("join_all(vec![f(1), f(2)]).await"), "{text}");
}

/// `asyncio.sleep(d, result=v)` sleeps, then gives `v`.
#[test]
fn a_sleep_with_a_result_sleeps_then_binds_it() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    x = await asyncio.sleep(2, result=\"x\")\n    print(x)\n\n\nasyncio.run(main())\n",
    );
    let sleep = text.find("sleep(Duration::from_secs(2)).await;");
    let bind = text.find("let x = \"x\"");
    assert!(sleep.is_some() && bind.is_some() && sleep < bind, "{text}");
}

/// A gather of different coroutines inside an expression has no one
/// Rust type for its list: refused at its place, with why.
#[test]
fn a_gather_of_different_coroutines_inside_an_expression_is_refused() {
    let text = listing(
        "import asyncio\n\n\nasync def f():\n    return 1\n\n\nasync def g():\n    return 2\n\n\nasync def main():\n    print(await asyncio.gather(f(), g()))\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.starts_with("// The translator cannot translate this program yet (1 to do):"),
        "{text}"
    );
    assert!(
        text.contains("x.py:13:11: an `await` inside an expression"),
        "{text}"
    );
}

/// `a, b = await asyncio.gather(f(...), g(...))`: one `tokio::join!`
/// binding a name per call, each of its own type.
#[test]
fn an_unpacked_gather_binds_one_name_per_call() {
    let text = translated(
        "import asyncio\n\n\nasync def f(n):\n    await asyncio.sleep(n)\n    return n * 2\n\n\nasync def g(s):\n    await asyncio.sleep(1)\n    return s + \"!\"\n\n\nasync def main():\n    a, b = await asyncio.gather(f(1), g(\"x\"))\n    print(a, b)\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains("let (a, b) = tokio::join!(biased; f(1), g(\"x\"));"),
        "{text}"
    );
    assert!(text.contains("println!(\"{a} {b}\");"), "{text}");
}

/// A gather kept in a variable wraps its coroutines as tasks at once (they
/// run at the next await) and is awaited later for their results.
#[test]
fn a_gather_kept_in_a_variable_spawns_now_and_is_awaited_later() {
    let text = translated(
        "import asyncio\n\n\nasync def f(n):\n    await asyncio.sleep(n)\n    return n * 2\n\n\nasync def main():\n    kept = asyncio.gather(f(2), f(3))\n    await asyncio.sleep(0)\n    print(await kept)\n    again = asyncio.gather(f(1))\n    results = await again\n    print(results)\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains("let kept = vec![tokio::spawn(f(2)), tokio::spawn(f(3))];"),
        "{text}"
    );
    assert!(
        text.contains("println!(\"{:?}\", try_join_all(kept).await.unwrap());"),
        "{text}"
    );
    assert!(
        text.contains("let results = try_join_all(again).await.unwrap();"),
        "{text}"
    );
}

/// An async comprehension read inside an expression is collected first,
/// into `{generator}_items`, which the expression reads.
#[test]
fn an_async_comprehension_inside_print_is_collected_first() {
    let text = translated(
        "import asyncio\n\n\nasync def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(0.5)\n        yield i\n\n\nasync def main():\n    print(\"ticks:\", [i * 10 async for i in ticks(3) if i != 1])\n\n\nasyncio.run(main())\n",
    );
    let collect = text.find("let ticks_items = ticks(3)");
    let print = text.find("println!(\"ticks: {ticks_items:?}\");");
    assert!(
        collect.is_some() && print.is_some() && collect < print,
        "{text}"
    );
    assert!(text.contains(".map(|i| i * 10)"), "{text}");
}

/// A coroutine that awaits itself boxes each call of itself, whose future
/// would otherwise hold its own.
#[test]
fn a_coroutine_awaiting_itself_boxes_the_call() {
    let text = listing(
        "import asyncio\n\n\nasync def count(n):\n    if n == 0:\n        return 0\n    return 1 + await count(n - 1)\n\n\nasync def main():\n    print(await count(3))\n\n\nasyncio.run(main())\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(text.contains("1 + Box::pin(count(n - 1)).await"), "{text}");
    assert!(text.contains("println!(\"{}\", count(3).await);"), "{text}");
}

/// A coroutine passing itself a branch of nested tuples whose places
/// differ from level to level would need a recursive type: refused at the
/// call, with why. (A tree of tuples alike at every level is a struct: see
/// `tests/listing_trees.rs`.)
#[test]
fn a_coroutine_passing_itself_a_tree_of_tuples_is_refused_at_the_call() {
    let text = listing(
        "import asyncio\n\n\nasync def size(node):\n    name, children = node\n    total = 1\n    for child in children:\n        total += await size(child)\n    return total\n\n\nasync def main():\n    print(await size((\"a\", [(1, [])])))\n\n\nasyncio.run(main())\n",
    );
    assert!(text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains("x.py:8:24: `size` passing itself nested data"),
        "{text}"
    );
    assert!(text.contains("recursive type"), "{text}");
}

/// A coroutine spawning itself cannot be proved `Send` by the compiler:
/// refused at the call, with the idiomatic alternative.
#[test]
fn a_coroutine_spawning_itself_is_refused_at_the_call() {
    let text = listing(
        "import asyncio\n\n\nasync def fan(n):\n    if n == 0:\n        return 1\n    t = asyncio.create_task(fan(n - 1))\n    return 1 + await t\n\n\nasync def main():\n    print(await fan(3))\n\n\nasyncio.run(main())\n",
    );
    assert!(text.starts_with("// The translator cannot"), "{text}");
    assert!(text.contains("x.py:7:29: `fan` spawning itself"), "{text}");
    assert!(text.contains("BoxFuture<'static, T>"), "{text}");
}

/// A dict literal whose values turn out to be a string and a number holds
/// the listing's `PyValue` enum (see `listing_mixed_values.rs`).
#[test]
fn a_dict_of_a_string_and_a_number_holds_py_values() {
    let text = listing(
        "import asyncio\n\n\nasync def fetch(url, seconds):\n    await asyncio.sleep(seconds)\n    return {\"url\": url, \"ms\": int(seconds * 1000)}\n\n\nasync def main():\n    print(await fetch(\"/a\", 1))\n\n\nasyncio.run(main())\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(text.contains("-> IndexMap<String, PyValue> {"), "{text}");
}

/// A comprehension of two `for`s is one chain: the outer `flat_map`s the
/// inner, whose closure moves the outer variable in; laid out as rustfmt
/// lays out a chain.
#[test]
fn a_comprehension_of_two_fors_is_a_flat_map() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    groups = [[\"a\", \"b\"], [\"c\"]]\n    print([name for group in groups for name in group])\n    pairs = [(x, y) for x in range(3) for y in range(x)]\n    print(pairs)\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains(
            "            &groups\n                .iter()\n                .flat_map(|group| group.iter().map(|name| name.to_string()))\n                .collect::<Vec<_>>()\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "    let pairs = (0..3)\n        .flat_map(|x: i64| (0..x).map(move |y: i64| (x, y)))\n        .collect::<Vec<_>>();\n"
        ),
        "{text}"
    );
}

/// An await the listing translates as a statement of its own, inside
/// `print` and an f-string: awaited first into a fresh name, each its
/// own, when nothing before it in the statement calls or reads what the
/// work could change.
#[test]
fn an_await_inside_an_expression_is_awaited_first_into_a_name() {
    let text = translated(
        "import asyncio\n\n\ndef job(n):\n    return n * 2\n\n\nasync def main():\n    n = 5\n    print(\"got\", await asyncio.to_thread(job, n), n)\n    print(f\"doubled {await asyncio.to_thread(job, 4)}\")\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains("let to_thread_result = spawn_blocking(move || job(n)).await.unwrap();\n    println!(\"got {to_thread_result} {n}\");"),
        "{text}"
    );
    assert!(
        text.contains("let to_thread_result_2 = spawn_blocking(|| job(4)).await.unwrap();\n    println!(\"doubled {to_thread_result_2}\");"),
        "{text}"
    );
}

/// A call that prints, or a module variable the work changes, before the
/// await: awaiting first would change the order, so it stays refused.
#[test]
fn an_await_after_a_call_or_a_global_is_not_moved_first() {
    for line in [
        "print(tick(), await asyncio.to_thread(job, 1))",
        "print(COUNT, await asyncio.to_thread(job, 1))",
        "print(tick() or await asyncio.to_thread(job, 1))",
    ] {
        let text = listing(&format!(
            "import asyncio\n\nCOUNT = 0\n\n\ndef job(n):\n    return n * 2\n\n\ndef tick():\n    print(\"tick\")\n    return 1\n\n\nasync def main():\n    {line}\n\n\nasyncio.run(main())\n"
        ));
        assert!(
            text.starts_with("// The translator cannot translate this program yet (1 to do):")
                && text.contains("an `await` inside an expression"),
            "{line}\n{text}"
        );
    }
}

/// A list comprehension whose element awaits runs its awaits one after
/// another, as Python does: a `for` loop that pushes each result, into
/// the assigned name or, inside an expression, a fresh one built first.
#[test]
fn a_comprehension_of_awaits_is_a_loop_awaiting_each_in_turn() {
    let text = translated(
        "import asyncio\n\n\nasync def double(x):\n    await asyncio.sleep(0.25)\n    return x * 2\n\n\nasync def main():\n    values = [1, 2, 3]\n    doubled = [await double(x) for x in values]\n    print(\"doubled\", doubled)\n    print(\"big\", [await double(x) for x in values if x > 1], values)\n    q = asyncio.Queue()\n    await q.put(5)\n    print([await q.get() for _ in range(1)])\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains("    let mut doubled = vec![];\n    for x in values.iter().copied() {\n        doubled.push(double(x).await);\n    }\n    println!(\"doubled {doubled:?}\");\n"),
        "{text}"
    );
    assert!(
        text.contains("        if x > 1 {\n            double_results.push(double(x).await);\n        }\n    }\n    println!(\"big {double_results:?} {values:?}\");\n"),
        "{text}"
    );
    assert!(
        text.contains("let (q_tx, q_rx) = async_channel::unbounded();"),
        "{text}"
    );
    assert!(
        text.contains("get_results.push(q_rx.recv().await.expect(\"the queue is open\"));"),
        "{text}"
    );
}

/// A task awaited (as a statement or inside an expression) whose state is
/// read after: the handle is awaited through `&mut`, so `is_finished()`
/// still has it.
#[test]
fn a_task_read_after_its_await_is_awaited_through_mut() {
    let text = translated(
        "import asyncio\n\n\nasync def f(n):\n    await asyncio.sleep(n)\n    return n\n\n\nasync def main():\n    t = asyncio.create_task(f(1))\n    x = await t\n    print(x, t.done())\n    u = asyncio.create_task(f(2))\n    print(await u, u.done())\n    v = asyncio.create_task(f(3))\n    print(v.done(), await v)\n\n\nasyncio.run(main())\n",
    );
    for want in [
        "let mut t = tokio::spawn(f(1));",
        "let x = (&mut t).await.unwrap();",
        "println!(\"{x} {}\", if t.is_finished() { \"True\" } else { \"False\" });",
        "let mut u = tokio::spawn(f(2));",
        "(&mut u).await.unwrap(),",
        // Read before the await only: the handle is moved.
        "let v = tokio::spawn(f(3));",
        "v.await.unwrap()",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}
