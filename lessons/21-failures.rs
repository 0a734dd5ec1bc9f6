use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

async fn fetch(name: &'static str, seconds: f64, fails: bool) -> Result<&'static str, String> {
    // Runs when the future is dropped before it defuses it: cancellation.
    let cancelled = scopeguard::guard((), |()| println!("{name}: cancelled"));
    sleep(Duration::from_secs_f64(seconds)).await;
    scopeguard::ScopeGuard::into_inner(cancelled);
    if fails {
        return Err(format!("{name} is down"));
    }
    println!("{name}: ok");
    Ok(name)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut tg = JoinSet::new();
    tg.spawn(fetch("users", 0.5, false));
    tg.spawn(fetch("orders", 1.0, true));
    tg.spawn(fetch("prices", 2.0, false));
    let mut errors = Vec::new();
    while let Some(joined) = tg.join_next().await {
        match joined {
            Ok(Ok(_)) => {}
            Ok(Err(error)) => {
                errors.push(error);
                tg.abort_all(); // the first failure cancels the rest
            }
            Err(e) if e.is_cancelled() => {} // a JoinError: aborted
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    for error in &errors {
        println!("main: the group failed: {error}");
    }
    let results = futures::future::join_all([
        fetch("users", 0.5, false),
        fetch("orders", 1.0, true),
        fetch("prices", 2.0, false),
    ])
    .await;
    for result in results {
        match result {
            Err(error) => println!("main: gather gave an error: {error}"),
            Ok(value) => println!("main: gather gave {value}"),
        }
    }
}
