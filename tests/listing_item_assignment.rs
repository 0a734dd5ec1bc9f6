//! The Rust listing of assignments into containers: an item of an item of
//! a local list (`grid[1][0] = ...`, `grid[1][0] += 5`), a chained
//! assignment of one immutable literal (`a = b = 0`), a number's item
//! changed by an operator (`counts["a"] += 1`), and the refusals of
//! what Rust cannot do the same way.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn an_item_of_an_item_is_set_in_place() {
    let text = listing(&main_of(
        "    grid = [[0, 0], [0, 0]]\n    grid[1][0] += 5\n    grid[0][1] = 7\n    \
print(grid)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let mut grid = vec![vec![0, 0], vec![0, 0]];",
            "grid[1][0] += 5;",
            "grid[0][1] = 7;",
        ],
    );
}

#[test]
fn a_numbers_item_changed_by_an_operator_is_a_compound_assignment() {
    let text = listing(&main_of(
        "    counts = {\"a\": 0}\n    xs = [1.5, 2.0]\n    i = 1\n    counts[\"a\"] += 1\n    \
xs[i] *= 2\n    xs[0] -= 1\n    print(counts, xs)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "counts[\"a\"] += 1;",
            "*py_item_mut(&mut xs, i) *= 2.0;",
            "xs[0] -= 1.0;",
        ],
    );
}

#[test]
fn a_chained_assignment_of_a_literal_sets_each_target_in_order() {
    let text = listing(&main_of(
        "    grid = [[0, 0], [0, 0]]\n    grid[0][1] = grid[1][1] = 9\n    a = b = \"x\"\n    \
print(grid, a, b)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["grid[0][1] = 9;\n    grid[1][1] = 9;"]);
    let a = text.find("let a = ").expect("a is bound");
    let b = text.find("let b = ").expect("b is bound");
    assert!(a < b, "{text}");
}

#[test]
fn a_chained_assignment_of_a_shared_value_is_refused() {
    for value in ["[]", "{}", "n + 1"] {
        let (construct, reason, at) = refused(&main_of(&format!(
            "    n = 1\n    a = b = {value}\n    print(a, b)\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, "a chained assignment (`a = b = ...`)");
        assert!(reason.contains("shared by the targets"), "{reason}");
        assert_eq!(at, format!("a = b = {value}"));
    }
}

#[test]
fn an_item_of_a_coroutines_parameter_is_set_through_a_mut_borrow() {
    let text = listing(&format!(
        "{}async def fill(grid):\n    await asyncio.sleep(0)\n    grid[0][0] = 1\n\n\n\
async def main():\n    grid = [[0]]\n    await fill(grid)\n    print(grid)\n{}",
        support::HEADER,
        support::RUN
    ));
    has_all(
        &text,
        &[
            "async fn fill(grid: &mut Vec<Vec<i64>>) {",
            "    grid[0][0] = 1;",
            "fill(&mut grid).await;",
        ],
    );
}

#[test]
fn adding_a_tuple_to_an_item_with_plus_equals_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    grid = [[1]]\n    grid[0] += (4, 5)\n    print(grid)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`+=` of a tuple");
    assert!(reason.contains("`xs += [4, 5]`"), "{reason}");
    assert_eq!(at, "(4, 5)");
}
