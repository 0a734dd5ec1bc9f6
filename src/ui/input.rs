//! The UI's input: terminal events, the signals that end the UI, and the
//! terminal going away, as one stream of [`Input`]s read by the UI thread.
//!
//! Three threads feed it, so the UI thread only ever waits on a channel:
//!
//! - a reader calls `crossterm::event::read` and forwards each event, or the
//!   error that ends reading;
//! - a hang-up watcher blocks in `poll(2)` on the terminal asking for no
//!   events at all, so it wakes only on `POLLHUP`/`POLLERR`: the window was
//!   closed, `tmux kill-session`, a dropped SSH connection. Crossterm reads
//!   the end-of-file of a hung-up terminal in a loop that never returns, so
//!   the reader cannot be relied on to notice;
//! - a signal watcher forwards SIGTERM, SIGINT and SIGHUP. If the UI has not
//!   finished [`GRACE`] after one (whatever it is stuck in), the watcher
//!   restores the terminal and exits the process with `128 + signal`.

use crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec};
use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the reader waits on the terminal before looking whether it
/// should let go of it (see [`TermInput::pause`]).
pub const READ_SLICE: Duration = Duration::from_millis(50);

/// How long the UI has to end by itself after a signal before the process
/// is ended for it.
pub const GRACE: Duration = Duration::from_secs(2);

/// What the UI thread is told.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event.
    Term(Event),
    /// SIGTERM, SIGINT or SIGHUP arrived (its number).
    Signal(i32),
    /// The terminal can no longer be read: hung up, or a read error.
    Gone(String),
}

/// What `poll(2)` says about a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Hung up or in error: it will never be read again.
    HungUp,
    /// Nothing happened within the time given.
    Quiet,
    /// The other descriptor (a stop signal) became readable or closed.
    Stopped,
    /// This descriptor cannot be polled (macOS cannot poll a tty device).
    Unsupported,
}

/// Waits up to `timeout` (`None`: forever) for `tty` to hang up, or for
/// `stop` to become readable. Asks for no input events, so bytes waiting
/// to be read do not wake it.
pub fn watch_hang_up(
    tty: BorrowedFd<'_>,
    stop: Option<BorrowedFd<'_>>,
    timeout: Option<Duration>,
) -> Probe {
    // A timeout too long for a timespec waits forever.
    let timeout = timeout.and_then(|t| Timespec::try_from(t).ok());
    loop {
        let mut fds = vec![PollFd::from_borrowed_fd(tty, PollFlags::empty())];
        if let Some(stop) = stop {
            fds.push(PollFd::from_borrowed_fd(stop, PollFlags::IN));
        }
        match rustix::event::poll(&mut fds, timeout.as_ref()) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return Probe::Unsupported,
        }
        let tty = fds[0].revents();
        if tty.contains(PollFlags::NVAL) {
            return Probe::Unsupported;
        }
        if tty.intersects(PollFlags::HUP | PollFlags::ERR) {
            return Probe::HungUp;
        }
        if fds.get(1).is_some_and(|s| !s.revents().is_empty()) {
            return Probe::Stopped;
        }
        return Probe::Quiet;
    }
}

/// The input threads; dropping it tells the signal watcher the UI is over.
pub struct TermInput {
    rx: Receiver<Input>,
    /// Set while another program (an editor) has the terminal: the reader
    /// stops reading it.
    paused: Arc<AtomicBool>,
    /// Set by the reader while it waits on the terminal.
    reading: Arc<AtomicBool>,
    /// A descriptor of the terminal, for [`TermInput::hung_up`].
    tty: Option<OwnedFd>,
    signals: signal_hook::iterator::Handle,
    /// Closed on drop: ends the hang-up watcher and the signal grace wait.
    _stop: UnixStream,
}

