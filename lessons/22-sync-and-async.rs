use std::time::Duration;

fn legacy_lookup(key: &str) -> String {
    std::thread::sleep(Duration::from_secs(1)); // a blocking call: an old client library, a driver
    key.to_uppercase()
}

async fn serve(label: &str) {
    for n in 1..4 {
        tokio::task::yield_now().await; // a request that needs no waiting
        println!("{label}: served request {n}");
    }
}

async fn lookup_on_the_loop(key: &str) -> String {
    let value = legacy_lookup(key); // the mistake: blocks the runtime's thread
    println!("lookup {key} -> {value} (on the loop)");
    value
}

async fn lookup_in_a_thread(key: &'static str) -> String {
    let value = tokio::task::spawn_blocking(move || legacy_lookup(key))
        .await
        .expect("the lookup panicked");
    println!("lookup {key} -> {value} (in a thread)");
    value
}

/// `#[tokio::main]` makes this a plain `fn run() -> String` that builds a
/// runtime and calls `block_on` on the body, as `asyncio.run` does.
#[tokio::main(flavor = "current_thread")]
async fn run() -> String {
    tokio::join!(serve("first"), lookup_on_the_loop("a"));
    let (_, value) = tokio::join!(serve("then"), lookup_in_a_thread("b"));
    value
}

fn main() {
    let value = run(); // sync code calling async code
    println!("sync code got {value}");
}
