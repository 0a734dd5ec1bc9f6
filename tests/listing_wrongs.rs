//! Programs whose Rust form would print something other than Python:
//! the translator refuses them at the construct, with the reason.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, main_of, refused};

#[test]
fn a_class_body_calling_a_function_defined_below_is_refused() {
    let source = format!(
        "{HEADER}class Box:\n    print(double(2))\n\n\ndef double(x):\n    return x * 2\n\n\n\
         async def main():\n    print(\"ok\")\n{RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(construct, "a name defined after the class");
    assert_eq!(at, "double");
    assert!(reason.contains("NameError"), "{reason}");
}

#[test]
fn a_class_body_calling_a_function_defined_above_translates() {
    let source = format!(
        "{HEADER}def double(x):\n    return x * 2\n\n\nclass Box:\n    print(double(2))\n\n\n\
         async def main():\n    print(\"ok\")\n{RUN}"
    );
    let text = listing(&source);
    assert!(text.contains("println!(\"{}\", double(2));"), "{text}");
}

/// The listing of `source` as the Rust pane shows it, refusal included.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

#[test]
fn a_printed_max_of_an_int_beside_a_float_is_refused_at_the_call() {
    let text = shown(&main_of("    print(max(-1, -2.5))\n"));
    assert!(
        text.contains("// x.py:5:11: `max`/`min` of integers beside floats"),
        "{text}"
    );
    assert!(text.contains("//     print(max(-1, -2.5))"), "{text}");
}

#[test]
fn a_kept_min_of_an_int_beside_a_float_is_refused() {
    let text = shown(&main_of("    low = min(3, 2.5, 4)\n    print(low)\n"));
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    assert!(
        text.contains("`max`/`min` of integers beside floats"),
        "{text}"
    );
}

#[test]
fn a_max_of_floats_only_still_translates() {
    let text = listing(&main_of("    print(max(1.5, -2.5))\n"));
    assert!(
        text.contains("println!(\"{:?}\", 1.5_f64.max(-2.5));"),
        "{text}"
    );
}

const DRAIN: &str = "async def drain(jobs):\n    while jobs:\n        jobs.pop()\n        await asyncio.sleep(0)\n\n\n";

#[test]
fn a_list_shared_by_calls_that_change_it_is_refused_at_the_argument() {
    let source = format!(
        "{HEADER}{DRAIN}async def main():\n    jobs = [1, 2, 3]\n    \
         await asyncio.gather(drain(jobs), drain(jobs))\n    print(jobs)\n{RUN}"
    );
    let (construct, reason, at) = refused_shown(&source);
    assert_eq!(construct, "a list or dict changed by `drain`");
    assert_eq!(at, "await asyncio.gather(drain(jobs), drain(jobs))");
    assert!(reason.contains("&mut jobs"), "{reason}");
}

#[test]
fn a_list_read_after_a_function_appends_to_it_is_lent() {
    let source = format!(
        "{HEADER}def add(items, x):\n    items.append(x)\n\n\nasync def main():\n    \
         items = [1]\n    add(items, 2)\n    print(items)\n{RUN}"
    );
    let text = listing(&source);
    assert!(
        text.contains("fn add(items: &mut Vec<i64>, x: i64) {"),
        "{text}"
    );
    assert!(text.contains("add(&mut items, 2);"), "{text}");
}

#[test]
fn a_list_given_once_and_not_read_again_still_translates() {
    let source = format!(
        "{HEADER}{DRAIN}async def main():\n    jobs = [1, 2, 3]\n    await drain(jobs)\n    \
         print(\"done\")\n{RUN}"
    );
    let text = listing(&source);
    assert!(text.contains("drain(jobs"), "{text}");
}

/// The first refusal of the Rust pane: its construct, reason and line.
fn refused_shown(source: &str) -> (String, String, String) {
    let text = shown(source);
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let construct = lines[1].split(": ").skip(1).collect::<Vec<_>>().join(": ");
    let reason: Vec<&str> = lines[2..]
        .iter()
        .take_while(|l| l.starts_with("//   ") && !l.starts_with("//     "))
        .map(|l| l.trim_start_matches("//   "))
        .collect();
    let at = lines[2 + reason.len()]
        .trim_start_matches("//")
        .trim()
        .to_string();
    (construct, reason.join(" "), at)
}

#[test]
fn a_list_changed_by_a_call_in_a_loop_is_lent_on_each_pass() {
    let source = format!(
        "{HEADER}async def add(items, x):\n    items.append(x)\n    print(len(items))\n\n\n\
         async def main():\n    items = []\n    for i in range(3):\n        \
         await add(items, i)\n{RUN}"
    );
    let text = listing(&source);
    assert!(text.contains("add(&mut items, i).await;"), "{text}");
}
