//! The progress file on disk: read only when it is a regular file of a
//! sane size, written atomically, through symbolic links, and moved aside
//! rather than overwritten when it cannot be read.

use super::MAX_BYTES;
use crate::files::{through_links, write_atomic};
use std::io;
use std::path::{Path, PathBuf};

/// Replaces the file `path` names (through symbolic links) with `bytes`,
/// atomically: readers see the old file or the new one, never a part.
/// Creates the folder if needed.
pub(super) fn save_to(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = through_links(path);
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic(&target, bytes)
}

/// Reads the file if it is a regular file (once links are followed) of at
/// most [`MAX_BYTES`]; anything else is an error, before a byte is read.
pub(super) fn read_regular_file(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    regular(&std::fs::metadata(path)?)?;
    // Non-blocking, in case the file was swapped for a pipe since.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    regular(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    regular_size(bytes.len() as u64)?;
    Ok(bytes)
}

/// An error unless `meta` is a regular file of at most [`MAX_BYTES`].
fn regular(meta: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    let what = if t.is_file() {
        return regular_size(meta.len());
    } else if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "something else"
    };
    Err(io::Error::other(format!(
        "it is {what}, not a regular file"
    )))
}

fn regular_size(len: u64) -> io::Result<()> {
    if len > MAX_BYTES {
        return Err(io::Error::other(format!(
            "it is over {MAX_BYTES} bytes, more than a progress file holds"
        )));
    }
    Ok(())
}

/// Renames `path` to `PATH.corrupt-<unix time>` (with `-2`, `-3`, ... if
/// that exists) and returns the new name.
pub(super) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.corrupt-{secs}", path.display());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    while aside.symlink_metadata().is_ok() {
        n += 1;
        aside = PathBuf::from(format!("{base}-{n}"));
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}
