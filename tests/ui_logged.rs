//! Failures no code saw (a task exception never retrieved, an exception in
//! a callback) are marked on the lesson screen: in the output pane, on the
//! task's lane at their moment, and in the task's detail view.

#[path = "support/screen.rs"]
mod screen;

use asynclings::ui::app::{App, Msg};
use crossterm::event::KeyCode;

const SILENT: &str = r#"import asyncio


async def fails():
    await asyncio.sleep(1)
    raise KeyError("k")


def callback():
    raise ValueError("in a callback")


async def main():
    asyncio.create_task(fails())
    asyncio.get_running_loop().call_later(2, callback)
    await asyncio.sleep(4)
    print("main ends without reading the task")


asyncio.run(main())
"#;

fn ran() -> App {
    screen::ran("silent.py", SILENT)
}

#[test]
fn logged_failures_show_in_the_output_on_the_lane_and_in_the_detail_view() {
    let mut app = ran();
    let rows = screen::rows(&mut app, 180, 44);
    let text = rows.join("\n");
    // The output pane: each report's first line and the exception, marked.
    assert!(
        text.contains("[t=2] ⚠ Exception in callback callback()"),
        "{text}"
    );
    assert!(
        text.contains("[t=4] ⚠ Task exception was never retrieved:"),
        "{text}"
    );
    assert!(text.contains("KeyError: 'k'"), "{text}");
    // The failed task's lane carries the mark; main's does not.
    let lane = |name: &str| {
        rows.iter()
            .find(|r| r.contains(name) && r.contains(" #"))
            .unwrap_or_else(|| panic!("no lane {name}:\n{text}"))
            .clone()
    };
    assert!(lane("fails()").contains('⚠'), "{text}");
    assert!(!lane("main()").contains('⚠'), "{text}");
    assert!(
        text.contains("⚠logged error"),
        "the legend names the mark:\n{text}"
    );
    // The task's detail view lists the report.
    app.update(Msg::key(KeyCode::Down));
    app.update(Msg::key(KeyCode::Enter));
    let text = screen::rows(&mut app, 180, 44).join("\n");
    assert!(
        text.contains("logged: ⚠ t=4 Task exception was never retrieved"),
        "{text}"
    );
}
