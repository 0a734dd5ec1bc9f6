//! The layout of long lines in the Rust listing, as rustfmt lays them out:
//! list literals whose items are wider than 60 columns one item a line; a
//! call whose one argument is a call, too wide for a line, with the
//! innermost arguments one a line; an `if`'s condition that is a long
//! method chain one call a line; an `if ... else if ...` value one part a
//! line; a chain whose root nests calls too wide for a line, the root's
//! innermost arguments one a line and the calls after its `)`; a closure
//! whose body nests such calls, or is a chain too wide, a block.
//! (`tests/rust_listings.rs` checks every corpus listing with `rustfmt
//! --check`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn a_list_of_wide_items_is_one_item_a_line() {
    let text = listing(&main_of(
        "    jobs = [(\"alpha\", 2), (\"beta\", 1), (\"gamma\", 3), (\"delta\", 4)]\n    \
await asyncio.sleep(0)\n    print(jobs)\n",
    ));
    has_all(
        &text,
        &[
            "    let jobs = vec![\n        (\"alpha\".to_string(), 2),\n        (\"beta\".to_string(), 1),\n",
            "        (\"delta\".to_string(), 4),\n    ];\n",
        ],
    );
}

#[test]
fn a_narrow_list_stays_on_one_line() {
    let text = listing(&main_of(
        "    jobs = [(\"a\", 2), (\"b\", 1)]\n    await asyncio.sleep(0)\n    print(jobs)\n",
    ));
    has_all(
        &text,
        &["    let jobs = vec![(\"a\".to_string(), 2), (\"b\".to_string(), 1)];\n"],
    );
}

#[test]
fn a_sleep_of_a_long_computed_duration_breaks_inside_the_inner_call() {
    let text = listing(&main_of(
        "    for page in range(3):\n        \
await asyncio.sleep(0.25 * (page % 4 + 1) + page * 0.125 + 0.5)\n        print(page)\n",
    ));
    has_all(
        &text,
        &[
            "        sleep(Duration::from_secs_f64(\n            ",
            " as f64 * 0.125 + 0.5,\n        ))\n        .await;\n",
        ],
    );
}

#[test]
fn a_short_sleep_stays_on_one_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0.25)\n    print(\"done\")\n",
    ));
    has_all(&text, &["    sleep(Duration::from_millis(250)).await;\n"]);
}

#[test]
fn a_long_raised_message_breaks_inside_the_error() {
    let text = listing(&main_of(
        "    try:\n        await asyncio.sleep(0)\n        \
raise ValueError(f\"the page {1 + 2} could not be read, and it was asked for twice\")\n    \
except ValueError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &["        Err(Error::ValueError(format!(\n            \
\"the page {} could not be read, and it was asked for twice\",\n            1 + 2\n        )))\n"],
    );
}

#[test]
fn a_try_block_of_one_expression_is_one_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    try:\n        raise ValueError(\"bad\")\n    \
except ValueError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &[
            "    let caught: Result<(), Error> = async { Err(Error::ValueError(\"bad\".to_string())) }.await;\n",
        ],
    );
}

#[test]
fn a_long_method_chain_statement_is_one_call_a_line() {
    let text = listing(&main_of(
        "    groups = {}\n    for word in [\"tea\", \"cake\", \"jam\"]:\n        \
groups.setdefault(len(word), []).append(word.upper())\n        await asyncio.sleep(0)\n    \
print(groups)\n",
    ));
    has_all(
        &text,
        &[
            "        groups\n            .entry(word.chars().count() as i64)\n            \
.or_insert_with(Vec::new)\n            .push(word.to_uppercase());\n",
        ],
    );
}

#[test]
fn a_let_of_a_chain_wider_than_sixty_columns_is_one_call_a_line() {
    let text = listing(&main_of(
        "    names = [\"north\", \"south\"]\n    await asyncio.sleep(0)\n    \
w = max(len(name) for name in names)\n    print(w)\n",
    ));
    has_all(
        &text,
        &[
            "    let w = names\n        .iter()\n        .map(|name| name.chars().count() as i64)\n        \
.max()\n        .unwrap();\n",
        ],
    );
}

#[test]
fn a_loop_over_a_wide_array_is_one_item_a_line() {
    let text = listing(&main_of(
        "    for s in [\"alpha beta\", \"gamma delta\", \"epsilon zeta\", \"eta theta\", \"iota kappa\"]:\n        \
await asyncio.sleep(0)\n        print(s)\n",
    ));
    has_all(
        &text,
        &[
            "    for s in [\n        \"alpha beta\",\n        \"gamma delta\",\n",
            "        \"iota kappa\",\n    ] {\n",
        ],
    );
}

#[test]
fn a_loop_over_short_items_is_not_one_item_a_line() {
    let text = listing(&main_of(
        "    for s in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\", \"n\", \"o\", \"p\"]:\n        \
await asyncio.sleep(0)\n        print(s)\n",
    ));
    has_all(
        &text,
        &[
            "    for s in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\", \"n\", \"o\", \"p\"] {\n",
        ],
    );
}

#[test]
fn a_chain_on_a_wide_array_breaks_the_array_and_keeps_the_calls_at_its_indent() {
    let text = listing(
        "import asyncio\n\nasync def fetch(name, seconds):\n    await asyncio.sleep(seconds)\n    \
return len(name)\n\nasync def main():\n    \
tasks = {n: asyncio.create_task(fetch(n, s)) for n, s in [(\"alpha\", 2), (\"be\", 1), (\"gamma\", 3)]}\n    \
for n, t in tasks.items():\n        print(n, await t)\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    let mut tasks = vec![\n        (\"alpha\".to_string(), 2),\n",
            "        (\"gamma\".to_string(), 3),\n    ]\n    .into_iter()\n    .map(",
        ],
    );
}

