//! asyncio streams on loopback TCP: `start_server` and `open_connection`,
//! with `StreamReader`/`StreamWriter` (in `connection`) over real
//! `tokio::net` sockets.
//!
//! The sandbox: a demo may connect only to a server that the same run
//! started and that still listens. Any other port is refused before a
//! socket is made, and the run ends naming the rule (a port this run
//! listened on and has closed refuses the connection, as the system would).
//!
//! Writes go straight to the socket without yielding, as asyncio's
//! `writer.write()` buffers and `drain()` returns at once below the
//! high-water mark (a loopback socket takes a short message whole). Reads
//! wait on Tokio's I/O driver, which is polled before the paused clock
//! moves, so data already sent is read at the same virtual instant.

mod connection;

use crate::engine::events::WaitOn;
use crate::engine::py::types::exc;
use crate::engine::py::types::exc::{PyResult, error, type_error};
use crate::engine::py::types::native::{Args, Native, Step, downcast};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use connection::Conn;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Most sockets (servers and connection ends) a run may hold at once.
pub const MAX_SOCKETS: usize = 64;

fn os_error(e: std::io::Error) -> exc::Unwind {
    let class = match e.kind() {
        std::io::ErrorKind::ConnectionRefused => "ConnectionRefusedError",
        std::io::ErrorKind::ConnectionReset => "ConnectionResetError",
        std::io::ErrorKind::BrokenPipe => "BrokenPipeError",
        _ => "OSError",
    };
    error(class, e.to_string())
}

/// The ports of the servers a run started, as the demo names them.
///
/// A server asked for a fixed port (`start_server(cb, '127.0.0.1', 8888)`)
/// listens on a free port the system picks, and the demo sees the port it
/// asked for: its `getsockname()`, and `open_connection` to it, which
/// reaches the real one. So runs never collide on a port. A connection's
/// own end is numbered too: the run's connections get 49152, 49153, ...
/// (the start of the ephemeral range) in the order their address is first
/// asked for, where a real run shows a port the system picks.
#[derive(Default)]
pub struct Ports {
    listening: Vec<u16>,
    closed: Vec<u16>,
    /// The real port of each port the demo named.
    real: Vec<(u16, u16)>,
    /// The number given to each connection's end, by its real port.
    ends: Vec<(u16, u16)>,
    /// Sockets made so far, for the file descriptors asyncio's log shows.
    made: u32,
}

impl Ports {
    fn open(&mut self, port: u16, real: u16) {
        self.closed.retain(|&p| p != port);
        self.listening.push(port);
        self.real.retain(|&(p, _)| p != port);
        self.real.push((port, real));
    }

    fn close(&mut self, port: u16) {
        if let Some(i) = self.listening.iter().position(|&p| p == port) {
            self.listening.swap_remove(i);
            self.closed.push(port);
        }
    }

    fn real_port(&self, port: u16) -> u16 {
        self.real
            .iter()
            .find(|&&(p, _)| p == port)
            .map_or(port, |&(_, r)| r)
    }

    /// The port the demo sees for a real one: a server's, or a
    /// connection end's number.
    fn shown_port(&mut self, real: u16) -> u16 {
        if let Some(&(p, _)) = self.real.iter().find(|&&(_, r)| r == real) {
            return p;
        }
        if let Some(&(_, n)) = self.ends.iter().find(|&&(r, _)| r == real) {
            return n;
        }
        let n = 49152 + self.ends.len() as u16;
        self.ends.push((real, n));
        n
    }

    /// A file descriptor number for the next socket: CPython's loop holds
    /// 3 to 5 (its selector and self-pipe), so a demo's first is 6.
    fn next_fd(&mut self) -> u32 {
        self.made += 1;
        5 + self.made
    }
}

