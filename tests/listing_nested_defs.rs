//! The Rust listing of functions nested in nested functions: each is
//! hoisted to the module as the functions nested one deep are, taking what
//! it reads of the function around it as leading parameters; one that
//! reads a variable of a function further out is refused at its place.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

#[test]
fn a_function_nested_two_deep_is_hoisted_with_what_it_reads() {
    let text = listing(&format!(
        "{HEADER}def report(label):\n    def show(value):\n        def bracket(text):\n            \
         return \"[\" + text + \"]\"\n\n        return bracket(label + str(value))\n\n    \
         return show(1)\n\n\nasync def main():\n    print(report(\"x\"))\n    \
         await asyncio.sleep(0)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn bracket(text: &str) -> String {\n    format!(\"[{text}]\")\n}",
            "fn show(label: &str, value: i64) -> String {\n    bracket(",
            "fn report(label: &str) -> String {\n    show(label, 1)\n}",
        ],
    );
}

#[test]
fn a_coroutine_nested_two_deep_is_an_async_fn_of_the_module() {
    let text = listing(&format!(
        "{HEADER}async def main():\n    async def twice(n):\n        async def double(k):\n            \
         await asyncio.sleep(0.1)\n            return k * 2\n\n        \
         return await double(await double(n))\n\n    print(await twice(3))\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "async fn double(k: i64) -> i64 {",
            "async fn twice(n: i64) -> i64 {",
            "println!(\"{}\", twice(3).await);",
        ],
    );
}

#[test]
fn a_function_reading_a_variable_two_functions_out_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}def report(label):\n    def show(value):\n        def bracket():\n            \
         return label + str(value)\n\n        return bracket()\n\n    return show(1)\n\n\n\
         async def main():\n    print(report(\"x\"))\n    await asyncio.sleep(0)\n{RUN}"
    ));
    assert_eq!(construct, "a nested definition");
    assert!(at.starts_with("def show(value):"), "{at}");
}
