//! Terminal setup and restore: raw mode, alternate screen, mouse capture.
//! Restored by a Drop guard and by a panic hook; signals reach the UI loop
//! through [`super::input`], which also restores the terminal itself if the
//! loop does not end soon after one.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// The screen is in UI mode: nothing may be printed over it.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() {
    ACTIVE.store(false, Ordering::SeqCst);
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Puts the terminal in UI mode again after [`restore`] (an editor had it).
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// The terminal in UI mode; restores it when dropped.
pub struct Guard {
    /// Always `Some` until dropped.
    terminal: Option<Terminal<CrosstermBackend<Stdout>>>,
}

impl Guard {
    pub fn new() -> io::Result<Guard> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            // Only a panic of the UI thread ends the UI, and the terminal is
            // restored before its report is printed. Another thread's panic
            // (a demo's, caught and shown as a failed run) is not printed
            // over the screen.
            let ui_thread = std::thread::current().id();
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if std::thread::current().id() == ui_thread {
                    restore();
                } else if ACTIVE.load(Ordering::SeqCst) {
                    return;
                }
                previous(info);
            }));
        });
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
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
            terminal: Some(terminal),
        })
    }

    /// The ratatui terminal to draw on.
    pub fn terminal(&mut self) -> &mut Terminal<CrosstermBackend<Stdout>> {
        self.terminal
            .as_mut()
            .expect("the terminal lives as long as the guard")
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        if let Some(mut terminal) = self.terminal.take()
            && terminal.show_cursor().is_err()
        {
            // The terminal is gone. Dropped, ratatui's `Terminal` would try
            // to show the cursor again and print the failure to stderr,
            // which is the same dead terminal: printing there panics.
            std::mem::forget(terminal);
        }
    }
}
