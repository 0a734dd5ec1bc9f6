//! A coroutine given a connection's `reader, writer` by the function that
//! owns it (`await ask(reader, writer, request)`): its parameter is the
//! connection, lent as `&mut BufReader<TcpStream>`, so the caller goes on
//! with it. And a starred unpacking of a call that makes a new list
//! (`command, *args = line.split()`), kept in a variable first. (Python's
//! own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/tcp__request_reply.py`.) The near cases refused: the
//! streams given in another order, or another connection's.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const HANDLE: &str = "async def handle(reader, writer):\n    line = \
(await reader.readline()).decode().strip()\n    command, *args = line.split()\n    \
writer.write((command + \" \" + str(len(args)) + \"\\n\").encode())\n    await writer.drain()\n    \
writer.close()\n    await writer.wait_closed()\n\n\n";

/// A program whose `main` opens a connection to its server and gives it
/// to `ask` with `call`.
fn asking(call: &str) -> String {
    format!(
        "{HEADER}{HANDLE}async def ask(reader, writer, request):\n    \
writer.write((request + \"\\n\").encode())\n    await writer.drain()\n    \
answer = (await reader.readline()).decode().strip()\n    print(request, \"->\", answer)\n\n\n\
async def main():\n    server = await asyncio.start_server(handle, \"127.0.0.1\", 0)\n    \
port = server.sockets[0].getsockname()[1]\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    {call}\n    \
writer.close()\n    await writer.wait_closed()\n    server.close()\n    \
await server.wait_closed()\n{RUN}"
    )
}

#[test]
fn a_coroutine_given_the_streams_borrows_the_connection() {
    let text = listing(&asking("await ask(reader, writer, \"ADD 1 2\")"));
    has_all(
        &text,
        &[
            "async fn ask(conn: &mut BufReader<TcpStream>, request: &str) {",
            "    let answer = receive(conn).await;",
            "    ask(&mut conn, \"ADD 1 2\").await;\n    conn.shutdown().await.unwrap();",
            // The handler owns its connection, a task of its own.
            "async fn handle(mut conn: BufReader<TcpStream>) {",
        ],
    );
}

#[test]
fn a_starred_unpacking_of_a_split_keeps_the_list_first() {
    let text = listing(&asking("await ask(reader, writer, \"ADD 1 2\")"));
    has_all(
        &text,
        &[
            "    let parts = line\n        .split_whitespace()",
            "    let (command, args) = (\n        parts[0].to_string(),",
        ],
    );
}

#[test]
fn the_streams_given_in_another_order_are_refused() {
    let (construct, reason, place) = refused(&asking("await ask(writer, reader, \"PING\")"));
    assert_eq!(construct, "this call of `ask`");
    assert!(reason.contains("own `reader, writer`"), "{reason}");
    assert_eq!(place, "ask(writer, reader, \"PING\")");
}

#[test]
fn a_starred_unpacking_of_another_call_is_refused() {
    let source = format!(
        "{HEADER}def pair():\n    return (1, 2)\n\n\nasync def main():\n    \
a, *rest = pair()\n    print(a, rest)\n{RUN}"
    );
    let (construct, reason, _) = refused(&source);
    assert_eq!(construct, "this starred unpacking");
    assert!(
        reason.contains("nor a call that makes a new list"),
        "{reason}"
    );
}

#[test]
fn a_task_given_the_connection_is_refused() {
    // The task would need the connection itself, which `main` still holds.
    let (construct, reason, place) = refused(&asking(
        "t = asyncio.create_task(ask(reader, writer, \"PING\"))\n    await t",
    ));
    assert_eq!(construct, "this call of `ask`");
    assert!(reason.contains("awaited as a statement"), "{reason}");
    assert_eq!(place, "ask(reader, writer, \"PING\")");
}

#[test]
fn calls_gathered_with_the_connection_are_refused() {
    let (construct, ..) = refused(&asking(
        "await asyncio.gather(ask(reader, writer, \"A\"), ask(reader, writer, \"B\"))",
    ));
    assert_eq!(construct, "this call of `ask`");
}
