//! Reading inputs: walks the given files and folders in sorted order, names each document and
//! its output, and reads its bytes (decompressing `.gz` transparently). Every problem is a
//! per-file [`InputError`] naming the file and the cause; nothing here panics or blocks on a
//! FIFO or device.

use flate2::read::MultiGzDecoder;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A file to clean, before it is read.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path to open (as given, joined with the walked folder's relative path).
    pub path: PathBuf,
    /// Document id: the path relative to the INPUT folder, or the file name for a file INPUT.
    pub id: String,
    /// Output path relative to the output folder.
    pub output: PathBuf,
    pub format: Format,
}

/// What an input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One scraped page as text.
    Text,
    /// Newline-delimited JSON records, each with a text field.
    Jsonl,
    /// Common Crawl WARC (HTML responses) or WET (plain text) records.
    Warc,
    /// One HTML page: its main content is extracted.
    Html,
}

impl Format {
    /// By extension (ignoring `.gz`/`.zst`): `.jsonl` and `.ndjson` are JSONL, `.warc` and
    /// `.wet` WARC, `.html`, `.htm` and `.xhtml` HTML, the rest text.
    pub fn detect(name: &str) -> Format {
        let lower = name.to_lowercase();
        let stem = strip_compression(&lower);
        if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
            Format::Jsonl
        } else if stem.ends_with(".warc") || stem.ends_with(".wet") {
            Format::Warc
        } else if stem.ends_with(".html") || stem.ends_with(".htm") || stem.ends_with(".xhtml") {
            Format::Html
        } else {
            Format::Text
        }
    }

    /// JSONL and WARC/WET inputs are streams of records (cleaned into JSONL); text and HTML
    /// are one document per file.
    pub fn is_records(self) -> bool {
        matches!(self, Format::Jsonl | Format::Warc)
    }
}

fn strip_compression(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name)
}

/// The output name of a JSONL input: minus `.gz`/`.zst`, `.ndjson` becomes `.jsonl`, and
/// `.jsonl` is added when the name has neither.
pub fn jsonl_output_name(name: &str) -> String {
    let stem = strip_compression(name);
    let stem = stem
        .strip_suffix(".jsonl")
        .or_else(|| stem.strip_suffix(".ndjson"))
        .unwrap_or(stem);
    format!("{stem}.jsonl")
}

/// Opens a stream for reading, decompressing `.gz`; `-` is standard input.
pub fn open_stream(path: &Path) -> Result<Box<dyn io::BufRead + Send>, InputError> {
    if path == Path::new("-") {
        return Ok(Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())));
    }
    let (file, _) = open_regular(path).map_err(|e| InputError::new(path, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".gz") {
        Ok(Box::new(io::BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(file),
        )))
    } else if name.ends_with(".zst") {
        let dec = zstd_reader(file).map_err(|e| InputError::new(path, e))?;
        Ok(Box::new(io::BufReader::with_capacity(1 << 16, dec)))
    } else {
        Ok(Box::new(io::BufReader::with_capacity(1 << 16, file)))
    }
}

/// A zstd decoder over `file` (ruzstd: pure Rust, decoding only).
fn zstd_reader(file: File) -> Result<impl Read + Send, String> {
    ruzstd::decoding::StreamingDecoder::new(file).map_err(|e| format!("not a zstd stream: {e}"))
}

fn zstd_error(e: &io::Error) -> String {
    let msg = e.to_string();
    if e.kind() == io::ErrorKind::UnexpectedEof || msg.contains("UnexpectedEof") {
        "truncated zstd stream".into()
    } else {
        format!("corrupt zstd data: {msg}")
    }
}

/// Describes an error met while reading a stream (a truncated gzip member, say).
pub fn describe_stream_error(e: &io::Error) -> String {
    gzip_error(e)
}

/// A document read into memory.
#[derive(Debug)]
pub struct Document {
    pub source: Source,
    pub bytes: Vec<u8>,
    pub compression: Option<&'static str>,
    pub warnings: Vec<String>,
    /// The bytes were found to be UTF-8 as they were read (text sources only).
    pub utf8: bool,
}

/// A problem with one input, reported on one line and in `summary.json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    pub path: String,
    pub error: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

impl InputError {
    pub fn new(path: &Path, error: impl Into<String>) -> InputError {
        InputError {
            path: path.display().to_string(),
            error: error.into(),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Documents larger than this (after decompression) are refused.
    pub max_bytes: u64,
    /// Treat invalid UTF-8 as an error instead of a warning.
    pub strict_utf8: bool,
    /// Walk hidden files and folders too.
    pub hidden: bool,
    /// Read every input as this format instead of deciding by extension.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 1 << 30,
            strict_utf8: false,
            hidden: false,
            format: None,
        }
    }
}

