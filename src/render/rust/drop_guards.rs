//! The drop guards that carry a `finally` or an `except CancelledError`
//! through Tokio's cancellation by drop: `scopeguard`'s guard, or a
//! `Guarded` that holds the variables its cleanup reads.

use super::Renderer;
use super::names::ident;
impl Renderer<'_> {
    /// Switches a guard off: its cleanup will not run.
    pub(super) fn disarm(&mut self, guard: &str) {
        if self.guard_names.contains(guard) {
            self.use_("scopeguard", "ScopeGuard");
            self.line(format!("ScopeGuard::into_inner({guard});"));
        } else {
            self.line(format!("{guard}.disarm();"));
        }
    }

    /// `let GUARD = guard((), |_| {` (`scopeguard`'s drop guard), or, when
    /// the cleanup reads variables
    /// that the body changes, a `Guarded` that holds them:
    /// `let mut VAR = Guarded::new(&mut VAR, |VAR| {` for one, a tuple for
    /// several. Returns the guard's name; `places` gets where the body
    /// reaches each held variable (`*VAR`, `*held.0`).
    pub(super) fn guard_line(
        &mut self,
        guard: &str,
        holds: &[String],
        places: &mut Vec<(String, String)>,
    ) -> String {
        let copy = |r: &Self, v: &str| r.var_ty(v).is_copy();
        match holds {
            [] => {
                self.use_("scopeguard", "guard");
                self.guard_names.insert(guard.to_string());
                self.line(format!("let {guard} = guard((), |_| {{"));
                guard.to_string()
            }
            [v] => {
                self.needs_guarded = true;
                let name = ident(v);
                self.held_names.insert(name.clone());
                let pat = if copy(self, v) {
                    format!("&{name}")
                } else {
                    name.clone()
                };
                self.line(format!("// `{name}` changes below: the guard holds it."));
                self.line(format!(
                    "let mut {name} = Guarded::new(&mut {name}, |{pat}| {{"
                ));
                places.push((v.clone(), format!("*{name}")));
                name
            }
            many => {
                self.needs_guarded = true;
                let mut name = "held".to_string();
                let mut n = 1;
                while self.declared.contains(&name) || self.held_names.contains(&name) {
                    n += 1;
                    name = format!("held_{n}");
                }
                self.held_names.insert(name.clone());
                let names: Vec<String> = many.iter().map(|v| ident(v)).collect();
                let refs: Vec<String> = names.iter().map(|v| format!("&mut {v}")).collect();
                let values: Vec<String> = many
                    .iter()
                    .zip(&names)
                    .map(|(v, n)| {
                        if copy(self, v) {
                            format!("**{n}")
                        } else {
                            format!("&**{n}")
                        }
                    })
                    .collect();
                let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
                self.line(format!(
                    "// {} change below: the guard holds them.",
                    list.join(" and ")
                ));
                self.line(format!("let mut {name} = ({});", refs.join(", ")));
                self.line(format!(
                    "let mut {name} = Guarded::new(&mut {name}, |({})| {{",
                    names.join(", ")
                ));
                self.line(format!(
                    "    let ({}) = ({});",
                    names.join(", "),
                    values.join(", ")
                ));
                for (i, v) in many.iter().enumerate() {
                    places.push((v.clone(), format!("*{name}.{i}")));
                }
                name
            }
        }
    }
}

/// The drop guard of a cleanup that reads a variable the guarded code
/// changes: it holds the variable and hands it to the cleanup.
pub(super) const GUARDED: &[&str] = &[
    "/// Holds a variable that the code in its scope changes, and runs a cleanup",
    "/// with it when dropped, unless disarmed: the cleanup of a task that Tokio",
    "/// cancels by dropping its future.",
    "struct Guarded<'a, T, F: FnOnce(&T)> {",
    "    value: &'a mut T,",
    "    cleanup: Option<F>,",
    "}",
    "",
    "impl<'a, T, F: FnOnce(&T)> Guarded<'a, T, F> {",
    "    fn new(value: &'a mut T, cleanup: F) -> Self {",
    "        Guarded {",
    "            value,",
    "            cleanup: Some(cleanup),",
    "        }",
    "    }",
    "",
    "    fn disarm(mut self) {",
    "        self.cleanup = None;",
    "    }",
    "}",
    "",
    "impl<T, F: FnOnce(&T)> Deref for Guarded<'_, T, F> {",
    "    type Target = T;",
    "",
    "    fn deref(&self) -> &T {",
    "        self.value",
    "    }",
    "}",
    "",
    "impl<T, F: FnOnce(&T)> DerefMut for Guarded<'_, T, F> {",
    "    fn deref_mut(&mut self) -> &mut T {",
    "        self.value",
    "    }",
    "}",
    "",
    "impl<T, F: FnOnce(&T)> Drop for Guarded<'_, T, F> {",
    "    fn drop(&mut self) {",
    "        if let Some(f) = self.cleanup.take() {",
    "            f(self.value);",
    "        }",
    "    }",
    "}",
];
