//! The cast: each person's ID, department, authority and when they cannot be reached.

use super::*;

impl Validator<'_> {
    pub(super) fn person(&mut self, p: &PersonFile, i: usize) -> Person {
        let path = format!("cast[{i}]");
        self.text(&p.name, &format!("{path}.name"), true);
        self.text(&p.title, &format!("{path}.title"), true);
        self.text(&p.note, &format!("{path}.note"), false);
        let unavailable = p
            .unavailable
            .iter()
            .enumerate()
            .map(|(j, w)| self.window(w, &format!("{path}.unavailable[{j}]")))
            .collect();
        let department_label = self.department(&p.department, &format!("{path}.department"));
        Person {
            id: p.id.clone(),
            name: p.name.clone(),
            department: p.department.clone(),
            department_label,
            title: p.title.clone(),
            can_approve: p.can_approve,
            unavailable,
            note: p.note.clone(),
        }
    }
}
