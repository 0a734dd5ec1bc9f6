//! State that a program's coroutines share: a module dict they only read
//! (a `static` built on first use) and a list, dict or set that gathered
//! coroutines change in place (lent as `&Mutex<T>`).

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, refusal};

/// A crawler over a module dict of links, its `visited` set shared by the
/// gathered calls.
const CRAWLER: &str = r#"import asyncio

LINKS = {
    "/": ["/a", "/b"],
    "/a": ["/b"],
    "/b": ["/"],
}


async def fetch(url):
    await asyncio.sleep(0.1)
    return LINKS.get(url, [])


async def crawl(url, visited):
    if url in visited:
        return
    visited.add(url)
    links = await fetch(url)
    print(url, len(links))
    await asyncio.gather(*[crawl(link, visited) for link in links])


async def main():
    visited = set()
    await crawl("/", visited)
    print(sorted(visited), len(LINKS))


asyncio.run(main())
"#;

#[test]
fn a_module_dict_only_read_is_a_lazy_static() {
    let text = listing(CRAWLER);
    has_all(
        &text,
        &[
            "use std::sync::{LazyLock, Mutex};",
            "static LINKS: LazyLock<IndexMap<String, Vec<String>>> = LazyLock::new(|| {",
            "LINKS.get(url).cloned().unwrap_or(vec![])",
            "LINKS.len() as i64",
        ],
    );
}

#[test]
fn a_set_gathered_coroutines_change_is_lent_as_a_mutex() {
    let text = listing(CRAWLER);
    has_all(
        &text,
        &[
            "async fn crawl(url: String, visited: &Mutex<BTreeSet<String>>) {",
            "    if visited.lock().unwrap().contains(&url) {",
            "    visited.lock().unwrap().insert(url.to_string());",
            "Box::pin(crawl(link.to_string(), visited))",
            "    let visited = Mutex::new(BTreeSet::new());\n    \
             crawl(\"/\".to_string(), &visited).await;\n    \
             let visited = visited.into_inner().unwrap();\n",
        ],
    );
}

/// Two gathered coroutines appending to one list.
const LOG: &str = "import asyncio\n\n\nasync def work(name, delay, log):\n    \
     await asyncio.sleep(delay)\n    log.append(name)\n    print(name, len(log))\n\n\n\
     async def main():\n    log = []\n    \
     await asyncio.gather(work(\"a\", 0.2, log), work(\"b\", 0.1, log))\n    \
     print(log)\n\n\nasyncio.run(main())\n";

#[test]
fn a_list_gathered_coroutines_append_to_is_shared() {
    let text = listing(LOG);
    has_all(
        &text,
        &[
            "log: &Mutex<Vec<String>>",
            "log.lock().unwrap().push(name.to_string());",
            "log.lock().unwrap().len()",
            "let log = Mutex::new(vec![]);",
            "let log = log.into_inner().unwrap();",
        ],
    );
}

/// The crawler with `crawl`'s statement `line` replaced by `by`.
fn crawler_with(line: &str, by: &str) -> String {
    assert!(CRAWLER.contains(line));
    CRAWLER.replace(line, by)
}

#[test]
fn a_lock_held_across_an_await_is_refused() {
    let source = crawler_with(
        "    print(url, len(links))\n",
        "    print(url, len(visited), await fetch(url))\n",
    );
    assert_eq!(refusal(&source), "a set changed by `crawl`");
}

#[test]
fn a_lock_taken_twice_in_a_statement_is_refused() {
    let source = crawler_with(
        "    if url in visited:\n",
        "    if url in visited or len(visited) > 5:\n",
    );
    assert_eq!(refusal(&source), "a set changed by `crawl`");
}

#[test]
fn a_shared_list_iterated_is_a_copy_read_under_its_lock() {
    let text = listing(&LOG.replace(
        "    print(name, len(log))\n",
        "    for x in log:\n        print(x)\n",
    ));
    has_all(
        &text,
        &[
            "    for x in &copy_of(log) {",
            "fn copy_of<T: Clone>(shared: &Mutex<T>) -> T {\n    shared.lock().unwrap().clone()\n}",
        ],
    );
}

