//! File calls relative to an open folder: each thread keeps the folder of its last input and
//! of its last output open, so that opening, creating, renaming and removing a file looks up
//! one name in it instead of walking the whole path again. A corpus is thousands of small
//! files in a few folders, and on Linux the path walks were a tenth of the file-system time
//! of a run. Elsewhere than Linux, and for a path with no file name, the plain path calls
//! are used; errors are the same `io::Error`s either way.

use std::fs::File;
use std::io;
use std::path::Path;

/// Opens `path` read-only and without blocking (a FIFO opens at once instead of waiting for a
/// writer; see `input::open_regular`).
pub fn open_read(path: &Path) -> io::Result<File> {
    imp::open_read(path)
}

/// Creates (or truncates) `name` in the folder `dir` for writing.
pub fn create_in(dir: &Path, name: &std::ffi::OsStr) -> io::Result<File> {
    imp::create_in(dir, name)
}

/// Renames `from` to `to`, both in the folder `dir`.
pub fn rename_in(dir: &Path, from: &std::ffi::OsStr, to: &std::ffi::OsStr) -> io::Result<()> {
    imp::rename_in(dir, from, to)
}

/// Removes `name` from the folder `dir`.
pub fn remove_in(dir: &Path, name: &std::ffi::OsStr) -> io::Result<()> {
    imp::remove_in(dir, name)
}

/// Writes `data` as `name` in the folder `dir` through an unnamed file: created with
/// `O_TMPFILE`, written, then linked under its name (an existing file is replaced by linking
/// to a temporary name and renaming that over it). Until the link the file has no name, so no
/// partial file can be left behind whatever happens, and the folder changes once per file
/// instead of three times (create, rename away, add). `Ok(false)` when the folder's file
/// system or this kernel cannot do it: the caller writes a named temporary file instead.
pub fn write_unnamed(dir: &Path, name: &std::ffi::OsStr, data: &[u8]) -> io::Result<bool> {
    imp::write_unnamed(dir, name, data)
}

/// The temporary name a file `name` is written under before it is renamed into place:
/// hidden, and marked with this process's id.
pub fn temp_name(name: &std::ffi::OsStr) -> std::ffi::OsString {
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(
        ".decruft-{}.tmp",
        PID.get_or_init(std::process::id)
    ));
    tmp
}

/// `path`'s folder and file name; `.` for a bare file name.
pub fn split(path: &Path) -> Option<(&Path, &std::ffi::OsStr)> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some((dir, name))
}

#[cfg(target_os = "linux")]
mod imp {
    use super::{split, temp_name};
    use std::cell::RefCell;
    use std::ffi::{CString, OsStr};
    use std::fs::{File, OpenOptions};
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::{Path, PathBuf};

    /// Which of a thread's two held folders a call uses.
    #[derive(Clone, Copy)]
    enum Slot {
        Input = 0,
        Output = 1,
    }

    thread_local! {
        /// Per slot: the folder last used and its handle.
        static HELD: RefCell<[Option<(PathBuf, OwnedFd)>; 2]> = const { RefCell::new([None, None]) };
    }

