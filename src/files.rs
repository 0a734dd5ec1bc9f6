//! Writing files a reader must never see half-written: the progress file
//! and exports. Bytes go to a temporary file beside the target, flushed to
//! disk, and then take the target's name in one step.

use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// The file `path` names once symbolic links are followed, even a link to
/// a file that does not exist yet (the link's own path if links loop).
/// Writing there replaces the file and leaves the links.
pub fn through_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(target) => {
                at = match at.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                }
            }
            Err(_) => return at,
        }
    }
    path.to_path_buf()
}

/// Writes `bytes` to `path` atomically, replacing a regular file that is
/// there; through symbolic links, the file they name. Anything else there
/// (a folder, a device such as `/dev/null`, a named pipe) is refused, never
/// replaced. The folder must exist.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = through_links(path);
    if let Ok(meta) = std::fs::metadata(&target)
        && !meta.is_file()
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    let dir = folder_of(&target);
    temp_in(dir, &target, bytes)?
        .persist(&target)
        .map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Make the rename itself durable where the system allows it.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes `bytes` atomically to the first free name of `dir/STEM.EXT`,
/// `dir/STEM-1.EXT`, `dir/STEM-2.EXT`, ... and returns it. A name is taken
/// only if it is free at that instant, so a file that appears meanwhile is
/// not overwritten either.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let first = dir.join(format!("{stem}.{ext}"));
    let mut temp = temp_in(dir, &first, bytes)?;
    for n in 0..10_000 {
        let path = match n {
            0 => first.clone(),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        };
        match temp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("every name {stem}-N.{ext} is taken"),
    ))
}

/// The folder a file at `path` lives in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` named after `target` (`.NAME.tmp…`, removed
/// if anything fails), holding `bytes` flushed to disk, readable by all as
/// a file written the ordinary way would be.
fn temp_in(dir: &Path, target: &Path, bytes: &[u8]) -> io::Result<NamedTempFile> {
    let name = target
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp"))
        .permissions(std::fs::Permissions::from_mode(0o644))
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("asynclings-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
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
        assert_eq!(names(&dir), ["gather-1.svg", "gather-2.svg", "gather.svg"]);
        let mode = std::fs::metadata(&a).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
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
        assert_eq!(names(&dir), ["run.cast"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn atomic_write_goes_through_links_even_dangling_and_never_replaces_other_files() {
        let dir = scratch("kinds");
        let real = dir.join("real.json");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink(dir.join("later.json"), &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(std::fs::read(dir.join("later.json")).unwrap(), b"made");
        let folder = dir.join("folder");
        std::fs::create_dir(&folder).unwrap();
        let e = write_atomic(&folder, b"x").unwrap_err();
        assert_eq!(e.to_string(), "it is not a regular file");
        assert!(folder.is_dir());
        assert_eq!(
            names(&dir),
            [
                "dangling.json",
                "folder",
                "later.json",
                "link.json",
                "real.json"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
