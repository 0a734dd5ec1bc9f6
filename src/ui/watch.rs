//! Reloads a lesson when its files change on disk, saved from any editor.
//! The folder holding the lesson is watched, not the files: editors often
//! save by writing a new file and renaming it over the old one.

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};

/// A watch on a lesson's files.
pub struct Watch {
    _watcher: RecommendedWatcher,
    changes: Receiver<()>,
}

impl Watch {
    /// Watches the files of the lesson or program at `file`: the file
    /// itself and, for a lesson (`.toml`), the demo and Rust listing
    /// beside it. `None` when `file` is not a file on disk (a built-in
    /// lesson) or cannot be watched.
    pub fn start(file: &Path) -> Option<Watch> {
        if !file.is_file() {
            return None;
        }
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let name: OsString = file.file_name()?.to_owned();
        let lesson = file.extension().is_some_and(|e| e == "toml");
        let (tx, changes) = channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if matches!(event.kind, EventKind::Access(_)) {
                    return;
                }
                let ours = event.paths.iter().any(|p| {
                    p.file_name() == Some(name.as_os_str())
                        || lesson && p.extension().is_some_and(|e| e == "py" || e == "rs")
                });
                if ours {
                    let _ = tx.send(());
                }
            })
            .ok()?;
        watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
        Some(Watch {
            _watcher: watcher,
            changes,
        })
    }

    /// Whether a file of the lesson changed since the last call.
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.changes.try_recv().is_ok() {
            any = true;
        }
        any
    }
}
