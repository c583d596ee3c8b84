//! The file-system floor under `decruft clean`'s throughput: the same per-file work (open,
//! fstat, read and close each input in sorted order; write a temporary output beside the final
//! name, close it and rename it), with no cleaning at all and every input byte written back out.
//! `bench/throughput.sh` runs it on its corpus so that decruft's MB/s can be read against what
//! one output file per input costs on the machine by itself.
//!
//! Usage: `cargo run --release --example copy_floor -- INPUT_DIR OUT_DIR` (one thread);
//! prints `files bytes seconds`.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, out] = &args[..] else {
        eprintln!("usage: copy_floor INPUT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let start = Instant::now();
    let (mut files, mut bytes) = (0u64, 0u64);
    let mut buf = Vec::new();
    for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(input)
            .expect("under the input folder");
        let dest = Path::new(out).join(rel);
        let dir = dest.parent().expect("a file has a parent");
        if !dir.is_dir() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::File::open(entry.path())?;
        let len = f.metadata()?.len() as usize;
        buf.clear();
        buf.reserve(len + 1);
        f.read_to_end(&mut buf)?;
        drop(f);
        let name = dest.file_name().expect("a file name").to_string_lossy();
        let tmp = dir.join(format!(".{name}.floor.tmp"));
        let mut o = std::fs::File::create(&tmp)?;
        o.write_all(&buf)?;
        drop(o);
        std::fs::rename(&tmp, &dest)?;
        files += 1;
        bytes += buf.len() as u64;
    }
    println!("{files} {bytes} {:.3}", start.elapsed().as_secs_f64());
    Ok(())
}
