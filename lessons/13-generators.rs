use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Instant, Sleep, sleep};

/// Where a worker is suspended: one state per `yield` of the Python
/// generator. `async fn` compiles to an enum like this one.
enum State {
    /// At the first `now = yield delay`.
    First,
    /// Inside `yield from pause(delay, 2)`: this many pauses left.
    Sub(u32),
    /// At the last `now = yield delay`.
    Last,
    /// Returned: `StopIteration`.
    Done,
}

/// The Python `worker` generator as a hand-written future. Polling it is
/// `send()`: it runs from where it stopped to its next pause, and returns
/// `Poll::Pending` where the generator yields.
struct Worker {
    name: &'static str,
    delay: Duration,
    start: Instant,
    state: State,
    /// The pause it waits for: the request it hands up the chain.
    pause: Pin<Box<Sleep>>,
}

impl Worker {
    fn new(name: &'static str, delay: Duration) -> Self {
        Worker {
            name,
            delay,
            start: Instant::now(),
            state: State::First,
            pause: Box::pin(sleep(delay)),
        }
    }

    /// Seconds since the start: what the Python scheduler sends in.
    fn now(&self) -> u64 {
        self.start.elapsed().as_secs()
    }

    /// The next pause, `delay` after the one that just ended.
    fn pause_again(&mut self) {
        let next = self.pause.deadline() + self.delay;
        self.pause.as_mut().reset(next);
    }
}

impl Future for Worker {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            match self.state {
                State::First => {
                    // Pending hands `cx.waker()` to the timer: when the pause
                    // is over, the timer wakes the task, which polls again.
                    ready!(self.pause.as_mut().poll(cx));
                    println!("{}: resumed at t={}", self.name, self.now());
                    self.pause_again();
                    self.state = State::Sub(2);
                }
                State::Sub(0) => {
                    println!("{}: back from two more pauses", self.name);
                    self.state = State::Last;
                }
                State::Sub(left) => {
                    ready!(self.pause.as_mut().poll(cx));
                    self.pause_again();
                    self.state = State::Sub(left - 1);
                }
                State::Last => {
                    ready!(self.pause.as_mut().poll(cx));
                    println!("{}: resumed at t={}, done", self.name, self.now());
                    self.state = State::Done;
                    return Poll::Ready(());
                }
                // Polling a finished future is a caller bug that `Future`
                // leaves unspecified; answering `Ready` again avoids a panic.
                State::Done => return Poll::Ready(()),
            }
        }
    }
}

/// The Python `scheduler`, as a future that polls its workers: each time
/// its task is woken it polls every unfinished worker, in order.
struct Scheduler {
    tasks: Vec<(&'static str, Worker)>,
}

impl Future for Scheduler {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.tasks.retain_mut(|(name, worker)| {
            let done = Pin::new(worker).poll(cx).is_ready();
            if done {
                println!("scheduler: {name} has returned");
            }
            !done
        });
        if self.tasks.is_empty() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let tasks = vec![
        ("a", Worker::new("a", Duration::from_secs(1))),
        ("b", Worker::new("b", Duration::from_secs(2))),
    ];
    Scheduler { tasks }.await;
    println!("main: every task is done");
}
