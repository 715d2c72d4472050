//! The rule index: a rule's position in its playbook from its ID in a few instructions, for
//! the scorer, which looks a rule up for every finding of every path `analyze` plays.
//!
//! At load the index looks for a seed under which every rule ID of the playbook falls in a
//! slot of its own (a perfect hash over that playbook's IDs). A lookup then hashes three
//! words of the ID, reads one slot and compares the one ID it names. Where no seed is found
//! (a playbook of thousands of rules, or IDs that agree in every word hashed), the index
//! says so and the caller searches a map instead.

/// Slots in the table: 1,024 for a playbook's few dozen rules keeps a seed easy to find.
const SLOT_BITS: u32 = 10;
/// Seeds tried before the index gives up.
const SEEDS: u64 = 4_096;

/// A perfect hash of one playbook's rule IDs.
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleIndex {
    seed: u64,
    /// The rule's position plus one in each slot; 0 for none. Empty: no seed was found.
    slots: Vec<u16>,
}

impl RuleIndex {
    /// The index of `ids` (a playbook's rule IDs in order), or an empty one when no seed
    /// puts every ID in a slot of its own.
    pub(crate) fn build<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> RuleIndex {
        let n = ids.clone().count();
        if n >= (1 << SLOT_BITS) / 4 || n >= usize::from(u16::MAX) {
            return RuleIndex::default();
        }
        let mut slots = vec![0u16; 1 << SLOT_BITS];
        'seeds: for seed in 0..SEEDS {
            slots.fill(0);
            for (i, id) in ids.clone().enumerate() {
                let slot = &mut slots[slot(id, seed)];
                if *slot != 0 {
                    continue 'seeds;
                }
                *slot = i as u16 + 1;
            }
            return RuleIndex { seed, slots };
        }
        RuleIndex::default()
    }

    /// Whether a seed was found: without one, every lookup says `None`.
    pub(crate) fn is_built(&self) -> bool {
        !self.slots.is_empty()
    }

    /// Where `id` would be, if this index holds it: `Some(None)` when it is surely absent,
    /// `Some(Some(i))` for the one rule it may be (the caller compares the ID), and `None`
    /// when the index was not built.
    #[inline]
    pub(crate) fn candidate(&self, id: &str) -> Option<Option<usize>> {
        if self.slots.is_empty() {
            return None;
        }
        let s = self.slots[slot(id, self.seed)];
        Some((s != 0).then(|| usize::from(s - 1)))
    }
}

/// The slot of `id` under `seed`: its first, middle and last eight bytes and its length.
#[inline]
fn slot(id: &str, seed: u64) -> usize {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let b = id.as_bytes();
    let (first, middle, last) = if b.len() >= 8 {
        let mid = b.len() / 2 - 4;
        (
            word(&b[..8]),
            word(&b[mid..mid + 8]),
            word(&b[b.len() - 8..]),
        )
    } else {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        (u64::from_le_bytes(w), 0, 0)
    };
    let mut h = (first ^ seed.wrapping_mul(K)).wrapping_mul(K);
    h = (h.rotate_left(29) ^ middle).wrapping_mul(K);
    h = (h.rotate_left(29) ^ last ^ b.len() as u64).wrapping_mul(K);
    (h >> (64 - SLOT_BITS)) as usize
}

#[inline]
fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

/// Whether two IDs are the same, compared eight bytes at a step (IDs are short; a call to
/// the C library's compare costs more than the comparison).
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    if n < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let mut i = 0;
    while i + 8 <= n {
        if word(&a[i..i + 8]) != word(&b[i..i + 8]) {
            return false;
        }
        i += 8;
    }
    // The last few bytes, as the last eight (overlapping what was compared).
    i == n || word(&a[n - 8..]) == word(&b[n - 8..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_rule_has_a_slot_of_its_own_and_others_find_none() {
        let ids = crate::playbook::rule::RULES;
        let index = RuleIndex::build(ids.iter().copied());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.candidate(id), Some(Some(i)), "{id}");
        }
        // An unknown ID lands in an empty slot or in one whose ID differs.
        for other in [
            "",
            "timing",
            "wording.headers",
            "roles.final_approve",
            "x.y",
        ] {
            match index.candidate(other) {
                Some(Some(i)) => assert!(!same(ids[i], other), "{other}"),
                Some(None) => {}
                None => panic!("the contract's IDs have a perfect seed"),
            }
        }
    }

    #[test]
    fn ids_that_agree_in_every_word_hashed_give_no_index() {
        // Same length, same first, middle and last eight bytes: no seed can part them.
        // Forty bytes: the hash reads bytes 0–8, 16–24 and 32–40; these differ at byte 10.
        let a = "aaaaaaaa.xbbbbbbcccccccc.dddddddeeeeeeee";
        let b = "aaaaaaaa.ybbbbbbcccccccc.dddddddeeeeeeee";
        assert_eq!(a.len(), 40);
        assert_eq!(slot(a, 0), slot(b, 0));
        let index = RuleIndex::build([a, b].into_iter());
        assert_eq!(index.candidate(a), None);
    }

    #[test]
    fn same_compares_every_byte() {
        assert!(same("wording.header", "wording.header"));
        assert!(!same("wording.header", "wording.headex"));
        assert!(!same("wording.header", "xording.header"));
        assert!(!same("wording.header", "wording.heade"));
        assert!(same("", ""));
        assert!(!same("timing.facts_confirmed", "timing.facts_confirmeD"));
        // Every length, and a difference at every place, the tail's bytes included.
        let base: String = (0..40u8).map(|i| char::from(b'a' + i % 26)).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            let copy = String::from(a);
            assert!(same(a, copy.as_str()), "{n}");
            for k in 0..n {
                let mut b = a.as_bytes().to_vec();
                b[k] = b'#';
                assert!(!same(a, std::str::from_utf8(&b).expect("ascii")), "{n} {k}");
            }
        }
    }
}
