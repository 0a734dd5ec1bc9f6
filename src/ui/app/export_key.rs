//! The export key (`x`): a prompt for the format (`s` svg, `c` cast, `t`
//! trace, `j` json), then the run saved beside the lesson's file, or in
//! the current folder for a built-in lesson, under a name no file has yet.

use super::{App, RunStatus};
use crate::export::Format;
use crate::files::write_new;
use crate::text::format_seconds;
use crate::ui::export::{Options, Recorded, export, folder_for, screen, stem_for};
use crossterm::event::{KeyCode, KeyEvent};
use std::path::PathBuf;

/// The prompt's keys and the format each picks.
pub const KEYS: [(char, Format); 4] = [
    ('s', Format::Svg),
    ('c', Format::Cast),
    ('t', Format::Trace),
    ('j', Format::Json),
];

impl App {
    /// A key while the export prompt is open: a format's key saves the run
    /// in it, any other key closes the prompt.
    pub(super) fn export_key(&mut self, k: KeyEvent) {
        self.exporting = false;
        let KeyCode::Char(c) = k.code else { return };
        let Some((_, format)) = KEYS.iter().find(|(key, _)| *key == c) else {
            return;
        };
        self.export_note = Some(match self.save_run(*format) {
            Ok(path) => format!("saved {}", path.display()),
            Err(why) => format!("not saved: {why}"),
        });
    }

    /// Saves the open lesson's run in `format` and returns the file
    /// written. The SVG is the screen as it is; the other formats need the
    /// run to have ended.
    pub fn save_run(&mut self, format: Format) -> Result<PathBuf, String> {
        let lesson = self.lesson.as_ref().ok_or("no lesson is open")?;
        let l = &self.lessons[lesson.index];
        let bytes = match (format, &lesson.status) {
            (Format::Svg, _) => {
                let title = format!(
                    "asynclings: {} ({}) at t={}s",
                    l.title,
                    l.id,
                    format_seconds(lesson.view_time().as_secs_f64())
                );
                screen::screen_svg(self, &title).into_bytes()
            }
            (_, RunStatus::Finished(outcome)) if !lesson.events.is_empty() => {
                let run = Recorded {
                    lesson: l,
                    events: &lesson.events,
                    outcome: outcome.clone(),
                    seed: crate::engine::Limits::default().seed,
                };
                let options = Options {
                    at: None,
                    size: self.size,
                    theme: self.theme,
                };
                export(&run, format, &options)
            }
            _ => return Err("run the demo to its end first (Space)".into()),
        };
        let dir = folder_for(l);
        write_new(&dir, &stem_for(l), format.extension(), &bytes)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
    }
}
