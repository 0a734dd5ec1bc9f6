//! Which lessons are done and which was open last, kept in a small text
//! file in the data directory (`ASYNCLINGS_DATA_DIR` overrides it).

use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: BTreeSet<String>,
    pub last: Option<String>,
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
                }
            }
        }
        p
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
}
