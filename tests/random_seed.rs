//! `random` without a seed: the run picks one, says it on stderr, and
//! `--seed N` replays the run exactly, drawing what CPython draws after
//! `random.seed(N)`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = "\
import asyncio
import random


async def main():
    print(random.randint(1, 10**6), random.random(), random.choice('abcdef'))
    deck = list(range(10))
    random.shuffle(deck)
    print(deck)


asyncio.run(main())
";

fn asynclings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asynclings"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the temporary program is written");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_unseeded_run_names_its_seed_and_the_seed_replays_it_as_cpython_draws() {
    let dir = std::env::temp_dir().join(format!("asynclings-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let program = write(&dir, "unseeded.py", PROGRAM);
    let program = program.to_str().expect("a UTF-8 path");

    let first = asynclings(&["run", program, "--headless"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stderr = text(&first.stderr);
    let seed = stderr
        .lines()
        .find_map(|l| l.strip_prefix("random seed: "))
        .unwrap_or_else(|| panic!("no seed on stderr: {stderr}"))
        .to_string();

    let replay = asynclings(&["run", program, "--headless", "--seed", &seed]);
    assert!(replay.status.success(), "{}", text(&replay.stderr));
    assert_eq!(text(&replay.stdout), text(&first.stdout));
    assert!(
        !text(&replay.stderr).contains("random seed"),
        "a given seed is not reported again: {}",
        text(&replay.stderr)
    );

    let seeded = PROGRAM.replace(
        "async def main():\n",
        &format!("async def main():\n    random.seed({seed})\n"),
    );
    let seeded = write(&dir, "seeded.py", &seeded);
    let cpython = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/virtual_clock.py"))
        .arg(&seeded)
        .output()
        .expect("python3 runs");
    assert_eq!(text(&cpython.stdout), text(&first.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_seed_must_be_a_number() {
    let out = asynclings(&["run", "1", "--headless", "--seed", "x"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
