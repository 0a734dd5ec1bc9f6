//! Exception groups as values: a task group whose children can fail
//! collects their exceptions (beside children that raise nothing), and a
//! handler reads the group's `exceptions`, nested groups too.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const CHILDREN: &str = "async def fail(name):\n    await asyncio.sleep(1)\n    raise \
RuntimeError(f\"{name} failed\")\n\n\nasync def sleeper(n):\n    await asyncio.sleep(n)\n    \
print(\"woke\", n)\n\n\n";

fn program(body: &str) -> String {
    format!("{HEADER}{CHILDREN}async def main():\n{body}{RUN}")
}

#[test]
fn a_child_that_raises_nothing_gives_ok_beside_failing_ones() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(fail(\"a\"))\n        \
tg.create_task(sleeper(3))\n",
    ));
    has_all(
        &text,
        &[
            "use futures::FutureExt;",
            "tg.spawn(fail(\"a\"));",
            "tg.spawn(sleeper(Duration::from_secs(3)).map(Ok));",
            "return Err(Error::ExceptionGroup(TASK_GROUP, tg_errors));",
        ],
    );
}

#[test]
fn a_child_giving_a_value_beside_failing_ones_is_refused() {
    let src = format!(
        "{HEADER}{CHILDREN}async def value():\n    await asyncio.sleep(1)\n    return 5\n\n\n\
async def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(fail(\"a\"))\n        \
tg.create_task(value())\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a child of `tg` giving a value");
    assert!(reason.contains("`Result<(), Error>`"), "{reason}");
    assert_eq!(at, "value()");
}

#[test]
fn a_caught_group_s_exceptions_are_borrowed_and_named_by_class() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n            tg.create_task(fail(\"b\"))\n    \
except ExceptionGroup as eg:\n        print(len(eg.exceptions))\n        first = eg.exceptions[0]\n        \
print(type(first).__name__, first)\n        for e in eg.exceptions:\n            \
print(type(e).__name__, e)\n",
    ));
    has_all(
        &text,
        &[
            "fn exceptions(&self) -> &[Error] {",
            "Error::ExceptionGroup(_, errors) => errors,",
            "\"AttributeError: '{}' object has no attribute 'exceptions'\",",
            "fn class_name(&self) -> &'static str {",
            "let eg_exceptions = err.exceptions();",
            "let first = &eg_exceptions[0];",
            "println!(\"{} {first}\", first.class_name());",
            "for e in eg_exceptions {",
            "println!(\"{} {e}\", e.class_name());",
        ],
    );
}

#[test]
fn a_nested_group_s_exceptions_are_its_own_slice() {
    let src = format!(
        "{HEADER}{CHILDREN}async def inner():\n    async with asyncio.TaskGroup() as tg:\n        \
tg.create_task(fail(\"a\"))\n\n\nasync def main():\n    try:\n        \
async with asyncio.TaskGroup() as outer:\n            outer.create_task(inner())\n            \
outer.create_task(sleeper(2))\n    except ExceptionGroup as eg:\n        nested = eg.exceptions[0]\n        \
print(len(nested.exceptions))\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "outer.spawn(inner());",
            "outer.spawn(sleeper(Duration::from_secs(2)).map(Ok));",
            "let nested = &eg_exceptions[0];",
            "nested.exceptions().len()",
        ],
    );
}

#[test]
fn exceptions_of_a_value_not_an_exception_is_refused() {
    let src =
        format!("{HEADER}async def main():\n    box = [1, 2]\n    print(box.exceptions)\n{RUN}");
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "the attribute `exceptions` of a value not known a group"
    );
    assert_eq!(at, "box.exceptions");
}

#[test]
fn a_group_keeps_its_message_beside_its_exceptions() {
    let text = listing(&program(
        "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(fail(\"a\"))\n",
    ));
    has_all(
        &text,
        &[
            "    ExceptionGroup(&'static str, Vec<Error>),",
            "const TASK_GROUP: &str = \"unhandled errors in a TaskGroup\";",
            "Error::ExceptionGroup(message, errors) => {",
            "write!(f, \"{message} ({n} sub-exception{s})\")",
        ],
    );
}

