//! What the Rust listing refuses of an executor's own methods and of a
//! pool made outside a `with`, at its place, with the form it takes.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program with a plain function `job`, `setup` at the top of the
/// module and `body` in `main`.
fn pool_program(setup: &str, body: &str) -> String {
    format!(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\
{setup}\n\n\ndef job(x):\n    time.sleep(0.5)\n    return x * 2\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n{body}\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_pool_s_submit_in_a_coroutine_is_refused_and_its_map_translates() {
    let call = "pool.submit(job, 1)";
    let (construct, reason, at) = refused(&pool_program(
        "",
        &format!(
            "    with ThreadPoolExecutor(max_workers=2) as pool:\n        print(list({call}))\n"
        ),
    ));
    assert_eq!(construct, format!("the call `{call}`"));
    assert_eq!(at, call);
    assert!(reason.contains("`future = pool.submit(f, x)`"), "{reason}");
    let text = listing(&pool_program(
        "",
        "    with ThreadPoolExecutor(max_workers=2) as pool:\n        print(list(pool.map(job, [1, 2])))\n",
    ));
    has_all(
        &text,
        &[
            "        .map(|x| submit(&pool, &pool_workers, job(x)))",
            "    println!(\"{:?}\", jobs.collect::<Vec<_>>().await);",
        ],
    );
}

#[test]
fn a_pool_shut_down_by_hand_is_refused() {
    let (construct, reason, _) = refused(&pool_program(
        "",
        "    with ThreadPoolExecutor(max_workers=2) as pool:\n        \
print(await loop.run_in_executor(pool, job, 1))\n        pool.shutdown()\n",
    ));
    assert_eq!(construct, "the call `pool.shutdown()`");
    assert!(reason.contains("where its `with` block ends"), "{reason}");
}

#[test]
fn a_pool_made_at_the_top_of_the_module_is_refused_where_it_is_made() {
    let (construct, reason, at) = refused(&pool_program(
        "pool = ThreadPoolExecutor(max_workers=2)",
        "    print(await loop.run_in_executor(pool, job, 1))\n",
    ));
    assert_eq!(construct, "an executor made outside a `with`");
    assert_eq!(at, "ThreadPoolExecutor(max_workers=2)");
    assert!(
        reason.contains("with ThreadPoolExecutor(max_workers=n) as pool:"),
        "{reason}"
    );
}

/// Leaving a pool's `with` block early still waits for its jobs in
/// Python: refused at the statement that leaves, a `break` of a loop
/// inside the block kept.
#[test]
fn leaving_a_pool_s_block_early_is_refused() {
    for (body, at) in [
        (
            "        loop.run_in_executor(pool, job, 1)\n        return 5\n",
            "return 5",
        ),
        (
            "        for i in range(2):\n            loop.run_in_executor(pool, job, i)\n            \
if i:\n                return\n",
            "return",
        ),
    ] {
        let (construct, reason, span) = refused(&pool_program(
            "",
            &format!("    with ThreadPoolExecutor(max_workers=2) as pool:\n{body}"),
        ));
        assert_eq!(construct, format!("`{at}` out of a pool's `with` block"));
        assert_eq!(span, at);
        assert!(reason.contains("waiting for its jobs"), "{reason}");
    }
    for stop in ["break", "continue"] {
        let text = pool_program(
            "",
            &format!(
                "    for i in range(2):\n        with ThreadPoolExecutor(max_workers=2) as pool:\n            \
print(await loop.run_in_executor(pool, job, i))\n            {stop}\n"
            ),
        );
        let (construct, _, span) = refused(&text);
        assert_eq!(construct, format!("`{stop}` out of a pool's `with` block"));
        assert_eq!(span, stop);
    }
    let text = listing(&pool_program(
        "",
        "    with ThreadPoolExecutor(max_workers=2) as pool:\n        for i in range(3):\n            \
print(await loop.run_in_executor(pool, job, i))\n            if i:\n                break\n",
    ));
    has_all(&text, &["            break;"]);
}