/// The output name of an input file: minus `.gz`/`.zst`, minus `.txt`/`.text`, plus `.txt`.
pub fn output_name(name: &str) -> String {
    let mut stem = name;
    for ext in [".gz", ".zst"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            break;
        }
    }
    for ext in [".txt", ".text"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            break;
        }
    }
    format!("{stem}.txt")
}

/// The output name of an HTML input: minus `.gz`/`.zst` and `.html`/`.htm`/`.xhtml`, plus
/// `.txt`.
pub fn html_output_name(name: &str) -> String {
    let stem = strip_compression(name);
    let lower = stem.to_ascii_lowercase();
    let cut = [".html", ".htm", ".xhtml"]
        .iter()
        .find(|e| lower.ends_with(*e))
        .map_or(0, |e| e.len());
    format!("{}.txt", &stem[..stem.len() - cut])
}

/// Walks `inputs` (files and folders, folders recursively in sorted order), skipping
/// `exclude` (the output folder, when it lies inside an input folder). Problems found while
/// walking are returned in walk order, among the sources.
pub fn collect(
    inputs: &[PathBuf],
    exclude: Option<&Path>,
    opts: &ReadOptions,
) -> Vec<Result<Source, InputError>> {
    let mut sources = Vec::new();
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    for input in inputs {
        if input == Path::new("-") {
            let format = opts.format.unwrap_or(Format::Text);
            let output = PathBuf::from(name_for(format, "stdin"));
            sources.push(Ok(Source {
                path: input.clone(),
                id: "-".into(),
                output,
                format,
            }));
            continue;
        }
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                let cause = match std::fs::symlink_metadata(input) {
                    Ok(_) => "dangling symbolic link".to_string(),
                    Err(_) => describe_io(&e),
                };
                sources.push(Err(InputError::new(input, cause)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(input, exclude.as_deref(), opts, &mut sources);
        } else if let Err(e) = check_regular(meta.file_type()) {
            sources.push(Err(InputError::new(input, e)));
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let format = opts.format.unwrap_or_else(|| Format::detect(&name));
            sources.push(Ok(Source {
                path: input.clone(),
                output: PathBuf::from(name_for(format, &name)),
                id: name,
                format,
            }));
        }
    }
    sources
}

fn walk(
    root: &Path,
    exclude: Option<&Path>,
    opts: &ReadOptions,
    sources: &mut Vec<Result<Source, InputError>>,
) {
    let hidden = opts.hidden;
    let it = walkdir::WalkDir::new(root)
        .follow_links(true)
        // By file name: the entries sorted together are those of one folder, whose paths
        // differ only after the folder's, so comparing whole paths gives the same order
        // without taking each file name apart again at every comparison.
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(move |e| {
            e.depth() == 0 || hidden || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
        });
    let mut it = it;
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let cause = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else if std::fs::symlink_metadata(&path).is_ok()
                    && std::fs::metadata(&path).is_err()
                {
                    "dangling symbolic link".to_string()
                } else {
                    e.io_error()
                        .map(describe_io)
                        .unwrap_or_else(|| e.to_string())
                };
                sources.push(Err(InputError::new(&path, cause)));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            if let Some(ex) = exclude
                && entry.path().canonicalize().is_ok_and(|p| p == ex)
            {
                it.skip_current_dir();
            }
            continue;
        }
        // The directory entry's type (walkdir stats only symbolic links, to follow them): no
        // stat per file here. `read` checks the opened file again, so a file swapped for a
        // FIFO after the walk is still refused without blocking.
        if let Err(e) = check_regular(entry.file_type()) {
            sources.push(Err(InputError::new(entry.path(), e)));
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let format = opts.format.unwrap_or_else(|| Format::detect(&name));
        let output = rel.with_file_name(name_for(format, &name));
        let id = rel.to_string_lossy().replace('\\', "/");
        sources.push(Ok(Source {
            path: entry.into_path(),
            id,
            output,
            format,
        }));
    }
}

fn name_for(format: Format, name: &str) -> String {
    match format {
        Format::Text => output_name(name),
        Format::Html => html_output_name(name),
        Format::Jsonl => jsonl_output_name(name),
        Format::Warc => {
            let stem = strip_compression(name);
            let stem = stem.strip_suffix(".wet").unwrap_or(stem);
            let stem = stem.strip_suffix(".warc").unwrap_or(stem);
            format!("{stem}.jsonl")
        }
    }
}

