//! The Rust listing of a variable that holds one task's handle after
//! another: `mut`, each read awaiting the handle it holds then.

#[path = "support/listing.rs"]
mod support;

use support::{FETCH, HEADER, RUN, has_all, listing};

#[test]
fn a_task_variable_set_again_reads_each_handle_in_turn() {
    let text = listing(&format!(
        "{HEADER}{FETCH}async def main():\n    t = asyncio.create_task(fetch(\"a\", 1))\n    \
first = await t\n    print(first)\n    t = asyncio.create_task(fetch(first + \"b\", 1))\n    \
print(await t){RUN}"
    ));
    has_all(
        &text,
        &[
            "    let mut t = tokio::spawn(fetch(\"a\".to_string(), Duration::from_secs(1)));\n",
            "    let first = t.await.unwrap();\n",
            "    t = tokio::spawn(fetch(",
            "    println!(\"{}\", t.await.unwrap());\n",
        ],
    );
    assert!(!text.contains("t_output"), "{text}");
}
