//! An iterator class given lists of different item types in two calls,
//! whose `__anext__` only measures its list and hands the items on: a
//! generic struct over the item type. One that reads its items is refused
//! at the argument, as a parameter of one type.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// The class `Pages`, whose `__anext__` ends with `last`.
fn pages(last: &str) -> String {
    format!(
        "class Pages:\n    def __init__(self, pages):\n        self.pages = pages\n\n    def __aiter__(self):\n        self.index = 0\n        return self\n\n    async def __anext__(self):\n        if self.index >= len(self.pages):\n            raise StopAsyncIteration\n        await asyncio.sleep(0.5)\n        page = self.pages[self.index]\n        self.index += 1\n{last}\n\n\n"
    )
}

const TWO_TYPES: &str = "async def main():\n    async for page in Pages([[\"a\", \"b\"], [\"c\"]]):\n        print(\"page\", page)\n    print([p async for p in Pages([[1], [2, 3]])])\n";

#[test]
fn a_list_handed_on_makes_the_class_generic() {
    let text = listing(&format!(
        "{HEADER}{}{TWO_TYPES}{RUN}",
        pages("        return page")
    ));
    has_all(
        &text,
        &[
            "struct Pages<T> {\n    pages: Vec<T>,",
            "impl<T> Pages<T> {\n    fn new(pages: Vec<T>) -> Self {",
            "impl<T: Clone + Unpin> Stream for Pages<T> {\n    type Item = T;",
            "Poll<Option<T>>",
            // The item read is moved out, not copied again.
            "Poll::Ready(Some(page))",
            // Each loop reads the items its call gave.
            "vec![\"a\".to_string(), \"b\".to_string()]",
            "println!(\"page {}\", py_list(&page));",
            "Pages::new(vec![vec![1], vec![2, 3]])",
        ],
    );
}

#[test]
fn one_item_type_keeps_the_struct_plain() {
    let text = listing(&format!(
        "{HEADER}{}async def main():\n    async for page in Pages([[1], [2, 3]]):\n        print(page)\n{RUN}",
        pages("        return page")
    ));
    has_all(&text, &["struct Pages {", "pages: Vec<Vec<i64>>,"]);
    assert!(!text.contains("<T>"), "{text}");
}

#[test]
fn a_class_that_reads_its_items_is_refused() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}{}{TWO_TYPES}{RUN}",
        pages("        return len(page)")
    ));
    assert_eq!(construct, "`Pages` given values of two types");
    assert!(reason.contains("`Vec<Vec<String>>`"), "{reason}");
    assert_eq!(at, "[[1], [2, 3]]");
}

#[test]
fn a_class_that_changes_its_list_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}{}{TWO_TYPES}{RUN}",
        pages("        self.pages = []\n        return page")
    ));
    assert_eq!(construct, "`Pages` given values of two types");
    assert_eq!(at, "[[1], [2, 3]]");
}

/// An item read after a sleep of the object's own pause: a stream unfolded
/// from `next_item`.
const FEED: &str = "import asyncio\n\n\nclass Feed:\n    def __init__(self, batches, pause):\n        self.batches = batches\n        self.pause = pause\n        self.index = 0\n\n    def __aiter__(self):\n        return self\n\n    async def __anext__(self):\n        if self.index >= len(self.batches):\n            raise StopAsyncIteration\n        await asyncio.sleep(self.pause)\n        batch = self.batches[self.index]\n        self.index += 1\n        return batch\n\n\nasync def main():\n    async for batch in Feed([[\"x\", \"yz\"], [\"w\"]], 0.1):\n        print(batch, len(batch))\n    async for nums in Feed([[3, 4]], 0.2):\n        print(nums, sum(nums))\n\n\nasyncio.run(main())\n";

#[test]
fn an_unfolded_iterator_is_generic_too() {
    has_all(
        &listing(FEED),
        &[
            "struct Feed<T> {\n    batches: Vec<T>,\n    pause: f64,",
            "impl<T: Clone> Feed<T> {\n    fn new(batches: Vec<T>, pause: f64) -> Self {",
            "async fn next_item(&mut self) -> Option<T> {",
            "fn into_stream(self) -> impl Stream<Item = T> {",
            "println!(\"{} {}\", py_list(&batch), batch.len() as i64);",
            "println!(\"{nums:?} {}\", nums.iter().sum::<i64>());",
        ],
    );
}

/// One loop variable bound to items of two types has no one Rust type.
#[test]
fn one_variable_over_two_item_types_is_refused() {
    let (construct, _, at) = refused(&FEED.replace("nums", "batch"));
    assert_eq!(construct, "`Feed` given values of two types");
    assert_eq!(at, "[[3, 4]]");
}

/// The body is written for the first call's items: a string's copy is
/// `to_string`, which a `T` lacks, so strings beside numbers stay refused.
#[test]
fn items_that_are_not_containers_are_refused() {
    let (construct, _, at) = refused(
        "import asyncio\n\n\nclass Feed:\n    def __init__(self, items, pause):\n        self.items = items\n        self.pause = pause\n        self.index = 0\n\n    def __aiter__(self):\n        return self\n\n    async def __anext__(self):\n        if self.index >= len(self.items):\n            raise StopAsyncIteration\n        await asyncio.sleep(self.pause)\n        item = self.items[self.index]\n        self.index += 1\n        return item\n\n\nasync def main():\n    async for word in Feed([\"x\", \"yz\"], 0.1):\n        print(word, len(word))\n    print([n async for n in Feed([3, 4], 0.2)])\n    async for pair in Feed([(1, \"a\")], 0.1):\n        print(pair)\n\n\nasyncio.run(main())\n",
    );
    assert_eq!(construct, "`Feed` given values of two types");
    assert_eq!(at, "[3, 4]");
}