/// Only regular files are read: FIFOs, sockets and devices would block or never end.
fn check_regular(ft: std::fs::FileType) -> Result<(), String> {
    if ft.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = if ft.is_fifo() {
            "a FIFO"
        } else if ft.is_socket() {
            "a socket"
        } else if ft.is_block_device() || ft.is_char_device() {
            "a device"
        } else {
            "not a regular file"
        };
        Err(format!("skipped: {kind}, not a regular file"))
    }
    #[cfg(not(unix))]
    Err("skipped: not a regular file".to_string())
}

/// Opens `path` for reading if it is a regular file, with its metadata. The file is opened
/// without blocking and checked with `fstat` (one stat, and no window in which the path could
/// turn into a FIFO between the check and the open: opening a FIFO with `O_NONBLOCK`
/// returns at once instead of waiting for a writer). Elsewhere than Unix the path is checked
/// before it is opened.
fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), String> {
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
        check_regular(meta.file_type())?;
    }
    let file = crate::fsat::open_read(path).map_err(|e| describe_io(&e))?;
    let meta = file.metadata().map_err(|e| describe_io(&e))?;
    check_regular(meta.file_type())?;
    Ok((file, meta))
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one source: decompresses, refuses empty, oversized and binary input, and notes
/// invalid UTF-8 (a warning, or an error with `strict_utf8`).
pub fn read(source: Source, opts: &ReadOptions) -> Result<Document, InputError> {
    let path = source.path.clone();
    let fail = |msg: String| InputError::new(&path, msg);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let limit = opts.max_bytes;
    let open = || open_regular(&path).map_err(fail);
    let (bytes, compression) = if path == Path::new("-") {
        let r = read_limited(io::stdin().lock(), limit, 0).map_err(|e| fail(describe_io(&e)))?;
        (r, None)
    } else if name.ends_with(".gz") {
        let (file, meta) = open()?;
        let r = if meta.len() <= GZ_IN_MEMORY {
            // Small enough to hold: one read, then inflate from memory into a buffer sized
            // from the gzip trailer, with no copies as it grows.
            let packed =
                read_file(file, meta.len(), GZ_IN_MEMORY).map_err(|e| fail(describe_io(&e)))?;
            let hint = gzip_size_hint(&packed).min(usize::try_from(limit).unwrap_or(usize::MAX));
            match inflate_member(&packed, hint) {
                Some(bytes) => Ok(bytes),
                None => read_limited(MultiGzDecoder::new(&packed[..]), limit, hint),
            }
        } else {
            read_limited(MultiGzDecoder::new(file), limit, 0)
        }
        .map_err(|e| fail(gzip_error(&e)))?;
        (r, Some("gzip"))
    } else if name.ends_with(".zst") {
        let dec = zstd_reader(open()?.0).map_err(fail)?;
        let r = read_limited(dec, limit, 0).map_err(|e| fail(zstd_error(&e)))?;
        (r, Some("zstd"))
    } else {
        let (file, meta) = open()?;
        (
            read_file(file, meta.len(), limit).map_err(|e| fail(describe_io(&e)))?,
            None,
        )
    };
    if bytes.len() as u64 > limit {
        return Err(fail(format!(
            "larger than the {} byte limit (--max-bytes)",
            limit
        )));
    }
    if bytes.is_empty() {
        return Err(fail("empty file".into()));
    }
    let mut warnings = Vec::new();
    if source.format == Format::Html {
        // Decoded by its declared charset later; UTF-16 pages have NULs but a byte-order mark.
        let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
        if !utf16 && let Some(pos) = memchr::memchr(0, &bytes) {
            return Err(fail(format!(
                "binary file (NUL byte at offset {pos}), not HTML"
            )));
        }
        return Ok(Document {
            source,
            bytes,
            compression,
            warnings,
            utf8: false,
        });
    }
    if let Some(pos) = memchr::memchr(0, &bytes) {
        return Err(fail(format!(
            "binary file (NUL byte at offset {pos}), not text"
        )));
    }
    let utf8 = std::str::from_utf8(&bytes).map(|_| ());
    if let Err(e) = utf8 {
        let bad = invalid_utf8_share(&bytes);
        // Legacy-encoded text (Latin-1 accents) stays well below this; random bytes do not.
        if bad > 0.3 {
            return Err(fail(format!(
                "binary or non-UTF-8 file ({:.0}% of bytes are not UTF-8 text)",
                bad * 100.0
            )));
        }
        let msg = format!("invalid UTF-8 at byte {}; kept as bytes", e.valid_up_to());
        if opts.strict_utf8 {
            return Err(fail(msg.replace("; kept as bytes", "")));
        }
        warnings.push(msg);
    }
    Ok(Document {
        utf8: utf8.is_ok(),
        source,
        bytes,
        compression,
        warnings,
    })
}

