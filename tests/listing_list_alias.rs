//! A second name for a list, dict or set (`b = a`) that both names read
//! later, one changed in place: Python's two names are one container,
//! while the listing's `let` copies it, so it is refused at the value;
//! near forms that copy or rebind in Python too still translate.

#[path = "support/listing.rs"]
mod support;

use support::{listing, refused};

fn script(body: &str) -> String {
    format!("def main():\n{body}\n\nmain()\n")
}

#[test]
fn a_list_appended_through_a_second_name_is_refused_at_the_value() {
    let (construct, reason, at) = refused(&script(
        "    local = [\"x\"]\n    alias = local\n    alias.append(\"y\")\n    print(local, alias)\n",
    ));
    assert_eq!(construct, "`alias` naming the container `local` names");
    assert!(reason.contains("one list, dict or set"), "{reason}");
    assert_eq!(at, "local");
}

#[test]
fn a_list_grown_by_plus_equals_through_a_second_name_is_refused() {
    let (construct, _, _) = refused(&script(
        "    a = [1]\n    b = a\n    b += [2]\n    print(a, b)\n",
    ));
    assert_eq!(construct, "`b` naming the container `a` names");
}

#[test]
fn a_dict_set_through_a_second_name_is_refused() {
    let (construct, _, _) = refused(&script(
        "    e = {\"k\": 1}\n    f = e\n    f[\"j\"] = 2\n    print(e, f)\n",
    ));
    assert_eq!(construct, "`f` naming the container `e` names");
}

#[test]
fn a_second_name_rebound_by_plus_still_translates() {
    let text = listing(&script(
        "    c = [1]\n    d = c\n    d = d + [2]\n    print(c, d)\n",
    ));
    assert!(text.contains("let mut d = c.clone();"), "{text}");
}

#[test]
fn a_second_name_of_a_list_never_changed_still_translates() {
    let text = listing(&script("    a = [1, 2]\n    b = a\n    print(a, b)\n"));
    assert!(text.contains("let b = a.clone();"), "{text}");
}