/// Checks, before any socket is made, that `port` is a server of this run
/// that still listens.
fn may_connect(ix: &Interp, port: u16) -> PyResult<()> {
    let ports = ix.ports.borrow();
    if ports.listening.contains(&port) {
        Ok(())
    } else if ports.closed.contains(&port) {
        Err(error(
            "ConnectionRefusedError",
            format!("[Errno 111] Connect call failed ('127.0.0.1', {port})"),
        ))
    } else {
        Err(exc::limit(format!(
            "open_connection to port {port} refused: a demo may connect only to a server \
             that it started with asyncio.start_server and that still listens (limit: sandbox)"
        )))
    }
}

/// Counts one more socket against the cap.
fn take_socket(ix: &Interp) -> PyResult<SocketSlot> {
    let n = ix.sockets.get();
    if n >= MAX_SOCKETS {
        return Err(exc::limit(format!(
            "the demo holds more than {MAX_SOCKETS} sockets at once (limit: sockets)"
        )));
    }
    ix.sockets.set(n + 1);
    Ok(SocketSlot(ix.rc()))
}

/// Gives a socket back to the cap when dropped.
struct SocketSlot(Rc<Interp>);

impl Drop for SocketSlot {
    fn drop(&mut self) {
        self.0.sockets.set(self.0.sockets.get().saturating_sub(1));
    }
}

/// `asyncio.start_server(...)` and `asyncio.open_connection(...)`: the
/// awaitables that open them.
pub fn call(_ix: &Interp, _f: &Frame, name: &str, mut args: Args) -> PyResult<Value> {
    let port = args.take_kw("port");
    let host = args.take_kw("host");
    let mut pos = args.pos.into_iter();
    match name {
        "asyncio.start_server" => {
            let handler = pos.next().ok_or_else(|| {
                type_error(
                    "start_server() missing 1 required positional argument: 'client_connected_cb'",
                )
            })?;
            let host = host.or_else(|| pos.next()).unwrap_or(Value::None);
            let port = port.or_else(|| pos.next()).unwrap_or(Value::Int(0));
            Ok(Value::Native(Rc::new(Opening::Server {
                handler,
                host,
                port,
            })))
        }
        _ => {
            let host = host.or_else(|| pos.next()).unwrap_or(Value::None);
            let port = port.or_else(|| pos.next()).unwrap_or(Value::None);
            Ok(Value::Native(Rc::new(Opening::Connection { host, port })))
        }
    }
}

/// Only loopback: a demo has no network access beyond its own machine.
fn loopback(host: &Value) -> PyResult<()> {
    match host {
        Value::Str(h) if &**h == "127.0.0.1" || &**h == "localhost" => Ok(()),
        Value::None => Ok(()),
        other => Err(error(
            "OSError",
            format!("a demo may only use 127.0.0.1, not {}", other.repr()),
        )),
    }
}

enum Opening {
    Server {
        handler: Value,
        host: Value,
        port: Value,
    },
    Connection {
        host: Value,
        port: Value,
    },
}

