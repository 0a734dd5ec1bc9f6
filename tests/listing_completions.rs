//! The Rust listing of an enumerated `asyncio.as_completed` loop, of a loop
//! that awaits each task of a list and goes on after its cancellation, and
//! of `fut.done()` of a future made with `loop.create_future()`; `as_completed`
//! over coroutines as over tasks, and over tasks made from pairs, each result
//! unpacked; `task.result()` of a cancelled task under
//! `except asyncio.CancelledError`.
//! (`tests/rust_listings.rs` builds and runs the corpus programs that use
//! them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, fetch_program, has_all, listing};

#[test]
fn an_enumerated_as_completed_loop_counts_by_hand() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(\"a\", 2)), asyncio.create_task(fetch(\"b\", 1))]\n    \
for n, fut in enumerate(asyncio.as_completed(tasks), start=1):\n        \
result = await fut\n        print(n, result)\n",
    );
    has_all(
        &listing(&src),
        &[
            "let mut n = 0;\n    let mut pending = FuturesUnordered::new();",
            "while let Some(result) = pending.next().await {\n        n += 1;\n        println!(\"{n} {result}\");\n    }",
        ],
    );
}

#[test]
fn awaiting_each_cancelled_task_of_a_list_goes_on() {
    let src = fetch_program(
        "    tasks = [asyncio.create_task(fetch(n, 5)) for n in [\"a\", \"b\"]]\n    \
for t in tasks:\n        t.cancel()\n    \
for t in tasks:\n        try:\n            await t\n        except asyncio.CancelledError:\n            \
print(\"cancelled\")\n    print(\"on\")\n",
    );
    has_all(
        &listing(&src),
        &[
            "for t in &mut tasks {\n        match t.await {",
            "Err(e) if e.is_cancelled() => {\n                println!(\"cancelled\");\n            }",
            "println!(\"on\");",
        ],
    );
}

#[test]
fn done_of_a_future_polls_a_shared_one_once_or_asks_its_receiver() {
    let src = format!(
        "{HEADER}async def waiter(fut):\n    print(await fut)\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    fut = loop.create_future()\n    \
tasks = [asyncio.create_task(waiter(fut)) for _ in range(2)]\n    fut.set_result(1)\n    \
print(fut.done())\n    for t in tasks:\n        await t\n    \
mine = loop.create_future()\n    mine.set_result(2)\n    print(mine.done())\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "let fut = fut.shared();",
            "if fut.clone().now_or_never().is_some() {",
            "if !mine.is_empty() || mine.is_terminated() {",
        ],
    );
}

#[test]
fn as_completed_over_coroutines_polls_them_in_one_futures_unordered() {
    let src = fetch_program(
        "    jobs = [(\"a\", 2), (\"b\", 1)]\n    \
coros = [fetch(name, secs) for name, secs in jobs]\n    \
for fut in asyncio.as_completed(coros):\n        result = await fut\n        print(result)\n",
    );
    has_all(
        &listing(&src),
        &[
            "let mut pending: FuturesUnordered<_> = jobs\n        .iter()\n        .cloned()\n        .map(|(name, secs)| fetch(name.to_string(), secs))\n        .collect();",
            "while let Some(result) = pending.next().await {\n        println!(\"{result}\");\n    }",
        ],
    );
    let listed = fetch_program(
        "    for fut in asyncio.as_completed([fetch(\"a\", 2), fetch(\"b\", 1)]):\n        \
result = await fut\n        print(result)\n",
    );
    has_all(
        &listing(&listed),
        &[
            "pending.push(fetch(\"a\", Duration::from_secs(2)));\n    pending.push(fetch(\"b\", Duration::from_secs(1)));",
        ],
    );
}

#[test]
fn result_of_a_cancelled_task_under_except_cancelled_error_reads_the_abort() {
    let src = fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 5))\n    \
t.cancel()\n    \
await asyncio.sleep(0)\n    \
try:\n        t.result()\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n",
    );
    has_all(
        &listing(&src),
        &[
            "let mut t_aborted = false;",
            "t.abort();",
            "if t_aborted && t.is_finished() {\n        println!(\"cancelled\");\n    }",
        ],
    );
}

#[test]
fn as_completed_over_tasks_of_pairs_unpacks_each_result_in_its_pattern() {
    let src = format!(
        "{HEADER}async def download(name, size):\n    await asyncio.sleep(size)\n    \
return name, size\n\n\nasync def main():\n    files = [(\"a\", 2), (\"b\", 1)]\n    \
tasks = [asyncio.create_task(download(n, s)) for n, s in files]\n    \
for fut in asyncio.as_completed(tasks):\n        name, size = await fut\n        \
print(name, size){RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "let mut pending: FuturesUnordered<_> = files\n        .iter()\n        .cloned()\n        .map(|(n, s)| download(n.to_string(), s))\n        .collect();",
            "while let Some((name, size)) = pending.next().await {\n        println!(\"{name} {size}\");\n    }",
        ],
    );
}
