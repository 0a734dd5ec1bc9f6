use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;

async fn upload(name: &str, seconds: f64, stop: oneshot::Receiver<&str>) -> bool {
    println!("{name}: uploading");
    // Whichever future finishes first wins; the other one is dropped.
    tokio::select! {
        _ = sleep(Duration::from_secs_f64(seconds)) => {
            println!("{name}: uploaded");
            false
        }
        Ok(reason) = stop => {
            println!("{name}: stopped ({reason}), deleting the partial file");
            sleep(Duration::from_secs_f64(0.5)).await;
            println!("{name}: partial file deleted");
            true
        }
    }
}

async fn save_log(line: String) {
    sleep(Duration::from_secs(1)).await;
    println!("log: saved {line}");
}

async fn finish(name: &'static str) {
    println!("{name}: writing the log");
    // A task of its own: aborting `finish` drops this handle, which
    // detaches the save instead of cancelling it (asyncio.shield).
    let save = tokio::spawn(save_log(format!("{name} stopped")));
    save.await.unwrap();
    println!("{name}: log written");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (stop, stopped) = oneshot::channel();
    let photo = tokio::spawn(upload("photo", 3.0, stopped));
    sleep(Duration::from_secs(1)).await;
    stop.send("user pressed stop").unwrap();
    if photo.await.unwrap() {
        println!("main: photo was cancelled");
    }
    let closing = tokio::spawn(finish("photo"));
    sleep(Duration::from_secs_f64(0.4)).await;
    closing.abort();
    if closing.await.is_err_and(|e| e.is_cancelled()) {
        println!("main: closing was cancelled, the shielded save goes on");
    }
    sleep(Duration::from_secs(1)).await;
    println!("main: done");
}
