//! The Rust listing of programs shaped beyond a plain
//! `asyncio.run(main())`: module-level code, module constants, code after
//! `asyncio.run` and programs that never start an event loop.

use asynclings::program::Program;
use asynclings::render::rust;

fn listing(source: &str) -> String {
    let program: Program = asynclings::python::load("x.py", source)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{source}"));
    rust::render_program(&program).text()
}

/// Module-level code runs in `main`; a constant reads as its value.
#[test]
fn module_code_runs_in_main_and_constants_read_as_their_value() {
    let text = listing(
        "import asyncio\n\nDELAY = 0.5\nNAME = \"worker\"\n\n\nasync def work(i):\n    await asyncio.sleep(DELAY)\n    print(NAME, i)\n\n\nasync def main(n):\n    for i in range(n):\n        await work(i)\n\n\nTOTAL = 0\nfor k in range(4):\n    TOTAL += k\nprint(\"total\", TOTAL)\nif __name__ == \"__main__\":\n    asyncio.run(main(TOTAL))\n",
    );
    insta::assert_snapshot!(text);
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains("sleep(Duration::from_millis(500)).await;"),
        "{text}"
    );
    assert!(text.contains("println!(\"worker {i}\");"), "{text}");
    // The module's variables are `main`'s locals, in snake case.
    assert!(text.contains("let mut total = 0;"), "{text}");
    assert!(text.contains("main_coroutine(total).await;"), "{text}");
    assert!(!text.contains("fn run<"), "{text}");
}

/// Code after `asyncio.run(...)` runs once the event loop is gone: `main`
/// is plain, and the coroutine runs on a runtime of its own, which drops
/// the tasks it left (as asyncio cancels them) before the next line.
#[test]
fn code_after_asyncio_run_gets_a_plain_main_and_a_runtime_of_its_own() {
    let text = listing(
        "import asyncio\n\n\nasync def tick():\n    while True:\n        await asyncio.sleep(1)\n        print(\"tick\")\n\n\nasync def main():\n    asyncio.create_task(tick())\n    await asyncio.sleep(2.5)\n\n\nasyncio.run(main())\nprint(\"after\")\n",
    );
    insta::assert_snapshot!(text);
    assert!(
        text.contains("fn main() {\n    run(main_coroutine());\n    println!(\"after\");\n}"),
        "{text}"
    );
    assert!(
        text.contains("#[tokio::main(flavor = \"current_thread\")]\nasync fn run<F: Future>(f: F) -> F::Output {\n    f.await\n}"),
        "{text}"
    );
}

/// A program that never calls `asyncio.run` has a plain `main`, no runtime.
#[test]
fn a_program_without_asyncio_run_has_a_plain_main() {
    let text =
        listing("def double(n):\n    return n * 2\n\n\nx = double(21)\nprint(\"x is\", x)\n");
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(!text.contains("tokio"), "{text}");
    assert!(
        text.contains("fn main() {\n    let x = double(21);\n    println!(\"x is {x}\");\n}"),
        "{text}"
    );
}

/// A module variable a function assigns (with `global`) is no constant:
/// it is a `static` atomic that every function reads and sets.
#[test]
fn a_global_that_a_function_assigns_is_a_static_atomic() {
    let text = listing(
        "import asyncio\n\nCOUNT = 0\nbest = 0\n\n\nasync def bump(n):\n    global COUNT, best\n    COUNT = COUNT + 1\n    best = max(best, n)\n    COUNT -= 1\n    COUNT = n * 2\n\n\nasync def main():\n    await bump(3)\n    print(COUNT, best)\n\n\nasyncio.run(main())\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains("static COUNT: AtomicI64 = AtomicI64::new(0);"),
        "{text}"
    );
    assert!(
        text.contains("static BEST: AtomicI64 = AtomicI64::new(0);"),
        "{text}"
    );
    assert!(
        text.contains("COUNT.fetch_add(1, Ordering::Relaxed);"),
        "{text}"
    );
    assert!(
        text.contains("BEST.fetch_max(n, Ordering::Relaxed);"),
        "{text}"
    );
    assert!(
        text.contains("COUNT.fetch_sub(1, Ordering::Relaxed);"),
        "{text}"
    );
    assert!(
        text.contains("COUNT.store(n * 2, Ordering::Relaxed);"),
        "{text}"
    );
    assert!(
        text.contains("COUNT.load(Ordering::Relaxed),")
            || text.contains("\"{} {}\", COUNT.load(Ordering::Relaxed)"),
        "{text}"
    );
}