#[test]
fn a_long_chain_returned_at_the_end_is_one_call_a_line() {
    let text = listing(
        "import asyncio\n\ndef describe(n):\n    return n * 2\n\ndef outer(items):\n    \
return [describe(i) for i in items]\n\nasync def main():\n    await asyncio.sleep(0)\n    \
print(outer([1, 2]))\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    items\n        .iter()\n        .copied()\n        .map(|i| describe(i))\n        \
.collect::<Vec<_>>()\n}\n",
        ],
    );
}

#[test]
fn a_gather_of_a_wide_list_opens_the_list_on_the_call_line() {
    let text = listing(
        "import asyncio\n\nasync def work(name, seconds):\n    await asyncio.sleep(seconds)\n    \
return name\n\nasync def both():\n    \
return await asyncio.gather(work(\"alpha-one\", 2), work(\"beta-two\", 0.5), work(\"gamma-three\", 1))\n\nasync def main():\n    \
print(await both())\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    join_all(vec![\n        work(\"alpha-one\", 2.0),\n        work(\"beta-two\", 0.5),\n        work(\"gamma-three\", 1.0),\n    ])\n    .await\n}\n",
        ],
    );
}

#[test]
fn a_call_with_wide_arguments_is_one_argument_a_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    \
text = \"-\".join([\"first\", \"second\"]) + \", \".join([\"third\", \"fourth\", \"fifth\"])\n    \
print(text)\n",
    ));
    has_all(
        &text,
        &[
            "    let text = format!(\n        \"{}{}\",\n        vec![\"first\", \"second\"].join(\"-\"),\n        \
vec![\"third\", \"fourth\", \"fifth\"].join(\", \")\n    );\n",
        ],
    );
}

#[test]
fn a_format_returned_at_the_end_is_one_argument_a_line_without_a_last_comma() {
    let text = listing(
        "import asyncio\n\nasync def progress(step, total):\n    await asyncio.sleep(0.5)\n    \
done = step * 10 // total\n    return \"[\" + \"#\" * done + \".\" * (10 - done) + \"]\"\n\n\
async def main():\n    print(await progress(3, 10))\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    format!(\n        \"[{}{}]\",\n        \"#\".repeat(done as usize),\n        \
\".\".repeat((10 - done) as usize)\n    )\n}\n",
        ],
    );
}

#[test]
fn a_chain_on_a_call_root_is_one_call_a_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    grid = [[0] * 3] * 2\n    print(grid)\n",
    ));
    has_all(
        &text,
        &[
            "    let grid = std::iter::repeat_n(vec![vec![0].repeat(3)], 2)\n        .flatten()\n        \
.collect::<Vec<_>>();\n",
        ],
    );
}

#[test]
fn a_long_chain_as_an_if_condition_is_one_call_a_line() {
    let text = listing(&main_of(
        "    prices = {\"apple\": 0.5, \"bread\": 2.25}\n    await asyncio.sleep(0)\n    \
print(any(p > 3 for p in prices.values()))\n",
    ));
    has_all(
        &text,
        &[
            "        if prices\n            .values()\n            .cloned()\n            \
.collect::<Vec<_>>()\n            .iter()\n            .copied()\n            \
.any(|p| p > 3.0)\n        {\n            \"True\"\n        } else {\n",
        ],
    );
}

#[test]
fn a_short_chain_as_an_if_condition_stays_on_its_line() {
    let text = listing(&main_of(
        "    xs = [1, 5]\n    await asyncio.sleep(0)\n    print(any(p > 3 for p in xs))\n",
    ));
    has_all(&text, &["        if xs.iter().copied().any(|p| p > 3) {\n"]);
}