impl Native for Opening {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            match &*self {
                Opening::Server {
                    handler,
                    host,
                    port,
                } => {
                    loopback(host)?;
                    let asked = match port {
                        Value::Int(p) => u16::try_from(*p)
                            .map_err(|_| error("OverflowError", "bind(): port must be 0-65535."))?,
                        Value::None => 0,
                        other => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                other.type_name()
                            )));
                        }
                    };
                    if asked != 0 && ix.ports.borrow().listening.contains(&asked) {
                        return Err(error(
                            "OSError",
                            format!(
                                "[Errno 98] error while attempting to bind on address \
                                 ('127.0.0.1', {asked}): address already in use"
                            ),
                        ));
                    }
                    let slot = take_socket(ix)?;
                    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                        .await
                        .map_err(os_error)?;
                    let addr = listener.local_addr().map_err(os_error)?;
                    let port = if asked == 0 { addr.port() } else { asked };
                    ix.ports.borrow_mut().open(port, addr.port());
                    ix.ports.borrow_mut().next_fd();
                    let (lane, stmt) = (cx.lane.get(), cx.stmt.get());
                    let task = cx.task();
                    let server_ix = ix.clone();
                    let handler = handler.clone();
                    let accept = tokio::task::spawn_local(async move {
                        // asyncio's accept is a reader callback of the loop,
                        // not a task: it has no lane.
                        while let Ok((stream, _)) = listener.accept().await {
                            let Ok(conn) = Conn::new(&server_ix, stream) else {
                                continue;
                            };
                            let fd = server_ix.ports.borrow_mut().next_fd();
                            let frame = server_ix.root_frame(task.clone(), lane);
                            frame.stmt.set(stmt);
                            let (r, w) = conn.ends();
                            let Ok(coro) =
                                server_ix.call(&frame, &handler, Args::positional(vec![r, w]))
                            else {
                                break;
                            };
                            // Made by the loop's callback: no task is its parent.
                            let Ok(task) = server_ix.create_task_under(&frame, coro, None, None)
                            else {
                                break;
                            };
                            on_handler_done(&server_ix, &task, conn, fd);
                        }
                    });
                    Ok(Value::Native(Rc::new(Server {
                        port,
                        accept: RefCell::new(Some(accept)),
                        slot,
                        serving: RefCell::new(None),
                    })))
                }
                Opening::Connection { host, port } => {
                    loopback(host)?;
                    let Value::Int(port) = port else {
                        return Err(type_error("open_connection() needs a port number"));
                    };
                    let port = u16::try_from(*port)
                        .map_err(|_| error("OverflowError", "port must be 0-65535."))?;
                    may_connect(ix, port)?;
                    let real = ix.ports.borrow().real_port(port);
                    // The client's socket is made before the server accepts.
                    ix.ports.borrow_mut().next_fd();
                    ix.shared.set_waiting(
                        cx.lane.get(),
                        WaitOn::Io(Arc::from(format!("a connection to port {port}"))),
                        Some(cx.stmt.get()),
                    );
                    let stream = ix
                        .suspend(
                            cx,
                            None,
                            tokio::net::TcpStream::connect(("127.0.0.1", real)),
                        )
                        .await?
                        .map_err(os_error)?;
                    let conn = Conn::new(ix, stream)?;
                    let (r, w) = conn.ends();
                    Ok(Value::tuple(vec![r, w]))
                }
            }
        }))
    }
}

/// A listening server.
pub struct Server {
    /// The port the demo sees (see [`Ports`]).
    port: u16,
    accept: RefCell<Option<tokio::task::JoinHandle<()>>>,
    slot: SocketSlot,
    /// The future `serve_forever()` waits on, while it does.
    serving: RefCell<Option<Value>>,
}

impl Server {
    /// Stops listening: no later connection reaches this port; a
    /// `serve_forever()` in progress is cancelled.
    fn stop(&self) {
        if let Some(a) = self.accept.borrow_mut().take() {
            a.abort();
            self.slot.0.ports.borrow_mut().close(self.port);
        }
        if let Some(f) = self.serving.borrow_mut().take()
            && let Some(f) = downcast::<super::tasks::FutureObj>(&f)
        {
            super::tasks::Cancel::cancel(&*f);
        }
    }

    /// `await server.serve_forever()`: waits until cancelled, then closes
    /// the server.
    async fn serve_forever(self: Rc<Self>, ix: &Rc<Interp>, cx: &Frame) -> PyResult<Value> {
        if self.serving.borrow().is_some() {
            return Err(error(
                "RuntimeError",
                format!(
                    "server {} is already being awaited on serve_forever()",
                    self.repr()
                ),
            ));
        }
        if self.accept.borrow().is_none() {
            return Err(error(
                "RuntimeError",
                format!("server {} is closed", self.repr()),
            ));
        }
        let fut = super::tasks::new_future("serve_forever");
        *self.serving.borrow_mut() = Some(fut.clone());
        let r = ix.await_value(cx, fut).await;
        self.serving.borrow_mut().take();
        if matches!(&r, Err(exc::Unwind::Exc(e)) if exc::is_instance_of(e, "CancelledError")) {
            self.stop();
        }
        r
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

impl super::mixins::AsyncMethods for Server {
    fn qualname(&self, method: &str) -> String {
        format!("Server.{method}")
    }

    fn run<'a>(
        self: Rc<Self>,
        ix: &'a Rc<Interp>,
        cx: &'a Frame,
        method: &'static str,
        _args: Vec<Value>,
    ) -> Step<'a> {
        Box::pin(async move {
            match method {
                "serve_forever" => self.serve_forever(ix, cx).await,
                "__aenter__" => Ok(Value::Native(self)),
                "__aexit__" => {
                    self.stop();
                    Ok(Value::None)
                }
                _ => Ok(Value::None),
            }
        })
    }
}