/// A module list that functions change in place is a `static` behind a
/// `std::sync::Mutex`: changed under the lock, read as a copy, so no
/// statement locks it twice.
#[test]
fn a_global_list_changed_in_place_is_a_static_behind_a_mutex() {
    let text = listing(
        "import asyncio\n\nlog = []\n\n\ndef record(event):\n    log.append(event)\n\n\nasync def main():\n    record(\"a\")\n    await asyncio.sleep(1)\n    record(\"b\")\n    print(log, len(log))\n\n\nasyncio.run(main())\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains(
            "static LOG: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());"
        ),
        "{text}"
    );
    assert!(
        text.contains("LOG.lock().unwrap().push(event.to_string());"),
        "{text}"
    );
    assert!(text.contains("py_list(&snapshot(&LOG))"), "{text}");
    assert!(text.contains("snapshot(&LOG).len()"), "{text}");
    assert!(
        text.contains("fn snapshot<T: Clone>(list: &std::sync::Mutex<Vec<T>>) -> Vec<T> {"),
        "{text}"
    );
}

/// `type(x).__name__` of a value whose type the plan knows is the name.
#[test]
fn type_name_of_a_known_type_is_written_as_the_name() {
    let text = listing(
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)\n    print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(1 / 2).__name__, type(None).__name__)\n\n\nasyncio.run(main())\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains("println!(\"int float float NoneType\");"),
        "{text}"
    );
}

/// A nested function that captures nothing is hoisted to the module, just
/// before the function around it, which calls it by name.
#[test]
fn a_nested_function_without_captures_is_hoisted() {
    let text = listing(
        "import asyncio\n\n\nasync def main():\n    async def waiter(name, delay):\n        await asyncio.sleep(delay)\n        print(name, \"done\")\n        return delay * 2\n\n    t = asyncio.create_task(waiter(\"a\", 2))\n    r = await waiter(\"b\", 1)\n    print(\"b gave\", r)\n    await t\n\n\nasyncio.run(main())\n",
    );
    insta::assert_snapshot!(text);
    let waiter = text.find("async fn waiter(name: &str, delay: i64) -> i64 {");
    let main = text.find("async fn main() {");
    assert!(waiter.is_some() && waiter < main, "{text}");
    assert!(
        text.contains("let t = tokio::spawn(waiter(\"a\", 2));"),
        "{text}"
    );
    assert!(text.contains("let r = waiter(\"b\", 1).await;"), "{text}");
}

/// A nested function that changes a variable of the function around it
/// (a closure with `nonlocal`) is refused where it stands.
#[test]
fn a_nested_closure_that_changes_what_it_captures_is_refused_at_its_place() {
    let text = listing(
        "import asyncio\n\n\nasync def main():\n    n = 3\n\n    def add(x):\n        nonlocal n\n        n += x\n        return n\n\n    print(add(1))\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("x.py:7:5: a nested definition"), "{text}");
}

/// So is one that reads a variable the function around it binds again
/// after the `def`, or changes in place: a value passed at the call would
/// not see the change.
#[test]
fn a_nested_closure_over_a_changing_variable_is_refused_at_its_place() {
    let text = listing(
        "import asyncio\n\n\nasync def main():\n    n = 1\n    seen = []\n\n    def bump():\n        return n + 1\n\n    async def run(k):\n        await asyncio.sleep(k)\n        seen.append(k)\n\n    await run(1)\n    n = 5\n    print(bump(), seen)\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("x.py:8:5: a nested definition"), "{text}");
    assert!(text.contains("x.py:11:5: a nested definition"), "{text}");
}

/// A nested coroutine that reads the variables of the function around it
/// (a queue, a parameter, a number bound once before the `def`) is hoisted
/// and takes them as its first parameters; each call passes them.
#[test]
fn a_nested_closure_that_only_reads_takes_what_it_reads_as_arguments() {
    let text = listing(
        "import asyncio\n\n\nasync def main(label):\n    queue = asyncio.Queue()\n    step = 0.5\n\n    async def producer(n):\n        for i in range(n):\n            await asyncio.sleep(step)\n            await queue.put(i)\n            print(label, \"put\", i)\n\n    p = asyncio.create_task(producer(2))\n    print(await queue.get(), await queue.get())\n    await p\n\n\nasyncio.run(main(\"demo\"))\n",
    );
    assert!(!text.contains("cannot translate"), "{text}");
    assert!(
        text.contains(
            "async fn producer(label: String, queue_tx: async_channel::Sender<i64>, step: f64, n: i64) {"
        ),
        "{text}"
    );
    assert!(text.contains("tokio::spawn(producer("), "{text}");
}

/// `asyncio.run(...)` inside a block of the module (here a main guard with
/// `else`) runs on a runtime of its own too, and its value is kept.
#[test]
fn asyncio_run_inside_a_block_of_the_module_runs_too() {
    let text = listing(
        "import asyncio\n\n\nasync def main():\n    return 5\n\n\nif __name__ == \"__main__\":\n    r = asyncio.run(main())\n    print(r)\nelse:\n    print(\"imported\")\n",
    );
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    assert!(
        text.contains("    if \"__main__\" == \"__main__\" {\n        let r = run(main_coroutine());\n        println!(\"{r}\");\n    } else {"),
        "{text}"
    );
}
