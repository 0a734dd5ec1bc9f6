//! The learner's working file (`./asynclings-exercises/NN-topic.py`) and
//! the background grading of it.

use crate::practice::{Exercise, Graded};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// The file the learner edits for one exercise.
#[derive(Clone, Debug)]
pub struct WorkFile {
    pub path: PathBuf,
    /// The path as messages show it.
    pub shown: String,
    /// Whether this opening copied the starter (else the file was there).
    pub fresh: bool,
}

impl WorkFile {
    /// The working file of `ex` in `dir`: the starter is copied there
    /// unless a file of that name exists, which is never overwritten.
    pub fn prepare(dir: &Path, ex: &Exercise) -> Result<WorkFile, String> {
        let path = dir.join(format!("{}.py", ex.id));
        let shown = path.display().to_string();
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
        let fresh = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(ex.starter.as_bytes())
                    .map_err(|e| format!("cannot write {shown}: {e}"))?;
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
            Err(e) => return Err(format!("cannot write {shown}: {e}")),
        };
        Ok(WorkFile { path, shown, fresh })
    }

    /// What the status line says about the file.
    pub fn notice(&self) -> String {
        if self.fresh {
            format!(
                "the starter is copied to {}: edit it there (or press e)",
                self.shown
            )
        } else {
            format!(
                "your file {} is kept as it was: edit it there (or press e)",
                self.shown
            )
        }
    }

    /// The file's text now, or why it cannot be read.
    pub fn read(&self) -> Result<String, String> {
        crate::lesson::read_source_file(&self.path).map_err(|e| e.render(false))
    }
}

/// Grades on a thread of its own; only the latest request's grade is kept.
#[derive(Default)]
pub struct Grader {
    pending: Option<Receiver<Result<Graded, String>>>,
}

impl Grader {
    /// Grades `source` (read from `file`) against `ex`, replacing any grade
    /// still on its way.
    pub fn start(&mut self, ex: Exercise, file: String, source: String) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // The located one-line summary first: the report under it is
            // drawn for a wider screen and wraps in a narrow pane.
            let graded = ex.grade(&file, &source).map_err(|e| {
                let lines: Vec<String> = e.0.iter().map(|e| e.one_line()).collect();
                format!("{}\n\n{}", lines.join("\n"), e.render(false))
            });
            let _ = tx.send(graded);
        });
        self.pending = Some(rx);
    }

    /// The grade, once it is ready.
    pub fn take(&mut self) -> Option<Result<Graded, String>> {
        let result = self.pending.as_ref()?.try_recv().ok()?;
        self.pending = None;
        Some(result)
    }
}