impl Native for Server {
    fn type_name(&self) -> &str {
        "Server"
    }

    fn repr(&self) -> String {
        format!(
            "<Server sockets=(<asyncio.TransportSocket fd=6, family=2, type=1, proto=6, laddr=('127.0.0.1', {})>,)>",
            self.port
        )
    }

    fn attr(self: Rc<Self>, name: &str) -> Option<Value> {
        (name == "sockets")
            .then(|| Value::tuple(vec![Value::Native(Rc::new(Socket { port: self.port }))]))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "close"
                | "wait_closed"
                | "is_serving"
                | "serve_forever"
                | "start_serving"
                | "__aenter__"
                | "__aexit__"
        )
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        use super::mixins::MethodCoro;
        Some(match name {
            "close" => {
                self.stop();
                Ok(Value::None)
            }
            "is_serving" => Ok(Value::Bool(self.accept.borrow().is_some())),
            "wait_closed" | "start_serving" => Ok(Value::Native(Rc::new(Done))),
            "serve_forever" => Ok(MethodCoro::value(self, "serve_forever", vec![])),
            "__aenter__" => Ok(MethodCoro::value(self, "__aenter__", vec![])),
            "__aexit__" => Ok(MethodCoro::value(self, "__aexit__", vec![])),
            _ => return None,
        })
    }
}

/// A server's listening socket, for its address.
struct Socket {
    port: u16,
}

impl Native for Socket {
    fn type_name(&self) -> &str {
        "socket"
    }

    fn repr(&self) -> String {
        format!(
            "<asyncio.TransportSocket fd=6, family=2, type=1, proto=6, laddr=('127.0.0.1', {})>",
            self.port
        )
    }

    fn has_method(&self, name: &str) -> bool {
        name == "getsockname"
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        _args: Args,
    ) -> Option<PyResult<Value>> {
        (name == "getsockname").then(|| {
            Ok(Value::tuple(vec![
                Value::str("127.0.0.1"),
                Value::Int(self.port as i64),
            ]))
        })
    }
}

/// An awaitable that is done at once (`wait_closed()`, `drain()`).
struct Done;

impl Native for Done {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, _ix: &'a Rc<Interp>, _cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async { Ok(Value::None) }))
    }
}

/// CPython 3.11's `connection_made` callback: a handler that raises has
/// its exception logged as "Unhandled exception in client_connected_cb",
/// and its connection closed (the client reads the end of the stream).
fn on_handler_done(ix: &Rc<Interp>, task: &Rc<super::tasks::TaskObj>, conn: Rc<Conn>, fd: u32) {
    let ix = ix.clone();
    let t = task.clone();
    task.completion.on_done_unobserved(Box::new(move |r| {
        let super::tasks::Settled::Raised(e) = r else {
            return;
        };
        if exc::is_instance_of(e, "CancelledError") {
            return;
        }
        // `task.exception()` reads it: no "never retrieved" later.
        let _ = t.completion.result();
        let e = e.clone();
        let lane = t.lane;
        super::taskgroups::call_soon(move || {
            super::base_events::log(
                &ix,
                lane,
                format!(
                    "Unhandled exception in client_connected_cb\n\
                     transport: <_SelectorSocketTransport fd={fd} read=polling write=<idle, bufsize=0>>\n{}",
                    crate::engine::py::traceback(&ix.program, &e)
                ),
            );
            conn.closing.set(true);
            if let Some(w) = conn.writer.borrow_mut().take() {
                let _ = w.shutdown(std::net::Shutdown::Write);
            }
        });
    }));
}
