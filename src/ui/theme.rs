//! Colours for dark and light terminals, or none at all (`NO_COLOR`).
//! Every state also has a glyph, so the screen reads without colour.

use super::timeline::LaneState;
use ratatui::style::{Color, Modifier, Style};

/// The palette in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub dark: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            dark: true,
        }
    }
}

impl Theme {
    /// Reads `NO_COLOR`, `ASYNCLINGS_THEME` (`light`/`dark`) and `COLORFGBG`.
    pub fn from_env() -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let dark = match std::env::var("ASYNCLINGS_THEME").as_deref() {
            Ok("light") => false,
            Ok("dark") => true,
            _ => match std::env::var("COLORFGBG") {
                // "fg;bg": a background of 7 or 15 is a light terminal.
                Ok(v) => !matches!(v.rsplit(';').next(), Some("7") | Some("15")),
                Err(_) => true,
            },
        };
        Theme { color, dark }
    }

    /// A theme without colours (modifiers only).
    pub fn mono() -> Theme {
        Theme {
            color: false,
            dark: true,
        }
    }

    fn fg(&self, dark: Color, light: Color) -> Style {
        if !self.color {
            return Style::default();
        }
        Style::default().fg(if self.dark { dark } else { light })
    }

    pub fn text(&self) -> Style {
        Style::default()
    }
    pub fn dim(&self) -> Style {
        if self.color {
            self.fg(Color::DarkGray, Color::Gray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }
    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow, Color::Magenta)
            .add_modifier(Modifier::BOLD)
    }
    pub fn code(&self) -> Style {
        self.fg(Color::LightGreen, Color::Green)
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn border(&self) -> Style {
        self.fg(Color::Gray, Color::DarkGray)
    }
    pub fn focus_border(&self) -> Style {
        self.fg(Color::Cyan, Color::Blue)
    }
    pub fn keyword(&self) -> Style {
        self.fg(Color::LightBlue, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }
    /// `async`, `await`, `.await`: the words this tutorial is about.
    pub fn async_kw(&self) -> Style {
        self.fg(Color::LightMagenta, Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn string(&self) -> Style {
        self.fg(Color::LightGreen, Color::Green)
    }
    pub fn comment(&self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }
    pub fn number(&self) -> Style {
        self.fg(Color::LightYellow, Color::Red)
    }
    /// A function's name where it is defined or called.
    pub fn function(&self) -> Style {
        self.fg(Color::LightCyan, Color::Cyan)
    }
    /// A type's name.
    pub fn type_name(&self) -> Style {
        self.fg(Color::Yellow, Color::Magenta)
    }
    /// A macro call (`println!`) or an attribute (`#[tokio::main]`).
    pub fn macro_name(&self) -> Style {
        self.fg(Color::LightRed, Color::Red)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::LightRed, Color::Red)
            .add_modifier(Modifier::BOLD)
    }
    pub fn ok(&self) -> Style {
        self.fg(Color::LightGreen, Color::Green)
    }
    pub fn now_marker(&self) -> Style {
        self.fg(Color::LightYellow, Color::Red)
            .add_modifier(Modifier::BOLD)
    }

    /// The colour of the lane at this position in the timeline.
    pub fn lane(&self, index: usize) -> Style {
        const DARK: [Color; 6] = [
            Color::LightCyan,
            Color::LightMagenta,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightRed,
        ];
        const LIGHT: [Color; 6] = [
            Color::Blue,
            Color::Magenta,
            Color::Green,
            Color::Red,
            Color::Cyan,
            Color::DarkGray,
        ];
        if !self.color {
            return Style::default().add_modifier(Modifier::BOLD);
        }
        let c = if self.dark {
            DARK[index % DARK.len()]
        } else {
            LIGHT[index % LIGHT.len()]
        };
        Style::default().fg(c)
    }

    /// The style of a timeline cell in this state.
    pub fn state(&self, state: LaneState) -> Style {
        use LaneState::*;
        match state {
            Running => self.fg(Color::LightGreen, Color::Green),
            Ready => self.fg(Color::Yellow, Color::Magenta),
            WaitTimer => self.fg(Color::Cyan, Color::Blue),
            TimedWait => self.fg(Color::Blue, Color::Blue),
            Blocked => self.fg(Color::LightRed, Color::Red),
            Working => self.fg(Color::LightCyan, Color::Cyan),
            Done => self.fg(Color::Green, Color::Green),
            Cancelled | Failed => self.fg(Color::Red, Color::Red),
            TimedOut => self.fg(Color::LightMagenta, Color::Magenta),
        }
    }
}