/// Reads at most `limit + 1` bytes (so an oversized input is detected without reading it all).
/// `capacity` is the expected size (0 when unknown).
fn read_limited(r: impl Read, limit: u64, capacity: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(capacity);
    r.take(limit.saturating_add(1)).read_to_end(&mut out)?;
    Ok(out)
}

/// Reads a regular file of `size` bytes (its length when opened), at most `limit + 1` of them,
/// into a buffer of that size: usually one `read`. A read that comes back short having brought
/// the total to exactly `size` is the end of the file (a file that had grown would have filled
/// the one byte more that was asked for); any other short read is followed by more reads, up
/// to one that returns 0, as `read_to_end` does.
fn read_file(mut file: File, size: u64, limit: u64) -> io::Result<Vec<u8>> {
    let max = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    let first = usize::try_from(size)
        .map_or(max, |s| s.saturating_add(1))
        .min(max);
    // Read into the vector's spare room, never zeroed first: the allocation is the file's
    // size plus one, so one read fills it and a short count ends it.
    let mut buf: Vec<u8> = Vec::with_capacity(first);
    loop {
        if buf.len() == buf.capacity() {
            if buf.len() == max {
                break;
            }
            // Longer than when it was opened: grow as read_to_end would.
            let grown = buf.capacity().saturating_mul(2).max(8192).min(max);
            buf.reserve_exact(grown - buf.len());
        }
        let asked = buf.capacity().min(max) - buf.len();
        match read_into_spare(&mut file, &mut buf, asked) {
            Ok(0) => break,
            Ok(n) => {
                if n < asked && size > 0 && buf.len() as u64 == size {
                    break;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(buf)
}

/// Reads at most `asked` bytes (no more than the spare room) onto the end of `buf`.
#[cfg(unix)]
fn read_into_spare(file: &mut File, buf: &mut Vec<u8>, asked: usize) -> io::Result<usize> {
    use std::os::fd::AsRawFd;
    let spare = buf.spare_capacity_mut();
    let asked = asked.min(spare.len()).min(isize::MAX as usize);
    // SAFETY: the kernel writes at most `asked` bytes into the spare room, which is that
    // long at least; the length grows by exactly the bytes it reports written.
    unsafe {
        let n = libc::read(file.as_raw_fd(), spare.as_mut_ptr().cast(), asked);
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        let n = n as usize;
        buf.set_len(buf.len() + n);
        Ok(n)
    }
}

/// Reads at most `asked` bytes onto the end of `buf` (zeroing the room first).
#[cfg(not(unix))]
fn read_into_spare(file: &mut File, buf: &mut Vec<u8>, asked: usize) -> io::Result<usize> {
    let old = buf.len();
    buf.resize(old + asked, 0);
    let r = file.read(&mut buf[old..]);
    buf.truncate(old + *r.as_ref().unwrap_or(&0));
    r
}

/// Compressed files up to this size are read whole before inflating; larger ones stream.
const GZ_IN_MEMORY: u64 = 64 << 20;

/// The uncompressed size a gzip stream's trailer states (of its last member, modulo 2^32),
/// when it is plausible (at most 64 times the compressed size); 0 otherwise. Only a
/// capacity hint: a wrong one costs a reallocation, nothing more.
fn gzip_size_hint(packed: &[u8]) -> usize {
    let Some(tail) = packed.last_chunk::<4>() else {
        return 0;
    };
    let size = u32::from_le_bytes(*tail) as usize;
    if size <= packed.len().saturating_mul(64) {
        size
    } else {
        0
    }
}

/// Inflates a gzip file that is one plain member (no header fields but a file name) whose
/// trailer states `size`, the bytes it holds, straight into a buffer of that size: no reader
/// in between, no zeroing of the buffer first, no copies into the inflater's window. None for
/// anything else (more members, trailing bytes, a size or CRC that does not match, corrupt
/// data), which the streaming reader then reads as before, errors and all.
fn inflate_member(packed: &[u8], size: usize) -> Option<Vec<u8>> {
    const FTEXT: u8 = 1;
    const FNAME: u8 = 8;
    let (header, _) = packed.split_first_chunk::<10>()?;
    if header[..3] != [0x1f, 0x8b, 8] || header[3] & !(FTEXT | FNAME) != 0 || size == 0 {
        return None;
    }
    let mut at = 10;
    if header[3] & FNAME != 0 {
        at += memchr::memchr(0, &packed[at..])? + 1;
    }
    let body = packed.get(at..packed.len().checked_sub(8)?)?;
    let mut out = Vec::with_capacity(size);
    let mut inflater = flate2::Decompress::new(false);
    let status = inflater
        .decompress_vec(body, &mut out, flate2::FlushDecompress::Finish)
        .ok()?;
    if status != flate2::Status::StreamEnd || inflater.total_in() != body.len() as u64 {
        return None;
    }
    let trailer = packed.last_chunk::<8>()?;
    let mut crc = flate2::Crc::new();
    crc.update(&out);
    let stated = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    (out.len() == size && crc.sum() == stated).then_some(out)
}

fn gzip_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "truncated gzip stream".into(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt gzip data: {e}")
        }
        _ => describe_io(e),
    }
}

/// Share of bytes that are not part of valid UTF-8 sequences.
fn invalid_utf8_share(bytes: &[u8]) -> f64 {
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        bad += chunk.invalid().len();
    }
    bad as f64 / bytes.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names() {
        assert_eq!(output_name("a.txt"), "a.txt");
        assert_eq!(output_name("a.txt.gz"), "a.txt");
        assert_eq!(output_name("a.text"), "a.txt");
        assert_eq!(output_name("a.md"), "a.md.txt");
        assert_eq!(output_name("README"), "README.txt");
        assert_eq!(output_name("b.zst"), "b.txt");
    }

    #[test]
    fn read_file_whatever_the_size_said() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let data: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let open = || File::open(&path).unwrap();
        // The right size, a stale smaller one (the file grew), a larger one (it shrank), none.
        for size in [20_000, 5, 1, 30_000, 0] {
            assert_eq!(
                read_file(open(), size, 1 << 30).unwrap(),
                data,
                "size {size}"
            );
        }
        // At most limit + 1 bytes, whatever the size said.
        for size in [20_000, 10, 0] {
            assert_eq!(read_file(open(), size, 99).unwrap(), &data[..100]);
        }
        assert_eq!(read_file(open(), 20_000, 0).unwrap(), &data[..1]);
        std::fs::write(&path, b"").unwrap();
        assert!(read_file(open(), 0, 1 << 30).unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_when_read_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return;
        }
        // As if the walk had seen a regular file that was then replaced by a FIFO.
        let source = Source {
            path: path.clone(),
            id: "f.txt".into(),
            output: PathBuf::from("f.txt"),
            format: Format::Text,
        };
        let e = read(source, &ReadOptions::default()).unwrap_err();
        assert_eq!(e.error, "skipped: a FIFO, not a regular file");
        assert!(open_stream(&path).is_err());
    }

    #[test]
    fn a_plain_gzip_member_is_inflated_in_one_go() {
        use std::io::Write;
        let data: Vec<u8> = (0..50_000u32)
            .map(|i| b'a' + (i.wrapping_mul(2_654_435_761) >> 27) as u8 % 26)
            .collect();
        let gz = |name: Option<&str>| {
            let mut b = flate2::GzBuilder::new();
            if let Some(n) = name {
                b = b.filename(n);
            }
            let mut e = b.write(Vec::new(), flate2::Compression::default());
            e.write_all(&data).unwrap();
            e.finish().unwrap()
        };
        for packed in [gz(None), gz(Some("page.html"))] {
            let size = gzip_size_hint(&packed);
            assert_eq!(inflate_member(&packed, size).as_deref(), Some(&data[..]));
            // Too small a size, two members, a wrong CRC: left to the streaming reader.
            assert!(inflate_member(&packed, size - 1).is_none());
            let two = [&packed[..], &packed[..]].concat();
            assert!(inflate_member(&two, size).is_none());
            let mut bad = packed.clone();
            let n = bad.len();
            bad[n - 8] ^= 1;
            assert!(inflate_member(&bad, size).is_none());
        }
        // A header with a comment: the streaming reader's.
        let mut e = flate2::GzBuilder::new()
            .comment("c")
            .write(Vec::new(), flate2::Compression::default());
        e.write_all(&data).unwrap();
        let packed = e.finish().unwrap();
        assert!(inflate_member(&packed, data.len()).is_none());
    }

    #[test]
    fn invalid_share() {
        assert_eq!(invalid_utf8_share(b"abc"), 0.0);
        assert!(invalid_utf8_share(b"a\xffbc") > 0.2);
    }
}
