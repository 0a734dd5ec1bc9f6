//! The Rust listing of a function that changes in place what it is given:
//! it takes `&mut T` and its callers pass `&mut x`, so the caller sees the
//! change as Python's does; refused where the borrow would not be plain
//! (a task of its own, calls gathered at once). The corpus program
//! `statements__augmented` is built and run by `tests/rust_listings.rs`.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const ACCOUNT: &str = "class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []


async def deposit(acct, amount):
    await asyncio.sleep(0.1)
    acct.balance += amount
    acct.history += [amount]


";

/// A coroutine setting its object's fields borrows the caller's object:
/// no copy, so the struct derives nothing.
#[test]
fn an_object_a_coroutine_changes_is_lent_as_mut() {
    let text = listing(&format!(
        "{HEADER}{ACCOUNT}async def main():
    acct = Account(\"ada\")
    for amount in [100, 50]:
        await deposit(acct, amount)
    print(acct.owner, acct.balance, acct.history)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn deposit(acct: &mut Account, amount: i64) {",
            "    acct.balance += amount;\n    acct.history.extend([amount]);\n}",
            "let mut acct = Account::new(\"ada\");",
            "deposit(&mut acct, amount).await;",
        ],
    );
    assert!(!text.contains("derive(Clone)"), "{text}");
    assert!(!text.contains(".clone()"), "{text}");
}

/// A function handing its parameter on to one that changes it takes it
/// as `&mut` too, and passes it as it is.
#[test]
fn a_parameter_passed_on_to_a_borrowing_call_is_lent_itself() {
    let text = listing(&format!(
        "{HEADER}{ACCOUNT}async def pay_twice(acct, amount):
    await deposit(acct, amount)
    await deposit(acct, amount)


async def main():
    acct = Account(\"ada\")
    await pay_twice(acct, 5)
    print(acct.balance)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn pay_twice(acct: &mut Account, amount: i64) {",
            "    deposit(acct, amount).await;",
            "pay_twice(&mut acct, 5).await;",
        ],
    );
}

/// Item assignment into a coroutine's dict parameter: the dict is the
/// caller's, its type known from the key.
#[test]
fn a_dict_a_coroutine_fills_is_lent_as_mut() {
    let text = listing(&format!(
        "{HEADER}async def fill(d, k):
    await asyncio.sleep(1)
    d[k] = 1


async def main():
    d = {{}}
    await fill(d, \"a\")
    print(d)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn fill(d: &mut IndexMap<String, i64>, k: &str) {",
            "    d.insert(k.to_string(), 1);",
            "let mut d = IndexMap::new();",
            "fill(&mut d, \"a\").await;",
        ],
    );
}

/// A plain function changing an item of an item, or growing a list while
/// it is not empty, in a loop of calls.
#[test]
fn a_list_a_plain_function_changes_is_lent_as_mut() {
    let text = listing(&format!(
        "{HEADER}def mark(grid):
    grid[0][0] = 1


def add(items, x):
    if items:
        items.append(x)
    print(len(items))


async def main():
    grid = [[0, 0]]
    mark(grid)
    items = [0]
    for i in range(3):
        add(items, i)
    print(grid, items)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn mark(grid: &mut Vec<Vec<i64>>) {",
            "fn add(items: &mut Vec<i64>, x: i64) {",
            "    if !items.is_empty() {",
            "mark(&mut grid);",
            "add(&mut items, i);",
        ],
    );
}

/// Tasks of their own cannot borrow the caller's variable (a task holds
/// what it is given for as long as it runs): refused at the argument,
/// where the owner cannot lock it for each statement (it prints it twice
/// in one).
#[test]
fn a_task_changing_what_it_is_given_is_refused() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}async def fill(d, k):
    await asyncio.sleep(1)
    d[k] = 1


async def main():
    d = {{}}
    t = asyncio.create_task(fill(d, \"a\"))
    await t
    print(d, d)
{RUN}"
    ));
    assert_eq!(construct, "a list or dict changed by `fill`");
    assert!(
        reason.contains("`fill` runs as a task of its own"),
        "{reason}"
    );
    assert!(reason.contains("`Arc<Mutex<...>>`"), "{reason}");
    assert_eq!(at, "d");
}

/// Two calls changing one list at once: no two `&mut` borrows of it.
#[test]
fn gathered_calls_changing_one_list_share_it_through_a_mutex() {
    let text = listing(&format!(
        "{HEADER}async def add(items, x):
    await asyncio.sleep(0)
    items.append(x)


async def main():
    items = []
    await asyncio.gather(add(items, 1), add(items, 2))
    print(items)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn add(items: &Mutex<Vec<i64>>, x: i64) {",
            "    items.lock().unwrap().push(x);",
            "    let items = Mutex::new(vec![]);",
            "    tokio::join!(biased; add(&items, 1), add(&items, 2));",
            "    let items = items.into_inner().unwrap();",
        ],
    );
}

/// A callee that moves a field out of its parameter would move it out of
/// the borrow: it keeps its copy, and the call is refused.
#[test]
fn a_callee_moving_a_field_out_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}class Crate:
    def __init__(self):
        self.items = [1]
        self.count = 1


def take(crate):
    crate.count = 0
    return crate.items


async def main():
    crate = Crate()
    print(take(crate), crate.count)
{RUN}"
    ));
    assert_eq!(construct, "an object changed by `take`");
    assert_eq!(at, "crate");
}

/// An item of a borrowed list at an index that may be negative is its
/// place through the borrow itself; `k in d` reads the borrowed dict.
#[test]
fn items_and_keys_of_a_borrowed_container_are_reached_through_it() {
    let text = listing(&format!(
        "{HEADER}def bump(scores, k):
    scores[k] += 1


async def tally(counts, word):
    await asyncio.sleep(0)
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1


async def main():
    scores = [5, 6]
    bump(scores, -1)
    counts = {{\"a\": 1}}
    await tally(counts, \"a\")
    print(scores, counts)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn bump(scores: &mut Vec<i64>, k: i64) {",
            "    *py_item_mut(scores, k) += 1;",
            "async fn tally(counts: &mut IndexMap<String, i64>, word: &str) {",
            "    if counts.contains_key(word) {",
            "bump(&mut scores, -1);",
            "tally(&mut counts, \"a\").await;",
        ],
    );
}

/// A statement reading the list beside the call that changes it would
/// hold a second borrow: the listing's copy would print the list before
/// the change, so the call is refused.
#[test]
fn a_list_read_beside_the_call_changing_it_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}async def take(items):
    await asyncio.sleep(0)
    return items.pop()


async def main():
    items = [1, 2]
    print(items, await take(items))
    print(items)
{RUN}"
    ));
    assert_eq!(construct, "a list or dict changed by `take`");
    assert_eq!(at, "items");
}

/// A task that hands its parameter on to a coroutine changing it changes
/// the caller's object too: refused at the task's argument.
#[test]
fn a_task_passing_its_parameter_on_to_a_change_is_refused() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}class Account:
    def __init__(self):
        self.balance = 0


async def deposit(acct, amount):
    await asyncio.sleep(0)
    acct.balance += amount


async def pay(acct):
    await deposit(acct, 5)


async def main():
    acct = Account()
    t = asyncio.create_task(pay(acct))
    await t
    print(acct.balance)
{RUN}"
    ));
    assert_eq!(construct, "an object changed by `pay`");
    assert!(
        reason.contains("`pay` runs as a task of its own"),
        "{reason}"
    );
    assert_eq!(at, "acct");
}
