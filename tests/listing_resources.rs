
#[test]
fn a_test_whose_block_reads_nothing_of_the_exception_asks_is_none() {
    let text = listing(&program(
        "        if exc_type is None:\n            print(\"fine\")\n            return False\n        print(\"failed\")\n        return True\n",
        "    async with Conn(\"db\", True) as conn:\n        await conn.query(\"bad\")\n",
    ));
    has_all(
        &text,
        &[
            "        if exc.is_none() {\n            println!(\"fine\");\n            return false;\n        }\n        println!(\"failed\");\n        true\n    }",
            // `open` keeps its own type: `close`'s `bool` is not its.
            "    async fn open(&mut self) {",
        ],
    );
}
