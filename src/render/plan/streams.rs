//! The TCP stream shapes: a connection's `reader, writer` pair, and the
//! statements that connect, send, receive and close.

use super::expr::{push_text, template_expr};
use super::scope::Scope;
use super::stmt::{Step, local_name, method_call, one_arg, pair};
use super::{Planner, Result, refuse};
use crate::program::{
    self as py, Arg, BinOp, ExprKind as E, Literal, Module, StmtKind as P, Target,
};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Expr, ExprKind, Part};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// The stream a connection variable is: `reader`/`writer` belong to the
/// connection `conn`, `NAME_reader`/`NAME_writer` to `NAME`. True for a writer.
pub(super) fn stream(name: &str) -> Option<(String, bool)> {
    match name {
        "reader" => Some(("conn".into(), false)),
        "writer" => Some(("conn".into(), true)),
        _ => name
            .strip_suffix("_reader")
            .map(|c| (c.to_string(), false))
            .or_else(|| name.strip_suffix("_writer").map(|c| (c.to_string(), true))),
    }
}

/// The reader's and writer's names of the connection `conn`.
pub(super) fn stream_names(conn: &str) -> [String; 2] {
    match conn {
        "conn" => ["reader".into(), "writer".into()],
        _ => [format!("{conn}_reader"), format!("{conn}_writer")],
    }
}

/// The connection a reader or writer name belongs to.
pub(super) fn conn_name(name: &str) -> String {
    stream(name).map(|(c, _)| c).unwrap_or_default()
}

/// `await obj.method()`: `obj`'s name.
fn awaited_method<'e>(s: Option<&'e py::Stmt>, method: &str) -> Option<&'e str> {
    let P::Expr(e) = &s?.kind else { return None };
    let E::Await(inner) = &e.kind else {
        return None;
    };
    local_name(method_call(inner, method)?)
}

/// `server.sockets[0].getsockname()`: the server's name.
fn server_of(addr: &py::Expr) -> Option<&str> {
    let socks = method_call(addr, "getsockname")?;
    let E::Subscript(socks, i) = &socks.kind else {
        return None;
    };
    match &socks.kind {
        E::Attr(server, a)
            if &**a == "sockets" && matches!(&i.kind, E::Literal(Literal::Int(0))) =>
        {
            local_name(server)
        }
        _ => None,
    }
}

/// The terms of `a + b + ...`, in order: texts, as the `+ "\n"` after them
/// says (Python adds a string only to a string).
fn added<'e>(e: &'e py::Expr, out: &mut Vec<&'e py::Expr>) {
    match &e.kind {
        E::BinOp(BinOp::Add, a, b) => {
            added(a, out);
            added(b, out);
        }
        _ => out.push(e),
    }
}

/// The text of a send, without its line break: the value a `send` statement writes.
fn unline(mut parts: Vec<Part>, span: &Range<usize>) -> Option<Expr> {
    let Some(Part::Text(last)) = parts.last_mut() else {
        return None;
    };
    last.strip_suffix('\n')?;
    last.pop();
    if last.is_empty() && parts.len() > 1 {
        parts.pop();
    }
    if let [Part::Hole(e)] = parts.as_slice() {
        return Some(e.clone());
    }
    Some(template_expr(
        crate::render::plan::ir::expr::Template { parts },
        span,
    ))
}

