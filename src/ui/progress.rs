//! Which lessons are done, which was open last and the learner's quiz
//! predictions, kept in a small text file in the data directory
//! (`ASYNCLINGS_DATA_DIR` overrides it).
//!
//! One record per line: `last ID`, `done ID`, and `quiz ID N PICK right|wrong`
//! (quiz `N` of lesson `ID`, choice `PICK`, both counted from 0). Readers skip
//! lines they do not know, so older files load and older versions read
//! newer files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

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

    /// Reads the saved progress (none yet, or unreadable: empty).
    pub fn load(path: Option<PathBuf>) -> Progress {
        let mut p = Progress {
            path,
            ..Progress::default()
        };
        if let Some(text) = p
            .path
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
        {
            for line in text.lines() {
                if let Some(id) = line.strip_prefix("done ") {
                    p.done.insert(id.trim().to_string());
                } else if let Some(id) = line.strip_prefix("last ") {
                    p.last = Some(id.trim().to_string());
                } else if let Some(rest) = line.strip_prefix("quiz ") {
                    p.read_quiz(rest.trim());
                }
            }
        }
        p
    }

    /// Reads `ID N PICK right|wrong` (the id may hold spaces); skips a
    /// malformed record.
    fn read_quiz(&mut self, rest: &str) {
        let mut parts = rest.rsplitn(4, ' ');
        let (Some(verdict), Some(picked), Some(index), Some(id)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return;
        };
        let right = match verdict {
            "right" => true,
            "wrong" => false,
            _ => return,
        };
        let (Ok(index), Ok(picked)) = (index.parse(), picked.parse()) else {
            return;
        };
        self.record(id.trim(), index, Prediction { picked, right });
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

    /// Writes it back; errors are ignored (progress is a convenience).
    pub fn save(&self) {
        let Some(path) = &self.path else { return };
        let mut text = String::from("# asynclings progress\n");
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
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(path, text);
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
        p.save();
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
        p.save();
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

    #[test]
    fn reads_the_old_format_and_skips_bad_records() {
        let dir = std::env::temp_dir().join(format!("asynclings-oldfmt-{}", std::process::id()));
        let path = dir.join("progress.txt");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            &path,
            "# asynclings progress\nlast sleep\ndone gather\nquiz gather x 1 right\nquiz gather 1 2 maybe\nquiz short\nfuture-record 1\n",
        )
        .unwrap();
        let p = Progress::load(Some(path));
        assert_eq!(p.last.as_deref(), Some("sleep"));
        assert!(p.done.contains("gather"));
        assert!(p.quizzes.is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }
}
