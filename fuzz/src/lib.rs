//! What the fuzz targets share: the counting allocator (so the engine's
//! memory budget works as in the binary), small limits (so every input
//! ends in well under a second), a network cut off from the outside, and
//! the structured Python programs of the `python_ast` target.

pub mod ast;

use asynclings::engine::Limits;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: asynclings::memory::Counting<std::alloc::System> =
    asynclings::memory::Counting(std::alloc::System);

/// Bounds small enough that a runaway input ends fast, large enough that
/// the lessons' demos finish.
pub fn limits() -> Limits {
    Limits {
        max_lanes: 500,
        max_events: 20_000,
        max_virtual: Duration::from_secs(3600),
        max_depth: 200,
        max_steps: 100_000,
        max_memory: 512 << 20,
        seed: Some(0),
    }
}

/// What the targets that run programs do before libFuzzer starts: one
/// malloc arena (see below) and a network of their own
/// ([`isolate_network`]).
///
/// Every run has a thread of its own; with glibc's arena per thread the
/// heap fragments and the resident size grows by some 20 KB a run with no
/// byte leaked (the counting allocator shows none), until libFuzzer's
/// `-rss_limit_mb` calls it out of memory. One arena keeps it flat.
pub fn init() {
    // SAFETY: a malloc tuning call, made before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
    isolate_network();
}

/// Moves this process into a network namespace of its own, where only a
/// loopback interface exists: a run may open its own loopback servers and
/// reach nothing else, whatever the engine's checks do. Called once, before
/// libFuzzer starts any thread. Where user namespaces are not available it
/// says so and the engine's own sandbox (no port but the run's own
/// servers, loopback only) is the only guard.
pub fn isolate_network() {
    match own_network_namespace() {
        Ok(()) => eprintln!("fuzz: network namespace of its own (loopback only)"),
        Err(e) => eprintln!(
            "fuzz: WARNING: no network namespace ({e}); only the engine's sandbox guards the network"
        ),
    }
}

fn own_network_namespace() -> std::io::Result<()> {
    // SAFETY: plain system calls on this process; no thread runs yet.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    if unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // Map our own ids, so files (the corpus, the artifacts) are still ours.
    std::fs::write("/proc/self/setgroups", "deny")?;
    std::fs::write("/proc/self/uid_map", format!("{uid} {uid} 1"))?;
    std::fs::write("/proc/self/gid_map", format!("{gid} {gid} 1"))?;
    loopback_up()
}

/// Brings up `lo` in the new namespace (it starts down).
fn loopback_up() -> std::io::Result<()> {
    // SAFETY: a socket used only for two interface ioctls, then closed;
    // `ifreq` is plain data, zeroed, with a NUL-terminated name.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let mut req: libc::ifreq = std::mem::zeroed();
        for (i, b) in b"lo\0".iter().enumerate() {
            req.ifr_name[i] = *b as libc::c_char;
        }
        let mut result = Ok(());
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) < 0 {
            result = Err(std::io::Error::last_os_error());
        } else {
            req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            if libc::ioctl(fd, libc::SIOCSIFFLAGS, &req) < 0 {
                result = Err(std::io::Error::last_os_error());
            }
        }
        libc::close(fd);
        result
    }
}

/// Runs `source` as a demo if it loads (see [`run`]).
pub fn load_and_run(source: &str) {
    if let Ok(program) = asynclings::python::load("fuzz.py", source) {
        run(program);
    }
}

/// Runs a program headless with [`limits`] and reads everything a user
/// would see of the run. An engine failure (a panic on the demo thread)
/// is a crash.
///
/// With `FUZZ_SHOW_LEAKS=1` it prints the bytes the run left allocated
/// once everything it made is dropped (a leak, such as a cycle of
/// reference-counted values, shows as a positive count).
pub fn run(program: asynclings::program::Program) {
    let before = asynclings::memory::live_bytes();
    {
        let report = asynclings::engine::run_headless(program, &limits());
        if let asynclings::engine::Outcome::Failed(why) = &report.outcome {
            panic!("the engine failed: {why}");
        }
        for event in &report.events {
            std::hint::black_box(event.to_string());
        }
        std::hint::black_box((report.transcript(), &report.warnings));
    }
    if show_leaks() {
        let after = asynclings::memory::live_bytes();
        eprintln!("fuzz: left allocated: {}", after as i64 - before as i64);
    }
}

fn show_leaks() -> bool {
    static SHOW: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SHOW.get_or_init(|| std::env::var_os("FUZZ_SHOW_LEAKS").is_some())
}
