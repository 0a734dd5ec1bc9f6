//! Edit and rerun: the demo opened in an editor (`e`), and a lesson's files
//! reloaded and rerun when they change on disk.

use super::run::discard;
use super::{App, LessonState, RunStatus};
use crate::ui::aggregate::Aggregate;
use crate::ui::highlight::Lang;
use crate::ui::timeline::Timeline;
use std::time::Duration;

impl App {
    /// The open lesson's demo on disk and the line to open it at: the
    /// running line, else the first line of `main`. `None` for a lesson
    /// with no file on disk (a built-in one).
    pub(super) fn edit_target(&self) -> Option<(std::path::PathBuf, usize)> {
        let lesson = self.lesson.as_ref()?;
        let l = &self.lessons[lesson.index];
        let file = std::path::Path::new(&l.file);
        let demo = if file.extension().is_some_and(|e| e == "py") {
            file.to_path_buf()
        } else {
            let name = std::path::Path::new(&*l.program.file)
                .file_name()?
                .to_owned();
            file.parent()?.join(name)
        };
        if !demo.is_file() {
            return None;
        }
        let line = crate::ui::view::code::current_line(lesson, Lang::Python)
            .or_else(|| lesson.python.functions.get("main").map(|r| r.start))
            .unwrap_or(0);
        Some((demo, line + 1))
    }

    /// Reads the open lesson's files again and reruns it; a broken edit
    /// shows its located error in place of the run and keeps the listing.
    pub fn reload(&mut self) {
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let index = lesson.index;
        let path = std::path::PathBuf::from(&self.lessons[index].file);
        match crate::lesson::load_file(&path) {
            Ok(mut fresh) => {
                let old = &self.lessons[index];
                fresh.id = old.id.clone();
                fresh.number = fresh.number.or(old.number);
                self.lessons[index] = fresh;
                let watch = lesson.watch.take();
                let (lang, speed, scroll) = (lesson.lang, lesson.speed, lesson.prose_scroll);
                let mut state =
                    LessonState::new(index, &self.lessons[index], &self.theme, lang, speed);
                state.watch = watch;
                state.prose_scroll = scroll;
                state.quiz_offered = true;
                state.start(&self.lessons[index], false);
                self.lesson = Some(state);
                self.answer_keys.remove(&index);
            }
            Err(e) => {
                discard(lesson.run.take());
                lesson.timeline = Timeline::default();
                lesson.events.clear();
                lesson.aggregate = Aggregate::default();
                lesson.now = Duration::ZERO;
                lesson.cursor = None;
                lesson.status = RunStatus::Idle;
                lesson.load_error = Some(e.render(false));
            }
        }
    }
}
