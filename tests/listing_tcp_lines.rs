//! The Rust listing of TCP lines received whole (`await reader.readline()`,
//! tested and decoded), and of ports kept in variables and given to
//! functions.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

/// A server that echoes each line until the client leaves, and a `main`
/// that starts it, then runs `body`.
fn echoing(body: &str) -> String {
    format!(
        "{HEADER}async def echo(reader, writer):\n    while True:\n        \
line = await reader.readline()\n        if not line:\n            break\n        \
text = line.decode().strip()\n        \
writer.write((\"echo: \" + text + \"\\n\").encode())\n        await writer.drain()\n    \
writer.close()\n    await writer.wait_closed()\n\n\n\
async def main():\n    server = await asyncio.start_server(echo, \"127.0.0.1\", 0)\n{body}    \
server.close()\n    await server.wait_closed()\n\n\nasyncio.run(main())\n"
    )
}

const CLIENT: &str = "    port = server.sockets[0].getsockname()[1]\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
writer.write(b\"hi\\n\")\n    await writer.drain()\n    \
reply = await reader.readline()\n    print(reply.decode().strip())\n    \
writer.close()\n    await writer.wait_closed()\n";

#[test]
fn a_line_received_whole_is_tested_for_the_end_and_decoded() {
    let text = listing(&echoing(CLIENT));
    has_all(
        &text,
        &[
            "        let line = receive_line(&mut conn).await;\n        \
             if line.is_empty() {\n            break;\n        }\n",
            "        let text = line.trim().to_string();\n",
            "        conn.write_all(format!(\"echo: {text}\\n\").as_bytes())\n",
            "    let reply = receive_line(&mut conn).await;\n",
            "    println!(\"{}\", reply.trim());\n",
            "/// Reads one line, with its line break: `\"\"` at the end of the stream.\n\
             async fn receive_line(conn: &mut BufReader<TcpStream>) -> String {\n",
        ],
    );
    // Bound afresh on each turn of the loop: not `mut`.
    assert!(!text.contains("let mut text"), "{text}");
}

#[test]
fn a_port_given_to_a_function_is_a_u16() {
    let src = format!(
        "{HEADER}async def visit(port):\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
writer.write(b\"hi\\n\")\n    await writer.drain()\n    \
reply = (await reader.readline()).decode().strip()\n    print(reply)\n    \
writer.close()\n    await writer.wait_closed()\n\n\n"
    );
    let program = echoing(
        "    port = server.sockets[0].getsockname()[1]\n    \
await visit(port)\n    await visit(port)\n",
    )
    .replacen(HEADER, &src, 1);
    let text = listing(&program);
    has_all(
        &text,
        &[
            "async fn visit(port: u16) {\n",
            "BufReader::new(TcpStream::connect((\"127.0.0.1\", port)).await.unwrap());\n",
            "    let port = server.port();\n    visit(port).await;\n    visit(port).await;\n",
        ],
    );
}

#[test]
fn a_line_received_whole_and_printed_shows_its_bytes() {
    let text = listing(&echoing(&CLIENT.replace(
        "print(reply.decode().strip())",
        "print(\"got\", reply)\n    print(f\"{reply!r} again\")",
    )));
    has_all(
        &text,
        &[
            "    println!(\"got {}\", py_bytes(reply.as_bytes()));\n",
            "    println!(\"{} again\", py_bytes(reply.as_bytes()));\n",
            "fn py_bytes(bytes: &[u8]) -> String {\n",
            "            b' '..=b'~' => out.push(b as char),\n",
        ],
    );
}

#[test]
fn a_line_received_whole_read_otherwise_is_refused() {
    let src = echoing(&CLIENT.replace("print(reply.decode().strip())", "print(len(reply))"));
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this line of bytes");
    assert_eq!(at, "reply");
    assert!(reason.contains("read it from `line.decode()`"), "{reason}");
}

#[test]
fn a_port_that_is_a_number_of_the_program_is_refused() {
    let src = format!(
        "{HEADER}async def visit(port):\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
writer.close()\n    await writer.wait_closed()\n\n\n\
async def main():\n    await visit(8888)\n\n\nasyncio.run(main())\n"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this `open_connection`");
    assert!(at.starts_with("reader, writer = await"), "{at}");
}

#[test]
fn a_connection_s_stream_given_to_a_coroutine_is_lent_to_it() {
    // `ask` is defined after `main`, so `main` is planned first.
    let src = echoing(
        "    port = server.sockets[0].getsockname()[1]\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
await ask(reader, writer)\n    writer.close()\n    await writer.wait_closed()\n",
    )
    .replace(
        "asyncio.run(main())",
        "async def ask(reader, writer):\n    \
writer.write(b\"hi\\n\")\n    await writer.drain()\n\n\nasyncio.run(main())",
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    ask(&mut conn).await;\n    conn.shutdown().await.unwrap();\n",
            "async fn ask(conn: &mut BufReader<TcpStream>) {\n",
            "    conn.write_all(\"hi\\n\".as_bytes()).await.unwrap();\n",
        ],
    );
}

#[test]
fn a_stream_that_is_a_parameter_of_a_plain_coroutine_is_refused() {
    let src = format!(
        "{HEADER}async def ask(reader, writer):\n    \
writer.write(b\"hi\\n\")\n    await writer.drain()\n\n\n\
async def main():\n    await ask(None, None)\n\n\nasyncio.run(main())\n"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "this call of `ask`");
    assert_eq!(at, "ask(None, None)");
    assert!(
        reason.contains("pass that function's own `reader, writer`"),
        "{reason}"
    );
}

#[test]
fn a_line_received_whole_is_the_test_of_an_if_or_a_while() {
    let src = echoing(&CLIENT.replace(
        "print(reply.decode().strip())",
        "if reply:\n        print(\"got\", reply)",
    ))
    .replace(
        "    while True:\n        line = await reader.readline()\n        if not line:\n            break\n",
        "    line = await reader.readline()\n    while line:\n",
    )
    .replace(
        "        await writer.drain()\n    writer.close()",
        "        await writer.drain()\n        line = await reader.readline()\n    writer.close()",
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    let mut line = receive_line(&mut conn).await;\n    while !line.is_empty() {\n",
            "        line = receive_line(&mut conn).await;\n",
            "    if !reply.is_empty() {\n        println!(\"got {}\", py_bytes(reply.as_bytes()));\n",
        ],
    );
}

#[test]
fn the_port_of_what_is_not_a_server_of_the_program_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    server = None\n    \
port = server.sockets[0].getsockname()[1]\n    print(port)\n\n\nasyncio.run(main())\n"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this address of a server");
    assert_eq!(at, "port = server.sockets[0].getsockname()[1]");
}