impl TermInput {
    /// Starts the threads. Call before the terminal enters raw mode, so a
    /// signal is never missed while the terminal is in UI mode.
    pub fn start() -> io::Result<TermInput> {
        let (tx, rx) = mpsc::channel();
        let (stop, stop_rx) = UnixStream::pair()?;
        let tty = open_tty().ok();

        let signals = signal_watcher(tx.clone(), stop_rx.try_clone()?, force_exit)?;

        if let Some(fd) = tty.as_ref().map(OwnedFd::try_clone).transpose()? {
            let tx = tx.clone();
            let stop_rx = stop_rx.try_clone()?;
            std::thread::Builder::new()
                .name("hang-up watcher".into())
                .spawn(move || {
                    if watch_hang_up(fd.as_fd(), Some(stop_rx.as_fd()), None) == Probe::HungUp {
                        let _ = tx.send(Input::Gone("the terminal hung up".into()));
                    }
                })?;
        }

        let (ready_tx, ready) = mpsc::channel();
        let paused = Arc::new(AtomicBool::new(false));
        let reading = Arc::new(AtomicBool::new(false));
        let (pause, read) = (paused.clone(), reading.clone());
        std::thread::Builder::new()
            .name("terminal reader".into())
            .spawn(move || {
                // Crossterm starts watching for resizes (SIGWINCH) when first
                // asked for events; before the UI draws, so none is missed.
                let _ = crossterm::event::poll(Duration::ZERO);
                let _ = ready_tx.send(());
                loop {
                    // Paused: the keys are another program's.
                    read.store(!pause.load(Ordering::SeqCst), Ordering::SeqCst);
                    if pause.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                    let input = match crossterm::event::poll(READ_SLICE) {
                        Ok(false) => continue,
                        Ok(true) => match crossterm::event::read() {
                            Ok(event) => Input::Term(event),
                            Err(e) => Input::Gone(format!("cannot read the terminal: {e}")),
                        },
                        Err(e) => Input::Gone(format!("cannot read the terminal: {e}")),
                    };
                    let gone = matches!(input, Input::Gone(_));
                    if tx.send(input).is_err() || gone {
                        return;
                    }
                }
            })?;
        // Bounded: on a terminal hung up already, the poll above never
        // returns, and the hang-up watcher ends the UI.
        let _ = ready.recv_timeout(Duration::from_secs(1));

        Ok(TermInput {
            rx,
            paused,
            reading,
            tty,
            signals,
            _stop: stop,
        })
    }

    /// The next input, waiting up to `wait`; `None` if there was none.
    pub fn next(&self, wait: Duration) -> Option<Input> {
        match self.rx.recv_timeout(wait) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Gone("terminal input ended".into())),
        }
    }

    /// Stops reading the terminal, for another program to use it; returns
    /// once the reader has let go (at most a [`READ_SLICE`] later).
    pub fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        let start = std::time::Instant::now();
        while self.reading.load(Ordering::SeqCst) && start.elapsed() < READ_SLICE * 4 {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Reads the terminal again after [`TermInput::pause`].
    pub fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }

    /// Whether the terminal has hung up (checked now, without waiting).
    pub fn hung_up(&self) -> bool {
        self.tty
            .as_ref()
            .is_some_and(|t| watch_hang_up(t.as_fd(), None, Some(Duration::ZERO)) == Probe::HungUp)
    }
}

impl Drop for TermInput {
    fn drop(&mut self) {
        self.signals.close();
    }
}

/// The terminal crossterm reads: standard input if it is one, or `/dev/tty`.
fn open_tty() -> io::Result<OwnedFd> {
    use std::io::IsTerminal;
    if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned()
    } else {
        Ok(std::fs::File::open("/dev/tty")?.into())
    }
}

