//! The Rust listing of arguments and comparisons the translator writes out:
//! `str.format` fields, a starred tuple argument, `*args` parameters, `sum`
//! with a start, a loop over string literals, and
//! `is` with `None`, booleans or built-in classes: what the listing shows,
//! and what it refuses, at its place. (`tests/rust_listings.rs` builds and
//! runs the corpus programs that use them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of};

#[test]
fn format_fields_by_index_name_and_spec_are_one_format_string() {
    let text = listing(&main_of(
        "    total = 12.5\n    print(\"{0}-{1}-{0}\".format(\"a\", \"b\"))\n    \
print(\"{name} is {age}\".format(name=\"Ada\", age=36))\n    \
print(\"{:>5}|{:<5}|\".format(\"a\", \"b\"))\n    \
print(\"Total: {t:.2f} {x!r}\".format(t=total, x=\"q\"))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"a-b-a\");",
            "println!(\"Ada is 36\");",
            "println!(\"{:>5}|{:<5}|\", \"a\", \"b\");",
            "println!(\"Total: {total:.2} {}\", py_repr(\"q\"));",
        ],
    );
}

#[test]
fn format_fields_numbered_and_not_are_refused_as_python_raises() {
    let (construct, reason, at) = support::refused(&main_of(
        "    print(\"{0} {}\".format(1, 2))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`.format` fields numbered and not");
    assert!(reason.contains("ValueError"), "{reason}");
    assert_eq!(at, "\"{0} {}\".format(1, 2)");
}

#[test]
fn a_starred_tuple_argument_passes_its_items() {
    let text = listing(&format!(
        "{HEADER}async def run(name, delay):\n    await asyncio.sleep(delay)\n    \
print(name)\n\n\nasync def main():\n    for r in [(\"a\", 1), (\"b\", 2)]:\n        \
await run(*r){RUN}"
    ));
    has_all(
        &text,
        &["(\"b\".to_string(), 2)] {", "run(&r.0, r.1).await;"],
    );
}

#[test]
fn star_args_are_a_vec_of_the_extra_arguments() {
    let text = listing(&format!(
        "{HEADER}async def sleeper(name, *delays):\n    for d in delays:\n        \
await asyncio.sleep(d)\n    print(name)\n\n\nasync def main():\n    \
await sleeper(\"a\", 1, 0.5)\n    await sleeper(\"b\"){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn sleeper(name: &str, delays: &[f64]) {",
            "sleeper(\"a\", &[1.0, 0.5]).await;",
            "sleeper(\"b\", &[]).await;",
        ],
    );
}

#[test]
fn is_with_none_booleans_and_builtin_classes_is_known_from_the_types() {
    let text = listing(&main_of(
        "    x = 0\n    await asyncio.sleep(0)\n    \
print(x is None, x is not None, True is True)\n    \
print(asyncio.TimeoutError is TimeoutError)\n",
    ));
    has_all(
        &text,
        &["println!(\"False True True\");", "println!(\"True\");"],
    );
}

#[test]
fn none_put_on_a_queue_makes_a_channel_of_options_taken_with_let_else() {
    let text = listing(&format!(
        "{HEADER}async def consumer(q):\n    while True:\n        item = await q.get()\n        \
if item is None:\n            break\n        print(item * 2)\n\n\n\
async def main():\n    q = asyncio.Queue()\n    t = asyncio.create_task(consumer(q))\n    \
await q.put(1)\n    await q.put(None)\n    await t\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "q_rx: async_channel::Receiver<Option<i64>>",
            "let Some(item) = q_rx.recv().await.expect(\"the queue is open\") else {",
            "    break;\n        };\n",
            "println!(\"{}\", item * 2);",
            "q_tx.send(Some(1)).await",
            "q_tx.send(None).await",
        ],
    );
}

#[test]
fn an_item_of_a_queue_that_carries_none_not_tested_at_once_is_refused() {
    let (construct, reason, at) = support::refused(&main_of(
        "    q = asyncio.Queue()\n    await q.put(1)\n    await q.put(None)\n    \
item = await q.get()\n    print(item)\n",
    ));
    assert_eq!(construct, "an item of a queue that carries `None`");
    assert!(reason.contains("let Some(item) = ... else"), "{reason}");
    assert_eq!(at, "await q.get()");
}

#[test]
fn sum_with_a_start_folds_from_it_in_order() {
    let text = listing(&main_of(
        "    xs = [0.5, 0.25]\n    print(sum(xs, 100.0), sum(xs))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "xs.iter().fold(100.0, |total, x| total + x)",
            "xs.iter().sum::<f64>()",
        ],
    );
}

#[test]
fn a_loop_over_string_literals_indexes_a_dict_with_its_str() {
    let text = listing(&main_of(
        "    d = {}\n    for i, s in enumerate([\"a\", \"b\"]):\n        d[s] = i\n        \
print(d[s])\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["println!(\"{}\", d[s]);"]);
}
