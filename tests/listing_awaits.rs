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
