//! `lock.locked()`: read through `try_lock` where no other task can wait
//! for the lock, refused where one can (Tokio's `Mutex` is handed to the
//! next waiter at its release; asyncio's lock is unlocked until that
//! waiter runs).

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refused};

#[test]
fn a_lock_kept_by_one_coroutine_reads_its_state_through_try_lock() {
    let text = listing(&main_of(
        "    lock = asyncio.Lock()\n    async with lock:\n        print(lock.locked())\n    print(lock.locked())\n",
    ));
    has_all(
        &text,
        &[
            "        let _guard = lock.lock().await;\n",
            "if lock.try_lock().is_err() {",
        ],
    );
}

#[test]
fn a_lock_given_to_a_task_read_as_locked_is_refused() {
    let (construct, reason, at) = refused(
        "import asyncio\n\n\nasync def worker(lock):\n    async with lock:\n        await asyncio.sleep(1)\n\n\nasync def main():\n    lock = asyncio.Lock()\n    t = asyncio.create_task(worker(lock))\n    await asyncio.sleep(0)\n    print(lock.locked())\n    await t\n\n\nasyncio.run(main())\n",
    );
    assert_eq!(
        construct,
        "`lock.locked()` of a lock other tasks may wait for"
    );
    assert!(reason.contains("hands itself to that waiter"), "{reason}");
    assert_eq!(at, "lock.locked()");
}

/// A parameter is not known to be a lock where `locked()` is read.
#[test]
fn a_lock_read_as_locked_through_a_parameter_is_refused() {
    let (construct, _, at) = refused(
        "import asyncio\n\n\nasync def show(lock):\n    print(lock.locked())\n\n\nasync def main():\n    lock = asyncio.Lock()\n    async with lock:\n        await show(lock)\n\n\nasyncio.run(main())\n",
    );
    assert_eq!(
        construct,
        "`lock.locked()` of a lock other tasks may wait for"
    );
    assert_eq!(at, "lock.locked()");
}

/// What the block binds and the code after it reads lives on: the guard
/// is a `let` of the enclosing block, dropped where the Python block ends.
#[test]
fn a_lock_block_binding_a_name_read_after_it_drops_its_guard_in_place() {
    let text = listing(&main_of(
        "    lock = asyncio.Lock()\n    async with lock:\n        n = 3\n        await asyncio.sleep(1)\n    print(n)\n",
    ));
    has_all(
        &text,
        &[
            "    let guard = lock.lock().await;\n    let n = 3;\n    sleep(Duration::from_secs(1)).await;\n    drop(guard);\n    println!(\"{n}\");\n",
        ],
    );
}

/// A name the block binds for itself only keeps the block form.
#[test]
fn a_lock_block_binding_a_name_only_it_reads_stays_a_block() {
    let text = listing(&main_of(
        "    lock = asyncio.Lock()\n    async with lock:\n        n = 3\n        print(n)\n    print(\"done\")\n",
    ));
    has_all(
        &text,
        &["    {\n", "        let _guard = lock.lock().await;\n"],
    );
}