#[test]
fn what_an_except_star_clause_raises_goes_on_alone_or_in_a_new_group() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n    except* RuntimeError as eg:\n        \
raise ValueError(f\"{len(eg.exceptions)} failed\")\n",
    ));
    has_all(
        &text,
        &[
            "let mut raised = Vec::new();",
            "let eg_exceptions = taken;",
            "let handled: Result<(), Error> = async {",
            "eg_exceptions.len() as i64",
            "raised.extend(handled.err());",
            "if !left.is_empty() {\n            raised.push(Error::ExceptionGroup(message, left));\n        }",
            "if raised.len() > 1 {\n            return Err(Error::ExceptionGroup(\"\", raised));\n        }",
            "if let Some(err) = raised.pop() {\n            return Err(err);\n        }",
        ],
    );
}

#[test]
fn a_group_s_repr_writes_its_message() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n    except ExceptionGroup as eg:\n        print(repr(eg))\n",
    ));
    has_all(
        &text,
        &[
            "let message = py_repr(message);",
            "format!(\"ExceptionGroup({message}, [{}])\", items.join(\", \"))",
        ],
    );
}

#[test]
fn except_star_connection_error_takes_a_connection_reset() {
    let src = format!(
        "{HEADER}async def drop():\n    await asyncio.sleep(1)\n    raise ConnectionResetError(\"gone\")\n\n\n\
async def main():\n    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(drop())\n    except* ConnectionError as eg:\n        print(\"lost\", eg)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "    ConnectionResetError(String),",
            "Error::split(left, |err| matches!(err, Error::ConnectionResetError(_)));",
        ],
    );
}

#[test]
fn a_bare_raise_in_except_star_stays_refused() {
    let (construct, _, at) = refused(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n    except* RuntimeError:\n        print(\"seen\")\n        raise\n",
    ));
    assert_eq!(construct, "a bare `raise` in `except*`");
    assert_eq!(at, "raise");
}

#[test]
fn except_star_splits_nested_groups_keeping_their_messages() {
    let src = format!(
        "{HEADER}{CHILDREN}async def inner():\n    async with asyncio.TaskGroup() as tg:\n        \
tg.create_task(fail(\"a\"))\n\n\nasync def main():\n    try:\n        \
async with asyncio.TaskGroup() as outer:\n            outer.create_task(inner())\n    \
except* RuntimeError as eg:\n        print(eg)\n{RUN}"
    );
    has_all(
        &listing(&src),
        &[
            "let (taken, left) = Error::split(left, |err| matches!(err, Error::RuntimeError(_)));",
            "Error::ExceptionGroup(message, errors) => {\n                    \
let (t, l) = Error::split(errors, takes);",
            "taken.push(Error::ExceptionGroup(message, t));",
            "left.push(Error::ExceptionGroup(message, l));",
            "err if takes(&err) => taken.push(err),",
        ],
    );
}

#[test]
fn a_caught_group_s_message_is_its_own() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n    except ExceptionGroup as eg:\n        print(eg.message)\n    \
try:\n        async with asyncio.TaskGroup() as tg:\n            tg.create_task(fail(\"b\"))\n    \
except* RuntimeError as part:\n        print(part.message)\n",
    ));
    has_all(
        &text,
        &[
            "fn message(&self) -> &'static str {",
            "Error::ExceptionGroup(message, _) => message,",
            "let eg_message = err.message();",
            "let part_message = message;",
        ],
    );
}

#[test]
fn an_exception_of_a_group_read_in_a_comprehension_is_refused() {
    let (construct, _, at) = refused(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            \
tg.create_task(fail(\"a\"))\n    except ExceptionGroup as eg:\n        \
print([str(e) for e in eg.exceptions])\n",
    ));
    assert_eq!(construct, "an exception made as a value, used here");
    assert_eq!(at, "e");
}

/// `else:` of a `try` with `except*` runs when the block raised nothing:
/// the `else` of the `if let Err(..)` that splits the group.
#[test]
fn else_of_except_star_runs_when_nothing_was_raised() {
    let text = listing(&program(
        "    try:\n        async with asyncio.TaskGroup() as tg:\n            tg.create_task(fail(\"a\"))\n    \
except* RuntimeError:\n        print(\"failed\")\n    else:\n        print(\"all done\")\n",
    ));
    has_all(
        &text,
        &[
            "            println!(\"failed\");\n        }\n        if !left.is_empty() {\n            return Err(Error::ExceptionGroup(message, left));\n        }\n    } else {\n        println!(\"all done\");\n    }",
        ],
    );
}
