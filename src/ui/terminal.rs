//! Terminal setup and restore: raw mode, alternate screen, mouse capture.
//! Restored by a Drop guard, by a panic hook, and on Ctrl-C (a key in raw
//! mode) and SIGTERM (a flag the main loop checks).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::AtomicBool;

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// The terminal in UI mode; restores it when dropped.
pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// Set by SIGTERM, SIGINT or SIGHUP.
    pub signalled: Arc<AtomicBool>,
}

impl Guard {
    pub fn new() -> io::Result<Guard> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            // Only a panic of the UI thread ends the UI; the demo thread's
            // panics are caught and reported as a failed run.
            let ui_thread = std::thread::current().id();
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if std::thread::current().id() == ui_thread {
                    restore();
                }
                previous(info);
            }));
        });
        let signalled = Arc::new(AtomicBool::new(false));
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register(sig, signalled.clone())?;
        }
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Guard {
            terminal,
            signalled,
        })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
