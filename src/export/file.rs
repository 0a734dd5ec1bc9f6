//! Writing an export: to a temporary file beside the target, renamed into
//! place, so a reader never sees half a file; and, for a name picked by the
//! program, never over a file that is already there.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file `bytes` go to before they take `path`'s place.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to a temporary file beside `path` and flushes it to disk.
fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = temp_beside(path);
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Writes `bytes` to `path` atomically (temporary file, then rename),
/// replacing a regular file that is there; through a symbolic link, the
/// file it names. Anything else there (a folder, a device such as
/// `/dev/null`, a named pipe) is refused, never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(meta) = std::fs::metadata(&target)
        && !meta.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    let temp = write_temp(&target, bytes)?;
    std::fs::rename(&temp, &target).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Writes `bytes` atomically to the first free name of `dir/STEM.EXT`,
/// `dir/STEM-1.EXT`, `dir/STEM-2.EXT`, ... and returns it. A name is taken
/// by hard-linking the finished temporary file to it, which fails when the
/// name exists, so a file that appears meanwhile is not overwritten either.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let first = dir.join(format!("{stem}.{ext}"));
    let temp = write_temp(&first, bytes)?;
    let result = (0..10_000)
        .map(|n| match n {
            0 => first.clone(),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        })
        .find_map(|path| match std::fs::hard_link(&temp, &path) {
            Ok(()) => Some(Ok(path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
            // A file system without hard links: take a free name by rename.
            Err(_) if !path.exists() => Some(std::fs::rename(&temp, &path).map(|()| path)),
            Err(_) => None,
        })
        .unwrap_or_else(|| {
            Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("every name {stem}-N.{ext} is taken"),
            ))
        });
    let _ = std::fs::remove_file(&temp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "asynclings-export-file-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn new_names_count_up_and_leave_no_temporary_file() {
        let dir = scratch("new");
        let a = write_new(&dir, "gather", "svg", b"one").unwrap();
        let b = write_new(&dir, "gather", "svg", b"two").unwrap();
        let c = write_new(&dir, "gather", "svg", b"three").unwrap();
        assert_eq!(a, dir.join("gather.svg"));
        assert_eq!(b, dir.join("gather-1.svg"));
        assert_eq!(c, dir.join("gather-2.svg"));
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&c).unwrap(), b"three");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["gather-1.svg", "gather-2.svg", "gather.svg"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn atomic_write_replaces_and_fails_in_a_missing_folder() {
        let dir = scratch("atomic");
        let path = dir.join("run.cast");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let missing = dir.join("no-such-folder").join("run.cast");
        assert!(write_atomic(&missing, b"x").is_err());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn atomic_write_goes_through_links_and_never_replaces_other_files() {
        let dir = scratch("kinds");
        let real = dir.join("real.json");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let folder = dir.join("folder");
        std::fs::create_dir(&folder).unwrap();
        let e = write_atomic(&folder, b"x").unwrap_err();
        assert_eq!(e.to_string(), "it is not a regular file");
        assert!(folder.is_dir());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
