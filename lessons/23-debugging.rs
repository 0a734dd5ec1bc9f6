use std::time::Duration;
use tokio::sync::watch;
use tokio::time::sleep;

async fn fetch(name: &str, seconds: f64, ready: Option<watch::Receiver<bool>>) {
    println!("{name}: started");
    if let Some(mut ready) = ready {
        // The bug: nothing ever sends `true`.
        ready.wait_for(|r| *r).await.expect("the sender is kept");
    }
    sleep(Duration::from_secs_f64(seconds)).await;
    println!("{name}: done");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (_set, ready) = watch::channel(false);
    let tasks = [
        ("users", tokio::spawn(fetch("users", 1.0, None))),
        ("orders", tokio::spawn(fetch("orders", 0.5, Some(ready)))),
        ("prices", tokio::spawn(fetch("prices", 1.5, None))),
    ];
    sleep(Duration::from_secs(3)).await;
    let stuck: Vec<&str> = tasks
        .iter()
        .filter(|(_, task)| !task.is_finished())
        .map(|(name, _)| *name)
        .collect();
    println!("main: still running after 3 s: {stuck:?}");
    for (_, task) in &tasks {
        task.abort();
    }
}
