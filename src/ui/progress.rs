//! Which lessons are done, which was open last and the learner's quiz
//! predictions, kept in a small text file in the data directory
//! (`ASYNCLINGS_DATA_DIR` overrides it).
//!
//! One record per line: `version 1`, `last ID`, `done ID`, and
//! `quiz ID N PICK right|wrong` (quiz `N` of lesson `ID`, choice `PICK`,
//! both counted from 0); `#` starts a comment. Files written before the
//! `version` line existed read the same way.
//!
//! Nothing the file holds is lost:
//!
//! - each line stands alone, so a damaged line costs only its record;
//! - a line that is text but not a record this version knows (a newer
//!   version's record, a malformed one) is kept and written back as it was;
//! - a file that cannot be read, or holds bytes that are not UTF-8, is
//!   moved aside as `NAME.corrupt-<unix time>` before anything is written,
//!   the records that could be read are saved afresh, and
//!   [`Progress::notice`] says so. As for lesson files, only a regular
//!   file of at most [`MAX_BYTES`] is read: a named pipe (which would
//!   block), a device such as `/dev/zero` (which never ends) or a huge file
//!   counts as unreadable;
//! - a save writes a temporary file in the same folder and renames it over
//!   the old one, so a crash or a full disk never leaves half a file, and a
//!   failed save is kept in [`Progress::save_error`] for the status line;
//! - when the file is a symbolic link, the save goes through it to the
//!   file it names, and the link stays.

mod file;

use file::{move_aside, read_regular_file, save_to};
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

/// The format version written in the file.
pub const FORMAT: u32 = 1;

/// The largest progress file read: 1 MiB, tens of thousands of records.
pub const MAX_BYTES: u64 = 1 << 20;

/// The learner's prediction for one quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The chosen choice, from 0.
    pub picked: usize,
    /// Whether the run agreed.
    pub right: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: BTreeSet<String>,
    pub last: Option<String>,
    /// Predictions per lesson id, by quiz index.
    pub quizzes: BTreeMap<String, BTreeMap<usize, Prediction>>,
    /// Where it is saved; `None` keeps it in memory only.
    pub path: Option<PathBuf>,
    /// Lines read but not understood, written back as they were.
    pub kept: Vec<String>,
    /// What went wrong reading the file, for the learner to see once.
    pub notice: Option<String>,
    /// Why the last save failed; `None` after a save that worked.
    pub save_error: Option<String>,
    /// Why saving is refused: the file could be neither read nor moved
    /// aside, and writing over it would lose it.
    blocked: Option<String>,
}

