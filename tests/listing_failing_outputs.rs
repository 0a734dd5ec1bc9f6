//! The Rust listing of a task's output read inside an expression where the
//! task can fail: its exception goes on up from there (`?` after the
//! handle's output), and the function that reads it returns a `Result`.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

const CHECK: &str = "async def check(n):\n    await asyncio.sleep(n)\n    if n > 1:\n        \
raise ValueError(f\"too big: {n}\")\n    return n * 10\n\n\n";

#[test]
fn an_awaited_task_inside_print_passes_its_exception_on() {
    let text = listing(&format!(
        "{HEADER}{CHECK}async def main():\n    t = asyncio.create_task(check(2))\n    \
print(\"result:\", await t){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn main() -> Result<(), Error> {\n",
            "    println!(\"result: {}\", t.await.unwrap()?);\n    Ok(())\n",
        ],
    );
}

#[test]
fn a_threadsafe_result_inside_print_passes_its_exception_on() {
    let text = listing(&format!(
        "{HEADER}{CHECK}def job(loop):\n    future = asyncio.run_coroutine_threadsafe(check(2), loop)\n    \
print(\"result:\", future.result())\n    return 0\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    print(await asyncio.to_thread(job, loop)){RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn job() -> Result<i64, Error> {\n",
            "    println!(\"result: {}\", future.await.unwrap()?);\n    Ok(0)\n",
            "tokio::spawn(job()).await.unwrap()?;\n",
        ],
    );
}

#[test]
fn a_task_that_cannot_fail_is_read_without_a_question_mark() {
    let text = listing(&format!(
        "{HEADER}{CHECK}async def double(n):\n    await asyncio.sleep(n)\n    return n * 2\n\n\n\
async def main():\n    t = asyncio.create_task(double(1))\n    print(\"result:\", await t)\n    \
try:\n        await check(2)\n    except ValueError as e:\n        print(e){RUN}"
    ));
    has_all(
        &text,
        &["    println!(\"result: {}\", t.await.unwrap());\n"],
    );
}
