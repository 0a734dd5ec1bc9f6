//! TCP streams between the program's own server and clients: listening on
//! a free port, connecting, sending and receiving lines, closing.

use super::Renderer;
use super::names::{fn_name, ident};
use super::types::Ty;
use crate::render::plan::ir::ast::Call;
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

    /// `asyncio.open_connection(...)` to the program's own server.
    pub(super) fn connect(&mut self, server: &str, into: &str) {
        self.use_("tokio::io", "BufReader");
        self.use_("tokio::net", "TcpStream");
        self.declared.insert(into.to_string());
        self.line(format!(
            "let mut {} = BufReader::new(TcpStream::connect({}).await.unwrap());",
            ident(into),
            ident(server)
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

    /// `await reader.readline()`: the `receive` helper reads one line.
    pub(super) fn receive(&mut self, conn: &str, into: &str) {
        self.needs_receive = true;
        self.use_("tokio::io", "AsyncBufReadExt");
        self.use_("tokio::io", "BufReader");
        self.use_("tokio::net", "TcpStream");
        let rhs = format!("receive(&mut {}).await", ident(conn));
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
