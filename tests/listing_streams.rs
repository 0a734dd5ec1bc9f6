//! The Rust listing of TCP streams: a client connecting to the port read
//! from its server's address, and lines sent as bytes.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, has_all, listing, refused};

const ECHO: &str = "async def echo(reader, writer):\n    \
line = (await reader.readline()).decode().strip()\n    \
writer.write(f\"{line}\\n\".encode())\n    await writer.drain()\n    \
writer.write(b\"END\\n\")\n    await writer.drain()\n    \
writer.close()\n    await writer.wait_closed()\n\n\n";

/// A program whose `main` starts the server `echo`, then runs `body`.
fn serving(body: &str) -> String {
    format!(
        "{HEADER}{ECHO}async def main():\n    \
server = await asyncio.start_server(echo, \"127.0.0.1\", 0)\n{body}    \
server.close()\n    await server.wait_closed()\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn a_client_connects_to_the_port_read_from_the_server() {
    let text = listing(&serving(
        "    port = server.sockets[0].getsockname()[1]\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
word = \"hi\"\n    writer.write(word.encode() + b\"\\n\")\n    await writer.drain()\n    \
reply = (await reader.readline()).decode().strip()\n    print(reply)\n    \
writer.close()\n    await writer.wait_closed()\n",
    ));
    has_all(
        &text,
        &[
            "    let server = server_listener.local_addr().unwrap();\n",
            "    let mut conn = BufReader::new(TcpStream::connect(server).await.unwrap());\n",
            "    conn.write_all(format!(\"{word}\\n\").as_bytes())\n",
            "    conn.write_all(\"END\\n\".as_bytes()).await.unwrap();\n",
        ],
    );
    assert!(!text.contains("port"), "{text}");
}

#[test]
fn a_port_read_elsewhere_is_kept_as_the_server_s_port() {
    let text = listing(&serving(
        "    port = server.sockets[0].getsockname()[1]\n    print(port > 0)\n    \
reader, writer = await asyncio.open_connection(\"127.0.0.1\", port)\n    \
writer.close()\n    await writer.wait_closed()\n",
    ));
    has_all(
        &text,
        &[
            "    let port = server.port();\n",
            "    let mut conn = BufReader::new(TcpStream::connect((\"127.0.0.1\", port)).await.unwrap());\n",
        ],
    );
}

#[test]
fn another_item_of_the_server_s_address_is_refused() {
    let src = serving("    host = server.sockets[0].getsockname()[0]\n    print(host)\n");
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "this address of a server");
    assert_eq!(at, "server.sockets[0].getsockname()[0]");
}

#[test]
fn unpacking_a_split_line_caught_by_an_except_is_refused() {
    let src = format!(
        "{HEADER}async def main():\n    line = \"temp 20.5\"\n    name, value = line.split()\n    \
print(name, value)\n    try:\n        await asyncio.sleep(1)\n    except BaseException:\n        \
raise\n\n\nasyncio.run(main())\n"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "unpacking the list `split()` gives");
    assert_eq!(at, "line.split()");
}
