//! An f-string's `!r` (and `=`) of a caught exception shows the
//! exception's `repr`, as `repr(e)` does, not the repr of its text; in an
//! `except*` clause, of the group the clause takes. (`tests/rust_listings.rs`
//! builds and runs `errors__repr_conversion`, which uses them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

const CHECK: &str = "async def check(n):\n    await asyncio.sleep(n)\n    \
raise ValueError(f\"bad {n}\")\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{CHECK}async def main():\n{body}{RUN}")
}

#[test]
fn the_r_conversion_of_a_caught_exception_is_its_repr() {
    let text = listing(&program(
        "    try:\n        await check(1)\n    except ValueError as e:\n        \
print(f\"caught {e!r}: {e}\")\n",
    ));
    has_all(
        &text,
        &[
            "let e_repr = err.to_repr();",
            "println!(\"caught {e_repr}: {e}\");",
        ],
    );
    assert!(!text.contains("py_repr(&e)"), "{text}");
}

#[test]
fn an_except_star_clause_reads_its_group_as_text_and_repr() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(check(1))\n    except* ValueError as eg:\n        print(f\"{eg!r}\")\n        \
print(eg)\n",
    ));
    has_all(
        &text,
        &[
            "let group = Error::ExceptionGroup(message, taken);\n            \
let eg = group.to_string();\n            let eg_repr = group.to_repr();\n            \
println!(\"{eg_repr}\");\n            println!(\"{eg}\");",
        ],
    );
}

#[test]
fn an_except_star_clause_reading_only_the_repr_binds_it_alone() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(check(1))\n    except* ValueError as eg:\n        print(repr(eg))\n",
    ));
    has_all(
        &text,
        &[
            "let eg_repr = Error::ExceptionGroup(message, taken).to_repr();\n            println!(\"{eg_repr}\");",
        ],
    );
}

#[test]
fn the_debug_form_of_a_timeout_caught_is_its_fixed_repr() {
    let src = format!(
        "{HEADER}async def idle():\n    await asyncio.sleep(5)\n\n\n\
async def main():\n    try:\n        await asyncio.wait_for(idle(), timeout=1)\n    \
except TimeoutError as e:\n        print(f\"{{e=}}\")\n{RUN}"
    );
    has_all(&listing(&src), &["println!(\"e=TimeoutError()\");"]);
}