/// Forwards the first SIGTERM, SIGINT or SIGHUP, then waits [`GRACE`] for
/// `stop` to be closed or written (the UI ended); if it is not, calls
/// `too_late` with the signal.
fn signal_watcher(
    tx: Sender<Input>,
    stop: UnixStream,
    too_late: impl FnOnce(i32) + Send + 'static,
) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("signal watcher".into())
        .spawn(move || {
            let Some(signal) = signals.forever().next() else {
                return;
            };
            let _ = tx.send(Input::Signal(signal));
            let _ = stop.set_read_timeout(Some(GRACE));
            loop {
                match io::Read::read(&mut &stop, &mut [0u8]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    // Closed or written: the UI ended by itself.
                    Ok(_) => return,
                    Err(_) => return too_late(signal),
                }
            }
        })?;
    Ok(handle)
}

/// Restores the terminal and exits with `128 + signal`. The restoring
/// happens on a thread of its own and is not waited for long: the
/// terminal may be what the UI is stuck writing to.
fn force_exit(signal: i32) {
    let (restored, done) = mpsc::channel();
    let _ = std::thread::Builder::new()
        .name("restore".into())
        .spawn(move || {
            super::terminal::restore();
            let _ = restored.send(());
        });
    let _ = done.recv_timeout(Duration::from_millis(500));
    std::process::exit(128 + signal);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_writer_is_a_hang_up_and_waiting_bytes_are_not() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let reader: OwnedFd = reader.into();
        let short = Some(Duration::from_millis(20));
        assert_eq!(watch_hang_up(reader.as_fd(), None, short), Probe::Quiet);
        io::Write::write_all(&mut writer, b"q").unwrap();
        assert_eq!(watch_hang_up(reader.as_fd(), None, short), Probe::Quiet);
        drop(writer);
        let generous = Some(Duration::from_secs(10));
        assert_eq!(watch_hang_up(reader.as_fd(), None, generous), Probe::HungUp);
    }

    #[test]
    fn closing_the_stop_end_wakes_the_watcher() {
        let (reader, _writer) = std::io::pipe().unwrap();
        let reader: OwnedFd = reader.into();
        let (stop, stop_rx) = UnixStream::pair().unwrap();
        let watcher = std::thread::spawn(move || {
            watch_hang_up(
                reader.as_fd(),
                Some(stop_rx.as_fd()),
                Some(Duration::from_secs(10)),
            )
        });
        drop(stop);
        assert_eq!(watcher.join().unwrap(), Probe::Stopped);
    }

    /// The signal reaches the UI at once; if the UI has not ended after
    /// [`GRACE`], the watcher acts for it; if it has, it does nothing.
    /// (One test: the signal is raised in this test process.)
    #[test]
    fn a_signal_is_forwarded_then_acted_on_if_the_ui_does_not_end() {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let generous = Duration::from_secs(10);

        let (tx, rx) = mpsc::channel();
        let (stop, stop_rx) = UnixStream::pair().unwrap();
        let (late_tx, late) = mpsc::channel();
        let handle = signal_watcher(tx, stop_rx, move |s| late_tx.send(s).unwrap()).unwrap();
        signal_hook::low_level::raise(SIGTERM).unwrap();
        assert!(matches!(
            rx.recv_timeout(generous),
            Ok(Input::Signal(SIGTERM))
        ));
        assert_eq!(late.recv_timeout(generous), Ok(SIGTERM));
        handle.close();
        drop(stop);

        let (tx, rx) = mpsc::channel();
        let (stop, stop_rx) = UnixStream::pair().unwrap();
        let (late_tx, late) = mpsc::channel();
        let handle = signal_watcher(tx, stop_rx, move |s| late_tx.send(s).unwrap()).unwrap();
        signal_hook::low_level::raise(SIGINT).unwrap();
        assert!(matches!(
            rx.recv_timeout(generous),
            Ok(Input::Signal(SIGINT))
        ));
        // The UI ends: the watcher returns without acting.
        drop(stop);
        assert_eq!(
            late.recv_timeout(generous),
            Err(mpsc::RecvTimeoutError::Disconnected)
        );
        handle.close();
    }
}
