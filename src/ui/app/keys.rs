//! Keys and the mouse: the lesson list's, the lesson screen's.

use super::{App, Pane, RunStatus, Screen, Zoom};
use crate::ui::quiz::Phase;
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

impl App {
    /// The lesson numbered `number`, if there is one.
    fn numbered(&self, number: &str) -> Option<usize> {
        let n: u32 = number.parse().ok()?;
        (0..self.lessons.len()).find(|&i| self.number(i) == n)
    }

    /// A digit typed in the list: opens the lesson of that number as soon
    /// as no other lesson's number starts with the digits typed (`1` waits
    /// for `12` when there are 16 lessons; Enter opens lesson 1).
    fn jump_digit(&mut self, d: char) {
        self.list.jump.push(d);
        let typed = self.list.jump.clone();
        let longer = (0..self.lessons.len()).any(|i| {
            let n = self.number(i).to_string();
            n.len() > typed.len() && n.starts_with(&typed)
        });
        match self.numbered(&typed) {
            Some(i) if !longer => {
                self.list.jump.clear();
                self.open(i);
            }
            None if !longer => self.list.jump.clear(),
            _ => {}
        }
    }

    pub(super) fn list_key(&mut self, k: KeyEvent) {
        let count = self.filtered().len();
        if self.list.filtering {
            match k.code {
                KeyCode::Esc => {
                    self.list.filtering = false;
                    self.list.filter.clear();
                }
                KeyCode::Enter => self.list.filtering = false,
                KeyCode::Backspace => {
                    self.list.filter.pop();
                }
                KeyCode::Char(c) => {
                    self.list.filter.push(c);
                    self.list.selected = 0;
                }
                KeyCode::Up | KeyCode::Down => {
                    self.list.filtering = false;
                    self.list_key(k);
                }
                _ => {}
            }
            return;
        }
        if let KeyCode::Char(d @ '0'..='9') = k.code {
            self.jump_digit(d);
            return;
        }
        let jump = std::mem::take(&mut self.list.jump);
        if k.code == KeyCode::Enter
            && let Some(i) = self.numbered(&jump)
        {
            self.open(i);
            return;
        }
        match k.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Esc if !jump.is_empty() => {}
            KeyCode::Esc => {
                if self.list.filter.is_empty() {
                    self.quit = true;
                } else {
                    self.list.filter.clear();
                }
            }
            KeyCode::Char('/') => self.list.filtering = true,
            KeyCode::Char('?') => self.help = true,
            KeyCode::Up | KeyCode::Char('k') => {
                self.list.selected = self.list.selected.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.list.selected = (self.list.selected + 1).min(count.saturating_sub(1))
            }
            KeyCode::Home => self.list.selected = 0,
            KeyCode::End => self.list.selected = count.saturating_sub(1),
            KeyCode::Enter => {
                if let Some(&i) = self.filtered().get(self.list.selected) {
                    self.open(i);
                }
            }
            _ => {}
        }
    }

    pub(super) fn lesson_key(&mut self, k: KeyEvent) {
        if self.exporting {
            self.export_key(k);
            return;
        }
        let Some(lesson) = &mut self.lesson else {
            self.screen = Screen::List;
            return;
        };
        if lesson.detail
            && matches!(
                k.code,
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter | KeyCode::Backspace
            )
        {
            lesson.detail = false;
            return;
        }
        if lesson.lane_filter.typing {
            lesson.filter_key(k.code);
            let rows = self.timeline_rows();
            if let Some(lesson) = &mut self.lesson {
                lesson.keep_selection_visible(rows);
            }
            return;
        }
        if self.quiz_key(k) {
            return;
        }
        let Some(lesson) = &self.lesson else { return };
        let index = lesson.index;
        let current = &self.lessons[index];
        let offer = lesson.quiz.is_none()
            && !lesson.quiz_offered
            && lesson.status == RunStatus::Idle
            && lesson.run.is_none();
        match k.code {
            // Before the first run: predict, then run.
            KeyCode::Char(' ' | 's')
                if offer
                    && crate::ui::quiz::first_open(current, |q| self.answered(index, q))
                        .is_some() =>
            {
                self.open_quiz();
                return;
            }
            KeyCode::Char('Q') => {
                if lesson.quiz.is_none() {
                    self.open_quiz();
                }
                return;
            }
            _ => {}
        }
        let rows = self.timeline_rows();
        let Some(lesson) = &mut self.lesson else {
            return;
        };
        let current = &self.lessons[lesson.index];
        let lanes = lesson.timeline.lanes.len();
        match k.code {
            KeyCode::Char('q') | KeyCode::Esc => {
                self.lang = lesson.lang;
                self.speed = lesson.speed;
                self.lesson = None;
                self.screen = Screen::List;
            }
            KeyCode::Char('?') => self.help = true,
            // A new run makes the verdict shown stale: the panel closes.
            KeyCode::Char(' ' | 'r' | 's')
                if lesson
                    .quiz
                    .as_ref()
                    .is_some_and(|q| matches!(q.phase, Phase::Revealed { .. })) =>
            {
                lesson.quiz = None;
                lesson.start(current, k.code == KeyCode::Char('s'));
                if k.code == KeyCode::Char('s') {
                    lesson.step();
                }
            }
            KeyCode::Char(' ') => match lesson.status {
                RunStatus::Idle | RunStatus::Finished(_) => lesson.start(current, false),
                RunStatus::Running => lesson.pause(),
                RunStatus::Paused => {
                    if lesson.run.is_some() {
                        lesson.resume()
                    } else {
                        lesson.start(current, false)
                    }
                }
            },
            KeyCode::Char('s') => {
                if lesson.run.is_none() {
                    lesson.start(current, true);
                }
                lesson.step();
            }
            KeyCode::Char('r') => lesson.start(current, false),
            KeyCode::Char('+') | KeyCode::Char('=') => lesson.set_speed(true),
            KeyCode::Char('-') | KeyCode::Char('_') => lesson.set_speed(false),
            KeyCode::Tab | KeyCode::BackTab => lesson.lang = lesson.lang.other(),
            KeyCode::PageDown | KeyCode::PageUp if lesson.focus.is_some() => {
                let down = k.code == KeyCode::PageDown;
                self.page(down);
            }
            KeyCode::Char('F') => self.zoom = Zoom::next(self.zoom),
            KeyCode::Char('w') => {
                lesson.focus = match lesson.focus {
                    None => Some(Pane::Prose),
                    Some(Pane::Prose) => Some(Pane::Code),
                    Some(Pane::Code) => Some(Pane::Output),
                    Some(Pane::Output) => None,
                }
            }
            KeyCode::Char('n') | KeyCode::PageDown => {
                let i = lesson.index + 1;
                if i < self.lessons.len() {
                    self.open(i);
                }
            }
            KeyCode::Char('p') | KeyCode::PageUp => {
                if let Some(i) = lesson.index.checked_sub(1) {
                    self.open(i);
                }
            }
            KeyCode::Left => {
                lesson.scrub(false);
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Right => {
                lesson.scrub(true);
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Up => lesson.move_selection(-1, rows),
            KeyCode::Down => lesson.move_selection(1, rows),
            KeyCode::Home => lesson.move_selection(isize::MIN, rows),
            KeyCode::End => lesson.move_selection(isize::MAX, rows),
            KeyCode::Char('f') => {
                lesson.lane_filter.unfinished = !lesson.lane_filter.unfinished;
                lesson.lane_scroll = 0;
                lesson.keep_selection_visible(rows);
            }
            KeyCode::Char('/') => lesson.lane_filter.typing = true,
            KeyCode::Char('z') => lesson.frame_rows = Some(!lesson.frames_unfolded()),
            KeyCode::Char('b') => {
                lesson.jump_to_busiest();
                lesson.keep_selection_visible(rows);
            }
            // Only a lane the filter shows opens.
            KeyCode::Enter => lesson.detail = lanes > 0 && lesson.selection_visible(),
            KeyCode::Char('j') => self.scroll_prose(1),
            KeyCode::Char('k') => self.scroll_prose(-1),
            KeyCode::Char('e') => self.pending_edit = self.edit_target(),
            KeyCode::Char('x') => self.exporting = true,
            KeyCode::Char('J') => self.scroll_code(None, 1),
            KeyCode::Char('K') => self.scroll_code(None, -1),
            _ => {}
        }
    }

    pub(super) fn mouse(&mut self, m: MouseEvent) -> bool {
        let up = match m.kind {
            MouseEventKind::ScrollUp => true,
            MouseEventKind::ScrollDown => false,
            _ => return false,
        };
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let at = Position::new(m.column, m.row);
        match self.screen {
            Screen::List => {
                let count = self.filtered().len();
                self.list.selected = if up {
                    self.list.selected.saturating_sub(1)
                } else {
                    (self.list.selected + 1).min(count.saturating_sub(1))
                };
            }
            Screen::Lesson => {
                let rows = self.timeline_rows();
                let Some(lesson) = &self.lesson else {
                    return false;
                };
                let areas = crate::ui::view::lesson::lesson_layout(self, lesson, area);
                let Some(lesson) = &mut self.lesson else {
                    return false;
                };
                let delta = if up { -1 } else { 1 };
                if areas.timeline.contains(at) {
                    lesson.scroll_lanes(up, rows);
                } else if areas.output.contains(at) {
                    self.scroll_output(delta);
                } else if areas.code.contains(at) {
                    let lang = lesson.lang;
                    self.scroll_code(Some(lang), delta);
                } else if areas.code2.is_some_and(|r| r.contains(at)) {
                    let lang = lesson.lang.other();
                    self.scroll_code(Some(lang), delta);
                } else {
                    self.scroll_prose(delta);
                }
            }
        }
        true
    }
}
