//! The Rust listing of a function that calls itself on the children of a
//! tree of tuples: one recursive tuple struct named after the parameter,
//! built as `Node(...)`, unpacked as `Node(name, children)`; and the uses
//! of a tree it refuses. (Python's own output is checked by
//! `tests/rust_listings.rs` on `tests/programs/functions__recursion.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

const WALK: &str = "import asyncio\n\n\ndef total(node):\n    name, size, children = node\n    \
s = size\n    for child in children:\n        s += total(child)\n    return s\n\n\n\
async def walk(node, depth):\n    await asyncio.sleep(0.1)\n    name, size, children = node\n    \
print(\"  \" * depth + name, size, node[1])\n    for child in children:\n        \
await walk(child, depth + 1)\n\n\n";

fn program(main: &str) -> String {
    format!("{WALK}async def main():\n{main}\n\nasyncio.run(main())\n")
}

#[test]
fn a_tree_of_tuples_is_one_recursive_struct() {
    let text = listing(&program(
        "    tree = (\"root\", 1, [(\"a\", 2, []), (\"b\", 3, [(\"c\", 4, [])])])\n    \
print(total(tree))\n    await walk(tree, 0)\n    await walk((\"leaf\", 5, []), 0)\n",
    ));
    has_all(
        &text,
        &[
            "#[derive(Clone)]\nstruct Node(String, i64, Vec<Node>);",
            "fn total(node: Node) -> i64 {",
            "let Node(_, size, children) = node.clone();",
            "s += total(child.clone());",
            "async fn walk(node: Node, depth: i64) {",
            "let Node(name, size, children) = node.clone();",
            "node.1",
            "Box::pin(walk(child.clone(), depth + 1)).await;",
            "let tree = Node(\n        \"root\".to_string(),\n        1,\n        vec![\n            \
Node(\"a\".to_string(), 2, vec![]),\n            \
Node(\"b\".to_string(), 3, vec![Node(\"c\".to_string(), 4, vec![])]),\n        ],\n    );",
            "walk(Node(\"leaf\".to_string(), 5, vec![]), 0).await;",
        ],
    );
}

#[test]
fn a_leaf_given_alone_is_a_node_too() {
    let text = listing(&program(
        "    leaf = (\"x\", 0, [])\n    await walk(leaf, 0)\n    \
await walk((\"q\", 2, [(\"y\", 3, [])]), 1)\n    print(total((\"q\", 2, [(\"y\", 3, [])])))\n",
    ));
    has_all(
        &text,
        &[
            "let leaf = Node(\"x\".to_string(), 0, vec![]);",
            "walk(leaf.clone(), 0).await;",
        ],
    );
}

#[test]
fn a_tuple_variable_inside_a_tree_is_refused() {
    let (construct, _, at) = refused(&program(
        "    leaf = (\"x\", 0, [])\n    await walk((\"r\", 1, [leaf]), 0)\n    print(total(leaf))\n",
    ));
    assert_eq!(
        construct,
        "a tuple kept in a variable, as a child in a tree of tuples"
    );
    assert_eq!(at, "leaf");
}

#[test]
fn a_printed_tree_is_refused_at_the_print() {
    let (construct, reason, at) = refused(&program(
        "    tree = (\"r\", 1, [(\"a\", 2, [])])\n    print(tree, total(tree))\n",
    ));
    assert_eq!(construct, "a tree of tuples used this way");
    assert!(reason.contains("`Debug` or `PartialEq`"), "{reason}");
    assert_eq!(at, "tree");
}

#[test]
fn a_place_nothing_reads_is_refused() {
    let source = "import asyncio\n\n\nasync def count(node):\n    _, children = node\n    \
n = 1\n    for child in children:\n        n += await count(child)\n    return n\n\n\n\
async def main():\n    print(await count((\"r\", [(\"a\", [])])))\n\n\nasyncio.run(main())\n";
    let (construct, reason, at) = refused(source);
    assert_eq!(construct, "place 0 of a tree of tuples, never read");
    assert!(reason.contains("`struct Node(...)`"), "{reason}");
    assert_eq!(at, "_, children = node");
}
