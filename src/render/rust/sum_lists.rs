//! `sum(lists, start)`: Python adds the lists to `start` one by one, which
//! is Rust's `concat`.

use super::code::Code;

/// `sum(lists, start)`: `start` and then each list's items, in order
/// (`lists.concat()` from an empty start).
pub(super) fn joined(lists: &Code, start: &Code) -> Code {
    let text = if start.text == "vec![]" {
        format!("{}.concat()", lists.wrap(10))
    } else {
        format!(
            "[vec![{}], {}].concat().concat()",
            start.owned(),
            lists.owned()
        )
    };
    let mut c = Code::new(text, lists.ty.elem(), 10);
    c.fresh = true;
    c
}
