//! TCP streams between the program's own server and clients: listening on
//! a free port, connecting, sending and receiving lines, closing.

use super::Renderer;
use super::code::Code;
use super::names::{fn_name, ident};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, StmtKind};
use crate::render::plan::ir::expr::Expr;

impl Renderer<'_> {
    /// `asyncio.start_server(handler, ...)`: a listener on a free port and a
    /// task accepting connections, each handled by a task of its own.
    pub(super) fn serve(&mut self, handler: &Call, into: &str) {
        self.use_("tokio::io", "BufReader");
        self.use_("tokio::net", "TcpListener");
        let listener = format!("{into}_listener");
        self.line(format!(
            "let {listener} = TcpListener::bind(\"127.0.0.1:0\").await.unwrap();"
        ));
        self.declared.insert(into.to_string());
        let addr = self.pat(into);
        self.line(format!("let {addr} = {listener}.local_addr().unwrap();"));
        let accept = if self.used.contains(&format!("{into} (closed)")) {
            format!("{into}_accept")
        } else {
            format!("_{into}_accept")
        };
        self.line(format!("let {accept} = tokio::spawn(async move {{"));
        self.line("    loop {");
        self.line(format!(
            "        let (stream, _) = {listener}.accept().await.unwrap();"
        ));
        self.line(format!(
            "        tokio::spawn({}(BufReader::new(stream)));",
            fn_name(&handler.name)
        ));
        self.line("    }");
        self.line("});");
    }

    /// `asyncio.open_connection(...)` to the program's own server, at its
    /// address or (`port`) at a port of the loopback address.
    pub(super) fn connect(&mut self, server: &str, into: &str, port: bool) {
        self.use_("tokio::io", "BufReader");
        self.use_("tokio::net", "TcpStream");
        self.declared.insert(into.to_string());
        let addr = if port {
            format!("(\"127.0.0.1\", {})", ident(server))
        } else {
            ident(server)
        };
        self.line(format!(
            "let mut {} = BufReader::new(TcpStream::connect({addr}).await.unwrap());",
            ident(into),
        ));
    }

    /// `writer.write(line)`: the line's bytes written whole.
    pub(super) fn send(&mut self, conn: &str, value: &Expr) {
        self.use_("tokio::io", "AsyncWriteExt");
        let t = value.line_template();
        let (text, _) = self.format(&t, "format!");
        self.last_format_args.clear();
        let bytes = match text.strip_prefix("format!(") {
            Some(_) => format!("{text}.as_bytes()"),
            None => format!("{}.as_bytes()", text.trim_end_matches(".to_string()")),
        };
        let head = format!("{}.write_all({bytes})", ident(conn));
        // rustfmt breaks a chain longer than 60 columns.
        if head.len() + ".await.unwrap()".len() <= 60 {
            self.line(format!("{head}.await.unwrap();"));
        } else {
            self.line(head);
            self.line("    .await");
            self.line("    .unwrap();");
        }
    }

    /// `(await reader.readline()).decode().strip()`: the `receive` helper
    /// reads one line; `await reader.readline()` (`whole`): the
    /// `receive_line` helper reads it with its break.
    pub(super) fn receive(&mut self, conn: &str, into: &str, whole: bool) {
        let helper = if whole {
            self.needs_receive_line = true;
            "receive_line"
        } else {
            self.needs_receive = true;
            "receive"
        };
        self.use_("tokio::io", "AsyncBufReadExt");
        self.use_("tokio::io", "BufReader");
        self.use_("tokio::net", "TcpStream");
        let rhs = format!("{helper}({}).await", self.lent_arg(conn));
        self.assign(Some(into), &rhs);
    }

    /// `server.close()` or `writer.close()`: the accepting task aborted, or
    /// the stream shut down.
    pub(super) fn close(&mut self, target: &str) {
        if self.var_ty(target) == Ty::Server {
            self.line(format!("{target}_accept.abort();"));
        } else {
            self.use_("tokio::io", "AsyncWriteExt");
            self.line(format!("{}.shutdown().await.unwrap();", ident(target)));
        }
    }
}

/// Every connection to a port (`asyncio.open_connection("127.0.0.1",
/// port)`) whose port is not a server's port as the listing keeps it (a
/// `u16` read from its address): a number written in the program, say,
/// which the listing does not connect to; and every port read from what is
/// not a server of the program.
pub(super) fn unknown_ports(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Connect {
                server, port: true, ..
            } = &s.kind
                && types.var(&f.name, server) != Ty::Port
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "this `open_connection`".into(),
                    reason: "the Rust listing connects to a server of the program, at the \
                             port read from its address \
                             (`port = server.sockets[0].getsockname()[1]`)"
                        .into(),
                });
            }
            if let StmtKind::Port { server, .. } = &s.kind
                && types.var(&f.name, server) != Ty::Server
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "this address of a server".into(),
                    reason: "the Rust listing reads the port of a server the program \
                             started (`server = await asyncio.start_server(...)`)"
                        .into(),
                });
            }
        });
    }
    out
}

/// `print(line)` of a line received whole: Python's `repr` of its bytes.
pub(super) fn bytes_repr(line: &Code) -> Code {
    let mut out = Code::new(
        format!("py_bytes({}.as_bytes())", line.wrap(10)),
        Ty::Str,
        10,
    );
    out.fresh = true;
    out
}

/// The helpers the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls("py_bytes(") {
        out.extend_from_slice(PY_BYTES);
        out.push("");
    }
    out
}

/// Python's `repr` of bytes: printable ASCII as it is, the rest escaped.
const PY_BYTES: &[&str] = &[
    "/// Python's `repr` of bytes: `b'...'`, printable ASCII as it is, the rest escaped.",
    "fn py_bytes(bytes: &[u8]) -> String {",
    "    let quote = if bytes.contains(&b'\\'') && !bytes.contains(&b'\"') {",
    "        '\"'",
    "    } else {",
    "        '\\''",
    "    };",
    "    let mut out = format!(\"b{quote}\");",
    "    for &b in bytes {",
    "        match b {",
    "            b'\\\\' => out.push_str(\"\\\\\\\\\"),",
    "            b'\\n' => out.push_str(\"\\\\n\"),",
    "            b'\\r' => out.push_str(\"\\\\r\"),",
    "            b'\\t' => out.push_str(\"\\\\t\"),",
    "            b if b == quote as u8 => {",
    "                out.push('\\\\');",
    "                out.push(quote);",
    "            }",
    "            b' '..=b'~' => out.push(b as char),",
    "            b => out.push_str(&format!(\"\\\\x{b:02x}\")),",
    "        }",
    "    }",
    "    out.push(quote);",
    "    out",
    "}",
];

/// The `receive` statement's helper: asyncio's
/// `(await reader.readline()).decode().strip()`.
pub(super) const RECEIVE: &[&str] = &[
    "/// Reads one line, without its line break: `\"\"` at the end of the stream.",
    "async fn receive(conn: &mut BufReader<TcpStream>) -> String {",
    "    let mut line = String::new();",
    "    conn.read_line(&mut line).await.unwrap();",
    "    line.trim().to_string()",
    "}",
];

/// The `receive` statement's helper for a line received whole: asyncio's
/// `await reader.readline()`, decoded.
pub(super) const RECEIVE_LINE: &[&str] = &[
    "/// Reads one line, with its line break: `\"\"` at the end of the stream.",
    "async fn receive_line(conn: &mut BufReader<TcpStream>) -> String {",
    "    let mut line = String::new();",
    "    conn.read_line(&mut line).await.unwrap();",
    "    line",
    "}",
];