#[test]
fn a_shared_list_whose_items_a_loop_changes_is_refused() {
    let source = "import asyncio\n\n\nasync def work(delay, rows):\n    \
         await asyncio.sleep(delay)\n    rows.append([delay])\n    for row in rows:\n        \
         row.append(0)\n\n\nasync def main():\n    rows = []\n    \
         await asyncio.gather(work(0.2, rows), work(0.1, rows))\n    print(rows)\n\n\n\
         asyncio.run(main())\n";
    assert_eq!(refusal(source), "a list or dict changed by `work`");
}

#[test]
fn an_owner_reading_the_set_between_its_lends_is_refused() {
    let source = CRAWLER.replace(
        "    await crawl(\"/\", visited)\n",
        "    await crawl(\"/\", visited)\n    print(len(visited))\n    await crawl(\"/a\", visited)\n",
    );
    assert_eq!(refusal(&source), "a set changed by `crawl`");
}

#[test]
fn a_module_dict_a_function_changes_is_refused() {
    let source = crawler_with(
        "    visited.add(url)\n",
        "    visited.add(url)\n    LINKS[url] = []\n",
    );
    assert_eq!(refusal(&source), "the global name `LINKS`");
}

#[test]
fn a_module_dict_whose_lists_may_change_is_refused() {
    let source = crawler_with("    print(url, len(links))\n", "    links.append(url)\n");
    assert_eq!(refusal(&source), "the global name `LINKS`");
}

#[test]
fn a_module_dict_handed_to_a_function_is_refused() {
    let source = CRAWLER
        .replace("async def fetch(url):", "async def fetch(url, table):")
        .replace("return LINKS.get(url, [])", "return table.get(url, [])")
        .replace("await fetch(url)", "await fetch(url, LINKS)");
    assert_eq!(refusal(&source), "the global name `LINKS`");
}

/// Tasks of their own changing one dict that a coroutine reads.
const TASKS: &str = "import asyncio\n\n\nasync def count(name, n, seen):\n    \
     for i in range(n):\n        await asyncio.sleep(0.1)\n        seen[name] = i\n\n\n\
     async def show(seen):\n    await asyncio.sleep(1)\n    for k in sorted(seen):\n        \
     print(k, seen[k])\n\n\nasync def main():\n    seen = {}\n    \
     tasks = [asyncio.create_task(count(\"a\", 3, seen)), asyncio.create_task(count(\"b\", 2, seen))]\n    \
     await show(seen)\n    print(len(seen), len(tasks))\n\n\nasyncio.run(main())\n";

#[test]
fn a_dict_tasks_change_is_shared_as_an_arc_mutex() {
    let text = listing(TASKS);
    has_all(
        &text,
        &[
            "async fn count(name: &str, n: i64, seen: Arc<Mutex<IndexMap<String, i64>>>) {",
            "        seen.lock().unwrap().insert(name.to_string(), i);",
            "async fn show(seen: &Mutex<IndexMap<String, i64>>) {",
            "    for k in &sorted(copy_of(seen).keys().cloned().collect::<Vec<_>>()) {",
            "        println!(\"{k} {}\", seen.lock().unwrap()[k]);",
            "    let seen = Arc::new(Mutex::new(IndexMap::new()));",
            "tokio::spawn(count(\"a\", 3, Arc::clone(&seen)))",
            "    show(&seen).await;",
            "seen.lock().unwrap().len() as i64",
        ],
    );
}

#[test]
fn a_task_given_a_borrowed_mutex_is_refused() {
    // `relay` borrows the dict (it is no task), and hands it to a task,
    // which needs an `Arc` of its own.
    let source = TASKS
        .replace(
            "async def show(seen):",
            "async def relay(seen):\n    t = asyncio.create_task(count(\"c\", 1, seen))\n    \
             await t\n\n\nasync def show(seen):",
        )
        .replace(
            "    await show(seen)\n",
            "    await relay(seen)\n    await show(seen)\n",
        );
    assert_eq!(refusal(&source), "a list or dict changed by `count`");
}