    /// Runs `f` with a handle on `dir`: the one held in `slot` when it is for `dir`, else a
    /// new one, held from then on. When `f` fails with a held handle, it runs once more with a
    /// new one: the folder may have been removed and made again since (a test, a second run
    /// in the same process), and the name must be looked up where the path now leads.
    fn with_dir<T>(slot: Slot, dir: &Path, f: impl Fn(RawFd) -> io::Result<T>) -> io::Result<T> {
        HELD.with(|held| {
            let mut held = held.borrow_mut();
            let entry = &mut held[slot as usize];
            if let Some((p, fd)) = entry.as_ref()
                && p == dir
                && let Ok(r) = f(fd.as_raw_fd())
            {
                return Ok(r);
            }
            *entry = None;
            let handle = OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC)
                .open(dir)?;
            let fd = OwnedFd::from(handle);
            let r = f(fd.as_raw_fd());
            *entry = Some((dir.to_path_buf(), fd));
            r
        })
    }

    fn c_name(name: &OsStr) -> io::Result<CString> {
        CString::new(name.as_bytes()).map_err(|_| io::ErrorKind::InvalidInput.into())
    }

    fn check(r: libc::c_int) -> io::Result<libc::c_int> {
        if r < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(r)
        }
    }

    fn open_at(slot: Slot, dir: &Path, name: &OsStr, flags: libc::c_int) -> io::Result<File> {
        let name = c_name(name)?;
        with_dir(slot, dir, |fd| {
            // SAFETY: `fd` is an open folder handle and `name` a NUL-terminated string; the
            // descriptor returned is new and owned by the `File` alone.
            let r =
                check(unsafe { libc::openat(fd, name.as_ptr(), flags | libc::O_CLOEXEC, 0o666) })?;
            Ok(unsafe { File::from_raw_fd(r) })
        })
    }

    pub fn open_read(path: &Path) -> io::Result<File> {
        match split(path) {
            Some((dir, name)) => open_at(Slot::Input, dir, name, libc::O_RDONLY | libc::O_NONBLOCK),
            None => OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path),
        }
    }

    /// How unnamed files are linked in this run, decided by the first one: not yet known,
    /// by descriptor (`AT_EMPTY_PATH`), through `/proc/self/fd`, or not at all (unnamed files
    /// do not work here).
    static LINKING: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(UNKNOWN);
    const UNKNOWN: u8 = 0;
    const BY_FD: u8 = 1;
    const BY_PROC: u8 = 2;
    const NEVER: u8 = 3;

    pub fn write_unnamed(dir: &Path, name: &OsStr, data: &[u8]) -> io::Result<bool> {
        use std::io::Write;
        use std::sync::atomic::Ordering::Relaxed;
        if LINKING.load(Relaxed) == NEVER {
            return Ok(false);
        }
        let unsupported = |e: &io::Error| {
            matches!(
                e.raw_os_error(),
                Some(libc::EOPNOTSUPP | libc::EISDIR | libc::EINVAL | libc::EPERM | libc::ENOSYS)
            )
        };
        let flags = libc::O_TMPFILE | libc::O_WRONLY;
        let mut file = match open_at(Slot::Output, dir, OsStr::new("."), flags) {
            Ok(f) => f,
            Err(e) if unsupported(&e) => {
                LINKING.store(NEVER, Relaxed);
                return Ok(false);
            }
            Err(e) => return Err(e),
        };
        file.write_all(data)?;
        let fd = file.as_raw_fd();
        let by_proc = CString::new(format!("/proc/self/fd/{fd}")).expect("no NUL");
        // Links the file as `to`. By descriptor needs Linux 6.10 or privileges; through
        // /proc any process may.
        let link = |to: &CString| -> io::Result<()> {
            with_dir(Slot::Output, dir, |dfd| {
                let method = LINKING.load(Relaxed);
                if method != BY_PROC {
                    // SAFETY: `fd` is the open unnamed file, `dfd` an open folder handle, the
                    // names NUL-terminated strings.
                    let r = unsafe {
                        libc::linkat(fd, c"".as_ptr(), dfd, to.as_ptr(), libc::AT_EMPTY_PATH)
                    };
                    if r == 0 {
                        LINKING.store(BY_FD, Relaxed);
                        return Ok(());
                    }
                    let e = io::Error::last_os_error();
                    if method == BY_FD
                        || !matches!(e.raw_os_error(), Some(libc::ENOENT | libc::EPERM))
                    {
                        return Err(e);
                    }
                }
                // SAFETY: as above.
                check(unsafe {
                    libc::linkat(
                        libc::AT_FDCWD,
                        by_proc.as_ptr(),
                        dfd,
                        to.as_ptr(),
                        libc::AT_SYMLINK_FOLLOW,
                    )
                })?;
                LINKING.store(BY_PROC, Relaxed);
                Ok(())
            })
        };
        let final_name = c_name(name)?;
        match link(&final_name) {
            Ok(()) => Ok(true),
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
                // Replace the existing file in one step: link to a temporary name, rename.
                let tmp = c_name(&temp_name(name))?;
                link(&tmp)?;
                with_dir(Slot::Output, dir, |dfd| {
                    // SAFETY: an open folder handle and NUL-terminated strings.
                    check(unsafe { libc::renameat(dfd, tmp.as_ptr(), dfd, final_name.as_ptr()) })
                        .map(drop)
                })?;
                Ok(true)
            }
            Err(_) if LINKING.load(Relaxed) == UNKNOWN => {
                LINKING.store(NEVER, Relaxed);
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    pub fn create_in(dir: &Path, name: &OsStr) -> io::Result<File> {
        open_at(
            Slot::Output,
            dir,
            name,
            libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
        )
    }

    pub fn rename_in(dir: &Path, from: &OsStr, to: &OsStr) -> io::Result<()> {
        let (from, to) = (c_name(from)?, c_name(to)?);
        with_dir(Slot::Output, dir, |fd| {
            // SAFETY: `fd` is an open folder handle, both names NUL-terminated strings.
            check(unsafe { libc::renameat(fd, from.as_ptr(), fd, to.as_ptr()) }).map(drop)
        })
    }

    pub fn remove_in(dir: &Path, name: &OsStr) -> io::Result<()> {
        let name = c_name(name)?;
        with_dir(Slot::Output, dir, |fd| {
            // SAFETY: `fd` is an open folder handle, `name` a NUL-terminated string.
            check(unsafe { libc::unlinkat(fd, name.as_ptr(), 0) }).map(drop)
        })
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::ffi::OsStr;
    use std::fs::{self, File, OpenOptions};
    use std::io;
    use std::path::Path;

    pub fn open_read(path: &Path) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NONBLOCK);
        }
        options.open(path)
    }

    pub fn write_unnamed(_dir: &Path, _name: &OsStr, _data: &[u8]) -> io::Result<bool> {
        Ok(false)
    }

    pub fn create_in(dir: &Path, name: &OsStr) -> io::Result<File> {
        File::create(dir.join(name))
    }

    pub fn rename_in(dir: &Path, from: &OsStr, to: &OsStr) -> io::Result<()> {
        fs::rename(dir.join(from), dir.join(to))
    }

    pub fn remove_in(dir: &Path, name: &OsStr) -> io::Result<()> {
        fs::remove_file(dir.join(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[test]
    fn create_rename_read_remove_in_two_folders() {
        let root = tempfile::tempdir().unwrap();
        for sub in ["a", "b", "a"] {
            let dir = root.path().join(sub);
            std::fs::create_dir_all(&dir).unwrap();
            let mut f = create_in(&dir, "x.tmp".as_ref()).unwrap();
            f.write_all(sub.as_bytes()).unwrap();
            drop(f);
            rename_in(&dir, "x.tmp".as_ref(), "x".as_ref()).unwrap();
            let mut got = String::new();
            open_read(&dir.join("x"))
                .unwrap()
                .read_to_string(&mut got)
                .unwrap();
            assert_eq!(got, sub);
            assert!(!dir.join("x.tmp").exists());
        }
        remove_in(&root.path().join("b"), "x".as_ref()).unwrap();
        assert!(!root.path().join("b/x").exists());
    }

    #[test]
    fn errors_are_the_plain_calls_errors() {
        let root = tempfile::tempdir().unwrap();
        let missing = open_read(&root.path().join("nope/x")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let missing = open_read(&root.path().join("x")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let no_dir = create_in(&root.path().join("nope"), "x".as_ref()).unwrap_err();
        assert_eq!(no_dir.kind(), io::ErrorKind::NotFound);
        let file = root.path().join("f");
        std::fs::write(&file, "").unwrap();
        let through_file = open_read(&file.join("x")).unwrap_err();
        assert_eq!(
            through_file.raw_os_error(),
            std::fs::File::open(file.join("x"))
                .unwrap_err()
                .raw_os_error()
        );
    }

    #[test]
    fn a_folder_made_again_after_it_was_held_is_found() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("c");
        std::fs::create_dir(&dir).unwrap();
        drop(create_in(&dir, "x".as_ref()).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        drop(create_in(&dir, "y".as_ref()).unwrap());
        assert!(dir.join("y").exists());
        rename_in(&dir, "y".as_ref(), "z".as_ref()).unwrap();
        assert!(dir.join("z").exists());
    }

    #[test]
    fn unnamed_files_appear_whole_and_replace_old_ones() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        let classic = dir.join("classic");
        drop(File::create(&classic).unwrap());
        for (k, data) in [&b"first"[..], b"second, longer", b""]
            .into_iter()
            .enumerate()
        {
            if !write_unnamed(dir, "out.txt".as_ref(), data).unwrap() {
                return; // not on this file system: the caller's named file does the work
            }
            assert_eq!(
                std::fs::read(dir.join("out.txt")).unwrap(),
                data,
                "write {k}"
            );
        }
        let names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&dir.join("out.txt")), mode(&classic));
        assert!(write_unnamed(&dir.join("missing"), "x".as_ref(), b"x").is_err());
    }

    #[test]
    fn bare_file_names_are_in_the_working_folder() {
        assert_eq!(
            split(Path::new("a.txt")),
            Some((Path::new("."), "a.txt".as_ref()))
        );
        assert_eq!(
            split(Path::new("d/a.txt")),
            Some((Path::new("d"), "a.txt".as_ref()))
        );
        assert_eq!(split(Path::new("/")), None);
    }
}
