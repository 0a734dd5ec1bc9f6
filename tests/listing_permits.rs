//! The Rust listing of a semaphore's permits taken and given back by hand
//! (`await sem.acquire()`, `sem.release()`) and of `locked()` read by a
//! coroutine given the semaphore, and what it refuses of a lock's.
//! (`tests/rust_listings.rs` builds and runs `locks__permits_by_hand`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

const JOB: &str = "async def job(sem):\n    print(sem.locked())\n    await sem.acquire()\n    \
await asyncio.sleep(1)\n    sem.release()\n\n\n";

#[test]
fn a_permit_taken_by_hand_is_forgotten_and_added_back() {
    let src = format!(
        "{HEADER}{JOB}async def main():\n    sem = asyncio.Semaphore(1)\n    \
t = asyncio.create_task(job(sem))\n    await job(sem)\n    await t\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "async fn job(sem: Arc<Semaphore>) {",
            "if sem.available_permits() == 0 {",
            "    sem.acquire().await.expect(\"the semaphore is open\").forget();\n",
            "    sem.add_permits(1);\n",
        ],
    );
}

#[test]
fn a_semaphore_of_the_function_itself_takes_and_gives_permits_too() {
    let text = listing(&main_of(
        "    sem = asyncio.Semaphore(0)\n    sem.release()\n    await sem.acquire()\n    \
print(sem.locked())\n",
    ));
    has_all(
        &text,
        &[
            "let sem = Semaphore::new(0);",
            "    sem.add_permits(1);\n    sem.acquire().await.expect(\"the semaphore is open\").forget();\n",
        ],
    );
}

#[test]
fn a_locks_acquire_and_release_are_refused() {
    for (call, at) in [
        ("await lock.acquire()", "lock.acquire()"),
        ("lock.release()", "lock.release()"),
    ] {
        let src = main_of(&format!("    lock = asyncio.Lock()\n    {call}\n"));
        let (construct, reason, text) = refused(&src);
        assert_eq!(construct, format!("`{at}` of a lock"));
        assert!(reason.contains("async with lock:"), "{reason}");
        assert_eq!(text, at);
    }
}

#[test]
fn a_locked_read_of_a_lock_handed_to_a_coroutine_is_refused() {
    let src = format!(
        "{HEADER}async def job(lock):\n    print(lock.locked())\n    async with lock:\n        \
await asyncio.sleep(1)\n\n\nasync def main():\n    lock = asyncio.Lock()\n    \
await asyncio.gather(job(lock), job(lock))\n{RUN}"
    );
    let (construct, _, text) = refused(&src);
    assert_eq!(
        construct,
        "`lock.locked()` of a lock other tasks may wait for"
    );
    assert_eq!(text, "lock.locked()");
}

#[test]
fn an_acquire_whose_value_is_kept_is_refused() {
    let src =
        main_of("    sem = asyncio.Semaphore(1)\n    ok = await sem.acquire()\n    print(ok)\n");
    let (construct, _, text) = refused(&src);
    assert_eq!(construct, "`sem.acquire()` here");
    assert_eq!(text, "sem.acquire()");
}

#[test]
fn a_bounded_release_past_the_bound_is_the_value_error_an_except_takes() {
    let text = listing(&main_of(
        "    b = asyncio.BoundedSemaphore(3)\n    try:\n        b.release()\n    \
except ValueError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &[
            "let b = Semaphore::new(3);",
            "        if b.available_permits() >= 3 {\n            return Err(Error::ValueError(\n                \
\"BoundedSemaphore released too many times\".to_string(),\n            ));\n        }\n        \
b.add_permits(1);\n",
        ],
    );
}

#[test]
fn a_bounded_release_no_except_takes_asserts_the_bound() {
    let src = format!(
        "{HEADER}async def give(b):\n    b.release()\n\n\nasync def main():\n    \
b = asyncio.BoundedSemaphore()\n    await b.acquire()\n    await give(b)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "let b = Semaphore::new(1);",
            "async fn give(b: &Semaphore) {",
            "    assert!(\n        b.available_permits() < 1,\n        \
\"BoundedSemaphore released too many times\"\n    );\n    b.add_permits(1);\n",
        ],
    );
    assert!(!text.contains("Error::ValueError"), "{text}");
}

#[test]
fn a_bounded_semaphore_of_a_bound_not_written_is_refused() {
    let src = main_of("    n = 2\n    b = asyncio.BoundedSemaphore(n)\n    b.release()\n");
    let (construct, _, text) = refused(&src);
    assert_eq!(construct, "`asyncio.BoundedSemaphore(...)` here");
    assert_eq!(text, "asyncio.BoundedSemaphore(n)");
}
