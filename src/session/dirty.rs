//! What a drill must check again when it settles: the injects, milestones, changes of facts
//! and decision openings whose trigger may have fired since they were last found not ready.
//! Everything else is known not to be ready, so a settle looks at a few things, not all.

use super::prepared::Waiter;

/// A set of small indices, taken out lowest first.
#[derive(Debug, Clone, Default)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    /// Empty, for indices below `n`.
    pub(super) fn reset(&mut self, n: usize) {
        self.0.clear();
        self.0.resize(n.div_ceil(64), 0);
    }

    /// Every index below `n`.
    pub(super) fn fill(&mut self, n: usize) {
        self.reset(n);
        for i in 0..n {
            self.set(i);
        }
    }

    pub(super) fn set(&mut self, i: usize) {
        self.0[i >> 6] |= 1 << (i & 63);
    }

    /// Whether `i` is in the set; takes it out.
    pub(super) fn take(&mut self, i: usize) -> bool {
        let (w, bit) = (i >> 6, 1u64 << (i & 63));
        let was = self.0[w] & bit != 0;
        self.0[w] &= !bit;
        was
    }

    /// The lowest index in the set at or above `from`, taken out.
    pub(super) fn take_from(&mut self, from: usize) -> Option<usize> {
        let mut w = from >> 6;
        let mut word = *self.0.get(w)? & (!0u64 << (from & 63));
        loop {
            if word != 0 {
                let b = word.trailing_zeros() as usize;
                self.0[w] &= !(1u64 << b);
                return Some(w * 64 + b);
            }
            w += 1;
            word = *self.0.get(w)?;
        }
    }
}

/// What to check again, by kind.
#[derive(Debug, Clone, Default)]
pub(super) struct Dirty {
    pub(super) injects: Bits,
    pub(super) milestones: Bits,
    /// By place in the list of all changes of all facts.
    pub(super) changes: Bits,
    pub(super) opens: Bits,
}

impl Dirty {
    /// Marks everything that waits on something that has just happened.
    pub(super) fn mark(&mut self, waiters: &[Waiter]) {
        for w in waiters {
            match *w {
                Waiter::Inject(i) => self.injects.set(i),
                Waiter::Milestone(m) => self.milestones.set(m),
                Waiter::Change(c) => self.changes.set(c),
                Waiter::Opens(d) => self.opens.set(d),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn indices_come_out_lowest_first_across_words() {
        let mut b = Bits::default();
        b.reset(200);
        for i in [130, 3, 64, 63, 199] {
            b.set(i);
        }
        assert!(b.take(64));
        assert!(!b.take(64), "taken out");
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = b.take_from(from) {
            out.push(i);
            from = i + 1;
        }
        assert_eq!(out, [3, 63, 130, 199]);
        assert_eq!(b.take_from(0), None, "all taken");
        b.set(5);
        assert_eq!(b.take_from(6), None, "below `from` stays");
        assert_eq!(b.take_from(0), Some(5));
        assert_eq!(b.take_from(1000), None);
        let mut all = Bits::default();
        all.fill(65);
        assert_eq!((all.take_from(0), all.take_from(64)), (Some(0), Some(64)));
        assert_eq!(all.take_from(65), None);
    }
}
