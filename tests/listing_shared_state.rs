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
fn a_shared_list_iterated_is_refused() {
    let source = LOG.replace(
        "    print(name, len(log))\n",
        "    for x in log:\n        print(x)\n",
    );
    assert_eq!(refusal(&source), "a list or dict changed by `work`");
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
