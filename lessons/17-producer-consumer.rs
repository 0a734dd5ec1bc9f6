use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::sleep;

async fn producer(tx: mpsc::Sender<u32>) {
    for n in 1..=6 {
        sleep(Duration::from_secs_f64(0.2)).await; // taking the order
        if tx.capacity() == 0 {
            println!("producer: queue full, order {n} waits");
        }
        tx.send(n).await.expect("the packers are still there");
        let waiting = tx.max_capacity() - tx.capacity();
        println!("producer: order {n} queued ({waiting} waiting)");
    }
    println!("producer: all orders in");
    // `tx` is dropped here: the channel closes once it is drained.
}

async fn packer(name: &str, seconds: f64, rx: Arc<Mutex<mpsc::Receiver<u32>>>) {
    loop {
        // One receiver, shared: a packer holds the lock while it waits.
        let order = rx.lock().await.recv().await;
        let Some(order) = order else {
            break; // closed and empty: every order is out
        };
        println!("{name}: packing order {order}");
        sleep(Duration::from_secs_f64(seconds)).await;
        println!("{name}: order {order} shipped");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = mpsc::channel(2);
    let rx = Arc::new(Mutex::new(rx));
    let packers = [
        tokio::spawn(packer("fast packer", 1.0, rx.clone())),
        tokio::spawn(packer("slow packer", 1.5, rx)),
    ];
    producer(tx).await;
    for p in packers {
        p.await.expect("a packer panicked");
    }
    println!("main: every order shipped");
}
