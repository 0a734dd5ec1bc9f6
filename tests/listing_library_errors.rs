//! The Rust listing of the list methods that raise, inside a `try` whose
//! `except` takes what they raise: `xs.pop()`, `xs.pop(i)` and
//! `xs.remove(x)` give the `Err` variant with Python's message (the corpus
//! program `lists__pop_remove_errors` is built and run by
//! `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refusal};

#[test]
fn pop_of_an_empty_list_is_an_index_error() {
    let text = listing(&main_of(
        "    jobs = [1, 2]\n    try:\n        while True:\n            print(jobs.pop())\n    except IndexError as e:\n        print(\"done:\", e)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{}\", py_pop(&mut jobs)?);",
            "err @ Error::IndexError(_) => {",
            "fn py_pop<T>(items: &mut Vec<T>) -> Result<T, Error> {",
            ".ok_or_else(|| Error::IndexError(\"pop from empty list\".to_string()))",
        ],
    );
}

#[test]
fn pop_at_an_index_names_an_empty_list_or_an_index_out_of_range() {
    let text = listing(&main_of(
        "    xs = [1, 2]\n    try:\n        x = xs.pop(5)\n        print(x)\n    except IndexError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &[
            "py_pop_at(&mut xs, 5)?",
            "return Err(Error::IndexError(\"pop from empty list\".to_string()));",
            "_ => Err(Error::IndexError(\"pop index out of range\".to_string())),",
        ],
    );
}

#[test]
fn remove_of_a_missing_item_is_a_value_error() {
    let text = listing(&main_of(
        "    names = [\"a\", \"b\"]\n    try:\n        names.remove(\"c\")\n    except ValueError as e:\n        print(\"ValueError:\", e)\n    print(names)\n",
    ));
    has_all(
        &text,
        &[
            "        py_remove(&mut names, |item| *item == \"c\")?;\n",
            "Error::ValueError(\"list.remove(x): x not in list\".to_string())",
        ],
    );
}

/// Outside a `try`, the method stays as it was; under an `except` that
/// takes another class, the clause is refused.
#[test]
fn pop_outside_such_a_try_is_unchanged() {
    let text = listing(&main_of("    xs = [1, 2]\n    print(xs.pop())\n"));
    assert!(text.contains("xs.pop().unwrap()"), "{text}");
    assert!(!text.contains("py_pop"), "{text}");
    let construct = refusal(&main_of(
        "    xs = [1, 2]\n    try:\n        print(xs.pop())\n    except ValueError as e:\n        print(e)\n",
    ));
    assert_eq!(
        construct,
        "an `except` of classes that no `raise` of the program gives"
    );
}

/// A dict's `pop` of a missing key is its `KeyError`, naming the key;
/// outside such a `try`, `shift_remove` keeps the others' order.
#[test]
fn pop_of_a_missing_key_of_a_dict_is_a_key_error() {
    let text = listing(&main_of(
        "    d = {\"a\": 1, \"b\": 2}\n    print(d.pop(\"a\"))\n    try:\n        print(d.pop(\"c\"))\n    except KeyError as e:\n        print(\"KeyError:\", e)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{}\", d.shift_remove(\"a\").unwrap());",
            "println!(\"{}\", py_pop_key(&mut d, \"c\")?);",
            "fn py_pop_key<V>(map: &mut IndexMap<String, V>, key: &str) -> Result<V, Error> {",
            ".ok_or_else(|| Error::KeyError(py_repr(key)))",
        ],
    );
}

#[test]
fn put_nowait_on_a_full_queue_is_queue_full_and_get_nowait_queue_empty() {
    let text = listing(&main_of(
        "    q = asyncio.Queue(maxsize=1)\n    try:\n        q.put_nowait(1)\n        q.put_nowait(2)\n    except asyncio.QueueFull as e:\n        print(\"full\", repr(e))\n    try:\n        print(q.get_nowait())\n        print(q.get_nowait())\n    except asyncio.QueueEmpty:\n        print(\"empty\")\n",
    ));
    has_all(
        &text,
        &[
            "q_tx.try_send(1)\n            .map_err(|_| Error::QueueFull(String::new()))?;",
            "q_rx.try_recv()\n                .map_err(|_| Error::QueueEmpty(String::new()))?\n",
            "Error::QueueFull(message) if message.is_empty() => \"QueueFull()\".to_string(),",
            "            Error::QueueEmpty(_) => {\n                println!(\"empty\");",
        ],
    );
}

/// `await q.put(x)` waits for room: no `QueueFull` comes of it.
#[test]
fn except_queue_full_around_an_awaited_put_is_refused() {
    let construct = refusal(&main_of(
        "    q = asyncio.Queue(maxsize=1)\n    try:\n        await q.put(1)\n    except asyncio.QueueFull:\n        print(\"full\")\n",
    ));
    assert_eq!(
        construct,
        "an `except` of classes that no `raise` of the program gives"
    );
}

/// `xs.pop()` under `except KeyError`: by the list's type, the operation
/// raises `IndexError`, so the clause never runs and no `Err` is made; the
/// function that was to pass one on still names an `Error`, with no variant.
#[test]
fn an_except_of_a_class_the_typed_operation_cannot_raise_never_runs() {
    let text = listing(&main_of(
        "    xs = [1, 2]\n    try:\n        print(xs.pop())\n    except KeyError:\n        print(\"never\")\n",
    ));
    has_all(
        &text,
        &[
            "#[derive(Debug)]\nenum Error {}",
            "    // Nothing here raises what the `except` takes: it never runs.\n    println!(\"{}\", xs.pop().unwrap());",
        ],
    );
}