impl Planner<'_> {
    /// `writer.write(...)` then `await writer.drain()`: a send;
    /// `x.close()` then `await x.wait_closed()`: a close.
    pub(super) fn stream_stmt(
        &self,
        sc: &Scope,
        s: &py::Stmt,
        v: &str,
        method: &str,
        args: &[Arg],
        next: Option<&py::Stmt>,
    ) -> Result<Step> {
        self.own_stream(sc, v, &s.span)?;
        if method == "write" {
            if let Some((conn, true)) = stream(v)
                && let Some(x) = one_arg(args)
                && awaited_method(next, "drain") == Some(v)
                && let Some(value) = self.line_value(sc, x)?
                && let Some(next) = next
            {
                return pair(s, next, StmtKind::Send { conn, value });
            }
            return refuse(
                &s.span,
                "this `write`",
                "the Rust listing sends a line as `writer.write(f\"...\\n\".encode())` \
                 followed by `await writer.drain()`",
            );
        }
        if args.is_empty()
            && awaited_method(next, "wait_closed") == Some(v)
            && let Some(next) = next
        {
            let target = match stream(v) {
                Some((conn, true)) => conn,
                _ => v.to_string(),
            };
            return pair(s, next, StmtKind::Close { target });
        }
        refuse(
            &s.span,
            "this `close()`",
            "the Rust listing closes a writer or server as `x.close()` followed by \
             `await x.wait_closed()`",
        )
    }

    /// What a send writes: `f"...\n".encode()`, `"...\n".encode()`,
    /// `(x + "\n").encode()`, `x.encode() + b"\n"` or `b"...\n"` (ASCII), less
    /// the line break.
    pub(super) fn line_value(&self, sc: &Scope, x: &py::Expr) -> Result<Option<Expr>> {
        if let E::Literal(Literal::Bytes(b)) = &x.kind
            && let Ok(text) = std::str::from_utf8(b)
            && text.is_ascii()
        {
            let mut parts = Vec::new();
            push_text(&mut parts, text);
            return Ok(unline(parts, &x.span));
        }
        // `text.encode() + b"\n"`
        if let E::BinOp(BinOp::Add, a, b) = &x.kind
            && matches!(&b.kind, E::Literal(Literal::Bytes(n)) if &**n == b"\n")
            && let Some(text) = method_call(a, "encode")
        {
            return Ok(Some(self.expr(sc, text)?));
        }
        let Some(text) = method_call(x, "encode") else {
            return Ok(None);
        };
        if let E::BinOp(BinOp::Add, a, b) = &text.kind
            && matches!(&b.kind, E::Literal(Literal::Str(s)) if &**s == "\n")
        {
            // `("echo: " + text + "\n").encode()`: one template of the texts.
            let mut terms = Vec::new();
            added(a, &mut terms);
            if terms.len() == 1 {
                return Ok(Some(self.expr(sc, a)?));
            }
            let mut parts = Vec::new();
            for t in terms {
                match &t.kind {
                    E::Literal(Literal::Str(s)) => push_text(&mut parts, s),
                    _ => parts.push(Part::Hole(self.expr(sc, t)?)),
                }
            }
            let t = crate::render::plan::ir::expr::Template { parts };
            return Ok(Some(template_expr(t, &a.span)));
        }
        let e = self.expr(sc, text)?;
        let parts = match e.kind {
            ExprKind::Lit(Value::Str(s)) => {
                let mut parts = Vec::new();
                push_text(&mut parts, &s);
                parts
            }
            ExprKind::Template(t) => t.parts,
            _ => return Ok(None),
        };
        Ok(unline(parts, &e.span))
    }

    /// `reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())`.
    /// `reader, writer = await asyncio.open_connection("127.0.0.1", port)`
    /// with a `port` read from the server (see [`Self::server_port`]).
    pub(super) fn connect(
        &self,
        sc: &Scope,
        items: &[Target],
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let E::Await(inner) = &value.kind else {
            return Ok(None);
        };
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "open_connection") {
            return Ok(None);
        }
        let (server, port) = match args.as_slice() {
            [Arg::Star(addr)] => (server_of(addr), false),
            [Arg::Positional(host), Arg::Positional(port)] if matches!(&host.kind, E::Literal(Literal::Str(h)) if &**h == "127.0.0.1") =>
            {
                match local_name(port) {
                    // A port the listing does not keep: the server's address.
                    Some(p) if let Some((_, server)) = sc.ports.iter().find(|(n, _)| n == p) => {
                        (Some(server.as_str()), false)
                    }
                    // A port kept in a variable or given as an argument
                    // (`rust::tcp` checks that it is a server's port).
                    p => (p, true),
                }
            }
            _ => (None, false),
        };
        let names: Vec<&str> = items
            .iter()
            .filter_map(|t| match t {
                Target::Name(n) => Some(&**n.ident()),
                _ => None,
            })
            .collect();
        match (server, names.as_slice()) {
            (Some(server), [r, w])
                if stream(r).is_some_and(|(c, wr)| !wr && c == conn_name(w))
                    && stream(w).is_some_and(|(_, wr)| wr) =>
            {
                Ok(Some(StmtKind::Connect {
                    server: server.to_string(),
                    into: conn_name(r),
                    port,
                }))
            }
            _ => refuse(
                &value.span,
                "this `open_connection`",
                "the Rust listing connects to a server of the program: \
                 `reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())`, \
                 or `asyncio.open_connection(\"127.0.0.1\", port)` of its port",
            ),
        }
    }

    /// `port = server.sockets[0].getsockname()[1]` of a server the function
    /// started, which only `open_connection("127.0.0.1", port)` reads: no
    /// statement, the connection goes to the server's address. Read
    /// otherwise, the port is kept: `server.port()`.
    pub(super) fn server_port(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<Step>> {
        let E::Subscript(addr, i) = &value.kind else {
            return Ok(None);
        };
        let Some(server) = server_of(addr) else {
            return Ok(None);
        };
        // The program's lines without their comments.
        let code: Vec<&str> = self
            .program
            .source
            .lines()
            .map(|l| l.split_once('#').map_or(l, |(c, _)| c))
            .collect();
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let reads: usize = code
            .iter()
            .map(|l| {
                l.match_indices(var)
                    .filter(|(at, _)| {
                        !l[..*at].ends_with(word) && !l[at + var.len()..].starts_with(word)
                    })
                    .count()
            })
            .sum();
        let connect = format!("open_connection(\"127.0.0.1\", {var})");
        let connects: usize = code.iter().map(|l| l.matches(&connect).count()).sum();
        if matches!(&i.kind, E::Literal(Literal::Int(1))) && (reads != 2 || connects != 1) {
            let server = server.to_string();
            let into = var.to_string();
            return super::stmt::one(s, StmtKind::Port { server, into }).map(Some);
        }
        if !matches!(&i.kind, E::Literal(Literal::Int(1))) {
            return refuse(
                &value.span,
                "this address of a server",
                "the Rust listing reads a server's port as \
                 `port = server.sockets[0].getsockname()[1]`, or connects to it with \
                 `asyncio.open_connection(*server.sockets[0].getsockname())`",
            );
        }
        sc.ports.push((var.to_string(), server.to_string()));
        Ok(Some((None, 1)))
    }

    /// `(await reader.readline()).decode().strip()`: the connection.
    pub(super) fn receive(&self, sc: &Scope, value: &py::Expr) -> Result<Option<String>> {
        let Some(awaited) = method_call(value, "strip").and_then(|d| method_call(d, "decode"))
        else {
            return Ok(None);
        };
        self.receive_whole(sc, awaited)
    }

    /// Refuses a reader or writer that is not one of the function's own
    /// connections (opened here, or given to the handler).
    fn own_stream(&self, sc: &Scope, name: &str, span: &Range<usize>) -> Result<()> {
        if stream(name).is_none() || sc.streams.iter().any(|s| s == name) {
            return Ok(());
        }
        refuse(
            span,
            "this stream of a connection",
            "the Rust listing keeps a connection (its `reader` and `writer` both) in the \
             function that opens it or the handler given it, which sends, receives and \
             closes through it: move the exchange into that function",
        )
    }
}