#[test]
fn an_elif_value_made_a_string_is_one_part_a_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    for v in [1, 5, 9]:\n        \
band = \"low\" if v < 4 else \"mid\" if v < 8 else \"high\"\n        \
size = \"s\" if v < 4 else \"l\"\n        print(band, size)\n",
    ));
    has_all(
        &text,
        &[
            "        let band = (if v < 4 {\n            \"low\"\n        } else if v < 8 {\n            \
\"mid\"\n        } else {\n            \"high\"\n        })\n        .to_string();\n",
            "        let size = (if v < 4 { \"s\" } else { \"l\" }).to_string();\n",
        ],
    );
}

#[test]
fn an_elif_argument_is_one_part_a_line() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    for v in [1, 5, 9]:\n        \
print(\"low\" if v < 4 else \"mid\" if v < 8 else \"high\")\n",
    ));
    has_all(
        &text,
        &["            if v < 4 {\n                \"low\"\n            } else if v < 8 {\n"],
    );
}

#[test]
fn a_value_whose_condition_is_a_long_chain_breaks_the_chain() {
    let text = listing(&main_of(
        "    prices = {\"apple\": 0.5, \"bread\": 2.25}\n    await asyncio.sleep(0)\n    \
label = \"dear\" if any(p > 3 for p in prices.values()) else \"cheap\"\n    print(label)\n",
    ));
    has_all(
        &text,
        &[
            "    let label = (if prices\n        .values()\n        .cloned()\n        \
.collect::<Vec<_>>()\n        .iter()\n        .copied()\n        .any(|p| p > 3.0)\n    {\n        \
\"dear\"\n    } else {\n        \"cheap\"\n    })\n    .to_string();\n",
        ],
    );
}

#[test]
fn a_chain_whose_root_nests_wide_calls_breaks_the_innermost_arguments() {
    let text = listing(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def fetch_config(path):\n    time.sleep(1)\n    return f\"read {path}\"\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
with ThreadPoolExecutor(max_workers=1) as pool:\n        \
config = await loop.run_in_executor(pool, fetch_config, \"app.toml\")\n    \
print(config)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "    let config = tokio::spawn(on_worker(\n        Arc::clone(&pool_workers),\n        \
fetch_config(\"app.toml\"),\n    ))\n    .await\n    .unwrap();\n",
        ],
    );
}

#[test]
fn a_closure_whose_nested_calls_are_too_wide_is_a_block() {
    let text = listing(
        "import asyncio\n\n\nasync def handler(name, seconds, tag):\n    \
await asyncio.sleep(seconds)\n    print(name, tag)\n\n\nasync def main():\n    \
tasks = [asyncio.create_task(handler(f\"request-{i}\", 1.5 - i * 0.5, \"first\")) for i in range(3)]\n    \
short = [asyncio.create_task(handler(\"r\", i, \"s\")) for i in range(3)]\n    \
for t in tasks + short:\n        await t\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "        .map(|i: i64| {\n            tokio::spawn(handler(\n                \
format!(\"request-{i}\"),\n                1.5 - i as f64 * 0.5,\n                \"first\",\n            \
))\n        })\n        .collect::<Vec<_>>();\n",
            "        .map(|i: i64| tokio::spawn(handler(\"r\".to_string(), i as f64, \"s\")))\n",
        ],
    );
}

#[test]
fn a_closure_calling_a_method_of_a_name_keeps_the_name_on_the_call_line() {
    let text = listing(
        "import asyncio\nimport time\nfrom concurrent.futures import ThreadPoolExecutor\n\n\n\
def chore(name, seconds):\n    time.sleep(seconds)\n    return name\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
with ThreadPoolExecutor(max_workers=2) as pool:\n        \
futs = [loop.run_in_executor(pool, chore, n, s) for n, s in ((\"one\", 1), (\"two\", 2))]\n    \
print(await asyncio.gather(*futs))\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "        .map(|(n, s)| {\n            pool.spawn(on_worker(\n                \
Arc::clone(&pool_workers),\n                chore(n.to_string(), s),\n            ))\n        })\n",
        ],
    );
}

#[test]
fn a_closure_whose_chain_is_too_wide_is_a_block() {
    let text = listing(&main_of(
        "    await asyncio.sleep(0)\n    \
table = {(x, y): x * y for x in range(1, 3) for y in range(1, 3) if x <= y}\n    \
pairs = [(x, y) for x in range(3) for y in range(x)]\n    print(table, pairs)\n",
    ));
    has_all(
        &text,
        &[
            "        .flat_map(|x: i64| {\n            (1..3)\n                \
.filter(move |&y: &i64| x <= y)\n                .map(move |y| ((x, y), x * y))\n        })\n",
            "        .flat_map(|x: i64| (0..x).map(move |y: i64| (x, y)))\n",
        ],
    );
}
