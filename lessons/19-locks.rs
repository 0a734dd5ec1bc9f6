use std::time::Duration;
use tokio::time::sleep;

/// A balance any task may read or write, one statement at a time.
static BALANCE: std::sync::Mutex<i64> = std::sync::Mutex::new(0);

async fn deposit(name: &str, amount: i64, seconds: f64) {
    let seen = *BALANCE.lock().unwrap(); // the guard is dropped at the `;`
    sleep(Duration::from_secs_f64(seconds)).await; // ask the bank to record it
    let mut balance = BALANCE.lock().unwrap();
    *balance = seen + amount;
    println!("{name}: saw {seen}, wrote {balance}");
}

async fn deposit_locked(name: &str, amount: i64, seconds: f64, lock: &tokio::sync::Mutex<i64>) {
    let mut balance = lock.lock().await; // held across the `.await` below
    let seen = *balance;
    sleep(Duration::from_secs_f64(seconds)).await; // ask the bank to record it
    *balance = seen + amount;
    println!("{name}: saw {seen}, wrote {balance}");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::join!(
        deposit("alice", 10, 0.3),
        deposit("bob", 20, 0.2),
        deposit("carol", 30, 0.1),
    );
    println!("without a lock: balance {}", BALANCE.lock().unwrap());
    let lock = tokio::sync::Mutex::new(0);
    tokio::join!(
        deposit_locked("alice", 10, 0.3, &lock),
        deposit_locked("bob", 20, 0.2, &lock),
        deposit_locked("carol", 30, 0.1, &lock),
    );
    println!("with a lock: balance {}", lock.lock().await);
}
