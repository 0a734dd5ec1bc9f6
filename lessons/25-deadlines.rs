use std::time::Duration;
use tokio::time::{Instant, sleep, timeout, timeout_at};

async fn step(name: &str, seconds: f64) {
    // Runs if the future is dropped before it switches the guard off.
    let cancelled = scopeguard::guard((), |()| println!("{name}: cancelled"));
    sleep(Duration::from_secs_f64(seconds)).await;
    scopeguard::ScopeGuard::into_inner(cancelled);
    println!("{name}: done");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let limit = Duration::from_secs(2);

    println!("main: a limit on each call");
    let each = async {
        timeout(limit, step("connect", 0.5)).await?;
        timeout(limit, step("login", 0.5)).await?;
        timeout(limit, step("download", 1.5)).await
    };
    match each.await {
        Ok(()) => println!("main: every call kept to its limit"),
        Err(_elapsed) => println!("main: a call timed out"),
    }

    println!("main: one limit on the whole block");
    let block = async {
        step("connect", 0.5).await;
        step("login", 0.5).await;
        step("download", 1.5).await;
    };
    match timeout(limit, block).await {
        Ok(()) => println!("main: the block kept to its limit"),
        Err(_elapsed) => println!("main: the block timed out"),
    }

    println!("main: a deadline that moves");
    let mut deadline = Instant::now() + Duration::from_secs(3);
    let moved = async {
        timeout_at(deadline, step("handshake", 0.5)).await?;
        println!("main: the server asks for one more second");
        deadline += Duration::from_secs(1);
        timeout_at(deadline, step("transfer", 3.0)).await
    };
    match moved.await {
        Ok(()) => println!("main: the transfer made the moved deadline"),
        Err(_elapsed) => println!("main: the transfer timed out"),
    }
}
