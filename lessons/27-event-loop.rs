use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::sleep;

fn callback(label: &str) {
    println!("callback: {label}");
}

async fn steps(name: &str, pause: bool) {
    for i in 0..3 {
        println!("{name}: step {i}");
        if pause {
            yield_now().await;
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Tokio has no bare callbacks: a small task plays each one.
    tokio::spawn(async {
        sleep(Duration::from_secs_f64(0.5)).await;
        callback("call_later(0.5)");
    });
    tokio::spawn(async { callback("call_soon") });
    let polite = tokio::spawn(steps("polite", true));
    let greedy = tokio::spawn(steps("greedy", false));
    println!("main: two callbacks and two tasks scheduled");
    polite.await.unwrap();
    greedy.await.unwrap();
    println!("main: both tasks done");
    sleep(Duration::from_secs(1)).await;
    println!("main: done");
}
