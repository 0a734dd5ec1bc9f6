//! A connection's two ends: `StreamReader` and `StreamWriter` over one
//! loopback socket.

use super::{Done, SocketSlot, os_error, take_socket};

use crate::engine::events::WaitOn;
use crate::engine::py::types::exc::{PyResult, type_error};
use crate::engine::py::types::native::{Args, Native, Step};
use crate::engine::py::types::value::Value;
use crate::engine::py::vm::interp::{Frame, Interp};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

/// One end of a connection, shared by its reader and writer.
pub(super) struct Conn {
    reader: tokio::sync::Mutex<tokio::io::BufReader<tokio::net::tcp::OwnedReadHalf>>,
    pub(super) writer: RefCell<Option<std::net::TcpStream>>,
    _write_half: tokio::net::tcp::OwnedWriteHalf,
    pub(super) closing: Cell<bool>,
    _slot: SocketSlot,
    /// The real ports of its two ends.
    local: u16,
    peer: u16,
}

impl Conn {
    /// Takes a socket slot for a connected stream, split for reading
    /// and writing.
    pub(super) fn new(ix: &Interp, stream: tokio::net::TcpStream) -> PyResult<Rc<Conn>> {
        let slot = take_socket(ix)?;
        let local = stream.local_addr().map_err(os_error)?.port();
        let peer = stream.peer_addr().map_err(os_error)?.port();
        let std_stream = stream.into_std().map_err(os_error)?;
        let writer = std_stream.try_clone().map_err(os_error)?;
        let stream = tokio::net::TcpStream::from_std(std_stream).map_err(os_error)?;
        let (read, write) = stream.into_split();
        Ok(Rc::new(Conn {
            reader: tokio::sync::Mutex::new(tokio::io::BufReader::new(read)),
            writer: RefCell::new(Some(writer)),
            _write_half: write,
            closing: Cell::new(false),
            _slot: slot,
            local,
            peer,
        }))
    }

    /// Its `(reader, writer)` pair.
    pub(super) fn ends(self: &Rc<Self>) -> (Value, Value) {
        (
            Value::Native(Rc::new(Reader { conn: self.clone() })),
            Value::Native(Rc::new(Writer { conn: self.clone() })),
        )
    }
}

/// `asyncio.StreamReader`.
struct Reader {
    conn: Rc<Conn>,
}

impl Native for Reader {
    fn type_name(&self) -> &str {
        "StreamReader"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "readline" | "read")
    }

    fn call_method(
        self: Rc<Self>,
        _ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        args: Args,
    ) -> Option<PyResult<Value>> {
        let n = match args.pos.first() {
            Some(Value::Int(n)) => *n,
            _ => -1,
        };
        let op = match name {
            "readline" => ReadOp::Line,
            "read" => ReadOp::Bytes(n),
            _ => return None,
        };
        Some(Ok(Value::Native(Rc::new(Read {
            conn: self.conn.clone(),
            op,
        }))))
    }
}

/// Bytes one read takes from a stream at most (CPython's stream buffer).
const CHUNK: usize = 1 << 16;

enum ReadOp {
    Line,
    /// Up to this many bytes; -1 reads to the end of the stream.
    Bytes(i64),
}

/// A pending read: `await reader.readline()`.
struct Read {
    conn: Rc<Conn>,
    op: ReadOp,
}

impl Native for Read {
    fn type_name(&self) -> &str {
        "coroutine"
    }

    fn await_on<'a>(self: Rc<Self>, ix: &'a Rc<Interp>, cx: &'a Frame) -> Option<Step<'a>> {
        Some(Box::pin(async move {
            use tokio::io::{AsyncBufReadExt, AsyncReadExt};
            ix.shared.set_waiting(
                cx.lane.get(),
                WaitOn::Io(Arc::from("data on the stream")),
                Some(cx.stmt.get()),
            );
            let conn = self.conn.clone();
            let read = async move {
                let mut reader = conn.reader.lock().await;
                let mut buf = Vec::new();
                let r = match self.op {
                    ReadOp::Line => reader.read_until(b'\n', &mut buf).await.map(|_| ()),
                    ReadOp::Bytes(n) if n < 0 => {
                        // To the end, a chunk at a time: the bytes count
                        // against the run's budgets as they arrive.
                        let mut chunk = vec![0; CHUNK];
                        loop {
                            match reader.read(&mut chunk).await {
                                Ok(0) => break Ok(()),
                                Ok(got) => {
                                    crate::engine::py::types::ops::check_bytes(buf.len() + got)?;
                                    crate::engine::budget::reserve(got)?;
                                    buf.extend_from_slice(&chunk[..got]);
                                }
                                Err(e) => break Err(e),
                            }
                        }
                    }
                    ReadOp::Bytes(n) => {
                        // What is there, up to n: no n-byte buffer is made.
                        buf.resize((n as usize).min(CHUNK), 0);
                        reader.read(&mut buf).await.map(|got| buf.truncate(got))
                    }
                };
                match r {
                    Ok(()) => Ok(buf),
                    // A peer that closed with unread data resets the
                    // connection: the end of the stream, as a demo sees it.
                    Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(buf),
                    Err(e) => Err(os_error(e)),
                }
            };
            let bytes = ix.suspend(cx, None, read).await??;
            Ok(Value::Bytes(Rc::from(bytes)))
        }))
    }
}

/// `asyncio.StreamWriter`.
struct Writer {
    conn: Rc<Conn>,
}

impl Native for Writer {
    fn type_name(&self) -> &str {
        "StreamWriter"
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "write"
                | "drain"
                | "close"
                | "wait_closed"
                | "is_closing"
                | "writelines"
                | "get_extra_info"
        )
    }

    fn call_method(
        self: Rc<Self>,
        ix: &Rc<Interp>,
        _cx: &Frame,
        name: &str,
        mut args: Args,
    ) -> Option<PyResult<Value>> {
        Some(match name {
            "get_extra_info" => {
                let default = args
                    .take_kw("default")
                    .or_else(|| (args.pos.len() > 1).then(|| args.pos.remove(1)))
                    .unwrap_or(Value::None);
                let real = match args.pos.first() {
                    Some(Value::Str(k)) if &**k == "peername" => self.conn.peer,
                    Some(Value::Str(k)) if &**k == "sockname" => self.conn.local,
                    _ => return Some(Ok(default)),
                };
                let port = ix.ports.borrow_mut().shown_port(real);
                Ok(Value::tuple(vec![
                    Value::str("127.0.0.1"),
                    Value::Int(port as i64),
                ]))
            }
            "write" => {
                let Some(Value::Bytes(data)) = args.pos.first() else {
                    return Some(Err(type_error(format!(
                        "data argument must be a bytes-like object, not '{}'",
                        args.pos.first().map_or("NoneType", |v| v.type_name())
                    ))));
                };
                use std::io::Write;
                let mut w = self.conn.writer.borrow_mut();
                match w.as_mut() {
                    Some(w) => w.write_all(data).map(|_| Value::None).map_err(os_error),
                    // asyncio ignores writes after close (it logs a warning).
                    None => Ok(Value::None),
                }
            }
            "drain" | "wait_closed" => Ok(Value::Native(Rc::new(Done))),
            "close" => {
                self.conn.closing.set(true);
                if let Some(w) = self.conn.writer.borrow_mut().take() {
                    let _ = w.shutdown(std::net::Shutdown::Write);
                }
                Ok(Value::None)
            }
            "is_closing" => Ok(Value::Bool(self.conn.closing.get())),
            _ => return None,
        })
    }
}
