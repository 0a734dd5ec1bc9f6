//! The sandbox's network rule: a demo may connect only to a server that the
//! same run started and that still listens. A service of the machine on a
//! loopback port (a database, a dev server) is never reached: the demo is
//! refused before any connection is made.

use std::net::TcpListener;
use std::process::{Command, Output};

/// A listener of the test's own on a free loopback port, which must see no
/// connection.
fn listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    l.set_nonblocking(true).expect("non-blocking");
    let port = l.local_addr().expect("an address").port();
    (l, port)
}

fn asynclings(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn program(dir: &std::path::Path, name: &str, source: &str) {
    std::fs::write(dir.join(name), source).expect("writable temp dir");
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("asynclings-sandbox-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

fn assert_no_connection(l: &TcpListener) {
    match l.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok((_, peer)) => panic!("the demo connected to the test's listener from {peer}"),
        Err(e) => panic!("accept failed: {e}"),
    }
}

const RULE: &str = "a demo may connect only to a server that it started with asyncio.start_server and that still listens (limit: sandbox)";

#[test]
fn a_demo_cannot_connect_to_a_port_of_another_program() {
    let (l, port) = listener();
    let dir = temp_dir("other");
    let source = format!(
        r#"import asyncio


async def main():
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", {port})
        print("connected")
        writer.write(b"PING\r\n")
    except Exception as e:
        print("caught", type(e).__name__)


asyncio.run(main())
"#
    );
    program(&dir, "probe.py", &source);
    for args in [
        &["run", "probe.py", "--headless"][..],
        &["check", "probe.py"][..],
    ] {
        let out = asynclings(args, &dir);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stdout}{stderr}");
        // `check` wraps its report in a box: read it as one line of words.
        let words = stderr
            .split(|c: char| c.is_whitespace() || c == '│')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            words.contains(&format!("open_connection to port {port} refused: {RULE}")),
            "{args:?}: {stderr}"
        );
        // The refusal ends the run: the program's `except` cannot take it.
        assert!(!stdout.contains("caught"), "{args:?}: {stdout}");
        assert!(!stdout.contains("connected"), "{args:?}: {stdout}");
        assert_no_connection(&l);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_demo_connects_to_its_own_server_and_is_refused_once_it_closed() {
    let dir = temp_dir("own");
    program(
        &dir,
        "own.py",
        r#"import asyncio


async def echo(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    print((await reader.readline()).decode().strip())
    writer.close()
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused after close")


asyncio.run(main())
"#,
    );
    let out = asynclings(&["run", "own.py", "--headless"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "[t=0] HELLO\n[t=0] refused after close\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(dir);
}
