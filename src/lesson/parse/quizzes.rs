//! The `[[quiz]]` tables of a lesson file: each question, its choices and
//! answer (or the run fact the answer comes from), checked and located.

use super::{Node, Reader};
use crate::lesson::diagnostic::did_you_mean;
use crate::lesson::{Quiz, QuizAnswer, RunFact};

const QUIZ_KEYS: &[&str] = &[
    "question", "choices", "answer", "from_run", "line", "explain",
];

impl Reader<'_> {
    pub(super) fn quizzes(&mut self, node: &Node<'_>) -> Vec<Quiz> {
        let Some(items) = self.array(node, "quiz") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Some(t) = self.table(item, "a quiz") else {
                continue;
            };
            self.check_keys(t, QUIZ_KEYS, "a quiz");
            let question = self.required_string(t, "question", item.span(), "a quiz");
            let explain = t
                .get("explain")
                .and_then(|n| self.string(n, "explain"))
                .map(|(s, _)| s);
            let mut choices = Vec::new();
            if let Some(c) = t.get("choices")
                && let Some(list) = self.array(c, "choices")
            {
                for choice in list {
                    if !self.is_string_item(choice, "choices", "choices = [\"1 s\", \"2 s\"]") {
                        continue;
                    }
                    if let Some((s, _)) = self.string(choice, "choices") {
                        choices.push(s);
                    }
                }
            }
            if choices.len() < 2 {
                self.error(
                    t.get("choices").map_or(item.span(), |n| n.span()),
                    "a quiz needs at least two `choices`",
                    Some("write choices = [\"first\", \"second\"]".into()),
                );
                continue;
            }
            let answer = match (t.get("answer"), t.get("from_run")) {
                (Some(a), None) => {
                    let Some((a_text, span)) = self.string(a, "answer") else {
                        continue;
                    };
                    if let Some(line) = t.get("line") {
                        self.error(
                            line.span(),
                            "`line` goes only with from_run = \"time_of_line\"",
                            Some("remove `line`: `answer` already fixes the right choice".into()),
                        );
                        continue;
                    }
                    match choices.iter().position(|c| *c == a_text) {
                        Some(i) => QuizAnswer::Choice(i),
                        None => {
                            self.error(
                                span,
                                format!("the answer `{a_text}` is not one of the choices"),
                                Some(format!(
                                    "write the answer exactly as one of the choices: {}",
                                    choices
                                        .iter()
                                        .map(|c| format!("\"{c}\""))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )),
                            );
                            continue;
                        }
                    }
                }
                (None, Some(f)) => {
                    let Some((fact, span)) = self.string(f, "from_run") else {
                        continue;
                    };
                    let line = t.get("line").and_then(|n| self.string(n, "line"));
                    if fact == RunFact::TIME_OF_LINE {
                        match line {
                            Some((line, _)) => QuizAnswer::FromRun(RunFact::TimeOfLine(line)),
                            // A `line` that is not a string is already reported.
                            None if t.get("line").is_some() => continue,
                            None => {
                                self.error(
                                    span,
                                    "`time_of_line` needs the line to time",
                                    Some("add line = \"...\", a line the demo prints".into()),
                                );
                                continue;
                            }
                        }
                    } else if let Some((_, line_span)) = line {
                        self.error(
                            line_span,
                            "`line` goes only with from_run = \"time_of_line\"",
                            Some("remove `line`, or ask when that line prints".into()),
                        );
                        continue;
                    } else {
                        match RunFact::ALL.iter().find(|(n, _)| *n == fact) {
                            Some((_, fact)) => QuizAnswer::FromRun(fact.clone()),
                            None => {
                                let mut names: Vec<_> =
                                    RunFact::ALL.iter().map(|(n, _)| *n).collect();
                                names.push(RunFact::TIME_OF_LINE);
                                let help = match did_you_mean(&fact, names.iter().copied()) {
                                    Some(best) => format!("did you mean `{best}`?"),
                                    None => format!("from_run is one of: {}", names.join(", ")),
                                };
                                self.error(
                                    span,
                                    format!("`{fact}` is not something a run can answer"),
                                    Some(help),
                                );
                                continue;
                            }
                        }
                    }
                }
                (Some(a), Some(_)) => {
                    self.error(
                        a.span(),
                        "a quiz has either `answer` or `from_run`, not both",
                        Some(
                            "remove one: `answer` fixes the right choice, `from_run` takes it from the run (preferred)"
                                .into(),
                        ),
                    );
                    continue;
                }
                (None, None) => {
                    self.error(
                        item.span().start..item.span().start,
                        "this quiz has no `answer` and no `from_run`",
                        Some("add from_run = \"first_line\" (or answer = \"...\")".into()),
                    );
                    continue;
                }
            };
            out.push(Quiz {
                question,
                choices,
                answer,
                explain,
                span: self.table_header(item.span(), "[[quiz]]"),
            });
        }
        out
    }
}