impl Planner<'_> {
    /// `await reader.readline()`: the connection, for a line received whole.
    pub(super) fn receive_whole(&self, sc: &Scope, value: &py::Expr) -> Result<Option<String>> {
        let E::Await(line) = &value.kind else {
            return Ok(None);
        };
        let Some(reader) = method_call(line, "readline").and_then(local_name) else {
            return Ok(None);
        };
        match stream(reader) {
            Some((conn, false)) => {
                self.own_stream(sc, reader, &line.span)?;
                Ok(Some(conn))
            }
            _ => Ok(None),
        }
    }

    /// A read of a line received whole (see [`Self::receive_whole`]): the
    /// listing holds the text it decodes to, so `line.decode()` is the line
    /// and `not line` tests it; any other read is refused, as the bytes
    /// themselves are not kept.
    pub(super) fn line_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let E::Name(n) = &e.kind
            && sc.streams.iter().any(|s| s == &**n.ident())
        {
            return refuse(
                &e.span,
                "this stream of a connection",
                "the Rust listing keeps a connection (its `reader` and `writer` both) in the \
                 function that opens it or the handler given it, which sends, receives and \
                 closes through it: move the exchange into that function",
            );
        }
        if sc.lines.is_empty() {
            return Ok(None);
        }
        let line = |x: &py::Expr| -> Result<Option<Expr>> {
            let E::Name(n) = &x.kind else {
                return Ok(None);
            };
            if !sc.lines.iter().any(|l| l == &**n.ident()) {
                return Ok(None);
            }
            Ok(Some(Expr {
                kind: ExprKind::Var(self.var(sc, n, &x.span)?),
                span: x.span.clone(),
            }))
        };
        if let Some(x) = method_call(e, "decode")
            && let Some(v) = line(x)?
        {
            return Ok(Some(v.kind));
        }
        if let E::UnaryOp(py::UnaryOp::Not, x) = &e.kind
            && let Some(v) = line(x)?
        {
            return Ok(Some(super::bool_ops::not(v)));
        }
        if line(e)?.is_some() {
            return refuse(
                &e.span,
                "this line of bytes",
                "the Rust listing keeps a line read by `await reader.readline()` as the text \
                 it decodes to (a `String` with its line break), which the program may test \
                 (`if not line:`), decode (`line.decode()`) and print: to work on the text, \
                 read it from `line.decode()`",
            );
        }
        Ok(None)
    }
}

