use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::sleep;

static RUNNING: AtomicUsize = AtomicUsize::new(0);
static BUSIEST: AtomicUsize = AtomicUsize::new(0);

async fn fetch(n: u32, sem: Arc<Semaphore>) -> u32 {
    let _permit = sem.acquire().await.expect("the semaphore is never closed");
    let running = RUNNING.fetch_add(1, Ordering::Relaxed) + 1;
    BUSIEST.fetch_max(running, Ordering::Relaxed);
    println!("fetch {n}: start ({running} running)");
    sleep(Duration::from_secs_f64(0.5 + f64::from(n % 4) * 0.3)).await; // the request
    RUNNING.fetch_sub(1, Ordering::Relaxed);
    n
} // `_permit` is dropped here: the first task waiting for one gets it

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sem = Arc::new(Semaphore::new(3));
    let fetches: Vec<_> = (1..=20)
        .map(|n| tokio::spawn(fetch(n, sem.clone())))
        .collect();
    let mut pages = Vec::new();
    for f in fetches {
        pages.push(f.await.expect("a fetch panicked"));
    }
    let busiest = BUSIEST.load(Ordering::Relaxed);
    println!("fetched {} pages, at most {busiest} at once", pages.len());
}
