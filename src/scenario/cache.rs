//! What the engine and the scorer work out from a scenario once and reuse for every drill of
//! it (`analyze` plays thousands): values kept beside the scenario, each made at its first
//! use. The scenario does not know their types (the layers above it own them). A copy of the
//! scenario starts with none, so a scenario changed after copying is never read through a
//! stale value.

use std::any::Any;
use std::sync::{Arc, Mutex, PoisonError};

type Value = Arc<dyn Any + Send + Sync>;

/// Values worked out from the scenario that holds them, one per type.
#[derive(Default)]
pub struct Derived(Mutex<Vec<Value>>);

impl Derived {
    /// The value of type `T`, made by `make` the first time it is asked for.
    pub fn get<T: Any + Send + Sync>(&self, make: impl FnOnce() -> T) -> Arc<T> {
        if let Some(t) = find::<T>(&self.lock()) {
            return t;
        }
        // Made without the lock held, so `make` may ask for another value; if two threads
        // made it at once, the first one kept is the one every drill reads.
        let made: Arc<T> = Arc::new(make());
        let mut values = self.lock();
        if let Some(t) = find::<T>(&values) {
            return t;
        }
        values.push(made.clone());
        made
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Value>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The value of type `T` among `values`, if one is there.
fn find<T: Any + Send + Sync>(values: &[Value]) -> Option<Arc<T>> {
    values
        .iter()
        .find(|v| v.is::<T>())
        .and_then(|v| Arc::clone(v).downcast::<T>().ok())
}

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.lock().len();
        write!(f, "Derived({n} values)")
    }
}

#[cfg(test)]
mod tests {
    use super::Derived;

    #[test]
    fn each_type_is_made_once_and_a_copy_starts_empty() {
        let d = Derived::default();
        let mut made = 0;
        let a = d.get(|| {
            made += 1;
            7u32
        });
        let b = d.get(|| {
            made += 1;
            8u32
        });
        assert_eq!((*a, *b, made), (7, 7, 1));
        assert_eq!(*d.get(|| String::from("x")), "x");
        assert_eq!(*d.clone().get(|| 9u32), 9, "a copy makes its own");
    }
}