impl Planner<'_> {
    /// A line received whole, printed or in an f-string's hole: Python
    /// shows its bytes' `repr`, `b'...'` (see [`Builtin::Bytes`]).
    ///
    /// [`Builtin::Bytes`]: crate::render::plan::ir::expr::Builtin::Bytes
    pub(super) fn shown_line(&self, sc: &Scope, e: &py::Expr) -> Result<Option<Expr>> {
        let E::Name(n) = &e.kind else {
            return Ok(None);
        };
        if !sc.lines.iter().any(|l| l == &**n.ident()) {
            return Ok(None);
        }
        let line = Expr {
            kind: ExprKind::Var(self.var(sc, n, &e.span)?),
            span: e.span.clone(),
        };
        Ok(Some(Expr {
            kind: ExprKind::Call(crate::render::plan::ir::expr::Builtin::Bytes, vec![line]),
            span: e.span.clone(),
        }))
    }
}

impl Planner<'_> {
    /// The test of an `if` or `while`: a line received whole tests its
    /// text, empty only at the end of the stream, as its bytes are.
    pub(super) fn test_expr(&self, sc: &Scope, test: &py::Expr) -> Result<Expr> {
        if let E::Name(n) = &test.kind
            && sc.lines.iter().any(|l| l == &**n.ident())
        {
            return Ok(Expr {
                kind: ExprKind::Var(self.var(sc, n, &test.span)?),
                span: test.span.clone(),
            });
        }
        self.expr(sc, test)
    }
}
