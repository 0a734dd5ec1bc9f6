use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tokio::time::sleep;

async fn runner(name: &str, mut gun: watch::Receiver<bool>, reaction: f64, late: f64) {
    sleep(Duration::from_secs_f64(late)).await;
    println!("{name}: on the line");
    // Returns at once if the value already is `true`, as Event.wait does.
    gun.wait_for(|fired| *fired)
        .await
        .expect("the gun is still there");
    sleep(Duration::from_secs_f64(reaction)).await;
    println!("{name}: off!");
}

/// The Condition: the stock behind a lock, and a Notify to wake waiters.
struct Shop {
    stock: Mutex<u32>,
    restocked: Notify,
}

async fn buyer(name: &str, wanted: u32, shop: Arc<Shop>) {
    loop {
        // Ask to be woken *before* checking, so no notify_waiters is missed.
        let notified = shop.restocked.notified();
        {
            let mut stock = shop.stock.lock().unwrap();
            if *stock >= wanted {
                *stock -= wanted;
                println!("{name}: bought {wanted}, {stock} left");
                return;
            }
        }
        notified.await;
    }
}

async fn supplier(shop: Arc<Shop>) {
    for _ in 0..3 {
        sleep(Duration::from_secs(1)).await;
        let mut stock = shop.stock.lock().unwrap();
        *stock += 4;
        println!("supplier: stock is {stock}");
        shop.restocked.notify_waiters();
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (fire, gun) = watch::channel(false);
    let mut tg = JoinSet::new();
    tg.spawn(runner("ann", gun.clone(), 0.2, 0.0));
    tg.spawn(runner("ben", gun.clone(), 0.1, 0.0));
    tg.spawn(runner("cat", gun, 0.1, 1.5));
    sleep(Duration::from_secs(1)).await;
    println!("main: bang!");
    fire.send_replace(true);
    tg.join_all().await;
    let shop = Arc::new(Shop {
        stock: Mutex::new(0),
        restocked: Notify::new(),
    });
    let mut tg = JoinSet::new();
    tg.spawn(buyer("dan", 6, shop.clone()));
    tg.spawn(buyer("eve", 3, shop.clone()));
    tg.spawn(supplier(shop));
    tg.join_all().await;
}
