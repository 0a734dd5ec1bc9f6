//! The seed an unseeded `random` program drew from, as the lesson screen
//! names it once the run is over: `seed N (replay with --seed N)`.

/// The note for a run's warnings (which hold `random seed: N` when the run
/// picked the seed), or `None` when the program did not draw unseeded.
pub fn note(warnings: &[String]) -> Option<String> {
    let seed = warnings
        .iter()
        .find_map(|w| w.strip_prefix("random seed: "))?;
    Some(format!("seed {seed} (replay with --seed {seed})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_seed_and_how_to_replay_it() {
        let warnings = vec![
            "x.py:3: RuntimeWarning: ...".to_string(),
            "random seed: 42".into(),
        ];
        assert_eq!(
            note(&warnings).as_deref(),
            Some("seed 42 (replay with --seed 42)")
        );
        assert_eq!(note(&warnings[..1]), None);
    }
}