impl Progress {
    /// The file under `ASYNCLINGS_DATA_DIR`, or the platform data dir.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("ASYNCLINGS_DATA_DIR") {
            return Some(PathBuf::from(dir).join("progress.txt"));
        }
        directories::ProjectDirs::from("", "", "asynclings")
            .map(|d| d.data_dir().join("progress.txt"))
    }

    /// Reads the saved progress (none yet: empty). A file that cannot be
    /// read, or is not all text, is moved aside first (see the module
    /// documentation); [`Progress::notice`] then tells what happened.
    pub fn load(path: Option<PathBuf>) -> Progress {
        let mut p = Progress {
            path,
            ..Progress::default()
        };
        let Some(file) = p.path.clone() else {
            return p;
        };
        let bytes = match read_regular_file(&file) {
            Ok(bytes) => bytes,
            // No file (a folder on the way may be missing, or be a file):
            // nothing to lose.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return p;
            }
            Err(e) => {
                p.set_aside(&file, &format!("could not be read ({e})"));
                return p;
            }
        };
        let mut damaged = 0;
        for line in bytes.split(|&b| b == b'\n') {
            match std::str::from_utf8(line) {
                Ok(text) => p.read_line(text.strip_suffix('\r').unwrap_or(text)),
                Err(_) => damaged += 1,
            }
        }
        if damaged > 0 {
            let lines = if damaged == 1 { "line" } else { "lines" };
            p.set_aside(
                &file,
                &format!("had {damaged} damaged {lines} (not UTF-8 text)"),
            );
            if p.blocked.is_none() {
                // Save what was read, so it is not only in the copy.
                let _ = p.save();
            }
        }
        p
    }

    /// Moves a file that could not be read whole out of the way, and says so.
    fn set_aside(&mut self, file: &Path, why: &str) {
        let name = file.display();
        match move_aside(file) {
            Ok(aside) => {
                self.notice = Some(format!(
                    "Progress file {name} {why}: it was moved to {}; the records that could be read are kept",
                    aside.display()
                ));
            }
            Err(e) => {
                let msg = format!("progress file {name} {why} and could not be moved aside ({e})");
                self.notice = Some(format!("{msg}: progress will not be saved"));
                self.blocked = Some(msg);
            }
        }
    }

    /// Applies one line of the file; keeps what it does not understand.
    fn read_line(&mut self, line: &str) {
        if !self.apply(line) {
            self.kept.push(line.to_string());
        }
    }

    /// Applies a record; `false` if the line is not one this version knows.
    fn apply(&mut self, line: &str) -> bool {
        if line.trim().is_empty() || line.starts_with('#') {
            return true;
        }
        let Some((kind, rest)) = line.split_once(' ') else {
            return false;
        };
        let rest = rest.trim();
        match kind {
            "version" => rest.parse::<u32>().is_ok(),
            "quiz" => self.read_quiz(rest),
            _ if rest.is_empty() => false,
            "done" => {
                self.done.insert(rest.to_string());
                true
            }
            "last" => {
                self.last = Some(rest.to_string());
                true
            }
            _ => false,
        }
    }

    /// Reads `ID N PICK right|wrong` (the id may hold spaces); `false` if
    /// it is malformed.
    fn read_quiz(&mut self, rest: &str) -> bool {
        let mut parts = rest.rsplitn(4, ' ');
        let (Some(verdict), Some(picked), Some(index), Some(id)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let right = match verdict {
            "right" => true,
            "wrong" => false,
            _ => return false,
        };
        let (Ok(index), Ok(picked)) = (index.parse(), picked.parse()) else {
            return false;
        };
        if id.trim().is_empty() {
            return false;
        }
        self.record(id.trim(), index, Prediction { picked, right });
        true
    }

    /// Records a prediction (replacing an earlier one for that quiz).
    pub fn record(&mut self, lesson: &str, quiz: usize, prediction: Prediction) {
        self.quizzes
            .entry(lesson.to_string())
            .or_default()
            .insert(quiz, prediction);
    }

    /// The prediction recorded for quiz `quiz` of a lesson.
    pub fn prediction(&self, lesson: &str, quiz: usize) -> Option<Prediction> {
        self.quizzes.get(lesson)?.get(&quiz).copied()
    }

    /// `(answered, right)` for a lesson's quizzes, counting only quizzes
    /// below `count` (a lesson edited since may have fewer).
    pub fn score(&self, lesson: &str, count: usize) -> (usize, usize) {
        let Some(q) = self.quizzes.get(lesson) else {
            return (0, 0);
        };
        q.range(..count)
            .fold((0, 0), |(n, r), (_, p)| (n + 1, r + usize::from(p.right)))
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut text = format!("# asynclings progress\nversion {FORMAT}\n");
        if let Some(last) = &self.last {
            text.push_str(&format!("last {last}\n"));
        }
        for id in &self.done {
            text.push_str(&format!("done {id}\n"));
        }
        for (id, quizzes) in &self.quizzes {
            for (n, p) in quizzes {
                let verdict = if p.right { "right" } else { "wrong" };
                text.push_str(&format!("quiz {id} {n} {} {verdict}\n", p.picked));
            }
        }
        for line in &self.kept {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Writes it back, atomically. A failure is also kept in
    /// [`Progress::save_error`] (progress is a convenience: the UI goes on).
    pub fn save(&mut self) -> io::Result<()> {
        let result = match (&self.path, &self.blocked) {
            (None, _) => Ok(()),
            (Some(_), Some(why)) => Err(io::Error::other(why.clone())),
            (Some(path), None) => save_to(path, self.to_text().as_bytes()).map_err(|e| {
                io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
            }),
        };
        self.save_error = result.as_ref().err().map(ToString::to_string);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = std::env::temp_dir().join(format!("asynclings-progress-{}", std::process::id()));
        let path = dir.join("progress.txt");
        let mut p = Progress::load(Some(path.clone()));
        p.done.insert("gather".into());
        p.last = Some("sleep".into());
        p.save().unwrap();
        let q = Progress::load(Some(path));
        assert!(q.done.contains("gather"));
        assert_eq!(q.last.as_deref(), Some("sleep"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn predictions_are_saved_and_reloaded() {
        let dir = std::env::temp_dir().join(format!("asynclings-quiz-{}", std::process::id()));
        let path = dir.join("progress.txt");
        let mut p = Progress::load(Some(path.clone()));
        p.done.insert("gather".into());
        p.record(
            "gather",
            0,
            Prediction {
                picked: 1,
                right: false,
            },
        );
        p.record(
            "gather",
            2,
            Prediction {
                picked: 0,
                right: true,
            },
        );
        p.record(
            "odd id",
            0,
            Prediction {
                picked: 3,
                right: true,
            },
        );
        // A second answer to the same quiz replaces the first.
        p.record(
            "gather",
            0,
            Prediction {
                picked: 0,
                right: true,
            },
        );
        p.save().unwrap();
        let q = Progress::load(Some(path.clone()));
        assert_eq!(
            q.prediction("gather", 0),
            Some(Prediction {
                picked: 0,
                right: true
            })
        );
        assert_eq!(q.prediction("gather", 1), None);
        assert_eq!(q.score("gather", 3), (2, 2));
        // Quizzes past the lesson's count are not counted.
        assert_eq!(q.score("gather", 1), (1, 1));
        assert_eq!(q.score("odd id", 1), (1, 1));
        assert_eq!(q.score("other", 4), (0, 0));
        assert!(q.done.contains("gather"));
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A fresh scratch folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("asynclings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The files of a folder whose names start with `prefix`.
    fn files_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect();
        files.sort();
        files
    }

    /// Whether this process can create files in a folder it made read-only
    /// (root can).
    fn writes_anywhere(dir: &Path) -> bool {
        let probe = dir.join("probe");
        let wrote = std::fs::write(&probe, "").is_ok();
        let _ = std::fs::remove_file(probe);
        wrote
    }

    fn set_mode(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn reads_the_old_format_and_keeps_what_it_does_not_know() {
        let dir = scratch("oldfmt");
        let path = dir.join("progress.txt");
        std::fs::write(
            &path,
            "# asynclings progress\nlast sleep\ndone gather\nquiz gather x 1 right\nquiz gather 1 2 maybe\nquiz short\nfuture-record 1\n",
        )
        .unwrap();
        let mut p = Progress::load(Some(path.clone()));
        assert_eq!(p.last.as_deref(), Some("sleep"));
        assert!(p.done.contains("gather"));
        assert!(p.quizzes.is_empty());
        assert_eq!(p.notice, None);
        p.done.insert("sleep".into());
        p.save().unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved,
            "# asynclings progress\nversion 1\nlast sleep\ndone gather\ndone sleep\n\
             quiz gather x 1 right\nquiz gather 1 2 maybe\nquiz short\nfuture-record 1\n"
        );
        // Read again, the kept lines are kept once, not doubled.
        let mut q = Progress::load(Some(path.clone()));
        q.save().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_damaged_byte_costs_only_its_line_and_the_file_is_set_aside() {
        let dir = scratch("damaged");
        let path = dir.join("progress.txt");
        let bytes = b"# asynclings progress\nlast sleep\ndone gather\ndone gat\xffher\nquiz gather 0 1 right\n";
        std::fs::write(&path, bytes).unwrap();
        let p = Progress::load(Some(path.clone()));
        assert_eq!(p.last.as_deref(), Some("sleep"));
        assert_eq!(p.done.iter().collect::<Vec<_>>(), ["gather"]);
        assert_eq!(
            p.prediction("gather", 0),
            Some(Prediction {
                picked: 1,
                right: true
            })
        );
        let notice = p.notice.expect("the learner is told");
        assert!(notice.contains("had 1 damaged line"), "{notice}");
        // The damaged file is kept byte for byte beside the new one.
        let aside = files_starting(&dir, "progress.txt.corrupt-");
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
        assert_eq!(std::fs::read(&aside[0]).unwrap(), bytes);
        // The readable records are saved at once.
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# asynclings progress\nversion 1\nlast sleep\ndone gather\nquiz gather 0 1 right\n"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_unreadable_file_is_set_aside_and_a_new_one_written() {
        let dir = scratch("unreadable");
        let path = dir.join("progress.txt");
        // A folder where the file should be cannot be read, even by root.
        std::fs::create_dir_all(path.join("inside")).unwrap();
        let mut p = Progress::load(Some(path.clone()));
        let notice = p.notice.clone().expect("the learner is told");
        assert!(notice.contains("could not be read"), "{notice}");
        let aside = files_starting(&dir, "progress.txt.corrupt-");
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(aside[0].join("inside").is_dir());
        p.done.insert("gather".into());
        p.save().unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("done gather")
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_over_the_cap_is_set_aside_unread() {
        let dir = scratch("huge");
        let path = dir.join("progress.txt");
        let huge = "done gather\n".repeat(MAX_BYTES as usize / 12 + 1);
        std::fs::write(&path, &huge).unwrap();
        let mut p = Progress::load(Some(path.clone()));
        assert!(p.done.is_empty());
        let notice = p.notice.clone().expect("the learner is told");
        assert!(
            notice.contains("more than a progress file holds"),
            "{notice}"
        );
        let aside = files_starting(&dir, "progress.txt.corrupt-");
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), huge);
        p.done.insert("sleep".into());
        p.save().unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("done sleep")
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_failed_save_is_reported_and_leaves_the_file_as_it_was() {
        let dir = scratch("readonly");
        let path = dir.join("progress.txt");
        std::fs::write(&path, "done sleep\n").unwrap();
        let mut p = Progress::load(Some(path.clone()));
        p.done.insert("gather".into());
        set_mode(&dir, 0o555);
        if writes_anywhere(&dir) {
            // Root: a read-only folder does not stop it.
            set_mode(&dir, 0o755);
            let _ = std::fs::remove_dir_all(dir);
            return;
        }
        let result = p.save();
        set_mode(&dir, 0o755);
        let error = result.expect_err("a read-only folder cannot be saved in");
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        let shown = p.save_error.clone().expect("the error is kept for the UI");
        assert!(shown.contains(&path.display().to_string()), "{shown}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "done sleep\n");
        assert!(files_starting(&dir, ".progress.txt.tmp").is_empty());
        // A later save that works clears the error.
        p.save().unwrap();
        assert_eq!(p.save_error, None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_that_cannot_be_read_nor_moved_is_never_overwritten() {
        let dir = scratch("locked");
        let path = dir.join("progress.txt");
        std::fs::write(&path, "done sleep\n").unwrap();
        set_mode(&path, 0o000);
        set_mode(&dir, 0o555);
        if writes_anywhere(&dir) {
            set_mode(&dir, 0o755);
            let _ = std::fs::remove_dir_all(dir);
            return;
        }
        let mut p = Progress::load(Some(path.clone()));
        p.done.insert("gather".into());
        let notice = p.notice.clone().expect("the learner is told");
        assert!(notice.contains("will not be saved"), "{notice}");
        set_mode(&dir, 0o755);
        // Even where it could, it does not write over the unread file.
        assert!(p.save().is_err());
        set_mode(&path, 0o644);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "done sleep\n");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_save_replaces_the_file_instead_of_writing_into_it() {
        let dir = scratch("atomic");
        let path = dir.join("progress.txt");
        std::fs::write(&path, "done sleep\n").unwrap();
        // A second name for the old file: writing in place would change it.
        let old = dir.join("old");
        std::fs::hard_link(&path, &old).unwrap();
        let mut p = Progress::load(Some(path.clone()));
        p.done.insert("gather".into());
        p.save().unwrap();
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "done sleep\n");
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("done gather")
        );
        assert!(files_starting(&dir, ".progress.txt.tmp").is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }
}
