//! Output: writes files atomically (as an unnamed file linked under its name when complete
//! where Linux allows it, else to a temporary name in the same folder renamed when complete,
//! so no partial file is ever left under the final name) and builds `summary.json`.

use crate::fsat;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written under a temporary name; [`AtomicFile::commit`] renames it into place,
/// dropping it uncommitted deletes the temporary file.
pub struct AtomicFile {
    /// The folder, the temporary name in it and the final one.
    dir: PathBuf,
    tmp: OsString,
    name: OsString,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        AtomicFile::with_buffer(dest, 1 << 16)
    }

    /// As [`AtomicFile::create`], with a write buffer of `capacity` bytes (0: none, for a
    /// file written in one go).
    fn with_buffer(dest: &Path, capacity: usize) -> io::Result<AtomicFile> {
        let Some((dir, name)) = fsat::split(dest) else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not a file name", dest.display()),
            ));
        };
        let tmp = fsat::temp_name(name);
        // The folder usually exists already: create it only when the file cannot be made
        // (and then report what creating the folder says, as when it is created first).
        let file = match fsat::create_in(dir, &tmp) {
            Ok(f) => f,
            Err(_) => {
                fs::create_dir_all(dir)?;
                fsat::create_in(dir, &tmp)?
            }
        };
        Ok(AtomicFile {
            dir: dir.to_path_buf(),
            tmp,
            name: name.to_os_string(),
            writer: Some(BufWriter::with_capacity(capacity, file)),
        })
    }

    pub fn commit(mut self) -> io::Result<()> {
        if let Some(w) = self.writer.take() {
            w.into_inner().map_err(|e| e.into_error())?;
        }
        fsat::rename_in(&self.dir, &self.tmp, &self.name)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.as_mut().map_or(Ok(0), |w| w.write(buf))
    }
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        self.writer
            .as_mut()
            .map_or(Ok(0), |w| w.write_vectored(bufs))
    }
    fn flush(&mut self) -> io::Result<()> {
        self.writer.as_mut().map_or(Ok(()), |w| w.flush())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = fsat::remove_in(&self.dir, &self.tmp);
        }
    }
}

/// Writes every buffer of `bufs`, in order, with as few `writev` calls as the system allows
/// (through a `BufWriter`, buffers larger than its capacity are not copied into it).
pub fn write_all_vectored<W: Write>(w: &mut W, bufs: &[Vec<u8>]) -> io::Result<()> {
    // At most IOV_MAX (1024 on Linux) slices per call.
    for chunk in bufs.chunks(1024) {
        let mut slices: Vec<io::IoSlice<'_>> = chunk.iter().map(|b| io::IoSlice::new(b)).collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match w.write_vectored(rest) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Writes `data` to `dest` atomically.
pub fn write_atomic(dest: &Path, data: &[u8]) -> io::Result<()> {
    // Through an unnamed file where the system can; any failure there (a missing folder
    // included) is met again, and reported, by the named temporary file.
    if let Some((dir, name)) = fsat::split(dest)
        && let Ok(true) = fsat::write_unnamed(dir, name, data)
    {
        return Ok(());
    }
    let mut f = AtomicFile::with_buffer(dest, 0)?;
    f.write_all(data)?;
    f.commit()
}

/// Blocks and bytes removed under one reason or rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Count {
    pub blocks: u64,
    pub bytes: u64,
}

impl Count {
    /// One block of `bytes` bytes.
    pub fn of(bytes: u64) -> Count {
        Count { blocks: 1, bytes }
    }

    pub fn add(&mut self, bytes: u64) {
        self.merge(Count::of(bytes));
    }

    pub fn merge(&mut self, other: Count) {
        self.blocks += other.blocks;
        self.bytes += other.bytes;
    }
}

/// The run's `summary.json`. Every field but `elapsed_seconds` (only written with `--timings`)
/// depends on the inputs alone, so the file is identical for any `--jobs`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub schema: &'static str,
    pub version: &'static str,
    pub dedup: String,
    /// Inputs found (files read or failed).
    pub inputs: u64,
    /// Documents cleaned and written.
    pub documents: u64,
    /// Inputs that failed (see `errors`).
    pub failed: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub bytes_removed: u64,
    /// Removed blocks and bytes per reason.
    pub removed: BTreeMap<String, Count>,
    /// Removed blocks and bytes per rule.
    pub rules: BTreeMap<String, Count>,
    pub errors: Vec<crate::input::InputError>,
    pub warnings: Vec<crate::input::InputError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_seconds: Option<f64>,
}

pub const SUMMARY_SCHEMA: &str = "decruft.summary/1";
