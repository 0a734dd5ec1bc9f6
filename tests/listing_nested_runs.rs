//! The Rust listing of `asyncio.run(f(...))` inside an expression of a
//! plain function (a method, a nested function, one called through
//! others): the `run` helper, a runtime of its own; refused where a
//! coroutine or an executor's job calls the function.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

const DOUBLE: &str = "import asyncio\n\n\nasync def double(x):\n    \
await asyncio.sleep(1)\n    return x * 2\n\n\n";

#[test]
fn asyncio_run_in_a_method_and_a_nested_function_is_the_run_helper() {
    let text = listing(&format!(
        "{DOUBLE}class App:\n    def __init__(self, n):\n        self.n = n\n\n    \
def start(self):\n        return asyncio.run(double(self.n))\n\n\n\
def outer():\n    def inner(x):\n        return asyncio.run(double(x))\n\n    \
return inner(1) + inner(2)\n\n\n\
print(App(5).start())\nprint(\"nested\", outer(), asyncio.run(double(3)))\n"
    ));
    has_all(
        &text,
        &[
            "    fn start(&self) -> i64 {\n        run(double(self.n))\n    }\n",
            "fn inner(x: i64) -> i64 {\n    run(double(x))\n}\n",
            "println!(\"nested {} {}\", outer(), run(double(3)));\n",
            "async fn run<F: Future>(f: F) -> F::Output {\n",
        ],
    );
}

#[test]
fn asyncio_run_in_a_function_a_coroutine_calls_is_refused() {
    let (construct, reason, at) = refused(&format!(
        "{DOUBLE}def level2():\n    return asyncio.run(double(2))\n\n\n\
def level1():\n    return level2() + 1\n\n\n\
async def main():\n    print(level1())\n\n\nasyncio.run(main())\n"
    ));
    assert_eq!(construct, "`asyncio.run(...)` reached from `main`");
    assert!(reason.contains("RuntimeError"), "{reason}");
    assert_eq!(at, "asyncio.run(double(2))");
}

#[test]
fn asyncio_run_in_an_executors_job_is_refused() {
    let (construct, _, _) = refused(&format!(
        "{DOUBLE}def job():\n    return asyncio.run(double(2))\n\n\n\
async def main():\n    print(await asyncio.to_thread(job))\n\n\nasyncio.run(main())\n"
    ));
    assert_eq!(construct, "`asyncio.run(...)` reached from `job`");
}

#[test]
fn asyncio_run_as_a_statement_of_a_plain_function_is_the_run_helper() {
    let text = listing(&format!(
        "{DOUBLE}def twice():\n    asyncio.run(double(1))\n    print(asyncio.run(double(2)))\n\n\n\
twice()\n"
    ));
    has_all(
        &text,
        &[
            "fn twice() {\n    run(double(1));\n    println!(\"{}\", run(double(2)));\n}\n",
            "fn main() {\n    twice();\n}\n",
        ],
    );
}
