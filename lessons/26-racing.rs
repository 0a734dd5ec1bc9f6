use std::time::Duration;
use tokio::time::sleep;

async fn mirror(name: &'static str, seconds: f64) -> String {
    // Runs if the future is dropped before it switches the guard off.
    let cancelled = scopeguard::guard((), |()| println!("{name}: cancelled"));
    sleep(Duration::from_secs_f64(seconds)).await;
    scopeguard::ScopeGuard::into_inner(cancelled);
    println!("{name}: answered");
    format!("{name}'s copy")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut mirrors = [("paris", 1.2), ("tokyo", 0.7), ("lima", 2.0)]
        .map(|(name, seconds)| (name, tokio::spawn(mirror(name, seconds))));
    let [(_, paris), (_, tokyo), (_, lima)] = &mut mirrors;
    // The first handle to finish wins; `biased` polls them in this order.
    let (winner, copy) = tokio::select! {
        biased;
        copy = paris => (0, copy),
        copy = tokyo => (1, copy),
        copy = lima => (2, copy),
    };
    println!("main: got {}, 2 still running", copy.unwrap());
    for (_, handle) in &mirrors {
        if !handle.is_finished() {
            handle.abort();
        }
    }
    for (i, (name, handle)) in mirrors.into_iter().enumerate() {
        // A handle whose output was taken must not be awaited again.
        if i != winner && handle.await.is_err_and(|e| e.is_cancelled()) {
            println!("main: {name} was cancelled");
        }
    }
}
