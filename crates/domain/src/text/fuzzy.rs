//! Misspelt words: a Latin-script word the lexicons do not know is read as a lexicon word
//! one letter away ("frendly" → friendly, "proffesional" → professional, "laipan" →
//! laipn*), comparing both with doubled letters made single. Words shorter than six
//! letters are left alone: too many words are one letter from a short one.
//!
//! Found through an index of each lexicon word with one letter deleted (the symmetric
//! delete method): a handful of lookups per unknown word, whatever the lexicon's size.

use std::collections::HashMap;

use super::lexicon::{Cue, Lexicon, Word};
use super::normalize::{Script, single_letters};

/// Shorter words are not corrected.
const MIN_CHARS: usize = 6;

#[derive(Debug, Clone, Default)]
pub(super) struct Fuzzy {
    /// A word (or stem) and its one-letter deletions → (entry, whether a stem).
    index: HashMap<String, Vec<(u32, bool)>>,
}

fn deletions(word: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..word.len()).map(move |i| {
        word.iter()
            .enumerate()
            .filter(|(k, _)| *k != i)
            .map(|(_, c)| c)
            .collect()
    })
}

/// Whether two words are at most one edit apart (insertion, deletion, substitution or
/// two neighbours swapped).
fn within_one(a: &[char], b: &[char]) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]])
        }
        1 => {
            let i = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

impl Fuzzy {
    pub(super) fn new(lexicon: &Lexicon) -> Fuzzy {
        let mut index: HashMap<String, Vec<(u32, bool)>> = HashMap::new();
        for (id, e) in lexicon.entries.iter().enumerate() {
            // Sentiment only: a theme's word one letter off is too often another word
            // ("counter" is not "courte*", "changed" is not "charg*").
            if e.script != Script::Latin
                || e.words.len() != 1
                || !matches!(e.cue, Cue::Sentiment(_))
            {
                continue;
            }
            let (w, stem) = match &e.words[0] {
                Word::Exact(w) => (w, false),
                Word::Prefix(p) => (p, true),
            };
            let chars: Vec<char> = single_letters(w).chars().collect();
            // Stems need a letter more: "profes*" would take "proces…".
            if chars.len() < MIN_CHARS + stem as usize || w.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            for key in std::iter::once(chars.iter().collect()).chain(deletions(&chars)) {
                index.entry(key).or_default().push((id as u32, stem));
            }
        }
        Fuzzy { index }
    }

    /// Entries one letter from `word` (a word that matched nothing as written).
    pub(super) fn find(&self, lexicon: &Lexicon, word: &str, out: &mut Vec<u32>) {
        let chars: Vec<char> = single_letters(word).chars().collect();
        if chars.len() < MIN_CHARS {
            return;
        }
        let seen = |id: u32, out: &mut Vec<u32>| {
            if !out.contains(&id) {
                out.push(id);
            }
        };
        // Whole words against the lexicon's words; the word's beginnings against stems.
        for len in MIN_CHARS - 1..=chars.len() {
            let part = &chars[..len];
            let whole = len == chars.len();
            for key in std::iter::once(part.iter().collect::<String>()).chain(deletions(part)) {
                let Some(ids) = self.index.get(&key) else {
                    continue;
                };
                for &(id, stem) in ids {
                    // Words are compared whole; stems with the word's beginnings.
                    if !stem && !whole {
                        continue;
                    }
                    let target: Vec<char> = match &lexicon.entries[id as usize].words[0] {
                        Word::Exact(w) | Word::Prefix(w) => single_letters(w).chars().collect(),
                    };
                    // A stem is compared with as many letters of the word (one more or
                    // one fewer when the slip adds or drops a letter).
                    if stem && target.len().abs_diff(len) > 1 {
                        continue;
                    }
                    if within_one(part, &target) {
                        seen(id, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_apart() {
        assert!(within_one(&chars("frendly"), &chars("friendly")));
        assert!(within_one(&chars("rued"), &chars("rude")));
        assert!(within_one(&chars("slwo"), &chars("slow")));
        assert!(!within_one(&chars("rude"), &chars("ruined")));
        assert!(!within_one(&chars("abcd"), &chars("badc")));
    }
}
